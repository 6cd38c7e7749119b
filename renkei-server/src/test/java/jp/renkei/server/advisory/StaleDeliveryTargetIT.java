package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.RefusingSmtp;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery queued for an organisation's duty address is retried for hours after a failure (30 s,
 * doubling); meanwhile its admin may replace the address because it is no longer the organisation's
 * (a mailbox of a vendor that left, a domain let lapse). The retry carried the advisory's TLP:AMBER
 * text to the old address (attack16).
 */
class StaleDeliveryTargetIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  private record Row(String status, String lastError) {}

  private Row row(long organisation, String title) {
    return jdbc.sql(
            "select o.status, o.last_error from outbox o"
                + " join advisory_version v on v.advisory_id = o.advisory_id"
                + " and v.version_no = o.version_no"
                + " where o.organisation_id = ? and o.channel = 'email' and v.title = ?")
        .params(organisation, title)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
        .optional()
        .orElse(null);
  }

  private static boolean received(String address, String title) throws Exception {
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      boolean to =
          Arrays.stream(m.getRecipients(Message.RecipientType.TO))
              .anyMatch(a -> a.toString().equalsIgnoreCase(address));
      if (to && m.getSubject() != null && m.getSubject().contains(title)) {
        return true;
      }
    }
    return false;
  }

  /** Issues an AMBER advisory to the bank while the mail server refuses it; returns its title. */
  private String issueWhileRefused(Organisation bank) throws Exception {
    String title = Fixtures.unique("宛先変更の題名");
    int port = MAIL.getSmtp().getPort();
    MAIL.stop();
    RefusingSmtp smtp = null;
    try {
      smtp = new RefusingSmtp(port);
      var nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
      var r =
          nisc.postJson(
              "/api/v1/advisories",
              AdvisoryIT.advisory(title, "amber", "\"organisations\":[\"" + bank.code() + "\"]"));
      assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> row(bank.id(), title) != null && row(bank.id(), title).lastError() != null);
    } finally {
      if (smtp != null) {
        smtp.close();
      }
      MAIL.start();
    }
    return title;
  }

  private void retryNow(long organisation) {
    jdbc.sql(
            "update outbox set next_attempt_at = now() where organisation_id = ?"
                + " and status = 'pending'")
        .param(organisation)
        .update();
  }

  @Test
  void aRetryGoesToTheDutyAddressOfNowNotToTheOneReplaced() throws Exception {
    Organisation bank = fixtures.operator("finance");
    String old = Fixtures.unique("old").toLowerCase(Locale.ROOT) + "@vendor-gone.example";
    String now = Fixtures.unique("now").toLowerCase(Locale.ROOT) + "@bank.example";
    directory.setDelivery(Actor.cli(), bank.id(), old, null);
    String title = issueWhileRefused(bank);
    assertThat(row(bank.id(), title).status()).isEqualTo("pending");

    directory.setDelivery(Actor.cli(), bank.id(), now, null);
    retryNow(bank.id());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "sent".equals(row(bank.id(), title).status()));
    assertThat(received(now, title)).isTrue();
    assertThat(received(old, title)).as("the replaced address received the advisory").isFalse();
  }

  @Test
  void aRetryAfterTheAddressWasRemovedIsNotSent() throws Exception {
    Organisation bank = fixtures.operator("finance");
    String old = Fixtures.unique("old").toLowerCase(Locale.ROOT) + "@vendor-gone.example";
    directory.setDelivery(Actor.cli(), bank.id(), old, null);
    String title = issueWhileRefused(bank);

    directory.setDelivery(Actor.cli(), bank.id(), null, null);
    retryNow(bank.id());
    // the retry is over once it was sent (to the old address) or refused for want of one
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Row r = row(bank.id(), title);
              return "sent".equals(r.status())
                  || (r.lastError() != null && r.lastError().contains("no duty address"));
            });
    assertThat(received(old, title)).as("the removed address received the advisory").isFalse();
    assertThat(row(bank.id(), title).lastError()).contains("no duty address");
    // ended, not retried until the attempts run out (attack25)
    assertThat(row(bank.id(), title).status()).isEqualTo("cancelled");
  }
}
