package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

class SignInIT extends ServerTest {

  @Test
  void wrongPasswordSaysSoWithoutRevealingWhichPartWasWrong() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    var browser = http();
    HttpResponse<String> r = browser.signIn(person.login(), "not-the-password");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));
    // and what to do if it goes on (the walk: a locked person was told only "for a while")
    assertThat(browser.get("/login?error=bad").body())
        .contains("ログインIDまたはパスワードが正しくありません")
        .contains("組織の管理者にパスワードの再発行を依頼してください");
    HttpResponse<String> unknown = http().signIn("no.such.person", "whatever-123456");
    assertThat(unknown.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("error=bad"));
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    for (int i = 0; i < 5; i++) {
      http().signIn(person.login(), "wrong-" + i);
    }
    HttpResponse<String> r = http().signIn(person.login(), Fixtures.PASSWORD);
    // refused, with the answer an unknown login gets (issue 13: the lock must not tell which
    // logins exist)
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("error=bad"));
  }

  @Test
  void successfulSignInLandsOnHomeShowingPersonAndOrganisation() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    var browser = http();
    HttpResponse<String> r = browser.signIn(person.login(), Fixtures.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).contains("RENKEI_SESSION", "HttpOnly", "SameSite=Lax"));
    String home = browser.get("/").body();
    assertThat(home).contains("さくら架空銀行", "分析担当", "銀行等CEPTOAR", "金融庁");
  }

  @Test
  void aPersonChangesTheirPasswordOnlyWithTheCurrentOne() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    var browser = http();
    browser.signIn(person.login(), Fixtures.PASSWORD);
    HttpResponse<String> wrong =
        browser.postForm(
            "/account/password",
            "/account/password",
            Map.of("currentPassword", "not-it-at-all", "newPassword", "another-long-secret-7"));
    assertThat(wrong.body()).contains("id=\"form-error\"", "現在のパスワードが正しくありません");
    HttpResponse<String> tooShort =
        browser.postForm(
            "/account/password",
            "/account/password",
            Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "short"));
    assertThat(tooShort.body()).contains("12 文字以上");
    HttpResponse<String> ok =
        browser.postForm(
            "/account/password",
            "/account/password",
            Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "another-long-secret-7"));
    assertThat(ok.body()).contains("id=\"password-changed\"");
    assertThat(http().signIn(person.login(), Fixtures.PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("error=bad"));
    assertThat(
            http().signIn(person.login(), "another-long-secret-7").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    HttpResponse<String> r =
        http()
            .postFormRaw("/login", Map.of("login", person.login(), "password", Fixtures.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void pagesNeedSignInAndApiAnswers401() {
    HttpResponse<String> page = http().get("/directory");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    HttpResponse<String> api = http().get("/api/v1/organisations");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void everyPageCarriesAStrictContentSecurityPolicy() {
    HttpResponse<String> login = http().get("/login");
    String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");
  }

  @Test
  void healthIsPublicButMetricsNeedAPlatformAdmin() {
    assertThat(http().get("/actuator/health").body())
        .contains("\"status\":\"UP\"")
        .doesNotContain("components");
    assertThat(http().get("/actuator/prometheus").statusCode()).isEqualTo(401);
    var member = fixtures.user("op-sakura-bank", Role.MEMBER);
    assertThat(http().bearer(fixtures.token(member)).get("/actuator/prometheus").statusCode())
        .isEqualTo(403);
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    HttpResponse<String> metrics = http().bearer(fixtures.token(admin)).get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }
}
