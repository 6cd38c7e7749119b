package jp.renkei.server.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on pages, in Japan time: {@code ${@time.jst(instant)}} in templates. */
@Component("time")
public class TimeFormat {

  private static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));

  public String jst(Instant t) {
    return t == null ? "-" : JST.format(t);
  }

  /** Minutes as a duration, as {@link #duration}. */
  public String minutes(Long minutes) {
    return minutes == null ? "-" : duration(java.time.Duration.ofMinutes(minutes));
  }

  /** A duration as {@code 2 h 05 min} (negative durations, from bad clocks, shown as such). */
  public String duration(java.time.Duration d) {
    if (d == null) {
      return "-";
    }
    long minutes = Math.abs(d.toMinutes());
    return (d.isNegative() ? "-" : "")
        + (minutes / 60)
        + " h "
        + String.format("%02d", minutes % 60)
        + " min";
  }
}
