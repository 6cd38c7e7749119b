package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditFilter;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An anonymised report: nothing upstream of the CEPTOAR reaches the original or learns who the
 * reporter is, through the object, the list, the inbox, the copy's content or the audit log.
 */
class AnonymisationIT extends ServerTest {

  @Autowired AuditLog audit;

  static final List<String> IDENTIFYING =
      List.of(
          "さくら架空銀行",
          "Sakura Fictional Bank",
          "sakura-bank",
          "192.0.2.44",
          "op-sakura-bank",
          "テスト 利用者",
          "IB 基盤");

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  static long id(HttpResponse<String> r, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String body(String tlp) {
    String content =
        "{\"title\":\"さくら架空銀行 IB 基盤への侵入\",\"summary\":\"sakura-bank.example の VPN"
            + " (192.0.2.44) に不正ログイン。担当 テスト 利用者。攻撃元 203.0.113.9、c2.example.net へ通信。\","
            + "\"detectedAt\":\"2026-11-20T01:00:00Z\",\"incidentType\":\"intrusion\",\"causes\":[\"impersonation\"],"
            + "\"serviceOutage\":\"no\",\"severity\":\"level3\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
            + "\"contactPerson\":\"テスト 利用者\",\"contactPhone\":\"03-0000-0000\",\"contactEmail\":\"duty@sakura-bank.example\","
            + "\"observables\":[{\"type\":\"domain-name\",\"value\":\"vpn.sakura-bank.example\"},"
            + "{\"type\":\"ipv4-addr\",\"value\":\"192.0.2.44\"},{\"type\":\"ipv4-addr\",\"value\":\"203.0.113.9\"},"
            + "{\"type\":\"domain-name\",\"value\":\"c2.example.net\"}]}";
    return "{\"content\":"
        + content
        + ",\"route\":\"ceptoar\",\"anonymise\":true,\"tlp\":\""
        + tlp
        + "\"}";
  }

  @Test
  void theCeptoarRelaysARedactedCopyAndNothingUpstreamReachesTheOriginal() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var ceptoar = api(fixtures.user("c-bank", Role.ANALYST));
    var fsa = api(fixtures.user("fsa", Role.ANALYST));
    var nisc = api(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    var otherBank = api(fixtures.user("op-midori-shinkin", Role.ANALYST));

    long original = id(bank.postJson("/api/v1/reports?submit=true", body("green")), "id");
    String path = "/api/v1/reports/" + original;
    // GREEN was asked for, but the original is for the CEPTOAR only
    for (Http upstream : new Http[] {fsa, nisc, otherBank}) {
      assertThat(upstream.get(path).statusCode()).isEqualTo(404);
    }
    assertThat(ceptoar.postJson(path + "/forward", "{}").statusCode()).isEqualTo(409);

    HttpResponse<String> preview =
        ceptoar.get(path + "/anonymisation?extra=IB%20%E5%9F%BA%E7%9B%A4");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("金融分野の重要インフラ事業者", "〔組織名〕", "\"dropped\":true", "\"dropped\":false");
    assertThat(bank.get(path + "/anonymisation").statusCode())
        .as("the reporter is not the relaying hop")
        .isEqualTo(403);
    assertThat(fsa.get(path + "/anonymisation").statusCode()).isEqualTo(404);

    long copy = id(ceptoar.postJson(path + "/relay", "{\"extraTerms\":[\"IB 基盤\"]}"), "relayedAs");
    HttpResponse<String> atFsa = fsa.get("/api/v1/reports/" + copy);
    assertThat(atFsa.statusCode()).isEqualTo(200);
    assertThat(atFsa.body()).contains("金融分野の重要インフラ事業者", "203.0.113.9", "c2.example.net");
    for (String s : IDENTIFYING) {
      assertThat(atFsa.body()).as("copy leaks " + s).doesNotContain(s);
    }
    assertThat(atFsa.body())
        .doesNotContain("03-0000-0000")
        .doesNotContain("\"id\":" + original + ",");
    // as STIX the copy names only the sector (an identity of class "class"), never the reporter
    HttpResponse<String> stix = fsa.get("/api/v1/reports/" + copy + "/stix");
    assertThat(stix.statusCode()).isEqualTo(200);
    assertThat(stix.body())
        .contains("金融分野の重要インフラ事業者", "\"identity_class\":\"class\"", "\"type\":\"incident\"")
        .contains("203.0.113.9", "c2.example.net");
    for (String s : IDENTIFYING) {
      assertThat(stix.body()).as("STIX copy leaks " + s).doesNotContain(s);
    }
    var validator = new jp.renkei.engine.stix.StixValidator();
    for (var o :
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(stix.body())
            .path("objects")) {
      assertThat(validator.validate(o)).as(o.toString()).isEmpty();
    }
    assertThat(fsa.get(path + "/stix").statusCode()).isEqualTo(404);
    assertThat(fsa.get("/api/v1/inbox").body()).doesNotContain("さくら");
    assertThat(nisc.get("/api/v1/reports?limit=200").body())
        .doesNotContain("\"id\":" + original + ",");
    assertThat(nisc.get(path).statusCode()).isEqualTo(404);
    // GREEN applies to the copy: the community sees it, still without the reporter
    HttpResponse<String> community = otherBank.get("/api/v1/reports/" + copy);
    assertThat(community.statusCode()).isEqualTo(200);
    assertThat(community.body()).doesNotContain("さくら架空銀行");

    // no audit entry links the copy to the original
    Pattern originalId = Pattern.compile("\\b" + original + "\\b");
    Pattern copyId = Pattern.compile("\\b" + copy + "\\b");
    for (var e :
        audit.search(Actor.cli(), new AuditFilter("report.", null, null, null, null, null, 500))) {
      String detail = e.detail() == null ? "" : e.detail();
      if (String.valueOf(copy).equals(e.targetId())) {
        assertThat(originalId.matcher(detail).find()).as(e.toString()).isFalse();
      }
      if (String.valueOf(original).equals(e.targetId())) {
        assertThat(copyId.matcher(detail).find()).as(e.toString()).isFalse();
      }
    }

    // a 続報 is relayed the same way
    String followup =
        "{\"kind\":\"followup\",\"content\":"
            + body("green").substring(11, body("green").indexOf(",\"route\""))
            + "}";
    assertThat(bank.postJson(path + "/versions", followup).statusCode()).isEqualTo(200);
    assertThat(ceptoar.postJson(path + "/relay", "{\"extraTerms\":[\"IB 基盤\"]}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> twice = fsa.get("/api/v1/reports/" + copy);
    assertThat(twice.body()).contains("\"kind\":\"followup\"");
    for (String s : IDENTIFYING) {
      assertThat(twice.body()).doesNotContain(s);
    }
    assertThat(ceptoar.postJson(path + "/relay", "{}").statusCode()).isEqualTo(409);
  }

  @Test
  void aRedOriginalReachesOnlyTheCeptoarPeopleItNames() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    UserAccount named = fixtures.user("c-bank", Role.ANALYST);
    var colleague = api(fixtures.user("c-bank", Role.ANALYST));
    String red =
        body("red")
            .replace(
                "\"tlp\":\"red\"",
                "\"tlp\":\"red\",\"recipientLogins\":[\"" + named.login() + "\"]");
    HttpResponse<String> filed = bank.postJson("/api/v1/reports?submit=true", red);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long original = id(filed, "id");
    String path = "/api/v1/reports/" + original;
    assertThat(api(named).get(path).statusCode()).isEqualTo(200);
    assertThat(api(named).get(path + "/anonymisation").statusCode()).isEqualTo(200);
    // a secretariat colleague who is not named learns nothing of it, by any path
    for (String p : List.of(path, path + "/anonymisation")) {
      HttpResponse<String> r = colleague.get(p);
      HttpResponse<String> never =
          colleague.get(p.replace(String.valueOf(original), "999999999999"));
      assertThat(r.statusCode()).as(p).isEqualTo(404);
      assertThat(r.body().replace(String.valueOf(original), "ID"))
          .isEqualTo(never.body().replace("999999999999", "ID"));
    }
    assertThat(colleague.get("/api/v1/reports").body()).doesNotContain(String.valueOf(original));
    assertThat(colleague.get("/api/v1/inbox").body()).doesNotContain(String.valueOf(original));
  }

  @Test
  void theSecretariatSeesTheRedactionSideBySideBeforeRelaying() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    long original = id(bank.postJson("/api/v1/reports?submit=true", body("amber")), "id");
    var secretary = fixtures.user("c-bank", Role.ANALYST);
    Http browser = http();
    browser.signIn(secretary.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    String page = "/reports/" + original + "/anonymise";
    String preview = browser.get(page + "?extra=IB%20%E5%9F%BA%E7%9B%A4").body();
    assertThat(preview)
        .contains(
            "id=\"redaction\"",
            "さくら架空銀行 IB 基盤への侵入",
            "〔組織名〕 〔削除〕への侵入",
            "金融分野の重要インフラ事業者",
            "vpn.sakura-bank.example");
    // a refused relay names the field as the page labels it and links to its input
    String refused =
        browser
            .postForm(
                page,
                "/reports/" + original + "/relay",
                java.util.Map.of("extra", "あ".repeat(201), "tlp", "green"))
            .body();
    // a too long term and a wider TLP: both listed at once, each named as the page labels it
    assertThat(refused)
        .contains("id=\"form-error\"", "追加で伏せる語句：", "href=\"#extraTerms\"", "id=\"extraTerms\"")
        .contains("TLP：", "href=\"#tlp\"", "id=\"tlp\"")
        .doesNotContain("extraTerms:");
    var relayed =
        browser.postForm(
            page, "/reports/" + original + "/relay", java.util.Map.of("extra", "IB 基盤", "tlp", ""));
    assertThat(relayed.statusCode()).isEqualTo(302);
    assertThat(browser.get("/reports/" + original).body()).doesNotContain("id=\"relay\"");
  }

  @Test
  void wordsTypedButNotCheckedAreNeverForwardedUnhidden() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    String mark = "walk12-" + System.nanoTime();
    long original =
        id(
            bank.postJson(
                "/api/v1/reports?submit=true",
                body("amber").replace("IB 基盤への侵入", "IB 基盤への侵入 " + mark)),
            "id");
    var fsa = api(fixtures.user("fsa", Role.ANALYST));
    Http browser = http();
    browser.signIn(
        fixtures.user("c-bank", Role.ANALYST).login(), jp.renkei.server.support.Fixtures.PASSWORD);
    String page = "/reports/" + original + "/anonymise";
    String relay = "/reports/" + original + "/relay";
    // one form: the words typed travel with 転送; the TLP choices are the narrower ones only
    assertThat(browser.get(page).body())
        .contains(
            "id=\"relay-form\"", "name=\"previewed\"", "value=\"red\"", "value=\"amber_strict\"")
        .doesNotContain("value=\"green\"", "value=\"clear\"");
    // a term typed and 転送 pressed without 再確認: the new redaction is shown, nothing goes upstream
    HttpResponse<String> typed =
        browser.postForm(
            page,
            relay,
            java.util.Map.of("extra", "IB 基盤", "previewed", "", "tlp", "amber_strict"));
    assertThat(typed.statusCode()).isEqualTo(200);
    assertThat(typed.body())
        .contains("id=\"terms-changed\"", "伏せる語句が変わったため、まだ転送していません")
        .contains("〔組織名〕 〔削除〕への侵入 " + mark, "name=\"previewed\" value=\"IB 基盤\"")
        .contains("value=\"amber_strict\" selected");
    assertThat(browser.get("/reports/" + original).body()).contains("id=\"relay\"");
    assertThat(fsa.get("/api/v1/inbox").body()).doesNotContain(mark);
    // pressed again once seen: relayed with the term hidden
    assertThat(
            browser
                .postForm(
                    page,
                    relay,
                    java.util.Map.of("extra", "IB 基盤", "previewed", "IB 基盤", "tlp", ""))
                .statusCode())
        .isEqualTo(302);
    String inbox = fsa.get("/api/v1/inbox").body();
    assertThat(inbox).contains("〔削除〕への侵入 " + mark).doesNotContain("IB 基盤への侵入 " + mark);
    // the page opened again, or 転送 pressed twice: back to the report, not an error page
    HttpResponse<String> again = browser.get(page);
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location").orElseThrow())
        .endsWith("/reports/" + original);
    HttpResponse<String> twice =
        browser.postForm(
            "/reports/" + original,
            relay,
            java.util.Map.of("extra", "IB 基盤", "previewed", "IB 基盤", "tlp", ""));
    assertThat(twice.statusCode()).isEqualTo(302);
    assertThat(twice.headers().firstValue("Location").orElseThrow())
        .endsWith("/reports/" + original);
    // a wider TLP posted by hand is refused in the reader's words, not as a code
    long second = id(bank.postJson("/api/v1/reports?submit=true", body("amber")), "id");
    String refused =
        browser
            .postForm(
                "/reports/" + second + "/anonymise",
                "/reports/" + second + "/relay",
                java.util.Map.of("extra", "", "tlp", "green"))
            .body();
    assertThat(refused).contains("情報の発信元のみです (TLP:GREEN)").doesNotContain("(green)");
    // in English the page names the reporter-to-be in English (the copy keeps the Japanese form)
    browser.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    assertThat(browser.get("/reports/" + second + "/anonymise").body())
        .contains("as a report from &quot;Finance sector critical-infrastructure operator&quot;")
        .doesNotContain("金融分野の重要インフラ事業者");
  }

  @Test
  void anonymisationNeedsTheCeptoarRoute() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    HttpResponse<String> r =
        bank.postJson(
            "/api/v1/reports",
            body("amber").replace("\"route\":\"ceptoar\"", "\"route\":\"hotline\""));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"anonymise\"");
  }

  @Test
  void identityRulesAreEnforced() {
    var admin = api(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    long bank = id(admin.get("/api/v1/organisations?q=op-sakura-bank"), "id");
    assertThat(admin.get("/api/v1/organisations/" + bank + "/identity").body())
        .contains("sakura-bank.example", "192.0.2.0/24");
    HttpResponse<String> bad =
        admin.putJson(
            "/api/v1/organisations/" + bank + "/identity",
            "{\"aliases\":[],\"domains\":[\"sakura-bank.example\"],\"ipRanges\":[\"2001:db8::/129\"]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"ipRanges\"", "2001:db8::/129");
    var otherOrgAdmin = api(fixtures.user("op-inazuma-power", Role.ORG_ADMIN));
    assertThat(otherOrgAdmin.get("/api/v1/organisations/" + bank + "/identity").statusCode())
        .isEqualTo(403);
  }

  /**
   * IPv6 ranges count as IPv4 ones (session 41; refused on the form before, so an operator's own
   * IPv6 addresses went into every anonymised copy): the reporter's address goes from the relayed
   * copy's text and observables in every form it is written, the attacker's stays.
   */
  @Test
  void ipv6RangesAreHonouredAsIpv4Ones() throws Exception {
    var admin = api(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    long bank = id(admin.get("/api/v1/organisations?q=op-sakura-bank"), "id");
    String identity = "/api/v1/organisations/" + bank + "/identity";
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    tools.jackson.databind.JsonNode before = json.readTree(admin.get(identity).body());
    var node = (tools.jackson.databind.node.ObjectNode) before.deepCopy();
    node.remove("pending");
    ((tools.jackson.databind.node.ArrayNode) node.get("ipRanges"))
        .add("2001:db8:5a::/48")
        .add("2001:DB8:FF::9");
    try {
      HttpResponse<String> put = admin.putJson(identity, node.toString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(admin.get(identity).body())
          .contains("2001:db8:5a::/48", "2001:db8:ff::9/128", "192.0.2.0/24");

      var bankUser = api(fixtures.user("op-sakura-bank", Role.ANALYST));
      var ceptoar = api(fixtures.user("c-bank", Role.ANALYST));
      var fsa = api(fixtures.user("fsa", Role.ANALYST));
      String report =
          body("green")
              .replace(
                  "攻撃元 203.0.113.9",
                  "メール中継 2001:0DB8:005A:0000:0000:0000:0000:0025 と ２００１：ｄｂ８：ｆｆ：：９、"
                      + "管理画面 http://[2001:db8:5a::8]:8443/。攻撃元 203.0.113.9 と 2001:db8:bad::1")
              .replace(
                  "{\"type\":\"ipv4-addr\",\"value\":\"203.0.113.9\"}",
                  "{\"type\":\"ipv4-addr\",\"value\":\"203.0.113.9\"},"
                      + "{\"type\":\"ipv6-addr\",\"value\":\"2001:db8:5a::25\"},"
                      + "{\"type\":\"ipv6-addr\",\"value\":\"2001:db8:bad::1\"}");
      long original = id(bankUser.postJson("/api/v1/reports?submit=true", report), "id");
      long copy =
          id(
              // the term the secretariat hides in every relay of this report (RelayRedactionIT
              // asserts that no upstream list anywhere shows it)
              ceptoar.postJson(
                  "/api/v1/reports/" + original + "/relay", "{\"extraTerms\":[\"IB 基盤\"]}"),
              "relayedAs");
      String atFsa = fsa.get("/api/v1/reports/" + copy).body();
      assertThat(atFsa).contains("2001:db8:bad::1", "203.0.113.9", "〔IPアドレス〕");
      for (String s : IDENTIFYING) {
        assertThat(atFsa).as("copy leaks " + s).doesNotContain(s);
      }
      for (String own :
          List.of("2001:0DB8:005A", "2001:db8:5a", "２００１：ｄｂ８：ｆｆ", "2001:db8:ff", "192.0.2.44")) {
        assertThat(atFsa).as("copy leaks " + own).doesNotContainIgnoringCase(own);
      }
      assertThat(fsa.get("/api/v1/reports/" + copy + "/stix").body())
          .contains("2001:db8:bad::1")
          .doesNotContain("2001:db8:5a")
          .doesNotContain("2001:db8:ff");
    } finally {
      var restore = (tools.jackson.databind.node.ObjectNode) before.deepCopy();
      restore.remove("pending");
      assertThat(admin.putJson(identity, restore.toString()).statusCode()).isEqualTo(200);
    }
  }
}
