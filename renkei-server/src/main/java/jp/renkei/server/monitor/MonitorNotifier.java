package jp.renkei.server.monitor;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.renkei.server.advisory.OutboxMail;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.config.HubProperties;
import jp.renkei.server.config.NotifyProperties;
import jp.renkei.server.database.Rows;
import jp.renkei.server.outbound.SignedWebhooks;
import jp.renkei.server.outbound.WebhookLanes;
import jp.renkei.server.ui.TimeFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends alert e-mails and webhooks queued in {@code monitor_delivery}: claimed one at a time with
 * SKIP LOCKED, sent outside the transaction, retried with backoff up to {@code
 * renkei.notify.max-attempts}. Webhooks are signed like advisory webhooks ({@code
 * X-Renkei-Signature: t=…,v1=HMAC-SHA256(secret, t.body)}) and go through the SSRF guard.
 */
@Component
@ConditionalOnWebApplication
class MonitorNotifier {

  record Due(
      long id,
      long alertId,
      long organisationId,
      String change,
      String channel,
      String target,
      int attempts,
      String siteName,
      long siteId,
      String kind,
      Instant raisedAt,
      String detail) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotifyProperties notify;
  private final HubProperties hub;
  private final SignedWebhooks webhooks;
  private final AlertText text;
  private final SiteRepository sites;
  private final JsonMapper json = JsonMapper.builder().build();
  private final jp.renkei.server.audit.AuditLog audit;
  private final WebhookLanes lanes;

  private static final jp.renkei.server.audit.Actor NOTIFIER =
      new jp.renkei.server.audit.Actor(null, "monitor-notifier", null, null, "system", null);

  MonitorNotifier(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ObjectProvider<JavaMailSender> mail,
      NotifyProperties notify,
      HubProperties hub,
      SignedWebhooks webhooks,
      MessageSource messages,
      MonitorWords words,
      TimeFormat time,
      SiteRepository sites,
      jp.renkei.server.audit.AuditLog audit,
      WebhookLanes lanes) {
    this.audit = audit;
    this.lanes = lanes;
    this.text = new AlertText(messages, words, time);
    this.sites = sites;
    this.jdbc = jdbc;
    this.tx = tx;
    this.mail = mail;
    this.notify = notify;
    this.hub = hub;
    this.webhooks = webhooks;
  }

  @Scheduled(fixedDelayString = "${renkei.notify.poll-interval:2s}")
  void sendDue() {
    for (int i = 0; i < 200; i++) {
      Optional<Due> due = tx.execute(s -> claim());
      if (due == null || due.isEmpty()) {
        return;
      }
      String error = null;
      try {
        Due d = addressedNow(due.get());
        if (d.channel().equals("email")) {
          email(d);
        } else {
          // on its lane: the scheduling thread never waits for a receiver (outbound31)
          if (!lanes.start(d.organisationId(), d.target(), () -> deliver(d))) {
            tx.executeWithoutResult(s -> putBack(d));
          }
          continue;
        }
      } catch (NotAddressed e) {
        tx.executeWithoutResult(s -> cancel(due.get(), e.getMessage()));
        continue;
      } catch (Exception e) {
        // the refused duty address is not kept: the outbox's one scrub (OutboxMail)
        error = OutboxMail.deliveryError(e);
      }
      String failure = error;
      tx.executeWithoutResult(s -> finish(due.get(), failure));
    }
  }

  /** A webhook's delivery on its lane: sent, then the row marked; the error or null. */
  private String deliver(Due d) {
    String error = null;
    try {
      webhook(d);
    } catch (Exception e) {
      error = OutboxMail.deliveryError(e);
    }
    String failure = error;
    tx.executeWithoutResult(s -> finish(d, failure));
    return error;
  }

  /** Puts a claimed row back, unsent and its claim not counted, for the next tick. */
  private void putBack(Due d) {
    jdbc.sql(
            "update monitor_delivery set attempts = attempts - 1, next_attempt_at = now()"
                + " where id = ?")
        .param(d.id())
        .update();
  }

  /**
   * The delivery as it is to be sent now: only to an organisation the alert would be addressed to
   * today (the site's owner, or a coordinator while the site still shares its details with
   * coordinators: a retry comes hours after a failure, and the owner may have stopped sharing
   * meanwhile), and to that organisation's duty address or webhook of now, not the one replaced.
   */
  private Due addressedNow(Due d) throws NotAddressed {
    Site site = sites.byId(d.siteId()).orElseThrow(NotAddressed::new);
    boolean owner = site.organisationId() == d.organisationId();
    if (!owner
        && !site.sharing().detailAudience().recipientOrganisations().contains(d.organisationId())) {
      throw new NotAddressed();
    }
    if (!owner && !"email".equals(d.channel())) {
      throw new NotAddressed(); // webhooks are the owner's only, as queued
    }
    String current =
        jdbc.sql(
                "select "
                    + ("email".equals(d.channel()) ? "duty_email" : "webhook_url")
                    + " from organisation where id = ? and active")
            .param(d.organisationId())
            .query(String.class)
            .optional()
            .orElse(null);
    if (current == null || current.isBlank()) {
      throw new NotAddressed();
    }
    return current.equals(d.target())
        ? d
        : new Due(
            d.id(),
            d.alertId(),
            d.organisationId(),
            d.change(),
            d.channel(),
            current,
            d.attempts(),
            d.siteName(),
            d.siteId(),
            d.kind(),
            d.raisedAt(),
            d.detail());
  }

  /** The organisation is no longer one the alert goes to, or has no such channel now. */
  static final class NotAddressed extends Exception {
    private static final long serialVersionUID = 1L;

    NotAddressed() {
      super("no longer addressed to this organisation's channel; not sent");
    }
  }

  private Optional<Due> claim() {
    Optional<Due> due =
        jdbc.sql(
                "select d.id, d.alert_id, d.organisation_id, d.change, d.channel, d.target,"
                    + " d.attempts, s.name as site_name, s.id as site_id, a.kind, a.raised_at,"
                    + " a.detail from monitor_delivery d join monitor_alert a on a.id = d.alert_id"
                    + " join monitor_site s on s.id = a.site_id where d.status = 'pending'"
                    + " and d.next_attempt_at <= now()"
                    + lanes.claimCondition("d.channel", "d.organisation_id")
                    + " order by d.next_attempt_at, d.id limit 1"
                    + " for update of d skip locked")
            .query(Rows.of(Due.class))
            .optional();
    due.ifPresent(
        d ->
            jdbc.sql(
                    "update monitor_delivery set attempts = attempts + 1, next_attempt_at = ?"
                        + " where id = ?")
                .params(Rows.utc(Instant.now().plus(notify.lease())), d.id())
                .update());
    return due;
  }

  /** Ends a delivery no longer addressed to its organisation: cancelled, audited, never retried. */
  private void cancel(Due d, String reason) {
    jdbc.sql("update monitor_delivery set status = 'cancelled', last_error = ? where id = ?")
        .params(cut(reason), d.id())
        .update();
    audit.record(
        NOTIFIER,
        jp.renkei.server.audit.AuditLog.Event.failure(
            "monitor.delivery.cancelled",
            "monitor_delivery",
            d.id(),
            Detail.of("outbox.cancelled", d.channel(), d.organisationId(), reason)));
  }

  private void finish(Due d, String error) {
    if (error == null) {
      jdbc.sql(
              "update monitor_delivery set status = 'sent', sent_at = now(), last_error = null where id = ?")
          .param(d.id())
          .update();
    } else if (d.attempts() + 1 >= notify.maxAttempts()) {
      jdbc.sql("update monitor_delivery set status = 'failed', last_error = ? where id = ?")
          .params(cut(error), d.id())
          .update();
    } else {
      Duration backoff = Duration.ofSeconds(30L << Math.min(d.attempts(), 10));
      jdbc.sql("update monitor_delivery set last_error = ?, next_attempt_at = ? where id = ?")
          .params(cut(error), Rows.utc(Instant.now().plus(backoff)), d.id())
          .update();
    }
  }

  private static String cut(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  private AlertText.Alert alert(Due d) {
    return new AlertText.Alert(
        d.change(), d.kind(), d.siteName(), d.raisedAt(), d.detail(), link(d));
  }

  /**
   * The language of an e-mail's recipient: the language chosen by the enabled person with that
   * address (the duty address is often a person's), else the hub's default, Japanese.
   */
  Locale language(String address) {
    return jdbc.sql(
            "select locale from app_user where lower(email) = lower(?) and enabled"
                + " order by id limit 1")
        .param(address)
        .query(String.class)
        .optional()
        .map(Locale::forLanguageTag)
        .orElse(Locale.JAPANESE);
  }

  private String link(Due d) {
    return hub.publicUrl().replaceAll("/+$", "") + "/monitor/sites/" + d.siteId();
  }

  private void email(Due d) throws Exception {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("SMTP is not configured (spring.mail.host)");
    }
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper h = new MimeMessageHelper(mime, false, "UTF-8");
    h.setFrom(notify.mailFrom());
    h.setTo(d.target());
    Locale locale = language(d.target());
    h.setSubject(text.subject(alert(d), locale));
    h.setText(text.body(alert(d), locale));
    mime.saveChanges();
    mime.setHeader("Message-ID", "<monitor-" + d.id() + "@renkei>");
    sender.send(mime);
  }

  private void webhook(Due d) throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", "monitor.alert." + d.change());
    payload.put("alertId", d.alertId());
    payload.put("siteId", d.siteId());
    payload.put("site", d.siteName());
    payload.put("kind", d.kind());
    payload.put("raisedAt", d.raisedAt().toString());
    payload.put("detail", d.detail());
    payload.put("link", link(d));
    // the same in words for people, in both languages; the fields above stay as they were
    payload.put("words", text.words(alert(d)));
    webhooks.post(
        d.organisationId(), d.target(), "monitor-" + d.id(), json.writeValueAsString(payload));
  }
}
