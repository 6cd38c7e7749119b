package jp.renkei.engine.stix;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads STIX objects one at a time from a bundle ({@code {"type":"bundle","objects":[...]}}), a
 * TAXII envelope ({@code {"objects":[...]}}) or a bare JSON array of objects: never the whole input
 * as one tree, so memory stays flat whatever the size. Limits, each answered with where it was hit:
 * {@value #MAX_DEPTH} levels of nesting, {@value #MAX_OBJECT_BYTES} bytes per object, and strings
 * of at most {@value #MAX_STRING} characters.
 */
public final class StixBundleReader {

  public static final int MAX_DEPTH = 40;
  public static final int MAX_OBJECT_BYTES = 4 * 1024 * 1024;
  public static final int MAX_STRING = 4 * 1024 * 1024;

  /** Receives what the reader finds, in input order. */
  public interface Sink {
    /** One object, its 0-based position in the objects array and the line it starts on. */
    void object(int index, long line, JsonNode object);

    /** An element that is not a usable object; reading goes on with the next one if it can. */
    void rejected(int index, long line, String message);
  }

  /** What reading saw. {@code broken} is the reason reading had to stop early, else null. */
  public record Result(int elements, String broken) {}

  static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(MAX_STRING)
                          .build())
                  .build())
          // one object at a time from a stream: what follows an object is the next one
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StixBundleReader() {}

  /**
   * Reads all objects. A broken JSON document ends reading with a {@link Result#broken()} reason
   * naming the line and column; everything before it has already reached the sink.
   */
  public static Result read(InputStream in, Sink sink) {
    int index = 0;
    try (JsonParser parser = JSON.createParser(in)) {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return new Result(0, "the input is empty");
      }
      if (t == JsonToken.START_OBJECT) {
        while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          if (name.equals("objects") && parser.currentToken() == JsonToken.START_ARRAY) {
            break;
          }
          if (name.equals("type")
              && parser.currentToken() == JsonToken.VALUE_STRING
              && !"bundle".equals(parser.getString())) {
            return new Result(
                0,
                "a single "
                    + parser.getString()
                    + " object, not a bundle: wrap it as {\"type\":\"bundle\",\"objects\":[...]}");
          }
          parser.skipChildren();
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
          return new Result(0, "not a STIX bundle or TAXII envelope: no \"objects\" array");
        }
      } else if (t != JsonToken.START_ARRAY) {
        return new Result(0, "not a STIX bundle, TAXII envelope or array of STIX objects");
      }
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          return new Result(index, "the input ends inside the objects array");
        }
        long line = parser.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
          parser.skipChildren();
          sink.rejected(index++, line, "not a JSON object but " + describe(t));
          continue;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        JsonNode o = JSON.readTree(parser);
        long end = parser.currentLocation().getByteOffset();
        if (start >= 0 && end - start > MAX_OBJECT_BYTES) {
          sink.rejected(
              index++,
              line,
              "object of " + (end - start) + " bytes exceeds the limit of " + MAX_OBJECT_BYTES);
          continue;
        }
        sink.object(index++, line, o);
      }
      return new Result(index, null);
    } catch (JacksonException e) {
      var where = e.getLocation();
      String at =
          where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      return new Result(
          index, "broken JSON" + at + " (object #" + index + "): " + plain(e.getOriginalMessage()));
    }
  }

  /** Jackson's message without its source-location appendix (we give line and column). */
  private static String plain(String message) {
    int cut = message.indexOf(" (start marker at");
    return cut < 0 ? message : message.substring(0, cut);
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }
}
