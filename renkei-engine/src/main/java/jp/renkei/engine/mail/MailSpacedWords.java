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

  /**
   * Three or more pieces of one to three letters, then one of up to four, spaces between: what
   * {@link #nextRun} finds (kept to check it against).
   */
  static final Pattern RUN =
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
    int n = Math.min(text.length(), MAX_READ);
    long[] run = new long[1];
    for (int from = 0; (from = nextRun(text, n, from, run)) >= 0; ) {
      if ((int) run[0] < 2) {
        continue;
      }
      String[] pieces =
          text.subSequence((int) (run[0] >>> 32), from).toString().split("[ \\u00A0]+");
      String written = String.join(" ", pieces).toLowerCase(Locale.ROOT);
      Matcher lure = LURE.matcher(String.join("", pieces).toLowerCase(Locale.ROOT));
      if (lure.find() && !LURE.matcher(written).find()) {
        return covering(pieces, lure.start(), lure.end());
      }
    }
    return null;
  }

  /**
   * The next match of {@link #RUN} in the first {@code n} characters of {@code t} at or after
   * {@code from}, as {@code find()} finds it: its end is returned (-1 when there is none), its
   * start and the number of its pieces one character long left in {@code run[0]} ({@code start <<
   * 32 | singles}). Without the pattern's backtracking at every character: a match starts at a
   * letter with no letter or digit before it, goes on through pieces of one to three letters each
   * followed by spaces (all of them), and ends with the piece after the last of those when that one
   * is one to four letters with no letter or digit after it; else, when there were three pieces or
   * more, with the last of them (its letters, not its spaces).
   */
  static int nextRun(CharSequence t, int n, int from, long[] run) {
    for (int s = from; s < n; s++) {
      if (!isLetter(t, n, s) || (s > 0 && isLetterOrDigit(t.charAt(s - 1)))) {
        continue;
      }
      int pieces = 0;
      int singles = 0;
      int lastEnd = s;
      int p = s;
      while (true) {
        int e = p;
        int letters = 0;
        while (letters < 5 && isLetter(t, n, e)) {
          e += Character.charCount(codePointAt(t, n, e));
          letters++;
        }
        int after = e;
        while (after < n && (t.charAt(after) == ' ' || t.charAt(after) == '\u00A0')) {
          after++;
        }
        boolean single = e - p == 1;
        if (letters >= 1 && letters <= 3 && after > e) {
          pieces++;
          singles += single ? 1 : 0;
          lastEnd = e;
          p = after;
          continue;
        }
        if (pieces >= 2
            && letters >= 1
            && letters <= 4
            && (e >= n || !isLetterOrDigit(codePointAt(t, n, e)))) {
          run[0] = (long) s << 32 | (singles + (single ? 1 : 0));
          return e;
        }
        if (pieces >= 3) {
          run[0] = (long) s << 32 | singles;
          return lastEnd;
        }
        break;
      }
    }
    return -1;
  }

  private static boolean isLetter(CharSequence t, int n, int i) {
    if (i >= n) {
      return false;
    }
    char c = t.charAt(i);
    if (c < 0x80) {
      return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    return Character.isLetter(codePointAt(t, n, i));
  }

  /** The code point at {@code i}, as the pattern reads it in the first {@code n} characters. */
  private static int codePointAt(CharSequence t, int n, int i) {
    char c = t.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(t.charAt(i + 1))) {
      return Character.toCodePoint(c, t.charAt(i + 1));
    }
    return c;
  }

  /** What {@code [\\p{L}\\p{N}]} matches. */
  private static boolean isLetterOrDigit(int c) {
    if (c < 0x80) {
      return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    }
    return MailRandomNames.letterOrNumber(c);
  }

  /**
   * The pieces that hold the letters from {@code start} to {@code end} of the joined run, and the
   * single letters right after them (the rest of the word the stem begins: "v e r i f y").
   */
  static String covering(String[] pieces, int start, int end) {
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
    return jp.renkei.engine.text.Names.cut(out.toString(), 60);
  }
}
