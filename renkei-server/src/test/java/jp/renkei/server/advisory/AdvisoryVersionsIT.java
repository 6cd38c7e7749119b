package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A later version of an advisory keeps its observables and sources unless the issuer changes them,
 * and the TAXII advisories collection serves, as live indicators, exactly the current version's.
 */
class AdvisoryVersionsIT extends ServerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  static long id(HttpResponse<String> r) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aVersionCarriesObservablesAndSourcesForwardAndTaxiiServesExactlyTheCurrentOnes() {
    String tag = Fixtures.unique("v").toLowerCase(java.util.Locale.ROOT);
    String a = "a-" + tag + ".example";
    String b = "b-" + tag + ".example";
    String c = "c-" + tag + ".example";
    long source =
        id(
            api(fixtures.user("op-sakura-bank", Role.ANALYST))
                .postJson(
                    "/api/v1/reports?submit=true",
                    AdvisorySourcesIT.report("版の出典").replace("amber_strict", "amber")));
    UserAccount issuer = fixtures.user("nisc", Role.ANALYST);
    Http nisc = api(issuer);
    HttpResponse<String> issued =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\"版 "
                + tag
                + "\",\"body\":\"初版\",\"observables\":[\""
                + a
                + "\",\""
                + b
                + "\"],\"sourceReportIds\":["
                + source
                + "],\"tlp\":\"green\",\"sectors\":[\"finance\"]}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    long id = id(issued);
    String path = "/api/v1/advisories/" + id;
    String reader = fixtures.token(fixtures.user(fixtures.operator("finance"), Role.MEMBER));
    Set<String> ids = indicatorIds(nisc, path);
    assertThat(live(reader, ids)).containsExactly(a, b);

    // a correction through the API that names neither field keeps both
    HttpResponse<String> corrected =
        nisc.postJson(
            path + "/versions", "{\"kind\":\"correction\",\"title\":\"版 (訂正)\",\"body\":\"訂正\"}");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    JsonNode v2 = latest(nisc.get(path).body());
    assertThat(v2.path("kind").asString()).isEqualTo("correction");
    assertThat(v2.path("observables").toString()).contains(a, b);
    assertThat(v2.path("sourceReportIds").toString()).isEqualTo("[" + source + "]");
    assertThat(live(reader, ids)).containsExactly(a, b);

    // the form is prefilled with them; an update there that drops one and adds one
    Http browser = http();
    browser.signIn(issuer.login(), Fixtures.PASSWORD);
    String page = browser.get("/advisories/" + id).body();
    assertThat(page)
        .contains("id=\"version-observables\"", a, b)
        .containsPattern("id=\"version-sources\"[^>]*value=\"" + source + "\"");
    HttpResponse<String> updated =
        browser.postForm(
            "/advisories/" + id,
            "/advisories/" + id + "/versions",
            Map.of(
                "kind", "update",
                "title", "版 (更新)",
                "body", "更新",
                "actions", "",
                "observables", "domain-name " + a + "\n" + c,
                "sourceReports", String.valueOf(source)));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(302);
    JsonNode v3 = latest(nisc.get(path).body());
    assertThat(v3.path("observables").toString()).contains(a, c).doesNotContain(b);
    ids.addAll(indicatorIds(nisc, path));
    assertThat(live(reader, ids)).containsExactly(a, c);
    assertThat(revoked(reader, ids)).containsExactly(b);

    // a source the issuer may not cite is refused, field named
    assertThat(
            nisc.postJson(
                    path + "/versions",
                    "{\"kind\":\"update\",\"title\":\"x\",\"body\":\"y\","
                        + "\"sourceReportIds\":[987654321]}")
                .body())
        .contains("\"field\":\"sourceReportIds\"");

    // a withdrawal revokes every indicator the advisory served
    assertThat(
            nisc.postJson(
                    path + "/versions",
                    "{\"kind\":\"withdrawal\",\"title\":\"版 (取消)\",\"body\":\"取り消します\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(live(reader, ids)).isEmpty();
    assertThat(revoked(reader, ids)).containsExactly(a, b, c);
  }

  static JsonNode latest(String view) {
    JsonNode versions = JSON.readTree(view).path("versions");
    return versions.get(versions.size() - 1);
  }

  /** The indicator ids of the advisory's STIX export, revoked ones included. */
  Set<String> indicatorIds(Http api, String path) {
    Set<String> out = new TreeSet<>();
    for (JsonNode o : JSON.readTree(api.get(path + "/stix").body()).path("objects")) {
      if (o.path("type").asString().equals("indicator")) {
        out.add(o.path("id").asString());
      }
    }
    return out;
  }

  /** Names of the indicators TAXII serves (latest version of each) among {@code ids}, by state. */
  Map<Boolean, Set<String>> served(String token, Set<String> ids) {
    String collection = advisoriesCollection(token);
    HttpResponse<String> r =
        taxii(
            token,
            "/taxii2/api/collections/"
                + collection
                + "/objects/?match[id]="
                + String.join(",", ids));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<Boolean, Set<String>> out = new TreeMap<>();
    out.put(true, new TreeSet<>());
    out.put(false, new TreeSet<>());
    for (JsonNode o : JSON.readTree(r.body()).path("objects")) {
      out.get(o.path("revoked").asBoolean(false)).add(o.path("name").asString());
    }
    return out;
  }

  Set<String> live(String token, Set<String> ids) {
    return served(token, ids).get(false);
  }

  Set<String> revoked(String token, Set<String> ids) {
    return served(token, ids).get(true);
  }

  HttpResponse<String> taxii(String token, String path) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + path))
                  .header("Accept", "application/taxii+json;version=2.1")
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String advisoriesCollection(String token) {
    for (JsonNode c :
        JSON.readTree(taxii(token, "/taxii2/api/collections/").body()).path("collections")) {
      if (c.path("description").asString().startsWith("Advisories as STIX")) {
        return c.path("id").asString();
      }
    }
    throw new AssertionError("no advisories collection");
  }
}
