package jp.renkei.engine.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeToActionTest {

  private static TimeToAction.Result r(Integer minutes, int target) {
    return new TimeToAction.Result(
        minutes == null ? null : Duration.ofMinutes(minutes), Duration.ofMinutes(target));
  }

  @Test
  void spreadAndBandsRelativeToEachTarget() {
    TimeToAction t =
        TimeToAction.of(List.of(r(5, 30), r(20, 30), r(50, 30), r(90, 30), r(null, 30), r(10, 10)));
    assertThat(t.answered()).isEqualTo(5);
    assertThat(t.unanswered()).isEqualTo(1);
    assertThat(t.min()).isEqualTo(Duration.ofMinutes(5));
    assertThat(t.median()).isEqualTo(Duration.ofMinutes(20));
    assertThat(t.p90()).isEqualTo(Duration.ofMinutes(90));
    assertThat(t.max()).isEqualTo(Duration.ofMinutes(90));
    assertThat(t.bands())
        .containsEntry(TimeToAction.Band.WITHIN_HALF, 1)
        .containsEntry(TimeToAction.Band.WITHIN_TARGET, 2)
        .containsEntry(TimeToAction.Band.WITHIN_DOUBLE, 1)
        .containsEntry(TimeToAction.Band.LATER, 1)
        .containsEntry(TimeToAction.Band.NONE, 1);
  }

  @Test
  void nothingAnsweredHasNoSpread() {
    TimeToAction t = TimeToAction.of(List.of(r(null, 30)));
    assertThat(t.min()).isNull();
    assertThat(t.median()).isNull();
    assertThat(t.bands()).containsEntry(TimeToAction.Band.NONE, 1);
  }

  @Test
  void showsWhereScoresFell() {
    List<ScoreTrend.Change> c =
        ScoreTrend.compare(
            List.of("1-1", "2-1", "3-1"),
            Map.of("1-1", 0.5, "2-1", 1.0),
            Map.of("1-1", 1.0, "2-1", 1.0, "3-1", 1.0));
    assertThat(c).extracting(ScoreTrend.Change::fell).containsExactly(true, false, false);
    assertThat(ScoreTrend.share(5, 0)).isNull();
  }
}
