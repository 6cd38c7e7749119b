package jp.renkei.server.support;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
}
