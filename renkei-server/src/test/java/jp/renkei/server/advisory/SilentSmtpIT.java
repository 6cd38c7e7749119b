package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that accepts the connection and never says a word (harden32): Jakarta Mail's
 * defaults wait forever, and e-mail is sent on the scheduling thread. As {@code
 * DeliveryFailureLogIT} does, the JVM's GreenMail is stopped and a real socket on its port on
 * 127.0.0.1 accepts and stays silent; the read timeout the shipped {@code spring.mail.properties}
 * set (30 s) is shortened to 2 s here, the other shipped timeouts are checked as configured.
 */
class SilentSmtpIT extends ServerTest {

  @DynamicPropertySource
  static void shortReadTimeout(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.properties[mail.smtp.timeout]", () -> "2000");
  }

  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired JavaMailSender mail;

  String lastError(long advisory, Organisation o) {
    return jdbc.sql(
            "select last_error from outbox where advisory_id = ? and organisation_id = ?"
                + " and channel = 'email'")
        .params(advisory, o.id())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  long issue(Organisation to) {
    return advisories.issue(
        fixtures.actor(fixtures.user("nisc", Role.ANALYST)),
        SlowWebhookReceiversIT.advisory(Fixtures.unique("黙るメールサーバ"), List.of(to)));
  }

  @Test
  void theShippedSmtpTimeoutsReachTheMailClient() {
    java.util.Properties p = ((JavaMailSenderImpl) mail).getJavaMailProperties();
    assertThat(p.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
    assertThat(p.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    assertThat(p.getProperty("mail.smtps.timeout")).isEqualTo("30000");
    assertThat(p.getProperty("mail.smtp.timeout")).isEqualTo("2000");
  }

  @Test
  void aServerThatNeverAnswersFailsTheAttemptAndTheSenderGoesOn() throws IOException {
    Organisation first = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), first.id(), Fixtures.unique("d1") + "@silent.example", null);
    Organisation second = fixtures.operator("finance");
    directory.setDelivery(
        Actor.cli(), second.id(), Fixtures.unique("d2") + "@silent.example", null);
    int port = MAIL.getSmtp().getPort();
    List<Socket> held = new CopyOnWriteArrayList<>();
    MAIL.stop();
    try (ServerSocket silent = new ServerSocket()) {
      silent.setReuseAddress(true);
      silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      Thread t =
          new Thread(
              () -> {
                while (!silent.isClosed()) {
                  try {
                    held.add(silent.accept()); // held open, never answered
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "silent-smtp");
      t.setDaemon(true);
      t.start();

      long one = issue(first);
      await().atMost(Duration.ofSeconds(90)).until(() -> lastError(one, first) != null);
      assertThat(lastError(one, first)).contains("SocketTimeoutException");
      assertThat(held).isNotEmpty();
      // the sender was not held: a later advisory's e-mail is attempted too
      long two = issue(second);
      await().atMost(Duration.ofSeconds(90)).until(() -> lastError(two, second) != null);
      assertThat(lastError(two, second)).contains("SocketTimeoutException");
    } finally {
      for (Socket s : held) {
        s.close();
      }
      MAIL.start();
    }
  }
}
