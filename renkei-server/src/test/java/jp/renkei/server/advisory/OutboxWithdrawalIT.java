package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
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
 * An advisory issued by mistake and withdrawn before its mail went: a delivery that had not gone
 * when the withdrawal landed is cancelled ("withdrawn before sending") and its recipient is not
 * sent a withdrawal of something it never received; a recipient that did receive it gets the
 * withdrawal, per channel. A delivery in flight when the withdrawal lands is left to its sender: it
 * goes, and its withdrawal follows (the row held between its post and its marking as sent by a
 * lock, not by the webhook receiver, so nothing races the webhook timeout); one held by a sender
 * that died is cancelled when its lease ends, and the withdrawal, which waited for it, then is too.
 * The real sender against GreenMail and HTTP receivers on 127.0.0.1.
 */
class OutboxWithdrawalIT extends ServerTest {

  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired javax.sql.DataSource dataSource;

  WebhookReceiver receiver;
  WebhookReceiver refusing;

  @BeforeEach
  void receivers() throws Exception {
    receiver = WebhookReceiver.start();
    refusing = WebhookReceiver.start();
    refusing.refuse(true);
  }

  @AfterEach
  void stop() {
    receiver.close();
    refusing.close();
  }

  Organisation withContacts(String duty, WebhookReceiver hooks) {
    Organisation o = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), o.id(), duty, hooks.url("/hook?" + o.code()));
    return o;
  }

  record Row(long id, int version, String channel, String status, String code, String error) {}

  List<Row> rows(long advisory, Organisation to) {
    return jdbc.sql(
            "select id, version_no, channel, status, cancel_reason, last_error from outbox"
                + " where advisory_id = ? and organisation_id = ? order by version_no, channel")
        .params(advisory, to.id())
        .query(
            (rs, i) ->
                new Row(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  Row row(long advisory, Organisation to, int version, String channel) {
    return rows(advisory, to).stream()
        .filter(r -> r.version() == version && r.channel().equals(channel))
        .findFirst()
        .orElseThrow();
  }

  void awaitEnded(long advisory) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("select count(*) from outbox where advisory_id = ? and status = 'pending'")
                        .param(advisory)
                        .query(Long.class)
                        .single()
                    == 0);
  }

  void assertCancelled(Row r, String code, String reason) {
    assertThat(r.status()).as("row %s", r).isEqualTo("cancelled");
    assertThat(r.code()).as("row %s", r).isEqualTo(code);
    assertThat(r.error()).contains(reason).doesNotContain("@", "127.0.0.1");
    assertThat(OutboxAudit.cancellationAudited(jdbc, r.id())).as("audited %s", r).isTrue();
  }

  NewAdvisory advisory(String title, Organisation... to) {
    return new NewAdvisory(
        title,
        "誤って発信した本文 WRONG-BODY",
        null,
        List.of("mistake-obs.example"),
        List.of(),
        "amber",
        false,
        List.of(),
        List.of(),
        List.of(to).stream().map(Organisation::code).toList(),
        "normal",
        null,
        null);
  }

  int withdraw(Actor nisc, long id, String title) {
    return advisories.addVersion(
        nisc, id, "withdrawal", title, "誤送信のため取り消します", null, List.of(), null);
  }

  @Test
  void anAdvisoryWithdrawnBeforeAnyOfItWentSendsNeitherItNorItsWithdrawal() throws Exception {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String duty = Fixtures.unique("duty-mistake") + "@withdrawn.example";
    Organisation bank = withContacts(duty, receiver);
    String title = Fixtures.unique("誤発信");
    // issued and withdrawn in one transaction: the sender cannot send before the withdrawal
    long id =
        tx.execute(
            s -> {
              long a = advisories.issue(nisc, advisory(title, bank));
              withdraw(nisc, a, title + " 取消");
              return a;
            });
    awaitEnded(id);
    assertThat(mailTextsTo(duty)).isEmpty();
    assertThat(receiver.requests()).isEmpty();
    for (String channel : List.of("email", "webhook")) {
      assertCancelled(
          row(id, bank, 1, channel), "withdrawn", "withdrawn (version 2) before it went");
      assertCancelled(
          row(id, bank, 2, channel), "neverReceived", "no earlier version of the advisory went");
    }
  }

  @Test
  void onlyTheRecipientsAndChannelsThatReceivedItGetTheWithdrawal() throws Exception {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String gotDuty = Fixtures.unique("duty-got") + "@withdrawn.example";
    String missedDuty = Fixtures.unique("duty-missed") + "@withdrawn.example";
    Organisation got = withContacts(gotDuty, receiver);
    // its e-mail goes; its webhook is refused and waits its backoff when the withdrawal lands
    Organisation half = withContacts(missedDuty, refusing);
    String title = Fixtures.unique("誤発信の一部");
    long id = advisories.issue(nisc, advisory(title, got, half));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                row(id, got, 1, "email").status().equals("sent")
                    && row(id, got, 1, "webhook").status().equals("sent")
                    && row(id, half, 1, "email").status().equals("sent")
                    && row(id, half, 1, "webhook").error() != null);
    withdraw(nisc, id, title + " 取消");
    // the refused webhook would now accept: it is not sent the version nor the withdrawal
    refusing.refuse(false);
    awaitEnded(id);

    assertThat(mailTextsTo(gotDuty)).hasSize(2);
    assertThat(mailTextsTo(gotDuty).get(1)).contains(title + " 取消", "取消");
    assertThat(receiver.acceptedFor(got.code())).hasSize(2);
    assertThat(receiver.acceptedFor(got.code()).get(1)).contains(title + " 取消");
    assertThat(row(id, got, 2, "email").status()).isEqualTo("sent");
    assertThat(row(id, got, 2, "webhook").status()).isEqualTo("sent");

    assertThat(mailTextsTo(missedDuty)).hasSize(2);
    assertThat(row(id, half, 2, "email").status()).isEqualTo("sent");
    assertThat(refusing.accepted()).isEmpty();
    assertCancelled(
        row(id, half, 1, "webhook"), "withdrawn", "withdrawn (version 2) before it went");
    assertCancelled(
        row(id, half, 2, "webhook"), "neverReceived", "no earlier version of the advisory went");
  }

  /**
   * The sender holds version 1 from its claim until it marks it sent; the withdrawal lands in
   * between. To keep it there without racing the webhook's response timeout, the receiver, when the
   * post arrives, locks the row on a connection of the test's (one statement, before it answers);
   * the sender then waits on the lock to mark it sent, with no timeout, for as long as the test
   * takes to withdraw and look.
   */
  @Test
  void aVersionInFlightWhenTheWithdrawalLandsGoesAndItsWithdrawalFollowsIt() throws Exception {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation hookOnly = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), hookOnly.id(), null, receiver.url("/hook"));
    String title = Fixtures.unique("送信中に取消");
    long id;
    try (java.sql.Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      WebhookReceiver.Arrival posting =
          receiver.onNext(
              title,
              () -> {
                try (var st =
                    lock.prepareStatement(
                        "select id from outbox where organisation_id = ? and version_no = 1"
                            + " and channel = 'webhook' for update")) {
                  st.setLong(1, hookOnly.id());
                  st.executeQuery().close();
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      id = advisories.issue(nisc, advisory(title, hookOnly));
      // the sender claimed version 1, judged it and posted it; it cannot mark it sent yet
      assertThat(posting.arrived(30)).isTrue();
      withdraw(nisc, id, title + " 取消");
      assertThat(row(id, hookOnly, 1, "webhook").status())
          .as("left to the sender that holds it")
          .isEqualTo("pending");
      lock.commit();
      awaitEnded(id);
    }
    assertThat(receiver.accepted()).hasSize(2);
    assertThat(receiver.accepted().get(0)).contains("WRONG-BODY");
    assertThat(receiver.accepted().get(1)).contains(title + " 取消", "\"kind\":\"withdrawal\"");
    assertThat(rows(id, hookOnly)).extracting(Row::status).containsExactly("sent", "sent");
  }

  @Test
  void aRowHeldByASenderThatDiedIsCancelledAtItsLeaseEndAndTheWithdrawalWaitedForIt()
      throws Exception {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation hookOnly = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), hookOnly.id(), null, receiver.url("/hook"));
    String title = Fixtures.unique("停止した送信");
    long id =
        tx.execute(
            s -> {
              long a = advisories.issue(nisc, advisory(title, hookOnly));
              // another instance claimed the row, as its claim writes it, and then died
              jdbc.sql(
                      "update outbox set attempts = 1, next_attempt_at = now() + interval '5 minutes',"
                          + " leased_until = now() + interval '5 minutes' where advisory_id = ?")
                  .param(a)
                  .update();
              return a;
            });
    withdraw(nisc, id, title + " 取消");
    assertThat(row(id, hookOnly, 1, "webhook").status()).isEqualTo("pending");
    // the withdrawal waits for the held row: neither sent nor cancelled while it is held
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> row(id, hookOnly, 2, "webhook").status().equals("pending"));
    assertThat(receiver.requests()).isEmpty();
    // the lease ends (the test stands in for the clock): the sender takes the row and judges it
    jdbc.sql("update outbox set next_attempt_at = now(), leased_until = now() where id = ?")
        .param(row(id, hookOnly, 1, "webhook").id())
        .update();
    awaitEnded(id);
    assertThat(receiver.requests()).isEmpty();
    assertCancelled(
        row(id, hookOnly, 1, "webhook"), "withdrawn", "version 1 was withdrawn (version 2)");
    assertCancelled(
        row(id, hookOnly, 2, "webhook"),
        "neverReceived",
        "no earlier version of the advisory went");
  }
}
