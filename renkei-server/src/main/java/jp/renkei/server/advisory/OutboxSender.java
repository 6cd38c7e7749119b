package jp.renkei.server.advisory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.renkei.server.config.HubProperties;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.database.Rows;
import jp.renkei.server.outbound.SignedWebhooks;
import jp.renkei.server.outbound.SmtpDeadline;
import jp.renkei.server.outbound.WebhookLanes;
import jp.renkei.server.sharing.ExerciseScope;
import jp.renkei.server.sharing.SharingGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due outbox rows: one row at a time, claimed with a lease (SKIP LOCKED, so instances share
 * the work), sent outside any transaction, then marked sent or rescheduled with backoff. E-mail is
 * sent on the scheduling thread; a webhook is handed to its lane ({@link WebhookLanes}), so a slow
 * receiver delays neither the e-mails nor other receivers (outbound31). A crash loses nothing (the
 * lease expires and the row is retried); the one message in flight at a crash may be sent twice, so
 * every message carries the row id as its idempotency key (the e-mail's Message-ID, the webhook's
 * {@code X-Renkei-Delivery}). An e-mail's SMTP exchange as a whole is bounded by {@code
 * renkei.notify.mail-deadline} ({@link SmtpDeadline}); a tick that meets it ends there.
 */
@Component
@ConditionalOnWebApplication
class OutboxSender {

  static final int PER_TICK = 200;
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  record Due(
      long id,
      Long advisoryId,
      Long exposureNoticeId,
      Long noticeReminderId,
      Long exerciseMailId,
      Long accountMailId,
      int versionNo,
      long organisationId,
      String channel,
      String target,
      String purpose,
      int attempts) {}

  record Message(
      String title,
      String body,
      String actions,
      String tlp,
      String kind,
      String issuer,
      String observables,
      Long exerciseRunId,
      String simulatedSender,
      Boolean exerciseEmailAllowed) {

    boolean exercise() {
      return exerciseRunId != null;
    }

    /** The sender the recipients read: a simulated advisory's 発信元 with its 模擬 mark. */
    String sender() {
      return simulatedSender == null ? issuer : ExerciseScope.SIMULATED_MARK_JA + simulatedSender;
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;
  private final HubProperties hub;
  private final SignedWebhooks webhooks;
  private final JsonMapper json = JsonMapper.builder().build();
  private final ExposureNoticeMessages notices;
  private final NoticeReminderMessages reminders;
  private final SendTimeCheck check;
  private final OutboxCancellation cancellation;
  private final WebhookLanes lanes;
  private boolean mailServerSlow;

  OutboxSender(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ObjectProvider<JavaMailSender> mail,
      NotifyProperties notify,
      HubProperties hub,
      SignedWebhooks webhooks,
      SharingGate gate,
      AdvisoryRepository advisories,
      OutboxCancellation cancellation,
      WebhookLanes lanes) {
    this.jdbc = jdbc;
    this.lanes = lanes;
    this.check = new SendTimeCheck(jdbc, gate, advisories);
    this.cancellation = cancellation;
    this.tx = tx;
    this.mail = mail;
    this.notify = notify;
    this.hub = hub;
    this.webhooks = webhooks;
    this.notices = new ExposureNoticeMessages(jdbc, mail, notify, hub, webhooks);
    this.reminders = new NoticeReminderMessages(jdbc, mail, notify, hub);
  }

  @Scheduled(fixedDelayString = "${renkei.notify.poll-interval:2s}")
  void sendDue() {
    // within one tick the advisories' and organisations' facts are read once (SendTimeCheck):
    // a fan-out of hundreds of rows of the same advisory reads it once, not once per row
    check.beginTick();
    try {
      mailServerSlow = false;
      for (int i = 0; i < PER_TICK && !mailServerSlow; i++) {
        if (!sendOne()) {
          return;
        }
      }
    } finally {
      check.endTick();
    }
  }

  /**
   * Sends one due delivery, or hands a webhook to its lane ({@link WebhookLanes}: the scheduling
   * thread never waits for a receiver); false when none is due.
   */
  boolean sendOne() {
    Optional<Due> claimed = tx.execute(s -> claim());
    if (claimed == null || claimed.isEmpty()) {
      return false;
    }
    Due due = claimed.get();
    String error = null;
    try {
      SendTimeCheck.Verdict verdict = check.judge(due);
      if (verdict.waits()) {
        Due row = due;
        tx.executeWithoutResult(s -> waitAgain(row));
        return true;
      }
      if (!verdict.sends()) {
        Due row = due;
        tx.executeWithoutResult(s -> cancel(row, verdict.code(), verdict.reason()));
        return true;
      }
      due = toCurrentTarget(due);
      Delivery delivery = delivery(due);
      if (due.channel().equals("webhook")) {
        Due row = due;
        if (!lanes.start(row.organisationId(), row.target(), () -> deliver(row, delivery))) {
          // no worker free or the receiver held since the claim: the row waits for a later tick
          tx.executeWithoutResult(s -> putBack(row));
        }
        return true;
      }
      delivery.send();
    } catch (NoLongerConfigured e) {
      String reason = e.getMessage();
      Due row = due;
      tx.executeWithoutResult(s -> cancel(row, "noChannel", reason));
      return true;
    } catch (Exception e) {
      error = failed(due, e);
      // a mail server cut off at the whole deadline: the rest of the tick's rows wait for the
      // next tick rather than each holding the thread that long
      mailServerSlow |= SmtpDeadline.passed(e).isPresent();
    }
    String failure = error;
    Due done = due;
    tx.executeWithoutResult(s -> finish(done, failure));
    return true;
  }

  /** One message's sending, read and ready. */
  @FunctionalInterface
  private interface Delivery {
    void send() throws Exception;
  }

  /** What sending the row is, its text read now (on the scheduling thread). */
  private Delivery delivery(Due due) {
    if (due.exposureNoticeId() != null) {
      return () -> notices.send(due);
    }
    if (due.noticeReminderId() != null) {
      return () -> reminders.send(due);
    }
    if (due.exerciseMailId() != null) {
      return () -> storedMail(due, "exercise_mail", due.exerciseMailId());
    }
    if (due.accountMailId() != null) {
      return () -> storedMail(due, "account_mail", due.accountMailId());
    }
    Message m = message(due);
    if (m.exercise() && !Boolean.TRUE.equals(m.exerciseEmailAllowed())) {
      // queued only when the run allows it (AdvisoryRepository.queueDeliveries); never sent else
      throw new IllegalStateException("the exercise run does not allow e-mail or webhooks");
    }
    return due.channel().equals("email") ? () -> email(due, m) : () -> webhook(due, m);
  }

  /** A webhook's delivery on its lane: sent, then the row marked; the error or null. */
  private String deliver(Due due, Delivery delivery) {
    String error = null;
    try {
      delivery.send();
    } catch (Exception e) {
      error = failed(due, e);
    }
    String failure = error;
    tx.executeWithoutResult(s -> finish(due, failure));
    return error;
  }

  private static String failed(Due due, Exception e) {
    String error = OutboxMail.deliveryError(e);
    log.warn(
        "Delivery {} ({} to organisation {}) failed: {}",
        due.id(),
        due.channel(),
        due.organisationId(),
        error);
    return error;
  }

  /** Puts a claimed row back, unsent and its claim not counted, for the next tick. */
  private void putBack(Due due) {
    jdbc.sql(
            "update outbox set attempts = attempts - 1, next_attempt_at = now(), leased_until = null"
                + " where id = ?")
        .param(due.id())
        .update();
  }

  /** Thrown when the organisation no longer has the channel a row was queued for. */
  static final class NoLongerConfigured extends Exception {
    private static final long serialVersionUID = 1L;

    NoLongerConfigured(String channel) {
      super("the organisation has no " + channel + " any more; not sent");
    }
  }

  /**
   * The row as it is to be sent: to the organisation's duty address or webhook of now, not the one
   * it had when the row was queued (a retry may come hours later, after an admin replaced an
   * address that is no longer the organisation's: it must not receive the organisation's TLP
   * material any more). An inactive organisation, or one without the channel now, gets nothing.
   * Exercise inject mail goes to the people of the run, and a reset notice to the person, whose
   * addresses are kept as queued.
   */
  private Due toCurrentTarget(Due due) throws NoLongerConfigured {
    if (due.exerciseMailId() != null || due.accountMailId() != null) {
      return due;
    }
    String column = "email".equals(due.channel()) ? "duty_email" : "webhook_url";
    String current =
        jdbc.sql("select " + column + " from organisation where id = ? and active")
            .param(due.organisationId())
            .query(String.class)
            .optional()
            .orElse(null);
    if (current == null || current.isBlank()) {
      throw new NoLongerConfigured("email".equals(due.channel()) ? "duty address" : "webhook");
    }
    return current.equals(due.target())
        ? due
        : new Due(
            due.id(),
            due.advisoryId(),
            due.exposureNoticeId(),
            due.noticeReminderId(),
            due.exerciseMailId(),
            due.accountMailId(),
            due.versionNo(),
            due.organisationId(),
            due.channel(),
            current,
            due.purpose(),
            due.attempts());
  }

  /**
   * Ends a row that may not go any more ({@link SendTimeCheck}, or no channel now): cancelled with
   * its reason, never retried, and audited.
   */
  private void cancel(Due due, String code, String reason) {
    cancellation.cancel(due.id(), due.channel(), due.organisationId(), code, reason);
    log.info(
        "Delivery {} ({} to organisation {}) cancelled: {}",
        due.id(),
        due.channel(),
        due.organisationId(),
        reason);
  }

  /**
   * Puts back a withdrawal whose recipient's earlier version is still in flight on the same
   * channel: judged again after the poll interval, the claim not counted as an attempt. It waits at
   * most the earlier row's lease (a sender that died holding it loses it, and the row is then
   * cancelled as withdrawn).
   */
  private void waitAgain(Due due) {
    jdbc.sql(
            "update outbox set attempts = attempts - 1, next_attempt_at = ?, leased_until = null"
                + " where id = ?")
        .params(Instant.now().plus(notify.pollInterval()).atOffset(ZoneOffset.UTC), due.id())
        .update();
  }

  private Optional<Due> claim() {
    var lease = Instant.now().plus(notify.lease()).atOffset(ZoneOffset.UTC);
    Optional<Due> due =
        jdbc.sql(
                "select id, advisory_id, exposure_notice_id, notice_reminder_id, exercise_mail_id, account_mail_id, version_no,"
                    + " organisation_id, channel, target, purpose, attempts from outbox where status = 'pending' and next_attempt_at <= now()"
                    + lanes.claimCondition("channel", "organisation_id")
                    + " order by next_attempt_at, id limit 1 for update skip locked")
            .query(Rows.of(Due.class))
            .optional();
    due.ifPresent(
        d ->
            jdbc.sql(
                    "update outbox set attempts = attempts + 1, next_attempt_at = ?,"
                        + " leased_until = ? where id = ?")
                .params(lease, lease, d.id())
                .update());
    return due;
  }

  private void finish(Due due, String error) {
    if (error == null) {
      // sent even when a withdrawal landed while it was in flight: its recipient then gets the
      // withdrawal too (SendTimeCheck)
      jdbc.sql(
              "update outbox set status = 'sent', sent_at = now(), last_error = null,"
                  + " leased_until = null where id = ?")
          .param(due.id())
          .update();
      return;
    }
    int attempts = due.attempts() + 1;
    if (attempts >= notify.maxAttempts()) {
      jdbc.sql(
              "update outbox set status = 'failed', last_error = ?, leased_until = null where id = ?")
          .params(truncate(error), due.id())
          .update();
    } else {
      Duration backoff = Duration.ofSeconds(30L << Math.min(attempts - 1, 10));
      jdbc.sql(
              "update outbox set last_error = ?, next_attempt_at = ?, leased_until = null"
                  + " where id = ?")
          .params(truncate(error), Instant.now().plus(backoff).atOffset(ZoneOffset.UTC), due.id())
          .update();
    }
  }

  private Message message(Due due) {
    return jdbc.sql(
            "select v.title, v.body, v.actions, a.tlp, v.kind, o.name_ja as issuer, v.observables::text"
                + " as observables, a.exercise_run_id, a.simulated_sender,"
                + " r.email_allowed as exercise_email_allowed from advisory_version v"
                + " join advisory a on a.id = v.advisory_id join organisation o on o.id = a.issuer_org_id"
                + " left join exercise_run r on r.id = a.exercise_run_id"
                + " where v.advisory_id = ? and v.version_no = ?")
        .params(due.advisoryId(), due.versionNo())
        .query(Rows.of(Message.class))
        .single();
  }

  private void email(Due due, Message m) throws Exception {
    String label = "reminder".equals(due.purpose()) ? "【再送・受信確認のお願い】" : "【情報提供】";
    String subject = "[" + tlpLabel(m.tlp()) + "] " + label + m.title();
    if (m.exercise()) {
      subject = ExerciseScope.MARK + subject;
    }
    OutboxMail.send(mail, notify, due, subject, text(due, m));
  }

  /**
   * A message whose text was written when it was queued: an exercise inject's e-mail (marked 【訓練】
   * when it was delivered), a person's reset notice.
   */
  private void storedMail(Due due, String table, long id) throws Exception {
    record Text(String subject, String body) {}
    Text t =
        jdbc.sql("select subject, body from " + table + " where id = ?")
            .param(id)
            .query((rs, i) -> new Text(rs.getString(1), rs.getString(2)))
            .single();
    OutboxMail.send(mail, notify, due, t.subject(), t.body());
  }

  private String text(Due due, Message m) {
    StringBuilder sb = new StringBuilder();
    if (m.exercise()) {
      sb.append(ExerciseScope.MARK).append(" これは演習（訓練）の情報提供です。実際の事案ではありません。\n\n");
    }
    sb.append(tlpLabel(m.tlp())).append(" — この情報は TLP の範囲内でのみ取り扱ってください。\n\n");
    sb.append("発信元: ").append(m.sender()).append('\n');
    sb.append("件名: ")
        .append(m.title())
        .append(" (")
        .append(kindLabel(m.kind()))
        .append(", 第")
        .append(due.versionNo())
        .append("版)\n\n");
    sb.append(m.body()).append("\n\n");
    if (m.actions() != null) {
      sb.append("推奨される対応:\n").append(m.actions()).append("\n\n");
    }
    if (m.observables() != null && !"[]".equals(m.observables())) {
      sb.append("関連する観測値:\n");
      for (String o : json.readValue(m.observables(), String[].class)) {
        sb.append("  ").append(o).append('\n');
      }
      sb.append('\n');
    }
    sb.append("受信確認 (疎通確認) をお願いします: ").append(link(due)).append('\n');
    return sb.toString();
  }

  private void webhook(Due due, Message m) throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(
        "event", "reminder".equals(due.purpose()) ? "advisory.reminder" : "advisory.delivered");
    payload.put("advisoryId", due.advisoryId());
    payload.put("version", due.versionNo());
    payload.put("kind", m.kind());
    payload.put("tlp", tlpLabel(m.tlp()));
    payload.put("issuer", m.sender());
    payload.put("title", m.exercise() ? ExerciseScope.MARK + m.title() : m.title());
    payload.put("body", m.exercise() ? ExerciseScope.MARK + " " + m.body() : m.body());
    payload.put("actions", m.actions());
    payload.put("observables", json.readValue(m.observables(), String[].class));
    payload.put("link", link(due));
    if (m.exercise()) {
      // an explicit flag and the run, so a receiver never takes an exercise for real work
      payload.put("exercise", true);
      payload.put("exerciseRunId", m.exerciseRunId());
    }
    webhooks.post(
        due.organisationId(),
        due.target(),
        String.valueOf(due.id()),
        json.writeValueAsString(payload));
  }

  private String link(Due due) {
    return hub.publicUrl().replaceAll("/+$", "") + "/advisories/" + due.advisoryId();
  }

  static String tlpLabel(String tlp) {
    return jp.renkei.server.sharing.Markings.label(tlp);
  }

  private static String kindLabel(String kind) {
    return switch (kind) {
      case "update" -> "更新";
      case "correction" -> "訂正";
      case "withdrawal" -> "取消";
      default -> "初版";
    };
  }

  private static String truncate(String s) {
    return OutboxCancellation.truncate(s);
  }
}
