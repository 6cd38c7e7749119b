package jp.renkei.server.notice;

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
 * The reminder e-mail to a holder's duty address: how many of its notifications wait for an
 * outcome, and where to record it — no address, no evidence (those stay on the hub, behind
 * sign-in).
 */
@Component
class NoticeMail {

  private static final Logger log = LoggerFactory.getLogger(NoticeMail.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;

  NoticeMail(ObjectProvider<JavaMailSender> mail, NotifyProperties notify) {
    this.mail = mail;
    this.notify = notify;
  }

  void reminderAfterCommit(String to, int open) {
    Runnable send = () -> send(to, open);
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

  private void send(String to, int open) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.warn("NOTICE reminder to {} not sent: SMTP is not configured", to);
      return;
    }
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
      h.setFrom(notify.mailFrom());
      h.setTo(to);
      h.setSubject(
          "[Renkei] NOTICE 通知の対応結果が未登録です ("
              + open
              + " 件) / NOTICE notifications awaiting an outcome");
      h.setText(
          "注意喚起の結果が登録されていない NOTICE 通知が "
              + open
              + " 件あります。Renkei の「NOTICE 通知」(/notice) で対応結果を登録してください。\n\n"
              + open
              + " NOTICE notification(s) have no recorded outcome yet. Please record the outcome"
              + " of your 注意喚起 (subscriber warning) on Renkei's NOTICE page (/notice).\n");
      sender.send(mime);
    } catch (Exception e) {
      log.warn("NOTICE reminder to {} failed: {}", to, e.toString());
    }
  }
}
