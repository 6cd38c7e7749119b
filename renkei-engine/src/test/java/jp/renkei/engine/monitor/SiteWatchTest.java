package jp.renkei.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteWatchTest {

  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final SiteWatch.Settings ONE_VANTAGE =
      new SiteWatch.Settings(
          Baseline.Tuning.DEFAULT,
          new Consensus.Rule(1, Duration.ofSeconds(20), Duration.ofMinutes(5)),
          2,
          3,
          Duration.ofDays(14));

  final SiteWatch watch = new SiteWatch(ONE_VANTAGE, Set.of());
  final List<SiteWatch.Alert> alerts = new ArrayList<>();
  int clock;

  void probe(boolean ok, double total, Instant cert) {
    Instant at = T0.plusSeconds(clock);
    watch.observe(
        new SiteWatch.Probe(1, at, ok, Map.of(Phase.TOTAL, total, Phase.TTFB, total / 2), cert));
    alerts.addAll(watch.evaluate(at));
    clock += 10;
  }

  void probes(int n, boolean ok, double total) {
    for (int i = 0; i < n; i++) {
      probe(ok, total + (i % 5), null);
    }
  }

  List<String> changes() {
    return alerts.stream().map(a -> a.kind() + " " + a.change()).toList();
  }

  @Test
  void aFailingSiteRaisesDownOnceAndClearsWhenItRecovers() {
    probes(20, true, 30);
    probes(10, false, 0);
    assertThat(changes()).containsExactly("DOWN RAISED");
    probes(10, true, 30);
    assertThat(changes()).containsExactly("DOWN RAISED", "DOWN CLEARED");
  }

  @Test
  void aShortBlipRaisesNothing() {
    probes(20, true, 30);
    probes(1, false, 0);
    probes(20, true, 30);
    assertThat(alerts).isEmpty();
  }

  @Test
  void slowAgainstItsOwnBaselineRaisesSlowThenClears() {
    probes(30, true, 30);
    probes(10, true, 900);
    assertThat(changes()).containsExactly("SLOW RAISED");
    probes(10, true, 30);
    assertThat(changes()).containsExactly("SLOW RAISED", "SLOW CLEARED");
    assertThat(watch.baseline(1, Phase.TOTAL).median()).isLessThan(40);
    assertThat(watch.baseline(1, Phase.TTFB)).isNull();
  }

  @Test
  void aSiteThatIsAlwaysSlowIsNotSlow() {
    probes(60, true, 2500);
    assertThat(alerts).isEmpty();
  }

  @Test
  void anExpiringCertificateRaisesItsAlertUntilRenewed() {
    probe(true, 30, T0.plus(Duration.ofDays(60)));
    probe(true, 30, T0.plus(Duration.ofDays(5)));
    probe(true, 30, T0.plus(Duration.ofDays(5)));
    assertThat(changes()).containsExactly("CERT_EXPIRY RAISED");
    for (int i = 0; i < 3; i++) {
      probe(true, 30, T0.plus(Duration.ofDays(90)));
    }
    assertThat(changes()).containsExactly("CERT_EXPIRY RAISED", "CERT_EXPIRY CLEARED");
  }

  @Test
  void openAlertsAfterARestartAreNotRaisedAgain() {
    SiteWatch restarted = new SiteWatch(ONE_VANTAGE, Set.of(SiteWatch.Kind.DOWN));
    List<SiteWatch.Alert> out = new ArrayList<>();
    for (int s = 0; s < 100; s += 10) {
      Instant at = T0.plusSeconds(s);
      restarted.observe(new SiteWatch.Probe(1, at, false, Map.of(), null));
      out.addAll(restarted.evaluate(at));
    }
    assertThat(out).isEmpty();
    assertThat(restarted.alertOpen(SiteWatch.Kind.DOWN)).isTrue();
  }

  @Test
  void twoOfThreeVantagePointsMustAgreeBeforeDown() {
    SiteWatch w =
        new SiteWatch(
            new SiteWatch.Settings(
                Baseline.Tuning.DEFAULT,
                new Consensus.Rule(2, Duration.ofSeconds(20), Duration.ofMinutes(5)),
                1,
                1,
                Duration.ofDays(14)),
            Set.of());
    List<SiteWatch.Alert> out = new ArrayList<>();
    for (int s = 0; s < 200; s += 10) {
      Instant at = T0.plusSeconds(s);
      w.observe(new SiteWatch.Probe(1, at, false, Map.of(), null));
      w.observe(new SiteWatch.Probe(2, at, true, Map.of(Phase.TOTAL, 20.0), null));
      w.observe(new SiteWatch.Probe(3, at, true, Map.of(Phase.TOTAL, 20.0), null));
      out.addAll(w.evaluate(at));
    }
    assertThat(out).isEmpty();
    assertThat(w.verdict(T0.plusSeconds(190)).regional()).isTrue();
    Instant at = T0.plusSeconds(200);
    for (int s = 200; s < 240; s += 10) {
      at = T0.plusSeconds(s);
      w.observe(new SiteWatch.Probe(1, at, false, Map.of(), null));
      w.observe(new SiteWatch.Probe(2, at, false, Map.of(), null));
      w.observe(new SiteWatch.Probe(3, at, true, Map.of(Phase.TOTAL, 20.0), null));
      out.addAll(w.evaluate(at));
    }
    assertThat(out).extracting(SiteWatch.Alert::kind).containsExactly(SiteWatch.Kind.DOWN);
    assertThat(w.verdict(at).down()).isEqualTo(2);
  }
}
