package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Identities stored before ingest refused another organisation's name (attack27b) or a unit of it
 * (attack28) are found again (attack28): the start-up check names each one's id and its storing
 * organisation in a warning, and neither its name nor anything else of it; the storing
 * organisation's own names and a body of its own are not named.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoredIdentityNamesIT extends ServerTest {

  @Autowired StoredIdentityNames stored;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  @Test
  void identitiesStoredBeforeTheCheckAreNamedByIdInAWarning(CapturedOutput output) {
    Organisation a = fixtures.operator("gas");
    Organisation b = fixtures.operator("gas");
    String whole = store(b, a.nameEn(), "organization");
    String unit = store(b, a.nameJa() + " 情報セキュリティ部", null);
    String ownUnit = store(b, b.nameEn() + " SOC", "organization");
    String isac = store(b, a.nameEn() + " ISAC", "organization");
    String person = store(b, a.nameEn() + " CSIRT", "individual");

    List<StoredIdentityNames.Misnamed> found = stored.misnamed();
    assertThat(found)
        .contains(
            new StoredIdentityNames.Misnamed(whole, b.id(), "name"),
            new StoredIdentityNames.Misnamed(unit, b.id(), "unit"));
    assertThat(found)
        .extracting(StoredIdentityNames.Misnamed::stixId)
        .doesNotContain(ownUnit, isac, person);

    int from = output.getAll().length();
    stored.warn();
    String log = output.getAll().substring(from);
    assertThat(log)
        .contains("stored identities carry another organisation's name")
        .contains(whole + " (stored by organisation " + b.id() + ", another's name)")
        .contains(unit + " (stored by organisation " + b.id() + ", a unit of another's name)")
        .doesNotContain(ownUnit, isac, person, a.nameEn(), a.nameJa());
  }

  /** An identity row as ingest stored it before the checks (straight into the table). */
  private String store(Organisation by, String name, String identityClass) {
    String id = "identity--" + UUID.randomUUID();
    String body =
        "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"created\":\"2025-06-01T00:00:00.000Z\",\"modified\":\"2025-06-01T00:00:00.000Z\","
            + "\"name\":\""
            + name
            + "\""
            + (identityClass == null ? "" : ",\"identity_class\":\"" + identityClass + "\"")
            + "}";
    jdbc.sql(
            "insert into stix_object (collection_id, stix_id, type, spec_version, version,"
                + " date_added, tlp, originator_org, body, version_us, added_us, granular) values"
                + " (?, ?, 'identity', '2.1', '2025-06-01T00:00:00Z', clock_timestamp(), 'GREEN',"
                + " ?, ?, 1748736000000000, (extract(epoch from clock_timestamp()) *"
                + " 1000000)::bigint, false)")
        .params(gasCollection(), id, by.id(), body)
        .update();
    return id;
  }

  private UUID gasCollection() {
    return intel.allCollections().stream()
        .filter(c -> c.kind() != StixCollection.Kind.HUB && "gas".equals(c.sectorCode()))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
