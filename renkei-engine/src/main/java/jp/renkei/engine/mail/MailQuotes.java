package jp.renkei.engine.mail;

import java.util.List;

/**
 * The wording a sign found, quoted for a reader as it stands in the message: the phrase lists match
 * word starts ("password expir", "ログインし"), and a start alone reads like a typo. A quote is the
 * whole word or words the phrase began, with a little of the sentence around it ("…your password
 * expires today…"), never past the end of its line or sentence. The signs read the lower-cased and
 * folded text; the quote is then given back in the letter case it was written in ("Verify Your
 * Identity", "Microsoft 365"), found in the text as written (folded the same way, not lower-cased),
 * and stays lower-case only where it is not found there (past the head of a long message). Cut on
 * grapheme boundaries.
 */
final class MailQuotes {

  private MailQuotes() {}

  /** How far a quote reaches on each side of the words matched, at most (characters). */
  static final int REACH = 30;

  /** The longest word or number cut by {@link #REACH} that is taken whole (characters). */
  static final int WHOLE = 12;

  /** The longest quote, context included (characters). */
  static final int MAX = 100;

  /** Each phrase in its context in {@code text}, quoted: {@code "…a b c…", "…d e…"}. */
  static String quoted(String text, List<String> phrases) {
    return quoted(text, (Folded) null, phrases);
  }

  /**
   * Each phrase in its context in {@code text} (lower-cased), quoted in the letter case of {@code
   * written}, the same wording as written (null: as in {@code text}).
   */
  static String quoted(String text, CharSequence written, List<String> phrases) {
    return quoted(text, written == null ? null : new Folded(written), phrases);
  }

  /**
   * As {@link #quoted(String, CharSequence, List)}, with the text as written folded once for all
   * the quotes of a message ({@link Folded}).
   */
  static String quoted(String text, Folded written, List<String> phrases) {
    // phrases of one sentence quote it once: their contexts, where they overlap or touch, are
    // one quote ("…will be suspended within 24 hours…" and "…within 24 hours if you do not…" read
    // as one "…will be suspended within 24 hours if you do not…")
    List<int[]> spans = new java.util.ArrayList<>();
    List<String> quotes = new java.util.ArrayList<>();
    for (String p : phrases) {
      int[] s = span(text, p);
      if (s == null) {
        quotes.add(p);
      } else {
        spans.add(s);
      }
    }
    spans.sort(java.util.Comparator.comparingInt((int[] s) -> s[0]));
    for (int i = 0; i < spans.size(); ) {
      int from = spans.get(i)[0];
      int to = spans.get(i)[1];
      int n = 1;
      for (i++; i < spans.size() && spans.get(i)[0] <= to; i++, n++) {
        to = Math.max(to, spans.get(i)[1]);
      }
      quotes.add(shown(text, from, to, Math.min(MAX * n, 2 * MAX)));
    }
    // the same wording quoted where it stands twice, or inside another quote: once
    List<String> once = new java.util.ArrayList<>();
    for (String q : quotes) {
      String bare = q.replace("…", "");
      if (once.stream().noneMatch(x -> x.replace("…", "").contains(bare))) {
        once.removeIf(x -> bare.contains(x.replace("…", "")));
        once.add(q);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String q : once) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      // straight quotes, not 「」: the evidence reads the same in the Japanese and the English page
      out.append('"').append(apart(written == null ? q : asWritten(q, written))).append('"');
    }
    return out.toString();
  }

  /**
   * {@code phrase} where it first stands in {@code text}, widened to whole words and given up to
   * {@link #REACH} characters of its sentence on each side; the phrase itself when the text does
   * not hold it.
   */
  static String inContext(String text, String phrase) {
    int[] s = span(text, phrase);
    return s == null ? phrase : apart(shown(text, s[0], s[1], MAX));
  }

  /** A URL written right after a word, with nothing between them (ux29: "mehr Muthttps://…"). */
  private static final java.util.regex.Pattern GLUED_URL =
      java.util.regex.Pattern.compile(
          "(?<=[\\p{L}\\p{N}.,;:!?)\\]」』。、])(?=(?:https?|hxxps?)://)",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * {@code quote} with a space between a word and a URL glued to it: a plain-text part that writes
   * a link's words and its address with nothing between them ("mehr Muthttps://rp-online.de/…") is
   * quoted as two things the reader can tell apart ("mehr Mut https://rp-online.de/…"). Only the
   * quote changes; the signs read the text as written.
   */
  static String apart(String quote) {
    return quote.indexOf("://") < 0 ? quote : GLUED_URL.matcher(quote).replaceAll(" ");
  }

  /**
   * Where {@code phrase}'s quote stands in {@code text} (from, to), its words made whole and its
   * context added as {@link #inContext} says; null when the text does not hold it.
   */
  private static int[] span(String text, String phrase) {
    int at = phrase.isEmpty() ? -1 : text.indexOf(phrase);
    if (at < 0) {
      return null;
    }
    int start = at;
    int end = at + phrase.length();
    // the whole word: a Latin word the phrase begins or ends inside
    while (start > 0 && latin(text.codePointBefore(start)) && latin(text.codePointAt(start))) {
      start -= Character.charCount(text.codePointBefore(start));
    }
    while (end < text.length()
        && latin(text.codePointBefore(end))
        && latin(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    // a Japanese verb or adjective ends in kana after its stem (ログインし → ログインしてください)
    int kana = 0;
    while (end < text.length()
        && kana < 8
        && cjk(text.codePointBefore(end))
        && Character.UnicodeScript.of(text.codePointAt(end)) == Character.UnicodeScript.HIRAGANA) {
      end += Character.charCount(text.codePointAt(end));
      kana++;
    }
    int from = start;
    int floor = Math.max(0, start - REACH);
    while (from > floor && !stop(text, from - 1)) {
      from--;
    }
    int to = end;
    int ceiling = Math.min(text.length(), end + REACH);
    while (to < ceiling && !stop(text, to)) {
      to++;
    }
    // the reach cut into a short word or a number: taken whole ("24時間以内", not "時間以内")
    if (from > 0
        && latin(text.codePointBefore(from))
        && (from < text.length() && latin(text.codePointAt(from))
            || Character.isDigit(text.codePointBefore(from)))) {
      int back = from;
      while (back > 0 && from - back < WHOLE && latin(text.codePointBefore(back))) {
        back -= Character.charCount(text.codePointBefore(back));
      }
      if (back == 0 || !latin(text.codePointBefore(back))) {
        from = back;
      }
    }
    // never half a word or half a surrogate pair at the edges of the context
    while (from < start && (Character.isLowSurrogate(text.charAt(from)) || inWord(text, from))) {
      from++;
    }
    while (to > end && (Character.isHighSurrogate(text.charAt(to - 1)) || inWord(text, to))) {
      to--;
    }
    return new int[] {from, to};
  }

  /** {@code text} from {@code from} to {@code to}, its spaces made one, cut at {@code max}. */
  private static String shown(String text, int from, int to, int max) {
    String quote = MailText.oneSpace(text.substring(from, to)).strip();
    boolean before = from > 0 && !stop(text, from - 1);
    boolean after = to < text.length() && !stop(text, to);
    String shown = jp.renkei.engine.text.Names.prefix(quote, max);
    return (before ? "…" : "") + shown + (after || shown.length() < quote.length() ? "…" : "");
  }

  /**
   * {@code quote} (taken from the lower-cased text, its runs of whitespace made one, "…" where it
   * was cut) in the letter case of its first occurrence in {@code written}; the quote as it is when
   * {@code written} does not hold it.
   */
  static String asWritten(String quote, CharSequence written) {
    return asWritten(quote, new Folded(written));
  }

  /**
   * A text as written, lower-cased character by character with its runs of whitespace made one, and
   * where each folded character came from. A message's signs quote many phrases from the same text:
   * it is folded once (each quote folded the whole text again, up to 128 K characters).
   */
  static final class Folded {
    final CharSequence written;
    final int length;
    final StringBuilder folded;
    final int[] from;

    Folded(CharSequence written) {
      this.written = written;
      this.length = written.length();
      folded = new StringBuilder(Math.min(length, 1 << 17));
      from = new int[length + 1];
      boolean space = false;
      for (int i = 0; i < length; i++) {
        char c = written.charAt(i);
        if (Character.isWhitespace(c)) {
          if (!space) {
            from[folded.length()] = i;
            folded.append(' ');
          }
          space = true;
          continue;
        }
        space = false;
        from[folded.length()] = i;
        folded.append(Character.toLowerCase(c));
      }
    }

    /** Whether this is still the fold of {@code text} (a text that is only appended to). */
    boolean of(CharSequence text) {
      return text == written && text.length() == length;
    }
  }

  static String asWritten(String quote, Folded f) {
    CharSequence written = f.written;
    StringBuilder folded = f.folded;
    int[] from = f.from;
    boolean before = quote.startsWith("…");
    boolean after = quote.endsWith("…") && quote.length() > 1;
    String bare = quote.substring(before ? 1 : 0, quote.length() - (after ? 1 : 0));
    if (bare.isEmpty()) {
      return quote;
    }
    int at = folded.indexOf(bare);
    if (at < 0) {
      return quote;
    }
    int end = from[at + bare.length() - 1] + 1;
    String found = MailText.oneSpace(written.subSequence(from[at], end).toString());
    if (!found.toLowerCase(java.util.Locale.ROOT).equals(bare)) {
      return quote; // a letter whose lower case is longer or different: keep what was judged
    }
    return (before ? "…" : "") + found + (after ? "…" : "");
  }

  /** Whether position {@code i} is inside a Latin word (a letter or digit on both sides). */
  private static boolean inWord(String text, int i) {
    return i > 0
        && i < text.length()
        && latin(text.codePointBefore(i))
        && latin(text.codePointAt(i));
  }

  /** A line end or a sentence's end: the quote stays in its sentence. */
  private static boolean stop(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n' || c == '\r' || c == '。' || c == '！' || c == '？' || c == '「' || c == '」') {
      return true;
    }
    return (c == '.' || c == '!' || c == '?')
        && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }

  private static boolean latin(int cp) {
    return Character.isLetterOrDigit(cp) && !cjk(cp);
  }

  private static boolean cjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }
}
