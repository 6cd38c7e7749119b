package jp.renkei.server.support;

import java.util.UUID;

/** STIX objects and TLP marking ids the server's tests post. */
public final class StixSamples {

  public static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  public static final String AMBER_STRICT =
      "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
  public static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

  private StixSamples() {}

  /** A sighting of {@code indicator}, seen {@code count} times in May 2026, under a marking. */
  public static String sighting(String indicator, int count, String marking) {
    return """
        {"type":"sighting","spec_version":"2.1","id":"sighting--%s","created":"2026-06-01T00:00:00.000Z",
         "modified":"2026-06-01T00:00:00.000Z","sighting_of_ref":"%s","count":%d,
         "first_seen":"2026-05-01T00:00:00Z","last_seen":"2026-05-02T00:00:00Z","object_marking_refs":["%s"]}
        """
        .formatted(UUID.randomUUID(), indicator, count, marking);
  }
}
