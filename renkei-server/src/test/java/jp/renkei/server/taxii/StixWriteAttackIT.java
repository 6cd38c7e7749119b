package jp.renkei.server.taxii;

import static jp.renkei.server.taxii.TaxiiIT.GREEN;
import static jp.renkei.server.taxii.TaxiiIT.RED;
import static jp.renkei.server.taxii.TaxiiIT.TAXII;
import static jp.renkei.server.taxii.TaxiiIT.envelope;
import static jp.renkei.server.taxii.TaxiiIT.indicator;
import static jp.renkei.server.taxii.TaxiiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Hostile writers against the STIX store: another organisation's object is never versioned, revoked
 * or hidden by someone else; what a writer is told never depends on objects it cannot see; claiming
 * an id unlocks nothing; and no date a reader sees counts the objects it may not.
 */
class StixWriteAttackIT extends ServerTest {

  @Autowired IntelService intel;

  Organisation gasA;
  Organisation gasB;
  UserAccount analystA;
  UserAccount analystB;
  String tokenA;
  String tokenB;
  String tokenReader;
  String gas;
  String hub;

  @BeforeEach
  void setUp() {
    gasA = fixtures.operator("gas");
    gasB = fixtures.operator("gas");
    analystA = fixtures.user(gasA, Role.ANALYST);
    analystB = fixtures.user(gasB, Role.ANALYST);
    tokenA = fixtures.token(analystA);
    tokenB = fixtures.token(analystB);
    tokenReader = fixtures.token(fixtures.user(fixtures.operator("gas"), Role.MEMBER));
    gas = collection("gas").id().toString();
    hub = collection(null).id().toString();
  }

  StixCollection collection(String sector) {
    return intel.allCollections().stream()
        .filter(
            c ->
                sector == null
                    ? c.kind() == StixCollection.Kind.HUB
                    : sector.equals(c.sectorCode()))
        .findFirst()
        .orElseThrow();
  }

  HttpResponse<String> send(String token, HttpRequest.Builder b) {
    try {
      return TaxiiIT.CLIENT.send(
          b.header("Authorization", "Bearer " + token).header("Accept", TAXII).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String token, String path) {
    return send(token, HttpRequest.newBuilder(uri(path)).GET());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/taxii2/api/collections/" + path);
  }

  /** Posts objects and returns the TAXII status. */
  JsonNode post(String token, String collection, String... objects) {
    HttpResponse<String> r =
        send(
            token,
            HttpRequest.newBuilder(uri(collection + "/objects/"))
                .header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope(List.of(objects)))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return TaxiiIT.JSON.readTree(r.body());
  }

  static JsonNode json(HttpResponse<String> r) {
    return TaxiiIT.JSON.readTree(r.body());
  }

  static String revoked(String id, String modified, String domain) {
    return indicator(id, modified, GREEN, domain)
        .replace("\"pattern_type\"", "\"revoked\":true,\"pattern_type\"");
  }

  static String ipv4(String id, String value, String marking) {
    return """
        {"type":"ipv4-addr","spec_version":"2.1","id":"%s","value":"%s","object_marking_refs":["%s"]}
        """
        .formatted(id, value, marking);
  }

  /** What a writer is told about one object, without the parts that name the object itself. */
  static String shape(JsonNode status, String id) {
    for (JsonNode s : status.path("successes")) {
      if (s.path("id").asString().equals(id)) {
        return "success " + s.has("message") + " " + status.path("failure_count").asInt();
      }
    }
    for (JsonNode f : status.path("failures")) {
      if (f.path("id").asString().equals(id)) {
        return "failure " + f.path("message").asString();
      }
    }
    throw new AssertionError(id + " not in " + status);
  }

  @Test
  void aVersionOfAnotherOrganisationsObjectIsRefusedAndChangesNothingAnyoneReads() {
    String id = newId();
    post(tokenA, gas, indicator(id, "2026-02-01T00:00:00.000Z", GREEN, "original.example"));

    // B sees A's indicator and tries to version it: later, revoked, another pattern
    JsonNode forged = post(tokenB, gas, revoked(id, "2026-03-01T00:00:00.000Z", "forged.example"));
    assertThat(forged.path("failure_count").asInt()).isEqualTo(1);
    assertThat(forged.path("failures").get(0).path("message").asString())
        .contains("only its creator may version, revoke or republish it");
    // ... or to republish it, changed, in a wider collection
    JsonNode elsewhere =
        post(tokenB, hub, indicator(id, "2026-03-02T00:00:00.000Z", GREEN, "forged.example"));
    assertThat(elsewhere.path("failure_count").asInt()).isEqualTo(1);
    assertThat(json(get(tokenB, hub + "/objects/?match[id]=" + id)).has("objects")).isFalse();
    // the very version it sees, in the same collection, is simply already there
    JsonNode same =
        post(tokenB, gas, indicator(id, "2026-02-01T00:00:00.000Z", GREEN, "original.example"));
    assertThat(same.path("success_count").asInt()).isEqualTo(1);
    assertThat(same.path("successes").get(0).path("message").asString()).contains("already stored");

    for (String reader : List.of(tokenReader, tokenB, tokenA)) {
      String objects = get(reader, gas + "/objects/?match[id]=" + id).body();
      assertThat(objects).contains("original.example").doesNotContain("forged", "revoked");
      assertThat(json(get(reader, gas + "/objects/" + id + "/versions/")).path("versions"))
          .hasSize(1);
      assertThat(
              json(get(reader, gas + "/objects/?match[id]=" + id + "&match[version]=all"))
                  .path("objects"))
          .hasSize(1);
    }
    // and the originator still deletes its own object
    HttpResponse<String> deleted =
        send(tokenA, HttpRequest.newBuilder(uri(gas + "/objects/" + id + "/")).DELETE());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(get(tokenReader, gas + "/objects/" + id + "/").statusCode()).isEqualTo(404);
  }

  static String identity(String id, String name, String marking) {
    return """
        {"type":"identity","spec_version":"2.1","id":"%s","created":"2026-01-01T00:00:00.000Z",
         "modified":"2026-01-01T00:00:00.000Z","name":"%s","identity_class":"organization",
         "object_marking_refs":["%s"]}
        """
        .formatted(id, name, marking);
  }

  static String authored(String id, String author, String domain) {
    return indicator(id, "2026-02-01T00:00:00.000Z", GREEN, domain)
        .replace("\"pattern_type\"", "\"created_by_ref\":\"" + author + "\",\"pattern_type\"");
  }

  /**
   * An object's author is the identity its {@code created_by_ref} names, as every STIX reader (a
   * peer hub, a TAXII client, a SIEM) takes it: B naming A's identity had its indicator stored and
   * served to the whole sector as created by A (attack26). Refused; its own identity, new or
   * stored, and an identity nobody stored are its to name.
   */
  @Test
  void anObjectNamingAnotherOrganisationsIdentityAsItsAuthorIsRefused() {
    String identityA = "identity--" + UUID.randomUUID();
    post(
        tokenA,
        gas,
        identity(identityA, "Gas A", GREEN),
        authored(newId(), identityA, "a-own.example"));

    String forged = newId();
    JsonNode told = post(tokenB, gas, authored(forged, identityA, "b-forged.example"));
    assertThat(told.path("failure_count").asInt()).as(told.toString()).isEqualTo(1);
    assertThat(told.path("failures").get(0).path("message").asString()).contains("created_by_ref");
    for (String reader : List.of(tokenReader, tokenA, tokenB)) {
      assertThat(get(reader, gas + "/objects/" + forged + "/").statusCode()).isEqualTo(404);
      assertThat(get(reader, gas + "/objects/?match[type]=indicator").body())
          .doesNotContain("b-forged.example");
    }
    // in the hub's collection too, and among other objects of the same envelope
    String elsewhere = newId();
    String ownLater = newId();
    JsonNode mixed =
        post(
            tokenB,
            hub,
            authored(elsewhere, identityA, "b-forged2.example"),
            indicator(ownLater, "2026-02-01T00:00:00.000Z", GREEN, "b-plain.example"));
    assertThat(shape(mixed, elsewhere)).startsWith("failure");
    assertThat(shape(mixed, ownLater)).startsWith("success");

    // B's own identity, posted with the indicator or before, is B's to name
    String identityB = "identity--" + UUID.randomUUID();
    String own = newId();
    JsonNode ownTold =
        post(
            tokenB,
            gas,
            identity(identityB, "Gas B", GREEN),
            authored(own, identityB, "b-own.example"));
    assertThat(ownTold.path("success_count").asInt()).as(ownTold.toString()).isEqualTo(2);
    String ownAgain = newId();
    assertThat(
            post(tokenB, gas, authored(ownAgain, identityB, "b-own2.example"))
                .path("success_count")
                .asInt())
        .isEqualTo(1);
    assertThat(get(tokenReader, gas + "/objects/" + ownAgain + "/").statusCode()).isEqualTo(200);
    // and A keeps naming its own
    assertThat(
            post(tokenA, gas, authored(newId(), identityA, "a-own2.example"))
                .path("success_count")
                .asInt())
        .isEqualTo(1);
  }

  /**
   * An identity B cannot see (A's RED) is treated as one never stored: naming it as the author is
   * told exactly as naming an identity nobody stored, so the answer tells B nothing.
   */
  @Test
  void namingAHiddenIdentityTellsNothing() {
    String hidden = "identity--" + UUID.randomUUID();
    post(tokenA, gas, identity(hidden, "Gas A private", RED));
    String never = "identity--" + UUID.randomUUID();
    String one = newId();
    String two = newId();
    JsonNode told =
        post(
            tokenB,
            gas,
            authored(one, hidden, "b-one.example"),
            authored(two, never, "b-two.example"));
    assertThat(shape(told, one)).isEqualTo(shape(told, two)).startsWith("success");
  }

  @Test
  void postingAnIdOneCannotSeeTellsNothingAndHidesNothing() {
    // A holds a RED address and a RED indicator; B cannot see either
    String address = "ipv4-addr--" + UUID.randomUUID();
    String indicatorId = newId();
    post(
        tokenA,
        gas,
        ipv4(address, "198.51.100.23", RED),
        indicator(indicatorId, "2026-02-01T00:00:00.000Z", RED, "a-secret.example"));

    // B posts the same address at GREEN, the hidden indicator's id, and two fresh controls
    String freshAddress = "ipv4-addr--" + UUID.randomUUID();
    String freshIndicator = newId();
    JsonNode told =
        post(
            tokenB,
            gas,
            ipv4(address, "198.51.100.23", GREEN),
            ipv4(freshAddress, "198.51.100.24", GREEN),
            indicator(indicatorId, "2026-04-01T00:00:00.000Z", GREEN, "b-own.example"),
            indicator(freshIndicator, "2026-04-01T00:00:00.000Z", GREEN, "b-fresh.example"));
    assertThat(told.path("success_count").asInt()).isEqualTo(4);
    assertThat(shape(told, address)).isEqualTo(shape(told, freshAddress));
    assertThat(shape(told, indicatorId)).isEqualTo(shape(told, freshIndicator));
    // posting them again: told "already stored" for both alike, by its own copies only
    JsonNode again =
        post(
            tokenB,
            gas,
            ipv4(address, "198.51.100.23", GREEN),
            ipv4(freshAddress, "198.51.100.24", GREEN));
    assertThat(shape(again, address)).isEqualTo(shape(again, freshAddress));

    // B's GREEN copy reaches the community although A's RED one came first
    assertThat(get(tokenReader, gas + "/objects/?match[id]=" + address).body())
        .contains("198.51.100.23");
    assertThat(get(tokenReader, gas + "/objects/" + address + "/").statusCode()).isEqualTo(200);
    assertThat(get(tokenReader, gas + "/objects/?match[id]=" + indicatorId).body())
        .contains("b-own.example")
        .doesNotContain("a-secret");
    // A, who sees both, still reads its own indicator as it wrote it, and only that
    for (String q : List.of("", "&match[version]=all", "&match[version]=first")) {
      String own = get(tokenA, gas + "/objects/?match[id]=" + indicatorId + q).body();
      assertThat(own).as(q).contains("a-secret.example").doesNotContain("b-own.example");
    }
    assertThat(json(get(tokenA, gas + "/objects/" + indicatorId + "/versions/")).path("versions"))
        .hasSize(1);
    // B never sees A's copy by any filter
    for (String q :
        List.of("", "&match[version]=all", "&match[version]=2026-02-01T00:00:00.000Z")) {
      assertThat(get(tokenB, gas + "/objects/?match[id]=" + indicatorId + q).body())
          .as(q)
          .doesNotContain("a-secret");
    }
    assertThat(get(tokenB, gas + "/manifest/?match[id]=" + indicatorId).body())
        .doesNotContain("2026-02-01");
  }

  @Test
  void claimingAnIdDoesNotUnlockItsSightings() {
    // A's indicator is private to A; C sighted it and reported at AMBER+STRICT into its own
    // collection (only C reads that), and again at GREEN in the sector
    String id = newId();
    ingest(
        analystA,
        intel.collectionOfOrganisation(gasA.id()).orElseThrow(),
        indicator(id, "2026-02-01T00:00:00.000Z", null, "private-c2.example"));
    Organisation gasC = fixtures.operator("gas");
    UserAccount analystC = fixtures.user(gasC, Role.ANALYST);
    ingest(
        analystC,
        intel.collectionOfOrganisation(gasC.id()).orElseThrow(),
        sighting(id, 7, AMBER_STRICT));
    ingest(analystC, collection("gas"), sighting(id, 2, GREEN));

    var api = "/api/v1/indicators/" + id + "/sightings";
    assertThat(http().bearer(tokenB).get(api).statusCode()).isEqualTo(404);
    // B claims the id with an object of its own
    post(tokenB, gas, indicator(id, "2026-05-01T00:00:00.000Z", GREEN, "claimed.example"));
    var claimed = http().bearer(tokenB).get(api);
    // B now sees an indicator of that id (its own): only the sightings it may read themselves
    assertThat(claimed.body())
        .contains("\"aggregateOnly\":false", "\"sightings\":1", "\"count\":2")
        .doesNotContain("\"count\":9");
    var pageB = http();
    pageB.signIn(analystB.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    for (String page : List.of("/intel/sightings", "/")) {
      HttpResponse<String> r = pageB.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      assertThat(r.body()).as(page).doesNotContain(id, "sighting-notice");
    }
    // the creator keeps its aggregate view of all of them
    assertThat(http().bearer(tokenA).get(api).body())
        .contains("\"aggregateOnly\":true", "\"sightings\":2", "\"count\":9");
  }

  static final String AMBER_STRICT = jp.renkei.server.support.StixSamples.AMBER_STRICT;

  static String sighting(String indicator, int count, String marking) {
    return jp.renkei.server.support.StixSamples.sighting(indicator, count, marking);
  }

  void ingest(UserAccount u, StixCollection c, String object) {
    fixtures.ingest(u, c, object);
  }

  @Test
  void datesAddedDoNotCountTheHiddenObjectsBetweenVisibleOnes() {
    // twice: hidden and visible objects interleaved in one post
    List<Instant> seen = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      List<String> objects = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String id = newId();
        ids.add(id);
        objects.add(
            indicator(
                id, "2026-02-01T00:00:00.000Z", i % 3 == 0 ? GREEN : RED, "d" + i + ".example"));
      }
      post(tokenA, gas, objects.toArray(String[]::new));
      JsonNode manifest =
          json(get(tokenReader, gas + "/manifest/?match[id]=" + String.join(",", ids)));
      List<Instant> added = new ArrayList<>();
      manifest
          .path("objects")
          .forEach(o -> added.add(StixTime.parse(o.path("date_added").asString()).orElseThrow()));
      assertThat(added).hasSize(4);
      // the visible objects are the first of their batch, one microsecond apart from a
      // millisecond of its own: nothing in their dates says how many others came with them
      for (int i = 0; i < added.size(); i++) {
        assertThat(added.get(i).getNano() % 1_000_000).isEqualTo(i * 1000);
      }
      seen.addAll(added);
    }
    assertThat(seen).isSorted();
  }

  @Test
  void aNewerVersionInAnAdvisoryOneMayNotReadHidesNothingOneMay() throws Exception {
    // the issuer's identity object has one id in every advisory it issues; the second advisory
    // (to the railway sector only) carries a newer version of it
    var nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    String advisory =
        "{\"title\":\"%s\",\"body\":\"注意喚起\",\"actions\":\"遮断\","
            + "\"observables\":[\"ipv4-addr 203.0.113.%d\"],\"tlp\":\"amber\",%s}";
    assertThat(
            nisc.postJson("/api/v1/advisories", advisory.formatted("全体向け", 81, "\"all\":true"))
                .statusCode())
        .isEqualTo(201);
    Thread.sleep(5);
    assertThat(
            nisc.postJson(
                    "/api/v1/advisories",
                    advisory.formatted("鉄道向け", 82, "\"sectors\":[\"railway\"]"))
                .statusCode())
        .isEqualTo(201);
    String advisories =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.ADVISORIES)
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    String identity = null;
    for (JsonNode o :
        json(get(tokenReader, advisories + "/objects/?match[type]=identity&match[version]=all"))
            .path("objects")) {
      if (o.path("identity_class").asString().equals("organization")) {
        identity = o.path("id").asString();
      }
    }
    assertThat(identity).isNotNull();
    String path = advisories + "/objects/" + identity + "/";
    assertThat(get(tokenReader, path).statusCode()).isEqualTo(200);
    JsonNode versions = json(get(tokenReader, path + "versions/")).path("versions");
    JsonNode last = json(get(tokenReader, path)).path("objects");
    assertThat(last).hasSize(1);
    // the version shown as latest is the newest of the versions listed, and nothing else is
    assertThat(last.get(0).path("modified").asString().substring(0, 23))
        .isEqualTo(versions.get(versions.size() - 1).asString().substring(0, 23));
    assertThat(json(get(tokenReader, path + "?match[version]=first")).path("objects")).hasSize(1);
    assertThat(get(tokenReader, advisories + "/objects/?match[version]=all").body())
        .doesNotContain("203.0.113.82", "鉄道向け");
  }

  @Test
  void aCopyMadeUnderAHiddenIdIsStillAnotherOrganisationsObject() {
    String id = newId();
    String own = intel.collectionOfOrganisation(gasA.id()).orElseThrow().id().toString();
    post(tokenA, own, indicator(id, "2026-01-01T00:00:00.000Z", null, "private.example"));
    String nisc = fixtures.token(fixtures.user("nisc", Role.ANALYST));
    JsonNode claimed =
        post(nisc, gas, indicator(id, "2026-03-01T00:00:00.000Z", GREEN, "nisc-copy.example"));
    assertThat(claimed.path("success_count").asInt()).isEqualTo(1);
    // B sees NISC's copy, not A's: any version of it from B is refused
    JsonNode b =
        post(tokenB, gas, indicator(id, "2026-01-01T00:00:00.000Z", GREEN, "private.example"));
    assertThat(b.path("failure_count").asInt()).as(b.toString()).isEqualTo(1);
  }
}
