package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The line {@code MailCorporaBench -Dmail.dump} writes per tuning message for
 * bench/mail-weights/fit.py: set, label, fold, unreadable, the distinct kinds of sign; nothing of
 * the message's own words.
 */
class MailWeightsDumpTest {

  private final StringWriter out = new StringWriter();

  @AfterEach
  void noDump() {
    MailCorporaBench.DUMP = null;
  }

  private String dumped(String set, String label, String raw) throws Exception {
    MailCorporaBench.DUMP = new PrintWriter(out);
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    MailCorporaBench.dump(set, label, new MailCorporaBench.Eml("x", bytes), TestMail.analyze(raw));
    MailCorporaBench.DUMP.flush();
    return out.toString().strip();
  }

  @Test
  void aMessageWithSignsGivesItsKindsOnceEachAndNoWordOfIt() throws Exception {
    String raw =
        TestMail.mail()
            .from("Secret Sender <alice@example.org>")
            .replyTo("collector@elsewhere.example")
            .subject("Verify your account within 24 hours")
            .body(
                "text/plain; charset=utf-8",
                "Your mailbox is full. Verify your account within 24 hours or it will be suspended:"
                    + " http://203.0.113.9/login http://203.0.113.9/verify")
            .text();
    MailReport r = TestMail.analyze(raw);
    String line = dumped("phish-pot", "lure", raw);

    String[] c = line.split("\t");
    assertThat(c).hasSize(5);
    assertThat(c[0]).isEqualTo("phish-pot");
    assertThat(c[1]).isEqualTo("lure");
    assertThat(c[2])
        .isEqualTo(
            String.valueOf(
                MailCorporaBench.fold(
                    new MailCorporaBench.Eml("x", raw.getBytes(StandardCharsets.UTF_8)))));
    assertThat(c[3]).isEqualTo("0");
    assertThat(c[4].split(","))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            r.findings().stream().map(f -> f.flag().name()).distinct().toList())
        .contains("REPLY_TO_OTHER_DOMAIN");
    assertThat(line).doesNotContain("Secret", "alice", "Verify", "203.0.113.9");
  }

  @Test
  void aMessageWithoutSignsGivesADash() throws Exception {
    String raw =
        TestMail.mail()
            .from("Hanako <hanako@example.org>")
            .to("taro@example.org")
            .subject("lunch")
            .body("text/plain; charset=utf-8", "See you at noon.")
            .text();
    assertThat(TestMail.analyze(raw).findings()).isEmpty();

    assertThat(dumped("ham", "legitimate", raw)).matches("ham\tlegitimate\t[01]\t0\t-");
  }
}
