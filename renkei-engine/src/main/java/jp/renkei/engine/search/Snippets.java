package jp.renkei.engine.search;

import java.util.List;

/**
 * A short excerpt of a text around the first place a search word occurs, cut into the part before
 * the word, the word as written in the text, and the part after, so that a page can highlight it
 * without writing markup into the text. Works on the text's own characters: a word is found where
 * the text, normalised as {@link SearchQuery#normalise}, contains it at the same position (true for
 * every text whose normal form has the same length, which covers Japanese and ASCII; other texts
 * get their opening lines and no highlight). Stateless.
 */
public final class Snippets {

  /** Characters shown either side of the match. */
  public static final int CONTEXT = 60;

  private Snippets() {}

  /** An excerpt: {@code before + match + after}, with ellipses where the text was cut. */
  public record Snippet(String before, String match, String after) {}

  public static Snippet of(String text, List<String> words) {
    if (text == null) {
      return new Snippet("", "", "");
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    String normal = SearchQuery.normalise(flat);
    if (normal.length() == flat.length()) {
      for (String w : words) {
        int at = normal.indexOf(w);
        if (at >= 0) {
          int from = Math.max(0, at - CONTEXT);
          int to = Math.min(flat.length(), at + w.length() + CONTEXT);
          return new Snippet(
              (from > 0 ? "…" : "") + flat.substring(from, at),
              flat.substring(at, at + w.length()),
              flat.substring(at + w.length(), to) + (to < flat.length() ? "…" : ""));
        }
      }
    }
    int to = Math.min(flat.length(), 2 * CONTEXT);
    return new Snippet(flat.substring(0, to) + (to < flat.length() ? "…" : ""), "", "");
  }
}
