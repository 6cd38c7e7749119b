package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * share38's review on a phone (390 px): a C4TAP share's objects were a three-column table scrolling
 * inside itself, each value (the kit's address, a hash, a pattern) broken every few characters
 * beside its detail. Each object is a card now: the value has the page's width, and nothing scrolls
 * sideways. Screenshot: {@code target/screenshots/phone-c4tap-share.png}.
 */
class C4tapSharePhoneBrowserIT extends ServerTest {

  WebDriver browser;

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aSharesObjectsReadAsCardsOnAPhone() throws Exception {
    UserAccount sender = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    var draft =
        bank.postBytes(
            "/api/v1/c4tap?range=amber", "message/rfc822", MailShareTargetsIT.trackedLure());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    long id = C4tapIT.id(draft.body());
    assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode()).isEqualTo(200);

    browser = Chromium.start(1280, 1000);
    Chromium.viewport(browser, 390, 844);
    BrowserSignIn.signIn(
        browser, port, fixtures.user(fixtures.operator("gas"), Role.ANALYST).login());
    browser.get("http://127.0.0.1:" + port + "/c4tap/" + id);
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("shared-objects")));
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    Files.write(
        shots.resolve("phone-c4tap-share.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    long page =
        ((Number)
                ((JavascriptExecutor) browser)
                    .executeScript("return document.querySelector('main').clientWidth;"))
            .longValue();
    List<WebElement> values =
        browser.findElements(By.cssSelector("#shared-objects td:nth-child(2)"));
    assertThat(values).isNotEmpty();
    for (WebElement v : values) {
      assertThat(v.getRect().getWidth())
          .as("the value %s has the card's width", v.getText())
          .isGreaterThan((int) (page * 0.8));
    }
    Object sideways =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth"
                    + " || document.querySelector('#shared-objects').scrollWidth"
                    + " > document.querySelector('#shared-objects').clientWidth + 1;");
    assertThat(sideways).isEqualTo(false);
    assertThat(browser.findElement(By.id("shared-objects")).getText())
        .contains("https://paypal-resolve.kit.example/signin");
  }
}
