package jp.renkei.engine.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.monitor.Observation.State;

/**
 * Everything the hub knows to judge one site: a {@link Baseline} of the total time per vantage
 * point (a site is slow relative to what that vantage point normally sees; the other phases'
 * baselines are drawn from stored results when a chart needs them, not kept in memory), the {@link
 * Consensus} of the vantage points, and an alert with {@link Hysteresis} per {@link Kind}. Not
 * thread-safe: the caller serialises the probes of one site.
 */
public final class SiteWatch {

  /** What an alert is about. */
  public enum Kind {
    DOWN,
    SLOW,
    CERT_EXPIRY
  }

  /**
   * How a site is judged.
   *
   * @param tuning the baseline's statistics
   * @param rule N of M vantage points over a sustained time
   * @param raiseAfter evaluations in a row a condition must hold before its alert is raised
   * @param clearAfter evaluations in a row it must be absent before the alert clears
   * @param certWarning how long before a certificate expires its alert is raised
   */
  public record Settings(
      Baseline.Tuning tuning,
      Consensus.Rule rule,
      int raiseAfter,
      int clearAfter,
      Duration certWarning) {

    public static final Settings DEFAULT =
        new Settings(
            Baseline.Tuning.DEFAULT,
            new Consensus.Rule(2, Duration.ofSeconds(60), Duration.ofMinutes(5)),
            2,
            3,
            Duration.ofDays(14));
  }

  /**
   * One probe's result as the judgement needs it.
   *
   * @param ok whether the site answered as expected (after retries)
   * @param millis phase timings of a successful probe (absent phases were not measured)
   * @param certNotAfter the expiry of the certificate the site presented, or null
   */
  public record Probe(
      long vantage, Instant at, boolean ok, Map<Phase, Double> millis, Instant certNotAfter) {}

  /** An alert raised or cleared. */
  public record Alert(Kind kind, Hysteresis.Change change, Instant at, Consensus.Verdict verdict) {}

  private final Settings settings;
  private final Consensus consensus;
  private final Map<Long, Map<Phase, Baseline>> baselines = new HashMap<>();
  private final Map<Long, Boolean> slow = new HashMap<>();
  private final Map<Kind, Hysteresis> alerts = new EnumMap<>(Kind.class);
  private Instant certNotAfter;

  /**
   * @param open the alerts already open (after a restart), so they are neither raised again nor
   *     forgotten
   */
  public SiteWatch(Settings settings, Set<Kind> open) {
    this.settings = settings;
    this.consensus = new Consensus(settings.rule());
    for (Kind k : Kind.values()) {
      alerts.put(k, new Hysteresis(settings.raiseAfter(), settings.clearAfter(), open.contains(k)));
    }
  }

  /** Judges a probe against its vantage point's baseline and records it; returns the judgement. */
  public State observe(Probe p) {
    State state;
    if (!p.ok()) {
      state = State.DOWN;
    } else {
      Map<Phase, Baseline> phases =
          baselines.computeIfAbsent(p.vantage(), v -> new EnumMap<>(Phase.class));
      boolean wasSlow = slow.getOrDefault(p.vantage(), false);
      Double total = p.millis().get(Phase.TOTAL);
      boolean isSlow =
          total != null
              && phases
                  .computeIfAbsent(Phase.TOTAL, x -> new Baseline(settings.tuning()))
                  .judge(total, wasSlow);
      slow.put(p.vantage(), isSlow);
      state = isSlow ? State.SLOW : State.UP;
    }
    if (p.certNotAfter() != null) {
      certNotAfter = p.certNotAfter();
    }
    consensus.record(new Observation(p.vantage(), p.at(), state));
    return state;
  }

  /** Learns a past normal sample (rebuilding a baseline from stored results after a restart). */
  public void learn(long vantage, Phase phase, double millis) {
    baselines
        .computeIfAbsent(vantage, v -> new EnumMap<>(Phase.class))
        .computeIfAbsent(phase, x -> new Baseline(settings.tuning()))
        .learn(millis);
  }

  public Consensus.Verdict verdict(Instant now) {
    return consensus.verdict(now);
  }

  /** The baseline of one vantage point and phase, or null before its first sample. */
  public Baseline baseline(long vantage, Phase phase) {
    Map<Phase, Baseline> phases = baselines.get(vantage);
    return phases == null ? null : phases.get(phase);
  }

  public boolean alertOpen(Kind kind) {
    return alerts.get(kind).active();
  }

  /** One evaluation of every alert at {@code now}: the alerts raised or cleared by it. */
  public List<Alert> evaluate(Instant now) {
    Consensus.Verdict v = consensus.verdict(now);
    List<Alert> out = new ArrayList<>(2);
    if (v.active() > 0) {
      step(out, Kind.DOWN, v.state() == State.DOWN, now, v);
      step(out, Kind.SLOW, v.state() == State.SLOW, now, v);
    }
    boolean expiring =
        certNotAfter != null && now.plus(settings.certWarning()).isAfter(certNotAfter);
    step(out, Kind.CERT_EXPIRY, expiring, now, v);
    return out;
  }

  private void step(
      List<Alert> out, Kind kind, boolean condition, Instant now, Consensus.Verdict v) {
    Hysteresis.Change c = alerts.get(kind).update(condition);
    if (c != Hysteresis.Change.NONE) {
      out.add(new Alert(kind, c, now, v));
    }
  }

  public Instant certNotAfter() {
    return certNotAfter;
  }
}
