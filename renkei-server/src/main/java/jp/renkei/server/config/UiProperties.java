package jp.renkei.server.config;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the browser pages and the platform's e-mails show times.
 *
 * @param zone the zone every time shown to a person is written in, with the zone's abbreviation
 *     after it ({@code 2026-12-03 00:00 JST}); default {@code Asia/Tokyo}, the zone of the hub's
 *     users. APIs, STIX, TAXII and exports keep ISO-8601 times in UTC or with their offset.
 */
@Validated
@ConfigurationProperties("renkei.ui")
public record UiProperties(@NotNull @DefaultValue("Asia/Tokyo") ZoneId zone) {}
