package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search box and the indicator browser in a real headless Chromium, as a duty officer uses
 * them: a two-kanji word typed into the header finds the report and its excerpt with the word
 * marked, the hit opens the report; an outsider's same search finds nothing; the indicator browser
 * lists the organisation's indicator and opens it with its versions. Screenshots for a person to
 * review go to {@code renkei-server/target/screenshots/search-*.png}. Skipped, saying why, where
 * Chromium is not installed.
 */
class SearchBrowserIT extends ServerTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  @Autowired Fixtures fixtures;
  @Autowired IntelService intel;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 1000);
    // a page replaced while a condition reads it (a navigation, an htmx swap) is read again
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  void signIn(String login) {
    BrowserSignIn.signIn(browser, port, login);
  }

  void shot(String name) throws Exception {
    Files.write(
        SHOTS.resolve("search-" + name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  void searchFromHeader(String text) {
    var before = browser.findElement(By.tagName("html"));
    var box = browser.findElement(By.id("header-search-q"));
    box.clear();
    box.sendKeys(text);
    browser.findElement(By.id("header-search-submit")).click();
    // the new page, not the old results page still showing (a second search starts on one)
    wait.until(Chromium.gone(before));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search-recognised")));
  }

  @Test
  void aDutyOfficerFindsAReportByATwoKanjiWordAndAnOutsiderFindsNothing() throws Exception {
    Organisation gas = fixtures.operator("gas");
    UserAccount reporter = fixtures.user(gas, Role.ANALYST);
    String word = SearchLeakIT.kanji(2);
    var api = http().bearer(fixtures.token(reporter));
    var filed =
        api.postJson(
            "/api/v1/reports?submit=true",
            SearchLeakIT.report(
                "夜間にガス制御システムが" + word + "し、遠隔監視が途絶した。", "198.51.100.23", "amber", ""));
    long id = SearchLeakIT.id(filed, "id");

    signIn(reporter.login());
    searchFromHeader(word);
    var hit = browser.findElement(By.cssSelector("#search-report .search-hit"));
    assertThat(hit.findElement(By.tagName("mark")).getText()).isEqualTo(word);
    assertThat(browser.findElement(By.id("search-recognised")).getText()).contains("語句");
    shot("word-ja");

    searchFromHeader("198.51.100[.]23");
    assertThat(browser.findElement(By.id("search-recognised")).getText()).contains("IPv4");
    assertThat(browser.findElements(By.cssSelector("#search-report .search-hit"))).isNotEmpty();
    shot("ipv4-defanged");
    browser.findElement(By.cssSelector("#search-report .search-hit-title a")).click();
    wait.until(ExpectedConditions.urlContains("/reports/" + id));

    browser.manage().deleteAllCookies();
    signIn(fixtures.user("op-midori-shinkin", Role.ANALYST).login());
    searchFromHeader(word);
    assertThat(browser.findElements(By.id("search-none"))).hasSize(1);
    assertThat(browser.getPageSource()).doesNotContain("遠隔監視");
    shot("outsider-none");
  }

  @Test
  void theIndicatorBrowserListsAndOpensTheOrganisationsIndicator() throws Exception {
    UserAccount owner = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    var collection = intel.collectionOfOrganisation(owner.organisationId()).orElseThrow();
    String indicator = "indicator--" + UUID.randomUUID();
    fixtures.ingest(
        owner,
        collection,
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
            + indicator
            + "\",\"created\":\"2026-11-20T00:00:00.000Z\",\"modified\":\"2026-11-20T00:00:00.000Z\","
            + "\"name\":\"遠隔監視への C2 通信先\",\"pattern\":\"[ipv4-addr:value = '203.0.113.77']\","
            + "\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-20T00:00:00Z\"}");
    signIn(owner.login());
    // the browser opens on every collection the reader may read
    browser.get("http://127.0.0.1:" + port + "/intel/objects");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicator-list")));
    assertThat(browser.findElement(By.id("indicator-list")).getText()).contains("遠隔監視への C2 通信先");
    shot("indicators");
    browser.findElement(By.linkText("遠隔監視への C2 通信先")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicator-versions")));
    assertThat(browser.findElement(By.id("indicator-id")).getText()).isEqualTo(indicator);
    assertThat(browser.findElement(By.id("indicator-export")).getText()).contains("STIX", "TAXII");
    assertThat(browser.findElement(By.cssSelector("#indicator-export a")).getAttribute("href"))
        .contains("/intel/objects/" + indicator + "/bundle?collection=" + collection.id());
    shot("indicator-detail");
  }
}
