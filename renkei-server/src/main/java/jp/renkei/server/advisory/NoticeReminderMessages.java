package jp.renkei.server.advisory;

import jp.renkei.server.config.HubProperties;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.notice.NoticeReminderText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The outbox's NOTICE reminders: to the holder's duty e-mail (the outbox row names it), how many of
 * its notifications wait for an outcome and where to record it — no address, no evidence. The
 * wording is NOTICE's ({@link NoticeReminderText}).
 */
final class NoticeReminderMessages {

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;
  private final HubProperties hub;

  NoticeReminderMessages(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> mail,
      NotifyProperties notify,
      HubProperties hub) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.notify = notify;
    this.hub = hub;
  }

  void send(OutboxSender.Due due) throws Exception {
    record Reminder(long holderId, int openCount) {}
    Reminder r =
        jdbc.sql("select holder_id, open_count from notice_reminder where id = ?")
            .param(due.noticeReminderId())
            .query((rs, i) -> new Reminder(rs.getLong(1), rs.getInt(2)))
            .single();
    if (r.holderId() != due.organisationId()) {
      // written together in one transaction; a row that disagrees is never sent elsewhere
      throw new IllegalStateException("reminder and delivery name different organisations");
    }
    String link = hub.publicUrl().replaceAll("/+$", "") + "/notice";
    OutboxMail.send(
        mail,
        notify,
        due,
        NoticeReminderText.subject(r.openCount()),
        NoticeReminderText.body(r.openCount(), link));
  }
}
