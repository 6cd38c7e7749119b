package jp.renkei.server.taxii;

import static jp.renkei.server.taxii.TaxiiIT.GREEN;
import static jp.renkei.server.taxii.TaxiiIT.indicator;
import static jp.renkei.server.taxii.TaxiiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.StixSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A token of scope {@code match} is what {@code renkei match --report-sightings} runs with, often
 * on a log server: it reads collections and posts the sightings of its hits (with the identity it
 * names them by). It was taken by TAXII's {@code POST …/objects/} whole (attack27), so whoever held
 * it could publish indicators, reports or anything else in its organisation's name to every
 * collection the organisation writes — false indicators for the sector to block, attributed to a
 * member. It now posts sightings and identities only; every other object is refused in the status,
 * naming the scope, and nothing of it is stored.
 */
class MatchScopeIT extends ServerTest {

  @Autowired IntelService intel;

  @Test
  void aMatchTokenPostsSightingsButNoIndicators() {
    Organisation gas = fixtures.operator("gas");
    UserAccount analyst = fixtures.user(gas, Role.ANALYST);
    String matcher = fixtures.token(analyst, EnumSet.of(TokenScope.MATCH));
    String full = fixtures.token(analyst, EnumSet.of(TokenScope.TAXII));
    String collection = intel.collectionOfOrganisation(gas.id()).orElseThrow().id().toString();
    String published = newId();
    taxii()
        .post(
            full,
            collection,
            indicator(published, "2026-02-01T00:00:00.000Z", GREEN, "seen.example"));

    String forged = newId();
    String identity =
        """
        {"type":"identity","spec_version":"2.1","id":"identity--0b6a4a7e-8b1f-4a52-9d7f-4d1a1f3c2b11",
         "created":"2026-06-01T00:00:00.000Z","modified":"2026-06-01T00:00:00.000Z",
         "name":"matcher","identity_class":"organization"}
        """;
    JsonNode status =
        taxii()
            .post(
                matcher,
                collection,
                indicator(forged, "2026-02-01T00:00:00.000Z", GREEN, "victim-vendor.example"),
                StixSamples.sighting(published, 3, GREEN),
                identity);
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(1);
    assertThat(status.path("success_count").asInt()).as(status.toString()).isEqualTo(2);
    assertThat(status.path("failures").get(0).path("id").asString()).isEqualTo(forged);
    assertThat(status.path("failures").get(0).path("message").asString()).contains("match");
    // nothing of the indicator was stored; the one the full token published is there
    assertThat(taxii().get(full, collection + "/objects/" + forged + "/").statusCode())
        .isEqualTo(404);
    assertThat(taxii().get(full, collection + "/objects/" + published + "/").statusCode())
        .isEqualTo(200);
    // the same envelope with a token of scope taxii: all three taken
    String again = newId();
    JsonNode taken =
        taxii()
            .post(
                full,
                collection,
                indicator(again, "2026-02-01T00:00:00.000Z", GREEN, "victim-vendor.example"),
                StixSamples.sighting(published, 3, GREEN));
    assertThat(taken.path("failure_count").asInt()).as(taken.toString()).isZero();
  }

  TaxiiClient taxii() {
    return new TaxiiClient(port);
  }
}
