package jp.renkei.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineTest {

  static Baseline learnt(double... samples) {
    Baseline b = new Baseline();
    for (double s : samples) {
      b.learn(s);
    }
    return b;
  }

  static Baseline noisyAround(double centre, double jitter, int n) {
    Random r = new Random(42);
    Baseline b = new Baseline();
    for (int i = 0; i < n; i++) {
      b.learn(centre + (r.nextDouble() * 2 - 1) * jitter);
    }
    return b;
  }

  @Test
  void medianAndMadIgnoreOneOutlier() {
    Baseline b = learnt(10, 11, 12, 13, 14, 10_000);
    assertThat(b.median()).isEqualTo(12.5);
    assertThat(b.mad()).isEqualTo(1.5);
  }

  @Test
  void ewmaFollowsSamplesWithItsWeight() {
    Baseline b = learnt(100, 200);
    assertThat(b.ewma()).isEqualTo(110.0);
  }

  @Test
  void judgesNothingSlowBeforeEnoughSamplesAndLearnsThem() {
    Baseline b = new Baseline();
    for (int i = 0; i < 9; i++) {
      assertThat(b.judge(i == 0 ? 5000 : 20, false)).isFalse();
    }
    assertThat(b.samples()).isEqualTo(9);
    assertThat(b.ready()).isFalse();
    assertThat(b.upper()).isNaN();
  }

  @Test
  void slowIsRelativeToTheSitesOwnNormal() {
    Baseline fast = noisyAround(20, 2, 60);
    Baseline slowSite = noisyAround(900, 60, 60);
    // 400 ms is far beyond a 20 ms site's normal, and well within a 900 ms site's
    assertThat(fast.judge(400, false)).isTrue();
    assertThat(slowSite.judge(400, false)).isFalse();
  }

  @Test
  void smallJitterOnAVeryStableSiteIsNotSlow() {
    Baseline b = learnt(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    assertThat(b.mad()).isZero();
    // the absolute (50 ms) and relative (1.5x) floors keep a zero MAD from flagging 11 ms
    assertThat(b.judge(11, false)).isFalse();
    assertThat(b.judge(59, false)).isFalse();
    assertThat(b.judge(61, false)).isTrue();
  }

  @Test
  void staysSlowUntilBelowTheLowerThreshold() {
    Baseline b = noisyAround(100, 10, 60);
    double between = (b.upper() + b.lower()) / 2;
    assertThat(b.lower()).isLessThan(b.upper());
    assertThat(b.judge(between, false)).as("not slow yet: below the upper threshold").isFalse();
    assertThat(b.judge(between, true)).as("still slow: above the lower threshold").isTrue();
    assertThat(b.judge(b.lower() - 1, true)).isFalse();
  }

  @Test
  void slowSamplesAreNotLearnt() {
    Baseline b = noisyAround(100, 10, 60);
    double median = b.median();
    for (int i = 0; i < 500; i++) {
      assertThat(b.judge(2000, true)).isTrue();
    }
    assertThat(b.median()).isEqualTo(median);
  }

  @Test
  void forgetsBeyondItsWindow() {
    Baseline b = new Baseline(new Baseline.Tuning(20, 5, 0.1, 6, 3, 50, 1.5));
    for (int i = 0; i < 20; i++) {
      b.learn(100);
    }
    for (int i = 0; i < 20; i++) {
      b.learn(300);
    }
    assertThat(b.median()).isEqualTo(300);
    assertThat(b.samples()).isEqualTo(20);
  }

  @Test
  void ignoresImpossibleSamples() {
    Baseline b = learnt(Double.NaN, -1, Double.POSITIVE_INFINITY);
    assertThat(b.samples()).isZero();
    assertThat(b.median()).isNaN();
  }

  @Test
  void refusesInconsistentTuning() {
    assertThatThrownBy(() -> new Baseline.Tuning(10, 20, 0.1, 6, 3, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Baseline.Tuning(10, 5, 0.1, 3, 6, 0, 1))
        .hasMessageContaining("exitK");
    assertThatThrownBy(() -> new Baseline.Tuning(10, 5, 0, 6, 3, 0, 1))
        .hasMessageContaining("alpha");
  }
}
