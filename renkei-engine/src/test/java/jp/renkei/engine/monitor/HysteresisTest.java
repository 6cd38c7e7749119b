package jp.renkei.engine.monitor;

import static jp.renkei.engine.monitor.Hysteresis.Change.CLEARED;
import static jp.renkei.engine.monitor.Hysteresis.Change.NONE;
import static jp.renkei.engine.monitor.Hysteresis.Change.RAISED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HysteresisTest {

  @Test
  void raisesAfterTheConditionHeldLongEnough() {
    Hysteresis h = new Hysteresis(2, 3);
    assertThat(h.update(true)).isEqualTo(NONE);
    assertThat(h.update(true)).isEqualTo(RAISED);
    assertThat(h.update(true)).isEqualTo(NONE);
    assertThat(h.active()).isTrue();
  }

  @Test
  void doesNotFlapOnAlternatingConditions() {
    Hysteresis h = new Hysteresis(2, 3);
    for (int i = 0; i < 50; i++) {
      assertThat(h.update(i % 2 == 0)).isEqualTo(NONE);
    }
    assertThat(h.active()).isFalse();
    h.update(true);
    h.update(true);
    for (int i = 0; i < 50; i++) {
      assertThat(h.update(i % 2 == 0)).isEqualTo(NONE);
    }
    assertThat(h.active()).isTrue();
  }

  @Test
  void clearsAfterTheConditionWasAbsentLongEnough() {
    Hysteresis h = new Hysteresis(1, 3, true);
    assertThat(h.update(false)).isEqualTo(NONE);
    assertThat(h.update(false)).isEqualTo(NONE);
    assertThat(h.update(false)).isEqualTo(CLEARED);
    assertThat(h.active()).isFalse();
    assertThat(h.update(true)).isEqualTo(RAISED);
  }
}
