package jp.renkei.server.listing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a list: its rows, how many rows match in all ({@code total}, counted over what the
 * viewer may see and nothing else, because a list is only ever built from rows its feature's access
 * service already let through) and the query that made it.
 *
 * <p>Paging is by offset over a total order (the chosen column, then the row's id), so a page holds
 * the same rows on every request while nothing is written. A list collects at most {@link
 * ListSpec#CAP} matching rows; past that {@code capped} is true, the total reads "n件以上" and the
 * filters narrow further. Keyset paging would not need the cap, but the lists sort by several
 * columns and their rows pass the sharing policy in Java, so the cap keeps each request bounded.
 */
public record ListPage<T>(List<T> rows, int total, boolean capped, ListQuery query) {

  /** The same page with its rows completed (e.g. named) by the caller, in the same order. */
  public <U> ListPage<U> withRows(List<U> completed) {
    if (completed.size() != rows.size()) {
      throw new IllegalArgumentException("a page's rows are completed one for one");
    }
    return new ListPage<>(List.copyOf(completed), total, capped, query);
  }

  /** An empty page for a query with problems (nothing is listed until they are fixed). */
  public static <T> ListPage<T> rejected(ListQuery query) {
    return new ListPage<>(List.of(), 0, false, query);
  }

  /**
   * The page of {@code matching} (already filtered and in order, at most {@link ListSpec#CAP} + 1
   * rows: one more says the cap was reached).
   */
  public static <T> ListPage<T> of(ListQuery query, List<T> matching) {
    boolean capped = matching.size() > ListSpec.CAP;
    List<T> all = capped ? matching.subList(0, ListSpec.CAP) : matching;
    int from = Math.min(query.offset(), all.size());
    int to = Math.min(from + query.size(), all.size());
    return new ListPage<>(List.copyOf(all.subList(from, to)), all.size(), capped, query);
  }

  /**
   * The page of {@code matching}, rows the viewer may see that pass the query's filters, already in
   * the query's order (read so from SQL), from a walk that stopped after {@code counted} + 1 rows
   * ({@link ListSpec#counted}): one more says the total is counted only so far ("n件以上").
   */
  public static <T> ListPage<T> inOrder(ListQuery query, List<T> matching, int counted) {
    if (!query.valid()) {
      return rejected(query);
    }
    boolean more = matching.size() > counted;
    List<T> all = more ? matching.subList(0, counted) : matching;
    int from = Math.min(query.offset(), all.size());
    int to = Math.min(from + query.size(), all.size());
    return new ListPage<>(List.copyOf(all.subList(from, to)), all.size(), more, query);
  }

  /**
   * Filters, sorts and pages rows the viewer may see, in memory ({@code visible}: what the
   * feature's access service gave, newest first, at most {@link ListSpec#CAP} + 1): {@code keep}
   * says whether a row passes the query's filters, {@code orders} gives the comparator of each sort
   * key (ascending), {@code id} breaks ties so that the order is total.
   */
  public static <T> ListPage<T> of(
      ListQuery query,
      List<T> visible,
      Predicate<T> keep,
      Map<String, Comparator<T>> orders,
      Function<T, ? extends Comparable<?>> id) {
    return of(query, visible, ListSpec.CAP, keep, orders, id);
  }

  /**
   * As {@link #of(ListQuery, List, Predicate, Map, Function)} for a source that gave at most {@code
   * cap} + 1 rows ({@code cap} at most {@link ListSpec#CAP}): one more says there are more.
   */
  public static <T> ListPage<T> of(
      ListQuery query,
      List<T> visible,
      int cap,
      Predicate<T> keep,
      Map<String, Comparator<T>> orders,
      Function<T, ? extends Comparable<?>> id) {
    if (!query.valid()) {
      return rejected(query);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<T> order =
        orders
            .get(query.sort())
            .thenComparing((Function) id, Comparator.nullsLast(Comparator.naturalOrder()));
    if (query.descending()) {
      order = order.reversed();
    }
    // a source holding more than the cap gave its first CAP + 1 rows: the list says "n+"
    boolean sourceCapped = visible.size() > cap;
    List<T> matching = new ArrayList<>();
    for (T row : sourceCapped ? visible.subList(0, cap) : visible) {
      if (keep.test(row)) {
        matching.add(row);
      }
    }
    matching.sort(order);
    ListPage<T> page = of(query, matching);
    return sourceCapped ? new ListPage<>(page.rows(), page.total(), true, query) : page;
  }

  /** Ascending by a key, rows without one last. */
  public static <T, K extends Comparable<? super K>> Comparator<T> by(Function<T, K> key) {
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  /** Ascending by TLP, from the widest audience (CLEAR) to the narrowest (RED). */
  public static <T> Comparator<T> byTlp(Function<T, String> tlp) {
    return Comparator.comparingInt(t -> tlpRank(tlp.apply(t)));
  }

  /** TLP codes from the widest audience (CLEAR) to the narrowest (RED). */
  public static int tlpRank(String code) {
    return switch (code == null ? "" : code) {
      case "clear" -> 0;
      case "green" -> 1;
      case "amber" -> 2;
      case "amber_strict" -> 3;
      default -> 4;
    };
  }

  public int pages() {
    return Math.max(1, (total + query.size() - 1) / query.size());
  }

  /** Whether the page asked for lies past the last row (while some rows match). */
  public boolean pastEnd() {
    return rows.isEmpty() && total > 0;
  }

  public boolean hasPrevious() {
    return query.page() > 1;
  }

  /**
   * Whether a next page exists: within the total, or past a total counted only up to where the walk
   * stopped ({@link ListSpec#counted}); never deeper than the cap (a list counted exactly in the
   * database, as the findings, may match more rows than pages reach: its order or filters narrow).
   */
  public boolean hasNext() {
    return (query.page() < pages() || capped) && (long) query.page() * query.size() < ListSpec.CAP;
  }

  /** The number of the first row shown (1-based), 0 when none. */
  public int first() {
    return rows.isEmpty() ? 0 : query.offset() + 1;
  }

  public int last() {
    return query.offset() + rows.size();
  }
}
