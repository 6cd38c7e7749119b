package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A lure word written with spaces between its letters (issue 19, mail19b). The messages are written
 * for this test.
 */
class MailSpacedWordsTest {

  @Test
  void aSpacedOutLureWordIsObfuscatedText() {
    String eml =
        "From: \"Loan Desk\" <desk@offers-example.net>\r\nTo: someone@example.org\r\n"
            + "Subject: Your application\r\nContent-Type: text/html; charset=US-ASCII\r\n\r\n"
            + "<html><body><p>We could not a p prove your mor tga g e at 3.5 %.</p>"
            + "<p>Please <a href=\"http://offers-example.net/form\">send your details</a>.</p>"
            + "</body></html>\r\n";
    MailReport r =
        new MailAnalyzer()
            .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.OBFUSCATED_TEXT);
              assertThat(f.evidence()).isEqualTo("letters spaced out: \"mor tga g e\"");
              assertThat(f.evidence(false)).isEqualTo("文字の間に空白: \"mor tga g e\"");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void findsTheRunAsWrittenWithSpacesOrNoBreakSpaces() {
    assertThat(MailSpacedWords.find("please v e r i f y your details")).isEqualTo("v e r i f y");
    assertThat(MailSpacedWords.find("your p\u00A0a\u00A0y\u00A0p\u00A0a\u00A0l account"))
        .isEqualTo("p a y p a l");
  }

  @Test
  void spacedLettersWithoutAHiddenLureWordAreNotASign() {
    for (String text :
        new String[] {
          "the I T team in the U S A will call",
          "a b c d e f g",
          "is it a bank or a loan", // the words are there unbroken
          "the account is at a b a n", // no lure word hidden
          "",
          "x"
        }) {
      assertThat(MailSpacedWords.find(text)).as(text).isNull();
    }
  }

  /**
   * Spaced-out letters far past any word: a text of 100,000 one-letter pieces (200 KB, what {@link
   * MailSpacedWords#MAX_READ} reads) overflowed the stack of the pattern's repetition, and the
   * analysis failed with a StackOverflowError instead of a report. A run is now read a bounded
   * number of pieces at a time; a lure word spaced out inside such a run is still found.
   */
  @Test
  void aRunOfSpacedLettersLongerThanAnyWordIsReadWithoutOverflowingTheStack() {
    String run = "a ".repeat(100_000);
    assertThat(MailSpacedWords.find(run)).isNull();
    assertThat(MailSpacedWords.find(run + "v e r i f y now")).isNull(); // past what is read
    assertThat(MailSpacedWords.find("a ".repeat(50_000) + "v e r i f y now"))
        .isEqualTo("v e r i f y");
    String eml =
        "From: a@example.com\r\nTo: b@example.jp\r\nSubject: letters\r\n\r\n"
            + "see https://text.example/read\r\n"
            + run
            + "\r\n";
    MailReport r =
        new MailAnalyzer()
            .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)));
    assertThat(r.links()).extracting(MailReport.Link::url).contains("https://text.example/read");
  }

  /** The pattern the runs were found with before (its repetition recursed once per piece). */
  private static final java.util.regex.Pattern RUN_AS_BEFORE =
      java.util.regex.Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:\\p{L}{1,3}[ \\u00A0]+){2,}\\p{L}{1,4}(?![\\p{L}\\p{N}])");

  private static final java.util.regex.Pattern LURE_AS_BEFORE =
      java.util.regex.Pattern.compile(
          "verif|account|approv|mortgage|refinanc|password|paypal|ebay|bank|updat|confirm"
              + "|suspen|credit|securit|login|signin|loan|casino|bitcoin|wallet|invoice");

  private static String findAsBefore(String t) {
    java.util.regex.Matcher m = RUN_AS_BEFORE.matcher(t);
    while (m.find()) {
      String[] pieces = m.group().trim().split("[ \\u00A0]+");
      int single = 0;
      for (String p : pieces) {
        single += p.length() == 1 ? 1 : 0;
      }
      String joined = String.join("", pieces).toLowerCase(java.util.Locale.ROOT);
      if (single >= 2
          && LURE_AS_BEFORE.matcher(joined).find()
          && !LURE_AS_BEFORE
              .matcher(String.join(" ", pieces).toLowerCase(java.util.Locale.ROOT))
              .find()) {
        return "found";
      }
    }
    return null;
  }

  /**
   * The one-pass reading finds a hidden lure word exactly where the pattern did, on random texts of
   * lure letters, other letters, digits, marks and both spaces. (Not letters outside the BMP: the
   * pattern's look-behind saw only the low surrogate before a letter, and took "𝐀e ba y" for a run
   * starting at "e"; a letter is a letter now.)
   */
  @Test
  void theOnePassReadingFindsWhatThePatternFound() {
    String[] bits = {
      "v", "e", "r", "i", "f", "y", "ba", "nk", "lo", "an", "abcd", "abcde", "x", "1", ".", " ",
      " ", "\u00A0", "é", "日", "\u0301", "ver", "ify", "\u2160", "v ", "e ", "r ", "i ", "f ", "y ",
      "b a ", "n k "
    };
    java.util.Random random = new java.util.Random(20);
    int found = 0;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + random.nextInt(40);
      for (int j = 0; j < len; j++) {
        b.append(bits[random.nextInt(bits.length)]);
      }
      String t = b.toString();
      String before = findAsBefore(t);
      String now = MailSpacedWords.find(t);
      assertThat(now == null ? null : "found").as(t).isEqualTo(before);
      found += before == null ? 0 : 1;
    }
    assertThat(found).as("texts with a hidden lure word").isGreaterThan(1_000);
  }
}
