package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An adversary at the controller's desk: a report one player organisation files to another (its
 * CEPTOAR) in a run is outside the NISC controller's audience, and must not show on the console,
 * the console API or in the scores — not its title, its id, its time, nor by a count or an outcome
 * that differs from a team that filed nothing. An evaluator at the CEPTOAR, who may see it, gets
 * the automatic check (so the test is not vacuous).
 */
class ExerciseEvidenceLeakIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired ReportFilingService filing;
  @Autowired jp.renkei.server.directory.DirectoryService directory;

  @Test
  void aReportSharedOnlyBetweenTwoPlayersNeverReachesTheControllersConsoleOrScore() {
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(controllerUser);
    Organisation bankOrg = member("finance", "c-bank");
    Organisation quietOrg = member("finance", "c-bank");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount quietUser = fixtures.user(quietOrg, Role.ANALYST);
    UserAccount ceptoarUser = fixtures.user("c-bank", Role.ANALYST);
    Actor bank = fixtures.actor(bankUser);
    Actor ceptoarEvaluator = fixtures.actor(ceptoarUser);

    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    long run = exercises.createRun(controller, scenario, "証跡 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(controller, run, quietUser.login(), "player", "quiet", "");
    exercises.addMember(controller, run, ceptoarUser.login(), "evaluator", "", "");
    exercises.control(controller, run, "start");

    String title = Fixtures.unique("二者間の報告");
    long hidden = filing.create(bank, ExerciseIT.ceptoarReport(title, run), true);

    // while running: the bank's team looks exactly like a team that filed nothing
    var live = exercises.console(controller, run);
    assertThat(withoutTeam(team(live, "bank"))).isEqualTo(withoutTeam(team(live, "quiet")));
    // the CEPTOAR may see the report: the automatic check finds it
    assertThat(team(exercises.console(ceptoarEvaluator, run), "bank").outcome())
        .isEqualTo(Outcome.MET);

    exercises.control(controller, run, "stop");
    var ended = exercises.console(controller, run);
    RunScoring.TeamScore bankScore = team(ended, "bank");
    assertThat(bankScore.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(bankScore.reason()).isEqualTo(RunScoring.UNSHARED);
    assertThat(bankScore.timeToAction()).isNull();
    assertThat(withoutTeam(bankScore)).isEqualTo(withoutTeam(team(ended, "quiet")));
    assertThat(ended.points()).isZero();
    var ceptoarView = team(exercises.console(ceptoarEvaluator, run), "bank");
    assertThat(ceptoarView.outcome()).isEqualTo(Outcome.MET);
    assertThat(ceptoarView.timeToAction()).isNotNull();

    // the API and the page: no title, no id, and the same entry for both teams
    var api = http().bearer(fixtures.token(controllerUser));
    String json = api.get("/api/v1/exercises/runs/" + run + "/console").body();
    assertThat(json).contains("\"team\":\"bank\"").doesNotContain(title, Long.toString(hidden));
    assertThat(entry(json, "bank").replace("bank", "quiet")).isEqualTo(entry(json, "quiet"));
    String playJson = api.get("/api/v1/exercises/runs/" + run).body();
    assertThat(playJson).doesNotContain(title, Long.toString(hidden));
    var web = http();
    web.signIn(controller.login(), Fixtures.PASSWORD);
    String page = web.get("/exercises/" + run + "/console").body();
    assertThat(page).contains("証跡が共有されていません").doesNotContain(title);
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /**
   * The run's reports were read newest first up to 5,000 and then judged, so reports the controller
   * may not see (another team's drafts here) pushed the ones it sees out of the evidence: the
   * bank's first report to NISC stopped counting and its team's outcome fell from MET to PENDING
   * once the other team kept 5,001 newer drafts.
   */
  @Test
  void anotherTeamsHiddenReportsLeaveTheControllersScoresAsTheyWere() {
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(controllerUser);
    UserAccount bankUser = fixtures.user(member("finance", "c-bank"), Role.ANALYST);
    UserAccount busyUser = fixtures.user(member("finance", "c-bank"), Role.ANALYST);
    Actor bank = fixtures.actor(bankUser);
    Actor busy = fixtures.actor(busyUser);
    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    long run = exercises.createRun(controller, scenario, "証跡 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(controller, run, busyUser.login(), "player", "busy", "");
    exercises.control(controller, run, "start");

    filing.create(bank, ExerciseIT.hotlineReport(Fixtures.unique("第一報"), run), true);
    RunScoring.TeamScore before = team(exercises.console(controller, run), "bank");
    assertThat(before.outcome()).isEqualTo(Outcome.MET);

    long draft = filing.create(busy, ExerciseIT.hotlineReport(Fixtures.unique("下書き"), run), false);
    jdbc.sql(
            "insert into report (originator_org_id, originator_user_id, sector_code, route,"
                + " ceptoar_id, anonymise, tlp, scope_sectors, scope_types, excluded_org_ids,"
                + " recipient_user_ids, status, presented_originator, exercise_run_id)"
                + " select originator_org_id, originator_user_id, sector_code, route, ceptoar_id,"
                + " anonymise, tlp, scope_sectors, scope_types, excluded_org_ids,"
                + " recipient_user_ids, status, presented_originator, exercise_run_id"
                + " from report, generate_series(1, 5001) where id = ?")
        .param(draft)
        .update();

    RunScoring.TeamScore after = team(exercises.console(controller, run), "bank");
    assertThat(after.outcome()).isEqualTo(Outcome.MET);
    assertThat(after.timeToAction()).isEqualTo(before.timeToAction());
  }

  @Autowired jp.renkei.server.advisory.AdvisoryService advisories;

  /**
   * The same for the run's advisories (its list and the receipts and issues its checks score): the
   * newest 5,000 were read and then judged, so 5,001 newer advisories the controller may not see
   * (another issuer's AMBER ones) emptied the run's advisory list of the controller's own.
   */
  @Test
  void anotherIssuersHiddenAdvisoriesPushNoneOfTheRunsVisibleOnesOut() {
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(controllerUser);
    UserAccount bankUser = fixtures.user(member("finance", "c-bank"), Role.ANALYST);
    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    long run = exercises.createRun(controller, scenario, "証跡 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.control(controller, run, "start");
    long own = advisories.issue(controller, ExerciseIT.advisory(Fixtures.unique("情報提供"), run));
    assertThat(advisories.inExercise(controller, run, 100))
        .extracting(jp.renkei.server.advisory.AdvisoryService.Summary::id)
        .containsExactly(own);

    long ceptoar = fixtures.user("c-bank", Role.ANALYST).organisationId();
    jdbc.sql(
            "insert into advisory (issuer_org_id, tlp, status, exercise_run_id)"
                + " select ?, 'amber', 'active', exercise_run_id from advisory,"
                + " generate_series(1, 5001) where id = ?")
        .params(ceptoar, own)
        .update();

    assertThat(advisories.inExercise(controller, run, 100))
        .extracting(jp.renkei.server.advisory.AdvisoryService.Summary::id)
        .containsExactly(own);
  }

  Organisation member(String sector, String ceptoar) {
    String code = Fixtures.unique("leakop");
    return directory.create(
        Actor.cli(),
        new jp.renkei.server.directory.NewOrganisation(
            code,
            "証跡試験事業者 " + code,
            "Evidence test operator " + code,
            "operator",
            sector,
            null,
            null,
            List.of(ceptoar)));
  }

  static RunScoring.TeamScore team(ExerciseViews.Console c, String team) {
    return c.scores().get(0).teams().stream()
        .filter(t -> t.team().equals(team))
        .findFirst()
        .orElseThrow();
  }

  static List<Object> withoutTeam(RunScoring.TeamScore t) {
    return java.util.Arrays.asList(
        t.outcome(), t.timeToAction(), t.points(), t.marked(), t.note(), t.reason());
  }

  /** The JSON object of one team's score in the console body. */
  static String entry(String json, String team) {
    int at = json.indexOf("\"team\":\"" + team + "\"");
    int start = json.lastIndexOf('{', at);
    int end = json.indexOf('}', at);
    return json.substring(start, end + 1);
  }
}
