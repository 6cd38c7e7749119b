package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportContent;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.search.SearchService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.worklist.WorkQueueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An exercise played on the real flows, and an adversary looking for its objects through every real
 * way out. A run delivers its injects to the players' exercise inbox, a player files a real 情報連絡
 * inside it, which meets an expectation automatically; the run's dependencies and the evaluator's
 * mark follow. The exercise report and advisory then never reach a real list, the statistics,
 * inboxes, the work queue, search, TAXII or the outbox — while the same kind of real objects filed
 * beside them do (so the test is not vacuous) — and inside the exercise the sharing policy still
 * keeps a player of another organisation from a TLP:AMBER report addressed elsewhere.
 */
class ExerciseIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired ReportFilingService filing;
  @Autowired ReportService reports;
  @Autowired AdvisoryService advisories;
  @Autowired SearchService search;
  @Autowired WorkQueueService work;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  Organisation member(String sector, String ceptoar) {
    return member(directory, sector, ceptoar);
  }

  /** A new operator in {@code sector}, member of {@code ceptoar}, for a run's teams. */
  static Organisation member(DirectoryService directory, String sector, String ceptoar) {
    String code = Fixtures.unique("exop");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "演習試験事業者 " + code,
            "Exercise test operator " + code,
            "operator",
            sector,
            null,
            null,
            List.of(ceptoar)));
  }

  static ScenarioDocument scenario() {
    var all = List.of(new ScenarioDocument.TargetDoc("all", null));
    return new ScenarioDocument(
        "分野横断的演習（試験）",
        "情報共有体制の実効性を検証する",
        List.of("分野間・官民間の連携"),
        List.of(new ScenarioDocument.PhaseDoc("第1部 標的型攻撃", 0, List.of("最初に誰へ連絡したか"))),
        List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                all,
                "JPCERT/CC（模擬）",
                "hub_inbox",
                "早期警戒情報",
                "不審な通信先が共有されました",
                List.of(
                    new ScenarioDocument.ExpectationDoc(
                        "1-1", "NISC へ第一報を連絡する", 30, 10, "report_filed")),
                false,
                null,
                null),
            new ScenarioDocument.InjectDoc(
                "2",
                60,
                all,
                "NISC（模擬）",
                "simulated_advisory",
                "情報提供",
                "対策情報",
                List.of(),
                false,
                "1-1",
                List.of("met")),
            new ScenarioDocument.InjectDoc(
                "2b",
                60,
                all,
                "コントローラー",
                "phone_script",
                "第一報を促す",
                "連絡はお済みですか",
                List.of(),
                false,
                "1-1",
                List.of("partial", "missed")),
            new ScenarioDocument.InjectDoc(
                "X",
                0,
                List.of(new ScenarioDocument.TargetDoc("sector", "finance")),
                "コントローラー",
                "hub_inbox",
                "発動権限者と連絡が取れない",
                "IT-BCP の発動権限者が不在",
                List.of(),
                true,
                null,
                null)),
        null);
  }

  static ReportContent content(String title) {
    return Fixtures.reportContent(title);
  }

  static NewReport ceptoarReport(String title, Long run) {
    return Fixtures.amberReport(title, "ceptoar", "c-bank", run);
  }

  static NewReport hotlineReport(String title, Long run) {
    return Fixtures.amberReport(title, "hotline", null, run);
  }

  static NewAdvisory advisory(String title, Long run) {
    return new NewAdvisory(
        title,
        "本文 " + title,
        null,
        List.of("198.51.100.77"),
        List.of(),
        "green",
        true,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        run);
  }

  /** The advisory citing {@code report} as its source. */
  private static NewAdvisory cited(NewAdvisory a, long report) {
    return new NewAdvisory(
        a.title(),
        a.body(),
        a.actions(),
        a.observables(),
        List.of(report),
        a.tlp(),
        a.all(),
        a.sectors(),
        a.types(),
        a.organisations(),
        a.urgency(),
        a.confirmBy(),
        a.exerciseRunId());
  }

  @Test
  void aRunIsPlayedOnTheRealFlowsAndNothingOfItLeaksIntoRealWork() {
    UserAccount planner = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(planner);
    Organisation bankOrg = member("finance", "c-bank");
    Organisation powerOrg = member("electricity", "c-power");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount powerUser = fixtures.user(powerOrg, Role.ANALYST);
    UserAccount niscPlayer = fixtures.user("nisc", Role.ANALYST);
    UserAccount evaluatorUser = fixtures.user("nisc", Role.ANALYST);
    Actor bank = fixtures.actor(bankUser);
    Actor power = fixtures.actor(powerUser);
    Actor nisc = fixtures.actor(niscPlayer);
    Actor evaluator = fixtures.actor(evaluatorUser);
    Actor cbank = fixtures.actor(fixtures.user("c-bank", Role.ANALYST));
    Actor niscReader = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Actor outsider = fixtures.actor(fixtures.user(bankOrg, Role.ANALYST));

    long scenario = exercises.createScenario(controller, scenario());
    // private to the planning organisation
    assertThatThrownBy(() -> exercises.scenario(bank, scenario)).isInstanceOf(NotFound.class);
    assertThat(exercises.scenarios(bank)).noneMatch(s -> s.id() == scenario);

    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "情報システム部長");
    exercises.addMember(controller, run, powerUser.login(), "player", "power", "");
    exercises.addMember(controller, run, niscPlayer.login(), "player", "nisc", "");
    exercises.addMember(controller, run, evaluatorUser.login(), "evaluator", "", "");
    // players cannot run the clock; strangers do not learn the run exists
    assertThatThrownBy(() -> exercises.control(bank, run, "start"))
        .isInstanceOf(jp.renkei.server.failure.Forbidden.class);
    assertThatThrownBy(() -> exercises.console(outsider, run)).isInstanceOf(NotFound.class);
    // nobody plays before the start
    assertThatThrownBy(() -> filing.create(bank, ceptoarReport("早すぎ", run), true))
        .isInstanceOf(InvalidInput.class);

    exercises.control(controller, run, "start");
    Instant started = Instant.now();
    var play = exercises.play(bank, run);
    assertThat(play.messages()).extracting(ExerciseViews.Message::key).containsExactly("1");
    assertThat(play.messages().get(0).sender()).isEqualTo("JPCERT/CC（模擬）");

    // the controller's command reaches the finance player only
    exercises.command(controller, run, "X");
    assertThat(exercises.play(bank, run).messages())
        .extracting(ExerciseViews.Message::key)
        .contains("X");
    assertThat(exercises.play(power, run).messages())
        .extracting(ExerciseViews.Message::key)
        .containsExactly("1");

    // players answer with the real flows, inside the run; a stranger to the run cannot
    String title = Fixtures.unique("演習報告");
    long exerciseReport = filing.create(bank, ceptoarReport(title, run), true);
    assertThatThrownBy(() -> filing.create(outsider, ceptoarReport("部外者", run), true))
        .isInstanceOf(NotFound.class);
    String advisoryTitle = Fixtures.unique("演習情報提供");
    long exerciseAdvisory = advisories.issue(nisc, advisory(advisoryTitle, run));
    advisories.acknowledge(bank, exerciseAdvisory);
    // addressed to everyone, it reaches the organisations playing in the run only: an outsider
    // (the CEPTOAR, which plays no part) gets no 【訓練】 advisory, no e-mail, no run link
    assertThat(
            jdbc.sql("select organisation_id from advisory_recipient where advisory_id = ?")
                .param(exerciseAdvisory)
                .query(Long.class)
                .list())
        .containsExactlyInAnyOrder(bankOrg.id(), powerOrg.id());
    // the same kinds of real objects beside them, to show each path would show them
    String realTitle = Fixtures.unique("実報告");
    long realReport = filing.create(bank, ceptoarReport(realTitle, null), true);
    String realAdvisoryTitle = Fixtures.unique("実情報提供");
    long realAdvisory = advisories.issue(nisc, advisory(realAdvisoryTitle, null));

    // inside the exercise: its objects carry the banner, and the policy still applies
    assertThat(reports.view(bank, exerciseReport).exerciseRunId()).isEqualTo(run);
    assertThat(reports.inExercise(cbank, run, 50))
        .extracting(ReportService.Summary::id)
        .contains(exerciseReport);
    assertThat(exercises.play(power, run).reports()).isEmpty();
    assertThatThrownBy(() -> reports.view(power, exerciseReport)).isInstanceOf(NotFound.class);
    assertThat(exercises.play(power, run).advisories())
        .extracting(AdvisoryService.Summary::id)
        .containsExactly(exerciseAdvisory);

    // the real ways out: lists, listing search, statistics, inboxes, work queue, search
    assertThat(reports.list(cbank, 500))
        .extracting(ReportService.Summary::id)
        .contains(realReport)
        .doesNotContain(exerciseReport);
    assertThat(reports.inbox(cbank, 500))
        .extracting(ReportService.InboxItem::reportId)
        .contains(realReport)
        .doesNotContain(exerciseReport);
    var waiting = reports.waiting(cbank, 500, 1000);
    assertThat(waiting.first())
        .extracting(ReportService.InboxItem::reportId)
        .contains(realReport)
        .doesNotContain(exerciseReport);
    assertThat(waiting.count()).isEqualTo(waiting.first().size()); // counted = listed
    assertThat(work.queue(cbank).toString()).contains(realTitle).doesNotContain(title);
    assertThat(hits(cbank, title)).isEmpty();
    assertThat(hits(cbank, realTitle)).hasSize(1);
    assertThat(hits(bank, advisoryTitle)).isEmpty();
    // the real advisory is found twice: as an advisory and as its published STIX report
    assertThat(hits(bank, realAdvisoryTitle)).hasSize(2);
    long totalWithBoth = reports.statistics(bank).total();
    jdbc.sql("update report set exercise_run_id = null where id = ?")
        .param(exerciseReport)
        .update();
    assertThat(reports.statistics(bank).total()).isEqualTo(totalWithBoth + 1);
    jdbc.sql("update report set exercise_run_id = ? where id = ?")
        .params(run, exerciseReport)
        .update();
    Http web = signedIn(cbank.login());
    // (the filter field echoes the query: look for the title as a listed link)
    assertThat(web.get("/reports?q=" + enc(title)).body()).doesNotContain(">" + title + "<");
    assertThat(web.get("/reports?q=" + enc(realTitle)).body()).contains(">" + realTitle + "<");
    assertThat(web.get("/inbox").body()).doesNotContain(title).contains(">" + realTitle + "<");
    assertThat(web.get("/reports/" + exerciseReport).body()).contains("【訓練】");
    // the player's pages: the run in the list, the injects, the exercise's own forms
    Http player = signedIn(bankUser.login());
    assertThat(player.get("/exercises").body()).contains("/exercises/" + run);
    assertThat(player.get("/exercises/" + run).body())
        .contains("早期警戒情報", "JPCERT/CC（模擬）", ">" + title + "<", "exercise=" + run);
    assertThat(player.get("/reports/new?exercise=" + run).body())
        .contains("【訓練】", "name=\"exercise\" value=\"" + run + "\"");
    Http niscWeb = signedIn(niscPlayer.login());
    assertThat(niscWeb.get("/advisories/new?exercise=" + run).body())
        .contains("【訓練】", "name=\"exercise\" value=\"" + run + "\"");
    // a draft would lose the exercise (and be issued as real work later): refused
    int drafts = jdbc.sql("select count(*) from advisory_draft").query(Integer.class).single();
    var refused =
        niscWeb.postForm(
            "/advisories/new?exercise=" + run,
            "/advisories",
            java.util.Map.of(
                "title",
                "下書き",
                "body",
                "b",
                "tlp",
                "green",
                "all",
                "true",
                "exercise",
                Long.toString(run),
                "action",
                "draft"));
    assertThat(refused.body()).contains("下書き保存できません");
    assertThat(jdbc.sql("select count(*) from advisory_draft").query(Integer.class).single())
        .isEqualTo(drafts);

    // advisories: lists, inboxes, receipts to confirm, e-mail and webhooks, TAXII
    assertThat(advisories.list(bank, 500))
        .extracting(AdvisoryService.Summary::id)
        .contains(realAdvisory)
        .doesNotContain(exerciseAdvisory);
    assertThat(advisories.inbox(bank, 500))
        .extracting(AdvisoryService.Summary::id)
        .contains(realAdvisory)
        .doesNotContain(exerciseAdvisory);
    var toConfirm = advisories.toConfirm(power, 500, 1000);
    assertThat(toConfirm.first())
        .extracting(AdvisoryService.Summary::id)
        .contains(realAdvisory)
        .doesNotContain(exerciseAdvisory);
    assertThat(toConfirm.count()).isEqualTo(toConfirm.first().size()); // counted = listed
    var unconfirmed = advisories.unconfirmedOfMine(nisc, 500, 1000);
    assertThat(unconfirmed.first().toString()).doesNotContain(advisoryTitle);
    assertThat(unconfirmed.count()).isEqualTo(unconfirmed.first().size());
    assertThat(advisories.publication(exerciseAdvisory)).isEmpty();
    assertThat(advisories.publication(realAdvisory)).isPresent();
    assertThat(
            jdbc.sql("select count(*) from outbox where advisory_id = ?")
                .param(exerciseAdvisory)
                .query(Integer.class)
                .single())
        .isZero();
    String token = fixtures.token(bankUser);
    String collection = advisoriesCollection(token);
    assertThat(stixReportId(token, realAdvisory))
        .satisfies(id -> assertThat(taxii(token, objects(collection, id)).body()).contains(id));
    String hidden = stixReportId(token, exerciseAdvisory);
    assertThat(taxii(token, objects(collection, hidden)).body()).isEqualTo("{\"more\":false}");
    assertThat(
            jdbc.sql("select count(*) from stix_object where stix_id = ?")
                .param(hidden)
                .query(Integer.class)
                .single())
        .isZero();

    // scoring from the real flows the controller may see: the report to the bank's CEPTOAR is not
    // shared with NISC, so the bank's 第一報 counts once it files one NISC receives (the hotline)
    assertThat(outcome(exercises.console(controller, run).scores().get(0), "bank"))
        .isEqualTo(Outcome.PENDING);
    String hotlineTitle = Fixtures.unique("演習第一報");
    long hotline = filing.create(bank, hotlineReport(hotlineTitle, run), true);
    // NISC's player sees the exercise's report: an advisory made from it is the exercise's
    // (【訓練】), and no real advisory may cite it — nor an exercise advisory a real report
    var fromReport = advisories.fromReport(nisc, hotline);
    assertThat(fromReport.getExercise()).isEqualTo(run);
    assertThat(niscWeb.get("/advisories/new?fromReport=" + hotline).body())
        .contains("【訓練】", "name=\"exercise\" value=\"" + run + "\"", hotlineTitle);
    long realHotline = filing.create(bank, hotlineReport(Fixtures.unique("実第一報"), null), true);
    String crossingTitle = Fixtures.unique("引用の越境");
    for (NewAdvisory crossing :
        List.of(
            cited(advisory(crossingTitle, null), hotline),
            cited(advisory(crossingTitle, run), realHotline))) {
      InvalidInput refusedCitation =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              InvalidInput.class, () -> advisories.issue(nisc, crossing));
      assertThat(jp.renkei.server.failure.InvalidInputs.of(refusedCitation))
          .extracting(InvalidInput::field, InvalidInput::messageKey)
          .contains(
              org.assertj.core.groups.Tuple.tuple(
                  "sourceReportIds", "exercise.validation.sourceReport"));
    }
    assertThat(
            jdbc.sql("select count(*) from advisory_version where title = ?")
                .param(crossingTitle)
                .query(Integer.class)
                .single())
        .isZero();
    // a new version of a real advisory may not cite it either
    assertThatThrownBy(
            () ->
                advisories.addVersion(
                    nisc, realAdvisory, "update", "更新", "本文", null, null, List.of(hotline)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.messageKey()).isEqualTo("exercise.validation.sourceReport"));
    // citing its own exercise's report is how an exercise advisory is made from it
    long citing = advisories.issue(nisc, cited(advisory(Fixtures.unique("演習の引用"), run), hotline));
    assertThat(advisories.view(nisc, citing).exerciseRunId()).isEqualTo(run);
    // the bank filed within 30 minutes, the others not yet
    var console = exercises.console(controller, run);
    var firstReport = console.scores().get(0);
    assertThat(firstReport.key()).isEqualTo("1-1");
    assertThat(outcome(firstReport, "bank")).isEqualTo(Outcome.MET);
    assertThat(outcome(firstReport, "power")).isEqualTo(Outcome.PENDING);
    assertThat(console.timeline())
        .filteredOn(t -> t.key().equals("1"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.reads())
                    .containsExactly(
                        new ExerciseViews.TeamRead("bank", 1, 1),
                        new ExerciseViews.TeamRead("nisc", 1, 0),
                        new ExerciseViews.TeamRead("power", 1, 1)));

    // an hour later (exercise time) the controller sees no report of power or nisc: 1-1 waits for
    // an evaluator (an unseen report may exist), and so do the injects that depend on it
    exercises.tick(started.plus(Duration.ofMinutes(61)));
    assertThat(state(exercises.console(controller, run), "2b")).isEqualTo("pending");
    // an evaluator's mark decides; a player may not mark
    exercises.mark(evaluator, run, "1-1", "power", "partial", "電話で連絡");
    exercises.mark(evaluator, run, "1-1", "nisc", "missed", null);
    assertThatThrownBy(() -> exercises.mark(bank, run, "1-1", "bank", "met", null))
        .isInstanceOf(jp.renkei.server.failure.Forbidden.class);
    assertThatThrownBy(() -> exercises.mark(evaluator, run, "1-1", "nobody", "met", null))
        .isInstanceOf(InvalidInput.class);
    // so 1-1 is missed overall: 2b goes out and 2 is skipped
    // (the hub's own scheduler ticks every second and holds the run while it does: a tick that
    // finds the run held skips it, so tick until this run has moved, counting what went out)
    int sent = 0;
    for (int i = 0;
        i < 100 && state(exercises.console(controller, run), "2b").equals("pending");
        i++) {
      sent += exercises.tick(started.plus(Duration.ofMinutes(61)));
    }
    assertThat(sent).as("2b went out (other tests' runs may share the tick)").isPositive();
    console = exercises.console(controller, run);
    assertThat(state(console, "2b")).isEqualTo("sent");
    assertThat(state(console, "2")).isEqualTo("skipped");
    // a minute later nothing more of this run goes out (the tick's count is every run's: other
    // tests' runs in the same database may have injects due at this clock, so this run's states
    // are compared, not the count)
    List<String> states = console.timeline().stream().map(t -> t.key() + "=" + t.state()).toList();
    exercises.tick(started.plus(Duration.ofMinutes(62)));
    assertThat(
            exercises.console(controller, run).timeline().stream()
                .map(t -> t.key() + "=" + t.state())
                .toList())
        .isEqualTo(states);

    console = exercises.console(evaluator, run);
    assertThat(outcome(console.scores().get(0), "power")).isEqualTo(Outcome.PARTIAL);
    assertThat(console.points()).isEqualTo(15);

    // once stopped, nobody plays on
    exercises.control(controller, run, "stop");
    assertThatThrownBy(() -> filing.create(bank, ceptoarReport("終了後", run), true))
        .isInstanceOf(InvalidInput.class);
    assertThat(signedIn(planner.login()).get("/exercises/" + run + "/console").body())
        .contains("【訓練】", "早期警戒情報", "JPCERT/CC（模擬）");
  }

  /** One e-mail inject to everyone at minute 0 (ExerciseMailIT sends it). */
  static ScenarioDocument emailScenario() {
    return new ScenarioDocument(
        "メール付与の試験",
        "",
        List.of(),
        List.of(),
        List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                List.of(new ScenarioDocument.TargetDoc("all", null)),
                "JPCERT/CC（模擬）",
                "email",
                "メールでの状況付与",
                "本文",
                List.of(),
                false,
                null,
                null)),
        null);
  }

  @Test
  void aBadScenarioIsRefusedNamingTheElement() {
    Actor planner = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    ScenarioDocument good = scenario();
    var injects = new java.util.ArrayList<>(good.injects());
    var first = injects.get(0);
    injects.set(
        0,
        new ScenarioDocument.InjectDoc(
            first.key(),
            first.minute(),
            first.targets(),
            " ",
            first.channel(),
            first.title(),
            first.content(),
            first.expectations(),
            false,
            null,
            null));
    ScenarioDocument bad =
        new ScenarioDocument(
            good.title(), good.purpose(), good.objectives(), good.phases(), injects, null);
    assertThatThrownBy(() -> exercises.createScenario(planner, bad))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("document"));
    var api = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/exercises/scenarios",
            "{\"title\":\"t\",\"injects\":[{\"key\":\"1\",\"minute\":0,\"targets\":[{\"kind\":\"moon\"}],"
                + "\"sender\":\"s\",\"channel\":\"hub_inbox\",\"title\":\"t\",\"content\":\"c\"}]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("inject 1", "moon").doesNotContain("Exception");
  }

  List<Object> hits(Actor actor, String text) {
    return search.search(actor, text, null).groups().stream()
        .flatMap(g -> g.hits().stream())
        .map(h -> (Object) h)
        .toList();
  }

  static Outcome outcome(RunScoring.ExpectationScore e, String team) {
    return e.teams().stream()
        .filter(t -> t.team().equals(team))
        .findFirst()
        .orElseThrow()
        .outcome();
  }

  static String state(ExerciseViews.Console c, String key) {
    return c.timeline().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow().state();
  }

  Http signedIn(String login) {
    Http web = http();
    web.signIn(login, Fixtures.PASSWORD);
    return web;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String objects(String collection, String id) {
    return "/taxii2/api/collections/" + collection + "/objects/?match[id]=" + id;
  }

  String stixReportId(String token, long advisory) {
    var body = http().bearer(token).get("/api/v1/advisories/" + advisory + "/stix").body();
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(body)
        .path("objects")
        .findValuesAsString("id")
        .stream()
        .filter(i -> i.startsWith("report--"))
        .findFirst()
        .orElseThrow();
  }

  HttpResponse<String> taxii(String token, String path) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + path))
                  .header("Accept", "application/taxii+json;version=2.1")
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String advisoriesCollection(String token) {
    var list =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(taxii(token, "/taxii2/api/collections/").body());
    for (var c : list.path("collections")) {
      if (c.path("description").asString().startsWith("Advisories as STIX")) {
        return c.path("id").asString();
      }
    }
    throw new AssertionError("no advisories collection");
  }
}
