package jp.renkei.engine.stix;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.observable.Observable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
  // one object at a time from a stream: what follows an object is the next one, not an error
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StixIndicators() {}

  /**
   * Reads a bundle ({@code {"type":"bundle","objects":[...]}}) or a bare array of objects.
   *
   * @throws IllegalArgumentException with the line and column when the JSON itself is broken
   */
  public static Loaded read(InputStream in, IndicatorIndex.Builder into, Instant now) {
    long objects = 0;
    long indicators = 0;
    long used = 0;
    long stale = 0;
    List<Skipped> unsupported = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(in)) {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.START_OBJECT) {
        while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          if (name.equals("objects") && parser.currentToken() == JsonToken.START_ARRAY) {
            break;
          }
          parser.skipChildren();
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
          throw new IllegalArgumentException("not a STIX bundle: no \"objects\" array");
        }
      } else if (t != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("not a STIX bundle or array of STIX objects");
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        JsonNode o = JSON.readTree(parser);
        objects++;
        if (!"indicator".equals(o.path("type").asString(""))) {
          continue;
        }
        indicators++;
        String id = o.path("id").asString("(no id)");
        if (o.path("revoked").asBoolean(false)
            || expired(o.path("valid_until").asString(null), now)) {
          stale++;
          continue;
        }
        String patternType = o.path("pattern_type").asString("stix");
        if (!"stix".equals(patternType)) {
          report(unsupported, new Skipped(id, "pattern_type " + patternType + " is not STIX"));
          continue;
        }
        StixPattern.Result r = StixPattern.parse(o.path("pattern").asString(null));
        if (!r.supported()) {
          report(unsupported, new Skipped(id, r.unsupported()));
          continue;
        }
        for (Observable obs : r.observables()) {
          into.add(id, obs.type(), obs.value());
        }
        used++;
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "broken JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    return new Loaded(objects, indicators, used, stale, List.copyOf(unsupported));
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
