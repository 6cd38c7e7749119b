package jp.renkei.server.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times and durations on pages, the one formatter every page uses: {@code ${@time.jst(instant)}},
 * {@code ${@time.duration(d)}}. Times are in Japan time, written in the reader's language ({@code
 * 2026/11/30 15:20:05} in Japanese, {@code 30 Nov 2026 15:20:05 JST} in English); durations read as
 * {@code 336日} or {@code 336 days} from a week on, {@code 3日4時間} or {@code 3 days 4 h} under a
 * week, to the minute under a day.
 */
@Component("time")
public class TimeFormat {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter JA =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.JAPAN).withZone(TOKYO);
  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'JST'", Locale.ENGLISH).withZone(TOKYO);

  public String jst(Instant t) {
    return jst(t, LocaleContextHolder.getLocale());
  }

  /** As {@link #jst(Instant)} for a given language. */
  public String jst(Instant t, Locale locale) {
    return t == null ? "-" : (english(locale) ? EN : JA).format(t);
  }

  /**
   * As {@link #jst(Instant)}, saying the zone in Japanese too ({@code 2026/11/30 15:20:05 JST}),
   * for pages where times from elsewhere meet (a shared mail's date, when it was shared) and a
   * reader must not take them for the sender's or the server's clock.
   */
  public String jstZoned(Instant t) {
    return jstZoned(t, LocaleContextHolder.getLocale());
  }

  /** As {@link #jstZoned(Instant)} for a given language. */
  public String jstZoned(Instant t, Locale locale) {
    return t == null || english(locale) ? jst(t, locale) : jst(t, locale) + " JST";
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
