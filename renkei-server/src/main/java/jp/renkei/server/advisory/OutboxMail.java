package jp.renkei.server.advisory;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.server.config.NotifyProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One plain-text e-mail of an outbox row, from the hub's sender to the row's target, carrying the
 * row id as its idempotency key (Message-ID, X-Renkei-Delivery); throws so the outbox retries.
 * Every kind of outbox e-mail (advisories, exposure notices, NOTICE reminders) is sent through it.
 */
final class OutboxMail {

  private OutboxMail() {}

  static void send(
      ObjectProvider<JavaMailSender> mail,
      NotifyProperties notify,
      OutboxSender.Due due,
      String subject,
      String text)
      throws Exception {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("SMTP is not configured (spring.mail.host)");
    }
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
    h.setFrom(notify.mailFrom());
    h.setTo(due.target());
    h.setSubject(subject);
    h.setText(text);
    mime.saveChanges();
    mime.setHeader("Message-ID", "<outbox-" + due.id() + "@renkei>");
    mime.setHeader("X-Renkei-Delivery", String.valueOf(due.id()));
    sender.send(mime);
  }
}
