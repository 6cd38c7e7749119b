package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Session 26's inject reading and an inject's text in a real browser (attack29b; InjectReadIT sent
 * the Sec-Fetch-Site headers by hand): Chromium opens the run page from a link on another site
 * ({@code localhost} on another port, a different site from the hub's {@code 127.0.0.1}) and from
 * the hub's own list, and another site's page posts the 「既読にする」 form by itself. Only the hub's own
 * navigation and the player's press of the button record the read. The inject's text carries
 * markup, a {@code javascript:} link, htmx attributes and full-width brackets: it shows as text and
 * nothing of it runs or becomes an element.
 */
class InjectReadBrowserIT extends ServerTest {

  static final String HOSTILE =
      "<img id=\"planted-img\" src=x onerror=\"window.plantedRan=1\">"
          + "<a id=\"planted-link\" href=\"javascript:window.plantedRan=2\">詳細</a>"
          + "<div id=\"planted-htmx\" hx-get=\"/logout\" hx-trigger=\"load\">x</div>"
          + "＜script＞window.plantedRan=3＜／script＞ https://evil.example/login";

  @Autowired ExerciseService exercises;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  WebDriver browser;
  WebDriverWait wait;
  HttpServer otherSite;

  @BeforeEach
  void start() throws Exception {
    browser = Chromium.start(1280, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    otherSite.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    otherSite.stop(0);
  }

  /** Serves {@code html} on the other site at {@code path}; its address, on {@code localhost}. */
  String page(String path, String html) {
    otherSite.createContext(
        path,
        x -> {
          byte[] body = html.getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    return "http://localhost:" + otherSite.getAddress().getPort() + path;
  }

  static ScenarioDocument hostileScenario() {
    return new ScenarioDocument(
        "既読試験（ブラウザー）",
        "状況付与の既読",
        List.of("情報連絡"),
        List.of(new ScenarioDocument.PhaseDoc("第1部", 0, List.of())),
        List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                List.of(new ScenarioDocument.TargetDoc("all", null)),
                "JPCERT/CC（模擬）",
                "hub_inbox",
                "早期警戒情報 <b id=\"planted-title\">至急</b>",
                HOSTILE,
                List.of(),
                false,
                null,
                null)),
        null);
  }

  @Test
  void onlyThePlayersOwnNavigationOrPressReadsAndTheInjectsMarkupStaysText() {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation bank = ExerciseIT.member(directory, "finance", "c-bank");
    UserAccount player = fixtures.user(bank, Role.ANALYST);
    UserAccount other = fixtures.user(bank, Role.ANALYST);
    long scenario = exercises.createScenario(controller, hostileScenario());
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, player.login(), "player", "bank", "");
    exercises.addMember(controller, run, other.login(), "player", "bank", "");
    exercises.control(controller, run, "start");
    String runPage = "http://127.0.0.1:" + port + "/exercises/" + run;

    BrowserSignIn.signIn(browser, port, player.login());
    // another site's page posts the mark-read form by itself (the session cookie is SameSite=Lax
    // and there is no CSRF token): nothing is read
    browser.get(
        page(
            "/autopost",
            "<form id=f method=post action=\""
                + runPage
                + "/read\"></form><script>document.getElementById('f').submit()</script>"));
    wait.until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:" + port));
    assertThat(read(run, player)).isZero();
    // (the refused post may have left the browser without its session: sign in again)
    BrowserSignIn.signIn(browser, port, player.login());

    // a link on another site: the injects show, with the button, and nothing is read
    browser.get(page("/lure", "<a id=go href=\"" + runPage + "\">演習</a>"));
    browser.findElement(By.id("go")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-mark-read")));
    assertThat(read(run, player)).isZero();

    // the inject's markup is text: no element of it, nothing ran
    String text = browser.findElement(By.id("inject-1")).getText();
    assertThat(text)
        .contains("<img id=\"planted-img\"", "javascript:window.plantedRan=2", "＜script＞")
        .contains("<b id=\"planted-title\">至急</b>");
    for (String id : List.of("planted-img", "planted-link", "planted-htmx", "planted-title")) {
      assertThat(browser.findElements(By.id(id))).as(id).isEmpty();
    }
    assertThat(browser.findElements(By.cssSelector("#inject-1 a, #inject-1 img, #inject-1 script")))
        .isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.plantedRan")).isNull();
    assertThat(browser.getCurrentUrl()).isEqualTo(runPage);

    // the player's own press records the read, and the button is gone
    var before = browser.findElement(By.tagName("main"));
    browser.findElement(By.id("exercise-mark-read")).click();
    wait.until(ExpectedConditions.stalenessOf(before));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inject-1")));
    assertThat(read(run, player)).isEqualTo(1);
    assertThat(browser.findElements(By.id("exercise-mark-read"))).isEmpty();

    // another player reaches the run through the hub's own list: read without a button
    BrowserSignIn.signIn(browser, port, other.login());
    browser.get("http://127.0.0.1:" + port + "/exercises");
    browser.findElement(By.cssSelector("a[href='/exercises/" + run + "']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inject-1")));
    assertThat(browser.findElements(By.id("exercise-mark-read"))).isEmpty();
    assertThat(read(run, other)).isEqualTo(1);
  }

  int read(long run, UserAccount u) {
    return jdbc.sql("select count(read_at) from exercise_delivery where run_id = ? and user_id = ?")
        .params(run, u.id())
        .query(Integer.class)
        .single();
  }
}
