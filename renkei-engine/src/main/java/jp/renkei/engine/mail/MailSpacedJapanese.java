package jp.renkei.engine.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese lure word written with a space between each of its letters in the middle of a sentence
 * ("三 井 住 友 カ ー ドをご利用", "以下 の リ ン ク をクリ ッ ク し て"), so that a filter reading the phrase does not
 * find it while a reader still does (OBFUSCATED_TEXT). Japanese is written without spaces between
 * words; letter-spaced headings ("■ お 知 ら せ ■") and names ("山 田 太 郎") stand on their own between
 * spaces or marks. A spaced run glued on either side to the letters of the sentence around it is no
 * heading: the sentence goes on through it. Only runs that hide a lure word or a brand of {@link
 * MailBrands#BRANDS} count.
 */
final class MailSpacedJapanese {

  private MailSpacedJapanese() {}

  /** A kana, the long-vowel mark or a kanji. */
  private static final String J = "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}ー]";

  /**
   * Three or more single Japanese letters, one space (or a no-break or ideographic space) between
   * each: found from its first letter, as long as it goes.
   */
  static final Pattern RUN = Pattern.compile("(?:" + J + "[ \\u00A0\\u3000]){2,}" + J);

  private static final Pattern LETTER = Pattern.compile(J);

  /** The words of Japanese lures, as they read once the spaces are taken out. */
  private static final Pattern LURE =
      Pattern.compile("リンク|クリック|カード|ログイン|パスワード|アカウント|口座|暗証|認証|本人確認|銀行|支払|請求");

  /** At most this many characters of text are read (the spaced words of lures come early). */
  static final int MAX_READ = 200_000;

  /**
   * The first glued run of spaced letters that hides a lure word or a brand, as written, or null.
   */
  static String find(CharSequence text) {
    CharSequence t = text.length() > MAX_READ ? text.subSequence(0, MAX_READ) : text;
    Matcher m = RUN.matcher(t);
    for (int from = 0; (from = next(m, t, from)) >= 0; ) {
      boolean glued =
          (m.start() > 0 && japanese(t.charAt(m.start() - 1)))
              || (m.end() < t.length() && japanese(t.charAt(m.end())));
      if (!glued) {
        continue;
      }
      String written = m.group();
      String joined = written.replaceAll("[ \\u00A0\\u3000]", "");
      if (LURE.matcher(joined).find() || !MailSigns.claimed(joined).isEmpty()) {
        return written;
      }
    }
    return null;
  }

  /**
   * The next match of {@link #RUN} from {@code from} on, as {@code find()} would find it, returning
   * its end (or -1, none). A match starts with a letter followed by one of the spaces, so the
   * pattern is tried ({@code lookingAt}) only where a space follows a character that may be a
   * Japanese letter, not at every character (its script test at every character of every text was
   * 3.4 % of modern HTML mail's analysis, speed30). A letter outside the BMP is two chars: the
   * match then starts two chars before the space.
   */
  static int next(Matcher m, CharSequence t, int from) {
    int n = t.length();
    for (int i = from + 1; i < n; i++) {
      char c = t.charAt(i);
      if (c != ' ' && c != '\u00A0' && c != '\u3000') {
        continue;
      }
      char before = t.charAt(i - 1);
      int start =
          Character.isLowSurrogate(before) && i >= 2 && Character.isHighSurrogate(t.charAt(i - 2))
              ? i - 2
              : i - 1;
      if (start >= from && mayBeJapanese(before)) {
        m.region(start, n);
        if (m.lookingAt()) {
          return m.end();
        }
      }
    }
    return -1;
  }

  /**
   * Whether a char may be (part of) a letter of {@link #J}: no kana, kanji nor the long-vowel mark
   * is below U+2E80 (MailSpacedJapaneseTest checks every code point), and a letter outside the BMP
   * ends with a low surrogate.
   */
  static boolean mayBeJapanese(char c) {
    return c >= '\u2E80';
  }

  /** {@link #J}, for the test of {@link #mayBeJapanese}. */
  static boolean letter(int codePoint) {
    return LETTER.matcher(Character.toString(codePoint)).matches();
  }

  private static boolean japanese(char c) {
    return LETTER.matcher(String.valueOf(c)).matches();
  }
}
