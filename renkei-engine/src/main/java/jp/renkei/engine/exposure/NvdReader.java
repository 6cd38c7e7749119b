package jp.renkei.engine.exposure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

/**
 * Reads one page of the NVD CVE API 2.0 ({@code /rest/json/cves/2.0}: {@code resultsPerPage},
 * {@code startIndex}, {@code totalResults}, {@code vulnerabilities[].cve}), one vulnerability in
 * memory at a time, into {@link CveRecord}s the matching already understands.
 *
 * <p>Each vulnerable {@code configurations[].nodes[].cpeMatch[]} (those with {@code vulnerable:
 * false} name the platform a product runs on and are not matched) becomes an affected product with
 * its CPE: a version range from {@code versionStartIncluding}/{@code versionStartExcluding} to
 * {@code versionEndExcluding}/{@code versionEndIncluding} (an excluded start is an exact
 * "unaffected" entry, which wins over the range); without a range the CPE's own version (exact, or
 * {@code *}: every version affected). An {@code AND} of an application and the platform it runs on
 * is read as the application alone: the inventory rarely says the platform, so Renkei reports more,
 * not less. A vulnerability with {@code vulnStatus: Rejected} is kept as REJECTED.
 *
 * <p>A malformed vulnerability (no id, a criteria that is not a CPE 2.3 name, a range bound that is
 * not a string, more than {@value #MAX_MATCHES} CPE matches) is refused alone with its id and the
 * reason. Limits: strings {@value CveReader#MAX_RECORD_STRING} characters, nesting depth {@value
 * CveReader#MAX_DEPTH}, {@value #MAX_VULNERABILITIES} vulnerabilities per page.
 */
public final class NvdReader {

  public static final int MAX_MATCHES = 10_000;
  public static final int MAX_VULNERABILITIES = 200_000;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(CveReader.MAX_DEPTH)
                          .maxStringLength(CveReader.MAX_RECORD_STRING)
                          .build())
                  .build())
          .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * One page read.
   *
   * @param startIndex the page's {@code startIndex}
   * @param resultsPerPage its {@code resultsPerPage}
   * @param totalResults the query's {@code totalResults} (more pages when start + per page is less)
   */
  public record Result(
      List<CveRecord> records,
      List<Rejected> rejected,
      int startIndex,
      int resultsPerPage,
      int totalResults) {
    public Result {
      records = List.copyOf(records);
      rejected = List.copyOf(rejected);
    }

    /** The {@code startIndex} of the next page, or -1 when this was the last. */
    public int nextStart() {
      int next = startIndex + resultsPerPage;
      return resultsPerPage > 0 && next < totalResults ? next : -1;
    }
  }

  private NvdReader() {}

  public static Result read(InputStream in) {
    List<CveRecord> records = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    int start = 0;
    int perPage = 0;
    int total = -1;
    boolean sawList = false;
    int index = 0;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ExposureInputException("document", Reason.of("nvdNotObject"));
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "startIndex" -> start = number(p, t, field);
          case "resultsPerPage" -> perPage = number(p, t, field);
          case "totalResults" -> total = number(p, t, field);
          case "vulnerabilities" -> {
            if (t != JsonToken.START_ARRAY) {
              throw new ExposureInputException("vulnerabilities", Reason.of("listNotArray"));
            }
            sawList = true;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
              String where = "vulnerabilities[" + index + "]";
              index++;
              if (index > MAX_VULNERABILITIES) {
                throw new ExposureInputException(
                    where, Reason.of("tooManyInPage", MAX_VULNERABILITIES));
              }
              if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                rejected.add(new Rejected(null, where, Reason.of("notJsonObject")));
                continue;
              }
              JsonNode node = JSON.readTree(p);
              String id = node.path("cve").path("id").asString(null);
              try {
                records.add(record(node.path("cve")));
              } catch (CveReader.Bad e) {
                rejected.add(new Rejected(id == null ? null : KevReader.clip(id), where, e.reason));
              }
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String where =
          (index == 0 ? "document" : "vulnerabilities[" + (index - 1) + "]")
              + (loc == null ? "" : " (line " + loc.getLineNr() + ")");
      throw new ExposureInputException(where, Reason.of("notJson", e.getOriginalMessage()));
    }
    if (!sawList) {
      throw new ExposureInputException("document", Reason.of("nvdNoList"));
    }
    return new Result(records, rejected, start, perPage, total < 0 ? index : total);
  }

  private static int number(JsonParser p, JsonToken t, String field) {
    if (t != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 0) {
      throw new ExposureInputException(field, Reason.of("notCount"));
    }
    return p.getIntValue();
  }

  /** One {@code vulnerabilities[].cve} object. */
  static CveRecord record(JsonNode cve) {
    JsonNode idNode = cve.path("id");
    if (!idNode.isString()) {
      throw new CveReader.Bad("missing", "cve.id");
    }
    String id = idNode.asString();
    if (!KevReader.CVE_ID.matcher(id).matches()) {
      throw new CveReader.Bad("notCveId", "cve.id", KevReader.clip(id));
    }
    if ("Rejected".equalsIgnoreCase(cve.path("vulnStatus").asString(""))) {
      return new CveRecord(id, "REJECTED", List.of(), null, null);
    }
    JsonNode configurations = cve.path("configurations");
    if (!configurations.isMissingNode() && !configurations.isArray()) {
      throw new CveReader.Bad("notArray", "cve.configurations");
    }
    // one affected product per CPE product, its version entries gathered from every match
    Map<String, Product> products = new LinkedHashMap<>();
    int matches = 0;
    for (int c = 0; c < configurations.size(); c++) {
      JsonNode nodes = configurations.get(c).path("nodes");
      for (int n = 0; n < nodes.size(); n++) {
        JsonNode node = nodes.get(n);
        if (node.path("negate").asBoolean(false)) {
          continue;
        }
        JsonNode cpeMatch = node.path("cpeMatch");
        for (int m = 0; m < cpeMatch.size(); m++) {
          String where = "configurations[" + c + "].nodes[" + n + "].cpeMatch[" + m + "]";
          if (++matches > MAX_MATCHES) {
            throw new CveReader.Bad("tooManyMatches", MAX_MATCHES);
          }
          match(cpeMatch.get(m), where, products);
        }
      }
    }
    List<CveRecord.Affected> affected = new ArrayList<>();
    for (Product p : products.values()) {
      affected.add(p.affected());
    }
    return new CveRecord(id, "PUBLISHED", affected, cvss(cve.path("metrics")), title(cve));
  }

  private static void match(JsonNode m, String where, Map<String, Product> products) {
    JsonNode vulnerable = m.path("vulnerable");
    if (!vulnerable.isBoolean()) {
      throw new CveReader.Bad("notBoolean", where + ".vulnerable");
    }
    JsonNode criteria = m.path("criteria");
    if (!criteria.isString()) {
      throw new CveReader.Bad("missing", where + ".criteria");
    }
    Cpe cpe;
    try {
      cpe = CpeParser.parse(criteria.asString());
    } catch (CpeParsingException | RuntimeException e) {
      throw new CveReader.Bad("notCpe", where + ".criteria", KevReader.clip(criteria.asString()));
    }
    if (!criteria.asString().startsWith("cpe:2.3:")) {
      throw new CveReader.Bad("notCpe", where + ".criteria", KevReader.clip(criteria.asString()));
    }
    String startIn = bound(m, "versionStartIncluding", where);
    String startEx = bound(m, "versionStartExcluding", where);
    String endEx = bound(m, "versionEndExcluding", where);
    String endIn = bound(m, "versionEndIncluding", where);
    if (startIn != null && startEx != null || endEx != null && endIn != null) {
      throw new CveReader.Bad("bothBounds", where);
    }
    if (!vulnerable.asBoolean()) {
      return;
    }
    String key = cpe.getPart().getAbbreviation() + ":" + cpe.getVendor() + ":" + cpe.getProduct();
    Product p = products.computeIfAbsent(key, k -> new Product(cpe));
    p.cpes.add(criteria.asString());
    boolean range = startIn != null || startEx != null || endEx != null || endIn != null;
    if (range) {
      String lower = startIn != null ? startIn : startEx != null ? startEx : "0";
      String lessThan = endEx != null ? endEx : endIn == null ? "*" : null;
      p.versions.add(
          new CveRecord.VersionEntry(lower, "affected", "custom", lessThan, endIn, List.of()));
      if (startEx != null) {
        p.versions.add(
            new CveRecord.VersionEntry(startEx, "unaffected", "custom", null, null, List.of()));
      }
    } else if (ProductId.specific(cpe.getVersion())) {
      p.versions.add(
          new CveRecord.VersionEntry(
              cpe.getVersion(), "affected", "custom", null, null, List.of()));
    } else {
      p.everyVersion = true;
    }
  }

  private static String bound(JsonNode m, String field, String where) {
    JsonNode v = m.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isString() || v.asString().isBlank() || v.asString().length() > 200) {
      throw new CveReader.Bad("notVersion", where + "." + field);
    }
    return v.asString();
  }

  /** The CPE product one or more matches name, with their version entries. */
  private static final class Product {
    final Cpe cpe;
    final List<String> cpes = new ArrayList<>();
    final List<CveRecord.VersionEntry> versions = new ArrayList<>();
    boolean everyVersion;

    Product(Cpe cpe) {
      this.cpe = cpe;
    }

    CveRecord.Affected affected() {
      // A CPE with "*" and no range: every version. With ranges too, the ranges decide and the
      // versions outside them are affected anyway; without any, the default is affected.
      String def = everyVersion ? "affected" : "unaffected";
      return new CveRecord.Affected(
          cpe.getVendor(),
          cpe.getProduct(),
          null,
          null,
          cpes.stream().distinct().toList(),
          def,
          versions);
    }
  }

  private static String cvss(JsonNode metrics) {
    for (String key : List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30")) {
      for (JsonNode m : metrics.path(key)) {
        String vector = m.path("cvssData").path("vectorString").asString(null);
        if (vector != null && vector.length() <= 200) {
          return vector;
        }
      }
    }
    return null;
  }

  private static String title(JsonNode cve) {
    for (JsonNode d : cve.path("descriptions")) {
      if (d.path("lang").asString("").startsWith("en")) {
        return KevReader.clip(d.path("value").asString(""));
      }
    }
    return null;
  }
}
