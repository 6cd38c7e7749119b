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
 * @param maxListed notifications listed in one API answer at most (default 2000; the API pages with
 *     {@code page} and {@code size}, the page with its listing)
 * @param hubPorts ports whose exposure found by the hub's own enumeration becomes a NOTICE
 *     notification (default FTP, telnet, SMB, PPTP, MySQL, RDP, PostgreSQL, VNC)
 */
@Validated
@ConfigurationProperties("renkei.notice")
public record NoticeProperties(
    @Min(1) @Max(365) @DefaultValue("14") int reminderDays,
    @Min(0) @Max(20) @DefaultValue("3") int maxReminders,
    @Min(10) @Max(100_000) @DefaultValue("2000") int maxListed,
    @DefaultValue({"21", "23", "445", "1723", "3306", "3389", "5432", "5900"})
        java.util.List<Integer> hubPorts) {}
