package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.renkei.server.audit.Actor;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15's whole exercise in a real browser: NISC's controller starts a run of the shipped 2015
 * cross-sector scenario faster than real time (60×) on the console; players at an operator, its
 * CEPTOAR, the ministry and NISC see the injects on their exercise page; the operator answers
 * inject 2 with a real 情報連絡 filed inside the exercise, which the CEPTOAR and the ministry forward
 * to NISC; NISC's player issues an exercise 情報提供 and the operator and the CEPTOAR confirm it
 * (疎通確認); expectation 2-1 (第一報 to NISC within 30 minutes) is met automatically, and the
 * after-action report shows it met. Screenshots of each step go to {@code
 * target/screenshots/exercise-*.png}.
 */
class ExerciseBrowserIT extends ServerTest {

  static final Path SHOTS = Path.of("target", "screenshots");

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 1400);
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

  @Test
  void aControllerRunsThe2015ScenarioFastAndPlayersAnswerOnTheRealFlows() throws Exception {
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount operator = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount ceptoar = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    UserAccount niscPlayer = fixtures.user("nisc", Role.ANALYST);

    // the planning: the shipped template copied into NISC's scenarios, a run at 60× with its teams
    Actor controller = fixtures.actor(controllerUser);
    long scenario = templates.copy(controller, "cross-sector-2015");
    String title = Fixtures.unique("分野横断的演習 ブラウザー");
    long run = exercises.createRun(controller, scenario, title, 60, false);
    exercises.addMember(controller, run, operator.login(), "player", "operator", "情報システム部長");
    exercises.addMember(controller, run, ceptoar.login(), "player", "ceptoar", "");
    exercises.addMember(controller, run, ministry.login(), "player", "ministry", "");
    exercises.addMember(controller, run, niscPlayer.login(), "player", "nisc", "");
    String console = "/exercises/" + run + "/console";

    // 1. the controller starts the run on the console; at 60× inject 2 (+15 min) goes out in 15 s
    as(controllerUser);
    open(console);
    control("start");
    waitForSent("2", Duration.ofSeconds(60));
    control("pause");
    assertThat(text("exercise-clock")).contains("一時停止中");
    shot("1-console-paused");

    // 2. each player sees the injects that reach them on the run's page
    as(ministry);
    open("/exercises/" + run);
    assertThat(text("inject-1")).contains("早期警戒情報");
    assertThat(browser.findElements(By.id("inject-2"))).isEmpty(); // operators only
    as(niscPlayer);
    open("/exercises/" + run);
    assertThat(text("inject-1")).contains("早期警戒情報");
    as(ceptoar);
    open("/exercises/" + run);
    assertThat(text("inject-1")).contains("早期警戒情報");
    as(operator);
    open("/exercises");
    click(By.linkText(title));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inject-2")));
    assertThat(text("inject-2")).contains("マルウェア感染と思われる不審な通信の検知");
    shot("2-operator-injects");

    // 3. the operator answers with a real 情報連絡, filed inside the exercise
    click("exercise-new-report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("【訓練】");
    String reportTitle = Fixtures.unique("【訓練】不審な通信の検知 第一報");
    type("title", reportTitle);
    type("summary", "業務端末から外部 C2 と思われる宛先への定期的な通信を検知。端末を隔離して調査中。");
    new Select(browser.findElement(By.id("incidentType"))).selectByValue("intrusion");
    click("cause-impersonation");
    new Select(browser.findElement(By.id("severity"))).selectByValue("level3");
    type("observables", "203.0.113.45");
    shot("3-operator-report-form");
    click("send-report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
    String reportPath = path();
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("【訓練】");

    // 4. the CEPTOAR and the ministry forward it, and NISC's player receives it
    as(ceptoar);
    open("/exercises/" + run);
    assertThat(text("exercise-reports")).contains(reportTitle);
    open(reportPath);
    forward();
    as(ministry);
    open(reportPath);
    forward();
    as(niscPlayer);
    open("/exercises/" + run);
    assertThat(text("exercise-reports")).contains(reportTitle);
    open(reportPath);
    click("mark-read");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("to-nisc")));
    shot("4-nisc-receives-report");

    // 5. NISC's player issues an exercise 情報提供 to the finance sector
    open("/exercises/" + run);
    click("exercise-new-advisory");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
    String advisoryTitle = Fixtures.unique("【訓練】金融分野への不審通信に関する注意喚起");
    type("title", advisoryTitle);
    type("body", "金融分野の事業者で外部 C2 と思われる通信が確認されています。");
    type("actions", "203.0.113.45 への通信の有無を確認してください。");
    browser.findElements(By.name("sectors")).stream()
        .filter(e -> "finance".equals(e.getAttribute("value")))
        .findFirst()
        .orElseThrow()
        .click();
    click("issue-advisory");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recipient-list")));
    click("confirm-issue");
    wait.until(ExpectedConditions.urlMatches("/advisories/\\d+$"));
    String advisoryPath = path();

    // 6. the operator and the CEPTOAR confirm receipt (疎通確認)
    for (UserAccount u : new UserAccount[] {operator, ceptoar}) {
      as(u);
      open("/exercises/" + run);
      assertThat(text("exercise-advisories")).contains(advisoryTitle);
      open(advisoryPath);
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("【訓練】");
      click("acknowledge");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed")));
    }
    shot("5-ceptoar-confirmed");
    as(niscPlayer);
    open(advisoryPath);
    assertThat(text("not-confirmed"))
        .doesNotContain(organisationName("op-sakura-bank"))
        .doesNotContain(organisationName("c-bank"));

    // 7. the controller sees 2-1 met automatically (no evaluator's mark), stops, and the
    // after-action report shows it met
    as(controllerUser);
    open(console);
    // the outcome cell, not the whole row: the row also holds the evaluator's mark form, whose
    // options name every outcome
    assertThat(outcome("score-2-1-operator")).isEqualTo("outcome-MET");
    control("stop");
    shot("6-console-stopped");
    click("aar-link");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("aar-scores")));
    assertThat(text("aar-run")).isEqualTo(title);
    assertThat(outcome("aar-score-2-1-operator")).isEqualTo("outcome-MET");
    assertThat(text("aar-score-2-1-operator")).contains("達成").doesNotContain("未達成", "一部達成");
    assertThat(text("aar-team-operator")).isNotBlank();
    assertThat(browser.findElement(By.id("aar-pdf")).getAttribute("href"))
        .endsWith("/exercises/" + run + "/report.pdf");
    shot("7-after-action-report");
  }

  /**
   * A player reading in English plays inside an exercise: the exercise list, the run's page with
   * its injects and phase, the exercise report form, the filed 情報連絡, the simulated advisory and its
   * confirmation (疎通確認), and the controller's console and after-action report in English — no
   * Japanese label, raw code or Japanese organisation name on any of them (the 【訓練】 mark and what
   * people typed, such as the fixture person's name, aside). The scenario is written in English, so
   * any Japanese left is the hub's own.
   */
  @Test
  void aPlayerInEnglishFilesAReportAndConfirmsAnAdvisoryInsideTheExercise() throws Exception {
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount operator = fixtures.user("op-sakura-bank", Role.ANALYST);
    Actor controller = fixtures.actor(controllerUser);
    var operators =
        java.util.List.of(new ScenarioDocument.TargetDoc("organisation_type", "operator"));
    long scenario =
        exercises.createScenario(
            controller,
            new ScenarioDocument(
                Fixtures.unique("Cross-sector drill in English"),
                "Test the first report and the confirmation of advisories",
                java.util.List.of("Reporting within 30 minutes"),
                java.util.List.of(
                    new ScenarioDocument.PhaseDoc(
                        "Part 1: targeted attack",
                        0,
                        java.util.List.of("Whom did you tell first?"))),
                java.util.List.of(
                    new ScenarioDocument.InjectDoc(
                        "1",
                        0,
                        operators,
                        "JPCERT/CC (simulated)",
                        "hub_inbox",
                        "Suspicious traffic to a C2 server",
                        "A business PC sends periodic requests to an unknown host.",
                        java.util.List.of(
                            new ScenarioDocument.ExpectationDoc(
                                "1-1",
                                "File a first report within 30 minutes",
                                30,
                                10,
                                "report_filed")),
                        false,
                        null,
                        java.util.List.of()),
                    new ScenarioDocument.InjectDoc(
                        "2",
                        0,
                        operators,
                        "NISC (simulated)",
                        "simulated_advisory",
                        "Advisory: block the C2 server",
                        "Block 203.0.113.45 at the proxy.",
                        java.util.List.of(
                            new ScenarioDocument.ExpectationDoc(
                                "2-1",
                                "Confirm the advisory within 60 minutes",
                                60,
                                5,
                                "advisory_confirmed")),
                        false,
                        null,
                        java.util.List.of())),
                null));
    String title = Fixtures.unique("English exercise");
    // real time: both injects go out at the start, and no target time (30 and 60 minutes) can pass
    // while the browser walks, however slow the machine
    long run = exercises.createRun(controller, scenario, title, 1, false);
    exercises.addMember(controller, run, operator.login(), "player", "bank", "IT manager");
    exercises.control(controller, run, "start");
    new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(500))
        .until(
            d ->
                jdbc.sql(
                            "select count(*) from exercise_inject_state where run_id = ? and"
                                + " state = 'sent'")
                        .param(run)
                        .query(Integer.class)
                        .single()
                    == 2);
    java.util.List<String> problems = new java.util.ArrayList<>();

    as(operator);
    click("lang-en");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    open("/exercises");
    problems.addAll(japanese("list", operator));
    click(By.linkText(title));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inject-1")));
    assertThat(text("exercise-advisories")).contains("Advisory: block the C2 server");
    problems.addAll(japanese("play", operator));
    shot("en-1-player-page");

    click("exercise-new-report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("title")));
    problems.addAll(japanese("report form", operator));
    String reportTitle = Fixtures.unique("First report: suspicious traffic");
    type("title", reportTitle);
    type("summary", "A business PC talks to a suspected C2 host; it has been isolated.");
    new Select(browser.findElement(By.id("incidentType"))).selectByValue("intrusion");
    click("cause-impersonation");
    new Select(browser.findElement(By.id("severity"))).selectByValue("level3");
    type("observables", "203.0.113.45");
    // straight to NISC (the hotline): the controller, NISC, then sees it and 1-1 scores met
    click(By.cssSelector("input[name=route][value=hotline]"));
    shot("en-2-report-form");
    click("send-report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
    assertThat(text("report-title")).contains(reportTitle);
    problems.addAll(japanese("report", operator));
    shot("en-3-report-filed");

    open("/exercises/" + run);
    assertThat(text("exercise-reports")).contains(reportTitle);
    click(By.linkText("Advisory: block the C2 server"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge")));
    problems.addAll(japanese("advisory", operator));
    click("acknowledge");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed")));
    problems.addAll(japanese("advisory confirmed", operator));
    shot("en-4-advisory-confirmed");

    as(controllerUser);
    click("lang-en");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    open("/exercises/" + run + "/console");
    assertThat(outcome("score-1-1-bank")).isEqualTo("outcome-MET");
    assertThat(outcome("score-2-1-bank")).isEqualTo("outcome-MET");
    problems.addAll(japanese("console", controllerUser, operator));
    shot("en-5-console");
    open("/exercises/" + run + "/report");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("aar-scores")));
    problems.addAll(japanese("after-action report", controllerUser, operator));
    shot("en-6-after-action-report");
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /**
   * The lines of the page that hold Japanese, but for the 【訓練】 mark and the names the given people
   * typed. No gloss is let through: English pages name the exercise terms in English only (the
   * Japanese terms are in docs/glossary.md); a Japanese word in brackets is a finding too.
   */
  java.util.List<String> japanese(String where, UserAccount... people) {
    Object found =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const b = document.body.cloneNode(true);"
                    // typed data: the titles of 課題 and of runs (loaded by htmx after the page)
                    + "b.querySelectorAll('.brand-mark, #lang-ja, #who strong, script,"
                    + " #exercise-my-issues td, #aar-open-issues td')"
                    + ".forEach(e => e.remove());"
                    + "let t = (b.innerText || b.textContent).replaceAll('【訓練】', '');"
                    + "for (const n of arguments[0]) t = t.replaceAll(n, '');"
                    + "const out = [];"
                    + "for (const line of t.split('\\n')) {"
                    + "  if (/[\\u3040-\\u30ff\\u3400-\\u9fff\\uff01-\\uff5e]/.test(line))"
                    + " out.push(line.trim().slice(0, 100)); }"
                    + "return out.join(' | ');",
                java.util.Arrays.stream(people).map(UserAccount::displayName).toList());
    return String.valueOf(found).isEmpty()
        ? java.util.List.of()
        : java.util.List.of(where + " (" + path() + "): " + found);
  }

  @Autowired ExerciseService exercises;
  @Autowired ScenarioTemplates templates;
  @Autowired JdbcClient jdbc;

  String organisationName(String code) {
    return jdbc.sql("select name_ja from organisation where code = ?")
        .param(code)
        .query(String.class)
        .single();
  }

  void as(UserAccount u) {
    // the home page after signing in is the heaviest page of a player's day (see BrowserSignIn)
    BrowserSignIn.signIn(browser, port, u.login());
  }

  void open(String path) {
    browser.get("http://127.0.0.1:" + port + path);
  }

  String path() {
    return browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
  }

  /** The class of the outcome cell in a score row (outcome-MET, outcome-PENDING ...). */
  String outcome(String rowId) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id(rowId)));
    return browser
        .findElement(By.cssSelector("#" + rowId + " td[class^='outcome-']"))
        .getAttribute("class");
  }

  String text(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
  }

  void click(String id) {
    click(By.id(id));
  }

  /**
   * Forwards the open report and waits for the page the forward answers with: the report page has
   * its route before and after, so waiting for the route alone could go on (and sign in as the next
   * person) before the forward was stored.
   */
  void forward() {
    WebElement page = browser.findElement(By.tagName("main"));
    click("forward");
    wait.until(Chromium.gone(page));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("route")));
  }

  void click(By by) {
    WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", e);
    e.click();
  }

  /** Presses one of the console's clock buttons and waits for the console to come back. */
  void control(String action) {
    By button = By.cssSelector("#exercise-controls button[value='" + action + "']");
    // the console's sections are replaced as htmx loads them: a button found may be gone by the
    // time it is checked or clicked (stale, or "does not belong to the document"), before any
    // click happened; it is then found again
    WebElement b = null;
    for (int attempt = 0; b == null; attempt++) {
      try {
        WebElement found = wait.until(ExpectedConditions.elementToBeClickable(button));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", found);
        found.click();
        b = found;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt >= 5) {
          throw e;
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt >= 5 || !String.valueOf(e.getMessage()).contains("does not belong")) {
          throw e;
        }
      }
    }
    wait.until(Chromium.gone(b));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-timeline")));
  }

  /** Reloads the console until inject {@code key} shows as sent (付与済み). */
  void waitForSent(String key, Duration atMost) {
    new WebDriverWait(browser, atMost, Duration.ofMillis(500))
        .until(
            d -> {
              d.navigate().refresh();
              return d.findElement(By.id("timeline-" + key)).getText().contains("付与済み");
            });
  }

  void type(String id, String text) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  void shot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve("exercise-" + name + ".png"), png);
  }
}
