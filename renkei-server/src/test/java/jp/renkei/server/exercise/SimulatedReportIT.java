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
 * report's audience, in the run or not, finds it by list, id, search, count or API. Targeted at an
 * operator, a ministry or NISC it enters the route at that level. An inject that cannot be filed
 * (an operator of no CEPTOAR) is recorded on the console while the tick goes on.
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
                null)),
        null);
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

  static ScenarioDocument scenarioTo(String title, List<ScenarioDocument.TargetDoc> targets) {
    ScenarioDocument base = scenario(title, "ceptoar");
    var i = base.injects().get(0);
    return new ScenarioDocument(
        base.title(),
        base.purpose(),
        base.objectives(),
        base.phases(),
        List.of(
            new ScenarioDocument.InjectDoc(
                i.key(),
                i.minute(),
                targets,
                i.sender(),
                i.channel(),
                i.title(),
                i.content(),
                i.expectations(),
                false,
                null,
                null)),
        null);
  }

  record Hop(String kind, long org, boolean delivered) {}

  List<Hop> hops(long report) {
    return jdbc.sql(
            "select kind, recipient_org_id, delivered_at is not null from report_hop"
                + " where report_id = ? order by hop_order")
        .param(report)
        .query((rs, n) -> new Hop(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
        .list();
  }

  /**
   * Targeted at an operator, a ministry and NISC, the simulated report enters each at its level of
   * the route (operator → CEPTOAR → ministry → NISC): the operator's through its CEPTOAR (which it
   * reads as the CEPTOAR's member), the ministry's and NISC's as if forwarded up to them. Each
   * reaches exactly its policy audience: the operator never sees the ministry's, the ministry never
   * the CEPTOAR's before it is forwarded, another CEPTOAR's operator in the run and another
   * ministry's analyst outside it see none, by the run's list, id or REST API.
   */
  @Test
  void aSimulatedReportEntersAtAnOperatorsCeptoarAMinistryOrNiscAndOnlyThere() throws Exception {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation bankOrg = operator("finance", "c-bank");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount ministryUser = fixtures.user("fsa", Role.ANALYST);
    UserAccount niscUser = fixtures.user("nisc", Role.ANALYST);
    // in the run but outside every audience: an operator of another CEPTOAR (targeted as an
    // operator too, so its report goes to its own CEPTOAR)
    UserAccount powerUser = fixtures.user(operator("electricity", "c-power"), Role.ANALYST);
    Actor bank = fixtures.actor(bankUser);
    Actor ministry = fixtures.actor(ministryUser);
    Actor power = fixtures.actor(powerUser);
    UserAccount otherMinistry = fixtures.user("mhlw", Role.ANALYST);
    long cBank = directory.organisation("c-bank").id();
    long cPower = directory.organisation("c-power").id();
    long fsa = directory.organisation("fsa").id();
    long nisc = directory.organisation("nisc").id();
    String title = Fixtures.unique("模擬入口");

    long scenario =
        exercises.createScenario(
            controller,
            scenarioTo(
                title,
                List.of(
                    new ScenarioDocument.TargetDoc("organisation_type", "operator"),
                    new ScenarioDocument.TargetDoc("organisation_type", "ministry"),
                    new ScenarioDocument.TargetDoc("organisation_type", "nisc"))));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(controller, run, powerUser.login(), "player", "power", "");
    exercises.addMember(controller, run, ministryUser.login(), "player", "fsa", "");
    exercises.addMember(controller, run, niscUser.login(), "player", "nisc", "");
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());
    assertThat(exercises.console(controller, run).timeline().get(0).failure()).isNull();

    java.util.Map<Long, Long> byEntry = new java.util.HashMap<>();
    for (long id :
        jdbc.sql("select id from report where exercise_run_id = ?")
            .param(run)
            .query(Long.class)
            .list()) {
      byEntry.put(hops(id).get(0).org(), id);
    }
    assertThat(byEntry).containsOnlyKeys(cBank, cPower, fsa, nisc);
    long atCeptoar = byEntry.get(cBank);
    long atMinistry = byEntry.get(fsa);
    long atNisc = byEntry.get(nisc);
    assertThat(hops(atCeptoar))
        .containsExactly(
            new Hop("ceptoar", cBank, true),
            new Hop("ministry", fsa, false),
            new Hop("nisc", nisc, false));
    assertThat(hops(atMinistry))
        .containsExactly(new Hop("ministry", fsa, true), new Hop("nisc", nisc, false));
    assertThat(hops(atNisc)).containsExactly(new Hop("nisc", nisc, true));
    // the ministry's is in its sector, with no CEPTOAR named (the sender's is not of this hub)
    assertThat(
            jdbc.sql(
                    "select sector_code || ' ' || coalesce(ceptoar_id::text, '-') from report where id = ?")
                .param(atMinistry)
                .query(String.class)
                .single())
        .isEqualTo("finance -");

    // the operator reads its CEPTOAR's, as a member; never the ministry's nor the other CEPTOAR's
    assertThat(exercises.play(bank, run).reports())
        .extracting(ReportService.Summary::id)
        .containsExactly(atCeptoar);
    assertThat(exercises.play(bank, run).reports().get(0).originatorName()).isEqualTo("【模擬】A社（模擬）");
    for (long hidden : List.of(atMinistry, atNisc, byEntry.get(cPower))) {
      assertThatThrownBy(() -> reports.view(bank, hidden)).isInstanceOf(NotFound.class);
    }
    // the other CEPTOAR's operator reads only its own CEPTOAR's
    assertThat(exercises.play(power, run).reports())
        .extracting(ReportService.Summary::id)
        .containsExactly(byEntry.get(cPower));
    // the ministry has its own in its inbox at its level, not the CEPTOAR's before it is forwarded
    assertThat(exercises.play(ministry, run).reports())
        .extracting(ReportService.Summary::id)
        .containsExactly(atMinistry);
    assertThatThrownBy(() -> reports.view(ministry, atCeptoar)).isInstanceOf(NotFound.class);
    Http ministryApi = http().bearer(fixtures.token(ministryUser));
    assertThat(ministryApi.postJson("/api/v1/reports/" + atMinistry + "/read", "{}").statusCode())
        .isEqualTo(200);
    var forwarded = ministryApi.postJson("/api/v1/reports/" + atMinistry + "/forward", "{}");
    assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
    assertThat(hops(atMinistry).get(1).delivered()).isTrue();
    // forwarding counts as the ministry's report_forwarded
    var fsaScore =
        exercises.console(controller, run).scores().stream()
            .filter(x -> x.key().equals("1-1"))
            .flatMap(x -> x.teams().stream())
            .filter(t -> t.team().equals("fsa"))
            .findFirst()
            .orElseThrow();
    assertThat(fsaScore.outcome()).isEqualTo(Outcome.MET);
    // NISC's is in NISC's hands at the end of the route: it cannot be forwarded further
    Http niscApi = http().bearer(fixtures.token(niscUser));
    assertThat(niscApi.postJson("/api/v1/reports/" + atNisc + "/read", "{}").statusCode())
        .isEqualTo(200);
    assertThat(niscApi.postJson("/api/v1/reports/" + atNisc + "/forward", "{}").statusCode())
        .isEqualTo(409);

    // real work shows none of them to anyone they reached
    for (Actor a : List.of(bank, ministry, fixtures.actor(niscUser))) {
      for (long id : byEntry.values()) {
        assertThat(reports.list(a, 500)).extracting(ReportService.Summary::id).doesNotContain(id);
        assertThat(reports.inbox(a, 500))
            .extracting(ReportService.InboxItem::reportId)
            .doesNotContain(id);
      }
      assertThat(search.search(a, title, null).groups()).allMatch(g -> g.hits().isEmpty());
    }
    // another ministry's analyst, outside the run: the 404 of a report that does not exist
    Http outsider = http().bearer(fixtures.token(otherMinistry));
    for (long id : byEntry.values()) {
      var byId = outsider.get("/api/v1/reports/" + id);
      var none = outsider.get("/api/v1/reports/" + (id + 9_999_999L));
      assertThat(byId.statusCode()).isEqualTo(404);
      assertThat(byId.body().replace(Long.toString(id), "N"))
          .isEqualTo(none.body().replace(Long.toString(id + 9_999_999L), "N"));
    }
    assertThat(outsider.get("/api/v1/reports?limit=500").body()).doesNotContain(title);
  }

  @Test
  void anInjectThatCannotBeFiledIsRecordedAsFailedAndTheTickGoesOn() {
    // an operator of no CEPTOAR has no entry on a report's route: its inbox only, with the reason
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(controllerUser);
    String code = Fixtures.unique("simrep");
    Organisation lone =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "単独事業者 " + code,
                "Lone operator " + code,
                "operator",
                "finance",
                null,
                null,
                List.of()));
    UserAccount bankUser = fixtures.user(lone, Role.ANALYST);
    long scenario =
        exercises.createScenario(controller, scenario(Fixtures.unique("宛先違い"), "operator"));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());
    var row = exercises.console(controller, run).timeline().get(0);
    assertThat(row.state()).isEqualTo("sent");
    assertThat(row.failure())
        .containsExactly(
            new jp.renkei.server.failure.Refusal(
                "exercise.failure.noCeptoar", List.of(lone.code())));
    Http web = http();
    web.signIn(controllerUser.login(), Fixtures.PASSWORD);
    assertThat(web.get("/exercises/" + run + "/console").body())
        .contains("事業者 " + lone.code() + " はどのセプターにも属していないため")
        .doesNotContain("exercise.failure");
    web.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    assertThat(web.get("/exercises/" + run + "/console").body())
        .contains("Operator " + lone.code() + " belongs to no CEPTOAR")
        .doesNotContain("exercise.failure");
    assertThat(exercises.play(fixtures.actor(bankUser), run).messages()).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from report where exercise_run_id = ?")
                .param(run)
                .query(Long.class)
                .single())
        .isZero();
  }
}
