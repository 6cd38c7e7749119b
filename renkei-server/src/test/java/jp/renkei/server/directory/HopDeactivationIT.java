package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.Refusal;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hop of a report's route that became inactive after the report was submitted, and the route of
 * an exercise's simulated report (attack29b, session 26's deactivation leftovers). Before, the
 * CEPTOAR's 転送 and 匿名化して転送 delivered the report to an inactive sector ministry — where nobody can
 * read or forward it, the forwarder told it had gone on, and its people would find it on
 * reactivation — and a simulated report was filed into a route whose ministry was inactive. Each is
 * now refused naming the inactive organisation, and nothing is delivered; made active again, the
 * same step works.
 */
class HopDeactivationIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired ReportFilingService filing;
  @Autowired ExerciseService exercises;
  @Autowired JdbcClient jdbc;

  record Community(Organisation ceptoar, Organisation member) {}

  /** A finance CEPTOAR (its ministry: fsa) with one operator member. */
  Community community() {
    String code = Fixtures.unique("c-hop");
    Organisation ceptoar =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "経路無効化試験セプター " + code,
                "Hop deactivation test CEPTOAR " + code,
                "ceptoar",
                "finance",
                null,
                null,
                List.of()));
    String memberCode = Fixtures.unique("op-hop");
    Organisation member =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                memberCode,
                "経路無効化試験事業者 " + memberCode,
                "Hop deactivation test operator " + memberCode,
                "operator",
                "finance",
                null,
                null,
                List.of(code)));
    return new Community(ceptoar, member);
  }

  Organisation fsa() {
    return directory.ministryOrganisation("fsa").orElseThrow();
  }

  record HopRow(String kind, boolean delivered, boolean forwarded) {}

  List<HopRow> hops(long report) {
    return jdbc.sql(
            "select kind, delivered_at is not null, forwarded_at is not null from report_hop"
                + " where report_id = ? order by hop_order")
        .param(report)
        .query((rs, i) -> new HopRow(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
        .list();
  }

  @Test
  void aCeptoarCannotForwardToAMinistryThatBecameInactiveAfterTheReportWasSubmitted() {
    Community c = community();
    Actor reporter = fixtures.actor(fixtures.user(c.member(), Role.ANALYST));
    long id =
        filing.create(
            reporter,
            Fixtures.amberReport(Fixtures.unique("転送先無効"), "ceptoar", c.ceptoar().code(), null),
            true);
    Http ceptoar = http().bearer(fixtures.token(fixtures.user(c.ceptoar(), Role.ANALYST)));
    Organisation ministry = fsa();
    directory.setActive(Actor.cli(), ministry.id(), false);
    try {
      var refused = ceptoar.postJson("/api/v1/reports/" + id + "/forward", "{}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(ministry.code());
      assertThat(hops(id))
          .containsExactly(
              new HopRow("ceptoar", true, false),
              new HopRow("ministry", false, false),
              new HopRow("nisc", false, false));
    } finally {
      directory.setActive(Actor.cli(), ministry.id(), true);
    }
    var forwarded = ceptoar.postJson("/api/v1/reports/" + id + "/forward", "{}");
    assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
    assertThat(hops(id).get(1)).isEqualTo(new HopRow("ministry", true, false));
  }

  @Test
  void aCeptoarCannotRelayAnAnonymisedReportToAMinistryThatBecameInactive() {
    Community c = community();
    Actor reporter = fixtures.actor(fixtures.user(c.member(), Role.ANALYST));
    var r = Fixtures.amberReport(Fixtures.unique("匿名化転送先無効"), "ceptoar", c.ceptoar().code(), null);
    long id =
        filing.create(
            reporter,
            new jp.renkei.server.report.NewReport(
                r.content(),
                r.route(),
                r.ceptoarCode(),
                true,
                r.tlp(),
                r.scopeSectors(),
                r.scopeTypes(),
                r.excludeSupervisoryMinistry(),
                r.recipientLogins(),
                null),
            true);
    Http ceptoar = http().bearer(fixtures.token(fixtures.user(c.ceptoar(), Role.ANALYST)));
    Organisation ministry = fsa();
    directory.setActive(Actor.cli(), ministry.id(), false);
    try {
      var refused = ceptoar.postJson("/api/v1/reports/" + id + "/relay", "{}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains(ministry.code());
      assertThat(copies(c.ceptoar())).isZero();
      assertThat(hops(id)).containsExactly(new HopRow("ceptoar", true, false));
    } finally {
      directory.setActive(Actor.cli(), ministry.id(), true);
    }
    var relayed = ceptoar.postJson("/api/v1/reports/" + id + "/relay", "{}");
    assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(200);
    assertThat(copies(c.ceptoar())).isEqualTo(1);
  }

  int copies(Organisation ceptoar) {
    return jdbc.sql("select count(*) from report where originator_org_id = ?")
        .param(ceptoar.id())
        .query(Integer.class)
        .single();
  }

  static ScenarioDocument simulatedReportTo(String targetType) {
    return new ScenarioDocument(
        "模擬情報連絡（経路無効化試験）",
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
                Fixtures.unique("模擬情報連絡"),
                "A社の制御システムで不審な通信を検知しました（模擬）",
                List.of(),
                false,
                null,
                null)),
        null);
  }

  /**
   * A simulated report enters the route at the player's CEPTOAR and goes on to its ministry and
   * NISC: with the ministry inactive it is not filed, and the console says why, naming it.
   */
  @Test
  void aSimulatedReportWhoseRoutePassesAnInactiveMinistryIsNotFiled() {
    Community c = community();
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    UserAccount player = fixtures.user(c.ceptoar(), Role.ANALYST);
    Organisation ministry = fsa();
    long scenario = exercises.createScenario(controller, simulatedReportTo("ceptoar"));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, player.login(), "player", "ceptoar", "");
    directory.setActive(Actor.cli(), ministry.id(), false);
    try {
      exercises.control(controller, run, "start");
      exercises.tick(Instant.now());
      assertThat(
              jdbc.sql("select count(*) from report where exercise_run_id = ?")
                  .param(run)
                  .query(Integer.class)
                  .single())
          .isZero();
      List<Refusal> failure = exercises.console(controller, run).timeline().get(0).failure();
      assertThat(failure)
          .containsExactly(Refusal.of("exercise.failure.inactiveHop", ministry.code()));
    } finally {
      directory.setActive(Actor.cli(), ministry.id(), true);
    }
  }

  /**
   * An operator's simulated report enters at its CEPTOAR: an inactive one is passed over for an
   * active one of the operator's, and with none active the report is not filed.
   */
  @Test
  void aSimulatedReportDoesNotEnterAtAnInactiveCeptoar() {
    Community c = community();
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    UserAccount player = fixtures.user(c.member(), Role.ANALYST);
    long scenario = exercises.createScenario(controller, simulatedReportTo("operator"));
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, player.login(), "player", "operator", "");
    directory.setActive(Actor.cli(), c.ceptoar().id(), false);
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());
    assertThat(
            jdbc.sql(
                    "select count(*) from report_hop h join report r on r.id = h.report_id"
                        + " where r.exercise_run_id = ?")
                .param(run)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(exercises.console(controller, run).timeline().get(0).failure())
        .containsExactly(Refusal.of("exercise.failure.inactiveHop", c.ceptoar().code()));

    // with another, active, CEPTOAR of the operator's, the report enters there
    Organisation second = community().ceptoar();
    directory.addMembership(Actor.cli(), second.code(), c.member().code());
    long again = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, again, player.login(), "player", "operator", "");
    exercises.control(controller, again, "start");
    exercises.tick(Instant.now());
    assertThat(
            jdbc.sql(
                    "select h.recipient_org_id from report_hop h join report r on r.id = h.report_id"
                        + " where r.exercise_run_id = ? and h.delivered_at is not null")
                .param(again)
                .query(Long.class)
                .list())
        .containsExactly(second.id());
    assertThat(exercises.console(controller, again).timeline().get(0).failure()).isNull();
  }
}
