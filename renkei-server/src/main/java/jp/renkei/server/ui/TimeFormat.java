package jp.renkei.server.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.renkei.server.config.UiProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times and durations on pages and in the platform's e-mails, the one formatter they all use:
 * {@code ${@time.jst(instant)}}, {@code ${@time.duration(d)}}. A time is written in the hub's
 * display zone ({@code renkei.ui.zone}, default Asia/Tokyo) with the zone named, the same in both
 * languages: {@code 2026-12-03 00:00 JST} (a stored 2026-12-02T15:00Z), to the second where a
 * reader compares it with a log ({@link #jstZoned}). APIs, STIX and exports do not use it: they
 * keep ISO-8601 times. Durations read as {@code 336日} or {@code 336 days} from a week on, {@code
 * 3日4時間} or {@code 3 days 4 h} under a week, to the minute under a day.
 */
@Component("time")
public class TimeFormat {

  /** The zone when none is configured: the hub's users are in Japan. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

  private final ZoneId zone;
  private final DateTimeFormatter minutes;
  private final DateTimeFormatter seconds;

  /** In Japan time (tests and code outside Spring). */
  public TimeFormat() {
    this(DEFAULT_ZONE);
  }

  @Autowired
  TimeFormat(UiProperties ui) {
    this(ui.zone());
  }

  public TimeFormat(ZoneId zone) {
    this.zone = zone;
    // the zone's abbreviation in English (JST, UTC, CET) whatever the page's language, as
    // Japanese readers write it too
    this.minutes = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm z", Locale.ENGLISH).withZone(zone);
    this.seconds =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss z", Locale.ENGLISH).withZone(zone);
  }

  /** The zone times are shown in. */
  public ZoneId zone() {
    return zone;
  }

  /** The zone's id ({@code Asia/Tokyo}), for scripts that write times. */
  public String zoneId() {
    return zone.getId();
  }

  /** The zone's abbreviation as times carry it ({@code JST}), for scripts that write times. */
  public String zoneName() {
    return DateTimeFormatter.ofPattern("z", Locale.ENGLISH).withZone(zone).format(Instant.now());
  }

  /** A time to the minute with its zone ({@code 2026-12-03 00:00 JST}); {@code -} for none. */
  public String jst(Instant t) {
    return t == null ? "-" : minutes.format(t);
  }

  /**
   * As {@link #jst(Instant)}; the language does not change how a time is written (kept for callers
   * that pass the reader's locale).
   */
  public String jst(Instant t, Locale locale) {
    return jst(t);
  }

  /**
   * A time to the second with its zone ({@code 2026-12-03 00:00:05 JST}), for times a reader
   * compares with a log or a mail header: a shared mail's date, when it was shared, an audit entry.
   */
  public String jstZoned(Instant t) {
    return t == null ? "-" : seconds.format(t);
  }

  /** As {@link #jstZoned(Instant)}. */
  public String jstZoned(Instant t, Locale locale) {
    return jstZoned(t);
  }

  /** Minutes as a duration, as {@link #duration}. */
  public String minutes(Long minutes) {
    return minutes == null ? "-" : duration(Duration.ofMinutes(minutes));
  }

  public String duration(Duration d) {
    return duration(d, LocaleContextHolder.getLocale());
  }

  /**
   * {@code 336日} / {@code 336 days} from a week on (hours no longer matter), {@code 3日4時間} / {@code
   * 3 days 4 h} from a day on, {@code 2時間5分} / {@code 2 h 5 min} under a day, {@code 5分} / {@code 5
   * min} under an hour (negative durations, from bad clocks, shown as such).
   */
  public String duration(Duration d, Locale locale) {
    if (d == null) {
      return "-";
    }
    boolean en = english(locale);
    long total = Math.abs(d.toMinutes());
    long days = total / (24 * 60);
    long hours = total / 60 % 24;
    long minutes = total % 60;
    String sign = d.isNegative() ? "-" : "";
    if (days >= 7 || (days > 0 && hours == 0)) {
      return sign + (en ? days + (days == 1 ? " day" : " days") : days + "日");
    }
    if (days > 0) {
      return sign
          + (en
              ? days + (days == 1 ? " day " : " days ") + hours + " h"
              : days + "日" + hours + "時間");
    }
    if (hours > 0) {
      return sign + (en ? hours + " h " + minutes + " min" : hours + "時間" + minutes + "分");
    }
    return sign + (en ? minutes + " min" : minutes + "分");
  }

  private static boolean english(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }
}
