package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import jp.renkei.engine.exercise.Channel;
import jp.renkei.engine.exercise.Scenario;
import org.junit.jupiter.api.Test;

class ShippedScenarioTest {

  @Test
  void theCrossSectorTemplateFollowsThe2015Timeline() throws Exception {
    ScenarioDocument doc;
    try (InputStream in = DemoScenario.class.getResourceAsStream(DemoScenario.CROSS_SECTOR_2015)) {
      doc = ExerciseService.JSON.readValue(in, ScenarioDocument.class);
    }
    Scenario s = doc.toScenario();
    // 12:45 start: NISC's advisory at 13:45, part 2 at 15:00, its advisory at 15:45
    assertThat(s.inject("4").orElseThrow().offset().toMinutes()).isEqualTo(60);
    assertThat(s.phases().get(1).start().toMinutes()).isEqualTo(135);
    assertThat(s.inject("8").orElseThrow().offset().toMinutes()).isEqualTo(180);
    assertThat(s.inject("7").orElseThrow().onCommand()).isTrue();
    assertThat(s.inject("7").orElseThrow().channel()).isEqualTo(Channel.PHONE_SCRIPT);
    assertThat(s.maxPoints()).isEqualTo(75);
  }
}
