package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 (speed29): the invisible characters are taken out of a text by one scan when it has no
 * variation selector, and the everyday-word patterns are searched only when their words are there.
 * Both must answer exactly as the patterns themselves: these tests compare them on random texts
 * made of the characters that matter (kana, kanji, Latin letters, digits, every invisible
 * character, the selectors, a supplementary kana and spaces).
 */
class MailInvisibleScanTest {

  private static final String ALPHABET =
      "アカウントお知らせ口座aBz09 -.\n\u200B\u200C\u200D\u2060\u2061\u2064\u2065\uFEFF\u00AD"
          + "\u2066\u2069\uFE00\uFE09\uFE0D\uFE0Fー々";

  private static String random(Random r, boolean selectors) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(25) == 0) {
        b.appendCodePoint(0x1B001); // a hiragana outside the BMP
        continue;
      }
      char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
      if (!selectors && c >= '\uFE00' && c <= '\uFE0D') {
        c = '\u200B';
      }
      b.append(c);
    }
    return b.toString();
  }

  @Test
  void invisibleCharactersAreTakenOutAsThePatternTakesThemOut() {
    Random r = new Random(29);
    for (int i = 0; i < 50_000; i++) {
      String t = random(r, i % 2 == 0);
      String expected = MailBrokenWords.INVISIBLE.matcher(t).replaceAll("");
      assertThat(MailBrokenWords.withoutInvisible(t)).as(escaped(t)).isEqualTo(expected);
      assertThat(new MailBrokenWords.BrokenWords().read(t)).as(escaped(t)).isEqualTo(expected);
    }
  }

  @Test
  void invisibleCharactersBetweenJapaneseLettersAreCountedAsThePatternFindsThem() {
    Random r = new Random(2929);
    int named = 0;
    for (int i = 0; i < 50_000; i++) {
      // no Latin letters, so that the evidence is the Japanese count's
      String t = random(r, i % 2 == 0).replaceAll("[aBz]", "ア");
      MailBrokenWords.BrokenWords b = new MailBrokenWords.BrokenWords();
      b.read(t);
      String expected = byPattern(t);
      assertThat(b.evidence()).as(escaped(t)).isEqualTo(expected);
      named += expected == null ? 0 : 1;
    }
    assertThat(named).isGreaterThan(1_000);
  }

  /** The evidence of invisible characters between Japanese letters, found by the pattern. */
  private static String byPattern(String t) {
    int count = 0;
    String word = null;
    Matcher m = MailBrokenWords.INVISIBLE.matcher(t);
    while (m.find()) {
      if (m.start() > 0
          && m.end() < t.length()
          && japanese(t.codePointBefore(m.start()))
          && japanese(t.codePointAt(m.end()))) {
        count += m.end() - m.start();
        if (word == null) {
          word = MailBrokenWords.BrokenWords.around(t, m.start(), true);
        }
      }
    }
    return count < MailBrokenWords.BROKEN_JAPANESE_WORDS
        ? null
        : count
            + " × U+200B–U+200D / U+2060–U+2064 / U+FEFF / U+00AD / U+2066–U+2069 / U+FE00–U+FE0D (\""
            + word
            + "\" …)";
  }

  private static boolean japanese(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return c == 'ー'
        || c == '々'
        || s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  /** Latin letters (ASCII, accented, full-width), digits, hyphen, dot and every invisible run. */
  private static final String LATIN_ALPHABET =
      "abZé\uFF21ア09-. \u200B\u200C\u200D\u2060\u2061\uFEFF\u00AD\u2066\u2069\uFE0F";

  private static String randomLatin(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(80);
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(LATIN_ALPHABET.length() + 3);
      if (k == LATIN_ALPHABET.length()) {
        b.appendCodePoint(
            0x10780); // a Latin letter outside the BMP (Unicode 14: Latin by a later JDK)
      } else if (k == LATIN_ALPHABET.length() + 1) {
        b.append('\uD800'); // a lone high surrogate
      } else if (k == LATIN_ALPHABET.length() + 2) {
        b.appendCodePoint(0x1D400); // a mathematical bold A: a letter, not of the Latin script
      } else {
        b.append(LATIN_ALPHABET.charAt(k));
      }
    }
    return b.toString();
  }

  @Test
  void invisibleCharactersInWordsAndNumbersAreCountedAsThePatternsFindThem() {
    Random r = new Random(30);
    int words = 0;
    int numbers = 0;
    int evidence = 0;
    for (int i = 0; i < 100_000; i++) {
      String t = randomLatin(r);
      int latin = 0;
      String word = null;
      Matcher m = MailBrokenWords.INVISIBLE_IN_WORD.matcher(t);
      while (m.find()) {
        latin += m.group().length() - 1;
        if (word == null) {
          word = MailBrokenWords.BrokenWords.around(t, m.start(), false);
        }
      }
      int inNumbers = 0;
      m = MailBrokenWords.INVISIBLE_IN_NUMBER.matcher(t);
      while (m.find()) {
        inNumbers += m.group().length();
      }
      MailBrokenWords.BrokenWords b = new MailBrokenWords.BrokenWords();
      b.read(t);
      assertThat(b.latinCounts()).as(escaped(t)).isEqualTo(latin + " " + inNumbers + " " + word);
      words += latin > 0 ? 1 : 0;
      numbers += inNumbers > 0 ? 1 : 0;
      evidence += b.latinEvidence() != null ? 1 : 0;
    }
    // the random texts reach every case: words broken, numbers broken, the evidence given
    assertThat(words).isGreaterThan(10_000);
    assertThat(numbers).isGreaterThan(5_000);
    assertThat(evidence).isGreaterThan(50);
  }

  @Test
  void everyAlternativeOfAnEverydayPatternHoldsOneOfItsNeededWords() {
    assertThat(MailEverydayWords.NEEDED).hasSize(2);
    for (Map.Entry<Pattern, List<String>> e : MailEverydayWords.NEEDED.entrySet()) {
      for (String alternative : MailRegexStarts.topLevelAlternatives(e.getKey().pattern())) {
        assertThat(e.getValue()).as(alternative).anyMatch(w -> alternative.contains(w));
      }
      assertThat(e.getKey().flags()).as("a case-sensitive pattern").isZero();
    }
  }

  @Test
  void anEverydayPatternIsSearchedOnlyWhereItsWordsAre() {
    String text = "in urgent cases call us; a gewinn für alle";
    MailPhrases.Hits hits = MailSigns.phrases(text);
    assertThat(MailEverydayWords.without(MailEverydayWords.NOT_PRESSURE, hits).text())
        .isEqualTo("   " + " ".repeat("urgent cases".length()) + " call us; a gewinn für alle");
    assertThat(MailEverydayWords.mayFind(MailEverydayWords.NOT_A_PRIZE, "urgent")).isFalse();
    MailPhrases.Hits none = MailSigns.phrases("nothing of either here");
    assertThat(MailEverydayWords.without(MailEverydayWords.NOT_A_PRIZE, none)).isSameAs(none);
  }

  private static String escaped(String t) {
    StringBuilder b = new StringBuilder();
    t.codePoints()
        .forEach(c -> b.append(c < 0x80 ? Character.toString(c) : String.format("\\u%04X", c)));
    return b.toString();
  }
}
