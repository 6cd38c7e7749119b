package jp.renkei.server.monitor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * For every site, in which of the last 24 hours it was slow or down: a bit per hour (bit 23 the
 * current hour), kept in memory for the heat map and the timeline of the sector view. It holds
 * state history only, no sharing: what a viewer is shown is still counted over the sites the policy
 * lets that viewer see ({@link MonitorService#sectors}).
 *
 * <p>Read from {@code monitor_state_change} once, again when the hour turns (the first read of a
 * new hour waits for it), and every minute by the scheduler so that changes written elsewhere are
 * seen; a state change judged by this hub ({@link #changed}) marks its hour at once.
 */
@Component
class DegradedHours {

  /** The masks for the 24 hours ending with {@code last} (the start of the current hour). */
  record Snapshot(Instant last, Map<Long, Integer> masks) {}

  private final JdbcClient jdbc;
  private volatile Snapshot snapshot;

  DegradedHours(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The masks of the current hour's window, read first if the hour has turned. */
  Snapshot current() {
    Instant last = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Snapshot s = snapshot;
    if (s != null && s.last().equals(last)) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s == null || !s.last().equals(last)) {
        s = read(last);
        snapshot = s;
      }
      return s;
    }
  }

  /** Reads the masks again (every minute, and by tests after writing history directly). */
  @Scheduled(initialDelayString = "60s", fixedDelayString = "${renkei.monitor.heat-refresh:60s}")
  void refresh() {
    Snapshot s = read(Instant.now().truncatedTo(ChronoUnit.HOURS));
    synchronized (this) {
      snapshot = s;
    }
  }

  /** A site's combined state changed at {@code at}: a slow or down site marks that hour. */
  void changed(long siteId, String state, Instant at) {
    Snapshot s = snapshot;
    if (s == null || !degraded(state)) {
      return;
    }
    int h = hourIndex(s.last(), at);
    if (h >= 0) {
      // from that hour to the current one (a state lasts until its next change)
      int bits = 0;
      for (int i = h; i < 24; i++) {
        bits |= 1 << i;
      }
      s.masks().merge(siteId, bits, (a, b) -> a | b);
    }
  }

  /** 0..23 for an instant within the window, -1 before it; later instants count as the last. */
  private static int hourIndex(Instant last, Instant at) {
    long h = 23 - ChronoUnit.HOURS.between(at.truncatedTo(ChronoUnit.HOURS), last);
    return h < 0 ? -1 : (int) Math.min(23, h);
  }

  static boolean degraded(String state) {
    return "slow".equals(state) || "down".equals(state);
  }

  /**
   * Every site's state changes of the last 30 days, in order: each slow or down interval marks the
   * hours it overlaps; a site's last state lasts until now.
   */
  Snapshot read(Instant last) {
    Instant first = last.minus(23, ChronoUnit.HOURS);
    Instant end = last.plus(1, ChronoUnit.HOURS);
    Map<Long, Integer> masks = new ConcurrentHashMap<>();
    long[] site = {-1};
    String[] state = {null};
    Instant[] from = {null};
    int[] bits = {0};
    Runnable close =
        () -> {
          if (site[0] != -1) {
            if (degraded(state[0])) {
              bits[0] |= mask(first, from[0], end);
            }
            if (bits[0] != 0) {
              masks.put(site[0], bits[0]);
            }
          }
          bits[0] = 0;
        };
    jdbc.sql(
            "select site_id, at, state from monitor_state_change"
                + " where at > ? - interval '30 days' and at < ? order by site_id, at")
        .params(Rows.utc(last), Rows.utc(end))
        .query(
            rs -> {
              long id = rs.getLong(1);
              Instant at = Rows.instant(rs, "at");
              if (id == site[0]) {
                if (degraded(state[0])) {
                  bits[0] |= mask(first, from[0], at);
                }
              } else {
                close.run();
                site[0] = id;
              }
              state[0] = rs.getString(3);
              from[0] = at;
            });
    close.run();
    return new Snapshot(last, masks);
  }

  /** The bits of the hours (from {@code first}, 24 of them) that [since, until) overlaps. */
  static int mask(Instant first, Instant since, Instant until) {
    int bits = 0;
    for (int h = 0; h < 24; h++) {
      Instant hs = first.plus(h, ChronoUnit.HOURS);
      if (since.isBefore(hs.plus(1, ChronoUnit.HOURS)) && until.isAfter(hs)) {
        bits |= 1 << h;
      }
    }
    return bits;
  }
}
