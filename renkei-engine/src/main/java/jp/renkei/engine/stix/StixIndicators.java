package jp.renkei.engine.stix;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.observable.Observable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the indicators of a STIX 2.1 bundle for matching, streaming: one object is in memory at a
 * time. Uses {@code indicator} objects with {@code pattern_type} stix that are not revoked and not
 * past {@code valid_until}; other objects are counted and passed over; patterns outside the
 * supported subset are reported with the indicator id and the reason.
 */
public final class StixIndicators {

  /** One indicator that could not be used, and why. */
  public record Skipped(String id, String reason) {}

  /** What reading did. */
  public record Loaded(
      long objects, long indicators, long used, long expiredOrRevoked, List<Skipped> unsupported) {}

  static final int MAX_REPORTED = 100;

  private StixIndicators() {}

  /**
   * Reads a bundle ({@code {"type":"bundle","objects":[...]}}) or a bare array of objects.
   *
   * @throws IllegalArgumentException with the line and column when the JSON itself is broken
   */
  public static Loaded read(InputStream in, IndicatorIndex.Builder into, Instant now) {
    return read(in, into, now, id -> true);
  }

  /**
   * As {@link #read(InputStream, IndicatorIndex.Builder, Instant)}, using only the indicators whose
   * id {@code first} accepts: reading newer pages first with a set of seen ids, the newest version
   * of each indicator decides (a later revocation retracts what an older page said).
   */
  public static Loaded read(
      InputStream in,
      IndicatorIndex.Builder into,
      Instant now,
      java.util.function.Predicate<String> first) {
    long[] counts = new long[4]; // objects, indicators, used, stale
    List<Skipped> unsupported = new ArrayList<>();
    StixBundleReader.Result result =
        StixBundleReader.read(
            in,
            new StixBundleReader.Sink() {
              @Override
              public void object(int index, long line, JsonNode o) {
                counts[0]++;
                if (!"indicator".equals(o.path("type").asString(""))) {
                  return;
                }
                String id = o.path("id").asString("(no id, object #" + index + ")");
                if (!first.test(id)) {
                  return; // an older version of an indicator already decided
                }
                counts[1]++;
                if (o.path("revoked").asBoolean(false)
                    || expired(o.path("valid_until").asString(null), now)) {
                  counts[3]++;
                  return;
                }
                String patternType = o.path("pattern_type").asString("stix");
                if (!"stix".equals(patternType)) {
                  report(
                      unsupported, new Skipped(id, "pattern_type " + patternType + " is not STIX"));
                  return;
                }
                StixPattern.Result r = StixPattern.parse(o.path("pattern").asString(null));
                if (!r.supported()) {
                  report(unsupported, new Skipped(id, r.unsupported()));
                  return;
                }
                for (Observable obs : r.observables()) {
                  into.add(id, obs.type(), obs.value());
                }
                counts[2]++;
              }

              @Override
              public void rejected(int index, long line, String message) {
                report(
                    unsupported, new Skipped("object #" + index + " (line " + line + ")", message));
              }
            });
    if (result.broken() != null) {
      throw new IllegalArgumentException(result.broken());
    }
    return new Loaded(counts[0], counts[1], counts[2], counts[3], List.copyOf(unsupported));
  }

  private static boolean expired(String validUntil, Instant now) {
    if (validUntil == null) {
      return false;
    }
    try {
      return Instant.parse(validUntil).isBefore(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void report(List<Skipped> list, Skipped s) {
    if (list.size() < MAX_REPORTED) {
      list.add(s);
    }
  }
}
