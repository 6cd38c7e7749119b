package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run scheduled to start at a given time is started by the scheduler, and delivers its injects.
 */
class RunScheduleIT extends ServerTest {

  @Autowired ExerciseService exercises;

  @Test
  void theSchedulerStartsARunAtItsScheduledTime() throws Exception {
    UserAccount planner = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(planner);
    UserAccount playerUser = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Actor player = fixtures.actor(playerUser);
    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    long run = exercises.createRun(controller, scenario, "予約 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, playerUser.login(), "player", "t", "");

    assertThatThrownBy(() -> exercises.scheduleStart(player, run, Instant.now().plusSeconds(60)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () -> exercises.scheduleStart(controller, run, Instant.now().minusSeconds(1)))
        .isInstanceOf(InvalidInput.class);
    var api = http().bearer(fixtures.token(planner));
    var bad =
        api.putJson("/api/v1/exercises/runs/" + run + "/schedule", "{\"startAt\":\"tomorrow\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain("Exception");

    Instant at = Instant.now().plusSeconds(3);
    exercises.scheduleStart(controller, run, at);
    assertThat(exercises.console(controller, run).scheduledStart()).isEqualTo(at);
    assertThat(exercises.console(controller, run).state()).isEqualTo("NOT_STARTED");
    // (the hub's own one-second scheduler may start it first: either way it starts at its time)
    for (int i = 0; i < 200 && !exercises.console(controller, run).state().equals("RUNNING"); i++) {
      exercises.tick(Instant.now());
      Thread.sleep(100);
    }
    var console = exercises.console(controller, run);
    assertThat(console.state()).isEqualTo("RUNNING");
    assertThat(console.scheduledStart()).isNull();
    assertThat(console.elapsed()).isLessThan(Duration.between(at, Instant.now()).plusSeconds(1));
    assertThat(exercises.play(player, run).messages())
        .extracting(ExerciseViews.Message::key)
        .contains("1");
    // a started run cannot be scheduled again
    assertThatThrownBy(
            () -> exercises.scheduleStart(controller, run, Instant.now().plusSeconds(60)))
        .isInstanceOf(jp.renkei.server.failure.Conflict.class);
  }
}
