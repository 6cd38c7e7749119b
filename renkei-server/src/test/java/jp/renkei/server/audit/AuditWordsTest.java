package jp.renkei.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action the code records and every kind of target it names has words in Japanese and English
 * for the audit list (a raw code like {@code exposure.share} is shown only as the words' title).
 */
class AuditWordsTest {

  private static final Path JAVA = Path.of("src/main/java");
  private static final Pattern EVENT =
      Pattern.compile(
          "Event\\.(?:success|failure)\\(\\s*\"([a-z0-9_.]+)\",\\s*\"([a-z0-9_]+)\"",
          Pattern.DOTALL);

  @Test
  void everyRecordedActionAndTargetHasWordsInBothLanguages() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(JAVA)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = EVENT.matcher(Files.readString(p, StandardCharsets.UTF_8));
        while (m.find()) {
          // an action built from a prefix and a state has a key per state, checked below
          if (!m.group(1).endsWith(".")) {
            keys.add("audit.action." + m.group(1));
          }
          keys.add("audit.target." + m.group(2));
        }
      }
    }
    keys.addAll(
        Set.of(
            "audit.action.exercise.issue.open",
            "audit.action.exercise.issue.closed",
            "audit.action.outbound.refused",
            "audit.target.outbound"));
    assertThat(keys).contains("audit.action.exposure.share", "audit.target.monitor_site");
    assertThat(load("audit.properties").stringPropertyNames()).containsAll(keys);
    assertThat(load("audit_en.properties").stringPropertyNames()).containsAll(keys);
  }

  /** {@code Detail.of(} and its first argument (the code, or a choice between codes). */
  private static final Pattern DETAIL = Pattern.compile("Detail\\.of\\(");

  /** A string literal that is a value (not the receiver of a call such as {@code .equals}). */
  private static final Pattern CODE =
      Pattern.compile("\"([a-z][a-zA-Z0-9_.]*)\"(?=\\s*(?:[,):;]|$))");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

  /**
   * Every detail code the hub records has words in Japanese and English, with the same arguments,
   * that render without a raw code: the audit list's Detail column is in the reader's language.
   */
  @Test
  void everyRecordedDetailCodeHasWordsInBothLanguagesWithTheSameArguments() throws IOException {
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(JAVA)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String src = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = DETAIL.matcher(src);
        while (m.find()) {
          Matcher c = CODE.matcher(firstArgument(src, m.end()));
          while (c.find()) {
            codes.add(c.group(1));
          }
        }
      }
    }
    // a sample of each kind: a plain code, a choice, a switch, one passed through a helper
    assertThat(codes)
        .contains(
            "stix.ingest",
            "exercise.scenario.survey.attached",
            "advisory.version.withdrawal",
            "auth.login.wrongPassword.locked",
            "token.revoke.all.passwordReset")
        .doesNotContain("final", "correction");
    Properties ja = load("audit.properties");
    Properties en = load("audit_en.properties");
    Set<String> jaDetails = detailKeys(ja);
    assertThat(jaDetails).isEqualTo(detailKeys(en));
    for (String code : codes) {
      assertThat(ja.getProperty(AuditLog.KEY_PREFIX + code)).as("ja " + code).isNotBlank();
      assertThat(en.getProperty(AuditLog.KEY_PREFIX + code)).as("en " + code).isNotBlank();
    }
    // no words kept for a code nothing records any more
    assertThat(codes).containsAll(jaDetails);
    for (String code : jaDetails) {
      String key = AuditLog.KEY_PREFIX + code;
      assertThat(placeholders(ja.getProperty(key)))
          .as(key)
          .isEqualTo(placeholders(en.getProperty(key)));
      Object[] args = new Object[placeholders(ja.getProperty(key)).size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = "v" + i;
      }
      for (Properties words : List.of(ja, en)) {
        String said = new MessageFormat(words.getProperty(key), Locale.ROOT).format(args);
        assertThat(said).as(key).doesNotContain("audit.detail", "{", "}");
        for (Object a : args) {
          assertThat(said).as(key).contains((String) a);
        }
      }
    }
  }

  /** The text of the call's first argument: up to its first comma or parenthesis at depth zero. */
  private static String firstArgument(String src, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < src.length(); i++) {
      char c = src.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (depth == 0) {
          return src.substring(from, i);
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return src.substring(from, i);
      }
    }
    return src.substring(from);
  }

  private static Set<String> detailKeys(Properties p) {
    Set<String> out = new TreeSet<>();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith(AuditLog.KEY_PREFIX)) {
        out.add(k.substring(AuditLog.KEY_PREFIX.length()));
      }
    }
    return out;
  }

  private static Set<String> placeholders(String words) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(words);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            Path.of("src/main/resources/i18n").resolve(name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
