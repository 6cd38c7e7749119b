package jp.renkei.engine.mail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern whose top-level alternatives are Japanese words or Latin ones, searched in a text of
 * ASCII characters only without its Japanese alternatives: at every place of such a text each of
 * them fails, so the rest, tried in the same order, find the same match (a display name is read for
 * a public body's words at every one of its characters, and most names are ASCII).
 */
final class MailAsciiAlternatives {

  /** Characters a Japanese alternative is written in: kanji, kana, and a group's syntax. */
  private static final Pattern JAPANESE_ALTERNATIVE =
      Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー()?:|]+");

  private final Pattern whole;

  private final Pattern ascii;

  /**
   * @param whole a pattern written as one group, {@code (?:A|B|...)}
   */
  MailAsciiAlternatives(Pattern whole) {
    this.whole = whole;
    this.ascii = withoutJapanese(whole);
  }

  /** The matcher of the pattern over {@code text}: its ASCII one for an ASCII text. */
  Matcher matcher(String text) {
    return (ascii(text) ? ascii : whole).matcher(text);
  }

  /** The pattern without its top-level alternatives written in Japanese characters only. */
  static Pattern withoutJapanese(Pattern whole) {
    String regex = whole.pattern();
    List<String> outer = MailRegexStarts.topLevelAlternatives(regex);
    if (!regex.startsWith("(?:") || !regex.endsWith(")") || outer.size() != 1) {
      throw new IllegalArgumentException("not one group of alternatives: " + regex);
    }
    List<String> kept =
        MailRegexStarts.topLevelAlternatives(regex.substring(3, regex.length() - 1)).stream()
            .filter(a -> !japanese(a))
            .toList();
    return Pattern.compile("(?:" + String.join("|", kept) + ")", whole.flags());
  }

  /**
   * Whether an alternative is written in Japanese characters only and matches no empty text: every
   * match of it holds a kanji or kana, which no ASCII character is, in any case.
   */
  static boolean japanese(String alternative) {
    return JAPANESE_ALTERNATIVE.matcher(alternative).matches()
        && !Pattern.compile(alternative).matcher("").matches();
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
