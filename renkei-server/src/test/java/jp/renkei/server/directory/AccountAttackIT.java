package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.token.Base32;
import jp.renkei.engine.token.Totp;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13, items 4 and 5: what an attacker tries against sessions, tokens and sign-in. */
class AccountAttackIT extends ServerTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"[^\"]+\"");
  private static final String NEW_PASSWORD = "plum-orchard-lantern-42";

  @Autowired JdbcClient jdbc;

  // --- item 4: sessions -------------------------------------------------------------------------

  @Test
  void aPasswordChangeEndsTheOtherSessionsButNotTheOneThatChangedIt() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http laptop = http();
    Http stolen = http();
    assertThat(signedIn(laptop, person.login(), Fixtures.PASSWORD)).isTrue();
    assertThat(signedIn(stolen, person.login(), Fixtures.PASSWORD)).isTrue();
    assertThat(stolen.get("/account/tokens").statusCode()).isEqualTo(200);

    HttpResponse<String> changed =
        laptop.postForm(
            "/account/password",
            "/account/password",
            Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD));
    assertThat(changed.body()).contains("id=\"password-changed\"");

    assertThat(laptop.get("/account/tokens").statusCode()).isEqualTo(200);
    HttpResponse<String> other = stolen.get("/account/tokens");
    assertThat(other.statusCode()).isEqualTo(302);
    assertThat(other.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    // and the API does not take that session either
    assertThat(stolen.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(signedIn(http(), person.login(), NEW_PASSWORD)).isTrue();
  }

  @Test
  void anAdminResetEndsAllThePersonsSessionsAndNobodyResetsTheirOwn() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    var admin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    Http browser = http();
    assertThat(signedIn(browser, person.login(), Fixtures.PASSWORD)).isTrue();
    Http adminApi = http().bearer(fixtures.token(admin));
    HttpResponse<String> reset =
        adminApi.postJson("/api/v1/users/" + person.id() + "/password-reset", "{}");
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(browser.get("/").statusCode()).isEqualTo(302);

    HttpResponse<String> own =
        adminApi.postJson("/api/v1/users/" + admin.id() + "/password-reset", "{}");
    assertThat(own.statusCode()).isEqualTo(403);
  }

  // --- item 4: token scopes and lifetimes -------------------------------------------------------

  @Test
  void aTokenWithoutTheAdminScopeCannotMintTokensOrManagePeople() {
    var admin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var colleague = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http api = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
    HttpResponse<String> mint = api.postJson("/api/v1/tokens", "{\"name\":\"more\"}");
    assertThat(mint.statusCode()).isEqualTo(403);
    assertThat(mint.body()).contains("admin");
    assertThat(
            api.postJson("/api/v1/users/" + colleague.id() + "/password-reset", "{}").statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/users").statusCode()).isEqualTo(403);
  }

  @Test
  void noTokenChangesItsOwnersPasswordWhateverItsScopes() {
    var person = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    Http api = http().bearer(fixtures.token(person));
    HttpResponse<String> change =
        api.putJson(
            "/api/v1/me/password",
            "{\"currentPassword\":\""
                + Fixtures.PASSWORD
                + "\",\"newPassword\":\"x-y-z-1-2-3-q\"}");
    assertThat(change.statusCode()).isEqualTo(403);
    assertThat(signedIn(http(), person.login(), Fixtures.PASSWORD)).isTrue();
  }

  @Test
  void scopesNarrowWhatATokenMayDo() {
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http readOnly = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.READ)));
    assertThat(readOnly.get("/api/v1/organisations").statusCode()).isEqualTo(200);
    assertThat(readOnly.postJson("/api/v1/reports", "{}").statusCode()).isEqualTo(403);
    assertThat(readOnly.get("/taxii2/").statusCode()).isEqualTo(403);

    HttpResponse<String> mine = readOnly.get("/api/v1/tokens");
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(mine.body());
    assertThat(id.find()).as(mine.body()).isTrue();

    Http match = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.MATCH)));
    assertThat(match.get("/taxii2/").statusCode()).isEqualTo(200);
    assertThat(match.get("/api/v1/me").statusCode()).isEqualTo(403);
    assertThat(match.delete("/taxii2/renkei/collections/x/objects/y/").statusCode()).isEqualTo(403);
    // any token may revoke its owner's tokens, even a match-only one
    assertThat(match.delete("/api/v1/tokens/" + id.group(1)).statusCode()).isEqualTo(200);
    assertThat(readOnly.get("/api/v1/organisations").statusCode()).isEqualTo(401);
  }

  @Test
  void tokensExpireByDefaultWithinTheMaximumAndNeverGainScopes() {
    var admin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    Http api = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.ADMIN, TokenScope.READ)));
    HttpResponse<String> made = api.postJson("/api/v1/tokens", "{\"name\":\"siem\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(made.body()).contains("\"scopes\":[\"read\"]");
    Instant expires = Instant.parse(field(made.body(), "expiresAt"));
    assertThat(Duration.between(Instant.now(), expires).toDays()).isBetween(89L, 90L);

    HttpResponse<String> forever =
        api.postJson("/api/v1/tokens", "{\"name\":\"forever\",\"validDays\":36500}");
    assertThat(forever.statusCode()).isEqualTo(400);
    assertThat(forever.body()).contains("\"field\":\"validDays\"", "365");

    HttpResponse<String> wider =
        api.postJson("/api/v1/tokens", "{\"name\":\"wider\",\"scopes\":[\"read\",\"taxii\"]}");
    assertThat(wider.statusCode()).isEqualTo(403);
    assertThat(wider.body()).contains("taxii");
    HttpResponse<String> empty =
        api.postJson("/api/v1/tokens", "{\"name\":\"none\",\"scopes\":[]}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("\"field\":\"scopes\"");
    HttpResponse<String> unknown =
        api.postJson("/api/v1/tokens", "{\"name\":\"odd\",\"scopes\":[\"root\"]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"field\":\"scopes\"", "root");

    String secret = field(made.body(), "secret");
    assertThat(http().bearer(secret).get("/api/v1/me").statusCode()).isEqualTo(200);
    jdbc.sql("update api_token set expires_at = now() - interval '1 second' where token_hash = ?")
        .param(jp.renkei.engine.token.ApiTokens.hash(secret))
        .update();
    assertThat(http().bearer(secret).get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void theTokenPageShowsScopesCreatedExpiresAndLastUse() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http browser = http();
    assertThat(signedIn(browser, person.login(), Fixtures.PASSWORD)).isTrue();
    HttpResponse<String> page =
        browser.postForm(
            "/account/tokens",
            "/account/tokens",
            Map.of("name", "taxii-feed", "validDays", "", "scopes", "taxii"));
    Matcher m =
        Pattern.compile("id=\"token-secret\" class=\"secret\">(rk_[^<]+)<").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    String listed = browser.get("/account/tokens").body();
    // the scope in words, and revoking asks first (the button is behind a warning naming the token)
    assertThat(listed)
        .contains("taxii-feed", "<span data-scope=\"taxii\">TAXII (参照と登録)</span></td>")
        .doesNotContain("<td class=\"token-scopes\">taxii</td>")
        .contains("トークン「taxii-feed」を失効させます", "失効させる（元に戻せません）");
    assertThat(listed.indexOf("<details class=\"token-revoke\">"))
        .isPositive()
        .isLessThan(listed.indexOf("/revoke\""));
    assertThat(http().bearer(m.group(1)).get("/taxii2/").statusCode()).isEqualTo(200);
    OffsetDateTime lastUsed =
        jdbc.sql("select last_used_at from api_token where user_id = ?")
            .param(person.id())
            .query(OffsetDateTime.class)
            .single();
    assertThat(lastUsed).isNotNull();
    // used again within the minute: not written again
    assertThat(http().bearer(m.group(1)).get("/taxii2/").statusCode()).isEqualTo(200);
    assertThat(
            jdbc.sql("select last_used_at from api_token where user_id = ?")
                .param(person.id())
                .query(OffsetDateTime.class)
                .single())
        .isEqualTo(lastUsed);
    HttpResponse<String> none =
        browser.postForm(
            "/account/tokens", "/account/tokens", Map.of("name", "no-scope", "validDays", "7"));
    assertThat(none.body()).contains("id=\"token-secret\"");
    assertThat(browser.get("/account/tokens").body())
        .contains(
            "<td class=\"token-scopes\"><span data-scope=\"read\">参照 (API の GET)</span></td>");
  }

  // --- item 5: sign-in answers, lockout, password rules -----------------------------------------

  @Test
  void lockedUnknownAndWrongPasswordGetTheSameAnswerAndTheTokenKeepsWorking() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    String token = fixtures.token(person);
    Http session = http();
    assertThat(signedIn(session, person.login(), Fixtures.PASSWORD)).isTrue();

    HttpResponse<String> wrong = http().signIn(person.login(), "wrong-password-0");
    HttpResponse<String> unknown = http().signIn("no.such.login.anywhere", "wrong-password-0");
    for (int i = 1; i < 5; i++) {
      http().signIn(person.login(), "wrong-password-" + i);
    }
    HttpResponse<String> locked = http().signIn(person.login(), Fixtures.PASSWORD);
    assertThat(List.of(wrong, unknown, locked))
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(302);
              assertThat(r.headers().firstValue("Location"))
                  .isEqualTo(unknown.headers().firstValue("Location"));
            });
    String lockedPage = page(http(), locked);
    assertThat(lockedPage).isEqualTo(page(http(), unknown)).isEqualTo(page(http(), wrong));

    assertThat(http().bearer(token).get("/api/v1/me").statusCode()).isEqualTo(200);
    assertThat(session.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void weakPasswordsAreRefusedNamingTheRule() {
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http api = http().bearer(fixtures.token(admin));
    Map<String, String> refused =
        Map.of(
            "aaaaaaaaaaaa", "validation.password.repetitive",
            "abababababab", "validation.password.repetitive",
            "password1234", "validation.password.common",
            "Password1234!", "validation.password.common",
            "sunshine2024!", "validation.password.common",
            "abcdefghijkl", "validation.password.sequence",
            "123456789012", "validation.password.sequence",
            "short-1", "validation.password.short");
    refused.forEach(
        (password, rule) -> {
          HttpResponse<String> r = api.postJson("/api/v1/users", user(password));
          assertThat(r.statusCode()).as(password).isEqualTo(400);
          assertThat(r.body()).as(password).contains("\"field\":\"password\"", rule);
        });
    assertThat(api.postJson("/api/v1/users", user("copper-kettle-meadow-7")).statusCode())
        .isEqualTo(201);
  }

  // --- item 5: second factor --------------------------------------------------------------------

  @Test
  void totpEnrolmentThenSignInNeedsTheCodeOrARecoveryCodeOnce() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http browser = http();
    assertThat(signedIn(browser, person.login(), Fixtures.PASSWORD)).isTrue();
    String started = browser.postForm("/account/totp", "/account/totp/start", Map.of()).body();
    String secret = text(started, "totp-secret");
    assertThat(text(started, "totp-uri"))
        .startsWith("otpauth://totp/Renkei:" + person.login() + "?secret=" + secret);
    byte[] key = Base32.decode(secret);
    long step = Totp.step(Instant.now());

    HttpResponse<String> wrong =
        browser.postForm("/account/totp", "/account/totp/confirm", Map.of("code", "000000"));
    assertThat(wrong.body()).contains("id=\"form-error\"");
    String confirmed =
        browser
            .postForm(
                "/account/totp", "/account/totp/confirm", Map.of("code", Totp.code(key, step)))
            .body();
    assertThat(confirmed).contains("id=\"totp-enabled\"");
    Matcher codes = Pattern.compile("class=\"recovery-code\">([a-z2-7-]{19})<").matcher(confirmed);
    assertThat(codes.find()).isTrue();
    String recovery = codes.group(1);

    // password alone, or with a wrong code: the same answer as a wrong password
    assertThat(signedIn(http(), person.login(), Fixtures.PASSWORD)).isFalse();
    assertThat(
            signIn(http(), person.login(), Fixtures.PASSWORD, "123456")
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));
    // the code used to confirm is spent; the next step's is good once
    String next = Totp.code(key, step + 1);
    assertThat(signedInWith(http(), person.login(), next)).isTrue();
    assertThat(signedInWith(http(), person.login(), next)).isFalse();
    assertThat(signedInWith(http(), person.login(), recovery.toUpperCase())).isTrue();
    assertThat(signedInWith(http(), person.login(), recovery)).isFalse();
  }

  // --- recovery by an admin: a reset takes back everything the account holder made --------------

  @Test
  void anAdminsPasswordResetEndsSessionsAndRevokesEveryTokenTheAccountMade() {
    var victim = fixtures.user("op-sakura-bank", Role.ANALYST);
    var orgAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    String planted = fixtures.token(victim);
    String second = fixtures.token(victim);
    Http intruder = http();
    assertThat(signedIn(intruder, victim.login(), Fixtures.PASSWORD)).isTrue();
    assertThat(http().bearer(planted).get("/api/v1/me").statusCode()).isEqualTo(200);

    Http admin = http();
    assertThat(signedIn(admin, orgAdmin.login(), Fixtures.PASSWORD)).isTrue();
    String page =
        admin
            .postForm(
                "/admin/users/" + victim.id(),
                "/admin/users/" + victim.id() + "/password",
                Map.of())
            .body();
    assertThat(page).contains("id=\"new-password\"", "id=\"tokens-revoked\"");

    assertThat(http().bearer(planted).get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(http().bearer(second).get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(intruder.get("/reports").statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'token.revoke.all'"
                        + " and target_id = ?")
                .param(String.valueOf(victim.id()))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aLostSecondFactorIsRemovedOnlyByAnAdminWhoManagesThePerson() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http browser = http();
    assertThat(signedIn(browser, person.login(), Fixtures.PASSWORD)).isTrue();
    String started = browser.postForm("/account/totp", "/account/totp/start", Map.of()).body();
    byte[] key = Base32.decode(text(started, "totp-secret"));
    browser.postForm(
        "/account/totp",
        "/account/totp/confirm",
        Map.of("code", Totp.code(key, Totp.step(Instant.now()))));
    assertThat(signedIn(http(), person.login(), Fixtures.PASSWORD)).isFalse();

    // another organisation's admin, and the API of a member of the same one: refused
    var otherAdmin = fixtures.user("op-inazuma-power", Role.ORG_ADMIN);
    var colleague = fixtures.user("op-sakura-bank", Role.ANALYST);
    String path = "/api/v1/users/" + person.id() + "/totp-reset";
    assertThat(http().bearer(fixtures.token(otherAdmin)).postJson(path, "{}").statusCode())
        .isIn(403, 404);
    assertThat(http().bearer(fixtures.token(colleague)).postJson(path, "{}").statusCode())
        .isIn(403, 404);
    assertThat(signedIn(http(), person.login(), Fixtures.PASSWORD)).isFalse();

    var orgAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    Http admin = http();
    assertThat(signedIn(admin, orgAdmin.login(), Fixtures.PASSWORD)).isTrue();
    assertThat(admin.get("/admin/users/" + person.id()).body()).contains("id=\"reset-totp\"");
    String page =
        admin
            .postForm(
                "/admin/users/" + person.id(),
                "/admin/users/" + person.id() + "/totp-reset",
                Map.of())
            .body();
    assertThat(page).contains("id=\"notice\"").doesNotContain("id=\"reset-totp\"");
    // the session that was open ends; the password alone signs in again, to enrol anew
    assertThat(browser.get("/reports").statusCode()).isEqualTo(302);
    assertThat(signedIn(http(), person.login(), Fixtures.PASSWORD)).isTrue();
    // one's own second factor is removed only with a code, never by this reset
    assertThat(
            http()
                .bearer(fixtures.token(orgAdmin))
                .postJson("/api/v1/users/" + orgAdmin.id() + "/totp-reset", "{}")
                .statusCode())
        .isEqualTo(403);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static String user(String password) {
    return "{\"login\":\""
        + Fixtures.unique("pw").replace('-', '.')
        + "\",\"displayName\":\"パスワード 試験\",\"organisationCode\":\"op-sakura-bank\","
        + "\"role\":\"member\",\"password\":\""
        + password
        + "\"}";
  }

  private static boolean signedIn(Http h, String login, String password) {
    HttpResponse<String> r = h.signIn(login, password);
    return r.statusCode() == 302
        && !r.headers().firstValue("Location").orElse("").contains("/login");
  }

  private static boolean signedInWith(Http h, String login, String code) {
    HttpResponse<String> r = signIn(h, login, Fixtures.PASSWORD, code);
    return r.statusCode() == 302
        && !r.headers().firstValue("Location").orElse("").contains("/login");
  }

  private static HttpResponse<String> signIn(Http h, String login, String password, String code) {
    return h.postForm(
        "/login", "/login", Map.of("login", login, "password", password, "code", code));
  }

  /** The page a failed sign-in lands on, without its CSRF token. */
  private String page(Http h, HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/login"));
    return CSRF.matcher(h.get(path).body()).replaceAll("");
  }

  private static String text(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }
}
