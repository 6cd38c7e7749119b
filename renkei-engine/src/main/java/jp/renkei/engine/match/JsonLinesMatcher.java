package jp.renkei.engine.match;

import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-lines logs (one object per line, e.g. Zeek's JSON output, or any product's JSON export),
 * read through a field mapping: which top-level fields hold host names or addresses to check, which
 * hold URLs, and which say the client and the time. A line that is not a JSON object is bad.
 */
public final class JsonLinesMatcher extends FieldMatcher {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public JsonLinesMatcher(IndicatorIndex index, Fields fields) {
    super(index, fields);
  }

  @Override
  protected int line(byte[] b, int from, int to, long lineNo, Consumer<Hit> hits) {
    if (from == to) {
      return 0;
    }
    values.clear();
    try (JsonParser p = JSON.createParser(b, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v.isScalarValue()
            && (fields.hosts().contains(name)
                || fields.urls().contains(name)
                || name.equals(fields.client())
                || name.equals(fields.time()))) {
          values.put(name, p.getString());
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        return -1;
      }
    } catch (JacksonException e) {
      return -1;
    }
    return matchValues(lineNo, hits);
  }
}
