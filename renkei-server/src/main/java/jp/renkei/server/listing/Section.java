package jp.renkei.server.listing;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The first items of a longer list and how many there are, for a summary such as the work queue: a
 * section builds (titles, names) only the items it shows, but counts every item the viewer may see,
 * each judged by its feature's policy path exactly as a shown one, up to {@code cap}.
 *
 * @param first the items shown, in the list's order (at most the number asked for)
 * @param count how many items the viewer may see in all, at most the cap
 * @param capped whether more than the cap of items the viewer may see were found (the count then
 *     reads "n+"); never because of items it may not see
 */
public record Section<T>(List<T> first, int count, boolean capped) {

  public Section {
    first = List.copyOf(first);
  }

  public static <T> Section<T> empty() {
    return new Section<>(List.of(), 0, false);
  }

  /**
   * The items the viewer may see among candidates read with a limit: {@code read} gives at most
   * that many candidates (newest or oldest first, as the section orders them), {@code visible}
   * keeps those the policy lets the viewer see. The candidates are read up to {@code cap + 1}; when
   * that read reached its limit but fewer than {@code cap + 1} were kept, all of them are read, so
   * a "+" after the count (more than {@code cap} kept) is said only of items the viewer may see.
   * Stopping at the first read would have said "n+" with n under the cap, telling the viewer that
   * items it may not see exist.
   */
  public static <R, V> List<V> visibleOf(
      IntFunction<List<R>> read, Function<List<R>, List<V>> visible, int cap) {
    List<R> candidates = read.apply(cap + 1);
    List<V> kept = visible.apply(candidates);
    if (candidates.size() > cap && kept.size() <= cap) {
      kept = visible.apply(read.apply(Integer.MAX_VALUE));
    }
    return kept;
  }

  /** A section of the {@code visible} items (from {@link #visibleOf}) showing {@code first}. */
  public static <T> Section<T> of(List<T> first, int visible, int cap) {
    return new Section<>(first, Math.min(visible, cap), visible > cap);
  }

  /** How many items are counted but not shown. */
  public int more() {
    return Math.max(0, count - first.size());
  }

  public boolean isEmpty() {
    return count == 0;
  }
}
