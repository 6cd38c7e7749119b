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
public final class OutboxMail {

  private OutboxMail() {}

  /**
   * A subject on one line: titles come from people (an advisory's title over the API, a run's, a
   * site's name) and may hold line breaks or other control characters. Jakarta Mail already folds a
   * line break into the subject rather than starting a header with it, but the subject then read on
   * several lines ("Bcc: …" on its own line); each run of them is one space.
   */
  static String oneLine(String subject) {
    return subject == null ? null : subject.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
  }

  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile(
          "<?[\\p{L}\\p{N}._%+'=-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)++>?");

  /**
   * A delivery's error as it is logged and stored, with every e-mail address written as {@code
   * <address>}: a mail server that refuses a recipient names it in its reply (Postfix: {@code 550
   * 5.1.1 <duty@example.jp>: Recipient address rejected}), and Jakarta Mail and Spring put that
   * reply into the exception's message. The outbox row keeps its target for whoever may see it.
   */
  public static String withoutAddresses(String error) {
    return error == null ? null : ADDRESS.matcher(error).replaceAll("<address>");
  }

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
    h.setSubject(oneLine(subject));
    h.setText(text);
    mime.saveChanges();
    mime.setHeader("Message-ID", "<outbox-" + due.id() + "@renkei>");
    mime.setHeader("X-Renkei-Delivery", String.valueOf(due.id()));
    sender.send(mime);
  }
}
