package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.engine.exercise.Outcome;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stopped run's record (attack26): once the controller stops the run, nothing a player does
 * changes its scores. A draft filed during the run and submitted after the stop was scored as filed
 * in the run's last moment (its exercise clock is frozen at the stop), so a team missing an
 * expectation met it after the exercise was over, in the console and the after-action report.
 */
class ExerciseStoppedRunIT extends ServerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired ExerciseService exercises;
  @Autowired ReportFilingService filing;
  @Autowired DirectoryService directory;

  Organisation member(String sector, String ceptoar) {
    return ExerciseIT.member(directory, sector, ceptoar);
  }

  @Test
  void aReportSubmittedAfterTheStopScoresNothing() {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    UserAccount bankUser = fixtures.user(member("finance", "c-bank"), Role.ANALYST);
    UserAccount powerUser = fixtures.user(member("electricity", "c-power"), Role.ANALYST);
    Actor bank = fixtures.actor(bankUser);
    Actor power = fixtures.actor(powerUser);
    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(controller, run, powerUser.login(), "player", "power", "");
    exercises.control(controller, run, "start");
    // power files in time; the bank keeps a draft
    filing.create(power, ExerciseIT.hotlineReport(Fixtures.unique("期限内"), run), true);
    long draft = filing.create(bank, ExerciseIT.ceptoarReport(Fixtures.unique("下書き"), run), false);
    exercises.control(controller, run, "stop");
    var console = exercises.console(controller, run);
    var atStop = console.scores().get(0);
    assertThat(ExerciseIT.outcome(atStop, "power")).isEqualTo(Outcome.MET);
    // not met: pending for an evaluator's mark (the controller may not see every report)
    Outcome bankAtStop = ExerciseIT.outcome(atStop, "bank");
    assertThat(bankAtStop).isNotEqualTo(Outcome.MET);

    // the exercise is over; the bank submits its draft
    filing.submit(bank, draft);
    var after = exercises.console(controller, run);
    assertThat(ExerciseIT.outcome(after.scores().get(0), "bank")).isEqualTo(bankAtStop);
    assertThat(ExerciseIT.outcome(after.scores().get(0), "power")).isEqualTo(Outcome.MET);
    assertThat(after.points()).isEqualTo(console.points());
  }

  /**
   * The end-to-end proof owed by attack26 (attack27): the bank's draft goes by the hotline, so the
   * controller (NISC) sees it once submitted, and everything goes through the REST API as the
   * players and the controller would. Before {@code RunClock.over} was asked in the scoring, the
   * submission after the stop was scored as filed at the run's frozen last instant and the bank's
   * expectation turned MET.
   */
  @Test
  void aReportTheControllerSeesSubmittedAfterTheStopScoresNothing() {
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount bankUser = fixtures.user(member("finance", "c-bank"), Role.ANALYST);
    UserAccount powerUser = fixtures.user(member("electricity", "c-power"), Role.ANALYST);
    Http controller = http().bearer(fixtures.token(controllerUser));
    Http bank = http().bearer(fixtures.token(bankUser));
    Http power = http().bearer(fixtures.token(powerUser));
    long scenario =
        id(controller.postJson("/api/v1/exercises/scenarios", json(ExerciseIT.scenario())));
    long run =
        id(
            controller.postJson(
                "/api/v1/exercises/runs",
                "{\"scenarioId\":" + scenario + ",\"title\":\"演習 " + Fixtures.unique("r") + "\"}"));
    for (String[] m : new String[][] {{bankUser.login(), "bank"}, {powerUser.login(), "power"}}) {
      assertThat(
              controller
                  .postJson(
                      "/api/v1/exercises/runs/" + run + "/members",
                      "{\"login\":\""
                          + m[0]
                          + "\",\"role\":\"player\",\"team\":\""
                          + m[1]
                          + "\",\"playedRole\":\"\"}")
                  .statusCode())
          .isEqualTo(204);
    }
    control(controller, run, "start");
    // power files by the hotline in time; the bank keeps a hotline draft
    assertThat(
            power
                .postJson(
                    "/api/v1/reports?submit=true",
                    json(ExerciseIT.hotlineReport(Fixtures.unique("期限内"), run)))
                .statusCode())
        .isEqualTo(201);
    long draft =
        id(
            bank.postJson(
                "/api/v1/reports", json(ExerciseIT.hotlineReport(Fixtures.unique("下書き"), run))));
    control(controller, run, "stop");
    JsonNode atStop = console(controller, run);
    assertThat(outcome(atStop, "power")).isEqualTo("MET");
    assertThat(outcome(atStop, "bank")).isNotEqualTo("MET");

    // the exercise is over; the bank submits its draft, and the controller can read it
    assertThat(bank.postJson("/api/v1/reports/" + draft + "/submit", "{}").statusCode())
        .isEqualTo(200);
    assertThat(controller.get("/api/v1/reports/" + draft).statusCode()).isEqualTo(200);
    JsonNode after = console(controller, run);
    assertThat(outcome(after, "bank")).isEqualTo(outcome(atStop, "bank"));
    assertThat(outcome(after, "power")).isEqualTo("MET");
    assertThat(after.get("points")).isEqualTo(atStop.get("points"));
  }

  static String json(Object o) {
    return JSON.writeValueAsString(o);
  }

  static long id(java.net.http.HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  static void control(Http controller, long run, String action) {
    assertThat(
            controller
                .postJson(
                    "/api/v1/exercises/runs/" + run + "/control", "{\"action\":\"" + action + "\"}")
                .statusCode())
        .isEqualTo(204);
  }

  static JsonNode console(Http controller, long run) {
    var r = controller.get("/api/v1/exercises/runs/" + run + "/console");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static String outcome(JsonNode console, String team) {
    for (JsonNode t : console.get("scores").get(0).get("teams")) {
      if (t.get("team").asString().equals(team)) {
        return t.get("outcome").asString();
      }
    }
    throw new AssertionError("no team " + team + " in " + console);
  }
}
