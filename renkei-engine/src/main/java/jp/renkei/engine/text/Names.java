package jp.renkei.engine.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Names people read to tell organisations and people apart. A name is stored in NFKC (full-width
 * Latin and half-width katakana become one form), must not contain invisible or reordering
 * characters, and two names whose {@link #skeleton}s are equal look alike and are one name too
 * many.
 *
 * <p>The skeleton follows the idea of Unicode TS #39 with a small table rather than its 6,000-line
 * one: NFKC, case folding, no spaces or separators, and the confusables that matter for a Japanese
 * directory (Latin against Cyrillic, Greek and the other scripts of {@link Confusables}, digits
 * against letters, katakana against the kanji and hiragana they look like, the many long dashes).
 * Thread-safe.
 */
public final class Names {

  private Names() {}

  /** NFKC, stripped. */
  public static String normalise(String name) {
    return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
  }

  /**
   * The form in which a typed name and a stored one are the same name: {@link #normalise}d, then
   * each code point case-folded as {@link String#equalsIgnoreCase} folds it (upper, then lower
   * case), so two names have equal keys exactly when their normal forms are equal ignoring case.
   * The one rule the shell matches current and former names by (accounts29: the database's {@code
   * lower()} folded fewer letters than Java, and former names were not normalised). Not a
   * look-alike test: that is {@link #skeleton}. Null for null.
   */
  public static String matchKey(String name) {
    String n = normalise(name);
    if (n == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(n.length());
    n.codePoints().forEach(c -> b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return b.toString();
  }

  /**
   * The first character a name may not contain, if any: controls (Cc), format characters (Cf:
   * zero-width space/joiner/non-joiner, bidi marks, embeddings, overrides and isolates, soft
   * hyphen, BOM), line and paragraph separators, private-use, surrogate and unassigned code points.
   */
  public static OptionalInt forbiddenCharacter(String name) {
    if (name == null) {
      return OptionalInt.empty();
    }
    return name.codePoints().filter(Names::forbidden).findFirst();
  }

  /**
   * {@code text} cut to at most {@code max} characters (UTF-16 units, as lengths are counted
   * everywhere else) on a grapheme boundary, with "…" added when anything was cut: a cut never
   * splits a surrogate pair (an emoji shown as {@code [U+D83D]}), a letter from its combining mark
   * or the parts of a joined emoji. A text of one grapheme longer than {@code max} is cut before
   * it.
   */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return prefix(text, max) + "…";
  }

  /**
   * {@code text}'s longest start of at most {@code max} characters ending on a grapheme boundary.
   */
  public static String prefix(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    java.text.BreakIterator g = java.text.BreakIterator.getCharacterInstance(Locale.ROOT);
    g.setText(text);
    int end = g.preceding(max + 1);
    if (end == java.text.BreakIterator.DONE || end < 0) {
      end = 0;
    }
    // an emoji joined with U+200D is one grapheme for a reader even where the JDK's iterator
    // breaks it: never end on a joiner or just after one
    while (end > 0 && (text.charAt(end - 1) == '\u200d' || text.charAt(end) == '\u200d')) {
      end = g.preceding(end);
      if (end == java.text.BreakIterator.DONE) {
        end = 0;
      }
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * A name made safe to show: every control, format (bidi overrides and isolates, zero-width
   * characters, BOM), line or paragraph separator and Hangul filler is written as {@code [U+202E]},
   * so a right-to-left override can no longer turn the rest of the line around and a hidden
   * character shows where it is. A variation selector is written out too where it selects nothing
   * ({@link #idleSelector}): the U+FE09 a lure puts in 【重要︉】 is as hidden as a zero-width space
   * (ux40), while the emoji selector of ❤️ and an ideographic variation of a name's kanji are kept.
   * Everything else, including Japanese and emoji, is kept.
   */
  public static String escapeInvisible(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(name.length());
    int previous = -1;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (invisible(cp) || idleSelector(previous, cp)) {
        out.append(String.format("[U+%04X]", cp));
      } else {
        out.appendCodePoint(cp);
      }
      previous = cp;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * Whether {@code cp} is a variation selector that changes nothing a reader sees after {@code
   * previous} (-1 at the start): U+FE00–U+FE0D, which the mail signs count as hidden characters
   * (their few standardized sequences, a mathematical symbol's or a compatibility ideograph's,
   * appear in no mail); U+FE0E/U+FE0F (text or emoji presentation) after a letter, another selector
   * or at the start, not after a symbol, digit, '#' or '*' (❤️, ©️, a keycap 1️⃣); and
   * U+E0100–U+E01EF (ideographic variations) after anything but an ideograph.
   */
  static boolean idleSelector(int previous, int cp) {
    if (cp >= 0xFE00 && cp <= 0xFE0D) {
      return true;
    }
    if (cp == 0xFE0E || cp == 0xFE0F) {
      return previous < 0
          || Character.isLetter(previous)
          || Character.getType(previous) == Character.NON_SPACING_MARK
          || (previous >= 0xFE00 && previous <= 0xFE0F);
    }
    if (cp >= 0xE0100 && cp <= 0xE01EF) {
      return previous < 0 || !Character.isIdeographic(previous);
    }
    return false;
  }

  private static boolean invisible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    };
  }

  private static boolean forbidden(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED ->
          true;
      default -> cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // Hangul fillers
    };
  }

  /** What a name looks like: equal skeletons mean a reader could take one name for the other. */
  public static String skeleton(String name) {
    // capitals whose small letter looks like another Latin letter are read as capitals first
    // (attack29b: Greek Ν and Υ became ν and υ, read as v and u, so 「ΝISC」 passed beside NISC)
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFKC)
            .replace('\u039D', 'n')
            .replace('\u03A5', 'y')
            .toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp)
                  || Character.isSpaceChar(cp)
                  || SEPARATORS.indexOf(cp) >= 0
                  || forbidden(cp)) {
                return;
              }
              String mapped = CONFUSABLES.get(cp);
              if (mapped == null && cp <= Confusables.LAST) {
                // another script's look-alike is read as its Latin letter, then as that letter is
                char latin = Character.toLowerCase(Confusables.latin((char) cp));
                if (latin != 0) {
                  mapped = CONFUSABLES.getOrDefault((int) latin, String.valueOf(latin));
                }
              }
              if (mapped != null) {
                sb.append(mapped);
              } else {
                sb.appendCodePoint(cp);
              }
            });
    // multi-letter look-alikes, after the single ones
    return sb.toString().replace("rn", "m").replace("vv", "w");
  }

  /** Separators that do not change how a name reads: dots, dashes, middle dots, underscores. */
  private static final String SEPARATORS =
      "-_.,・·•‧∙‐‑‒–—―−－ー一ｰ〜~\u30FB\uFF65'\"`´‘’“”()[]（）「」『』【】";

  /**
   * The skeleton's own look-alikes, read before {@link Confusables}' table: small Cyrillic and
   * Greek letters that pass for Latin ones in a name (small capitals: н for h, т for t), Latin
   * letters and digits that pass for each other (applied to a look-alike's Latin letter too: і is i
   * is l), and katakana against kanji and hiragana.
   */
  private static final Map<Integer, String> CONFUSABLES =
      Map.ofEntries(
          // Cyrillic
          Map.entry((int) 'в', "b"),
          Map.entry((int) 'ё', "e"),
          Map.entry((int) 'н', "h"),
          Map.entry((int) 'ї', "l"),
          Map.entry((int) 'к', "k"),
          Map.entry((int) 'м', "m"),
          Map.entry((int) 'т', "t"),
          Map.entry((int) 'ь', "b"),
          // Greek
          Map.entry((int) 'α', "a"),
          Map.entry((int) 'β', "b"),
          Map.entry((int) 'ε', "e"),
          Map.entry((int) 'η', "h"),
          Map.entry((int) 'κ', "k"),
          Map.entry((int) 'μ', "m"),
          Map.entry((int) 'ν', "v"),
          Map.entry((int) 'τ', "t"),
          Map.entry((int) 'χ', "x"),
          Map.entry((int) 'ζ', "z"),
          // Latin and digits that pass for each other
          Map.entry((int) 'ı', "l"),
          Map.entry((int) 'i', "l"),
          Map.entry((int) '1', "l"),
          Map.entry((int) '|', "l"),
          Map.entry((int) '0', "o"),
          Map.entry((int) '5', "s"),
          Map.entry((int) 'ß', "ss"),
          // katakana and the kanji or hiragana they look like
          Map.entry((int) '口', "ロ"),
          Map.entry((int) '力', "カ"),
          Map.entry((int) '工', "エ"),
          Map.entry((int) '二', "ニ"),
          Map.entry((int) '八', "ハ"),
          Map.entry((int) '夕', "タ"),
          Map.entry((int) '卜', "ト"),
          Map.entry((int) '才', "オ"),
          Map.entry((int) '千', "チ"),
          Map.entry((int) '三', "ミ"),
          Map.entry((int) 'へ', "ヘ"),
          Map.entry((int) 'べ', "ベ"),
          Map.entry((int) 'ぺ', "ペ"),
          Map.entry((int) 'り', "リ"),
          Map.entry((int) '〇', "o"),
          Map.entry((int) '○', "o"),
          Map.entry((int) '。', "o"));
}
