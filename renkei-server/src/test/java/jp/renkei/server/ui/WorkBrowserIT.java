package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14's fixed flows in a real headless Chromium, per role: NISC's analyst searches the
 * recipient picker, selects a group, meets a validation error that keeps every chosen recipient,
 * confirms the exact count and issues; the operator's analyst writes a 続報 from a prefilled form.
 * Screenshots for a person to review go to target/screenshots/.
 */
class WorkBrowserIT extends ServerTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 1400);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // the language switch reloads the page: an element read before the reload goes stale
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void as(String login) {
    BrowserSignIn.signIn(browser, port, login);
  }

  private void open(String path) {
    browser.get("http://127.0.0.1:" + port + path);
  }

  private void shot(String name) throws Exception {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        f.toPath(),
        SHOTS.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private void scrollTo(String id) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block:'start'})", browser.findElement(By.id(id)));
  }

  private void click(String id) {
    WebElement e = browser.findElement(By.id(id));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
  }

  /**
   * The English navigation of NISC's platform admin (the most items: admin menus, correlations) at
   * 1,400 px: every item on one row and each item's words on one line. Items that do not fit go to
   * a second row of the navigation, never a word below its own first word.
   */
  @Test
  void theEnglishNavigationKeepsEachItemOnOneLineAt1400Px() throws Exception {
    browser.quit();
    browser = Chromium.start(1400, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // the language switch reloads the page: an element read before the reload goes stale
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    as(fixtures.user("nisc", Role.PLATFORM_ADMIN).login());
    click("lang-en");
    wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    open("/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    shot("nav-english-1400");
    @SuppressWarnings("unchecked")
    java.util.List<String> wrapped =
        (java.util.List<String>)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "var out = [];"
                        + "document.querySelectorAll('.mainnav > a, .mainnav > details > summary,"
                        + " .topbar .session .who, .topbar .brand, .topbar .mode')"
                        + ".forEach(function (e) {"
                        // a second line makes an item at least two of its lines high (a count
                        // badge or the brand's framed mark sit higher, but on the same line)
                        + "  var size = parseFloat(getComputedStyle(e).fontSize);"
                        + "  if (e.getBoundingClientRect().height > 2 * size) {"
                        + "    out.push(e.textContent.trim().replace(/\\s+/g, ' ')); } });"
                        + "var rows = {};"
                        + "document.querySelectorAll('.mainnav > a, .mainnav > details')"
                        + ".forEach(function (e) { rows[e.offsetTop] = true; });"
                        + "if (Object.keys(rows).length > 1) { out.push('rows: '"
                        + " + Object.keys(rows).length); }"
                        + "return out;");
    assertThat(wrapped).as("navigation items broken over lines at 1,400 px").isEmpty();
  }

  /** The count a group button of the recipient picker shows (also while its box is folded). */
  private int groupSize(String group) {
    return Integer.parseInt(
        browser
            .findElement(By.cssSelector("#group-" + group + " .picker-group-size"))
            .getAttribute("textContent")
            .strip());
  }

  @Test
  void pickerSearchGroupsAValidationErrorKeepsRecipientsAndAPrefilledFollowup() throws Exception {
    Organisation a = fixtures.operator("chemical");
    Organisation b = fixtures.operator("chemical");
    var nisc = fixtures.user("nisc", Role.ANALYST);
    as(nisc.login());
    open("/advisories/new");
    // search narrows the list to one test operator, which is then chosen
    browser.findElement(By.id("picker-search")).sendKeys(a.code());
    wait.until(d -> !d.findElement(By.id("org-" + b.code())).isDisplayed());
    click("org-" + a.code());
    assertThat(browser.findElement(By.id("picker-count")).getText()).isEqualTo("1");
    // the group buttons count what the search leaves: one chemical operator, no finance one
    assertThat(groupSize("sector-chemical")).isEqualTo(1);
    assertThat(groupSize("sector-finance")).isZero();
    assertThat(browser.findElement(By.id("group-sector-finance")).isEnabled()).isFalse();
    // clearing the search and selecting the chemical sector group adds the other
    browser.findElement(By.id("picker-search")).clear();
    browser.findElement(By.id("picker-search")).sendKeys(" ");
    click("picker-groups-toggle");
    wait.until(d -> groupSize("sector-chemical") >= 2);
    assertThat(groupSize("sector-finance")).isPositive();
    click("group-sector-chemical");
    assertThat(browser.findElement(By.id("org-" + b.code())).isSelected()).isTrue();
    int chosen = Integer.parseInt(browser.findElement(By.id("picker-count")).getText());
    assertThat(chosen).isGreaterThanOrEqualTo(2);
    shot("advisory-picker");

    // no body: the check fails, and every chosen recipient is still chosen
    browser.findElement(By.id("title")).sendKeys("化学分野への注意喚起");
    click("issue-advisory");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
    assertThat(browser.findElement(By.id("org-" + a.code())).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("org-" + b.code())).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("picker-count")).getText())
        .isEqualTo(String.valueOf(chosen));
    scrollTo("picker");
    shot("advisory-validation-keeps-recipients");

    browser.findElement(By.id("body")).sendKeys("不審なメールが確認されています。");
    click("issue-advisory");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recipient-list")));
    assertThat(browser.findElement(By.id("recipient-list")).getText())
        .contains(a.nameJa(), b.nameJa());
    assertThat(browser.findElement(By.id("confirm-issue")).getText()).contains("組織に発信する");
    shot("advisory-confirm-count");
    click("confirm-issue");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reach")));
    assertThat(browser.findElement(By.id("recipient-states")).getText()).contains(a.nameJa());
    shot("advisory-reach");

    // the operator's analyst: a 続報 form prefilled from the last version
    var analyst = fixtures.user("op-inazuma-power", Role.ANALYST);
    as(analyst.login());
    open("/reports/new");
    browser.findElement(By.id("title")).sendKeys("送電制御系の不審通信");
    browser.findElement(By.id("summary")).sendKeys("制御系で不審な通信を検知");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("incidentType")))
        .selectByValue("intrusion");
    click("cause-suspicious_mail");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("severity")))
        .selectByValue("level2");
    browser.findElement(By.cssSelector("input[name=reportingCase][value=case3]")).click();
    click("send-report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
    click("add-version");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-version")));
    assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("送電制御系の不審通信");
    assertThat(browser.findElement(By.id("cause-suspicious_mail")).isSelected()).isTrue();
    shot("report-followup-prefilled");
    browser.findElement(By.id("summary")).sendKeys("\n影響は限定的");
    click("send-version");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("changes-2")));
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("第一報を送信", "続報");
    shot("report-timeline");
    scrollTo("changes-2");
    shot("report-diff");
  }
}
