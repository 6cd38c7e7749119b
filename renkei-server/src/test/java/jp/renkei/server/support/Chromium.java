package jp.renkei.server.support;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for the browser tests, each with
 * its own profile directory; the test is skipped, saying why, where they are not installed ({@code
 * .ci/run} installs them).
 */
public final class Chromium {

  public static final File BINARY = new File("/usr/bin/chromium");
  public static final File DRIVER = new File("/usr/bin/chromedriver");

  private Chromium() {}

  /** A browser with a window of the given size, and any further command-line switches. */
  public static ChromeDriver start(int width, int height, String... switches) {
    Assumptions.assumeTrue(
        BINARY.canExecute() && DRIVER.canExecute(),
        "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): browser test skipped."
            + " Install Debian's chromium and chromium-driver, as .ci/run does.");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + TestFiles.directory("renkei-chromium")));
    args.addAll(List.of(switches));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(args);
    return new ChromeDriver(
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
  }

  /**
   * Lays the page out in a viewport of {@code width} × {@code height} CSS pixels, as a phone's.
   * Resizing the window does not do it below 500 px: headless Chromium keeps a window at least 500
   * px wide, so a window set to 390 lays pages out at 500 (ux35 measured {@code innerWidth}). Holds
   * for the rest of the session, across page loads.
   */
  public static void viewport(org.openqa.selenium.WebDriver browser, int width, int height) {
    ((org.openqa.selenium.chromium.ChromiumDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    Object inner =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return window.innerWidth;");
    if (((Number) inner).intValue() != width) {
      throw new IllegalStateException("viewport " + inner + " px wide, not " + width);
    }
  }

  /**
   * Whether {@code element} has left the page (a navigation or an htmx swap replaced it), for a
   * wait. Selenium's {@code ExpectedConditions.stalenessOf} knows only the stale-element answer;
   * while the page is being replaced chromedriver may instead answer "unknown error: … Node with
   * given id does not belong to the document", which is the same fact and made the wait throw.
   */
  public static ExpectedCondition<Boolean> gone(WebElement element) {
    return driver -> {
      try {
        element.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }
}
