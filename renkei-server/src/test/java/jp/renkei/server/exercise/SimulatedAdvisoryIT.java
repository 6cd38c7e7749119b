package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.search.SearchService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An inject whose 伝達手段 is simulated_advisory becomes a real exercise advisory from its simulated
 * sender: it reaches exactly the organisations of the players the inject names, shows the sender
 * with its 模擬 mark, can be confirmed (疎通確認) and scores an expectation — and a real NISC analyst
 * finds it in no real list, inbox or search. An inject the creator may not issue is recorded as
 * failed on the console without rolling the tick back.
 */
class SimulatedAdvisoryIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired AdvisoryService advisories;
  @Autowired SearchService search;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  Organisation member(String sector, String ceptoar) {
    String code = Fixtures.unique("simop");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "模擬試験事業者 " + code,
            "Simulated test operator " + code,
            "operator",
            sector,
            null,
            null,
            List.of(ceptoar)));
  }

  static ScenarioDocument scenario(String title) {
    return new ScenarioDocument(
        "模擬発信（試験）",
        "模擬情報提供の受領確認",
        List.of("疎通確認"),
        List.of(new ScenarioDocument.PhaseDoc("第1部", 0, List.of())),
        List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                List.of(new ScenarioDocument.TargetDoc("sector", "finance")),
                "JPCERT/CC（模擬）",
                "simulated_advisory",
                title,
                "模擬の注意喚起です",
                List.of(
                    new ScenarioDocument.ExpectationDoc(
                        "1-1", "30分以内に受領確認する", 30, 10, "advisory_confirmed")),
                false,
                null,
                null)),
        null);
  }

  @Test
  void aSimulatedAdvisoryReachesExactlyItsTargetsAndNothingRealShowsIt() {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation bankOrg = member("finance", "c-bank");
    Organisation powerOrg = member("electricity", "c-power");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount powerUser = fixtures.user(powerOrg, Role.ANALYST);
    Actor bank = fixtures.actor(bankUser);
    Actor power = fixtures.actor(powerUser);
    Actor niscReader = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String title = Fixtures.unique("模擬注意喚起");

    long scenario = exercises.createScenario(controller, scenario(title));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(controller, run, powerUser.login(), "player", "power", "");
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());

    List<Long> ids =
        jdbc.sql("select id from advisory where exercise_run_id = ?")
            .param(run)
            .query(Long.class)
            .list();
    assertThat(ids).hasSize(1);
    long id = ids.get(0);
    // organisation of record: the run's controlling organisation; sender: the simulated one
    assertThat(
            jdbc.sql("select simulated_sender from advisory where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("JPCERT/CC（模擬）");
    assertThat(
            jdbc.sql("select organisation_id from advisory_recipient where advisory_id = ?")
                .param(id)
                .query(Long.class)
                .list())
        .containsExactly(bankOrg.id());
    // the target sees it in the run, with the simulated sender marked; the other player does not
    var seen = exercises.play(bank, run).advisories();
    assertThat(seen).extracting(AdvisoryService.Summary::id).containsExactly(id);
    assertThat(seen.get(0).issuerName()).isEqualTo("【模擬】JPCERT/CC（模擬）");
    assertThat(advisories.view(bank, id, java.util.Locale.JAPANESE).toString())
        .contains("【模擬】JPCERT/CC（模擬）");
    assertThat(exercises.play(power, run).advisories()).isEmpty();
    assertThatThrownBy(() -> advisories.view(power, id)).isInstanceOf(NotFound.class);

    // 疎通確認 scores the expectation
    advisories.acknowledge(bank, id);
    var score =
        exercises.console(controller, run).scores().stream()
            .filter(s -> s.key().equals("1-1"))
            .findFirst()
            .orElseThrow();
    assertThat(score.overall()).isEqualTo(Outcome.MET);

    // the real ways out: a real NISC analyst and the target's real views
    assertThat(advisories.list(niscReader, 500))
        .extracting(AdvisoryService.Summary::id)
        .doesNotContain(id);
    assertThat(advisories.list(bank, 500))
        .extracting(AdvisoryService.Summary::id)
        .doesNotContain(id);
    assertThat(advisories.inbox(bank, 500))
        .extracting(AdvisoryService.Summary::id)
        .doesNotContain(id);
    assertThat(search.search(niscReader, title, null).groups()).allMatch(g -> g.hits().isEmpty());
    assertThat(search.search(bank, title, null).groups()).allMatch(g -> g.hits().isEmpty());
  }

  @Test
  void anInjectThatCannotBeIssuedIsRecordedAsFailedAndTheTickGoesOn() {
    // the inject names finance; the run's only player is in electricity: nobody to issue to
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(controllerUser);
    UserAccount powerUser = fixtures.user(member("electricity", "c-power"), Role.ANALYST);
    long scenario = exercises.createScenario(controller, scenario(Fixtures.unique("宛先なし")));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, powerUser.login(), "player", "power", "");
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());
    var row = exercises.console(controller, run).timeline().get(0);
    assertThat(row.state()).isEqualTo("sent");
    assertThat(row.failure())
        .extracting(jp.renkei.server.failure.Refusal::messageKey)
        .containsExactly("exercise.failure.noRecipient");
    // on the console in the reader's language, never as a code
    jp.renkei.server.support.Http web = http();
    web.signIn(controllerUser.login(), Fixtures.PASSWORD);
    assertThat(web.get("/exercises/" + run + "/console").body())
        .contains("模擬発信に失敗: 付与先のプレーヤーの組織に受信先がありません")
        .doesNotContain("exercise.failure");
    web.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    assertThat(web.get("/exercises/" + run + "/console").body())
        .contains(
            "Simulated issue failed: No recipient organisation among the players the inject"
                + " reaches")
        .doesNotContain("exercise.failure");
    assertThat(
            jdbc.sql("select count(*) from advisory where exercise_run_id = ?")
                .param(run)
                .query(Long.class)
                .single())
        .isZero();
  }
}
