package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 11: a 続報 or 最終報 of an anonymised report waits visibly at the CEPTOAR (inbox, home
 * page, relay preview of that version) until relayed; the reporter sees per hop which versions
 * arrived; what the ministry and NISC say on the copy comes back to the reporter, and nothing the
 * reporter says goes up.
 */
class RelayFollowupIT extends ServerTest {

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  Http browser(UserAccount u) {
    Http b = http();
    b.signIn(u.login(), Fixtures.PASSWORD);
    return b;
  }

  static long id(HttpResponse<String> r, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String content(String title, String summary) {
    return "{\"title\":\""
        + title
        + "\",\"summary\":\""
        + summary
        + "\",\"detectedAt\":\"2026-11-20T01:00:00Z\",\"incidentType\":\"intrusion\","
        + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level3\","
        + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
        + "\"contactPerson\":\"山田 花子\",\"contactPhone\":\"03-1234-5678\"}";
  }

  static String version(String kind, String title, String summary) {
    return "{\"kind\":\"" + kind + "\",\"content\":" + content(title, summary) + "}";
  }

  /** The route of a report as its JSON says it: kind and the versions that reached each hop. */
  static String route(HttpResponse<String> view) {
    StringBuilder out = new StringBuilder();
    Matcher m =
        Pattern.compile("\"kind\":\"(ceptoar|ministry|nisc)\"[^}]*?\"versions\":\\[([0-9,]*)\\]")
            .matcher(view.body());
    while (m.find()) {
      out.append(out.isEmpty() ? "" : " ").append(m.group(1)).append('=').append(m.group(2));
    }
    return out.toString();
  }

  /** The inbox row of one report on the inbox page. */
  static String inboxRow(Http web, long report) {
    String page = web.get("/inbox").body();
    int at = page.indexOf("id=\"inbox-" + report + "\"");
    assertThat(at).as("inbox row of " + report).isGreaterThanOrEqualTo(0);
    return page.substring(at, page.indexOf("</tr>", at));
  }

  @Test
  void aFollowupWaitsVisiblyAtTheCeptoarUntilItsVersionIsRelayed() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount secretary = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    String tag = Fixtures.unique("件");
    long original =
        id(
            api(reporter)
                .postJson(
                    "/api/v1/reports?submit=true",
                    "{\"content\":"
                        + content(tag + " 第一報", "第一報の本文: VPN に不審なログイン。")
                        + ",\"route\":\"ceptoar\",\"anonymise\":true,\"tlp\":\"amber\"}"),
            "id");
    String path = "/api/v1/reports/" + original;
    Http web = browser(secretary);
    assertThat(inboxRow(web, original)).contains("匿名化・転送待ち (#1)");
    assertThat(web.get("/").body()).contains("id=\"relay-notice\"");

    long copy = id(api(secretary).postJson(path + "/relay", "{\"version\":1}"), "relayedAs");
    assertThat(inboxRow(web, original)).contains("転送済み").doesNotContain("転送待ち");
    assertThat(route(api(reporter).get(path))).isEqualTo("ceptoar=1 ministry=1 nisc=");

    // the 続報 waits at the CEPTOAR, visibly
    assertThat(
            api(reporter)
                .postJson(path + "/versions", version("followup", tag + " 続報", "続報の本文: 侵入経路を特定。"))
                .statusCode())
        .isEqualTo(200);
    assertThat(inboxRow(web, original)).contains("匿名化・転送待ち (#2)").doesNotContain("転送済み");
    assertThat(api(secretary).get("/api/v1/inbox").body())
        .containsPattern(
            "\"reportId\":" + original + ",[^}]*\"awaitingRelay\":2,\"canForward\":true");
    assertThat(web.get("/").body()).contains("id=\"relay-notice\"");
    assertThat(web.get("/reports/" + original).body()).contains("id=\"relay\"");
    // the preview is of that version, not of the 第一報
    HttpResponse<String> preview = api(secretary).get(path + "/anonymisation");
    assertThat(preview.body())
        .contains("\"versionNumber\":2", "\"versionKind\":\"followup\"", "続報の本文")
        .doesNotContain("第一報の本文");
    String page = web.get("/reports/" + original + "/anonymise").body();
    assertThat(page).contains("続報 #2", "続報の本文").doesNotContain("第一報の本文");
    assertThat(route(api(reporter).get(path))).isEqualTo("ceptoar=1,2 ministry=1 nisc=");

    // the ministry forwards the copy; the reporter sees which versions reached NISC
    assertThat(api(ministry).postJson("/api/v1/reports/" + copy + "/forward", "{}").statusCode())
        .isEqualTo(200);
    assertThat(route(api(reporter).get(path))).isEqualTo("ceptoar=1,2 ministry=1 nisc=1");

    // relaying what was previewed, and only that
    assertThat(api(secretary).postJson(path + "/relay", "{\"version\":1}").statusCode())
        .isEqualTo(409);
    assertThat(
            web.postForm(
                    "/reports/" + original + "/anonymise",
                    "/reports/" + original + "/relay",
                    Map.of("version", "2", "tlp", ""))
                .statusCode())
        .isEqualTo(302);
    assertThat(api(nisc).get("/api/v1/reports/" + copy).body()).contains("続報の本文");
    assertThat(route(api(reporter).get(path))).isEqualTo("ceptoar=1,2 ministry=1,2 nisc=1,2");
    assertThat(inboxRow(web, original)).doesNotContain("転送待ち");
    assertThat(web.get("/reports/" + original).body()).doesNotContain("id=\"relay\"");
    assertThat(browser(reporter).get("/reports/" + original).body()).contains("届いた版: #1, #2");

    // a 続報 and the 最終報 filed before the CEPTOAR relays: each is previewed and relayed in turn
    api(reporter).postJson(path + "/versions", version("followup", tag + " 続報2", "続報2の本文"));
    api(reporter).postJson(path + "/versions", version("final", tag + " 最終報", "最終報の本文"));
    assertThat(inboxRow(web, original)).contains("匿名化・転送待ち (#3)");
    assertThat(api(secretary).get(path + "/anonymisation").body())
        .contains("\"versionNumber\":3", "続報2の本文")
        .doesNotContain("最終報の本文");
    assertThat(api(secretary).postJson(path + "/relay", "{\"version\":3}").statusCode())
        .isEqualTo(200);
    assertThat(inboxRow(web, original)).contains("匿名化・転送待ち (#4)");
    assertThat(api(secretary).get(path + "/anonymisation").body())
        .contains("\"versionNumber\":4", "\"versionKind\":\"final\"", "最終報の本文");
    assertThat(api(secretary).postJson(path + "/relay", "{}").statusCode()).isEqualTo(200);
    HttpResponse<String> atNisc = api(nisc).get("/api/v1/reports/" + copy);
    assertThat(atNisc.body()).contains("\"status\":\"closed\"", "最終報の本文");
    assertThat(route(api(reporter).get(path)))
        .isEqualTo("ceptoar=1,2,3,4 ministry=1,2,3,4 nisc=1,2,3,4");
    assertThat(inboxRow(web, original)).contains("転送済み").doesNotContain("転送待ち");
  }

  @Test
  void upstreamCommentsOnTheCopyReachTheReporterAndTheReportersStayBelow() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount secretary = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    long original =
        id(
            api(reporter)
                .postJson(
                    "/api/v1/reports?submit=true",
                    "{\"content\":"
                        + content("不審ログイン", "VPN に不審なログイン。")
                        + ",\"route\":\"ceptoar\",\"anonymise\":true,\"tlp\":\"amber\"}"),
            "id");
    String path = "/api/v1/reports/" + original;
    long copy = id(api(secretary).postJson(path + "/relay", "{}"), "relayedAs");
    String copyPath = "/api/v1/reports/" + copy;
    assertThat(
            api(ministry)
                .postJson(copyPath + "/comments", "{\"body\":\"金融庁より: 影響範囲を教えてください\"}")
                .statusCode())
        .isEqualTo(200);
    api(ministry).postJson(copyPath + "/forward", "{}");
    assertThat(
            api(nisc)
                .postJson(copyPath + "/comments", "{\"body\":\"NISCより: 同種の通信を他分野でも確認\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            api(reporter)
                .postJson(path + "/comments", "{\"body\":\"さくら架空銀行より: 影響は本店のみ\"}")
                .statusCode())
        .isEqualTo(200);

    // the reporter reads them on its own report, on the API, the page and the STIX export
    for (HttpResponse<String> r :
        java.util.List.of(
            api(reporter).get(path),
            browser(reporter).get("/reports/" + original),
            api(reporter).get(path + "/stix"))) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .contains("金融庁より: 影響範囲を教えてください", "NISCより: 同種の通信を他分野でも確認", "さくら架空銀行より: 影響は本店のみ");
    }
    assertThat(api(reporter).get(path).body()).contains("\"onRelayedCopy\":true");
    assertThat(browser(reporter).get("/reports/" + original).body()).contains("セプター経由");
    assertThat(browser(secretary).get("/reports/" + original).body())
        .contains("金融庁より: 影響範囲を教えてください");

    // upstream, the copy carries the upstream comments and nothing of the reporter's
    for (UserAccount up : new UserAccount[] {ministry, nisc}) {
      for (HttpResponse<String> r :
          java.util.List.of(
              api(up).get(copyPath),
              browser(up).get("/reports/" + copy),
              api(up).get(copyPath + "/stix"))) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
            .contains("金融庁より")
            .doesNotContain("影響は本店のみ", "さくら", "onRelayedCopy\":true");
      }
      assertThat(api(up).get(path).statusCode()).isEqualTo(404);
      assertThat(api(up).postJson(path + "/comments", "{\"body\":\"x\"}").statusCode())
          .isEqualTo(404);
    }
  }
}
