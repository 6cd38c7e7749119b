package jp.renkei.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonalBandTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  // a Monday 00:00 in Tokyo
  static final Instant MONDAY = Instant.parse("2026-01-04T15:00:00Z");

  /** Busy on weekday mornings 9–11 (300 ms), quiet otherwise (100 ms), with a little noise. */
  static List<SeasonalBand.Hourly> weeks(int weeks) {
    List<SeasonalBand.Hourly> out = new ArrayList<>();
    for (int h = 0; h < weeks * 168; h++) {
      Instant t = MONDAY.plus(Duration.ofHours(h));
      int how = h % 168;
      boolean busy = how / 24 < 5 && how % 24 >= 9 && how % 24 <= 11;
      out.add(new SeasonalBand.Hourly(t, (busy ? 300 : 100) + (h / 168) * 3));
    }
    return out;
  }

  @Test
  void hourOfWeekCountsFromMondayInTheGivenZone() {
    assertThat(SeasonalBand.hourOfWeek(MONDAY, TOKYO)).isZero();
    assertThat(SeasonalBand.hourOfWeek(MONDAY.minusSeconds(1), TOKYO)).isEqualTo(167);
    assertThat(SeasonalBand.hourOfWeek(MONDAY.plus(Duration.ofHours(33)), TOKYO)).isEqualTo(33);
  }

  @Test
  void noBandBeforeThreeWeeksOfHistory() {
    assertThat(SeasonalBand.of(weeks(2), TOKYO, 3)).isEmpty();
    assertThat(SeasonalBand.of(List.of(), TOKYO, 3)).isEmpty();
  }

  @Test
  void bandFollowsTheWeeklyRhythm() {
    SeasonalBand band = SeasonalBand.of(weeks(4), TOKYO, 3).orElseThrow();
    Instant nextMondayTen = MONDAY.plus(Duration.ofDays(28)).plus(Duration.ofHours(10));
    Instant nextMondayThree = MONDAY.plus(Duration.ofDays(28)).plus(Duration.ofHours(3));
    SeasonalBand.Band busy = band.at(nextMondayTen).orElseThrow();
    SeasonalBand.Band quiet = band.at(nextMondayThree).orElseThrow();
    assertThat(busy.centre()).isBetween(300.0, 310.0);
    assertThat(quiet.centre()).isBetween(100.0, 110.0);
    // 250 ms is normal on a busy Monday morning and anomalous at 3 a.m.
    assertThat(busy.above(250)).isFalse();
    assertThat(quiet.above(250)).isTrue();
    assertThat(quiet.low()).isLessThan(quiet.centre());
  }

  @Test
  void ignoresNonFiniteRollups() {
    List<SeasonalBand.Hourly> h = new ArrayList<>(weeks(4));
    h.add(new SeasonalBand.Hourly(MONDAY.plus(Duration.ofDays(40)), Double.NaN));
    SeasonalBand band = SeasonalBand.of(h, TOKYO, 3).orElseThrow();
    assertThat(band.at(MONDAY.plus(Duration.ofHours(3))).orElseThrow().centre()).isFinite();
  }
}
