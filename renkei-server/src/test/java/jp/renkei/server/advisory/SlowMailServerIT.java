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
import org.junit.jupiter.api.AfterAll;
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
 * on 127.0.0.1 and a port of its own: this class's instance sends all its mail there.
 */
class SlowMailServerIT extends ServerTest {

  static final TricklingSmtp SMTP = new TricklingSmtp();

  static {
    System.setProperty(MAIL_PORT_PROPERTY, String.valueOf(SMTP.port()));
  }

  @DynamicPropertySource
  static void deadline(DynamicPropertyRegistry registry) {
    registry.add("renkei.notify.mail-deadline", () -> "4s");
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty(MAIL_PORT_PROPERTY);
    SMTP.close();
  }

  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired TaskScheduler scheduler;
  @Autowired org.springframework.core.env.Environment env;

  /** The row's state; {@code inFlight} while claimed (its lease set) and not yet finished. */
  record Row(String status, String lastError, boolean inFlight) {}

  private Row row(long organisation) {
    return jdbc.sql(
            "select status, last_error, leased_until is not null from outbox"
                + " where organisation_id = ? and channel = 'email'"
                + " order by id desc limit 1")
        .param(organisation)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .optional()
        .orElse(null);
  }

  @Test
  void aTricklingMailServerIsCutOffAtTheDeadlineAndHoldsNoOtherJob() throws Exception {
    Organisation bank = fixtures.operator("finance");
    String duty = Fixtures.unique("duty-slow-smtp") + "@bank.example";
    directory.setDelivery(Actor.cli(), bank.id(), duty, null);
    assertThat(env.getProperty("spring.mail.port", Integer.class))
        .as("this instance's mail goes to the trickling server")
        .isEqualTo(SMTP.port());
    AtomicReference<Row> seenByOtherJob = new AtomicReference<>();
    int before = SMTP.cutOff();
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
    // other tests' e-mails may be waiting for this instance's (trickling) mail server too, each
    // taking a deadline: this one is made the first due
    jdbc.sql(
            "update outbox set next_attempt_at = now() - interval '1 day'"
                + " where organisation_id = ? and channel = 'email' and status = 'pending'")
        .param(bank.id())
        .update();
    // the outbox has claimed the advisory's e-mail and is talking to the trickling server
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> row(bank.id()) != null && row(bank.id()).inFlight() && SMTP.active() > 0);

    // another job on the instance's scheduler, while the outbox's exchange is under way
    scheduler.schedule(() -> seenByOtherJob.set(row(bank.id())), Instant.now());
    await().atMost(Duration.ofSeconds(60)).until(() -> seenByOtherJob.get() != null);
    assertThat(seenByOtherJob.get())
        .as("the other job ran while the outbox's exchange was under way")
        .isEqualTo(new Row("pending", null, true));

    await().atMost(Duration.ofSeconds(60)).until(() -> row(bank.id()).lastError() != null);
    Row after = row(bank.id());
    assertThat(after.status()).as("left queued for a retry").isEqualTo("pending");
    assertThat(after.lastError())
        .startsWith("SmtpDeadline: ")
        .contains("whole deadline of 4s", "renkei.notify.mail-deadline");
    await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.cutOff() > before);
  }
}
