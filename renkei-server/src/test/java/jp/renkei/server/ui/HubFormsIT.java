package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The advisory form and the admin forms list every error at once, each under the field's name in
 * the reader's language (never an internal name such as {@code title:} or {@code observables[1]}),
 * and keep what was typed; report and advisory pages in English name organisations in English.
 */
class HubFormsIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private Http signedIn(UserAccount u) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  /** The lines of the error list on a page. */
  private static String errors(String body) {
    int from = body.indexOf("error-summary");
    assertThat(from).as(body).isPositive();
    return body.substring(from, body.indexOf("</div>", from));
  }

  private static void noInternalNames(String errors) {
    // what a person reads: the lines, not the links to the inputs
    assertThat(errors.replaceAll("href=\"[^\"]*\"", ""))
        .doesNotContain(
            "title:", "observables[", "confirmBy", "typeCode", "apiRoot", "webhookUrl", "??");
  }

  @Test
  void theAdvisoryFormListsEveryErrorAtOnceAndKeepsTheChosenRecipients() {
    Http nisc = signedIn(fixtures.user("nisc", Role.ANALYST));
    Organisation bank = fixtures.operator("finance");
    HttpResponse<String> r =
        nisc.postFormPairs(
            "/advisories/new",
            "/advisories",
            List.of(
                Map.entry("title", ""),
                Map.entry("body", ""),
                Map.entry("actions", "遮断してください"),
                Map.entry("observables", "これは観測値ではない\nまたちがう"),
                Map.entry("tlp", "amber"),
                Map.entry("urgency", "urgent"),
                Map.entry("confirmBy", "あした"),
                Map.entry("organisations", bank.code()),
                Map.entry("action", "preview")));
    String body = r.body();
    String errors = errors(body);
    assertThat(errors).contains("件名：", "本文：", "観測値 (1 行目)", "観測値 (2 行目)", "疎通確認の期限：");
    noInternalNames(errors);
    // what was typed and chosen is still there
    assertThat(body)
        .contains("遮断してください", "これは観測値ではない", "あした")
        .containsPattern("value=\"" + bank.code() + "\"[^>]*checked");

    // the same in English
    nisc.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en =
        errors(
            nisc.postFormPairs(
                    "/advisories/new",
                    "/advisories",
                    List.of(
                        Map.entry("title", ""),
                        Map.entry("body", ""),
                        Map.entry("tlp", "amber"),
                        Map.entry("urgency", "normal"),
                        Map.entry("organisations", bank.code()),
                        Map.entry("action", "preview")))
                .body());
    assertThat(en).contains("Body: ").doesNotContain("件名", "本文");
    noInternalNames(en);
  }

  @Test
  void theAdminFormsListEveryErrorAtOnceAndKeepWhatWasTyped() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http web = signedIn(admin);

    String org =
        web.postForm(
                "/admin/organisations",
                "/admin/organisations",
                Map.of(
                    "code", "BAD CODE",
                    "nameJa", "",
                    "nameEn", "Typed English Name",
                    "typeCode", "operator",
                    "dutyEmail", "not-an-address"))
            .body();
    assertThat(errors(org)).contains("コード：", "名称 (日本語)：", "分野：", "当番連絡先メール：");
    noInternalNames(errors(org));
    assertThat(org).contains("value=\"BAD CODE\"", "Typed English Name", "not-an-address");

    String feed =
        web.postForm(
                "/admin/feeds",
                "/admin/feeds",
                Map.of(
                    "name", "",
                    "apiRoot", "ftp://feeds.example/taxii2/",
                    "remoteCollection", "",
                    "authKind", "basic",
                    "username", "typed-user",
                    "localCollection", "nope",
                    "pollIntervalSeconds", "毎時"))
            .body();
    assertThat(errors(feed))
        .contains("フィード名：", "TAXII API ルートの URL：", "リモートのコレクション ID：", "取り込み先のコレクション：", "取得間隔：");
    noInternalNames(errors(feed));
    assertThat(feed).contains("ftp://feeds.example/taxii2/", "毎時", "value=\"typed-user\"");
    linksFocusTheirFields(feed);

    String list =
        web.postForm(
                "/admin/warning-lists",
                "/admin/warning-lists/common-domains/entries",
                Map.of("kind", "domain-name", "value", "go.jp", "note", "あ".repeat(501)))
            .body();
    assertThat(errors(list)).contains("値：", "メモ：");
    assertThat(list).contains("value=\"go.jp\"");

    Organisation target = fixtures.operator("water");
    String delivery =
        web.postForm(
                "/admin/organisations/" + target.id(),
                "/admin/organisations/" + target.id() + "/delivery",
                Map.of("dutyEmail", "duty@@x", "webhookUrl", "ftp://hooks.example/x"))
            .body();
    assertThat(errors(delivery)).contains("当番連絡先メール：", "Webhook の URL：");
    assertThat(delivery).contains("value=\"duty@@x\"", "value=\"ftp://hooks.example/x\"");
  }

  @Test
  void reportAndAdvisoryPagesNameOrganisationsInEnglishInEnglishMode() {
    // an operator of its own: the hotline report reaches the ministry and NISC, whose lists other
    // tests read for the demo bank's name (RelayRedactionIT)
    Organisation bank = fixtures.operator("finance");
    UserAccount reporter = fixtures.user(bank, Role.ANALYST);
    Http api = http().bearer(fixtures.token(reporter));
    HttpResponse<String> filed =
        api.postJson(
            "/api/v1/reports?submit=true",
            "{\"content\":{\"title\":\"英語表示\",\"summary\":\"s\","
                + "\"detectedAt\":\"2026-11-20T00:30:00Z\",\"incidentType\":\"intrusion\","
                + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level2\","
                + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\",\"observables\":[]},"
                + "\"route\":\"hotline\",\"tlp\":\"amber\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long id = Long.parseLong(filed.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    Http web = signedIn(reporter);
    assertThat(web.get("/reports/" + id).body()).contains(bank.nameJa());
    web.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = web.get("/reports/" + id).body();
    assertThat(en).contains(bank.nameEn());
    Organisation nisc = directory.nationalCoordinator().orElseThrow();
    assertThat(en).contains(nisc.nameEn());
    assertThat(
            web.get(
                    "/reports?q="
                        + java.net.URLEncoder.encode(
                            "英語表示", java.nio.charset.StandardCharsets.UTF_8))
                .body())
        .contains(bank.nameEn());

    Http issuer = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    HttpResponse<String> adv =
        issuer.postJson(
            "/api/v1/advisories",
            "{\"title\":\"英語表示の情報提供\",\"body\":\"本文\",\"observables\":[],"
                + "\"tlp\":\"amber\",\"organisations\":[\""
                + bank.code()
                + "\"]}");
    assertThat(adv.statusCode()).as(adv.body()).isEqualTo(201);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(adv.body());
    assertThat(m.find()).isTrue();
    long advisory = Long.parseLong(m.group(1));
    String view = web.get("/advisories/" + advisory).body();
    assertThat(view).contains(nisc.nameEn());
    assertThat(web.get("/inbox/advisories").body()).contains(nisc.nameEn(), "Not confirmed");

    // the home's work queue too: the advisory to confirm and NISC's comment name NISC in English
    Http niscWeb = signedIn(fixtures.user("nisc", Role.ANALYST));
    niscWeb.postForm("/reports/" + id, "/reports/" + id + "/comments", Map.of("body", "受領しました"));
    String home = web.get("/").body();
    String toConfirm = row(home, "id=\"wl-advisory-" + advisory + "\"");
    assertThat(toConfirm).contains(nisc.nameEn()).doesNotContain(nisc.nameJa());
    String comment = row(home, "class=\"wl-comment\"");
    assertThat(comment).contains("受領しました", nisc.nameEn()).doesNotContain(nisc.nameJa());
    // the statistics' fiscal quarters too (「2026年度Q3」 in Japanese)
    assertThat(web.get("/dashboard").body()).contains("FY2026 Q3").doesNotContain("年度Q");
  }

  /** Every link of the page's error list points at an input the page has. */
  private static void linksFocusTheirFields(String body) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(errors(body));
    int links = 0;
    while (m.find()) {
      links++;
      assertThat(body)
          .as("the error link #" + m.group(1))
          .containsPattern("<(input|select|textarea)[^>]* id=\"" + m.group(1) + "\"");
    }
    assertThat(links).isPositive();
  }

  /**
   * The feed form names authentication kinds and TLPs in words, has no default destination (the
   * collection decides who reads what the feed brings) and refuses a blank one on the form; the
   * note above it matches what the page offers.
   */
  @Test
  void theFeedFormSaysItsChoicesInWordsAndAsksWhereObjectsGo() {
    Http web = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    String page = web.get("/admin/feeds").body();
    assertThat(page)
        .contains(">認証なし<", ">ベーシック認証（利用者名とパスワード）<", ">ベアラートークン<")
        .contains(">TLP:AMBER+STRICT（受信組織のみ）<", ">TLP:GREEN（コミュニティ内）<")
        .contains("<option value=\"\" selected=\"selected\">— 取り込み先を選んでください —</option>")
        .contains("フィードは下のフォームで追加・変更できます")
        .doesNotContain(">bearer<", ">amber+strict<", ">none<", "POST / DELETE", "docs/taxii.md)");
    Map<String, String> add = new java.util.HashMap<>();
    add.put("name", "feed-" + Fixtures.unique("c"));
    add.put("apiRoot", "http://127.0.0.1:9/taxii2/api/");
    add.put("remoteCollection", "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
    add.put("authKind", "none");
    add.put("localCollection", "");
    add.put("pollIntervalSeconds", "600");
    HttpResponse<String> refused = web.postForm("/admin/feeds", "/admin/feeds", add);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(errors(refused.body())).contains("取り込み先のコレクション：取り込み先のコレクションを選んでください。");
    assertThat(refused.body()).contains("<option value=\"\" selected=\"selected\">");
    web.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(web.get("/admin/feeds").body())
        .contains(">Bearer token<", ">TLP:RED (named people only)<", "— choose where objects go —");
  }

  @Test
  void aPlatformAdminEditsAFeedWithoutEverSeeingItsSecret() {
    Http web = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    String name = "feed-" + Fixtures.unique("e");
    Map<String, String> add = new java.util.HashMap<>();
    add.put("name", name);
    add.put("apiRoot", "http://127.0.0.1:9/taxii2/api/");
    add.put("remoteCollection", "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
    add.put("authKind", "none");
    add.put(
        "localCollection",
        intel.allCollections().stream()
            .filter(c -> c.kind() == jp.renkei.server.intel.StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow()
            .id()
            .toString());
    add.put("pollIntervalSeconds", "600");
    assertThat(web.postForm("/admin/feeds", "/admin/feeds", add).statusCode()).isEqualTo(302);
    long id =
        jdbc.sql("select id from taxii_feed where name = ?").param(name).query(Long.class).single();
    assertThat(web.get("/admin/feeds").body()).contains("href=\"/admin/feeds/" + id + "\"");
    String page = "/admin/feeds/" + id;
    assertThat(web.get(page).body()).contains("value=\"http://127.0.0.1:9/taxii2/api/\"");

    // basic authentication without a credential, and an interval that is no number: both listed
    Map<String, String> edit = new java.util.HashMap<>(add);
    edit.remove("localCollection");
    edit.put("authKind", "basic");
    edit.put("username", "hub-reader");
    edit.put("pollIntervalSeconds", "十分");
    String refused = web.postForm(page, page, edit).body();
    assertThat(errors(refused)).contains("認証情報：", "取得間隔：");
    noInternalNames(errors(refused));
    linksFocusTheirFields(refused);
    assertThat(refused).contains("value=\"hub-reader\"", "value=\"十分\"");

    edit.put("secret", "s3cret-of-the-remote-hub");
    edit.put("pollIntervalSeconds", "900");
    edit.put("apiRoot", "http://127.0.0.1:9/taxii2/other/");
    assertThat(web.postForm(page, page, edit).statusCode()).isEqualTo(302);
    Map<String, Object> row =
        jdbc.sql(
                "select api_root, auth_kind, username, poll_interval_s, secret from taxii_feed"
                    + " where id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("api_root", "http://127.0.0.1:9/taxii2/other/")
        .containsEntry("auth_kind", "basic")
        .containsEntry("username", "hub-reader")
        .containsEntry("poll_interval_s", 900);
    // stored sealed, and never shown back
    assertThat((String) row.get("secret")).doesNotContain("s3cret");
    assertThat(web.get(page).body() + web.get("/admin/feeds").body()).doesNotContain("s3cret");

    // a blank secret keeps the stored one
    String sealed = (String) row.get("secret");
    edit.put("secret", "");
    edit.put("name", name + " (renamed)");
    assertThat(web.postForm(page, page, edit).statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select secret from taxii_feed where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(sealed);

    // nobody but a platform admin
    Http orgAdmin = signedIn(fixtures.user("op-sakura-bank", Role.ORG_ADMIN));
    assertThat(orgAdmin.get(page).statusCode()).isEqualTo(403);
    assertThat(orgAdmin.postForm("/", page, edit).statusCode()).isEqualTo(403);
  }

  @Test
  void aFeedThatAuthenticatesNeedsASecretWhenCreatedAsWhenEdited() {
    Http web = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    String name = "feed-" + Fixtures.unique("s");
    Map<String, String> add = new java.util.HashMap<>();
    add.put("name", name);
    add.put("apiRoot", "http://127.0.0.1:9/taxii2/api/");
    add.put("remoteCollection", "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
    add.put("authKind", "bearer");
    add.put(
        "localCollection",
        intel.allCollections().stream()
            .filter(c -> c.kind() == jp.renkei.server.intel.StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow()
            .id()
            .toString());
    add.put("pollIntervalSeconds", "600");
    // created without one: refused by the rule the edit form has (it was created, and every
    // later edit that kept "no secret" was refused)
    String refused = web.postForm("/admin/feeds", "/admin/feeds", add).body();
    assertThat(errors(refused)).contains("認証情報：", "パスワードまたはトークンが必要です");
    noInternalNames(errors(refused));
    assertThat(
            jdbc.sql("select count(*) from taxii_feed where name = ?")
                .param(name)
                .query(Long.class)
                .single())
        .isZero();
    add.put("secret", "rk-of-the-remote");
    assertThat(web.postForm("/admin/feeds", "/admin/feeds", add).statusCode()).isEqualTo(302);
    long id =
        jdbc.sql("select id from taxii_feed where name = ?").param(name).query(Long.class).single();
    String page = "/admin/feeds/" + id;
    // the edit keeps the stored secret with a blank field, as the create needed one
    Map<String, String> edit = new java.util.HashMap<>(add);
    edit.remove("localCollection");
    edit.put("secret", "");
    edit.put("authKind", "basic");
    edit.put("username", "reader");
    assertThat(web.postForm(page, page, edit).statusCode()).isEqualTo(302);
    // none drops it; authenticating again then needs a new one, as on creation
    edit.put("authKind", "none");
    assertThat(web.postForm(page, page, edit).statusCode()).isEqualTo(302);
    edit.put("authKind", "bearer");
    assertThat(errors(web.postForm(page, page, edit).body())).contains("認証情報：");
  }

  @Test
  void theFeedCreateAndEditFormsReadAUserNameByOneRule() {
    Http web = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    String name = "feed-" + Fixtures.unique("u");
    Map<String, String> add = new java.util.HashMap<>();
    add.put("name", name);
    add.put("apiRoot", "http://127.0.0.1:9/taxii2/api/");
    add.put("remoteCollection", "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
    add.put("authKind", "basic");
    add.put("username", "  padded-reader\t");
    add.put("secret", "s3cret");
    add.put(
        "localCollection",
        intel.allCollections().stream()
            .filter(c -> c.kind() == jp.renkei.server.intel.StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow()
            .id()
            .toString());
    add.put("pollIntervalSeconds", "600");
    assertThat(web.postForm("/admin/feeds", "/admin/feeds", add).statusCode()).isEqualTo(302);
    long id =
        jdbc.sql("select id from taxii_feed where name = ?").param(name).query(Long.class).single();
    String page = "/admin/feeds/" + id;
    java.util.function.Supplier<String> stored =
        () ->
            jdbc.sql("select username from taxii_feed where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    assertThat(stored.get()).as("created: stripped").isEqualTo("padded-reader");

    Map<String, String> edit = new java.util.HashMap<>(add);
    edit.remove("localCollection");
    edit.put("secret", "");
    edit.put("username", "  padded-reader\t");
    assertThat(web.postForm(page, page, edit).statusCode()).isEqualTo(302);
    assertThat(stored.get()).as("edited: stripped").isEqualTo("padded-reader");
    edit.put("username", "   ");
    assertThat(web.postForm(page, page, edit).statusCode()).isEqualTo(302);
    assertThat(stored.get()).as("edited: blank is none").isNull();

    // a blank user name on creation is none too
    String other = name + "-b";
    add.put("name", other);
    add.put("username", " ");
    assertThat(web.postForm("/admin/feeds", "/admin/feeds", add).statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select username from taxii_feed where name = ?")
                .param(other)
                .query(String.class)
                .optional())
        .as("created: blank is none")
        .isEmpty();

    // a replaced credential reads its user name by the same rule
    assertThat(
            web.postForm(
                    "/admin/feeds",
                    page + "/credential",
                    Map.of("username", " rotated-reader ", "secret", "n3w"))
                .statusCode())
        .isEqualTo(302);
    assertThat(stored.get()).isEqualTo("rotated-reader");
  }

  @Autowired jp.renkei.server.intel.IntelService intel;

  @Test
  void theAccountAndReportPageFormsNameEveryErrorByItsLabel() {
    UserAccount analyst = fixtures.user("nisc", Role.ANALYST);
    Http web = signedIn(analyst);
    // a wrong current password and a too short new one: both, at once
    String password =
        web.postForm(
                "/account/password",
                "/account/password",
                Map.of("currentPassword", "not-my-password", "newPassword", "short"))
            .body();
    assertThat(errors(password)).contains("現在のパスワード：", "新しいパスワード：");
    linksFocusTheirFields(password);
    noInternalNames(errors(password));

    String totp =
        web.postForm("/account/totp", "/account/totp/confirm", Map.of("code", "abc")).body();
    assertThat(errors(totp)).contains("確認コード：");
    linksFocusTheirFields(totp);

    // an empty comment on a report on the coordinator's route
    Organisation bank = fixtures.operator("finance");
    Http api = http().bearer(fixtures.token(fixtures.user(bank, Role.ANALYST)));
    HttpResponse<String> filed =
        api.postJson(
            "/api/v1/reports?submit=true",
            "{\"content\":{\"title\":\"コメント欄の確認\",\"summary\":\"s\","
                + "\"detectedAt\":\"2026-11-20T00:30:00Z\",\"incidentType\":\"intrusion\","
                + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level2\","
                + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\",\"observables\":[]},"
                + "\"route\":\"hotline\",\"tlp\":\"amber\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long id = Long.parseLong(filed.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    String comment =
        web.postForm("/reports/" + id, "/reports/" + id + "/comments", Map.of("body", " ")).body();
    assertThat(errors(comment)).contains("コメント：");
    linksFocusTheirFields(comment);

    web.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en =
        web.postForm(
                "/account/password",
                "/account/password",
                Map.of("currentPassword", "not-my-password", "newPassword", "short"))
            .body();
    assertThat(errors(en)).contains("Current password: ", "New password: ");
  }

  /** The table row of a page that carries {@code marker}. */
  private static String row(String body, String marker) {
    int at = body.indexOf(marker);
    assertThat(at).as(marker + " in " + body).isPositive();
    return body.substring(at, body.indexOf("</tr>", at));
  }
}
