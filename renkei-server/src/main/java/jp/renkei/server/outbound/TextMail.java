package jp.renkei.server.outbound;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.server.config.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A plain-text e-mail from the hub's configured sender, sent once the current transaction commits
 * (at once outside one), so nothing is mailed about a change that rolled back. Best effort: no SMTP
 * configured or a failed send is logged with what it was, never retried — features whose mail must
 * arrive use the outbox instead.
 */
@Component
public class TextMail {

  private static final Logger log = LoggerFactory.getLogger(TextMail.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;

  TextMail(ObjectProvider<JavaMailSender> mail, NotifyProperties notify) {
    this.mail = mail;
    this.notify = notify;
  }

  /**
   * @param what names the message in the log ("NOTICE reminder", "Exercise e-mail")
   */
  public void sendAfterCommit(String to, String subject, String body, String what) {
    Runnable send = () -> send(to, subject, body, what);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              send.run();
            }
          });
    } else {
      send.run();
    }
  }

  private void send(String to, String subject, String body, String what) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.warn("{} to {} not sent: SMTP is not configured", what, to);
      return;
    }
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
      h.setFrom(notify.mailFrom());
      h.setTo(to);
      h.setSubject(subject);
      h.setText(body);
      sender.send(mime);
    } catch (Exception e) {
      log.warn("{} to {} failed: {}", what, to, e.toString());
    }
  }
}
