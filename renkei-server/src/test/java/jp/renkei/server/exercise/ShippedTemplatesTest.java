package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.renkei.engine.exercise.Check;
import jp.renkei.engine.exercise.Phase;
import jp.renkei.engine.exercise.Scenario;
import jp.renkei.server.failure.InvalidInput;
import org.junit.jupiter.api.Test;

class ShippedTemplatesTest {

  @Test
  void everyShippedTemplateIsAValidScenario() {
    for (String name : ScenarioTemplates.NAMES) {
      Scenario s = ScenarioTemplates.document(name).toScenario();
      assertThat(s.injects()).as(name).isNotEmpty();
    }
  }

  @Test
  void theHospitalTabletopFollowsTheFourPhasesWithRolesAndPrompts() {
    Scenario s = ScenarioTemplates.document("hospital-bcp").toScenario();
    assertThat(s.phases())
        .extracting(Phase::title)
        .containsExactly("1 初動・エスカレーション", "2 被害拡大（医療機器への影響判明）", "3 応急復旧（機器交換・データ復旧）", "4 気づきの共有");
    assertThat(s.phases()).allSatisfy(p -> assertThat(p.discussionPrompts()).isNotEmpty());
    assertThat(s.injects())
        .flatExtracting(i -> i.targets())
        .extracting(t -> t.value())
        .contains("医師", "看護師", "情報システム担当");
  }

  @Test
  void theCeptoarDrillsCheckConfirmationAndFiling() {
    assertThat(
            ScenarioTemplates.document("ceptoar-drill-provision")
                .toScenario()
                .injects()
                .get(0)
                .expectations()
                .get(0)
                .check())
        .isEqualTo(Check.ADVISORY_CONFIRMED);
    assertThat(
            ScenarioTemplates.document("ceptoar-drill-liaison")
                .toScenario()
                .injects()
                .get(0)
                .expectations()
                .get(0)
                .check())
        .isEqualTo(Check.REPORT_FILED);
  }

  @Test
  void anUnknownTemplateIsRefusedByName() {
    assertThatThrownBy(() -> ScenarioTemplates.document("../V1__reference_data"))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void aScheduledStartIsReadInJapanTime() {
    assertThat(RunSchedulePages.parse("2026-12-01T12:00"))
        .isEqualTo(java.time.Instant.parse("2026-12-01T03:00:00Z"));
    assertThat(RunSchedulePages.parse(" ")).isNull();
    assertThatThrownBy(() -> RunSchedulePages.parse("tomorrow")).isInstanceOf(InvalidInput.class);
  }
}
