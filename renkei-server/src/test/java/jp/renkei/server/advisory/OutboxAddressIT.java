package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.support.RefusingSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An outbox e-mail refused by the mail server: the error the outbox stores on its row, logs and
 * shows on the failed-deliveries list carries no part of the refused address, however the address
 * is written (a quoted local part, atext signs, a Japanese address, an address literal, a dotless
 * host, a host of 300 labels), and scrubbing a long error answers at once. The server is a real
 * SMTP conversation over TCP that refuses every recipient the way Postfix does, echoing it.
 */
class OutboxAddressIT {

  private RefusingSmtp listener;

  @BeforeEach
  void startRefusingServer() {
    listener = new RefusingSmtp();
  }

  @AfterEach
  void stop() throws Exception {
    listener.close();
  }

  /** The error the outbox keeps for a delivery to {@code target}, as OutboxSender makes it. */
  private String storedError(String target) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(listener.port());
    sender.getJavaMailProperties().put("mail.smtp.allowutf8", "true");
    sender.getJavaMailProperties().put("mail.mime.allowutf8", "true");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", sender));
    NotifyProperties notify =
        new NotifyProperties(
            "renkei@hub.example",
            Duration.ofSeconds(2),
            8,
            Duration.ofMinutes(5),
            Duration.ofSeconds(5),
            Duration.ofHours(1),
            4,
            Duration.ofMinutes(2));
    OutboxSender.Due due =
        new OutboxSender.Due(1L, 1L, null, null, null, null, 1, 1L, "email", target, "new", 0);
    Throwable e =
        catchThrowable(
            () ->
                OutboxMail.send(
                    beans.getBeanProvider(JavaMailSender.class), notify, due, "件名", "本文"));
    assertThat(e).as("the server refuses %s", target).isNotNull();
    return OutboxMail.deliveryError((Exception) e);
  }

  @Test
  void aRefusedAddressIsNotKeptInTheErrorHoweverItIsWritten() {
    StringBuilder longHost = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      longHost.append("l").append(i).append('.');
    }
    record Odd(String address, List<String> parts) {}
    List<Odd> odd =
        List.of(
            new Odd("duty.officer@example.jp", List.of("duty.officer", "example.jp")),
            new Odd("\"duty officer\"@example.jp", List.of("duty officer", "example.jp")),
            new Odd("\"duty.night\"@example.jp", List.of("duty.night", "example.jp")),
            new Odd("soc#night@example.jp", List.of("soc#", "night", "example.jp")),
            new Odd("first/last@example.jp", List.of("first/", "example.jp")),
            new Odd("ops&sec{1}@example.jp", List.of("ops&", "sec{1}", "example.jp")),
            new Odd("duty@mailhost", List.of("duty", "mailhost")),
            new Odd("duty@[192.0.2.44]", List.of("duty", "192.0.2.44")),
            new Odd("duty@x_y.example.jp", List.of("duty", "x_y")),
            new Odd("担当者@例え.日本", List.of("担当者", "例え")),
            new Odd("duty@xn--r8jz45g.xn--wgv71a", List.of("duty", "xn--r8jz45g")),
            new Odd("a@" + longHost + "jp", List.of("l0.l1", "l299")));
    for (Odd o : odd) {
      String error = storedError(o.address());
      // refused by the server (its reply echoes the address), or before it by Jakarta Mail
      // ("Domain contains illegal character", naming nothing)
      if (error.contains("550") || o.address().startsWith("duty.officer")) {
        assertThat(error).as(o.address()).contains("550", "<address>");
      }
      for (String part : o.parts()) {
        // Jakarta Mail reads the reply as ISO-8859-1: a Japanese address comes back as its UTF-8
        // bytes' Latin-1 characters
        String asRead =
            new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(error).as(o.address()).doesNotContain(part, asRead);
      }
    }
  }

  @Test
  void scrubbingALongErrorAnswersAtOnce() {
    // the old pattern's repetitions retried every starting point: quadratic in the text's length
    List<String> errors =
        List.of(
            "550 " + "a".repeat(1_000_000) + "!",
            "550 " + "a.".repeat(500_000) + "@" + "b.".repeat(500_000),
            "aa@".repeat(300_000),
            "\"@".repeat(500_000),
            "@[".repeat(500_000),
            "a@[".repeat(300_000) + "]");
    // a guard against a hang, not a measure of speed: each answers in well under a second
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (String e : errors) {
            String scrubbed = OutboxMail.withoutAddresses(e);
            assertThat(scrubbed).doesNotContain("a@b", "aa@aa");
          }
        });
    assertThat(OutboxMail.withoutAddresses("a.".repeat(500_000) + "@" + "b.".repeat(500_000)))
        .isEqualTo("<address>.");
    assertThat(OutboxMail.withoutAddresses("550 5.1.1 <duty@example.jp>: rejected"))
        .isEqualTo("550 5.1.1 <address>: rejected");
    assertThat(OutboxMail.withoutAddresses("@mention and a@ and x@ y"))
        .isEqualTo("@mention and a@ and x@ y");
  }
}
