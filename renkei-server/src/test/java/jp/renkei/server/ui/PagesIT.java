package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every page renders, in both languages, for every role that may open it. */
class PagesIT extends ServerTest {

  @Autowired DirectoryService directory;

  @ParameterizedTest
  @EnumSource(Role.class)
  void everyPageTheRoleMayOpenRendersInBothLanguages(Role role) {
    UserAccount person =
        fixtures.user(role == Role.PLATFORM_ADMIN ? "nisc" : "op-sakura-bank", role);
    Http browser = http();
    browser.signIn(person.login(), Fixtures.PASSWORD);
    long ceptoar = directory.organisation("c-bank").id();
    long ministry = directory.organisation("meti").id();
    List<String> pages =
        new java.util.ArrayList<>(
            List.of(
                "/",
                "/directory",
                "/directory?type=operator&sector=finance&q=%E6%9E%B6",
                "/directory/" + ceptoar,
                "/directory/" + ministry,
                "/account/tokens",
                "/account/password",
                "/mode",
                "/reports",
                "/reports/new",
                "/inbox",
                "/advisories",
                "/advisories/new",
                "/dashboard",
                "/intel/sightings",
                "/intel/sightings?indicator=indicator--00000000-0000-4000-8000-000000000000",
                "/mail",
                "/c4tap"));
    if (role.includes(Role.ORG_ADMIN)) {
      pages.addAll(List.of("/admin/users", "/admin/users/" + person.id(), "/admin/audit"));
    }
    if (role.includes(Role.PLATFORM_ADMIN)) {
      pages.addAll(List.of("/admin/organisations", "/admin/audit?verify=true"));
    }
    for (String lang : List.of("ja", "en")) {
      browser.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
      for (String page : pages) {
        HttpResponse<String> r = browser.get(page);
        assertThat(r.statusCode()).as(page + " (" + lang + ")").isEqualTo(200);
        assertThat(r.body())
            .as(page)
            .contains("<html lang=\"" + lang + "\"")
            .doesNotContain("error-message");
      }
    }
    if (!role.includes(Role.ORG_ADMIN)) {
      assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
    }
    if (!role.includes(Role.PLATFORM_ADMIN)) {
      assertThat(browser.get("/admin/organisations").statusCode()).isEqualTo(403);
    }
  }
}
