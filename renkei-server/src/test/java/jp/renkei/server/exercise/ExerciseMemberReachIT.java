package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An attacker with an analyst's login plans an exercise to learn which logins exist (an unknown one
 * was 400, a real one 204), to read a stranger's name and organisation on the console, and to have
 * the hub e-mail that person an inject of the attacker's writing. A controller adds only the people
 * its organisation reaches (its own; NISC any, a ministry its sectors', a CEPTOAR its sector's);
 * anyone else is answered byte for byte as an unknown login.
 */
class ExerciseMemberReachIT extends ServerTest {

  @Autowired ExerciseService exercises;

  long run(Actor controller) {
    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    return exercises.createRun(controller, scenario, Fixtures.unique("範囲"), 1, true);
  }

  /** The refusal as the person sees it: field, message and its arguments. */
  String refusal(Actor controller, long run, String login) {
    InvalidInput e =
        (InvalidInput)
            catchThrowable(() -> exercises.addMember(controller, run, login, "player", "t", ""));
    assertThat(e).as(login).isNotNull();
    return e.field() + " " + e.messageKey() + " " + java.util.Arrays.toString(e.args());
  }

  @Test
  void anOperatorsAnalystAddsOnlyItsOwnPeopleAndAStrangerLooksUnknown() {
    Organisation bank = fixtures.operator("finance");
    UserAccount attackerUser = fixtures.user(bank, Role.ANALYST);
    UserAccount colleague = fixtures.user(bank, Role.ANALYST);
    UserAccount stranger = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    Actor attacker = fixtures.actor(attackerUser);
    long run = run(attacker);

    exercises.addMember(attacker, run, colleague.login(), "player", "own", "");
    for (String login : new String[] {stranger.login(), nisc.login()}) {
      String unknown = "nobody." + Fixtures.unique("x");
      assertThat(refusal(attacker, run, login).replace(login, unknown))
          .isEqualTo(refusal(attacker, run, unknown));
    }
    assertThat(exercises.console(attacker, run).toString())
        .doesNotContain(stranger.login())
        .doesNotContain(nisc.login());

    // over HTTP: the same status and the same body, but for the login it quotes back
    Http http = new Http(port).bearer(fixtures.token(attackerUser));
    HttpResponse<String> none =
        http.postJson(
            "/api/v1/exercises/runs/" + run + "/members",
            "{\"login\":\"nobody.here\",\"role\":\"player\",\"team\":\"t\"}");
    HttpResponse<String> real =
        http.postJson(
            "/api/v1/exercises/runs/" + run + "/members",
            "{\"login\":\"" + stranger.login() + "\",\"role\":\"player\",\"team\":\"t\"}");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(real.statusCode()).isEqualTo(400);
    assertThat(real.body().replace(stranger.login(), "nobody.here")).isEqualTo(none.body());
  }

  @Test
  void nisCeptoarAndMinistryAddTheOrganisationsTheirAdvisoriesReach() {
    UserAccount bankPlayer = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    UserAccount gasPlayer = fixtures.user(fixtures.operator("gas"), Role.ANALYST);

    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    long byNisc = run(nisc);
    exercises.addMember(nisc, byNisc, bankPlayer.login(), "player", "bank", "");
    exercises.addMember(nisc, byNisc, gasPlayer.login(), "player", "gas", "");

    Actor ceptoar = fixtures.actor(fixtures.user("c-bank", Role.ANALYST));
    long byCeptoar = run(ceptoar);
    exercises.addMember(ceptoar, byCeptoar, bankPlayer.login(), "player", "bank", "");
    assertThat(refusal(ceptoar, byCeptoar, gasPlayer.login())).contains(gasPlayer.login());

    Actor fsa = fixtures.actor(fixtures.user("fsa", Role.ANALYST));
    long byFsa = run(fsa);
    exercises.addMember(fsa, byFsa, bankPlayer.login(), "player", "bank", "");
    assertThat(refusal(fsa, byFsa, gasPlayer.login())).contains(gasPlayer.login());
  }
}
