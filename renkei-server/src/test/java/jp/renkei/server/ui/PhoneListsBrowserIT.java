package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * On a phone (390 px) the lists other than the work queue were tables scrolling inside themselves
 * (ux35's review): the title squeezed, TLP, sender and dates past the right edge. Each row is a
 * card now, every cell named by its column: nothing is hidden sideways and the title has the card's
 * width. Screenshots go to {@code target/screenshots/phone-*.png}.
 */
class PhoneListsBrowserIT extends ServerTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  WebDriver browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 1000);
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyListReadsAsCardsWithoutScrollingSideways() throws Exception {
    Organisation org = fixtures.operator("water");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    UserAccount admin = fixtures.user(org, Role.ORG_ADMIN);
    String title = Fixtures.unique("浄水場の監視端末で不審な通信を検知し遮断した件の第一報");
    String report =
        "{\"content\":{\"title\":\""
            + title
            + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
            + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
            + "\"severity\":\"level2\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
            + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber\",\"scopeSectors\":[\"water\"]}";
    assertThat(
            http()
                .bearer(fixtures.token(analyst))
                .postJson("/api/v1/reports?submit=true", report)
                .statusCode())
        .isEqualTo(201);
    String advisory = Fixtures.unique("水道事業者を狙う遠隔監視装置への不正アクセスに関する注意喚起");
    assertThat(
            http()
                .bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)))
                .postJson(
                    "/api/v1/advisories",
                    "{\"title\":\""
                        + advisory
                        + "\",\"body\":\"注意喚起\",\"actions\":\"遮断\",\"observables\":[],"
                        + "\"tlp\":\"amber\",\"organisations\":[\""
                        + org.code()
                        + "\"]}")
                .statusCode())
        .isEqualTo(201);

    BrowserSignIn.signIn(browser, port, admin.login());
    Chromium.viewport(browser, 390, 844);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    record Seen(String path, String table, String firstCell) {}
    for (Seen s :
        List.of(
            new Seen("/reports", "report-list", title),
            new Seen("/inbox", "advisory-inbox", advisory),
            new Seen("/advisories", "advisory-list", advisory),
            new Seen("/directory?q=" + org.code(), "directory-list", org.nameJa()),
            new Seen("/admin/users", "people-list", admin.login()),
            new Seen("/admin/audit", "audit-list", null))) {
      browser.get("http://127.0.0.1:" + port + s.path());
      Chromium.viewport(browser, 390, 844);
      assertThat(
              ((Number)
                      js.executeScript(
                          "return document.scrollingElement.scrollWidth - window.innerWidth;"))
                  .intValue())
          .as(s.path() + ": the page does not scroll sideways")
          .isLessThanOrEqualTo(0);
      WebElement table = browser.findElement(By.id(s.table()));
      assertThat(
              ((Number)
                      js.executeScript(
                          "return arguments[0].scrollWidth - arguments[0].clientWidth;", table))
                  .intValue())
          .as(s.path() + ": nothing of the list is hidden past its right edge")
          .isLessThanOrEqualTo(0);
      WebElement first = table.findElement(By.cssSelector("tbody tr td:first-child"));
      if (s.firstCell() != null) {
        WebElement row =
            table.findElement(
                By.xpath(
                    ".//tbody/tr[td[1][contains(normalize-space(.), '" + s.firstCell() + "')]]"));
        first = row.findElement(By.cssSelector("td:first-child"));
        WebElement second = row.findElement(By.cssSelector("td:nth-child(2)"));
        String label = second.getAttribute("data-label");
        assertThat(label).as(s.path() + ": the cell carries its column's name").isNotBlank();
        assertThat(
                (String)
                    js.executeScript(
                        "return getComputedStyle(arguments[0], '::before').content;", second))
            .as(s.path() + ": the card shows the column's name before the cell")
            .isEqualTo("\"" + label + "\"");
      }
      assertThat(first.getRect().getWidth())
          .as(s.path() + ": the first cell runs across the card")
          .isGreaterThan(250);
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(SHOTS.resolve("phone-" + s.table() + ".png"), png);
    }
  }

  /**
   * ux37: on a phone a list's filter bar (text, TLP, severity, period, sort, order, page size)
   * filled the first screen and the list began below it. The filters other than the text fold
   * behind one line, unless one of them is set; on a wide screen they stay in the bar.
   */
  @Test
  void aListsFiltersFoldOnAPhoneUnlessOneIsSet() throws Exception {
    UserAccount analyst = fixtures.user(fixtures.operator("water"), Role.ANALYST);
    BrowserSignIn.signIn(browser, port, analyst.login());
    JavascriptExecutor js = (JavascriptExecutor) browser;
    browser.get("http://127.0.0.1:" + port + "/reports");
    assertThat(browser.findElement(By.id("filter-tlp")).isDisplayed())
        .as("a wide screen shows every filter")
        .isTrue();
    assertThat(browser.findElement(By.id("more-filters-toggle")).isDisplayed()).isFalse();

    Chromium.viewport(browser, 390, 844);
    browser.get("http://127.0.0.1:" + port + "/reports");
    Chromium.viewport(browser, 390, 844);
    WebElement form = browser.findElement(By.id("list-filters"));
    assertThat(browser.findElement(By.id("filter-q")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("filter-apply")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("filter-tlp")).isDisplayed())
        .as("the other filters are folded")
        .isFalse();
    assertThat(form.getRect().getHeight())
        .as("the folded bar takes a small part of the first screen")
        .isLessThan(844 / 3);
    Files.write(
        SHOTS.resolve("phone-filters-folded.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    WebElement toggle = browser.findElement(By.id("more-filters-toggle"));
    assertThat(toggle.getRect().getHeight()).as("a finger's height").isGreaterThanOrEqualTo(44);
    assertThat(toggle.getText()).contains("絞り込み・並べ替え");
    toggle.click();
    assertThat(browser.findElement(By.id("filter-tlp")).isDisplayed()).isTrue();
    assertThat(
            ((Number)
                    js.executeScript(
                        "return document.scrollingElement.scrollWidth - window.innerWidth;"))
                .intValue())
        .as("the open filters do not scroll sideways")
        .isLessThanOrEqualTo(0);

    // a list filtered by TLP opens with the filters shown, saying how many are set
    browser.get("http://127.0.0.1:" + port + "/reports?tlp=red");
    Chromium.viewport(browser, 390, 844);
    assertThat(browser.findElement(By.id("filter-tlp")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("more-filters-toggle")).getText()).contains("(1 件指定中)");
  }
}
