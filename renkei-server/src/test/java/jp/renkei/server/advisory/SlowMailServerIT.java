package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.TricklingSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server that trickles its greeting a byte every 100 ms (never long enough for the 30 s read
 * timeout) holds an advisory e-mail only until the whole deadline of its exchange ({@code
 * renkei.notify.mail-deadline}, 4 s here): the row stays pending with the reason, and the
 * instance's other scheduled jobs run while the outbox waits (harden33). The mail server is real,
 * on the test JVM's SMTP port while GreenMail is stopped.
 */
class SlowMailServerIT extends ServerTest {

  @DynamicPropertySource
  static void deadline(DynamicPropertyRegistry registry) {
    registry.add("renkei.notify.mail-deadline", () -> "4s");
  }

  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired TaskScheduler scheduler;

  record Row(String status, String lastError) {}

  private Row row(long organisation) {
    return jdbc.sql(
            "select status, last_error from outbox where organisation_id = ? and channel = 'email'"
                + " order by id desc limit 1")
        .param(organisation)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
        .optional()
        .orElse(null);
  }

  @Test
  void aTricklingMailServerIsCutOffAtTheDeadlineAndHoldsNoOtherJob() throws Exception {
    Organisation bank = fixtures.operator("finance");
    String duty = Fixtures.unique("duty-slow-smtp") + "@bank.example";
    directory.setDelivery(Actor.cli(), bank.id(), duty, null);
    int port = MAIL.getSmtp().getPort();
    MAIL.stop();
    TricklingSmtp smtp = null;
    AtomicReference<Row> seenByOtherJob = new AtomicReference<>();
    try {
      smtp = new TricklingSmtp(port);
      advisories.issue(
          fixtures.actor(fixtures.user("nisc", Role.ANALYST)),
          new NewAdvisory(
              Fixtures.unique("遅いメールサーバ宛の情報提供"),
              "本文",
              null,
              List.of(),
              List.of(),
              "green",
              false,
              List.of(),
              List.of(),
              List.of(bank.code()),
              "normal",
              null,
              null));
      TricklingSmtp held = smtp;
      await().atMost(Duration.ofSeconds(30)).until(() -> held.active() > 0);

      // another job on the instance's scheduler, while the outbox's exchange is under way
      scheduler.schedule(() -> seenByOtherJob.set(row(bank.id())), Instant.now());
      await().atMost(Duration.ofSeconds(60)).until(() -> seenByOtherJob.get() != null);
      assertThat(seenByOtherJob.get().lastError())
          .as("the other job ran before the outbox's exchange ended")
          .isNull();

      await().atMost(Duration.ofSeconds(60)).until(() -> row(bank.id()).lastError() != null);
      Row after = row(bank.id());
      assertThat(after.status()).as("left queued for a retry").isEqualTo("pending");
      assertThat(after.lastError())
          .startsWith("SmtpDeadline: ")
          .contains("whole deadline of 4s", "renkei.notify.mail-deadline");
      await().atMost(Duration.ofSeconds(30)).until(() -> held.cutOff() > 0);
    } finally {
      if (smtp != null) {
        smtp.close();
      }
      MAIL.start();
    }
  }
}
