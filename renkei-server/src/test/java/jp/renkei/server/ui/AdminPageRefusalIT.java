package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * A signed-in person who follows a link or types the address of an admin page they may not open is
 * told, in their language, which role the page is for, their own role and whom to ask (not only
 * "not allowed"); the navigation and the pages they see link to no admin page they cannot open; a
 * form posted without its CSRF token is still only "not allowed", even on an admin page.
 */
class AdminPageRefusalIT extends ServerTest {

  static final List<String> ORG_ADMIN_PAGES = List.of("/admin/audit", "/admin/users");

  static final List<String> PLATFORM_PAGES =
      List.of(
          "/admin/organisations",
          "/admin/feeds",
          "/admin/warning-lists",
          "/admin/misnamed-identities",
          "/admin/exposure",
          "/admin/exposure/inventory");

  static final Pattern ADMIN_LINK = Pattern.compile("href=\"(/admin[^\"?#]*)");

  private Http signedIn(UserAccount u, String lang) {
    Http browser = http();
    assertThat(browser.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    browser.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
    return browser;
  }

  private static void refused(Http browser, String page, String... says) {
    HttpResponse<String> r = browser.get(page);
    assertThat(r.statusCode()).as(page).isEqualTo(403);
    assertThat(r.body()).as(page).contains("id=\"error-message\"").contains(says);
    assertThat(r.body()).as(page).doesNotContain("error.page").doesNotContain("role.");
  }

  @Test
  void anAnalystIsToldWhichRoleTheAdminPagesNeedInJapaneseAndEnglish() {
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http ja = signedIn(analyst, "ja");
    for (String page : ORG_ADMIN_PAGES) {
      refused(ja, page, "組織管理者", "分析担当", "あなたの組織の組織管理者に依頼してください");
    }
    for (String page : PLATFORM_PAGES) {
      refused(ja, page, "基盤管理者", "分析担当", "この連携基盤の基盤管理者に依頼してください");
    }
    Http en = signedIn(analyst, "en");
    refused(
        en,
        "/admin/audit?action=auth.login",
        "only for the role “Organisation admin”",
        "your role is “Analyst”",
        "ask an organisation admin of your organisation");
    refused(en, "/admin/feeds", "“Platform admin”", "ask a platform admin of this hub");
    // a page below an admin page, and a form's address opened by hand: the same answer
    refused(en, "/admin/users/1", "“Organisation admin”");
    refused(en, "/admin/warning-lists/x/entries", "“Platform admin”");
  }

  @Test
  void anOrganisationAdminOpensItsPagesAndIsToldAboutThePlatformOnes() {
    UserAccount admin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    Http ja = signedIn(admin, "ja");
    for (String page : ORG_ADMIN_PAGES) {
      assertThat(ja.get(page).statusCode()).as(page).isEqualTo(200);
    }
    for (String page : PLATFORM_PAGES) {
      refused(ja, page, "基盤管理者", "「組織管理者」", "この連携基盤の基盤管理者");
    }
    // a form without its CSRF token: refused, but not said to be about the role
    HttpResponse<String> noToken =
        ja.postFormRaw("/admin/users", Map.of("login", "x", "role", "member"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).doesNotContain("依頼してください");
  }

  @Test
  void noPageLinksToAnAdminPageThePersonCannotOpen() {
    for (Role role : Role.values()) {
      UserAccount u = fixtures.user(role == Role.PLATFORM_ADMIN ? "nisc" : "op-sakura-bank", role);
      Http browser = signedIn(u, "ja");
      Set<String> links = new TreeSet<>();
      for (String page :
          List.of(
              "/",
              "/reports",
              "/inbox",
              "/advisories",
              "/mail",
              "/c4tap",
              "/exposure",
              "/monitor",
              "/directory",
              "/search?q=test")) {
        HttpResponse<String> r = browser.get(page);
        assertThat(r.statusCode()).as(role + " " + page).isEqualTo(200);
        Matcher m = ADMIN_LINK.matcher(r.body());
        while (m.find()) {
          links.add(m.group(1));
        }
      }
      if (!role.includes(Role.ORG_ADMIN)) {
        assertThat(links).as(role.name()).isEmpty();
      }
      for (String link : links) {
        assertThat(browser.get(link).statusCode()).as(role + " " + link).isEqualTo(200);
      }
      if (role == Role.ORG_ADMIN) {
        assertThat(links).as(role.name()).contains("/admin/audit", "/admin/users");
      }
    }
  }
}
