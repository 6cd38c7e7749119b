package jp.renkei.engine.monitor;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A site's weekly rhythm for one phase: for each of the 168 hours of the week, the median and MAD
 * of the hourly medians seen in that hour of past weeks. It exists only once the history spans
 * {@link #MIN_HISTORY} (three weeks) and holds at least three values for the hour asked; before
 * that, the {@link Baseline} alone judges. Immutable and thread-safe.
 */
public final class SeasonalBand {

  /** How much history a band needs before it is used. */
  public static final Duration MIN_HISTORY = Duration.ofDays(21);

  /** One hourly rollup: the hour it starts at and the median of the samples in it. */
  public record Hourly(Instant hour, double median) {}

  /** The band for one hour of the week. */
  public record Band(double low, double centre, double high) {
    public boolean above(double value) {
      return value > high;
    }
  }

  private final List<List<Double>> byHour;
  private final ZoneId zone;
  private final double k;

  private SeasonalBand(List<List<Double>> byHour, ZoneId zone, double k) {
    this.byHour = byHour;
    this.zone = zone;
    this.k = k;
  }

  /**
   * The band learnt from hourly rollups, or empty when they span less than three weeks.
   *
   * @param k the band's half-width in scaled MADs
   */
  public static Optional<SeasonalBand> of(List<Hourly> history, ZoneId zone, double k) {
    if (history.isEmpty()) {
      return Optional.empty();
    }
    Instant first = history.get(0).hour();
    Instant last = first;
    List<List<Double>> byHour = new ArrayList<>(168);
    for (int i = 0; i < 168; i++) {
      byHour.add(new ArrayList<>());
    }
    for (Hourly h : history) {
      if (!Double.isFinite(h.median())) {
        continue;
      }
      first = h.hour().isBefore(first) ? h.hour() : first;
      last = h.hour().isAfter(last) ? h.hour() : last;
      byHour.get(hourOfWeek(h.hour(), zone)).add(h.median());
    }
    if (Duration.between(first, last).compareTo(MIN_HISTORY) < 0) {
      return Optional.empty();
    }
    return Optional.of(new SeasonalBand(byHour, zone, k));
  }

  /** 0 for Monday 00:00–00:59 in {@code zone}, up to 167 for Sunday 23:00. */
  public static int hourOfWeek(Instant t, ZoneId zone) {
    ZonedDateTime z = t.atZone(zone);
    return (z.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + z.getHour();
  }

  /** The band at {@code t}, or empty when fewer than three weeks hold that hour. */
  public Optional<Band> at(Instant t) {
    List<Double> values = byHour.get(hourOfWeek(t, zone));
    if (values.size() < 3) {
      return Optional.empty();
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double m = median(v);
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = Math.abs(v[i] - m);
    }
    Arrays.sort(d);
    double spread = Math.max(k * Baseline.MAD_TO_SIGMA * median(d), m * 0.1);
    return Optional.of(new Band(Math.max(0, m - spread), m, m + spread));
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
