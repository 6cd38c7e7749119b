package jp.renkei.server.listing;

import java.util.List;

/**
 * The first items of a longer list and how many there are, for a summary such as the work queue: a
 * section builds (titles, names) only the items it shows, but counts every item the viewer may see,
 * each judged by its feature's policy path exactly as a shown one, up to {@code cap}.
 *
 * @param first the items shown, in the list's order (at most the number asked for)
 * @param count how many items the viewer may see in all, at most the cap
 * @param capped whether counting stopped at the cap (the count then reads "n+")
 */
public record Section<T>(List<T> first, int count, boolean capped) {

  public Section {
    first = List.copyOf(first);
  }

  public static <T> Section<T> empty() {
    return new Section<>(List.of(), 0, false);
  }

  /** How many items are counted but not shown. */
  public int more() {
    return Math.max(0, count - first.size());
  }

  public boolean isEmpty() {
    return count == 0;
  }
}
