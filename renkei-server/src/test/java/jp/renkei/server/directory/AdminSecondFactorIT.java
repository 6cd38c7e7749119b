package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.token.Base32;
import jp.renkei.engine.token.Totp;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A hub that requires a second factor of platform admins (a context of its own, on the same
 * embedded cluster).
 */
@TestPropertySource(properties = "renkei.security.require-totp-for-admins=true")
class AdminSecondFactorIT extends ServerTest {

  @Test
  void anAdminWithoutASecondFactorReachesOnlyEnrolmentUntilEnrolled() {
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http browser = http();
    HttpResponse<String> in = browser.signIn(admin.login(), Fixtures.PASSWORD);
    assertThat(in.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    HttpResponse<String> home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/totp");
    assertThat(browser.get("/admin/users").statusCode()).isEqualTo(302);
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(403);
    assertThat(browser.get("/account/totp").body()).contains("id=\"totp-required\"");

    String started = browser.postForm("/account/totp", "/account/totp/start", Map.of()).body();
    Matcher m =
        Pattern.compile("id=\"totp-secret\" class=\"secret\">([A-Z2-7]+)<").matcher(started);
    assertThat(m.find()).isTrue();
    String code = Totp.code(Base32.decode(m.group(1)), Totp.step(Instant.now()));
    assertThat(
            browser.postForm("/account/totp", "/account/totp/confirm", Map.of("code", code)).body())
        .contains("id=\"totp-enabled\"")
        .doesNotContain("id=\"totp-disable\"");
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void otherPeopleAreNotAskedForASecondFactor() {
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http browser = http();
    browser.signIn(analyst.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
  }
}
