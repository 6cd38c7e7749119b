package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A duty officer filters, sorts and pages the report list in a real headless Chromium, without
 * JavaScript doing any of it (plain GET forms and links): the filters stay in the URL, the back
 * button returns to the previous page, a bad date is named on the page. Screenshots for a person to
 * review go to {@code target/screenshots/lists-*.png}.
 */
class ListBrowserIT extends ServerTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void open(String path) {
    browser.get("http://127.0.0.1:" + port + path);
  }

  private void shot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve("lists-" + name + ".png"), png);
  }

  private List<String> titles() {
    return browser.findElements(By.cssSelector("#report-list tbody tr td:first-child a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void apply() {
    WebElement table = browser.findElement(By.tagName("main"));
    browser.findElement(By.id("filter-apply")).click();
    wait.until(Chromium.gone(table));
  }

  private void click(String id) {
    WebElement table = browser.findElement(By.tagName("main"));
    browser.findElement(By.id(id)).click();
    wait.until(Chromium.gone(table));
  }

  @Test
  void aDutyOfficerFiltersSortsAndPagesTheReportList() throws Exception {
    String marker = Fixtures.unique("夜間");
    Organisation org = fixtures.operator("water");
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    var api = http().bearer(fixtures.token(analyst));
    String[] tlps = {"amber_strict", "red", "amber"};
    for (int i = 0; i < 32; i++) {
      String body =
          "{\"content\":{\"title\":\""
              + marker
              + " 浄水場監視系 "
              + String.format("%02d", i)
              + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
              + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
              + "\"severity\":\"level"
              + (1 + i % 5)
              + "\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\",\"observables\":[]},"
              + "\"route\":\"hotline\",\"tlp\":\""
              + tlps[i % 3]
              + "\",\"scopeSectors\":[\"water\"]"
              + (i % 3 == 1 ? ",\"recipientLogins\":[\"" + analyst.login() + "\"]" : "")
              + "}";
      assertThat(api.postJson("/api/v1/reports?submit=true", body).statusCode()).isEqualTo(201);
    }

    BrowserSignIn.signIn(browser, port, analyst.login());

    open("/reports");
    browser.findElement(By.id("filter-q")).sendKeys(marker);
    apply();
    assertThat(browser.getCurrentUrl())
        .contains("q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.id("list-total")).getText()).isEqualTo("全32件");
    assertThat(titles()).hasSize(25).allMatch(t -> t.startsWith(marker));
    shot("1-filtered");

    click("page-next");
    assertThat(browser.getCurrentUrl()).contains("page=2");
    assertThat(titles()).hasSize(7);
    shot("2-page-2");
    browser.navigate().back();
    wait.until(d -> !d.getCurrentUrl().contains("page=2"));
    assertThat(titles()).hasSize(25);

    new Select(browser.findElement(By.id("filter-tlp"))).selectByValue("red");
    new Select(browser.findElement(By.id("filter-severity"))).selectByValue("level2");
    apply();
    assertThat(browser.getCurrentUrl()).contains("tlp=red", "severity=level2");
    // RED are i = 1, 4, 7 ... 31; of those, 1, 16 and 31 are at level 2
    assertThat(titles()).hasSize(3);
    assertThat(browser.findElements(By.cssSelector("#report-list .tlp-red"))).hasSize(3);
    shot("3-red-level2");

    new Select(browser.findElement(By.id("filter-tlp"))).selectByValue("");
    new Select(browser.findElement(By.id("filter-severity"))).selectByValue("");
    apply();
    click("sort-title");
    click("sort-title");
    assertThat(browser.getCurrentUrl()).contains("sort=title", "dir=asc");
    List<String> asc = titles();
    assertThat(asc).isSorted().first().asString().endsWith(" 00");
    shot("4-sorted-by-title");

    open("/reports?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8) + "&from=2026-13-45");
    assertThat(browser.findElement(By.id("list-problems")).getText()).contains("2026-13-45");
    assertThat(browser.findElements(By.id("report-list"))).isEmpty();
    shot("5-bad-date");

    open("/reports?q=" + URLEncoder.encode(marker + "-無い", StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.id("list-empty")).isDisplayed()).isTrue();
    shot("6-no-match");

    // the other lists carry the same filter bar
    open("/directory?sector=water");
    assertThat(browser.findElement(By.id("directory-list")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("filter-type")).isDisplayed()).isTrue();
    shot("7-directory");
    open("/inbox/advisories");
    assertThat(browser.findElement(By.id("filter-org")).isDisplayed()).isTrue();
    shot("8-advisories-received");
  }
}
