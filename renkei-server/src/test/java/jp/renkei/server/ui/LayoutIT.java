package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/** The shared layout: every page, error pages included, keeps the navigation and the mode. */
class LayoutIT extends ServerTest {

  @Test
  void errorPagesKeepTheNavigationAndTheModeBadgeAndNeverAStackTrace() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    var browser = http();
    browser.signIn(person.login(), Fixtures.PASSWORD);
    Map<String, Integer> pages =
        Map.of(
            "/no/such/page", 404, // the container's error page
            "/directory/987654321", 404, // NotFound from a controller
            "/directory/abc", 400, // a bad path parameter
            "/admin/organisations", 403); // a platform admin's page
    pages.forEach(
        (path, status) -> {
          HttpResponse<String> r = browser.get(path);
          assertThat(r.statusCode()).as(path).isEqualTo(status);
          assertThat(r.body())
              .as(path)
              .contains(
                  "id=\"error-message\"",
                  "id=\"mainnav\"",
                  "id=\"system-mode\"",
                  "id=\"who\"",
                  "class=\"skip-link\"")
              .doesNotContain("Exception", "Whitelabel", "at jp.renkei");
        });
    // the kind of a missing object in words, not its table name
    assertThat(browser.get("/directory/987654321").body())
        .contains("見つかりません: 組織 987654321")
        .doesNotContain("organisation 987654321");
  }

  @Test
  void theNavigationGroupsAccountAndAdministrationAndKeepsItsLinks() {
    var admin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var browser = http();
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    String home = browser.get("/").body();
    assertThat(home)
        .contains("id=\"nav-toggle\"", "id=\"nav-account\"", "id=\"nav-admin\"")
        .contains("href=\"/admin/users\"", "href=\"/account/tokens\"", "href=\"/reports\"")
        .doesNotContain("href=\"/admin/organisations\"");
    var member = fixtures.user("op-sakura-bank", Role.MEMBER);
    var other = http();
    other.signIn(member.login(), Fixtures.PASSWORD);
    assertThat(other.get("/").body()).contains("id=\"nav-account\"").doesNotContain("nav-admin");
  }

  /**
   * The cancelled deliveries were linked from the home page only while there were some (ux30's
   * review): an admin looking for the list with none found no way there. The admin menu holds it,
   * in both languages, whether or not there are any; a member's menu does not.
   */
  @Test
  void theAdminMenuLeadsToTheCancelledDeliveriesEvenWhenThereAreNone() {
    var admin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var browser = http();
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    String home = browser.get("/").body();
    assertThat(home).doesNotContain("id=\"wl-cancelled-all\"");
    String menu = home.substring(home.indexOf("id=\"nav-admin\""), home.indexOf("</nav>"));
    assertThat(menu).contains("id=\"nav-cancelled\"", "href=\"/worklist/cancelled\"", ">取りやめた配信<");
    var list = browser.get("/worklist/cancelled");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(">取りやめた配信</h1>");
    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(browser.get("/").body()).contains(">Cancelled deliveries</a>");
    var member = fixtures.user("op-sakura-bank", Role.MEMBER);
    var other = http();
    other.signIn(member.login(), Fixtures.PASSWORD);
    assertThat(other.get("/").body()).doesNotContain("nav-cancelled");
  }

  @Test
  void theStaticFilesAreServedUnderTheirPathsAndNothingElseIsLookedUpAsOne() {
    var browser = http();
    // the page's own links: the style sheet, a script and htmx by its version-less name
    String login = browser.get("/login").body();
    assertThat(login).contains("/css/renkei.css", "/js/layout.js", "htmx.min.js");
    java.util.regex.Matcher htmx =
        java.util.regex.Pattern.compile("src=\"(/webjars/[^\"]*htmx\\.min\\.js)\"").matcher(login);
    assertThat(htmx.find()).as("htmx script link").isTrue();
    for (String path : new String[] {"/css/renkei.css", "/js/layout.js", htmx.group(1)}) {
      HttpResponse<String> r = browser.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isNotBlank();
    }
    assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    // a file that exists on the class path but outside the three paths is not served
    assertThat(browser.get("/application.yml").statusCode()).isIn(302, 401, 403, 404);
    assertThat(browser.get("/css/../application.yml").statusCode()).isNotEqualTo(200);
    assertThat(browser.get("/css/no-such.css").statusCode()).isEqualTo(404);
  }
}
