package jp.renkei.engine.exercise.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** 疎通確認率 and time to confirm per level of a CEPTOAR drill. */
public final class DrillStats {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private DrillStats() {}

  /**
   * One level's result.
   *
   * @param targets participants expected to confirm at this level
   * @param confirmed those who did
   * @param median median time to confirm of those who did (null if none)
   * @param slowest the longest time to confirm (null if none)
   */
  public record Level(String level, int targets, int confirmed, Duration median, Duration slowest) {

    /** 疎通確認率 in whole percent, rounded down (0 for a level nobody was expected at). */
    public int ratePercent() {
      return targets == 0 ? 0 : (int) (100L * confirmed / targets);
    }

    /** The median in whole minutes, or null. */
    public Long medianMinutes() {
      return median == null ? null : median.toMinutes();
    }

    /** The slowest in whole minutes, or null. */
    public Long slowestMinutes() {
      return slowest == null ? null : slowest.toMinutes();
    }
  }

  /**
   * The levels in {@code order} (levels with no contact are left out), each counting the distinct
   * participants at it: a participant counts as confirmed at a level if any of its contacts there
   * was confirmed, with its fastest time.
   */
  public static List<Level> byLevel(List<String> order, List<Contact> contacts) {
    Map<String, Map<Long, Duration>> best = new LinkedHashMap<>();
    Map<String, Map<Long, Boolean>> seen = new LinkedHashMap<>();
    for (String l : order) {
      best.put(l, new LinkedHashMap<>());
      seen.put(l, new LinkedHashMap<>());
    }
    for (Contact c : contacts) {
      Map<Long, Boolean> s = seen.get(c.level());
      if (s == null) {
        continue;
      }
      s.merge(c.organisationId(), c.confirmed(), Boolean::logicalOr);
      Duration t = c.timeToConfirm();
      if (t != null) {
        best.get(c.level()).merge(c.organisationId(), t, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    List<Level> out = new ArrayList<>();
    for (String l : order) {
      Map<Long, Boolean> s = seen.get(l);
      if (s.isEmpty()) {
        continue;
      }
      int confirmed = (int) s.values().stream().filter(Boolean::booleanValue).count();
      List<Duration> times = new ArrayList<>(best.get(l).values());
      times.sort(null);
      out.add(
          new Level(
              l,
              s.size(),
              confirmed,
              times.isEmpty() ? null : times.get((times.size() - 1) / 2),
              times.isEmpty() ? null : times.get(times.size() - 1)));
    }
    return out;
  }

  /** The Japanese fiscal year (年度, April to March, Japan time) an instant falls in. */
  public static int fiscalYear(Instant at) {
    ZonedDateTime t = Objects.requireNonNull(at).atZone(JAPAN);
    return t.getMonthValue() >= 4 ? t.getYear() : t.getYear() - 1;
  }
}
