package jp.renkei.server.taxii;

import static jp.renkei.server.taxii.SightingAttributionIT.identity;
import static jp.renkei.server.taxii.TaxiiIT.GREEN;
import static jp.renkei.server.taxii.TaxiiIT.indicator;
import static jp.renkei.server.taxii.TaxiiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The references besides {@code created_by_ref} (attack26) and {@code where_sighted_refs}
 * (attack27) through which an object says whose it is (attack28): a sighting standing on another
 * organisation's observed data ({@code observed_data_refs}) would be read as that organisation's
 * observation of the indicator, and a custom {@code x_…_ref(s)} naming another organisation's
 * identity ({@code x_opencti_created_by_ref}) is taken for authorship by the tools that read it —
 * both served to peers over TAXII as posted. Each is refused naming the property; the writer's own
 * objects and identities nobody stored stay its to name.
 */
class AttributingRefsIT extends ServerTest {

  @Autowired IntelService intel;

  @Test
  void referencesThatMakeAnObjectAnotherOrganisationsAreRefused() {
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
    String observedA = "observed-data--" + UUID.randomUUID();
    JsonNode byA =
        taxii()
            .post(
                tokenA,
                gas,
                identity(identityA, "Gas sensor network " + UUID.randomUUID()),
                indicator(ind, "2026-02-01T00:00:00.000Z", GREEN, "c2-attr.example"),
                observed(observedA));
    assertThat(byA.path("failure_count").asInt()).as(byA.toString()).isZero();
    // B reads A's identity and observed data in the sector collection
    assertThat(taxii().get(tokenB, gas + "/objects/" + observedA + "/").statusCode())
        .isEqualTo(200);

    String identityB = "identity--" + UUID.randomUUID();
    String observedB = "observed-data--" + UUID.randomUUID();
    String nobodys = "identity--" + UUID.randomUUID();
    Map<String, String> refused = new LinkedHashMap<>();
    String onAs = "sighting--" + UUID.randomUUID();
    refused.put(onAs, "observed_data_refs");
    String asOpenCti = newId();
    refused.put(asOpenCti, "x_opencti_created_by_ref");
    String asList = newId();
    refused.put(asList, "x_acme_author_refs");
    String onOwn = "sighting--" + UUID.randomUUID();
    String ownOpenCti = newId();
    String nobodysRef = newId();
    JsonNode status =
        taxii()
            .post(
                tokenB,
                gas,
                identity(identityB, "Gas sensor network " + UUID.randomUUID()),
                observed(observedB),
                sighting(onAs, ind, identityB, observedA),
                with(
                    indicator(asOpenCti, "2026-02-02T00:00:00.000Z", GREEN, "a.example"),
                    "\"x_opencti_created_by_ref\":\"" + identityA + "\""),
                with(
                    indicator(asList, "2026-02-02T00:00:00.000Z", GREEN, "b.example"),
                    "\"x_acme_author_refs\":[\"" + identityB + "\",\"" + identityA + "\"]"),
                sighting(onOwn, ind, identityB, observedB),
                with(
                    indicator(ownOpenCti, "2026-02-02T00:00:00.000Z", GREEN, "c.example"),
                    "\"x_opencti_created_by_ref\":\"" + identityB + "\""),
                with(
                    indicator(nobodysRef, "2026-02-02T00:00:00.000Z", GREEN, "d.example"),
                    "\"x_opencti_created_by_ref\":\"" + nobodys + "\""));

    assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(3);
    for (JsonNode f : status.path("failures")) {
      String id = f.path("id").asString();
      assertThat(refused).containsKey(id);
      assertThat(f.path("message").asString()).contains(refused.get(id));
    }
    // what a peer reads: none of the refused, all of the rest
    for (String id : refused.keySet()) {
      assertThat(taxii().get(tokenA, gas + "/objects/" + id + "/").statusCode())
          .as(id)
          .isEqualTo(404);
    }
    for (String id : List.of(onOwn, ownOpenCti, nobodysRef)) {
      assertThat(taxii().get(tokenA, gas + "/objects/" + id + "/").statusCode())
          .as(id)
          .isEqualTo(200);
    }
  }

  static String observed(String id) {
    return """
        {"type":"observed-data","spec_version":"2.1","id":"%s","created":"2026-06-01T00:00:00.000Z",
         "modified":"2026-06-01T00:00:00.000Z","first_observed":"2026-06-01T00:00:00Z",
         "last_observed":"2026-06-01T00:00:00Z","number_observed":1,
         "object_refs":["domain-name--%s"],"object_marking_refs":["%s"]}
        """
        .formatted(id, UUID.randomUUID(), GREEN);
  }

  static String sighting(String id, String indicator, String seenAt, String observed) {
    return SightingAttributionIT.sighting(id, indicator, seenAt)
        .replace("\"count\":4,", "\"count\":4,\"observed_data_refs\":[\"" + observed + "\"],");
  }

  /** The object with one more property. */
  static String with(String object, String property) {
    int end = object.lastIndexOf('}');
    return object.substring(0, end) + "," + property + "}";
  }

  TaxiiClient taxii() {
    return new TaxiiClient(port);
  }
}
