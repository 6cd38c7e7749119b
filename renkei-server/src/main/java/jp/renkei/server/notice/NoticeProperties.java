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
 * @param dominanceN the n of the statistics' (n, k) dominance rule: how many of the largest holders
 *     are weighed (default 2: the second-largest holder, who can subtract its own figure, is the
 *     best-placed adversary)
 * @param dominancePercent the k of the dominance rule: a figure is withheld when its n largest
 *     holders hold more than this share of it, in percent (default 85: what remains hidden from the
 *     second-largest is at least 15 % of the figure)
 */
@Validated
@ConfigurationProperties("renkei.notice")
public record NoticeProperties(
    @Min(1) @Max(365) @DefaultValue("14") int reminderDays,
    @Min(0) @Max(20) @DefaultValue("3") int maxReminders,
    @Min(10) @Max(100_000) @DefaultValue("2000") int maxListed,
    @DefaultValue({"21", "23", "445", "1723", "3306", "3389", "5432", "5900"})
        java.util.List<Integer> hubPorts,
    @Min(1) @Max(10) @DefaultValue("2") int dominanceN,
    @Min(50) @Max(99) @DefaultValue("85") int dominancePercent) {}
