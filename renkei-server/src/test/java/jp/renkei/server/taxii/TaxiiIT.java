package jp.renkei.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every TAXII 2.1 endpoint and filter, paging across objects added together, every error
 * status, and tries to learn of objects the caller may not see through each of them.
 */
class TaxiiIT extends ServerTest {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  Organisation gasA;
  Organisation gasB;
  Organisation rail;
  UserAccount analystA;
  UserAccount readerB;
  UserAccount outsider;
  String tokenA;
  String tokenB;
  String tokenRail;
  String gas;

  @BeforeEach
  void setUp() {
    gasA = fixtures.operator("gas");
    gasB = fixtures.operator("gas");
    rail = fixtures.operator("railway");
    analystA = fixtures.user(gasA, Role.ANALYST);
    readerB = fixtures.user(gasB, Role.MEMBER);
    outsider = fixtures.user(rail, Role.ANALYST);
    tokenA = fixtures.token(analystA);
    tokenB = fixtures.token(readerB);
    tokenRail = fixtures.token(outsider);
    gas = collectionId(tokenA, "Sector gas");
  }

  // ---- helpers -----------------------------------------------------------------------------

  HttpResponse<String> get(String token, String path) {
    return send(token, HttpRequest.newBuilder(uri(path)).header("Accept", TAXII).GET());
  }

  HttpResponse<String> post(String token, String path, String body) {
    return send(
        token,
        HttpRequest.newBuilder(uri(path))
            .header("Accept", TAXII)
            .header("Content-Type", TAXII)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> send(String token, HttpRequest.Builder b) {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/taxii2/" + path);
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  String collectionId(String token, String descriptionPart) {
    for (JsonNode c : json(get(token, "api/collections/")).path("collections")) {
      if (c.path("description").asString().contains(descriptionPart)) {
        return c.path("id").asString();
      }
    }
    throw new AssertionError("no collection " + descriptionPart);
  }

  static String indicator(String id, String modified, String marking, String domain) {
    return """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-01-01T00:00:00.000Z",
         "modified":"%s","pattern_type":"stix","pattern":"[domain-name:value = '%s']",
         "valid_from":"2026-01-01T00:00:00Z"%s}
        """
        .formatted(
            id,
            modified,
            domain,
            marking == null ? "" : ",\"object_marking_refs\":[\"" + marking + "\"]");
  }

  static String newId() {
    return "indicator--" + UUID.randomUUID();
  }

  static String envelope(List<String> objects) {
    return "{\"objects\":[" + String.join(",", objects) + "]}";
  }

  JsonNode postOk(String token, String collection, List<String> objects) {
    HttpResponse<String> r =
        post(token, "api/collections/" + collection + "/objects/", envelope(objects));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return json(r);
  }

  List<String> ids(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    json(r).path("objects").forEach(o -> out.add(o.path("id").asString()));
    return out;
  }

  // ---- server, API root, collections, auth --------------------------------------------------

  @Test
  void discoveryApiRootAndCollectionsWithBearerOrBasic() {
    HttpResponse<String> d = get(tokenA, "");
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(d.headers().firstValue("Content-Type")).hasValue(TAXII);
    assertThat(json(d).path("api_roots").get(0).asString()).endsWith("/taxii2/api/");

    JsonNode root = json(get(tokenA, "api/"));
    assertThat(root.path("versions").get(0).asString()).isEqualTo(TAXII);
    assertThat(root.path("max_content_length").asLong()).isEqualTo(1048576);

    String basic =
        Base64.getEncoder()
            .encodeToString((analystA.login() + ":" + tokenA).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> viaBasic =
        send(
            null,
            HttpRequest.newBuilder(uri("api/collections/"))
                .header("Accept", TAXII)
                .header("Authorization", "Basic " + basic));
    assertThat(viaBasic.statusCode()).isEqualTo(200);
    JsonNode cols = json(viaBasic).path("collections");
    List<String> titles = new ArrayList<>();
    cols.forEach(c -> titles.add(c.path("description").asString()));
    assertThat(titles).anyMatch(t -> t.contains("Sector gas")).anyMatch(t -> t.contains("Private"));
    // the private collections of other organisations are not listed
    assertThat(cols.findValuesAsString("id")).doesNotContain(privateCollection(tokenB));

    JsonNode own = json(get(tokenA, "api/collections/" + privateCollection(tokenA) + "/"));
    assertThat(own.path("can_read").asBoolean()).isTrue();
    assertThat(own.path("can_write").asBoolean()).isTrue();
    assertThat(own.path("media_types").get(0).asString())
        .isEqualTo("application/stix+json;version=2.1");
  }

  String privateCollection(String token) {
    return collectionId(token, "Private");
  }

  @Test
  void withoutAValidTokenEveryEndpointIs401() {
    for (String path :
        List.of("", "api/", "api/collections/", "api/collections/" + gas + "/objects/")) {
      HttpResponse<String> r = get(null, path);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().contains("Basic");
      assertThat(json(r).path("http_status").asString()).isEqualTo("401");
    }
    assertThat(get("rk_not-a-token", "api/").statusCode()).isEqualTo(401);
    String wrongUser =
        Base64.getEncoder()
            .encodeToString(("someone-else:" + tokenA).getBytes(StandardCharsets.UTF_8));
    assertThat(
            send(
                    null,
                    HttpRequest.newBuilder(uri("api/"))
                        .header("Authorization", "Basic " + wrongUser))
                .statusCode())
        .isEqualTo(401);
  }

  // ---- POST, status, bad input ---------------------------------------------------------------

  @Test
  void postStoresTheValidObjectsAndReportsEachRefusalPrecisely() {
    String good = newId();
    String future = newId();
    JsonNode status =
        postOk(
            tokenA,
            gas,
            List.of(
                indicator(good, "2026-02-01T00:00:00.000Z", GREEN, "c2.example.net"),
                indicator(future, "2099-01-01T00:00:00.000Z", GREEN, "x.example"),
                "{\"type\":\"indicater\",\"id\":\"indicater--" + UUID.randomUUID() + "\"}",
                "42"));
    assertThat(status.path("status").asString()).isEqualTo("complete");
    assertThat(status.path("total_count").asInt()).isEqualTo(4);
    assertThat(status.path("success_count").asInt()).isEqualTo(1);
    assertThat(status.path("successes").get(0).path("id").asString()).isEqualTo(good);
    assertThat(status.path("failure_count").asInt()).isEqualTo(3);
    assertThat(status.path("failures").toString())
        .contains(future)
        .contains("/modified: is in the future")
        .contains("unknown STIX 2.1 type 'indicater'")
        .contains("object #3 (line 7): not a JSON object but a number");

    String statusId = status.path("id").asString();
    assertThat(get(tokenA, "api/status/" + statusId + "/").statusCode()).isEqualTo(200);
    // another person cannot read it (it names what A posted)
    assertThat(get(tokenB, "api/status/" + statusId + "/").statusCode()).isEqualTo(404);

    // posting the same version again is a success that stores nothing new
    postOk(
        tokenA, gas, List.of(indicator(good, "2026-02-01T00:00:00.000Z", GREEN, "c2.example.net")));
    assertThat(ids(get(tokenA, "api/collections/" + gas + "/objects/?match[id]=" + good)))
        .containsExactly(good);
  }

  @Test
  void brokenJsonKeepsWhatCameBeforeAndSaysWhere() {
    String first = newId();
    String body =
        "{\"objects\":["
            + indicator(first, "2026-02-01T00:00:00.000Z", GREEN, "a.example")
            + ",\n{\"type\":}]}";
    HttpResponse<String> r = post(tokenA, "api/collections/" + gas + "/objects/", body);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.body()).contains("broken JSON at line");
    assertThat(ids(get(tokenA, "api/collections/" + gas + "/objects/?match[id]=" + first)))
        .containsExactly(first);

    HttpResponse<String> garbage = post(tokenA, "api/collections/" + gas + "/objects/", "not json");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(json(garbage).path("description").asString()).contains("line 1");
  }

  @Test
  void errorStatuses() {
    String objects = "api/collections/" + gas + "/objects/";
    assertThat(
            send(tokenA, HttpRequest.newBuilder(uri(objects)).header("Accept", "text/html").GET())
                .statusCode())
        .isEqualTo(406);
    assertThat(
            send(
                    tokenA,
                    HttpRequest.newBuilder(uri(objects))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"objects\":[]}")))
                .statusCode())
        .isEqualTo(415);
    String big = "{\"objects\":[" + "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}]}";
    HttpResponse<String> tooLarge = post(tokenA, objects, big);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(json(tooLarge).path("description").asString()).contains("1048576");
    assertThat(get(tokenA, objects + "?limit=0").statusCode()).isEqualTo(400);
    assertThat(get(tokenA, objects + "?limit=ten").statusCode()).isEqualTo(400);
    assertThat(json(get(tokenA, objects + "?added_after=yesterday")).path("description").asString())
        .startsWith("added_after:");
    assertThat(get(tokenA, objects + "?match[version]=newest").statusCode()).isEqualTo(400);
    assertThat(get(tokenA, objects + "?next=forged").statusCode()).isEqualTo(400);
    assertThat(get(tokenA, "api/collections/" + UUID.randomUUID() + "/objects/").statusCode())
        .isEqualTo(404);
    assertThat(get(tokenA, "api/collections/not-a-uuid/").statusCode()).isEqualTo(404);
    assertThat(get(tokenA, "other-root/").statusCode()).isEqualTo(404);
    assertThat(get(tokenA, "api/status/" + UUID.randomUUID() + "/").statusCode()).isEqualTo(404);
    // a member (not analyst) may read but not write
    assertThat(post(tokenB, objects, "{\"objects\":[]}").statusCode()).isEqualTo(403);
    // someone else's private collection does not exist for the caller
    assertThat(
            get(tokenA, "api/collections/" + privateCollection(tokenB) + "/objects/").statusCode())
        .isEqualTo(404);
    String deep = "[".repeat(60) + "]".repeat(60);
    HttpResponse<String> nested =
        post(tokenA, objects, "{\"objects\":[{\"type\":\"note\",\"x\":" + deep + "}]}");
    assertThat(nested.statusCode()).isEqualTo(400);
    assertThat(nested.body()).contains("nesting depth");
  }

  // ---- who sees what ---------------------------------------------------------------------------

  @Test
  void readersSeeOnlyWhatThePolicyAllowsThroughEveryEndpoint() {
    String green = newId();
    String red = newId();
    String redLater = newId();
    postOk(
        tokenA,
        gas,
        List.of(
            indicator(green, "2026-02-01T00:00:00.000Z", GREEN, "green.example"),
            indicator(red, "2026-02-01T00:00:00.000Z", RED, "red.example"),
            indicator(redLater, "2026-02-01T00:00:00.000Z", GREEN, "v1.example"),
            indicator(redLater, "2026-03-01T00:00:00.000Z", RED, "v2.example")));
    String ours = String.join(",", green, red, redLater);
    String objects = "api/collections/" + gas + "/objects/";
    String manifest = "api/collections/" + gas + "/manifest/";

    // the originator sees all, newest versions by default
    assertThat(ids(get(tokenA, objects + "?match[id]=" + ours)))
        .containsExactlyInAnyOrder(green, red, redLater);
    // a gas operator sees GREEN; of redLater only the GREEN version, and it is its "last"
    HttpResponse<String> b = get(tokenB, objects + "?match[id]=" + ours);
    assertThat(ids(b)).containsExactlyInAnyOrder(green, redLater);
    assertThat(b.body())
        .contains("v1.example")
        .doesNotContain("v2.example")
        .doesNotContain("red.example");
    assertThat(json(get(tokenB, manifest + "?match[id]=" + ours)).path("objects")).hasSize(2);
    assertThat(get(tokenB, objects + red + "/").statusCode()).isEqualTo(404);
    assertThat(get(tokenB, objects + red + "/versions/").statusCode()).isEqualTo(404);
    assertThat(json(get(tokenB, objects + redLater + "/versions/")).path("versions")).hasSize(1);
    assertThat(json(get(tokenA, objects + redLater + "/versions/")).path("versions")).hasSize(2);
    // an analyst of another gas operator learns nothing by trying to delete it
    String analystB = fixtures.token(fixtures.user(gasB, Role.ANALYST));
    HttpResponse<String> deleteHidden =
        send(
            analystB,
            HttpRequest.newBuilder(uri(objects + red + "/")).header("Accept", TAXII).DELETE());
    assertThat(deleteHidden.statusCode()).isEqualTo(404);
    String absent = newId();
    assertThat(deleteHidden.body())
        .isEqualTo(
            send(
                    analystB,
                    HttpRequest.newBuilder(uri(objects + absent + "/"))
                        .header("Accept", TAXII)
                        .DELETE())
                .body()
                .replace(absent, red));
    // a railway operator reads the gas collection but GREEN there is for the gas sector
    assertThat(ids(get(tokenRail, objects + "?match[id]=" + ours))).isEmpty();
    assertThat(get(tokenRail, objects + green + "/").statusCode()).isEqualTo(404);
    assertThat(json(get(tokenRail, manifest + "?match[id]=" + ours)).has("objects")).isFalse();
  }

  @Test
  void granularMarkingsHidePartsOfAnObject() {
    String id = "report--" + UUID.randomUUID();
    String report =
        """
        {"type":"report","spec_version":"2.1","id":"%s","created":"2026-02-01T00:00:00.000Z",
         "modified":"2026-02-01T00:00:00.000Z","name":"ガス分野の不審通信","published":"2026-02-01T00:00:00Z",
         "description":"internal host 10.1.2.3 beaconed","object_refs":["%s"],
         "object_marking_refs":["%s"],
         "granular_markings":[{"marking_ref":"%s","selectors":["description"]}]}
        """
            .formatted(id, "indicator--" + UUID.randomUUID(), GREEN, RED);
    postOk(tokenA, gas, List.of(report));
    String path = "api/collections/" + gas + "/objects/" + id + "/";
    assertThat(get(tokenA, path).body()).contains("beaconed");
    HttpResponse<String> seen = get(tokenB, path);
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body()).contains("ガス分野の不審通信").doesNotContain("beaconed");
  }

  // ---- paging, versions, filters ----------------------------------------------------------------

  @Test
  void pagingNeverSkipsOrRepeatsAcrossOneBatchAndHiddenObjects() {
    String own = privateCollection(tokenA);
    List<String> posted = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String id = newId();
      posted.add(id);
      objects.add(indicator(id, "2026-02-01T00:00:00.000Z", GREEN, "p" + i + ".example"));
    }
    postOk(tokenA, own, objects);

    Set<String> seen = new LinkedHashSet<>();
    String next = null;
    int pages = 0;
    String lastAdded = null;
    do {
      HttpResponse<String> r =
          get(
              tokenA,
              "api/collections/"
                  + own
                  + "/objects/?limit=10"
                  + (next == null ? "" : "&next=" + next));
      JsonNode env = json(r);
      for (String id : ids(r)) {
        assertThat(seen.add(id)).as("repeated " + id).isTrue();
      }
      String first = r.headers().firstValue("X-TAXII-Date-Added-First").orElseThrow();
      if (lastAdded != null) {
        assertThat(Instant.parse(first)).isAfter(Instant.parse(lastAdded));
      }
      lastAdded = r.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
      next = env.path("more").asBoolean() ? env.path("next").asString() : null;
      pages++;
    } while (next != null);
    assertThat(pages).isEqualTo(3);
    assertThat(List.copyOf(seen)).isEqualTo(posted);

    // added_after continues exactly where a page ended
    HttpResponse<String> firstPage = get(tokenA, "api/collections/" + own + "/objects/?limit=10");
    String after = firstPage.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
    assertThat(
            ids(get(tokenA, "api/collections/" + own + "/objects/?limit=10&added_after=" + after)))
        .isEqualTo(posted.subList(10, 20));
    // a token is for its collection only
    String token = json(firstPage).path("next").asString();
    assertThat(get(tokenA, "api/collections/" + gas + "/objects/?next=" + token).statusCode())
        .isEqualTo(400);
  }

  @Test
  void hiddenObjectsBetweenVisibleOnesLeaveNoTraceInPages() {
    List<String> visible = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = newId();
      boolean hidden = i % 3 != 0;
      objects.add(
          indicator(id, "2026-02-01T00:00:00.000Z", hidden ? RED : GREEN, "h" + i + ".example"));
      if (!hidden) {
        visible.add(id);
      }
    }
    postOk(tokenA, gas, objects);
    String filter = "&match[id]=" + String.join(",", objects.stream().map(o -> json(o)).toList());
    List<String> got = new ArrayList<>();
    String next = null;
    do {
      HttpResponse<String> r =
          get(
              tokenB,
              "api/collections/"
                  + gas
                  + "/objects/?limit=2"
                  + filter
                  + (next == null ? "" : "&next=" + next));
      got.addAll(ids(r));
      assertThat(json(r).path("objects").size()).isLessThanOrEqualTo(2);
      next = json(r).path("more").asBoolean() ? json(r).path("next").asString() : null;
    } while (next != null);
    assertThat(got).isEqualTo(visible);
  }

  static String json(String object) {
    return JSON.readTree(object).path("id").asString();
  }

  @Test
  void versionFiltersAndTypeIdSpecFilters() {
    String id = newId();
    String other = "malware--" + UUID.randomUUID();
    postOk(
        tokenA,
        gas,
        List.of(
            indicator(id, "2026-01-01T00:00:00.000Z", GREEN, "one.example"),
            indicator(id, "2026-02-01T00:00:00.000Z", GREEN, "two.example"),
            indicator(id, "2026-03-01T00:00:00.000Z", GREEN, "three.example"),
            """
            {"type":"malware","spec_version":"2.1","id":"%s","created":"2026-01-01T00:00:00.000Z",
             "modified":"2026-01-01T00:00:00.000Z","name":"PlugX","is_family":true,
             "object_marking_refs":["%s"]}
            """
                .formatted(other, GREEN)));
    String o = "api/collections/" + gas + "/objects/?match[id]=" + id;
    assertThat(get(tokenB, o).body()).contains("three.example").doesNotContain("one.example");
    assertThat(get(tokenB, o + "&match[version]=first").body())
        .contains("one.example")
        .doesNotContain("three");
    assertThat(json(get(tokenB, o + "&match[version]=all")).path("objects")).hasSize(3);
    assertThat(json(get(tokenB, o + "&match[version]=first,last")).path("objects")).hasSize(2);
    assertThat(get(tokenB, o + "&match[version]=2026-02-01T00:00:00.000Z").body())
        .contains("two.example")
        .doesNotContain("three.example");
    assertThat(json(get(tokenB, o + "&match[spec_version]=2.0")).has("objects")).isFalse();
    assertThat(json(get(tokenB, o + "&match[spec_version]=2.1")).path("objects")).hasSize(1);

    JsonNode versions =
        json(get(tokenB, "api/collections/" + gas + "/objects/" + id + "/versions/"));
    assertThat(versions.path("versions").toString())
        .isEqualTo(
            "[\"2026-01-01T00:00:00.000000Z\",\"2026-02-01T00:00:00.000000Z\",\"2026-03-01T00:00:00.000000Z\"]");

    String both = "api/collections/" + gas + "/objects/?match[id]=" + id + "," + other;
    assertThat(ids(get(tokenB, both + "&match[type]=malware"))).containsExactly(other);
    assertThat(ids(get(tokenB, both + "&match[type]=indicator,malware"))).hasSize(2);
    Instant future = Instant.now().plus(1, ChronoUnit.HOURS);
    assertThat(json(get(tokenB, both + "&added_after=" + future)).has("objects")).isFalse();

    JsonNode manifest = json(get(tokenB, "api/collections/" + gas + "/manifest/?match[id]=" + id));
    assertThat(manifest.path("objects").get(0).path("version").asString())
        .isEqualTo("2026-03-01T00:00:00.000000Z");
    assertThat(manifest.path("objects").get(0).path("media_type").asString())
        .isEqualTo("application/stix+json;version=2.1");
  }

  @Test
  void aConfiguredCollectionIsSharedByItsMembersOnly() {
    var admin =
        new jp.renkei.server.support.Http(port)
            .bearer(fixtures.token(fixtures.user("nisc", Role.PLATFORM_ADMIN)));
    var created =
        admin.postJson(
            "/api/v1/collections",
            "{\"titleJa\":\"合同対策チーム\",\"titleEn\":\"Joint task force\",\"defaultTlp\":\"amber\","
                + "\"members\":[\""
                + gasA.code()
                + "\",\""
                + rail.code()
                + "\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).path("id").asString();
    assertThat(
            admin
                .postJson(
                    "/api/v1/collections", "{\"titleJa\":\"x\",\"members\":[\"no-such-org\"]}")
                .body())
        .contains("\"field\":\"members[0]\"");
    assertThat(
            new jp.renkei.server.support.Http(port)
                .bearer(tokenA)
                .postJson("/api/v1/collections", "{\"titleJa\":\"x\",\"members\":[]}")
                .statusCode())
        .isEqualTo(403);

    String amber = newId();
    postOk(tokenA, id, List.of(indicator(amber, "2026-02-01T00:00:00.000Z", null, "jtf.example")));
    assertThat(ids(get(tokenRail, "api/collections/" + id + "/objects/"))).containsExactly(amber);
    assertThat(get(tokenRail, "api/collections/").body()).contains(id);
    assertThat(get(tokenB, "api/collections/").body()).doesNotContain(id);
    assertThat(get(tokenB, "api/collections/" + id + "/objects/").statusCode()).isEqualTo(404);
  }

  @Test
  void onlyTheOriginatorDeletes() {
    String id = newId();
    postOk(tokenA, gas, List.of(indicator(id, "2026-02-01T00:00:00.000Z", GREEN, "del.example")));
    String path = "api/collections/" + gas + "/objects/" + id + "/";
    UserAccount analystB = fixtures.user(gasB, Role.ANALYST);
    HttpResponse<String> notYours =
        send(
            fixtures.token(analystB),
            HttpRequest.newBuilder(uri(path)).header("Accept", TAXII).DELETE());
    assertThat(notYours.statusCode()).isEqualTo(403);
    HttpResponse<String> deleted =
        send(tokenA, HttpRequest.newBuilder(uri(path)).header("Accept", TAXII).DELETE());
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(get(tokenA, path).statusCode()).isEqualTo(404);
  }
}
