package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhaseChartTest {

  @Test
  void coordinatesAreWrittenRoundedToOneDecimal() {
    Random random = new Random(17);
    for (int i = 0; i < 10_000; i++) {
      double v = random.nextDouble() * 760;
      String written = PhaseChart.tenths(new StringBuilder(), v).toString();
      assertThat(written).as("%s", v).matches("[0-9]+\\.[0-9]");
      assertThat(Math.abs(Double.parseDouble(written) - v))
          .as("%s", v)
          .isLessThanOrEqualTo(0.05 + 1e-9);
      // the same as %.1f except, at most, on an exact tie
      assertThat(
              Math.abs(
                  Double.parseDouble(written)
                      - Double.parseDouble(String.format(Locale.ROOT, "%.1f", v))))
          .isLessThan(0.11);
    }
    assertThat(PhaseChart.tenths(new StringBuilder(), 0).toString()).isEqualTo("0.0");
    assertThat(PhaseChart.tenths(new StringBuilder(), 199.96).toString()).isEqualTo("200.0");
    assertThat(PhaseChart.tenths(new StringBuilder(), -2.26).toString()).isEqualTo("-2.3");
  }

  @Test
  void aFailedPointIsAMarkAndTheTotalLineSkipsIt() {
    Instant t = Instant.parse("2026-11-30T00:00:00Z");
    String svg =
        PhaseChart.svg(
            List.of(
                new PhaseChart.Point(t, 1f, 5f, 12f, 40f, 2f, 60f),
                new PhaseChart.Point(t.plusSeconds(60), null, null, null, null, null, null),
                new PhaseChart.Point(t.plusSeconds(120), 1f, 5f, 12f, 40f, 2f, 80f)),
            new PhaseChart.Band(50, 70));
    assertThat(svg).contains("class=\"band\"").contains("<line class=\"failure\" x1=\"405.0\"");
    assertThat(svg).contains("class=\"phase-5\" d=\"M50.0,").contains("L760.0,");
    assertThat(svg).doesNotContain("NaN").doesNotContain(",,");
  }
}
