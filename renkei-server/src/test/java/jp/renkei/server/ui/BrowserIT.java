package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) signs in and switches language.
 * Skipped, saying why, where Chromium is not installed; {@code .ci/run} installs it.
 */
class BrowserIT extends ServerTest {

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(1280, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
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

  private void signIn(String login) {
    browser.findElement(By.id("login")).sendKeys(login);
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    BrowserSignIn.awaitArrival(browser, login, By.id("welcome"));
  }

  @Test
  void signsInInJapaneseSwitchesToEnglishAndTheChoiceFollowsThePerson() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    browser.get(url("/login"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ログイン");

    signIn(person.login());
    assertThat(browser.findElement(By.id("welcome")).getText()).contains("ようこそ");
    assertThat(browser.findElement(By.id("my-org")).getText()).isEqualTo("さくら架空銀行");
    assertThat(browser.findElement(By.id("my-role")).getText()).isEqualTo("分析担当");

    browser.findElement(By.id("lang-en")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Welcome"));
    assertThat(browser.findElement(By.id("my-org")).getText()).isEqualTo("Sakura Fictional Bank");
    assertThat(browser.findElement(By.id("my-role")).getText()).isEqualTo("Analyst");

    // A fresh browser (no cookies): the login page is Japanese, but the person's choice returns.
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ログイン");
    signIn(person.login());
    assertThat(browser.findElement(By.id("welcome")).getText()).contains("Welcome");

    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  @Test
  void directoryFilterUpdatesTheTableInPlace() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    browser.get(url("/login"));
    signIn(person.login());
    browser.get(url("/directory"));
    String before = browser.findElement(By.id("list-total")).getText();
    String address = browser.getCurrentUrl();
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-sector")))
        .selectByValue("port");
    wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("list-total"), before)));
    // updated in place (htmx), with the filter in the address so the view can be shared
    wait.until(ExpectedConditions.urlContains("sector=port"));
    assertThat(address).doesNotContain("sector=");
    assertThat(browser.findElement(By.id("results")).getText())
        .contains("港湾CEPTOAR")
        .doesNotContain("さくら架空銀行");
  }
}
