package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The main pages, for an operator's analyst and for a platform admin, checked by axe-core (Deque's
 * rules engine, {@code axe.min.js} from the Maven Central jar, injected into the page): no serious
 * or critical violation. Each page is also photographed on a desktop (1400 px) and a phone (390 px)
 * under {@code target/screenshots/}, and a phone never scrolls sideways. Skipped, saying why, where
 * Chromium is not installed.
 */
class AccessibilityBrowserIT extends ServerTest {

  private static final Path SHOTS = Path.of("target", "screenshots");

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = Chromium.start(1400, 900, "--hide-scrollbars");
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void mainPagesHaveNoSeriousAccessibilityViolationsForAnAnalystAndAnAdmin() throws Exception {
    Organisation bank = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    long report = report(analyst);
    List<String> problems = new ArrayList<>();
    signIn(analyst);
    for (String page :
        List.of(
            "/",
            "/reports",
            "/reports/new",
            "/reports/" + report,
            "/inbox",
            "/advisories",
            "/dashboard",
            "/directory",
            "/mail",
            "/c4tap",
            "/intel/sightings",
            "/search?q=198.51.100.23",
            "/no/such/page")) {
      problems.addAll(check("analyst", page));
    }
    browser.manage().deleteAllCookies();
    signIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    for (String page :
        List.of(
            "/advisories/new",
            "/admin/organisations",
            "/admin/organisations/" + bank.id(),
            "/admin/warning-lists")) {
      problems.addAll(check("admin", page));
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private List<String> check(String who, String path) throws IOException {
    List<String> problems = new ArrayList<>();
    browser.manage().window().setSize(new Dimension(1400, 900));
    browser.get("http://127.0.0.1:" + port + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mainnav")));
    String name = who + path.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    shot(name + "-desktop");
    browser.executeScript(axe());
    Object result =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify("
                + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))).catch(e =>"
                + " done(JSON.stringify(['axe failed: ' + e])));");
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(String.valueOf(result));
    while (m.find()) {
      problems.add(who + " " + path + ": " + m.group(1));
    }
    browser.manage().window().setSize(new Dimension(500, 844));
    Object narrow =
        browser.executeScript("return document.scrollingElement.scrollWidth - window.innerWidth;");
    if (((Number) narrow).intValue() > 0) {
      problems.add(who + " " + path + ": at 500 px the page scrolls sideways by " + narrow + " px");
    }
    browser.manage().window().setSize(new Dimension(390, 844));
    Object overflow =
        browser.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    if (((Number) overflow).intValue() > 2) {
      problems.add(who + " " + path + ": the phone scrolls sideways by " + overflow + " px");
    }
    shot(name + "-phone");
    return problems;
  }

  private void shot(String name) throws IOException {
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static String axeSource;

  private static synchronized String axe() throws IOException {
    if (axeSource == null) {
      try (InputStream in =
          AccessibilityBrowserIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
        assertThat(in)
            .as("axe.min.js (com.deque.html.axe-core:selenium) on the classpath")
            .isNotNull();
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return axeSource;
  }

  private void signIn(UserAccount u) {
    browser.manage().window().setSize(new Dimension(1400, 900));
    browser.get("http://127.0.0.1:" + port + "/login");
    browser.findElement(By.id("login")).sendKeys(u.login());
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
  }

  private long report(UserAccount u) {
    var r =
        http()
            .bearer(fixtures.token(u))
            .postJson(
                "/api/v1/reports?submit=true",
                "{\"content\":{\"title\":\"アクセシビリティ確認 "
                    + Fixtures.unique("r")
                    + "\",\"summary\":\"インターネットバンキングへの大量アクセスを検知。\","
                    + "\"detectedAt\":\"2026-11-20T00:30:00Z\",\"incidentType\":\"unavailability\","
                    + "\"causes\":[\"ddos\"],\"serviceOutage\":\"yes\",\"severity\":\"level3\","
                    + "\"cascadePossibility\":\"unknown\",\"reportingCase\":\"case2\","
                    + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
