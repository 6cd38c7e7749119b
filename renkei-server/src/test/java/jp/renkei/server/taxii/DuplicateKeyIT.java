package jp.renkei.server.taxii;

import static jp.renkei.server.taxii.TaxiiIT.GREEN;
import static jp.renkei.server.taxii.TaxiiIT.RED;
import static jp.renkei.server.taxii.TaxiiIT.TAXII;
import static jp.renkei.server.taxii.TaxiiIT.indicator;
import static jp.renkei.server.taxii.TaxiiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.renkei.server.directory.Role;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * JSON with a key twice: the hub kept the last value, a peer or a proxy given the same bytes may
 * keep the first, so an object could be GREEN to one and RED to the other, or carry two ids. Every
 * JSON input refuses it, naming the object and the key.
 */
class DuplicateKeyIT extends ServerTest {

  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  String collection() {
    return intel.allCollections().stream()
        .filter(c -> "gas".equals(c.sectorCode()))
        .map(StixCollection::id)
        .findFirst()
        .orElseThrow()
        .toString();
  }

  HttpResponse<String> post(String token, String body) throws Exception {
    return TaxiiIT.CLIENT.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/taxii2/api/collections/"
                        + collection()
                        + "/objects/"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", TAXII)
            .header("Content-Type", TAXII)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  int stored(String... ids) {
    return jdbc.sql("select count(*) from stix_object where stix_id = any(?)")
        .param(ids)
        .query(Integer.class)
        .single();
  }

  @Test
  void aStixObjectWithTwoMarkingListsOrTwoIdsIsRefusedByTaxiiNamingTheKey() throws Exception {
    String token = fixtures.token(fixtures.user(fixtures.operator("gas"), Role.ANALYST));
    String twoMarkings = newId();
    String firstId = newId();
    String secondId = newId();
    String fine = newId();
    String markings =
        indicator(twoMarkings, "2026-01-02T00:00:00.000Z", GREEN, "a.example")
            .replace("\"type\"", "\"object_marking_refs\":[\"" + RED + "\"],\"type\"");
    String ids =
        indicator(firstId, "2026-01-02T00:00:00.000Z", GREEN, "b.example")
            .replace("\"type\"", "\"id\":\"" + secondId + "\",\"type\"");
    String ok = indicator(fine, "2026-01-02T00:00:00.000Z", GREEN, "c.example");
    HttpResponse<String> r = post(token, "{\"objects\":[" + markings + "," + ids + "," + ok + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode status = TaxiiIT.JSON.readTree(r.body());
    assertThat(status.path("failure_count").asInt()).isEqualTo(2);
    assertThat(status.path("success_count").asInt()).isEqualTo(1);
    assertThat(status.path("failures").get(0).path("message").asString())
        .contains(twoMarkings, "the key \"object_marking_refs\" appears twice");
    assertThat(status.path("failures").get(1).path("message").asString())
        .contains(secondId, "the key \"id\" appears twice");
    assertThat(stored(twoMarkings, firstId, secondId)).isZero();
    assertThat(stored(fine)).isEqualTo(1);
  }

  @Test
  void anEnvelopeWithTwoObjectsArraysSaysSo() throws Exception {
    String token = fixtures.token(fixtures.user(fixtures.operator("gas"), Role.ANALYST));
    String first = newId();
    String second = newId();
    HttpResponse<String> r =
        post(
            token,
            "{\"objects\":["
                + indicator(first, "2026-01-02T00:00:00.000Z", GREEN, "d.example")
                + "],\"objects\":["
                + indicator(second, "2026-01-02T00:00:00.000Z", GREEN, "e.example")
                + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode status = TaxiiIT.JSON.readTree(r.body());
    assertThat(status.path("failures").get(0).path("id").asString()).isEqualTo("envelope");
    assertThat(status.path("failures").get(0).path("message").asString())
        .contains("the key \"objects\" appears twice");
    assertThat(stored(second)).isZero();
  }

  @Test
  void anApiBodyWithAKeyTwiceIsRefusedNamingTheKey() {
    var api = http().bearer(fixtures.token(fixtures.user("op-sakura-bank", Role.ANALYST)));
    String name = "dup-" + java.util.UUID.randomUUID();
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/tokens",
            "{\"name\":\"" + name + "\",\n\"validDays\":30,\"name\":\"" + name + "-2\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body())
        .contains("\"code\":\"error.duplicateKey\"", "\"field\":\"name\"", "line 2");
    assertThat(
            jdbc.sql("select count(*) from api_token where name like ?")
                .param(name + "%")
                .query(Integer.class)
                .single())
        .isZero();
  }
}
