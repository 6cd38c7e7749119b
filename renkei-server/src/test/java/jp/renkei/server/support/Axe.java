package jp.renkei.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility rules, {@code axe.min.js} from the Maven Central jar {@code
 * com.deque.html.axe-core:selenium}) run inside the page a browser test has open.
 */
public final class Axe {

  private static String source;

  private Axe() {}

  /**
   * The serious and critical violations of the page open in {@code browser} under axe's default
   * rules (WCAG 2.0–2.2 A and AA and best practices), one line each: impact, rule, help and the
   * first three elements; empty when there are none.
   */
  public static List<String> seriousViolations(ChromeDriver browser) {
    browser.executeScript(source());
    Object result =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify("
                + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))).catch(e =>"
                + " done(JSON.stringify(['axe failed: ' + e])));");
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(String.valueOf(result));
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static synchronized String source() {
    if (source == null) {
      try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
        assertThat(in)
            .as("axe.min.js (com.deque.html.axe-core:selenium) on the classpath")
            .isNotNull();
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }
}
