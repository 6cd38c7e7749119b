package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
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

  /** The words of lures (stems), as they read once the spaces are taken out. */
  private static final Pattern LURE =
      Pattern.compile(
          "verif|account|approv|mortgage|refinanc|password|paypal|ebay|bank|updat|confirm"
              + "|suspen|credit|securit|login|signin|loan|casino|bitcoin|wallet|invoice");

  /** At most this many characters of text are read (the spaced-out words of lures come early). */
  static final int MAX_READ = 200_000;

  /**
   * The first run of spaced-out letters that hides a lure word, as written, or null. A run is three
   * or more pieces of one to three letters, or two and then one of four, spaces (or no-break
   * spaces) between, not inside a longer word. It is read piece by piece in one pass: as a pattern,
   * {@code (?:\\p{L}{1,3}[ ]+){2,}\\p{L}{1,4}}, each piece took a level of the stack, and a text of
   * some ten thousand one-letter pieces overflowed it.
   */
  static String find(CharSequence text) {
    CharSequence t = text.length() > MAX_READ ? text.subSequence(0, MAX_READ) : text;
    int n = t.length();
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < n; ) {
      int c = Character.codePointAt(t, i);
      if (!Character.isLetter(c) || (i > 0 && letterOrNumber(Character.codePointBefore(t, i)))) {
        i += Character.charCount(c);
        continue;
      }
      pieces.clear();
      int end = run(t, i, pieces);
      if (end < 0) {
        i += Character.charCount(c);
        continue;
      }
      i = end;
      String found = hidden(pieces.toArray(String[]::new));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * The run of pieces that starts at {@code start} (a letter not inside a word), its pieces added
   * to {@code pieces}, and where it ends; -1 when there is none.
   */
  private static int run(CharSequence t, int start, List<String> pieces) {
    int n = t.length();
    int at = start;
    int lastPieceEnd = -1;
    while (true) {
      int w = at;
      int letters = 0;
      while (w < n && Character.isLetter(Character.codePointAt(t, w))) {
        w += Character.charCount(Character.codePointAt(t, w));
        letters++;
      }
      if (letters <= 3 && w < n && space(t.charAt(w))) {
        pieces.add(t.subSequence(at, w).toString());
        lastPieceEnd = w;
        at = w;
        while (at < n && space(t.charAt(at))) {
          at++;
        }
        if (at < n && Character.isLetter(Character.codePointAt(t, at))) {
          continue;
        }
      } else if (letters <= 4
          && pieces.size() >= 2
          && (w >= n || !letterOrNumber(Character.codePointAt(t, w)))) {
        pieces.add(t.subSequence(at, w).toString());
        return w;
      }
      // the last piece of one to three letters ends the run
      return pieces.size() >= 3 ? lastPieceEnd : -1;
    }
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\u00A0';
  }

  /** What {@code [\\p{L}\\p{N}]} matches. */
  private static boolean letterOrNumber(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** The spaced-out lure word the run's pieces hide, or null. */
  private static String hidden(String[] pieces) {
    int single = 0;
    for (String p : pieces) {
      single += p.length() == 1 ? 1 : 0;
    }
    if (single < 2) {
      return null;
    }
    String written = String.join(" ", pieces).toLowerCase(Locale.ROOT);
    Matcher lure = LURE.matcher(String.join("", pieces).toLowerCase(Locale.ROOT));
    if (lure.find() && !LURE.matcher(written).find()) {
      return covering(pieces, lure.start(), lure.end());
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
