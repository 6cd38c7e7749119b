package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of advisories by e-mail and webhook. SMTP itself is Spring Boot's {@code spring.mail.*}
 * (host, port, username, password); without {@code spring.mail.host} e-mails are marked failed with
 * that reason, visible to the issuer.
 *
 * @param mailFrom sender address of advisory e-mails (default {@code renkei@localhost})
 * @param pollInterval how often the sender looks for due deliveries (default 2s)
 * @param maxAttempts attempts before a delivery is marked failed (default 8; backoff doubles from
 *     30s)
 * @param lease how long a claimed delivery is reserved before another attempt may take it (default
 *     5m)
 * @param webhookTimeout response timeout for webhooks (default 5s; connecting is
 *     renkei.outbound.connect-timeout)
 * @param webhookThreads how many webhooks are delivered at once, off the scheduling thread, one at
 *     a time per receiver (default 4; {@code WebhookLanes})
 * @param mailDeadline how long one e-mail's whole SMTP exchange may take (connect, greeting,
 *     STARTTLS, every command and the message; default 2m), whatever the per-read timeouts: a
 *     server answering a byte at a time is cut off here, the message left queued with the reason
 *     ({@code jp.renkei.server.outbound.SmtpDeadline}, harden33)
 * @param sightingDigestInterval how often organisations are told by e-mail, in aggregate, that
 *     indicators they shared were sighted by others (default 1h)
 */
@Validated
@ConfigurationProperties("renkei.notify")
public record NotifyProperties(
    @NotBlank @DefaultValue("renkei@localhost") String mailFrom,
    @NotNull @DefaultValue("2s") Duration pollInterval,
    @Min(1) @Max(20) @DefaultValue("8") int maxAttempts,
    @NotNull @DefaultValue("5m") Duration lease,
    @NotNull @DefaultValue("5s") Duration webhookTimeout,
    @NotNull @DefaultValue("1h") Duration sightingDigestInterval,
    @Min(1) @Max(64) @DefaultValue("4") int webhookThreads,
    @NotNull @DefaultValue("2m") Duration mailDeadline) {}
