package jp.renkei.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
