package jp.renkei.engine.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words broken by invisible characters (issue 19): zero-width and other invisible characters inside
 * words and numbers, and the lure words (English and Japanese) that a filter would read once
 * joined.
 */
final class MailBrokenWords {

  private MailBrokenWords() {}

  /** How many invisible characters inside a text's words make it written for filters. */
  static final int BROKEN_WORDS = 10;

  /**
   * An invisible character inside a Latin word. {@link BrokenWords#read} finds its matches by a
   * scan (the runs of these characters with a Latin letter on both sides); the pattern is what the
   * scan is tested against (MailInvisibleScanTest).
   */
  static final Pattern INVISIBLE_IN_WORD =
      Pattern.compile(
          "\\p{IsLatin}[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u2066-\\u2069]+(?=\\p{IsLatin})");

  /**
   * An invisible character inside a number (between digits, or after a digit and a hyphen or dot):
   * how mail builders keep phones and webmail from turning a date, a phone number, a postcode or an
   * address into a link ("20", U+FEFF, "25"; "1-", U+FEFF, "800"). Found by a scan in {@link
   * BrokenWords#read}, tested against the pattern.
   */
  static final Pattern INVISIBLE_IN_NUMBER =
      Pattern.compile("(?<=[0-9][-.]?)[\\u200B\\u200C\\u200D\\u2060\\uFEFF]+(?=[0-9])");

  /**
   * A text whose words are broken by invisible characters (zero-width space, non-joiner, joiner,
   * word joiner, BOM) or the bidirectional isolates (U+2066–U+2069, which change nothing in a
   * left-to-right word: a 2023 Coinbase lure put U+2069 between most letters of "Verify") between
   * Latin letters, at least {@link #BROKEN_WORDS} times ("H‌el‌lo" with U+200C): the reader sees
   * words, a filter sees none. Latin words need none of them (the non-joiner belongs to Persian and
   * Indic scripts, the joiner to emoji sequences; the soft hyphen, which German newsletters use to
   * hyphenate, is not counted). Returns the evidence, or null.
   */
  static String brokenWords(String text) {
    BrokenWords b = new BrokenWords();
    b.read(text);
    return b.latinEvidence();
  }

  /**
   * How many invisible characters between Japanese letters make a text written for filters.
   * Japanese is written without spaces and breaks lines anywhere, so none of them has a use there
   * (no word to hyphenate, no joining to control); one or two come from a pasted byte-order mark or
   * an editor, three split at least one word ("ロ", U+200B, "グ", U+200B, "イ", U+200B, "ン").
   */
  static final int BROKEN_JAPANESE_WORDS = 3;

  /**
   * {@code t} without the invisible characters {@link BrokenWords#read} takes out (counting none).
   */
  static String withoutInvisible(String t) {
    if (!hasInvisible(t) && t.indexOf('\u00AD') < 0) {
      return t;
    }
    return hasSelector(t) ? INVISIBLE.matcher(t).replaceAll("") : withoutAlwaysInvisible(t);
  }

  /**
   * The characters {@link #INVISIBLE} takes out wherever they stand (its first alternative); the
   * variation selectors U+FE00–U+FE0D it takes out only after kana.
   */
  static boolean alwaysInvisible(char c) {
    return c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || (c >= '\u2060' && c <= '\u2064')
        || c == '\uFEFF'
        || c == '\u00AD'
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** Whether a text has a variation selector U+FE00–U+FE0D. */
  private static boolean hasSelector(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '\uFE00' && c <= '\uFE0D') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code t} without its {@link #alwaysInvisible} characters: what {@link #INVISIBLE} takes out of
   * a text without variation selectors, found by one scan instead of the pattern's look-behind at
   * every character (a newsletter's preheader padding of zero-width non-joiners and its soft
   * hyphens made the pattern a quarter of such mail's analysis).
   */
  private static String withoutAlwaysInvisible(String t) {
    StringBuilder out = new StringBuilder(t.length());
    int from = 0;
    for (int i = 0; i < t.length(); i++) {
      if (alwaysInvisible(t.charAt(i))) {
        out.append(t, from, i);
        from = i + 1;
      }
    }
    return out.append(t, from, t.length()).toString();
  }

  /**
   * The invisible characters taken out of the text the wording rules read; with them the invisible
   * mathematical operators (U+2061–U+2064: function application, invisible times, separator and
   * plus, which belong to formulas, not to prose) and the variation selectors U+FE00–U+FE0D after
   * kana, which select no form of a kana (a 2024 メルカリ lure put U+FE09 and U+2064 inside "アカウント" and
   * "お知らせ"; kanji take their variants from the ideographic selectors, emoji from U+FE0F, neither of
   * which is taken out).
   */
  static final Pattern INVISIBLE =
      Pattern.compile(
          "(?:[\\u200B\\u200C\\u200D\\u2060-\\u2064\\uFEFF\\u00AD\\u2066-\\u2069]"
              + "|(?<=[\\p{IsHiragana}\\p{IsKatakana}ー][\\u200B-\\u200D\\u2060-\\u2064\\uFE00-\\uFE0D]{0,8})"
              + "[\\uFE00-\\uFE0D])+");

  /**
   * The invisible characters inside the words of a text, counted piece by piece as the text is read
   * (subject, parts, attached messages): inside Latin words as {@link #brokenWords}, and between
   * Japanese letters (kanji, kana, the long-vowel mark), where the soft hyphen counts as well.
   */
  static final class BrokenWords {
    private int latin;
    private int numbers;
    private String latinWord;
    private int japanese;
    private String japaneseWord;

    /**
     * Counts the invisible characters inside the words of {@code t} and returns {@code t} without
     * them (zero-width characters, word joiner, byte-order mark, soft hyphen, bidirectional
     * isolates), which is what the reader sees and what the wording rules should read: "パ", U+200B,
     * "ス", U+200B, "ワ", U+200B, "ー", U+200B, "ド" is the word パスワード.
     */
    String read(String t) {
      if (!hasInvisible(t) && t.indexOf('\u00AD') < 0) {
        return t;
      }
      inWordsAndNumbers(t);
      if (!hasSelector(t)) {
        // INVISIBLE's runs are then the runs of alwaysInvisible characters
        for (int start = 0; start < t.length(); start++) {
          if (alwaysInvisible(t.charAt(start))) {
            int end = start + 1;
            while (end < t.length() && alwaysInvisible(t.charAt(end))) {
              end++;
            }
            between(t, start, end);
            start = end;
          }
        }
        return withoutAlwaysInvisible(t);
      }
      Matcher m = INVISIBLE.matcher(t);
      while (m.find()) {
        between(t, m.start(), m.end());
      }
      return m.reset().replaceAll("");
    }

    /**
     * Counts what {@link MailBrokenWords#INVISIBLE_IN_WORD} and {@link
     * MailBrokenWords#INVISIBLE_IN_NUMBER} find, by one scan of the runs of their characters
     * instead of the patterns' script test at every character. A match of either is a whole run
     * (its characters are not letters nor digits, so a shorter run is followed by one of them and
     * fails the look-ahead): a run of {@link #inWord} characters after a Latin letter and before
     * one counts the run and the letter's chars but one (the pattern's match holds the letter); a
     * run of {@link #inNumber} characters after a digit (or a digit and a hyphen or dot) and before
     * a digit counts the run.
     */
    private void inWordsAndNumbers(String t) {
      int n = t.length();
      for (int s = 0; s < n; s++) {
        if (!inWord(t.charAt(s))) {
          continue;
        }
        int e = s + 1;
        while (e < n && inWord(t.charAt(e))) {
          e++;
        }
        if (s > 0 && e < n && latin(t.codePointBefore(s)) && latin(t.codePointAt(e))) {
          int letter = Character.charCount(t.codePointBefore(s));
          latin += e - s + letter - 1;
          if (latinWord == null) {
            latinWord = around(t, s - letter, false);
          }
        }
        s = e;
      }
      for (int s = 0; s < n; s++) {
        if (!inNumber(t.charAt(s))) {
          continue;
        }
        int e = s + 1;
        while (e < n && inNumber(t.charAt(e))) {
          e++;
        }
        if (e < n && digit(t.charAt(e)) && s > 0) {
          char before = t.charAt(s - 1);
          if (digit(before)
              || (before == '-' || before == '.') && s > 1 && digit(t.charAt(s - 2))) {
            numbers += e - s;
          }
        }
        s = e;
      }
    }

    /** The characters of {@link MailBrokenWords#INVISIBLE_IN_WORD}'s run. */
    private static boolean inWord(char c) {
      return c == '\u200B'
          || c == '\u200C'
          || c == '\u200D'
          || c == '\u2060'
          || c == '\uFEFF'
          || (c >= '\u2066' && c <= '\u2069');
    }

    /** The characters of {@link MailBrokenWords#INVISIBLE_IN_NUMBER}'s run. */
    private static boolean inNumber(char c) {
      return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean digit(char c) {
      return c >= '0' && c <= '9';
    }

    /** {@code \p{IsLatin}}: a code point of the Latin script. */
    private static boolean latin(int c) {
      if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      }
      return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /**
     * Counts the invisible run from {@code start} to {@code end} when Japanese letters are on both
     * sides.
     */
    private void between(String t, int start, int end) {
      if (start > 0
          && end < t.length()
          && japanese(t.codePointBefore(start))
          && japanese(t.codePointAt(end))) {
        japanese += end - start;
        if (japaneseWord == null) {
          japaneseWord = around(t, start, true);
        }
      }
    }

    /**
     * The counts so far inside Latin words and inside numbers, and the first Latin word (tests).
     */
    String latinCounts() {
      return latin + " " + numbers + " " + latinWord;
    }

    /** The evidence (the same in both languages: counts, code points and the word), or null. */
    String evidence() {
      String latinEvidence = latinEvidence();
      if (latinEvidence != null || japanese < BROKEN_JAPANESE_WORDS) {
        return latinEvidence;
      }
      return japanese
          + " × U+200B–U+200D / U+2060–U+2064 / U+FEFF / U+00AD / U+2066–U+2069 / U+FE00–U+FE0D (\""
          + japaneseWord
          + "\" …)";
    }

    /**
     * The evidence of invisible characters inside Latin words alone, or null; null too when the
     * text breaks numbers at least half as often as words (INVISIBLE_IN_NUMBER): a mail builder
     * guarding dates, phone numbers and the sender's address and domain against auto-linking, not a
     * lure hiding its words.
     */
    String latinEvidence() {
      return latin < BROKEN_WORDS || numbers * 2 >= latin
          ? null
          : latin + " × U+200B–U+200D / U+2060 / U+FEFF / U+2066–U+2069 (\"" + latinWord + "\" …)";
    }

    /**
     * The word around position {@code at}, without its invisible characters: for a Latin word from
     * {@code at} to the next space (at most 60 characters), for a Japanese one the run of Japanese
     * letters around it (at most 20 characters either side).
     */
    static String around(String t, int at, boolean japanese) {
      int start = at;
      int end = at;
      if (japanese) {
        while (start > 0 && at - start < 20 && inJapaneseWord(t.charAt(start - 1))) {
          start--;
        }
        while (end < t.length() && end - at < 20 && inJapaneseWord(t.charAt(end))) {
          end++;
        }
      } else {
        while (end < t.length() && end - at < 60 && !Character.isWhitespace(t.charAt(end))) {
          end++;
        }
      }
      return INVISIBLE.matcher(t.substring(start, end)).replaceAll("");
    }

    private static boolean inJapaneseWord(char c) {
      return japanese(c) || INVISIBLE.matcher(String.valueOf(c)).matches();
    }

    private static boolean japanese(int c) {
      if (c == 'ー' || c == '々') {
        return true;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(c);
      return s == Character.UnicodeScript.HAN
          || s == Character.UnicodeScript.HIRAGANA
          || s == Character.UnicodeScript.KATAKANA;
    }
  }

  /** Whether a text has one of the characters {@link #INVISIBLE_IN_WORD} looks for. */
  private static boolean hasInvisible(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u200B'
          || c == '\u200C'
          || c == '\u200D'
          || (c >= '\u2060' && c <= '\u2064')
          || c == '\uFEFF'
          || (c >= '\u2066' && c <= '\u2069')
          || (c >= '\uFE00' && c <= '\uFE0D')) {
        return true;
      }
    }
    return false;
  }
}
