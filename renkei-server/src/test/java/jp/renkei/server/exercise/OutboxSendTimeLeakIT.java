package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.OutboxAudit;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox judges a delivery when it sends it, not when it was queued: between the two the app
 * may narrow who may read it (a newer version of the advisory, its withdrawal, the exercise run
 * stopped, a player disabled). Each test queues through the app and narrows through the app — in
 * the queueing transaction, so the outbox cannot send before the narrowing, or after a failed
 * attempt that waits its backoff — then lets the real sender run against GreenMail and a webhook
 * receiver on 127.0.0.1, and asserts nothing outside the current audience arrives and the row is
 * cancelled with its reason and audited, not retried.
 */
class OutboxSendTimeLeakIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  WebhookReceiver receiver;

  @BeforeEach
  void webhookReceiver() throws Exception {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  Organisation withContacts(String sector, String duty) {
    Organisation o = fixtures.operator(sector);
    directory.setDelivery(Actor.cli(), o.id(), duty, receiver.url("/hook?" + o.code()));
    return o;
  }

  List<String> hooksOf(Organisation o) {
    return receiver.acceptedFor(o.code());
  }

  /** Every outbox row matching {@code where} has ended (sent, failed or cancelled). */
  void awaitEnded(String where, Object... params) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("select count(*) from outbox b where b.status = 'pending' and " + where)
                        .params(params)
                        .query(Long.class)
                        .single()
                    == 0);
  }

  record Row(long id, String status, String lastError) {}

  List<Row> rows(String where, Object... params) {
    return jdbc.sql("select b.id, b.status, b.last_error from outbox b where " + where)
        .params(params)
        .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  void assertCancelled(List<Row> rows, String reason) {
    assertThat(rows).isNotEmpty();
    for (Row r : rows) {
      assertThat(r.status()).as("row %s", r.id()).isEqualTo("cancelled");
      assertThat(r.lastError()).contains(reason).doesNotContain("@");
      assertThat(OutboxAudit.cancellationAudited(jdbc, r.id())).as("audited %s", r.id()).isTrue();
    }
  }

  NewAdvisory advisory(String title, String body, Organisation to) {
    return new NewAdvisory(
        title,
        body,
        null,
        List.of("superseded-obs.example"),
        List.of(),
        "amber",
        false,
        List.of(),
        List.of(),
        List.of(to.code()),
        "normal",
        null,
        null);
  }

  long emailRun(Actor planner, UserAccount... players) {
    long scenario = exercises.createScenario(planner, ExerciseIT.emailScenario());
    long run = exercises.createRun(planner, scenario, Fixtures.unique("送信時の判定"), 1, true);
    for (UserAccount p : players) {
      exercises.addMember(planner, run, p.login(), "player", "t", "");
    }
    return run;
  }

  UserAccount playerWithAddress(String address) {
    UserAccount p = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    jdbc.sql("update app_user set email = ? where id = ?").params(address, p.id()).update();
    return p;
  }

  String injectRows() {
    return "b.exercise_mail_id in (select id from exercise_mail where run_id = ?)";
  }

  @Test
  void anInjectMailQueuedBeforeTheRunStoppedIsNeverSent() throws Exception {
    Actor planner = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String to = Fixtures.unique("stopped") + "@sendtime.example";
    long run = emailRun(planner, playerWithAddress(to));
    tx.executeWithoutResult(
        s -> {
          exercises.control(planner, run, "start");
          exercises.tick(Instant.now());
          assertThat(rows(injectRows(), run)).as("queued").hasSize(1);
          exercises.control(planner, run, "stop");
        });
    awaitEnded(injectRows(), run);
    assertThat(mailTextsTo(to)).isEmpty();
    assertCancelled(rows(injectRows(), run), "the exercise run has ended");
  }

  @Test
  void anInjectMailToAPlayerDisabledSinceItWasQueuedIsNeverSentTheOthersAre() throws Exception {
    Actor planner = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String goneTo = Fixtures.unique("disabled") + "@sendtime.example";
    String stayTo = Fixtures.unique("stays") + "@sendtime.example";
    UserAccount gone = playerWithAddress(goneTo);
    long run = emailRun(planner, gone, playerWithAddress(stayTo));
    tx.executeWithoutResult(
        s -> {
          exercises.control(planner, run, "start");
          exercises.tick(Instant.now());
          users.setEnabled(Actor.cli(), gone.id(), false);
        });
    awaitEnded(injectRows(), run);
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTextsTo(stayTo).size() == 1);
    assertThat(mailTextsTo(goneTo)).isEmpty();
    assertCancelled(
        rows(injectRows() + " and b.target = ?", run, goneTo), "no longer an enabled member");
  }

  @Test
  void aSimulatedAdvisoryQueuedBeforeTheRunStoppedIsNeverSent() throws Exception {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String duty = Fixtures.unique("duty-sim") + "@sendtime.example";
    Organisation bank = withContacts("finance", duty);
    UserAccount player = fixtures.user(bank, Role.ANALYST);
    String title = Fixtures.unique("停止前の模擬注意喚起");
    long scenario = exercises.createScenario(controller, SimulatedAdvisoryIT.scenario(title));
    long run = exercises.createRun(controller, scenario, "演習 " + title, 1, true);
    exercises.addMember(controller, run, player.login(), "player", player.login(), "");
    tx.executeWithoutResult(
        s -> {
          exercises.control(controller, run, "start");
          exercises.tick(Instant.now());
          exercises.control(controller, run, "stop");
        });
    String ofRun = "b.advisory_id in (select id from advisory where exercise_run_id = ?)";
    assertThat(rows(ofRun, run)).as("queued for the duty address and the webhook").hasSize(2);
    awaitEnded(ofRun, run);
    assertThat(mailTextsTo(duty)).isEmpty();
    assertThat(hooksOf(bank)).isEmpty();
    assertCancelled(rows(ofRun, run), "the exercise run has ended");
  }
}
