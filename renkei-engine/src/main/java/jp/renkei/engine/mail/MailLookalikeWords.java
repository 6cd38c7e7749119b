package jp.renkei.engine.mail;

import jp.renkei.engine.text.Confusables;

/**
 * A word of the text written with another script's look-alike letters among its Latin ones (naz38,
 * {@link RedFlag#OBFUSCATED_TEXT}): "Gоod" and "accоunt" with a Cyrillic о, "Αviatiοn" with Greek Α
 * and ο. The reader sees an English word; a filter matching letters sees none, which is the only
 * reason to type it so. The subject and the sender name were read for such words before ({@link
 * MailRandomNames#mixedScriptWord}); the text was read only for another script's marks.
 *
 * <p>Counted: a run of letters with at least {@link #MIN_LATIN} Latin letters and at least one
 * look-alike of {@link Confusables}, {@link #MIN_LETTERS} letters in all, and no other letter of
 * another script. A word holding a letter that looks like no Latin one is not counted: that is
 * Russian or Greek prose with a Latin letter typed into it, or UTF-8 read in the wrong charset
 * ("BГјnde" for "Bünde"), neither of them written to deceive. Greek letters as units or symbols
 * ("μs", "kΩ") are no look-alikes of the table, and stand beside one Latin letter at most.
 */
final class MailLookalikeWords {

  private MailLookalikeWords() {}

  /** Latin letters a counted word holds at least. */
  static final int MIN_LATIN = 2;

  /** Letters a counted word holds at least. */
  static final int MIN_LETTERS = 4;

  /**
   * The first word of {@code s} mixing Latin letters with look-alikes as counted above, or null.
   * Text without a character of the table's range is answered after one scan.
   */
  static String disguised(CharSequence s) {
    if (s == null || !MailLookalikes.mayHold(s)) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int latin = 0;
      int lookalike = 0;
      int other = 0;
      while (i < n && Character.isLetter(s.charAt(i))) {
        char c = s.charAt(i);
        if (c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin++;
        } else if (Confusables.latin(c) != 0) {
          lookalike++;
        } else {
          other++;
        }
        i++;
      }
      if (lookalike > 0 && other == 0 && latin >= MIN_LATIN && latin + lookalike >= MIN_LETTERS) {
        return s.subSequence(start, i).toString();
      }
    }
    return null;
  }

  /**
   * Flags the text's first such word ({@link MailState#lookalikeWord}) unless an earlier finding
   * already names it (the subject's word, a brand read through it).
   */
  static void judge(MailState st, boolean senderAllowed) {
    String word = st.lookalikeWord;
    if (senderAllowed || word == null) {
      return;
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (st.findings.stream()
        .anyMatch(
            f ->
                f.flag() == RedFlag.OBFUSCATED_TEXT
                    && f.evidence().toLowerCase(java.util.Locale.ROOT).contains(lower))) {
      return;
    }
    st.flag(
        RedFlag.OBFUSCATED_TEXT,
        "look-alike letters inside a word of the text: "
            + word
            + " ← "
            + MailImpersonation.scripts(word, false),
        "本文の単語に他の文字体系の似た文字: " + word + " ← " + MailImpersonation.scripts(word, true));
  }
}
