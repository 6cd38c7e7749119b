package jp.renkei.server.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in through the login form, the same way for every browser test. The page after signing in
 * (the home page with its work list and counts) is the heaviest of a day; on a loaded 2-core
 * machine it once took more than 20 s (ExerciseBrowserIT), so the wait is {@link #WAIT} polled
 * every half second, and a sign-in that does not arrive fails saying as whom, where the browser
 * stands and what the page says (a login error, a 500 page) instead of a bare timeout.
 */
public final class BrowserSignIn {

  /** How long the page after signing in may take. */
  public static final Duration WAIT = Duration.ofSeconds(60);

  private BrowserSignIn() {}

  /**
   * Forgets the browser's cookies, signs in as {@code login} with the fixtures' password on the
   * server at {@code port} and waits for the element {@code landmark} (e.g. {@code welcome}) of the
   * page it arrives at.
   */
  public static void signIn(WebDriver browser, int port, String login, By landmark) {
    browser.manage().deleteAllCookies();
    browser.get("http://127.0.0.1:" + port + "/login");
    browser.findElement(By.id("login")).sendKeys(login);
    browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    awaitArrival(browser, login, landmark);
  }

  /** The same on the home page's greeting ({@code welcome}). */
  public static void signIn(WebDriver browser, int port, String login) {
    signIn(browser, port, login, By.id("welcome"));
  }

  /**
   * Waits up to {@link #WAIT} for {@code landmark} after the form was sent; on a timeout, fails
   * with the login, the browser's path and the page's text.
   */
  public static void awaitArrival(WebDriver browser, String login, By landmark) {
    try {
      new WebDriverWait(browser, WAIT, Duration.ofMillis(500))
          .until(ExpectedConditions.presenceOfElementLocated(landmark));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "signing in as "
              + login
              + " did not reach "
              + landmark
              + " within "
              + WAIT.toSeconds()
              + " s; at "
              + browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "")
              + ": "
              + pageText(browser),
          e);
    }
  }

  private static String pageText(WebDriver browser) {
    try {
      String text = browser.findElement(By.tagName("body")).getText();
      return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    } catch (NoSuchElementException | TimeoutException e) {
      return "(no page body)";
    }
  }
}
