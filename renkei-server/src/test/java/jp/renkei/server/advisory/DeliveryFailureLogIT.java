package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.RefusingSmtp;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery that fails in the background is logged and stored, and neither may carry what it was
 * delivering or to whom: an advisory's title, or the recipient's address that a mail server names
 * when it refuses it. The mail server here is a real one on the test's SMTP port that refuses every
 * recipient the way Postfix does (its reply quotes the address).
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryFailureLogIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  private String outboxError(long organisation) {
    return jdbc.sql(
            "select last_error from outbox where organisation_id = ? and channel = 'email'"
                + " order by id desc limit 1")
        .param(organisation)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void aRecipientTheMailServerRefusesIsNamedNeitherInTheLogNorInTheOutbox(CapturedOutput log)
      throws Exception {
    Organisation bank = fixtures.operator("finance");
    String duty = Fixtures.unique("duty").toLowerCase(Locale.ROOT) + "@bank.example";
    directory.setDelivery(Actor.cli(), bank.id(), duty, null);
    String title = Fixtures.unique("配送失敗の題名");
    int port = MAIL.getSmtp().getPort();
    int from = log.getAll().length();
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
      await().atMost(Duration.ofSeconds(60)).until(() -> outboxError(bank.id()) != null);
    } finally {
      if (smtp != null) {
        smtp.close();
      }
      MAIL.start();
    }
    String error = outboxError(bank.id());
    assertThat(error).as("the refusal is kept, without the address").contains("550", "<address>");
    assertThat(error).doesNotContain(duty);
    String written = log.getAll().substring(from);
    assertThat(written).contains("<address>").doesNotContain(duty).doesNotContain(title);
  }
}
