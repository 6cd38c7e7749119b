package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform admin deactivates a member on its settings page and makes it active again, in a real
 * Chromium: the page says first what deactivating does, asks for a tick (refused without one, the
 * server too), then shows the state with the date and who did it; the member's people are signed
 * out, the directory marks it; both changes are audited. The admin's own organisation offers no
 * button. Japanese by default, English after switching.
 */
class DeactivationBrowserIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start(1280, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void submitStatus() {
    org.openqa.selenium.WebElement before = browser.findElement(By.tagName("main"));
    browser.findElement(By.id("change-active")).click();
    wait.until(ExpectedConditions.stalenessOf(before));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
  }

  private int audited(String action, Organisation o) {
    return jdbc.sql(
            "select count(*) from audit_event where action = ? and target_type = 'organisation'"
                + " and target_id = ?")
        .params(action, String.valueOf(o.id()))
        .query(Integer.class)
        .single();
  }

  @Test
  void aPlatformAdminDeactivatesAMemberAfterReadingWhatItDoesAndMakesItActiveAgain() {
    String code = Fixtures.unique("op-leaving");
    Organisation member =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "離脱予定事業者 " + code,
                "Leaving operator " + code,
                "operator",
                "finance",
                null,
                null,
                List.of("c-bank")));
    UserAccount person = fixtures.user(member, Role.ANALYST);
    Http session = http();
    session.signIn(person.login(), Fixtures.PASSWORD);
    assertThat(session.get("/reports").statusCode()).isEqualTo(200);
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);

    BrowserSignIn.signIn(browser, port, admin.login());
    browser.get(url("/admin/organisations/" + member.id()));
    assertThat(text("status-now")).contains("参加中");
    assertThat(browser.findElements(By.id("status-change"))).isEmpty();
    List<String> consequences =
        browser.findElements(By.cssSelector("#deactivate-consequences li")).stream()
            .map(e -> e.getText())
            .toList();
    assertThat(consequences).hasSize(6);
    assertThat(String.join("\n", consequences)).contains("サインアウト", "401", "取りやめ", "作成者", "演習");
    // ux29: the page named a list 「取り消し」 no page has; it names the list and links it
    org.openqa.selenium.WebElement list = browser.findElement(By.id("cancelled-list-link"));
    assertThat(list.getText()).contains("「取りやめた配信」の一覧");
    list.click();
    wait.until(ExpectedConditions.urlContains("/worklist/cancelled"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("取りやめた配信");
    browser.get(url("/admin/organisations/" + member.id()));

    // the box is required; a request without it (the attribute removed) is refused by the server
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('confirm-active').removeAttribute('required')");
    submitStatus();
    assertThat(text("error-summary")).contains("確認");
    assertThat(text("status-now")).contains("参加中");
    assertThat(audited("directory.organisation.deactivate", member)).isZero();

    browser.findElement(By.id("confirm-active")).click();
    submitStatus();
    assertThat(text("saved")).contains("無効にしました");
    assertThat(text("status-now")).contains("無効");
    // ux29: who did it is the person and their organisation, not the audit log's "web:login"
    assertThat(text("status-change"))
        .contains(admin.displayName() + " (" + admin.organisationNameJa() + ")", "無効にしました")
        .doesNotContain("web:");
    assertThat(audited("directory.organisation.deactivate", member)).isOne();
    // the member's open session ends at its next request
    assertThat(session.get("/reports").statusCode()).isEqualTo(302);

    // the directory marks it for everyone
    browser.get(url("/directory/" + member.id()));
    assertThat(text("inactive")).contains("無効");

    // in English, and back
    browser.get(url("/admin/organisations/" + member.id()));
    browser.findElement(By.id("lang-en")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-now"), "inactive"));
    assertThat(text("status")).contains("Made active again, its people may sign in");
    browser.findElement(By.id("confirm-active")).click();
    submitStatus();
    assertThat(text("saved")).contains("active again");
    assertThat(text("status-now")).contains("is active");
    assertThat(text("status-change"))
        .contains(
            "Made active again", admin.displayName() + " (" + admin.organisationNameEn() + ")")
        .doesNotContain("web:");
    // the audit list names them the same way, the recorded form kept as the cell's title
    browser.get(url("/admin/audit?action=directory.organisation"));
    org.openqa.selenium.WebElement who =
        browser.findElement(By.cssSelector("#audit-list td.audit-actor"));
    assertThat(who.getText())
        .isEqualTo(admin.displayName() + " (" + admin.organisationNameEn() + ")");
    assertThat(who.getAttribute("title")).contains("web:" + admin.login());
    assertThat(audited("directory.organisation.activate", member)).isOne();
    Http back = http();
    back.signIn(person.login(), Fixtures.PASSWORD);
    assertThat(back.get("/reports").statusCode()).isEqualTo(200);
  }

  @Test
  void theAdminsOwnOrganisationOffersNoDeactivation() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    BrowserSignIn.signIn(browser, port, admin.login());
    browser.get(url("/admin/organisations/" + admin.organisationId()));
    assertThat(browser.findElements(By.id("change-active"))).isEmpty();
    assertThat(text("status")).contains("自分の組織は無効にできません");
  }
}
