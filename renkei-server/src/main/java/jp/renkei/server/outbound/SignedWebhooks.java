package jp.renkei.server.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.config.NotifyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts a JSON event to an organisation's webhook, signed with that organisation's secret ({@code
 * X-Renkei-Signature: t=<unix seconds>,v1=<HMAC-SHA256(secret, t.body), hex>}) and sent through the
 * SSRF guard ({@link OutboundHttp}). One way for every event the hub pushes (advisories, monitor
 * alerts), so receivers verify them all alike. The answer's body is never read. A destination the
 * address policy refuses at delivery, and a name that does not resolve, are audited alike ({@code
 * outbound.refused}, {@link OutboundHttp#toldOutside}).
 */
@Component
public class SignedWebhooks {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SignedWebhooks.class);

  /**
   * A webhook's whole exchange may take this many times {@code renkei.notify.webhook-timeout} (the
   * wait for each next byte), and never more than {@code renkei.outbound.max-exchange-time}.
   */
  static final int WHOLE_EXCHANGE_TIMEOUTS = 3;

  private final JdbcClient jdbc;
  private final OutboundHttp http;
  private final NotifyProperties notify;
  private final AuditLog audit;

  SignedWebhooks(JdbcClient jdbc, OutboundHttp http, NotifyProperties notify, AuditLog audit) {
    this.jdbc = jdbc;
    this.http = http;
    this.notify = notify;
    this.audit = audit;
  }

  /**
   * Posts {@code body} to {@code target} for the organisation.
   *
   * @throws IllegalStateException when the organisation has no secret, the URL is not one, or the
   *     receiver does not answer 2xx (the caller records it and retries)
   */
  public void post(long organisationId, String target, String deliveryId, String body)
      throws Exception {
    String secret =
        jdbc.sql("select webhook_secret from organisation where id = ?")
            .param(organisationId)
            .query(String.class)
            .optional()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no webhook secret for organisation " + organisationId));
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the webhook URL is not a URL");
    }
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    OutboundHttp.Response r;
    try {
      r =
          http.exchange(
              new OutboundHttp.Request(
                  "POST",
                  uri,
                  Map.of(
                      "Content-Type",
                      "application/json",
                      "X-Renkei-Delivery",
                      deliveryId,
                      "X-Renkei-Signature",
                      "t=" + timestamp + ",v1=" + sign(secret, timestamp + "." + body)),
                  body.getBytes(StandardCharsets.UTF_8),
                  notify.webhookTimeout()),
              0,
              true,
              // the whole exchange (redirects, and the body the client drains after the status):
              // a receiver that trickles its answer otherwise held the outbox sender (feedpoll30)
              Instant.now().plus(notify.webhookTimeout().multipliedBy(WHOLE_EXCHANGE_TIMEOUTS)));
    } catch (OutboundHttp.Failure e) {
      if (!OutboundHttp.unreached(e) && !(e instanceof OutboundHttp.Refused)) {
        throw e;
      }
      // a name that resolves inside (or an address of the hub's own) is refused here, where the
      // guard is; audited in the organisation's name (its admins see it), on its own (a delivery
      // runs outside any transaction). What its admins are told — here and in the delivery's
      // error — is the same for a name that does not resolve, so a webhook URL maps nothing of
      // the hub's network (attack38); the guard's reason goes to the log for the hub's operators
      String told = OutboundHttp.toldOutside(e, uri.getHost());
      log.warn("Webhook of organisation {} not delivered: {}", organisationId, e.getMessage());
      audit.refusedOutbound(
          new Actor(null, "webhook", organisationId, null, "delivery", null),
          "webhook",
          target,
          told);
      throw OutboundHttp.unreached(e) ? new OutboundHttp.Unreachable(told) : e;
    }
    if (r.status() / 100 != 2) {
      throw new IllegalStateException("webhook answered HTTP " + r.status());
    }
  }

  /** HMAC-SHA256 of {@code data} (here {@code timestamp.body}) with the secret, lower-case hex. */
  public static String sign(String secret, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
