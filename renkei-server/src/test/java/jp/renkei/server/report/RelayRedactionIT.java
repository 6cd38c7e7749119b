package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 8 and 9, as an adversary would test them: what the report says about its
 * reporter's contact, and what the secretariat hid on the first relay, never reaches the ministry
 * or NISC on any path they have (the API, the STIX export, the pages, the dashboard CSV), in any
 * way the reporter may have written it, in the 第一報 or in a later version.
 */
class RelayRedactionIT extends ServerTest {

  static final String PERSON = "山田 花子";
  static final String UNIT = "事務統括部 サイバー対策室";
  static final String PHONE = "03-1234-5678";
  static final String EMAIL = "h-yamada@sakura-soc.example";

  /** Each way the contact is written in the free text, and the reporter's names. */
  static final List<String> IDENTIFYING =
      List.of(
          "山田",
          "花子",
          "事務統括部",
          "サイバー対策室",
          "1234-5678",
          "1234 5678",
          "12345678",
          "１２３４",
          "3-1234",
          "h-yamada",
          "H-YAMADA",
          "sakura-soc",
          "SAKURA-SOC",
          "さくら架空銀行",
          "sakura-bank");

  static String content(String title, String summary, String responseStatus) {
    return "{\"title\":\""
        + title
        + "\",\"summary\":\""
        + summary
        + "\",\"responseStatus\":\""
        + responseStatus
        + "\",\"detectedAt\":\"2026-11-20T01:00:00Z\",\"incidentType\":\"intrusion\","
        + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level3\","
        + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
        + "\"contactUnit\":\""
        + UNIT
        + "\",\"contactPerson\":\""
        + PERSON
        + "\",\"contactPhone\":\""
        + PHONE
        + "\",\"contactEmail\":\""
        + EMAIL
        + "\",\"observables\":[{\"type\":\"email-addr\",\"value\":\""
        + EMAIL
        + "\"},{\"type\":\"ipv4-addr\",\"value\":\"203.0.113.9\"}]}";
  }

  static final String FIRST_SUMMARY =
      "担当の山田花子 (事務統括部サイバー対策室) が対応中。連絡は 山田　花子 宛、"
          + "電話 ０３－１２３４－５６７８ / 03 1234 5678 / (03) 1234-5678 / +81-3-1234-5678、"
          + "メール H-YAMADA@SAKURA-SOC.EXAMPLE または h-yamada[at]sakura-soc[.]example。"
          + "攻撃元 203.0.113.9 から VPN に不正ログイン。";

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  Http browser(UserAccount u) {
    Http b = http();
    b.signIn(u.login(), Fixtures.PASSWORD);
    return b;
  }

  static long id(HttpResponse<String> r, String field) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Every page and API answer the viewer has on the copy, with the path it came from. */
  List<Map.Entry<String, String>> everyPath(UserAccount viewer, long copy) {
    Http api = api(viewer);
    Http web = browser(viewer);
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String p :
        List.of(
            "/api/v1/reports/" + copy,
            "/api/v1/reports?limit=200",
            "/api/v1/inbox",
            "/api/v1/reports/" + copy + "/stix",
            "/api/v1/reports/statistics")) {
      HttpResponse<String> r = api.get(p);
      assertThat(r.statusCode()).as(p).isEqualTo(200);
      out.add(Map.entry(p, r.body()));
    }
    for (String p :
        List.of(
            "/reports/" + copy,
            "/reports",
            "/inbox",
            "/",
            "/dashboard",
            "/dashboard/sector.csv",
            "/dashboard/incident-type.csv")) {
      HttpResponse<String> r = web.get(p);
      assertThat(r.statusCode()).as(p).isEqualTo(200);
      out.add(Map.entry(p, r.body()));
    }
    return out;
  }

  void assertNothingIdentifies(UserAccount viewer, long copy, List<String> more) {
    List<String> all = new ArrayList<>(IDENTIFYING);
    all.addAll(more);
    for (Map.Entry<String, String> page : everyPath(viewer, copy)) {
      for (String s : all) {
        assertThat(page.getValue())
            .as(viewer.login() + " " + page.getKey() + " leaks " + s)
            .doesNotContain(s);
      }
    }
  }

  @Test
  void theContactNamedInTheTextReachesNeitherTheMinistryNorNisc() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount secretary = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    String body =
        "{\"content\":"
            + content("VPN への不正ログイン (担当 山田)", FIRST_SUMMARY, "山田花子が 03-1234-5678 で調整中")
            + ",\"route\":\"ceptoar\",\"anonymise\":true,\"tlp\":\"amber\"}";
    long original = id(api(reporter).postJson("/api/v1/reports?submit=true", body), "id");

    HttpResponse<String> preview =
        api(secretary).get("/api/v1/reports/" + original + "/anonymisation");
    assertThat(preview.body())
        .contains("〔担当者名〕", "〔部署名〕", "〔電話番号〕", "〔メールアドレス〕")
        .contains("\"type\":\"email-addr\",\"value\":\"" + EMAIL + "\",\"dropped\":true");

    long copy =
        id(api(secretary).postJson("/api/v1/reports/" + original + "/relay", "{}"), "relayedAs");
    assertThat(api(ministry).get("/api/v1/reports/" + copy).body())
        .contains("203.0.113.9", "〔担当者名〕", "〔電話番号〕", "〔メールアドレス〕");
    assertNothingIdentifies(ministry, copy, List.of());
    assertThat(api(ministry).postJson("/api/v1/reports/" + copy + "/forward", "{}").statusCode())
        .isEqualTo(200);
    assertNothingIdentifies(nisc, copy, List.of());
  }

  static String newReport(String title, String summary) {
    return "{\"content\":"
        + content(title, summary, "対応中")
        + ",\"route\":\"ceptoar\",\"anonymise\":true,\"tlp\":\"amber\"}";
  }

  static String version(String kind, String title, String summary) {
    return "{\"kind\":\"" + kind + "\",\"content\":" + content(title, summary, "対応中") + "}";
  }

  @Test
  void termsAddedOnTheFirstRelayStillHideTheFinalReport() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount secretary = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    long original =
        id(
            api(reporter)
                .postJson(
                    "/api/v1/reports?submit=true",
                    newReport("IB 基盤への侵入", "IB 基盤の認証サーバに侵入。協力会社の佐藤 次郎 (090-1111-2222) が発見。")),
            "id");
    String path = "/api/v1/reports/" + original;
    long copy =
        id(
            api(secretary)
                .postJson(
                    path + "/relay", "{\"extraTerms\":[\"IB 基盤\",\"佐藤 次郎\",\"090-1111-2222\"]}"),
            "relayedAs");
    assertThat(api(ministry).postJson("/api/v1/reports/" + copy + "/forward", "{}").statusCode())
        .isEqualTo(200);

    assertThat(
            api(reporter)
                .postJson(
                    path + "/versions",
                    version(
                        "final",
                        "IB基盤 復旧 (最終報)",
                        "IB基盤は復旧。佐藤次郎 (０９０ １１１１ ２２２２) と 佐藤 次郎 が再発防止策を確認。" + "携帯 +81-90-1111-2222。"))
                .statusCode())
        .isEqualTo(200);
    // the preview of the 最終報 already carries the terms of the first relay, on the API and page
    HttpResponse<String> preview = api(secretary).get(path + "/anonymisation");
    assertThat(preview.body())
        .contains("\"versionNumber\":2")
        .contains("\"extraTerms\":[\"IB 基盤\",\"佐藤 次郎\",\"090-1111-2222\"]")
        .contains("〔削除〕は復旧。〔削除〕 〔削除〕 と 〔削除〕 が再発防止策を確認。携帯 〔削除〕。");
    assertThat(browser(secretary).get("/reports/" + original + "/anonymise").body())
        .contains("value=\"IB 基盤, 佐藤 次郎, 090-1111-2222\"");

    assertThat(api(secretary).postJson(path + "/relay", "{}").statusCode()).isEqualTo(200);
    assertThat(api(nisc).get("/api/v1/reports/" + copy).body()).contains("\"kind\":\"final\"");
    List<String> hidden = List.of("IB 基盤", "IB基盤", "佐藤", "次郎", "1111-2222", "1111 2222", "１１１１");
    assertNothingIdentifies(ministry, copy, hidden);
    assertNothingIdentifies(nisc, copy, hidden);
  }

  @Test
  void theStoredTermsAreEditedOnThePreviewAndBadTermsAreRefused() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount secretary = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    long original =
        id(
            api(reporter)
                .postJson("/api/v1/reports?submit=true", newReport("IB 基盤への侵入", "IB 基盤で佐藤 次郎が発見。")),
            "id");
    String path = "/api/v1/reports/" + original;
    long copy =
        id(api(secretary).postJson(path + "/relay", "{\"extraTerms\":[\"IB 基盤\"]}"), "relayedAs");
    assertThat(
            api(reporter)
                .postJson(path + "/versions", version("followup", "続報", "IB 基盤で佐藤 次郎が再発を確認。"))
                .statusCode())
        .isEqualTo(200);

    Http web = browser(secretary);
    String page = "/reports/" + original + "/anonymise";
    assertThat(web.get(page).body()).contains("value=\"IB 基盤\"");
    assertThat(
            web.postForm(
                    page,
                    "/reports/" + original + "/relay",
                    Map.of("extra", "IB 基盤、佐藤 次郎", "tlp", ""))
                .statusCode())
        .isEqualTo(302);
    assertThat(api(ministry).get("/api/v1/reports/" + copy).body()).contains("〔削除〕で〔削除〕が再発を確認。");

    assertThat(
            api(reporter)
                .postJson(path + "/versions", version("final", "最終報", "IB 基盤で佐藤 次郎が完了。"))
                .statusCode())
        .isEqualTo(200);
    assertThat(api(secretary).get(path + "/anonymisation").body())
        .contains("\"extraTerms\":[\"IB 基盤\",\"佐藤 次郎\"]");

    StringBuilder many = new StringBuilder("{\"extraTerms\":[");
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : ",").append("\"term").append(i).append('"');
    }
    HttpResponse<String> tooMany = api(secretary).postJson(path + "/relay", many + "]}");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("\"field\":\"extraTerms\"").doesNotContain("Exception");
    HttpResponse<String> tooLong =
        api(secretary).postJson(path + "/relay", "{\"extraTerms\":[\"" + "あ".repeat(201) + "\"]}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(api(secretary).get(path + "/anonymisation?extra=" + "x".repeat(201)).statusCode())
        .isEqualTo(400);
    // refused terms change nothing: the stored ones still apply
    assertThat(api(secretary).get(path + "/anonymisation").body())
        .contains("\"extraTerms\":[\"IB 基盤\",\"佐藤 次郎\"]");
  }

  @Test
  void aLongerNameContainingTheReportersDomainIsKeptButFlaggedOnThePreview() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount secretary = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    long original =
        id(
            api(reporter)
                .postJson(
                    "/api/v1/reports?submit=true",
                    newReport(
                        "偽サイト",
                        "偽サイト sakura-bank.example.evil.test へ誘導。正規 www.sakura-bank.example。")),
            "id");
    String path = "/api/v1/reports/" + original;
    assertThat(api(secretary).get(path + "/anonymisation").body())
        .contains("偽サイト sakura-bank.example.evil.test へ誘導。正規 〔ドメイン〕。")
        .contains("\"lookalikes\":[\"sakura-bank.example.evil.test\"]");
    assertThat(browser(secretary).get("/reports/" + original + "/anonymise").body())
        .contains("要確認: 「sakura-bank.example.evil.test」");
    // the secretariat hides it; the copy carries neither
    long copy =
        id(
            api(secretary)
                .postJson(path + "/relay", "{\"extraTerms\":[\"sakura-bank.example.evil.test\"]}"),
            "relayedAs");
    assertThat(api(ministry).get("/api/v1/reports/" + copy).body())
        .contains("偽サイト 〔削除〕 へ誘導。正規 〔ドメイン〕。")
        .doesNotContain("sakura-bank");
  }
}
