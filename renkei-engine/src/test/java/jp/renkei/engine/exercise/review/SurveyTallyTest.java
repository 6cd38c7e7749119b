package jp.renkei.engine.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyTallyTest {

  @Test
  void countsEachRatingAndAveragesToOneDecimal() {
    SurveyTally.Distribution d = SurveyTally.distribution(Arrays.asList(5, 4, 4, null, 9, 1));
    assertThat(d.counts()).containsExactly(1, 0, 0, 2, 1);
    assertThat(d.n()).isEqualTo(4);
    assertThat(d.average()).isEqualTo(3.5);
    assertThat(d.percent(4)).isEqualTo(50);
  }

  @Test
  void noRatingsHaveNoAverage() {
    SurveyTally.Distribution d = SurveyTally.distribution(List.of());
    assertThat(d.average()).isNull();
    assertThat(d.percent(3)).isZero();
  }

  @Test
  void groupsOfFewerThanThreeAnswersAreNotShown() {
    assertThat(SurveyTally.showable(Map.of("bank", 3, "power", 4, "gas", 1, "rail", 2)))
        .containsExactly("bank", "power");
  }

  @Test
  void noGroupIsShownWhenTheOthersCouldBeWorkedOutFromTheTotal() {
    // overall minus bank would give power's two answers away
    assertThat(SurveyTally.showable(Map.of("bank", 3, "power", 2))).isEmpty();
    assertThat(SurveyTally.showable(Map.of("bank", 5, "power", 1, "gas", 1))).isEmpty();
    assertThat(SurveyTally.showable(Map.of("bank", 3, "power", 3)))
        .containsExactly("bank", "power");
  }
}
