package jp.renkei.engine.stix;

import java.util.Map;
import java.util.Optional;
import jp.renkei.engine.policy.Tlp;

/**
 * The fixed STIX marking-definition ids of TLP: the five TLP 2.0 ids published by OASIS (in
 * cti-stix-common-objects) and the four TLP 1.0 ids of STIX 2.1 §7.2.1.4 (TLP 1.0 WHITE is read as
 * CLEAR). An object's TLP is the narrowest TLP among its marking refs.
 */
public final class TlpMarkings {

  /** The id of the OASIS extension-definition that carries {@code tlp_2_0}. */
  public static final String TLP2_EXTENSION =
      "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

  private static final Map<Tlp, String> TLP2 =
      Map.of(
          Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
          Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
          Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
          Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
          Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

  private static final Map<String, Tlp> BY_ID =
      Map.of(
          TLP2.get(Tlp.CLEAR),
          Tlp.CLEAR,
          TLP2.get(Tlp.GREEN),
          Tlp.GREEN,
          TLP2.get(Tlp.AMBER),
          Tlp.AMBER,
          TLP2.get(Tlp.AMBER_STRICT),
          Tlp.AMBER_STRICT,
          TLP2.get(Tlp.RED),
          Tlp.RED,
          "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
          Tlp.CLEAR,
          "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
          Tlp.GREEN,
          "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
          Tlp.AMBER,
          "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
          Tlp.RED);

  private TlpMarkings() {}

  /** The TLP level a marking-definition id stands for, if it is one of the fixed TLP ids. */
  public static Optional<Tlp> of(String markingRef) {
    return Optional.ofNullable(BY_ID.get(markingRef));
  }

  /** The TLP 2.0 marking-definition id of a level. */
  public static String idOf(Tlp level) {
    return TLP2.get(level);
  }

  /** The narrowest TLP among the refs, or empty when none is a TLP marking. */
  public static Optional<Tlp> narrowest(Iterable<String> markingRefs) {
    Tlp narrowest = null;
    for (String ref : markingRefs) {
      Tlp t = BY_ID.get(ref);
      if (t != null && (narrowest == null || t.compareTo(narrowest) < 0)) {
        narrowest = t;
      }
    }
    return Optional.ofNullable(narrowest);
  }

  /** The level named by a TLP 2.0 extension value ({@code clear}, {@code amber+strict}, ...). */
  static Optional<Tlp> ofTlp2Name(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "clear", "white" -> Optional.of(Tlp.CLEAR);
      case "green" -> Optional.of(Tlp.GREEN);
      case "amber" -> Optional.of(Tlp.AMBER);
      case "amber+strict" -> Optional.of(Tlp.AMBER_STRICT);
      case "red" -> Optional.of(Tlp.RED);
      default -> Optional.empty();
    };
  }
}
