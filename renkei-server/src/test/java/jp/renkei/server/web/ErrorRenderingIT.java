package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

class ErrorRenderingIT extends ServerTest {

  @Test
  void unknownPageIsAThemedHtml404WithoutInternals() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    var browser = http();
    browser.signIn(person.login(), Fixtures.PASSWORD);
    HttpResponse<String> r = browser.get("/no/such/page");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .contains("連携", "お探しのページは見つかりません")
        .doesNotContain("Whitelabel", "Exception");
    HttpResponse<String> missingOrg = browser.get("/directory/987654321");
    assertThat(missingOrg.statusCode()).isEqualTo(404);
    assertThat(missingOrg.body()).contains("id=\"error-message\"");
    HttpResponse<String> badId = browser.get("/directory/abc");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).contains("abc").doesNotContain("NumberFormatException");
  }

  @Test
  void apiErrorsAreProblemJsonInThePersonsLanguage() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    var browser = http();
    browser.signIn(person.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/api/v1/organisations/987654321").body()).contains("見つかりません");
    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    HttpResponse<String> r = browser.get("/api/v1/organisations/987654321");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"status\":404", "Not found: organisation 987654321");
    assertThat(browser.get("/api/v1/nothing-here").headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void languageSwitchOnlyRedirectsToLocalPaths() {
    HttpResponse<String> r =
        http()
            .postForm(
                "/login", "/settings/language", Map.of("lang", "en", "back", "//evil.example/x"));
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("evil"));
  }
}
