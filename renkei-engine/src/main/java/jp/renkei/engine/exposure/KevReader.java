package jp.renkei.engine.exposure;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CISA's KEV catalogue ({@code known_exploited_vulnerabilities.json}) token by token — no
 * tree of the whole catalogue — so the ~1,400-entry file parses in a few milliseconds. An entry
 * with a missing or malformed {@code cveID}, {@code vendorProject}, {@code product} or {@code
 * dateAdded}, or a malformed {@code dueDate}, is refused alone with its position and reason; the
 * others are kept. Limits: {@value #MAX_BYTES} bytes, {@value #MAX_ENTRIES} entries, strings of
 * {@value #MAX_STRING} characters, nesting depth {@value #MAX_DEPTH}; over a limit, or broken JSON,
 * the whole input is refused with where ({@link ExposureInputException}).
 */
public final class KevReader {

  public static final long MAX_BYTES = 64L * 1024 * 1024;
  public static final int MAX_ENTRIES = 100_000;
  public static final int MAX_STRING = 100_000;
  public static final int MAX_DEPTH = 16;

  static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,9}");

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(MAX_STRING)
                          .maxDocumentLength(MAX_BYTES)
                          .build())
                  .build())
          .build();

  private KevReader() {}

  public static KevCatalog read(InputStream in) {
    String version = null;
    String released = null;
    List<KevEntry> entries = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    boolean sawList = false;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ExposureInputException("$", Reason.of("kevNotObject"));
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "catalogVersion" -> version = t == JsonToken.VALUE_STRING ? p.getString() : null;
          case "dateReleased" -> released = t == JsonToken.VALUE_STRING ? p.getString() : null;
          case "vulnerabilities" -> {
            if (t != JsonToken.START_ARRAY) {
              throw new ExposureInputException("vulnerabilities", Reason.of("listNotArray"));
            }
            sawList = true;
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
              if (index >= MAX_ENTRIES) {
                throw new ExposureInputException(
                    "vulnerabilities[" + index + "]", Reason.of("tooManyInFile", MAX_ENTRIES));
              }
              String where = "vulnerabilities[" + index++ + "]";
              if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                rejected.add(new Rejected(null, where, Reason.of("notObject")));
                continue;
              }
              entry(p, where, entries, rejected);
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "$" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new ExposureInputException(where, Reason.of("notJson", e.getOriginalMessage()));
    }
    if (!sawList) {
      throw new ExposureInputException("vulnerabilities", Reason.of("listMissing"));
    }
    return new KevCatalog(version, released, entries, rejected);
  }

  private static void entry(
      JsonParser p, String where, List<KevEntry> entries, List<Rejected> rejected) {
    String cve = null;
    String vendor = null;
    String product = null;
    String name = null;
    String added = null;
    String due = null;
    String description = null;
    String action = null;
    String ransomware = null;
    String notes = null;
    List<String> cwes = new ArrayList<>();
    Reason problem = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("cwes")) {
        if (t == JsonToken.START_ARRAY) {
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING) {
              cwes.add(p.getString());
            } else {
              p.skipChildren();
              problem = problem == null ? Reason.of("notStrings", "cwes") : problem;
            }
          }
        } else if (t != JsonToken.VALUE_NULL) {
          p.skipChildren();
          problem = problem == null ? Reason.of("notArray", "cwes") : problem;
        }
        continue;
      }
      String value;
      if (t == JsonToken.VALUE_STRING) {
        value = p.getString();
      } else if (t == JsonToken.VALUE_NULL) {
        value = null;
      } else {
        p.skipChildren();
        problem = problem == null ? Reason.of("notString", field) : problem;
        continue;
      }
      switch (field) {
        case "cveID" -> cve = value;
        case "vendorProject" -> vendor = value;
        case "product" -> product = value;
        case "vulnerabilityName" -> name = value;
        case "dateAdded" -> added = value;
        case "dueDate" -> due = value;
        case "shortDescription" -> description = value;
        case "requiredAction" -> action = value;
        case "knownRansomwareCampaignUse" -> ransomware = value;
        case "notes" -> notes = value;
        default -> {}
      }
    }
    String id = cve;
    if (problem == null) {
      problem = check(cve, vendor, product, added);
    }
    LocalDate addedDate = null;
    LocalDate dueDate = null;
    if (problem == null) {
      try {
        addedDate = LocalDate.parse(added);
      } catch (DateTimeParseException e) {
        problem = Reason.of("notDate", "dateAdded", clip(added));
      }
    }
    if (problem == null && due != null && !due.isBlank()) {
      try {
        dueDate = LocalDate.parse(due);
      } catch (DateTimeParseException e) {
        problem = Reason.of("notDate", "dueDate", clip(due));
      }
    }
    if (problem != null) {
      rejected.add(new Rejected(id == null ? null : clip(id), where, problem));
      return;
    }
    entries.add(
        new KevEntry(
            cve,
            vendor,
            product,
            name,
            addedDate,
            dueDate,
            description,
            action,
            ransomware,
            notes,
            cwes));
  }

  private static Reason check(String cve, String vendor, String product, String added) {
    if (cve == null) {
      return Reason.of("missing", "cveID");
    }
    if (!CVE_ID.matcher(cve).matches()) {
      return Reason.of("notCveId", "cveID", clip(cve));
    }
    if (vendor == null || vendor.isBlank()) {
      return Reason.of("missing", "vendorProject");
    }
    if (product == null || product.isBlank()) {
      return Reason.of("missing", "product");
    }
    if (added == null) {
      return Reason.of("missing", "dateAdded");
    }
    return null;
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
