package jp.renkei.server.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jp.renkei.engine.notice.Cidr;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the files of NOTICE: the ISP range registry (CSV {@code isp,cidr}) and observations (CSV
 * {@code address,port,protocol,observed_at,observation}, or JSON). All or nothing: every row is
 * checked and every problem is listed with its line (CSV) or element ({@code observations[3]}) and
 * field, at most {@value #MAX_PROBLEMS}; one problem and nothing is stored. Limits: {@value
 * #MAX_BYTES} bytes, {@value #MAX_ROWS} rows, an observation text of {@value #MAX_TEXT} characters,
 * JSON depth {@value #MAX_DEPTH}.
 */
final class NoticeFiles {

  static final int MAX_BYTES = 16 * 1024 * 1024;
  static final int MAX_ROWS = 100_000;
  static final int MAX_TEXT = 2000;
  static final int MAX_DEPTH = 8;
  static final int MAX_PROBLEMS = 200;

  static final List<String> RANGE_COLUMNS = List.of("isp", "cidr");
  static final List<String> OBSERVATION_COLUMNS =
      List.of("address", "port", "protocol", "observed_at", "observation");

  /** One problem: where (line n, or a JSON element), the field, and what is wrong. */
  record Problem(String where, String field, String reason) {
    @Override
    public String toString() {
      return where + (field == null ? "" : " " + field) + ": " + reason;
    }
  }

  /** A row of the range registry. */
  record RangeRow(long line, String ispCode, Cidr cidr) {}

  /** One observation about one address. */
  record Observation(
      String where,
      InetAddress address,
      Integer port,
      String protocol,
      Instant observedAt,
      String text) {}

  /** What was read, or the problems (then nothing may be stored). */
  record Read<T>(List<T> rows, List<Problem> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  private NoticeFiles() {}

  static String text(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge();
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new NotUtf8();
    }
  }

  /** The file is over {@link #MAX_BYTES}. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("over " + MAX_BYTES + " bytes", null, false, false);
    }
  }

  /** The file is not UTF-8. */
  static final class NotUtf8 extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotUtf8() {
      super("not UTF-8", null, false, false);
    }
  }

  // ---------------------------------------------------------------- ranges

  static Read<RangeRow> ranges(String csv) {
    List<RangeRow> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    forEachRow(
        csv,
        RANGE_COLUMNS,
        RANGE_COLUMNS,
        problems,
        (line, f) -> {
          String isp = f.apply("isp");
          String cidr = f.apply("cidr");
          boolean ok = true;
          if (isp == null || !isp.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            add(problems, new Problem(line(line), "isp", "not an organisation code: " + clip(isp)));
            ok = false;
          }
          Cidr c = null;
          try {
            c = Cidr.parse(cidr);
          } catch (IllegalArgumentException e) {
            add(problems, new Problem(line(line), "cidr", e.getMessage()));
            ok = false;
          }
          if (ok) {
            rows.add(new RangeRow(line, isp, c));
          }
        });
    return new Read<>(rows, problems);
  }

  // ---------------------------------------------------------------- observations

  static Read<Observation> observationsCsv(String csv) {
    List<Observation> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    forEachRow(
        csv,
        OBSERVATION_COLUMNS,
        List.of("address", "observed_at", "observation"),
        problems,
        (line, f) -> {
          Observation o = observation(line(line), f, problems);
          if (o != null) {
            rows.add(o);
          }
        });
    return new Read<>(rows, problems);
  }

  /** The body of a JSON submission: its fields besides the observations. */
  record JsonSubmission(String label, Long surveyed, Read<Observation> observations) {}

  /**
   * JSON tokens in a submission at most: {@value #MAX_ROWS} observations of five fields (twelve
   * tokens each) and the fields around them. The tree of 16 MB of empty objects ({@code
   * [{},{},...]}) would hold 5.6 million nodes, about 470 MB, before its size could be refused.
   */
  static final long MAX_TOKENS = MAX_ROWS * 12L + 64;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(MAX_TEXT * 4)
                          .maxTokenCount(MAX_TOKENS)
                          .build())
                  .build())
          // a key twice in one object ("address" twice) is refused: the tree keeps the last, the
          // reporter's tool or a log of what was sent may read the first (attack19)
          .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final Set<String> JSON_FIELDS =
      Set.of("address", "port", "protocol", "observedAt", "observation");

  /**
   * {@code {"label": ..., "surveyed": n, "observations": [{"address", "port", "protocol",
   * "observedAt", "observation"}, ...]}}.
   */
  static JsonSubmission observationsJson(String json) {
    List<Observation> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (StreamConstraintsException e) {
      problems.add(
          new Problem(
              "JSON",
              "observations",
              e.getMessage().startsWith("Token count")
                  ? "more than " + MAX_ROWS + " observations (over " + MAX_TOKENS + " JSON tokens)"
                  : "deeper than " + MAX_DEPTH + " levels or a text longer than " + MAX_TEXT));
      return new JsonSubmission(null, null, new Read<>(rows, problems));
    } catch (JacksonException e) {
      var loc = e.getLocation();
      problems.add(
          new Problem(
              loc == null ? "JSON" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
              null,
              jp.renkei.server.failure.DuplicateKeys.key(e) != null
                  ? "the key \""
                      + jp.renkei.server.failure.DuplicateKeys.key(e)
                      + "\" twice in one object"
                  : "not valid JSON: " + clip(e.getOriginalMessage())));
      return new JsonSubmission(null, null, new Read<>(rows, problems));
    }
    if (root == null || !root.isObject() || !root.path("observations").isArray()) {
      problems.add(
          new Problem("JSON", "observations", "expected an object with an array \"observations\""));
      return new JsonSubmission(null, null, new Read<>(rows, problems));
    }
    String label = root.path("label").isString() ? root.path("label").asString() : null;
    Long surveyed = null;
    if (root.has("surveyed")) {
      if (!root.path("surveyed").canConvertToLong() || root.path("surveyed").asLong() < 0) {
        problems.add(new Problem("JSON", "surveyed", "not a count"));
      } else {
        surveyed = root.path("surveyed").asLong();
      }
    }
    JsonNode list = root.path("observations");
    if (list.size() > MAX_ROWS) {
      problems.add(new Problem("JSON", "observations", "more than " + MAX_ROWS + " observations"));
      return new JsonSubmission(label, surveyed, new Read<>(rows, problems));
    }
    for (int i = 0; i < list.size(); i++) {
      String where = "observations[" + i + "]";
      JsonNode o = list.get(i);
      if (!o.isObject()) {
        add(problems, new Problem(where, null, "not an object"));
        continue;
      }
      Iterator<String> names = o.propertyNames().iterator();
      boolean bad = false;
      while (names.hasNext()) {
        String n = names.next();
        if (!JSON_FIELDS.contains(n)) {
          add(problems, new Problem(where, clip(n), "unknown field; fields: " + JSON_FIELDS));
          bad = true;
        }
      }
      Observation ob =
          observation(
              where,
              k -> {
                JsonNode v = o.get(Map.of("observed_at", "observedAt").getOrDefault(k, k));
                return v == null || v.isNull()
                    ? null
                    : v.isValueNode() ? v.asString() : v.toString();
              },
              problems);
      if (ob != null && !bad) {
        rows.add(ob);
      }
    }
    return new JsonSubmission(label, surveyed, new Read<>(rows, problems));
  }

  private static Observation observation(
      String where, Function<String, String> f, List<Problem> problems) {
    int before = problems.size();
    InetAddress address = null;
    try {
      address = Cidr.address(f.apply("address"));
    } catch (IllegalArgumentException e) {
      add(problems, new Problem(where, "address", e.getMessage()));
    }
    Integer port = null;
    String p = f.apply("port");
    if (p != null && !p.isBlank()) {
      if (!p.strip().matches("[0-9]{1,5}")
          || Integer.parseInt(p.strip()) < 1
          || Integer.parseInt(p.strip()) > 65535) {
        add(problems, new Problem(where, "port", clip(p) + " is not between 1 and 65535"));
      } else {
        port = Integer.parseInt(p.strip());
      }
    }
    String protocol = f.apply("protocol");
    protocol =
        protocol == null || protocol.isBlank() ? null : protocol.strip().toLowerCase(Locale.ROOT);
    if (protocol != null && !protocol.equals("tcp") && !protocol.equals("udp")) {
      add(problems, new Problem(where, "protocol", clip(protocol) + " is not tcp or udp"));
    }
    if (protocol != null && port == null) {
      add(problems, new Problem(where, "port", "missing (a protocol needs a port)"));
    }
    Instant at = null;
    String t = f.apply("observed_at");
    try {
      at = OffsetDateTime.parse(t == null ? "" : t.strip()).toInstant();
      if (at.isAfter(Instant.now().plusSeconds(3600))) {
        add(problems, new Problem(where, "observed_at", "in the future: " + clip(t)));
      }
    } catch (DateTimeParseException e) {
      add(
          problems,
          new Problem(
              where,
              "observed_at",
              "not a time with offset (2026-10-01T09:30:00+09:00): " + clip(t)));
    }
    String text = f.apply("observation");
    if (text == null || text.isBlank()) {
      add(problems, new Problem(where, "observation", "missing (what was observed)"));
    } else if (text.length() > MAX_TEXT) {
      add(problems, new Problem(where, "observation", "longer than " + MAX_TEXT + " characters"));
    } else if (text.codePoints()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      add(problems, new Problem(where, "observation", "contains control characters"));
    }
    if (problems.size() != before) {
      return null;
    }
    return new Observation(where, address, port, protocol, at, text.strip());
  }

  // ---------------------------------------------------------------- CSV

  private interface RowHandler {
    void row(long line, Function<String, String> field);
  }

  private static void forEachRow(
      String csv,
      List<String> columns,
      List<String> required,
      List<Problem> problems,
      RowHandler handler) {
    // a header name missing is an unknown column below, not the parser's exception
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .get();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(csv)).setFormat(format).get()) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      Set<String> named = new java.util.HashSet<>();
      for (String h : header) {
        if (!columns.contains(h)) {
          problems.add(
              new Problem(
                  "line 1", h.isEmpty() ? null : clip(h), "unknown column; columns: " + columns));
        } else if (!named.add(h)) {
          // otherwise the last of the two would be read, silently
          problems.add(new Problem("line 1", h, "column named twice"));
        }
      }
      for (String r : required) {
        if (!header.contains(r)) {
          problems.add(new Problem("line 1", r, "column missing"));
        }
      }
      if (!problems.isEmpty()) {
        return;
      }
      Map<String, Integer> index = new java.util.HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.put(header.get(i), i);
      }
      int rows = 0;
      for (CSVRecord rec : parser) {
        if (rec.size() == 1 && rec.get(0).isEmpty()) {
          continue;
        }
        if (++rows > MAX_ROWS) {
          problems.add(new Problem("line " + lineOf(rec), null, "more than " + MAX_ROWS + " rows"));
          return;
        }
        if (rec.size() != header.size()) {
          add(
              problems,
              new Problem(
                  "line " + lineOf(rec),
                  null,
                  "expected " + header.size() + " columns, found " + rec.size()));
          continue;
        }
        handler.row(
            lineOf(rec),
            c -> {
              Integer i = index.get(c);
              String v = i == null ? null : rec.get(i);
              return v == null || v.isEmpty() ? null : v;
            });
      }
    } catch (IOException
        | java.io.UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      problems.add(new Problem("CSV", null, "unreadable: " + clip(e.getMessage())));
    }
  }

  private static long lineOf(CSVRecord rec) {
    // the parser counts lines read after the record; a record without embedded newlines ends there
    return rec.getRecordNumber() + 1;
  }

  private static String line(long n) {
    return "line " + n;
  }

  private static void add(List<Problem> problems, Problem p) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(p);
    }
  }

  static String clip(String s) {
    if (s == null) {
      return "(empty)";
    }
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
