package jp.renkei.server.notice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * NOTICE notifications (issue 16). See docs/notice.md.
 *
 * @param reminderDays days a notification may stay without a recorded outcome before its holder is
 *     reminded, and between reminders (default 14)
 * @param maxReminders reminders sent for one notification at most (default 3)
 * @param maxListed notifications listed on one page or API answer (default 2000)
 */
@Validated
@ConfigurationProperties("renkei.notice")
public record NoticeProperties(
    @Min(1) @Max(365) @DefaultValue("14") int reminderDays,
    @Min(0) @Max(20) @DefaultValue("3") int maxReminders,
    @Min(10) @Max(100_000) @DefaultValue("2000") int maxListed) {}
