package jp.renkei.engine.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void injectsFollowTheTimelineAndPhasesCoverIt() {
    Scenario s = ScenarioFixture.crossSector();
    assertThat(s.injects()).extracting(Inject::key).containsExactly("1", "X", "2", "3", "4", "4b");
    assertThat(s.phaseAt(Duration.ofMinutes(100)).orElseThrow().title()).startsWith("第1部");
    assertThat(s.phaseAt(Duration.ofMinutes(140)).orElseThrow().title()).startsWith("第2部");
    assertThat(s.injectOf("3-1").orElseThrow().key()).isEqualTo("3");
    assertThat(s.maxPoints()).isEqualTo(10);
  }

  @Test
  void refusesDuplicateInjectKeysNamingTheKey() {
    assertThatThrownBy(
            () ->
                new Scenario(
                    "t",
                    "",
                    List.of(),
                    List.of(),
                    List.of(ScenarioFixture.inject("1", 0), ScenarioFixture.inject("1", 5))))
        .isInstanceOf(InvalidScenario.class)
        .extracting(e -> ((InvalidScenario) e).element())
        .isEqualTo("1");
  }

  @Test
  void refusesADependencyOnALaterOrUnknownExpectation() {
    Inject early =
        new Inject(
            "1",
            Duration.ZERO,
            List.of(Target.all()),
            "NISC（模擬）",
            Channel.HUB_INBOX,
            "t",
            "c",
            List.of(),
            false,
            new Inject.Dependency("3-1", Set.of(Outcome.MET)));
    assertThatThrownBy(
            () ->
                new Scenario(
                    "t",
                    "",
                    List.of(),
                    List.of(),
                    List.of(early, ScenarioFixture.inject("3", 40, ScenarioFixture.FIRST_REPORT))))
        .isInstanceOf(InvalidScenario.class)
        .hasMessageContaining("earlier inject");
  }

  @Test
  void refusesAnInjectWithoutSenderOrTargets() {
    assertThatThrownBy(
            () ->
                new Inject(
                    "1",
                    Duration.ZERO,
                    List.of(Target.all()),
                    " ",
                    Channel.EMAIL,
                    "t",
                    "c",
                    List.of(),
                    false,
                    null))
        .hasMessageContaining("発信元");
    assertThatThrownBy(
            () ->
                new Inject(
                    "1",
                    Duration.ZERO,
                    List.of(),
                    "NISC",
                    Channel.EMAIL,
                    "t",
                    "c",
                    List.of(),
                    false,
                    null))
        .hasMessageContaining("付与先");
  }

  @Test
  void targetsReachPlayersByTeamOrganisationTypeSectorAndRole() {
    Participant bank = new Participant("bank1", "finance-a", 7, "operator", "finance", "情報システム部長");
    assertThat(new Target(Target.Kind.SECTOR, "finance").reaches(bank)).isTrue();
    assertThat(new Target(Target.Kind.SECTOR, "medical").reaches(bank)).isFalse();
    assertThat(new Target(Target.Kind.ORGANISATION, "7").reaches(bank)).isTrue();
    assertThat(new Target(Target.Kind.ORGANISATION_TYPE, "nisc").reaches(bank)).isFalse();
    assertThat(new Target(Target.Kind.TEAM, "finance-a").reaches(bank)).isTrue();
    assertThat(new Target(Target.Kind.ROLE, "情報システム部長").reaches(bank)).isTrue();
    assertThat(new Target(Target.Kind.PLAYER, "bank2").reaches(bank)).isFalse();
    assertThatThrownBy(() -> new Target(Target.Kind.SECTOR, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
