package jp.renkei.server.intel;

import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Objects written straight into {@code stix_object}, as ingest stored them before a check refused
 * them (the hub's store of an older release).
 */
public final class StoredRows {

  private StoredRows() {}

  /** An identity named {@code name}, stored by {@code by}; its STIX id. */
  public static String identity(
      JdbcClient jdbc, UUID collection, Organisation by, String name, String identityClass) {
    return object(
        jdbc,
        collection,
        by,
        "identity",
        ",\"name\":\""
            + name
            + "\""
            + (identityClass == null ? "" : ",\"identity_class\":\"" + identityClass + "\""),
        false);
  }

  /** An object of {@code type} with {@code rest} of its body (starting with a comma); its id. */
  public static String object(
      JdbcClient jdbc,
      UUID collection,
      Organisation by,
      String type,
      String rest,
      boolean revoked) {
    String id = type + "--" + UUID.randomUUID();
    String body =
        "{\"type\":\""
            + type
            + "\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"created\":\"2025-06-01T00:00:00.000Z\",\"modified\":\"2025-06-01T00:00:00.000Z\""
            + rest
            + "}";
    jdbc.sql(
            "insert into stix_object (collection_id, stix_id, type, spec_version, version,"
                + " date_added, tlp, originator_org, body, version_us, added_us, granular,"
                + " revoked) values (?, ?, ?, '2.1', '2025-06-01T00:00:00Z', clock_timestamp(),"
                + " 'GREEN', ?, ?, 1748736000000000, (extract(epoch from clock_timestamp()) *"
                + " 1000000)::bigint, false, ?)")
        .params(collection, id, type, by.id(), body, revoked)
        .update();
    return id;
  }

  public static UUID sectorCollection(IntelService intel, String sector) {
    return intel.allCollections().stream()
        .filter(c -> c.kind() != StixCollection.Kind.HUB && sector.equals(c.sectorCode()))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
