package jp.renkei.server.taxii;

import static jp.renkei.server.taxii.TaxiiIT.GREEN;
import static jp.renkei.server.taxii.TaxiiIT.indicator;
import static jp.renkei.server.taxii.TaxiiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Who saw a sighting is named by its {@code where_sighted_refs} (attack27), as its author is by
 * {@code created_by_ref} (attack26): an operator could post a sighting "seen at" another
 * organisation's identity, which it reads in the sector collection, and every STIX reader (a peer
 * hub, a SIEM) would say that organisation saw the indicator. Such a sighting is refused, naming
 * {@code where_sighted_refs}; the writer's own identity and an identity nobody stored are its to
 * name.
 */
class SightingAttributionIT extends ServerTest {

  @Autowired IntelService intel;

  @Test
  void aSightingSeenAtAnotherOrganisationsIdentityIsRefused() {
    Organisation gasA = fixtures.operator("gas");
    Organisation gasB = fixtures.operator("gas");
    String tokenA = fixtures.token(fixtures.user(gasA, Role.ANALYST));
    String tokenB = fixtures.token(fixtures.user(gasB, Role.ANALYST));
    String gas =
        intel.allCollections().stream()
            .filter(c -> c.kind() != StixCollection.Kind.HUB && "gas".equals(c.sectorCode()))
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    String ind = newId();
    String identityA = "identity--" + UUID.randomUUID();
    taxii()
        .post(
            tokenA,
            gas,
            identity(identityA, "Gas operator A"),
            indicator(ind, "2026-02-01T00:00:00.000Z", GREEN, "c2.example"));
    // B reads A's identity in the sector collection
    assertThat(taxii().get(tokenB, gas + "/objects/" + identityA + "/").statusCode())
        .isEqualTo(200);

    String forged = "sighting--" + UUID.randomUUID();
    String identityB = "identity--" + UUID.randomUUID();
    String own = "sighting--" + UUID.randomUUID();
    JsonNode status =
        taxii()
            .post(
                tokenB,
                gas,
                sighting(forged, ind, identityA),
                identity(identityB, "Gas operator B"),
                sighting(own, ind, identityB));
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(1);
    assertThat(status.path("failures").get(0).path("id").asString()).isEqualTo(forged);
    assertThat(status.path("failures").get(0).path("message").asString())
        .contains("where_sighted_refs");
    assertThat(taxii().get(tokenA, gas + "/objects/" + forged + "/").statusCode()).isEqualTo(404);
    assertThat(taxii().get(tokenA, gas + "/objects/" + own + "/").statusCode()).isEqualTo(200);
  }

  static String identity(String id, String name) {
    return """
        {"type":"identity","spec_version":"2.1","id":"%s","created":"2026-06-01T00:00:00.000Z",
         "modified":"2026-06-01T00:00:00.000Z","name":"%s","identity_class":"organization",
         "object_marking_refs":["%s"]}
        """
        .formatted(id, name, GREEN);
  }

  static String sighting(String id, String indicator, String seenAt) {
    return """
        {"type":"sighting","spec_version":"2.1","id":"%s","created":"2026-06-01T00:00:00.000Z",
         "modified":"2026-06-01T00:00:00.000Z","sighting_of_ref":"%s","count":4,
         "where_sighted_refs":["%s"],"object_marking_refs":["%s"]}
        """
        .formatted(id, indicator, seenAt, GREEN);
  }

  TaxiiClient taxii() {
    return new TaxiiClient(port);
  }
}
