package jp.renkei.engine.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jp.renkei.engine.monitor.Observation.State;

/**
 * Whether a site is down or slow for everyone or only somewhere: N of the M vantage points that
 * reported recently must have seen it so, without a break, for a sustained time. Fewer than N
 * agreeing (but at least one, sustained) is a regional problem: it is shown, not alerted as down.
 *
 * <p>With fewer active vantage points than the quorum (a hub probing alone), all active ones must
 * agree. Not thread-safe: one owner per site.
 */
public final class Consensus {

  /**
   * @param quorum N: how many vantage points must agree
   * @param sustain how long each must have seen it without a break
   * @param stale a vantage point silent for longer than this is not counted in M
   */
  public record Rule(int quorum, Duration sustain, Duration stale) {
    public Rule {
      if (quorum < 1) {
        throw new IllegalArgumentException("quorum >= 1");
      }
      if (sustain.isNegative() || stale.isNegative() || stale.isZero()) {
        throw new IllegalArgumentException("sustain >= 0 and stale > 0");
      }
    }
  }

  /**
   * The combined view at one moment.
   *
   * @param state the worst state that at least the quorum agrees on
   * @param regional at least one vantage point sees worse than {@code state}, sustained, but fewer
   *     than the quorum
   * @param down vantage points that see it down, sustained
   * @param degraded vantage points that see it slow or down, sustained
   * @param active M: vantage points that reported within the staleness limit (0: no data)
   */
  public record Verdict(State state, boolean regional, int down, int degraded, int active) {}

  private static final class Track {
    Instant last;
    Instant downSince;
    Instant degradedSince;
  }

  private final Rule rule;
  private final Map<Long, Track> tracks = new HashMap<>();

  public Consensus(Rule rule) {
    this.rule = rule;
  }

  /** Records one vantage point's observation; older ones than its last are ignored. */
  public void record(Observation o) {
    Track t = tracks.computeIfAbsent(o.vantage(), v -> new Track());
    if (t.last != null && o.at().isBefore(t.last)) {
      return;
    }
    t.last = o.at();
    if (o.state() == State.DOWN) {
      t.downSince = t.downSince == null ? o.at() : t.downSince;
    } else {
      t.downSince = null;
    }
    if (o.state() == State.UP) {
      t.degradedSince = null;
    } else {
      t.degradedSince = t.degradedSince == null ? o.at() : t.degradedSince;
    }
  }

  public Verdict verdict(Instant now) {
    int active = 0;
    int down = 0;
    int degraded = 0;
    for (Track t : tracks.values()) {
      if (Duration.between(t.last, now).compareTo(rule.stale()) > 0) {
        continue;
      }
      active++;
      if (sustained(t.downSince, now)) {
        down++;
      }
      if (sustained(t.degradedSince, now)) {
        degraded++;
      }
    }
    if (active == 0) {
      return new Verdict(State.UP, false, 0, 0, 0);
    }
    int quorum = Math.min(rule.quorum(), active);
    State state = down >= quorum ? State.DOWN : degraded >= quorum ? State.SLOW : State.UP;
    boolean regional =
        switch (state) {
          case UP -> degraded > 0;
          case SLOW -> down > 0;
          case DOWN -> false;
        };
    return new Verdict(state, regional, down, degraded, active);
  }

  private boolean sustained(Instant since, Instant now) {
    return since != null && Duration.between(since, now).compareTo(rule.sustain()) >= 0;
  }
}
