package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

  private final TimeFormat time = new TimeFormat();

  @Test
  void durationsReadAsDaysAndHoursInEachLanguage() {
    // from a week on, days alone (the issue's 「8072 h 41 min」, then "336 d 8 h")
    Duration long_ = Duration.ofHours(8072).plusMinutes(41);
    assertThat(time.duration(long_, Locale.JAPANESE)).isEqualTo("336日");
    assertThat(time.duration(long_, Locale.ENGLISH)).isEqualTo("336 days");
    assertThat(time.duration(Duration.ofDays(7), Locale.ENGLISH)).isEqualTo("7 days");
    // under a week, days and hours; a whole day without its zero hours
    Duration days = Duration.ofHours(76).plusMinutes(59);
    assertThat(time.duration(days, Locale.JAPANESE)).isEqualTo("3日4時間");
    assertThat(time.duration(days, Locale.ENGLISH)).isEqualTo("3 days 4 h");
    assertThat(time.duration(Duration.ofHours(25), Locale.ENGLISH)).isEqualTo("1 day 1 h");
    assertThat(time.duration(Duration.ofHours(48), Locale.JAPANESE)).isEqualTo("2日");
    assertThat(time.duration(Duration.ofHours(24), Locale.ENGLISH)).isEqualTo("1 day");
    assertThat(time.duration(Duration.ofDays(-10), Locale.ENGLISH)).isEqualTo("-10 days");
    assertThat(time.duration(Duration.ofMinutes(125), Locale.JAPANESE)).isEqualTo("2時間5分");
    assertThat(time.duration(Duration.ofMinutes(125), Locale.ENGLISH)).isEqualTo("2 h 5 min");
    assertThat(time.duration(Duration.ofMinutes(7), Locale.JAPANESE)).isEqualTo("7分");
    assertThat(time.duration(Duration.ofMinutes(-90), Locale.ENGLISH)).isEqualTo("-1 h 30 min");
    assertThat(time.duration(null, Locale.ENGLISH)).isEqualTo("-");
  }

  @Test
  void timesAreJapanTimeWithTheZoneNamedInBothLanguages() {
    // the example: stored 2026-12-02T15:00Z is already the next day in Japan
    Instant t = Instant.parse("2026-12-02T15:00:00Z");
    assertThat(time.jst(t, Locale.JAPANESE)).isEqualTo("2026-12-03 00:00 JST");
    assertThat(time.jst(t, Locale.ENGLISH)).isEqualTo("2026-12-03 00:00 JST");
    assertThat(time.jst(null, Locale.ENGLISH)).isEqualTo("-");
  }

  @Test
  void aPreciseTimeKeepsTheSeconds() {
    Instant t = Instant.parse("2026-11-30T06:20:05Z");
    assertThat(time.jstZoned(t, Locale.JAPANESE)).isEqualTo("2026-11-30 15:20:05 JST");
    assertThat(time.jstZoned(t, Locale.ENGLISH)).isEqualTo("2026-11-30 15:20:05 JST");
    assertThat(time.jstZoned(null, Locale.JAPANESE)).isEqualTo("-");
  }

  @Test
  void anotherConfiguredZoneIsNamedToo() {
    Instant t = Instant.parse("2026-12-02T15:00:00Z");
    assertThat(new TimeFormat(java.time.ZoneId.of("UTC")).jst(t)).isEqualTo("2026-12-02 15:00 UTC");
    assertThat(new TimeFormat(java.time.ZoneId.of("Europe/Paris")).jst(t))
        .isEqualTo("2026-12-02 16:00 CET");
  }
}
