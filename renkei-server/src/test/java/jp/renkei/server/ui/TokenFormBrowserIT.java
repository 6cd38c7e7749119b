package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.BrowserSignIn;
import jp.renkei.server.support.Chromium;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The API token form as a new user meets it (ux35): it was laid out as a one-line form, so each
 * scope's check box stood alone on a line, stretched across the fieldset, above the words it
 * belongs to, and the name and lifetime boxes sat at the foot of the scopes' tall fieldset. Now the
 * fields come one under another and each box sits at the start of its scope's line, on a wide
 * screen and on a phone.
 */
class TokenFormBrowserIT extends ServerTest {

  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start(1280, 900);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void eachScopeBoxSitsBesideItsWordsAndTheFieldsComeOneUnderAnother() {
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    BrowserSignIn.signIn(browser, port, analyst.login());
    for (int width : new int[] {1280, 390}) {
      Chromium.viewport(browser, width, 900);
      browser.get("http://127.0.0.1:" + port + "/account/tokens");
      List<WebElement> scopes = browser.findElements(By.cssSelector("#scopes label"));
      assertThat(scopes).hasSizeGreaterThan(3);
      for (WebElement label : scopes) {
        Rectangle box = label.findElement(By.tagName("input")).getRect();
        Rectangle words = label.findElement(By.tagName("span")).getRect();
        assertThat(box.getX() + box.getWidth())
            .as("%d px: the box of %s is before its words", width, label.getText())
            .isLessThanOrEqualTo(words.getX());
        assertThat(box.getY())
            .as("%d px: the box of %s is on its words' first line", width, label.getText())
            .isBetween(words.getY() - box.getHeight(), words.getY() + box.getHeight());
      }
      int nameTop = browser.findElement(By.id("name")).getRect().getY();
      int scopesTop = browser.findElement(By.id("scopes")).getRect().getY();
      assertThat(nameTop)
          .as("%d px: the name comes before the scopes, not at their foot", width)
          .isLessThan(scopesTop);
    }
  }
}
