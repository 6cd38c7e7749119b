package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditEntry;
import jp.renkei.server.audit.AuditFilter;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.review.FollowUp;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Organisation admins read their own people's audit entries about the exercises their organisation
 * planned or took part in (they read none before: exercise entries named a target no policy
 * judged), and nothing about an exercise of organisations they have nothing to do with — neither
 * another organisation's admin nor a platform admin elsewhere, by the service or the API.
 */
class ExerciseAuditIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired FollowUp followUp;
  @Autowired AuditLog audit;

  List<AuditEntry> entries(UserAccount viewer) {
    return audit.search(
        fixtures.actor(viewer), new AuditFilter("exercise.", null, null, null, null, null, 500));
  }

  static List<String> about(List<AuditEntry> entries, long... ids) {
    List<String> targets = java.util.Arrays.stream(ids).mapToObj(String::valueOf).toList();
    return entries.stream()
        .filter(e -> targets.contains(e.targetId()))
        .map(e -> e.action() + " " + e.targetType())
        .toList();
  }

  String api(UserAccount viewer) {
    HttpResponse<String> r =
        http().bearer(fixtures.token(viewer)).get("/api/v1/audit?limit=500&action=exercise.");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void organisationAdminsReadTheirOwnExerciseEntriesAndNothingOfOtherOrganisations() {
    // the finance CEPTOAR plans a sector exercise with one of its operators (a controller adds
    // only people its organisation reaches: ExerciseMemberReachIT)
    Organisation playing = fixtures.operator("finance");
    Organisation bystander = fixtures.operator("finance");
    UserAccount planner = fixtures.user("c-bank", Role.ANALYST);
    UserAccount evaluator = fixtures.user(playing, Role.ANALYST);
    Actor plans = fixtures.actor(planner);

    long scenario = exercises.createScenario(plans, ExerciseIT.scenario());
    long run = exercises.createRun(plans, scenario, "監査の演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(plans, run, evaluator.login(), "evaluator", "", "");
    followUp.addLesson(fixtures.actor(evaluator), run, "communication", "夜間の連絡先が古かった");

    // the planning organisation's admin: its people's entries on its scenario and run
    UserAccount planningAdmin = fixtures.user("c-bank", Role.ORG_ADMIN);
    assertThat(about(entries(planningAdmin), scenario, run))
        .containsExactlyInAnyOrder(
            "exercise.scenario.create exercise_scenario",
            "exercise.run.create exercise_run",
            "exercise.member exercise_run");
    // the playing organisation's admin: its evaluator's lesson on the run it took part in, and
    // nothing the planning organisation's people did
    UserAccount playingAdmin = fixtures.user(playing, Role.ORG_ADMIN);
    assertThat(about(entries(playingAdmin), scenario, run))
        .containsExactly("exercise.lesson exercise_run");
    assertThat(api(playingAdmin))
        .contains("\"targetId\":\"" + run + "\"")
        .doesNotContain("\"targetId\":\"" + scenario + "\"");

    // the leak: an organisation that took no part, and a platform admin of an organisation that
    // took no part (it reads every organisation's entries, each still judged by the policy)
    UserAccount bystanderAdmin = fixtures.user(bystander, Role.ORG_ADMIN);
    UserAccount platformAdmin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    for (UserAccount outsider : List.of(bystanderAdmin, platformAdmin)) {
      assertThat(about(entries(outsider), scenario, run)).as(outsider.login()).isEmpty();
      assertThat(api(outsider))
          .as(outsider.login())
          .doesNotContain("\"targetId\":\"" + run + "\"")
          .doesNotContain("\"targetId\":\"" + scenario + "\"");
    }
    // the shell at the hub's machine reads the whole chain, as before
    assertThat(
            about(
                audit.search(
                    Actor.cli(), new AuditFilter("exercise.", null, null, null, null, null, 500)),
                scenario,
                run))
        .hasSize(4);
  }
}
