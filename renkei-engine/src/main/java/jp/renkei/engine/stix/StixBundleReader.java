package jp.renkei.engine.stix;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads STIX objects one at a time from a bundle ({@code {"type":"bundle","objects":[...]}}), a
 * TAXII envelope ({@code {"objects":[...]}}) or a bare JSON array of objects: never the whole input
 * as one tree, so memory stays flat whatever the size. Limits, each answered with where it was hit:
 * {@value #MAX_DEPTH} levels of nesting, {@value #MAX_OBJECT_BYTES} bytes and {@value
 * #MAX_OBJECT_TOKENS} JSON tokens per object, and strings of at most {@value #MAX_STRING}
 * characters. Both per-object limits are enforced while the object is read, so an object past them
 * is never built as a tree: a few megabytes of {@code [{},{},...]} would otherwise become hundreds
 * of megabytes of nodes before its size could be checked. The rest of such an object is skipped and
 * reading goes on with the next one.
 *
 * <p>A key twice in one JSON object, at any depth of a STIX object, rejects that object (naming its
 * id and the key's path), and an {@code "objects"} key twice in the envelope ends reading: JSON
 * readers differ in which of the two values they keep (a tree keeps the last, a streaming reader
 * often the first), so the hub and a peer given the same bytes could disagree about an object's id
 * or markings.
 */
public final class StixBundleReader {

  public static final int MAX_DEPTH = 40;
  public static final int MAX_OBJECT_BYTES = 4 * 1024 * 1024;
  public static final int MAX_STRING = 4 * 1024 * 1024;

  /**
   * JSON tokens (names, values, brackets) per object. A real object of {@value #MAX_OBJECT_BYTES}
   * bytes is mostly text: a report's 50,000 {@code object_refs} are about 50,000 tokens.
   */
  public static final int MAX_OBJECT_TOKENS = 200_000;

  /** How often (in tokens) the bytes read so far for an object are checked. */
  private static final int BYTES_CHECKED_EVERY = 1024;

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
      boolean envelope = t == JsonToken.START_OBJECT;
      if (envelope) {
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
        int depth = parser.streamReadContext().getNestingDepth();
        Budget budget = new Budget(parser, start, depth);
        JsonNode o;
        try {
          o = JSON.readTree(budget);
        } catch (DuplicateKey twice) {
          String id = budget.id;
          while (parser.streamReadContext().getNestingDepth() >= depth) {
            if (parser.nextToken() == null) {
              return new Result(index, "the input ends inside object #" + index);
            }
            if (id == null && Budget.isTopId(parser, depth)) {
              id = parser.getString();
            }
          }
          sink.rejected(
              index++,
              line,
              (id == null ? "" : id + ": ")
                  + "the key \""
                  + twice.path
                  + "\" appears twice in the object; JSON readers differ in which value they"
                  + " take, so each key must appear once");
          continue;
        } catch (OverBudget over) {
          while (parser.streamReadContext().getNestingDepth() >= depth) {
            if (parser.nextToken() == null) {
              return new Result(index, "the input ends inside object #" + index);
            }
          }
          long end = parser.currentLocation().getByteOffset();
          sink.rejected(
              index++,
              line,
              over.tokens
                  ? "object of more than "
                      + MAX_OBJECT_TOKENS
                      + " JSON tokens exceeds the limit of "
                      + MAX_OBJECT_TOKENS
                      + " (names, values and brackets)"
                  : "object of "
                      + (end - start)
                      + " bytes exceeds the limit of "
                      + MAX_OBJECT_BYTES);
          continue;
        }
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
      if (envelope) {
        // what follows the objects array: another one would be read by some peers instead
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          if (parser.currentName().equals("objects")) {
            return new Result(
                index,
                "the key \"objects\" appears twice in the bundle (line "
                    + parser.currentTokenLocation().getLineNr()
                    + "): JSON readers differ in which array they take; only the first was read");
          }
          parser.nextToken();
          parser.skipChildren();
        }
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

  /** An object passed {@link #MAX_OBJECT_TOKENS} or {@link #MAX_OBJECT_BYTES} while read. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean tokens;

    OverBudget(boolean tokens) {
      super(null, null, false, false);
      this.tokens = tokens;
    }
  }

  /** A key appeared twice in one JSON object of a STIX object; {@code path} leads to it. */
  private static final class DuplicateKey extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;

    DuplicateKey(String path) {
      super(null, null, false, false);
      this.path = path;
    }
  }

  /**
   * The keys of one JSON object: a short array of keys and their hashes scanned (a STIX object has
   * a dozen or two keys; a String keeps its hash), a hash set past {@value #SCANNED} keys. Reused
   * for the next object at the same depth.
   */
  private static final class Keys {
    static final int SCANNED = 32;
    private final String[] few = new String[SCANNED];
    private final int[] hashes = new int[SCANNED];
    private int count;
    private java.util.HashSet<String> many;

    /** False when {@code key} was added before. */
    boolean add(String key) {
      if (many != null) {
        return many.add(key);
      }
      int h = key.hashCode();
      for (int i = 0; i < count; i++) {
        if (hashes[i] == h && few[i].equals(key)) {
          return false;
        }
      }
      if (count < SCANNED) {
        hashes[count] = h;
        few[count++] = key;
        return true;
      }
      many = new java.util.HashSet<>(java.util.Arrays.asList(few));
      return many.add(key);
    }

    void clear() {
      java.util.Arrays.fill(few, 0, count, null);
      count = 0;
      many = null;
    }
  }

  /**
   * The parser as one object's reading sees it: counts tokens, checks bytes now and then, refuses a
   * key seen before in the same JSON object and notes the object's (first) {@code id} meanwhile.
   */
  private static final class Budget extends JsonParserDelegate {
    private final long start;
    private final int depth;
    private int tokens;

    /** The keys seen in each open JSON object, the object itself first; reused level by level. */
    private final java.util.ArrayList<Keys> keys = new java.util.ArrayList<>();

    private int open;
    String id;

    Budget(JsonParser parser, long start, int depth) {
      super(parser);
      this.start = start;
      this.depth = depth;
      enter();
    }

    private void spend() {
      if (++tokens > MAX_OBJECT_TOKENS) {
        throw new OverBudget(true);
      }
      if (tokens % BYTES_CHECKED_EVERY == 0
          && start >= 0
          && delegate.currentLocation().getByteOffset() - start > MAX_OBJECT_BYTES) {
        throw new OverBudget(false);
      }
      JsonToken t = delegate.currentToken();
      if (t == JsonToken.PROPERTY_NAME) {
        if (!keys.get(open - 1).add(delegate.currentName())) {
          throw new DuplicateKey(path());
        }
      } else if (t == JsonToken.START_OBJECT) {
        enter();
      } else if (t == JsonToken.END_OBJECT) {
        open--;
      } else if (id == null && t == JsonToken.VALUE_STRING && isTopId(delegate, depth)) {
        id = delegate.getString();
      }
    }

    private void enter() {
      if (keys.size() == open) {
        keys.add(new Keys());
      } else {
        keys.get(open).clear();
      }
      open++;
    }

    /**
     * Whether the parser is on the string value of the {@code id} of the object at {@code depth}.
     */
    static boolean isTopId(JsonParser p, int depth) {
      return p.currentToken() == JsonToken.VALUE_STRING
          && p.streamReadContext().getNestingDepth() == depth
          && "id".equals(p.currentName());
    }

    /** Where the parser is inside the object: {@code a.b[2].c}. */
    private String path() {
      java.util.ArrayDeque<String> steps = new java.util.ArrayDeque<>();
      for (var c = delegate.streamReadContext();
          c != null && c.getNestingDepth() >= depth;
          c = c.getParent()) {
        steps.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.currentName());
      }
      StringBuilder out = new StringBuilder();
      for (String step : steps) {
        if (!out.isEmpty() && !step.startsWith("[")) {
          out.append('.');
        }
        out.append(step);
      }
      // a key may be 50,000 characters long: the sender needs only to recognise it
      return out.length() <= 200 ? out.toString() : out.substring(0, 200) + "…";
    }

    @Override
    public JsonToken nextToken() {
      JsonToken t = delegate.nextToken();
      spend();
      return t;
    }

    @Override
    public JsonToken nextValue() {
      // the delegate's nextValue would pass over a key unseen: each step is taken here
      JsonToken t = nextToken();
      return t == JsonToken.PROPERTY_NAME ? nextToken() : t;
    }

    @Override
    public String nextName() {
      String name = delegate.nextName();
      spend();
      return name;
    }

    @Override
    public boolean nextName(SerializableString name) {
      boolean same = delegate.nextName(name);
      spend();
      return same;
    }

    @Override
    public int nextNameMatch(PropertyNameMatcher matcher) {
      int match = delegate.nextNameMatch(matcher);
      spend();
      return match;
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
