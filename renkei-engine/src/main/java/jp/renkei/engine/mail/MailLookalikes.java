package jp.renkei.engine.mail;

import jp.renkei.engine.text.Confusables;

/**
 * Words written in other scripts' look-alike letters, read as the Latin words they show (recall34):
 * "Ꮮеdgеr" with a Cherokee Ꮮ and Cyrillic е, "Аррӏе" in Cyrillic letters only, "ᑕloud" with a
 * Canadian syllabic ᑕ, "amܿazoܿn" with a Syriac mark on Latin letters. The reader sees a brand; a
 * filter matching letters sees none. The obfuscation itself is a sign ({@link
 * MailRandomNames#mixedScriptWord}); this class lets the brand and wording signs read the word as
 * its reader does.
 *
 * <p>Only a word (a run between white space) that holds a Latin letter and a look-alike letter of
 * another script, or a Latin letter carrying another script's mark, is rewritten, and a word made
 * of look-alikes only unless a word of that script's own prose stands next to it: a Russian, Greek,
 * Armenian or Inuktitut word among words of its own script is left as it is. Each look-alike is
 * read as the Latin letter {@link Confusables} gives (the table name skeletons use too).
 */
final class MailLookalikes {

  private MailLookalikes() {}

  /**
   * Whether {@code s} may hold a look-alike or a foreign mark: a character from Greek (U+0370) to
   * the end of Canadian syllabics (U+167F), where every script of {@link Confusables} and the marks
   * that matter lie. Text without one (most mail) is returned by {@link #read} after this one scan.
   */
  static boolean mayHold(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= Confusables.FIRST && c <= Confusables.LAST) {
        return true;
      }
    }
    return false;
  }

  /** A word holding a Latin letter and no look-alike or foreign mark. */
  private static final int LATIN_WORD = 1;

  /** A word holding a Latin letter and a look-alike or a foreign mark: read. */
  private static final int MIXED_WORD = 2;

  /**
   * A word of two or more letters, every one a look-alike ("Аррӏе"): read unless a word before or
   * after it is written in the look-alikes' scripts with letters that look like no Latin one (a
   * word of Russian or Greek prose, {@link #FOREIGN_WORD}), as a brand name in an English or
   * Japanese sentence is.
   */
  private static final int LOOKALIKE_WORD = 3;

  /**
   * A word with a letter of Cyrillic, Greek, Armenian, Cherokee or Canadian syllabics that looks
   * like no Latin letter ("приложение"): the text is written in that script.
   */
  private static final int FOREIGN_WORD = 4;

  /** {@code s} with its mixed words read as the Latin words they show; {@code s} when none. */
  static String read(String s) {
    if (!mayHold(s)) {
      return s;
    }
    java.util.List<int[]> words = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || Character.isWhitespace(s.charAt(i))) {
        if (i > start) {
          words.add(new int[] {start, i, kind(s, start, i)});
        }
        start = i + 1;
      }
    }
    StringBuilder out = null;
    int copied = 0;
    for (int w = 0; w < words.size(); w++) {
      int[] word = words.get(w);
      boolean read =
          word[2] == MIXED_WORD
              || (word[2] == LOOKALIKE_WORD
                  && !(w > 0 && words.get(w - 1)[2] == FOREIGN_WORD)
                  && !(w + 1 < words.size() && words.get(w + 1)[2] == FOREIGN_WORD));
      if (!read) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, word[0]);
      for (int j = word[0]; j < word[1]; j++) {
        char c = s.charAt(j);
        char latin = Confusables.latin(c);
        if (latin != 0) {
          out.append(latin);
        } else if (!foreignMark(s, j)) {
          out.append(c);
        }
      }
      copied = word[1];
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** What kind of word {@code s[from, to)} is: one of the constants above, or 0. */
  private static int kind(String s, int from, int to) {
    boolean latin = false;
    boolean other = false;
    boolean foreign = false;
    int letters = 0;
    int lookalikes = 0;
    for (int j = from; j < to; j++) {
      char c = s.charAt(j);
      if (c < 0x80) {
        // ASCII: a Latin letter or no letter; no look-alike or mark is ASCII (speed35: most of a
        // text's characters, asked here without the table's look-up)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          letters++;
          latin = true;
        }
        continue;
      }
      if (Confusables.latin(c) != 0) {
        other = true;
        lookalikes++;
        letters++;
      } else if (foreignMark(s, j)) {
        other = true;
      } else if (Character.isLetter(c)) {
        letters++;
        Character.UnicodeScript sc = Character.UnicodeScript.of(c);
        latin |= sc == Character.UnicodeScript.LATIN;
        foreign |= lookalikeScript(sc);
      }
    }
    if (latin) {
      return other ? MIXED_WORD : LATIN_WORD;
    }
    if (foreign) {
      return FOREIGN_WORD;
    }
    return letters >= 2 && lookalikes == letters ? LOOKALIKE_WORD : 0;
  }

  /**
   * The scripts of the table's look-alikes ({@link MailRandomNames#mixedScriptWord} reads them
   * too).
   */
  static boolean lookalikeScript(Character.UnicodeScript sc) {
    return sc == Character.UnicodeScript.CYRILLIC
        || sc == Character.UnicodeScript.GREEK
        || sc == Character.UnicodeScript.ARMENIAN
        || sc == Character.UnicodeScript.CHEROKEE
        || sc == Character.UnicodeScript.CANADIAN_ABORIGINAL;
  }

  /**
   * Whether {@code s.charAt(i)} is a mark of another script set on a Latin letter ({@link
   * MailRandomNames#foreignMarkWord}): Latin's own accents are script INHERITED and not counted,
   * nor are the marks of Thai, Arabic or Devanagari words, which sit on their own script's letters.
   */
  static boolean foreignMark(CharSequence s, int i) {
    char c = s.charAt(i);
    if (i == 0
        || c < '\u0483'
        || Character.getType(c) != Character.NON_SPACING_MARK
        || !Character.isLetter(s.charAt(i - 1))
        || Character.UnicodeScript.of(s.charAt(i - 1)) != Character.UnicodeScript.LATIN) {
      return false;
    }
    Character.UnicodeScript sc = Character.UnicodeScript.of(c);
    return sc != Character.UnicodeScript.INHERITED
        && sc != Character.UnicodeScript.COMMON
        && sc != Character.UnicodeScript.LATIN;
  }
}
