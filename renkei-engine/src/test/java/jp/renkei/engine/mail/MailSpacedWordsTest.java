package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final String[] PIECES = {
    "v",
    "e",
    "r",
    "i",
    "f",
    "y",
    "ri",
    "fy",
    "pa",
    "yp",
    "al",
    "ban",
    "k",
    "acc",
    "ount",
    "ver",
    "account",
    "bank",
    "loan",
    "a",
    "x",
    "Ab",
    "USA",
    "mor",
    "tga",
    "g",
    "ebay",
    "log",
    "in",
    "7",
    "3d",
    "é",
    "\u00e9t\u00e9",
    "\u3042",
    "\u3042\u3044",
    "\ud835\udc00",
    "\ud835\udc00b",
    "\ud835",
    "\udc00",
    "\u0301",
    "\u0663",
    "\u216b",
    "\u00b2",
    "-",
    ".",
    "'",
    "_"
  };

  private static final String[] GAPS = {" ", "  ", "\u00A0", " \u00A0 ", "", "\t", "\n", ", ", "."};

  private static final String[] LURES = {"verify", "paypal", "account", "mortgage", "bank", "loan"};

  private static String random(Random r) {
    StringBuilder b = new StringBuilder();
    for (int k = r.nextInt(14); k > 0; k--) {
      if (r.nextInt(6) == 0) {
        // a lure word cut into pieces of one to three letters
        String w = LURES[r.nextInt(LURES.length)];
        for (int at = 0; at < w.length(); ) {
          int to = Math.min(w.length(), at + 1 + r.nextInt(r.nextBoolean() ? 1 : 3));
          b.append(w, at, to).append(to < w.length() ? GAPS[r.nextInt(3)] : "");
          at = to;
        }
      }
      b.append(PIECES[r.nextInt(PIECES.length)]);
      b.append(GAPS[r.nextInt(r.nextInt(4) == 0 ? GAPS.length : 4)]);
    }
    return b.toString();
  }

  /** find as it was written over the pattern, before the scan replaced the pattern's search. */
  private static String findByPattern(CharSequence text) {
    CharSequence t =
        text.length() > MailSpacedWords.MAX_READ
            ? text.subSequence(0, MailSpacedWords.MAX_READ)
            : text;
    Pattern lurePattern =
        Pattern.compile(
            "verif|account|approv|mortgage|refinanc|password|paypal|ebay|bank|updat|confirm"
                + "|suspen|credit|securit|login|signin|loan|casino|bitcoin|wallet|invoice");
    Matcher m = MailSpacedWords.RUN.matcher(t);
    while (m.find()) {
      String[] pieces = m.group().trim().split("[ \\u00A0]+");
      int single = 0;
      for (String p : pieces) {
        single += p.length() == 1 ? 1 : 0;
      }
      if (single < 2) {
        continue;
      }
      Matcher lure = lurePattern.matcher(String.join("", pieces).toLowerCase(Locale.ROOT));
      if (lure.find()
          && !lurePattern.matcher(String.join(" ", pieces).toLowerCase(Locale.ROOT)).find()) {
        return MailSpacedWords.covering(pieces, lure.start(), lure.end());
      }
    }
    return null;
  }

  @Test
  void theScanFindsEveryRunThePatternFindsAndNoOther() {
    Random r = new Random(2020);
    long[] run = new long[1];
    int matches = 0;
    int cut = 0;
    for (int i = 0; i < 300_000; i++) {
      String s = random(r);
      int n = r.nextInt(8) == 0 && !s.isEmpty() ? r.nextInt(s.length()) : s.length();
      cut += n < s.length() ? 1 : 0;
      Matcher m = MailSpacedWords.RUN.matcher(s.subSequence(0, n));
      int from = 0;
      while (true) {
        boolean found = m.find();
        from = MailSpacedWords.nextRun(s, n, from, run);
        assertThat(from >= 0).as("%s (first %d)", s, n).isEqualTo(found);
        if (!found) {
          break;
        }
        matches++;
        assertThat((int) (run[0] >>> 32)).as(s).isEqualTo(m.start());
        assertThat(from).as(s).isEqualTo(m.end());
        int single = 0;
        for (String p : m.group().trim().split("[ \\u00A0]+")) {
          single += p.length() == 1 ? 1 : 0;
        }
        assertThat((int) run[0]).as(s).isEqualTo(single);
      }
    }
    assertThat(matches).isGreaterThan(100_000);
    assertThat(cut).isGreaterThan(10_000);
  }

  @Test
  void findsWhatThePatternFound() {
    Random r = new Random(2021);
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = random(r);
      String old = findByPattern(s);
      String now = MailSpacedWords.find(new StringBuilder(s));
      found += now == null ? 0 : 1;
      assertThat(now).as(s).isEqualTo(old);
    }
    assertThat(found).isGreaterThan(1_000);
  }
}
