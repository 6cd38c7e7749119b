package jp.renkei.engine.mail;

import java.util.List;

/**
 * The literal starts of a pattern's top-level alternatives (issue 19): what the phrase automaton
 * (MailSigns, MailPhrases) needs to know where a phrase list can match before a regex is tried.
 */
final class MailRegexStarts {

  private MailRegexStarts() {}

  /**
   * Literal text that every match of {@code regex} starts with (one piece or more per top-level
   * alternative; a leading non-capturing group gives its alternatives' starts), or null when some
   * alternative may start otherwise: with a class, a capturing group or a look-around, an optional
   * group, or when the pattern sets flags.
   */
  static List<String> starts(String regex) {
    if (java.util.regex.Pattern.compile("\\(\\?[a-zA-Z-]").matcher(regex).find()) {
      return null;
    }
    List<String> out = new java.util.ArrayList<>();
    for (String alternative : topLevelAlternatives(regex)) {
      List<String> s = alternativeStarts(alternative);
      if (s == null) {
        return null;
      }
      out.addAll(s);
    }
    return List.copyOf(out);
  }

  private static List<String> alternativeStarts(String alternative) {
    String a = alternative;
    while (a.startsWith("\\b") || a.startsWith("(?<!") || a.startsWith("(?<=")) {
      // zero-width: the match starts where what follows starts
      a = a.startsWith("\\b") ? a.substring(2) : a.substring(closingParenthesis(a) + 1);
    }
    List<String> out = new java.util.ArrayList<>();
    for (String s : expand(a, List.of("")).texts()) {
      if (s.isEmpty()) {
        return null; // a match may start with anything
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Literal starts kept per alternative at most, past its first element: one whose choices would
   * make more (a class, a group, an optional part) ends the starts before it. Longer starts are
   * fewer places to try the pattern at: "e-?mail" read as "e-mail" and "email", not as every "e" of
   * the text.
   */
  static final int STARTS_PER_ALTERNATIVE = 32;

  /**
   * What the beginning of a regex can match: {@code texts}, every one literal text, such that each
   * match of the regex starts with one of them; {@code whole} when the regex was read to its end
   * (then they are all it can match).
   */
  private record Expansion(List<String> texts, boolean whole) {}

  private static final List<String> DIGITS =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  /**
   * {@code heads} followed by what {@code a} can match, read element by element while each element
   * is literal text or a choice of a few texts: a character, an escaped symbol, {@code \d}, a class
   * of single characters, a group of such alternatives, each once or optional ({@code ?}); a {@code
   * +} keeps one of its element; anything else ends the reading.
   */
  private static Expansion expand(String a, List<String> heads) {
    int i = 0;
    while (i < a.length()) {
      char c = a.charAt(i);
      List<String> element;
      boolean whole = true;
      int end;
      int zeroWidth = zeroWidth(a, i);
      if (zeroWidth > i) {
        // a word boundary or look-around matches no text: what follows starts where it stands
        if (zeroWidth < a.length() && "?*+{".indexOf(a.charAt(zeroWidth)) >= 0) {
          return new Expansion(heads, false);
        }
        i = zeroWidth;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return new Expansion(heads, false); // a quantifier would apply to the pair, not the char
      } else if (c == '\\') {
        char d = i + 1 < a.length() ? a.charAt(i + 1) : 'x';
        if (d == 'd') {
          element = DIGITS;
        } else if (!Character.isLetterOrDigit(d) && !Character.isSurrogate(d)) {
          element = List.of(String.valueOf(d));
        } else {
          return new Expansion(heads, false);
        }
        end = i + 2;
      } else if (c == '[') {
        int close = a.indexOf(']', i + 1);
        element = close < 0 ? null : classChars(a.substring(i + 1, close));
        if (element == null) {
          return new Expansion(heads, false);
        }
        end = close + 1;
      } else if (c == '(') {
        int close = closingParenthesis(a.substring(i));
        int open =
            a.startsWith("(?:", i) ? 3 : i + 1 < a.length() && a.charAt(i + 1) != '?' ? 1 : -1;
        if (close < 0 || open < 0) {
          return new Expansion(heads, false);
        }
        element = new java.util.ArrayList<>();
        for (String inner : topLevelAlternatives(a.substring(i + open, i + close))) {
          Expansion e = expand(inner, List.of(""));
          element.addAll(e.texts());
          whole &= e.whole();
        }
        end = i + close + 1;
      } else if ("{}.*+?^$|)]".indexOf(c) >= 0) {
        return new Expansion(heads, false);
      } else {
        element = List.of(String.valueOf(c));
        end = i + 1;
      }
      char q = end < a.length() ? a.charAt(end) : 0;
      if (q == '{' || q == '*') {
        return new Expansion(heads, false); // any number of times, none included
      }
      boolean atStart = heads.size() == 1 && heads.get(0).isEmpty();
      List<String> with = followedBy(heads, element);
      if (with.size() > STARTS_PER_ALTERNATIVE && !atStart) {
        return new Expansion(heads, false);
      }
      if (q == '?') {
        // optional (lazy or possessive alike): what follows comes after it or instead of it
        int after =
            end + 1 < a.length() && "?+".indexOf(a.charAt(end + 1)) >= 0 ? end + 2 : end + 1;
        String rest = a.substring(after);
        Expansion present = whole ? expand(rest, with) : new Expansion(with, false);
        Expansion absent = expand(rest, heads);
        List<String> both = new java.util.ArrayList<>(present.texts());
        both.addAll(absent.texts());
        if (both.size() <= STARTS_PER_ALTERNATIVE) {
          return new Expansion(both, present.whole() && absent.whole());
        }
        if (!atStart) {
          return new Expansion(heads, false);
        }
        // at the very start the element's own texts, or what follows when it is left out
        both = new java.util.ArrayList<>(with);
        both.addAll(absent.texts());
        return new Expansion(both, false);
      }
      heads = with;
      if (!whole || q == '+') {
        return new Expansion(heads, false); // after one of a repeated element, anything may follow
      }
      i = end;
    }
    return new Expansion(heads, true);
  }

  /**
   * Where a zero-width element at {@code i} ({@code \\b}, {@code \\B}, a look-around) ends, or i.
   */
  private static int zeroWidth(String a, int i) {
    if (a.startsWith("\\b", i) || a.startsWith("\\B", i)) {
      return i + 2;
    }
    if (a.startsWith("(?=", i)
        || a.startsWith("(?!", i)
        || a.startsWith("(?<=", i)
        || a.startsWith("(?<!", i)) {
      int close = closingParenthesis(a.substring(i));
      return close < 0 ? i : i + close + 1;
    }
    return i;
  }

  /** Every head followed by every text of an element. */
  private static List<String> followedBy(List<String> heads, List<String> element) {
    List<String> out = new java.util.ArrayList<>(heads.size() * element.size());
    for (String h : heads) {
      for (String e : element) {
        out.add(h + e);
      }
    }
    return out;
  }

  /**
   * The characters of a class written as a list of plain characters ({@code [- ]}, {@code [áa]},
   * {@code [.,]}), or null for anything else: a negation, a range, an escape, a nested class.
   */
  private static List<String> classChars(String inside) {
    if (inside.isEmpty() || inside.startsWith("^")) {
      return null;
    }
    List<String> out = new java.util.ArrayList<>();
    for (int k = 0; k < inside.length(); k++) {
      char c = inside.charAt(k);
      if (c == '\\'
          || c == '['
          || c == '&'
          || Character.isSurrogate(c)
          || (c == '-' && k > 0 && k < inside.length() - 1)) {
        return null;
      }
      if (!out.contains(String.valueOf(c))) {
        out.add(String.valueOf(c));
      }
    }
    return out;
  }

  /** The index of the parenthesis closing the group {@code a} starts with, or -1. */
  private static int closingParenthesis(String a) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The alternatives of a pattern at depth 0 (not inside a group or class, not escaped). */
  static List<String> topLevelAlternatives(String regex) {
    List<String> out = new java.util.ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    out.add(regex.substring(start));
    return out;
  }
}
