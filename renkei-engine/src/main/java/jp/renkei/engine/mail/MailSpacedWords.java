package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lure word written with spaces between its letters ("v e r i f y", "mor tga g e", "P a y P a
 * l"), so that a filter reading words does not find it while a reader still does (OBFUSCATED_TEXT).
 * Only the words of lures count (accounts, passwords, banks and payment brands, loans, approval),
 * and only when the word is not also there unbroken in the same run: people space out letters for
 * emphasis ("I T team", "U S A"), not in the middle of "account".
 */
final class MailSpacedWords {

  private MailSpacedWords() {}

  /** Three or more pieces of one to three letters, then one of up to four, spaces between. */
  private static final Pattern RUN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:\\p{L}{1,3}[ \\u00A0]+){2,}\\p{L}{1,4}(?![\\p{L}\\p{N}])");

  /** The words of lures (stems), as they read once the spaces are taken out. */
  private static final Pattern LURE =
      Pattern.compile(
          "verif|account|approv|mortgage|refinanc|password|paypal|ebay|bank|updat|confirm"
              + "|suspen|credit|securit|login|signin|loan|casino|bitcoin|wallet|invoice");

  /** At most this many characters of text are read (the spaced-out words of lures come early). */
  static final int MAX_READ = 200_000;

  /** The first run of spaced-out letters that hides a lure word, as written, or null. */
  static String find(CharSequence text) {
    CharSequence t = text.length() > MAX_READ ? text.subSequence(0, MAX_READ) : text;
    Matcher m = RUN.matcher(t);
    while (m.find()) {
      String run = m.group();
      String[] pieces = run.trim().split("[ \\u00A0]+");
      int single = 0;
      for (String p : pieces) {
        single += p.length() == 1 ? 1 : 0;
      }
      if (single < 2) {
        continue;
      }
      String written = String.join(" ", pieces).toLowerCase(Locale.ROOT);
      Matcher lure = LURE.matcher(String.join("", pieces).toLowerCase(Locale.ROOT));
      if (lure.find() && !LURE.matcher(written).find()) {
        return covering(pieces, lure.start(), lure.end());
      }
    }
    return null;
  }

  /**
   * The pieces that hold the letters from {@code start} to {@code end} of the joined run, and the
   * single letters right after them (the rest of the word the stem begins: "v e r i f y").
   */
  private static String covering(String[] pieces, int start, int end) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (String p : pieces) {
      if ((at < end && at + p.length() > start)
          || (at >= end && !out.isEmpty() && p.length() == 1)) {
        out.append(out.isEmpty() ? "" : " ").append(p.toLowerCase(Locale.ROOT));
      } else if (at >= end) {
        break;
      }
      at += p.length();
    }
    return out.length() > 60 ? out.substring(0, 60) + "…" : out.toString();
  }
}
