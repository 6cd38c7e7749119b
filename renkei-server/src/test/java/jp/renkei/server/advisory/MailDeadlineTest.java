package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Map;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.outbound.SmtpDeadline;
import jp.renkei.server.support.TricklingSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An outbox e-mail's SMTP exchange has a whole deadline ({@code renkei.notify.mail-deadline},
 * {@link SmtpDeadline}): a real mail server on 127.0.0.1 that trickles its greeting a byte every
 * 100 ms — never long enough for the 30 s read timeout — is cut off at the deadline, and the error
 * the outbox keeps says so; a normal server (GreenMail) receives the message through the same
 * guarded sockets.
 */
class MailDeadlineTest {

  private static final NotifyProperties NOTIFY =
      new NotifyProperties(
          "renkei@hub.example",
          Duration.ofSeconds(2),
          8,
          Duration.ofMinutes(5),
          Duration.ofSeconds(5),
          Duration.ofHours(1),
          4,
          Duration.ofSeconds(2));

  private static JavaMailSenderImpl sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    // the hub's own per-step timeouts (application.yml): each trickled byte comes well inside them
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "30000");
    sender.getJavaMailProperties().put("mail.smtp.writetimeout", "30000");
    sender
        .getJavaMailProperties()
        .put("mail.smtp.socketFactory", new SmtpDeadline(NOTIFY.mailDeadline()));
    return sender;
  }

  private static Throwable send(JavaMailSenderImpl sender, String to) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", sender));
    OutboxSender.Due due =
        new OutboxSender.Due(7L, 1L, null, null, null, null, 1, 1L, "email", to, "new", 0);
    return catchThrowable(
        () ->
            OutboxMail.send(beans.getBeanProvider(JavaMailSender.class), NOTIFY, due, "件名", "本文"));
  }

  @Test
  void aMailServerTricklingItsGreetingIsCutOffAtTheWholeDeadline() throws Exception {
    try (TricklingSmtp smtp = new TricklingSmtp()) {
      Throwable e = send(sender(smtp.port()), "duty@bank.example");

      assertThat(e).isNotNull();
      assertThat(SmtpDeadline.passed(e)).isPresent();
      assertThat(OutboxMail.deliveryError((Exception) e))
          .startsWith("SmtpDeadline: ")
          .contains("whole deadline of 2s", "renkei.notify.mail-deadline", "stays queued")
          .doesNotContain("duty@bank.example");
      assertThat(smtp.connections()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(30)).until(() -> smtp.cutOff() == 1);
      assertThat(smtp.active()).isZero();
    }
  }

  @Test
  void aMailServerThatAnswersReceivesTheMessageThroughTheGuardedSockets() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    mail.start();
    try {
      assertThat(send(sender(port), "duty@bank.example")).isNull();
      assertThat(mail.getReceivedMessages()).hasSize(1);
      assertThat(mail.getReceivedMessages()[0].getHeader("X-Renkei-Delivery")).containsExactly("7");
    } finally {
      mail.stop();
    }
  }

  @Test
  void otherFailuresKeepTheirOwnWords() {
    assertThat(SmtpDeadline.passed(new java.net.SocketTimeoutException("Read timed out")))
        .isEmpty();
    assertThat(OutboxMail.deliveryError(new IllegalStateException("SMTP is not configured")))
        .isEqualTo("IllegalStateException: SMTP is not configured");
  }
}
