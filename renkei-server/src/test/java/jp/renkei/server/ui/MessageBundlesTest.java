package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

/** Every UI text has a Japanese and an English version, and nothing refers to a missing key. */
class MessageBundlesTest {

  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path JAVA = Path.of("src/main/java");

  @Test
  void japaneseAndEnglishBundlesHaveTheSameKeys() throws IOException {
    for (String base : bundles()) {
      assertThat(load(base + "_en.properties").stringPropertyNames())
          .as(base)
          .containsExactlyInAnyOrderElementsOf(load(base + ".properties").stringPropertyNames());
    }
  }

  @Test
  void everyBundleIsConfiguredAndNoKeyIsDefinedTwice() throws IOException {
    String yml = Files.readString(RESOURCES.resolve("application.yml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("basename: ([\\w/,-]+)").matcher(yml);
    assertThat(m.find()).isTrue();
    assertThat(Set.of(m.group(1).split(","))).containsExactlyInAnyOrderElementsOf(bundles());
    Set<String> seen = new TreeSet<>();
    for (String base : bundles()) {
      for (String key : load(base + ".properties").stringPropertyNames()) {
        assertThat(seen.add(key)).as("%s defined again in %s", key, base).isTrue();
      }
    }
  }

  @Test
  void everyKeyUsedInTemplatesExists() throws IOException {
    Set<String> used =
        scan(RESOURCES.resolve("templates"), Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]"));
    assertThat(used).isNotEmpty();
    assertThat(all("")).containsAll(used);
  }

  @Test
  void everyMessageKeyUsedInJavaExists() throws IOException {
    Set<String> used =
        scan(
            JAVA,
            Pattern.compile("\"((?:error|validation|login|admin)\\.[a-zA-Z][\\w.]*[a-zA-Z])\""));
    assertThat(used).contains("error.notFound", "validation.organisation.code");
    assertThat(all("")).containsAll(used);
    assertThat(all("_en")).containsAll(used);
  }

  /**
   * English texts carry no Japanese glosses ("Incident type (事象の類型)"): an English reader gets
   * English. Kept on purpose: the language switch's own name and the exercise mark 【訓練】, which the
   * pages print on every exercise item in both languages.
   */
  @Test
  void englishBundlesCarryNoJapanese() throws IOException {
    Set<String> deliberate =
        Set.of("lang.ja", "exercise.banner", "exercise.list.lead", "exercise.tag");
    Pattern japanese = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    Set<String> found = new TreeSet<>();
    for (String base : bundles()) {
      Properties en = load(base + "_en.properties");
      for (String key : en.stringPropertyNames()) {
        if (!deliberate.contains(key) && japanese.matcher(en.getProperty(key)).find()) {
          found.add(base + ": " + key + "=" + en.getProperty(key));
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void japaneseBundleIsActuallyJapanese() throws IOException {
    assertThat(load("messages.properties").getProperty("login.submit")).isEqualTo("ログイン");
    assertThat(load("messages_en.properties").getProperty("login.submit")).isEqualTo("Sign in");
  }

  @Test
  void countsAndMinutesReadWellInBothLanguages() throws IOException {
    java.util.function.BiFunction<String, Object[], String> en =
        (key, args) -> {
          try {
            String pattern =
                key.startsWith("pages.")
                    ? load("i18n/pages_en.properties").getProperty(key)
                    : load("i18n/exercise_en.properties").getProperty(key);
            return new java.text.MessageFormat(pattern, java.util.Locale.ENGLISH).format(args);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    assertThat(en.apply("pages.errors.heading", new Object[] {1}))
        .isEqualTo("Please check what you entered (1 problem).");
    assertThat(en.apply("pages.errors.heading", new Object[] {3}))
        .isEqualTo("Please check what you entered (3 problems).");
    assertThat(en.apply("exercise.atMinute", new Object[] {0})).isEqualTo("+0 min");
    java.util.function.BiFunction<String, Object[], String> work =
        (key, args) -> {
          try {
            return new java.text.MessageFormat(
                    load("i18n/work_en.properties").getProperty(key), java.util.Locale.ENGLISH)
                .format(args);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    assertThat(work.apply("work.advisory.noDutyWarning", new Object[] {1}))
        .startsWith("1 recipient has no duty contact registered:");
    assertThat(work.apply("work.advisory.noDutyWarning", new Object[] {1200}))
        .startsWith("1,200 recipients have no duty contact registered:");
    assertThat(
            new java.text.MessageFormat(
                    load("i18n/exercise.properties").getProperty("exercise.atMinute"),
                    java.util.Locale.JAPANESE)
                .format(new Object[] {30}))
        .isEqualTo("+30分");
  }

  /** The base names of every bundle: messages and one per area under i18n/. */
  private static Set<String> bundles() throws IOException {
    Set<String> names = new TreeSet<>(Set.of("messages"));
    try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".properties") && !n.endsWith("_en.properties"))
          .forEach(n -> names.add("i18n/" + n.substring(0, n.length() - ".properties".length())));
    }
    return names;
  }

  private static Set<String> all(String suffix) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String base : bundles()) {
      keys.addAll(load(base + suffix + ".properties").stringPropertyNames());
    }
    return keys;
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> scan(Path root, Pattern pattern) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = pattern.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }
}
