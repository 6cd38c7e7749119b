package jp.renkei.engine.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables an analyst needs after a run, as in the pension-fund case: per indicator (hits,
 * internal hosts, first and last seen) and per internal host (hits, distinct indicators, first and
 * last seen). Log timestamps are compared as text, which orders Squid's epoch seconds correctly.
 * Not thread-safe.
 */
public final class MatchSummary {

  /** One row of a table. */
  public record Row(String key, long hits, int distinct, String firstSeen, String lastSeen) {}

  private static final class Acc {
    long hits;
    final Set<String> distinct = new HashSet<>();
    String first;
    String last;

    void add(String other, String time) {
      hits++;
      distinct.add(other);
      if (first == null || compare(time, first) < 0) {
        first = time;
      }
      if (last == null || compare(time, last) > 0) {
        last = time;
      }
    }
  }

  private final Map<Indicator, Acc> byIndicator = new HashMap<>();
  private final Map<String, Acc> byHost = new HashMap<>();

  /**
   * Counts a hit of indicator {@code i}, resolved from the index the hit was found with (a
   * follower's index may be replaced between hits).
   */
  public void add(Hit h, Indicator i) {
    byIndicator.computeIfAbsent(i, k -> new Acc()).add(h.client(), h.time());
    byHost.computeIfAbsent(h.client(), k -> new Acc()).add(i.type() + " " + i.value(), h.time());
  }

  /** Indicators that hit, most hits first; {@code distinct} is the number of internal hosts. */
  public List<Row> indicators() {
    List<Row> rows = new ArrayList<>();
    byIndicator.forEach(
        (i, a) ->
            rows.add(
                new Row(i.type() + " " + i.value(), a.hits, a.distinct.size(), a.first, a.last)));
    rows.sort(Comparator.comparingLong(Row::hits).reversed().thenComparing(Row::key));
    return rows;
  }

  /**
   * Per indicator id (a STIX indicator with several observables is one row): hits, internal hosts,
   * first and last log time. What a sighting reports.
   */
  public List<Row> byIndicatorId() {
    Map<String, Acc> byId = new HashMap<>();
    byIndicator.forEach(
        (n, a) -> {
          Acc to = byId.computeIfAbsent(n.id(), k -> new Acc());
          to.hits += a.hits;
          to.distinct.addAll(a.distinct);
          if (to.first == null || (a.first != null && compare(a.first, to.first) < 0)) {
            to.first = a.first;
          }
          if (to.last == null || (a.last != null && compare(a.last, to.last) > 0)) {
            to.last = a.last;
          }
        });
    List<Row> rows = new ArrayList<>();
    byId.forEach((id, a) -> rows.add(new Row(id, a.hits, a.distinct.size(), a.first, a.last)));
    rows.sort(Comparator.comparingLong(Row::hits).reversed().thenComparing(Row::key));
    return rows;
  }

  /**
   * Internal hosts that hit, most indicators first; {@code distinct} is the number of indicators.
   */
  public List<Row> hosts() {
    List<Row> rows = new ArrayList<>();
    byHost.forEach((h, a) -> rows.add(new Row(h, a.hits, a.distinct.size(), a.first, a.last)));
    rows.sort(
        Comparator.comparingInt(Row::distinct)
            .reversed()
            .thenComparing(Comparator.comparingLong(Row::hits).reversed())
            .thenComparing(Row::key));
    return rows;
  }

  private static int compare(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
