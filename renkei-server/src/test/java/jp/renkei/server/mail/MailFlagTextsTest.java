package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import jp.renkei.engine.mail.RedFlag;
import org.junit.jupiter.api.Test;

/**
 * Every red flag has a short name in both languages, so the browser never shows a raw code such as
 * LINK_TEXT_MISMATCH (issue 14), and the Japanese names are Japanese.
 */
class MailFlagTextsTest {

  static Properties bundle(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = MailFlagTextsTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyFlagIsNamedInJapaneseAndEnglish() throws Exception {
    Properties ja = bundle("mailcheck.properties");
    Properties en = bundle("mailcheck_en.properties");
    for (RedFlag f : RedFlag.values()) {
      String key = "mailcheck.flag." + f.name();
      assertThat(ja.getProperty(key))
          .as(key)
          .isNotBlank()
          .matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*");
      assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContain("_");
      assertThat(f.ja()).matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*");
      assertThat(f.en()).isNotBlank();
    }
    assertThat(ja.getProperty("mailcheck.auth.none")).isEqualTo("認証結果なし");
    assertThat(en.getProperty("mailcheck.auth.none")).isEqualTo("no authentication results");
  }

  private static final java.util.Set<String> SMALL_WORDS =
      java.util.Set.of(
          "a", "an", "the", "is", "are", "of", "in", "to", "or", "and", "its", "it", "that", "this",
          "by", "with", "from", "for", "as", "on", "has", "have", "be");

  /** Content words, each by its first five letters (authenticated, authentication: one word). */
  private static java.util.Set<String> words(String s) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : s.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty() && !SMALL_WORDS.contains(w)) {
        out.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
    }
    return out;
  }

  /**
   * The page shows a sign as "name: summary". ui25's review read "Sender authentication failed:
   * Sender authentication failed." — the summary said its own name again. Each summary says
   * something its name does not: in English two content words or more that the name lacks, in
   * Japanese more than the name's own characters.
   */
  @Test
  void everySummarySaysMoreThanItsName() throws Exception {
    Properties ja = bundle("mailcheck.properties");
    Properties en = bundle("mailcheck_en.properties");
    for (RedFlag f : RedFlag.values()) {
      String enName = en.getProperty("mailcheck.flag." + f.name());
      java.util.Set<String> extra = words(f.summary(true));
      extra.removeAll(words(enName));
      assertThat(extra).as(f + ": " + enName + " / " + f.summary(true)).hasSizeGreaterThan(1);
      String jaName = ja.getProperty("mailcheck.flag." + f.name()).replaceAll("[\\s()（）・]", "");
      String jaSummary = f.summary(false).replaceAll("[\\s()（）・。、]", "");
      assertThat(jaSummary.replace(jaName, "").length())
          .as(f + ": " + jaName + " / " + f.summary(false))
          .isGreaterThan(jaName.length());
    }
    assertThat(RedFlag.AUTHENTICATION_FAILED.summary(true))
        .doesNotContainIgnoringCase("sender authentication failed")
        .contains("forged");
    assertThat(RedFlag.AUTHENTICATION_FAILED.summary(false)).contains("詐称");
  }

  /**
   * ux29's review read ten summaries cut in the middle of a clause, e.g. "Brand or public-body
   * impersonation: … but the sender's domain is not one of…": the line said neither what the sign
   * is nor what it is not. Each summary is a whole sentence now, in both languages.
   */
  @Test
  void everySummaryIsAWholeSentence() {
    for (RedFlag f : RedFlag.values()) {
      assertThat(f.summary(true)).as(f + " en").doesNotEndWith("…").endsWith(".");
      assertThat(f.summary(false)).as(f + " ja").doesNotEndWith("…").endsWith("。");
    }
    assertThat(RedFlag.BRAND_IMPERSONATION.summary(true))
        .endsWith("but the sender's domain is not one of theirs.");
  }
}
