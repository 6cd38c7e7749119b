package jp.renkei.server.exercise;

import jakarta.mail.internet.MimeMessage;
import jp.renkei.engine.exercise.Inject;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.sharing.ExerciseScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mail injects, only for runs that allow e-mail, always marked 【訓練】 in the subject and body, sent
 * after the delivery commits. A failed send is logged and not retried (the inject is in the
 * player's exercise inbox in any case).
 */
@Component
class ExerciseMail {

  private static final Logger log = LoggerFactory.getLogger(ExerciseMail.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;

  ExerciseMail(ObjectProvider<JavaMailSender> mail, NotifyProperties notify) {
    this.mail = mail;
    this.notify = notify;
  }

  void sendAfterCommit(String to, String runTitle, Inject inject) {
    Runnable send = () -> send(to, runTitle, inject);
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

  private void send(String to, String runTitle, Inject inject) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.warn("Exercise e-mail to {} not sent: SMTP is not configured", to);
      return;
    }
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
      h.setFrom(notify.mailFrom());
      h.setTo(to);
      h.setSubject(ExerciseScope.MARK + runTitle + ": " + inject.title());
      h.setText(
          ExerciseScope.MARK
              + " これは演習（訓練）の状況付与です。実際の事案ではありません。\n\n"
              + "発信元: "
              + inject.sender()
              + "\n件名: "
              + inject.title()
              + "\n\n"
              + inject.content()
              + "\n");
      sender.send(mime);
    } catch (Exception e) {
      log.warn("Exercise e-mail to {} failed: {}", to, e.toString());
    }
  }
}
