package jp.renkei.server.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The work queue on the home page (issue 14).
 *
 * @param confirmWithin how long after delivery a recipient should confirm an advisory (疎通確認の期限);
 *     past it the queue marks the advisory overdue (default 24h)
 * @param commentsSince how far back the queue lists comments other organisations wrote on the
 *     organisation's reports (default 7d)
 * @param cancelledWithin how far back the queue and the list of cancelled deliveries go (default
 *     30d): a cancelled delivery is a fact to look at, not work, and the list would otherwise grow
 *     with every withdrawal and deactivation for ever
 */
@Validated
@ConfigurationProperties("renkei.worklist")
public record WorklistProperties(
    @NotNull @DefaultValue("24h") Duration confirmWithin,
    @NotNull @DefaultValue("7d") Duration commentsSince,
    @NotNull @DefaultValue("30d") Duration cancelledWithin) {}
