package jp.renkei.engine.exposure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CVE JSON 5 records: one record, a JSON array of records, or records one after another (JSON
 * lines), one record in memory at a time. A record that breaks the rules Renkei relies on (id,
 * state, {@code containers.cna.affected[]} with vendor/product or collectionURL/packageName,
 * version entries with a status and at most one upper bound, {@code versionType} on ranges) is
 * refused alone with its id, position and reason. Limits: {@value #MAX_RECORD_STRING} characters
 * per string, nesting depth {@value #MAX_DEPTH}, {@value #MAX_AFFECTED} affected products and
 * {@value #MAX_VERSIONS} version entries per product.
 */
public final class CveReader {

  public static final int MAX_DEPTH = 32;
  public static final int MAX_RECORD_STRING = 1_000_000;
  public static final int MAX_AFFECTED = 1_000;
  public static final int MAX_VERSIONS = 5_000;

  private static final Set<String> STATUSES = Set.of("affected", "unaffected", "unknown");

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(MAX_RECORD_STRING)
                          .build())
                  .build())
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * Records kept and refused.
   *
   * @param sources each kept record's JSON text, in the same order, when asked for; else empty
   */
  public record Result(List<CveRecord> records, List<Rejected> rejected, List<String> sources) {
    public Result {
      records = List.copyOf(records);
      rejected = List.copyOf(rejected);
      sources = List.copyOf(sources);
    }
  }

  private CveReader() {}

  public static Result read(InputStream in) {
    return read(in, false);
  }

  /** Reads, keeping each kept record's JSON text too when {@code keepSources} (to store it). */
  public static Result read(InputStream in, boolean keepSources) {
    List<String> sources = new ArrayList<>();
    List<CveRecord> records = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int index = 0;
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t = p.nextToken();
      boolean array = t == JsonToken.START_ARRAY;
      if (array) {
        t = p.nextToken();
      }
      while (t != null && t != JsonToken.END_ARRAY) {
        String where = "record " + (index + 1);
        index++;
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          rejected.add(new Rejected(null, where, Reason.of("notJsonObject")));
        } else {
          JsonNode node = JSON.readTree(p);
          try {
            records.add(record(node));
            if (keepSources) {
              sources.add(JSON.writeValueAsString(node));
            }
          } catch (Bad e) {
            String id = node.path("cveMetadata").path("cveId").asString(null);
            rejected.add(new Rejected(id == null ? null : KevReader.clip(id), where, e.reason));
          }
        }
        t = p.nextToken();
      }
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String where =
          "record "
              + (index == 0 ? 1 : index)
              + (loc == null ? "" : " (line " + loc.getLineNr() + ")");
      throw new ExposureInputException(where, Reason.of("notJson", e.getOriginalMessage()));
    }
    return new Result(records, rejected, sources);
  }

  /**
   * A record Renkei stored itself ({@link #json}), read back: a CVE id, or a JVN iPedia id ({@code
   * JVNDB-2024-001234}) for a JVN entry that names no CVE.
   */
  public static CveRecord stored(String json) {
    try {
      return record(JSON.readTree(json), true);
    } catch (JacksonException e) {
      throw new ExposureInputException(
          "stored record", Reason.of("notJson", e.getOriginalMessage()));
    }
  }

  /**
   * A record as CVE JSON 5 text with what Renkei keeps of it (id, state, title, affected products
   * with CPEs and version entries, the CVSS vector): how records read from NVD and JVN are stored,
   * so that one reader builds the knowledge from every source.
   */
  public static String json(CveRecord r) {
    var root = JSON.createObjectNode();
    root.put("dataType", "CVE_RECORD").put("dataVersion", "5.1");
    root.putObject("cveMetadata").put("cveId", r.cveId()).put("state", r.state());
    var cna = root.putObject("containers").putObject("cna");
    if (r.title() != null) {
      cna.put("title", r.title());
    }
    var affected = cna.putArray("affected");
    for (CveRecord.Affected a : r.affected()) {
      var o = affected.addObject();
      putIf(o, "vendor", a.vendor());
      putIf(o, "product", a.product());
      putIf(o, "collectionURL", a.collectionUrl());
      putIf(o, "packageName", a.packageName());
      putIf(o, "defaultStatus", a.defaultStatus());
      var cpes = o.putArray("cpes");
      a.cpes().forEach(cpes::add);
      var versions = o.putArray("versions");
      for (CveRecord.VersionEntry v : a.versions()) {
        var e = versions.addObject().put("version", v.version()).put("status", v.status());
        putIf(e, "versionType", v.versionType());
        putIf(e, "lessThan", v.lessThan());
        putIf(e, "lessThanOrEqual", v.lessThanOrEqual());
        if (!v.changes().isEmpty()) {
          var ch = e.putArray("changes");
          v.changes().forEach(c -> ch.addObject().put("at", c.at()).put("status", c.status()));
        }
      }
    }
    if (r.cvssVector() != null) {
      String key =
          r.cvssVector().startsWith("CVSS:4.0")
              ? "cvssV4_0"
              : r.cvssVector().startsWith("CVSS:3.0") ? "cvssV3_0" : "cvssV3_1";
      cna.putArray("metrics").addObject().putObject(key).put("vectorString", r.cvssVector());
    }
    return JSON.writeValueAsString(root);
  }

  private static void putIf(tools.jackson.databind.node.ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  /** A JVN iPedia id, e.g. {@code JVNDB-2024-001234}. */
  public static final java.util.regex.Pattern JVNDB_ID =
      java.util.regex.Pattern.compile("JVNDB-\\d{4}-\\d{6}");

  static CveRecord record(JsonNode n) {
    return record(n, false);
  }

  /** One record from its tree; {@link Bad} says what is wrong. */
  static CveRecord record(JsonNode n, boolean jvnIds) {
    String id = text(n.path("cveMetadata"), "cveId", "cveMetadata.cveId");
    if (!KevReader.CVE_ID.matcher(id).matches() && !(jvnIds && JVNDB_ID.matcher(id).matches())) {
      throw new Bad("notCveId", "cveMetadata.cveId", KevReader.clip(id));
    }
    String state = text(n.path("cveMetadata"), "state", "cveMetadata.state");
    if (!state.equals("PUBLISHED") && !state.equals("REJECTED")) {
      throw new Bad("cveState", "cveMetadata.state", KevReader.clip(state));
    }
    JsonNode cna = n.path("containers").path("cna");
    if (state.equals("REJECTED")) {
      return new CveRecord(id, state, List.of(), null, null);
    }
    JsonNode affected = cna.path("affected");
    if (!affected.isArray() || affected.isEmpty()) {
      throw new Bad("missingOrEmpty", "containers.cna.affected");
    }
    if (affected.size() > MAX_AFFECTED) {
      throw new Bad("tooManyProducts", "containers.cna.affected", MAX_AFFECTED);
    }
    List<CveRecord.Affected> list = new ArrayList<>();
    for (int i = 0; i < affected.size(); i++) {
      list.add(affected(affected.get(i), "containers.cna.affected[" + i + "]"));
    }
    return new CveRecord(id, state, list, cvss(n), title(cna));
  }

  private static CveRecord.Affected affected(JsonNode a, String where) {
    String vendor = optional(a, "vendor", where);
    String product = optional(a, "product", where);
    String collection = optional(a, "collectionURL", where);
    String pkg = optional(a, "packageName", where);
    if ((vendor == null || product == null) && (collection == null || pkg == null)) {
      throw new Bad("needsProduct", where);
    }
    String def = optional(a, "defaultStatus", where);
    if (def != null && !STATUSES.contains(def)) {
      throw new Bad("notStatus", where + ".defaultStatus", clip(def));
    }
    List<String> cpes = new ArrayList<>();
    JsonNode c = a.path("cpes");
    if (c.isArray()) {
      for (JsonNode x : c) {
        if (x.isString()) {
          cpes.add(x.asString());
        }
      }
    }
    JsonNode vs = a.path("versions");
    if (!vs.isMissingNode() && !vs.isArray()) {
      throw new Bad("notArray", where + ".versions");
    }
    if (vs.size() > MAX_VERSIONS) {
      throw new Bad("tooManyEntries", where + ".versions", MAX_VERSIONS);
    }
    List<CveRecord.VersionEntry> versions = new ArrayList<>();
    for (int i = 0; i < vs.size(); i++) {
      versions.add(version(vs.get(i), where + ".versions[" + i + "]"));
    }
    return new CveRecord.Affected(vendor, product, collection, pkg, cpes, def, versions);
  }

  private static CveRecord.VersionEntry version(JsonNode v, String where) {
    String version = text(v, "version", where + ".version");
    String status = text(v, "status", where + ".status");
    if (!STATUSES.contains(status)) {
      throw new Bad("notStatus", where + ".status", clip(status));
    }
    String type = optional(v, "versionType", where);
    String lt = optional(v, "lessThan", where);
    String lte = optional(v, "lessThanOrEqual", where);
    if (lt != null && lte != null) {
      throw new Bad("bothUpper", where);
    }
    if ((lt != null || lte != null) && type == null) {
      throw new Bad("rangeWithoutType", where);
    }
    List<CveRecord.Change> changes = new ArrayList<>();
    JsonNode ch = v.path("changes");
    for (int i = 0; i < ch.size(); i++) {
      String w = where + ".changes[" + i + "]";
      String at = text(ch.get(i), "at", w + ".at");
      String st = text(ch.get(i), "status", w + ".status");
      if (!STATUSES.contains(st)) {
        throw new Bad("notStatus", w + ".status", clip(st));
      }
      changes.add(new CveRecord.Change(at, st));
    }
    return new CveRecord.VersionEntry(version, status, type, lt, lte, changes);
  }

  private static String cvss(JsonNode n) {
    List<JsonNode> containers = new ArrayList<>();
    containers.add(n.path("containers").path("cna"));
    n.path("containers").path("adp").forEach(containers::add);
    for (JsonNode c : containers) {
      for (JsonNode m : c.path("metrics")) {
        for (String key : List.of("cvssV4_0", "cvssV3_1", "cvssV3_0")) {
          String vector = m.path(key).path("vectorString").asString(null);
          if (vector != null && vector.length() <= 200) {
            return vector;
          }
        }
      }
    }
    return null;
  }

  private static String title(JsonNode cna) {
    String title = cna.path("title").asString(null);
    if (title != null) {
      return KevReader.clip(title);
    }
    for (JsonNode d : cna.path("descriptions")) {
      if (d.path("lang").asString("").startsWith("en")) {
        return KevReader.clip(d.path("value").asString(""));
      }
    }
    return null;
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      throw new Bad("missing", where);
    }
    if (!v.isString() || v.asString().isBlank()) {
      throw new Bad("notNonEmptyString", where);
    }
    return v.asString();
  }

  private static String optional(JsonNode n, String field, String where) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new Bad("notString", where + "." + field);
    }
    return v.asString().isBlank() ? null : v.asString();
  }

  private static String clip(String s) {
    return KevReader.clip(s);
  }

  /** A record's rule broken; becomes a {@link Rejected}. */
  static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient Reason reason;

    Bad(String code, Object... args) {
      this(Reason.of(code, args));
    }

    Bad(Reason reason) {
      super(reason.english(), null, false, false);
      this.reason = reason;
    }
  }
}
