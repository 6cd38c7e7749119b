package jp.renkei.engine.redact;

import java.text.Normalizer;

/**
 * Text as names are matched in it: each character in its compatibility decomposition (NFKD), in
 * lower case, with the place in the original text each character came from (attack40).
 *
 * <p>Names are stored in NFKC, aliases and people's names as typed, and a reported text may write
 * the same name in any compatibility form: half-width katakana (ｻｸﾗｷﾞﾝｺｳ, as bank transfers and
 * older systems write names), enclosed and squared forms (㈱, ㍿), ligatures (ﬁ), Roman numerals (Ⅱ),
 * full-width letters. Matching both sides in NFKD makes each of these the same as its plain form; a
 * voiced kana is its base and the combining mark on both sides, so ｷﾞ (two characters) matches ギ
 * (one).
 */
final class CompatibleText {

  /** Each BMP character's decomposition, filled as met (the normaliser per character was slow). */
  private static final String[] BMP = new String[0x10000];

  /** The folded text. */
  final String text;

  /**
   * For each character of {@link #text}: where in the original the character it came from starts.
   */
  private final int[] from;

  /** For each character of {@link #text}: where in the original that character ends. */
  private final int[] to;

  private CompatibleText(String text, int[] from, int[] to) {
    this.text = text;
    this.from = from;
    this.to = to;
  }

  /** The start in the original of the folded text's {@code start}. */
  int start(int start) {
    return from[start];
  }

  /** The end in the original of a match ending (exclusive) at {@code end} of the folded text. */
  int end(int end) {
    return to[end - 1];
  }

  /** A term (a name, a person's name) folded as {@link #of} folds text. */
  static String fold(String s) {
    return of(s).text;
  }

  static CompatibleText of(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int[] from = new int[s.length() + 8];
    int[] to = new int[s.length() + 8];
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      String piece;
      if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF)) {
        // ASCII and the unified ideographs have no decomposition
        piece = null;
      } else if (cp == 0x3000) {
        piece = " ";
      } else if (cp < BMP.length) {
        piece = BMP[cp];
        if (piece == null) {
          // a race fills the same value twice, harmlessly
          piece = Normalizer.normalize(s.substring(i, next), Normalizer.Form.NFKD);
          BMP[cp] = piece;
        }
      } else {
        piece = Normalizer.normalize(s.substring(i, next), Normalizer.Form.NFKD);
      }
      if (piece == null) {
        out.appendCodePoint(Character.toLowerCase(cp));
      } else {
        piece.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
      }
      while (n < out.length()) {
        if (n == from.length) {
          from = java.util.Arrays.copyOf(from, from.length * 2);
          to = java.util.Arrays.copyOf(to, to.length * 2);
        }
        from[n] = i;
        to[n] = next;
        n++;
      }
      i = next;
    }
    return new CompatibleText(out.toString(), from, to);
  }
}
