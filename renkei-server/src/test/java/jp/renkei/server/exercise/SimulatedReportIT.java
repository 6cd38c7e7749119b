package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.search.SearchService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An inject whose 伝達手段 is simulated_report becomes a real exercise report (情報連絡) from its simulated
 * sender, sent into the targeted CEPTOAR's inbox on the ordinary route: the CEPTOAR opens and
 * forwards it to its ministry, which scores a report_forwarded expectation — and nobody outside the
 * report's audience, in the run or not, finds it by list, id, search, count or API. An inject that
 * cannot be filed (an operator is not on a report's route) is recorded on the console while the
 * tick goes on.
 */
class SimulatedReportIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired ReportService reports;
  @Autowired SearchService search;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  Organisation operator(String sector, String ceptoar) {
    String code = Fixtures.unique("simrep");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "模擬報告試験事業者 " + code,
            "Simulated report test operator " + code,
            "operator",
            sector,
            null,
            null,
            List.of(ceptoar)));
  }

  static ScenarioDocument scenario(String title, String targetType) {
    return new ScenarioDocument(
        "模擬情報連絡（試験）",
        "模擬の第一報を所管省庁へ転送する",
        List.of("情報連絡"),
        List.of(new ScenarioDocument.PhaseDoc("第1部", 0, List.of())),
        List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                List.of(new ScenarioDocument.TargetDoc("organisation_type", targetType)),
                "A社（模擬）",
                "simulated_report",
                title,
                "A社の制御システムで不審な通信を検知しました（模擬）",
                List.of(
                    new ScenarioDocument.ExpectationDoc(
                        "1-1", "30分以内に所管省庁へ転送する", 30, 10, "report_forwarded")),
                false,
                null,
                null)));
  }

  @Test
  void aSimulatedReportTravelsTheRealRouteInsideTheExerciseAndNowhereElse() throws Exception {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    UserAccount ceptoarUser = fixtures.user("c-bank", Role.ANALYST);
    // a player of the run outside the report's audience (TLP:AMBER reaches the CEPTOAR's own
    // member operators, as every report does, so this one belongs to another CEPTOAR)
    Organisation bankOrg = operator("electricity", "c-power");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount ministryUser = fixtures.user("fsa", Role.ANALYST);
    Actor ceptoar = fixtures.actor(ceptoarUser);
    Actor bank = fixtures.actor(bankUser);
    Actor ministry = fixtures.actor(ministryUser);
    // outside the run: a real NISC analyst, an analyst of the same CEPTOAR, another sector's
    // operator
    Actor niscReader = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    UserAccount otherCeptoar = fixtures.user("c-power", Role.ANALYST);
    UserAccount stranger = fixtures.user(fixtures.operator("water"), Role.ANALYST);
    String title = Fixtures.unique("模擬情報連絡");
    long realBefore = reports.statistics(niscReader).total();
    List<Long> realListBefore =
        reports.list(niscReader, 500).stream().map(ReportService.Summary::id).toList();

    long scenario = exercises.createScenario(controller, scenario(title, "ceptoar"));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, ceptoarUser.login(), "player", "ceptoar", "");
    exercises.addMember(controller, run, bankUser.login(), "player", "power", "");
    exercises.addMember(controller, run, ministryUser.login(), "player", "fsa", "");
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());

    List<Long> ids =
        jdbc.sql("select id from report where exercise_run_id = ?")
            .param(run)
            .query(Long.class)
            .list();
    assertThat(ids).hasSize(1);
    long id = ids.get(0);
    assertThat(exercises.console(controller, run).timeline().get(0).failure()).isNull();

    // the CEPTOAR receives it in the run, from the simulated sender, marked; it opens (受信確認) and
    // forwards it on the route to its ministry
    var seen = exercises.play(ceptoar, run).reports();
    assertThat(seen).extracting(ReportService.Summary::id).containsExactly(id);
    assertThat(seen.get(0).originatorName()).isEqualTo("【模擬】A社（模擬）");
    assertThat(reports.view(ceptoar, id, java.util.Locale.ENGLISH).toString())
        .contains("[Simulated] A社（模擬）");
    assertThat(exercises.play(ministry, run).reports()).isEmpty();
    assertThatThrownBy(() -> reports.view(ministry, id)).isInstanceOf(NotFound.class);
    Http ceptoarApi = http().bearer(fixtures.token(ceptoarUser));
    var read = ceptoarApi.postJson("/api/v1/reports/" + id + "/read", "{}");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    var forwarded = ceptoarApi.postJson("/api/v1/reports/" + id + "/forward", "{}");
    assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
    assertThat(exercises.play(ministry, run).reports())
        .extracting(ReportService.Summary::id)
        .containsExactly(id);
    var score =
        exercises.console(controller, run).scores().stream()
            .filter(s -> s.key().equals("1-1"))
            .findFirst()
            .orElseThrow();
    assertThat(score.overall()).isEqualTo(Outcome.MET);
    // the simulated report is nobody's own filing: a report_filed check never counts it
    assertThat(reports.submissionsInExercise(controller, run)).isEmpty();

    // a player of the run outside the report's audience: not in the run's list, not by id
    assertThat(exercises.play(bank, run).reports()).isEmpty();
    assertThatThrownBy(() -> reports.view(bank, id)).isInstanceOf(NotFound.class);

    // real work, for everyone — those it reached included: list, inbox, search, count
    for (Actor a : List.of(ceptoar, ministry, controller, niscReader, bank)) {
      assertThat(reports.list(a, 500)).extracting(ReportService.Summary::id).doesNotContain(id);
      assertThat(reports.inbox(a, 500))
          .extracting(ReportService.InboxItem::reportId)
          .doesNotContain(id);
      assertThat(search.search(a, title, null).groups()).allMatch(g -> g.hits().isEmpty());
    }
    assertThat(reports.statistics(niscReader).total()).isEqualTo(realBefore);
    assertThat(reports.list(niscReader, 500).stream().map(ReportService.Summary::id).toList())
        .isEqualTo(realListBefore);

    // outside the run: the REST API answers exactly as for a report that does not exist
    for (UserAccount u : List.of(otherCeptoar, stranger)) {
      Http api = http().bearer(fixtures.token(u));
      var byId = api.get("/api/v1/reports/" + id);
      var none = api.get("/api/v1/reports/" + (id + 9_999_999L));
      assertThat(byId.statusCode()).isEqualTo(404);
      assertThat(none.statusCode()).isEqualTo(404);
      assertThat(byId.body().replace(Long.toString(id), "N"))
          .isEqualTo(none.body().replace(Long.toString(id + 9_999_999L), "N"));
      assertThat(api.get("/api/v1/reports?limit=500").body()).doesNotContain(title, "A社（模擬）");
      assertThatThrownBy(() -> exercises.play(fixtures.actor(u), run)).isInstanceOf(NotFound.class);
    }
    // the stranger's page for the report is the 404 of any missing report
    Http page = http();
    page.signIn(stranger.login(), Fixtures.PASSWORD);
    assertThat(page.get("/reports/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void anInjectThatCannotBeFiledIsRecordedAsFailedAndTheTickGoesOn() {
    // an operator is not on a report's route: the inject reaches its inbox only, with the reason
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    UserAccount bankUser = fixtures.user(operator("finance", "c-bank"), Role.ANALYST);
    long scenario =
        exercises.createScenario(controller, scenario(Fixtures.unique("宛先違い"), "operator"));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());
    var row = exercises.console(controller, run).timeline().get(0);
    assertThat(row.state()).isEqualTo("sent");
    assertThat(row.failure()).contains("CEPTOAR");
    assertThat(exercises.play(fixtures.actor(bankUser), run).messages()).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from report where exercise_run_id = ?")
                .param(run)
                .query(Long.class)
                .single())
        .isZero();
  }
}
