package jp.renkei.engine.stix;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** STIX timestamps: RFC 3339 in UTC with a literal {@code Z} and optional fractional seconds. */
public final class StixTime {

  private static final Pattern SHAPE =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$");

  private StixTime() {}

  public static Optional<Instant> parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The TAXII/STIX form with millisecond precision, e.g. {@code 2026-04-01T09:30:00.000Z}. */
  public static String format(Instant t) {
    return DateTimeFormatter.ISO_INSTANT
        .format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
        .replaceFirst("(:\\d{2})Z$", "$1.000Z");
  }

  /** With microsecond precision, as TAXII's date_added should be (no two batches share one). */
  public static String formatMicros(Instant t) {
    String s =
        DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    int dot = s.indexOf('.');
    String frac = dot < 0 ? "" : s.substring(dot + 1, s.length() - 1);
    String base = dot < 0 ? s.substring(0, s.length() - 1) : s.substring(0, dot);
    return base + "." + (frac + "000000").substring(0, 6) + "Z";
  }
}
