package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exercise advisories (simulated or issued by a player) go to the recipients' duty e-mail and
 * webhook through the real outbox only when the run allows e-mail, marked 【訓練】 at the start of
 * every subject and body, the webhook carrying the run and an explicit exercise flag; a run that
 * does not allow it sends nothing, an organisation outside the advisory's audience (even one
 * playing in the run, with a duty address and a webhook) never gets anything, and a real advisory's
 * e-mail is unchanged.
 */
class ExerciseMailIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  WebhookReceiver receiver;

  @BeforeEach
  void webhookReceiver() throws Exception {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  /** An organisation with a duty e-mail and a webhook whose query names it. */
  Organisation withContacts(String sector, String duty) {
    Organisation o = fixtures.operator(sector);
    directory.setDelivery(Actor.cli(), o.id(), duty, receiver.url("/hook?" + o.code()));
    return o;
  }

  static List<MimeMessage> mailTo(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        out.add(m);
      }
    }
    return out;
  }

  List<String> hooksOf(Organisation o) {
    return receiver.acceptedFor(o.code());
  }

  long outboxRowsOfRun(long run) {
    return jdbc.sql(
            "select count(*) from outbox b join advisory a on a.id = b.advisory_id"
                + " where a.exercise_run_id = ?")
        .param(run)
        .query(Long.class)
        .single();
  }

  long run(Actor controller, String title, boolean emailAllowed, UserAccount... players) {
    long scenario = exercises.createScenario(controller, SimulatedAdvisoryIT.scenario(title));
    long run = exercises.createRun(controller, scenario, "演習 " + title, 1, emailAllowed);
    for (UserAccount p : players) {
      exercises.addMember(controller, run, p.login(), "player", p.login(), "");
    }
    exercises.control(controller, run, "start");
    exercises.tick(Instant.now());
    return run;
  }

  @Test
  void exerciseAdvisoriesLeaveMarkedOnlyWhenTheRunAllowsAndOnlyToTheirAudience() throws Exception {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String bankDuty = Fixtures.unique("duty-bank") + "@exercise.example";
    String powerDuty = Fixtures.unique("duty-power") + "@exercise.example";
    String quietDuty = Fixtures.unique("duty-quiet") + "@exercise.example";
    Organisation bank = withContacts("finance", bankDuty);
    // plays in the run, has a duty address and a webhook, but the inject names finance only
    Organisation power = withContacts("electricity", powerDuty);
    Organisation quiet = withContacts("finance", quietDuty);
    UserAccount bankPlayer = fixtures.user(bank, Role.ANALYST);
    UserAccount powerPlayer = fixtures.user(power, Role.ANALYST);
    UserAccount quietPlayer = fixtures.user(quiet, Role.ANALYST);

    // allowed: the simulated advisory and one the controller issues inside the run
    String simulated = Fixtures.unique("模擬注意喚起");
    long allowed = run(controller, simulated, true, bankPlayer, powerPlayer);
    String played = Fixtures.unique("演習中の情報提供");
    long issued =
        advisories.issue(
            controller,
            new NewAdvisory(
                played,
                "演習中に発出した情報提供です",
                null,
                List.of(),
                List.of(),
                "amber",
                false,
                List.of(),
                List.of(),
                List.of(bank.code()),
                "normal",
                null,
                allowed));
    // not allowed: the same scenario, the quiet bank playing
    long refused = run(controller, Fixtures.unique("送信なし"), false, quietPlayer);
    assertThat(outboxRowsOfRun(refused)).isZero();

    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(bankDuty).size() == 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> hooksOf(bank).size() == 2);
    for (MimeMessage m : mailTo(bankDuty)) {
      assertThat(m.getSubject()).startsWith("【訓練】[TLP:AMBER] 【情報提供】");
      assertThat(GreenMailUtil.getBody(m)).isNotBlank();
      assertThat(m.getHeader("Message-ID")[0]).matches("<outbox-\\d+@renkei>");
    }
    assertThat(mailTo(bankDuty))
        .extracting(ExerciseMailIT::subject)
        .anySatisfy(s -> assertThat(s).contains(simulated))
        .anySatisfy(s -> assertThat(s).contains(played));
    // the body starts with the mark; the simulated sender is named as on the advisory page
    String simulatedBody =
        mailTo(bankDuty).stream()
            .filter(m -> subject(m).contains(simulated))
            .map(ExerciseMailIT::decoded)
            .findFirst()
            .orElseThrow();
    assertThat(simulatedBody).startsWith("【訓練】").contains("【模擬】JPCERT/CC（模擬）");
    for (String h : hooksOf(bank)) {
      assertThat(h)
          .contains("\"exercise\":true", "\"exerciseRunId\":" + allowed, "\"title\":\"【訓練】");
    }
    assertThat(hooksOf(bank)).anySatisfy(h -> assertThat(h).contains("\"advisoryId\":" + issued));

    // a real advisory to the power company and the quiet bank afterwards: unchanged, and by the
    // time it has arrived nothing of the exercise went to them (the outbox sends in queue order)
    String real = Fixtures.unique("実際の情報提供");
    advisories.issue(
        controller,
        new NewAdvisory(
            real,
            "実際の注意喚起です",
            null,
            List.of(),
            List.of(),
            "amber",
            false,
            List.of(),
            List.of(),
            List.of(power.code(), quiet.code()),
            "normal",
            null,
            null));
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(powerDuty).size() == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(quietDuty).size() == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> hooksOf(quiet).size() == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> hooksOf(power).size() == 1);
    for (String duty : List.of(powerDuty, quietDuty)) {
      MimeMessage m = mailTo(duty).get(0);
      assertThat(m.getSubject()).isEqualTo("[TLP:AMBER] 【情報提供】" + real);
      assertThat(decoded(m)).startsWith("TLP:AMBER").doesNotContain("【訓練】");
    }
    for (Organisation o : List.of(power, quiet)) {
      assertThat(hooksOf(o).get(0)).contains(real).doesNotContain("exercise", "【訓練】");
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox b join advisory a on a.id = b.advisory_id"
                        + " where a.exercise_run_id is not null and b.organisation_id = any(?)")
                .param(new Long[] {power.id(), quiet.id()})
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void injectMailGoesThroughTheOutboxMarkedAndOnlyWhereAllowed() throws Exception {
    Actor planner = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    long scenario = exercises.createScenario(planner, ExerciseIT.emailScenario());
    String allowedTo = Fixtures.unique("allowed") + "@exercise.example";
    String refusedTo = Fixtures.unique("refused") + "@exercise.example";
    long[] runs = new long[2];
    for (boolean allowed : new boolean[] {true, false}) {
      UserAccount player = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
      jdbc.sql("update app_user set email = ? where id = ?")
          .params(allowed ? allowedTo : refusedTo, player.id())
          .update();
      long run = exercises.createRun(planner, scenario, "メール " + allowed, 1, allowed);
      runs[allowed ? 0 : 1] = run;
      exercises.addMember(planner, run, player.login(), "player", "t", "");
      exercises.control(planner, run, "start");
      exercises.tick(Instant.now()); // a second tick delivers nothing twice
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(allowedTo).size() == 1);
    MimeMessage m = mailTo(allowedTo).get(0);
    assertThat(m.getSubject()).startsWith("【訓練】").contains("メールでの状況付与");
    assertThat(decoded(m)).startsWith("【訓練】");
    // one outbox row (so the outbox's retry with backoff applies), sent, its id the Message-ID;
    // the sender marks the row sent after the SMTP server has the message, so wait for that too
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from outbox b join exercise_mail x"
                                + " on x.id = b.exercise_mail_id"
                                + " where x.run_id = ? and b.status <> 'pending'")
                        .param(runs[0])
                        .query(Long.class)
                        .single()
                    > 0);
    long row =
        jdbc.sql(
                "select b.id from outbox b join exercise_mail x on x.id = b.exercise_mail_id"
                    + " where x.run_id = ? and b.status = 'sent'")
            .param(runs[0])
            .query(Long.class)
            .single();
    assertThat(m.getHeader("Message-ID")[0]).isEqualTo("<outbox-" + row + "@renkei>");
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox b join exercise_mail x on x.id = b.exercise_mail_id"
                        + " where x.run_id = ?")
                .param(runs[1])
                .query(Long.class)
                .single())
        .isZero();
    assertThat(mailTo(refusedTo)).isEmpty();
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String decoded(MimeMessage m) {
    try {
      return String.valueOf(m.getContent()).strip();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
