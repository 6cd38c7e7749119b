package jp.renkei.engine.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why an import refused a record or a whole file, as a code and its arguments (field names, values,
 * limits), so that a page says it in its reader's language; {@link #english()} says it for logs and
 * the command line. The codes are the keys' last part of the server's {@code exposure.refusal.*}
 * texts.
 *
 * @param code what is wrong, one of the codes below
 * @param args the field, value or limit it is about, in the order the English text names them
 */
public record Reason(String code, List<String> args) {

  private static final Map<String, String> ENGLISH =
      Map.ofEntries(
          Map.entry("notJsonObject", "is not a JSON object"),
          Map.entry("notObject", "is not an object"),
          Map.entry("missing", "{0} is missing"),
          Map.entry("notString", "{0} is not a string"),
          Map.entry("notNonEmptyString", "{0} is not a non-empty string"),
          Map.entry("notVersion", "{0} is not a version string"),
          Map.entry("notCveId", "{0} is not a CVE id: {1}"),
          Map.entry("notJvnId", "{0} is not a JVNDB id: {1}"),
          Map.entry("notDate", "{0} is not a date (yyyy-mm-dd): {1}"),
          Map.entry("notStrings", "{0} holds a value that is not a string"),
          Map.entry("notArray", "{0} is not an array"),
          Map.entry("notBoolean", "{0} is not true or false"),
          Map.entry("notCpe", "{0} is not a CPE 2.3 name: {1}"),
          Map.entry("notCpeName", "{0} is not a CPE name: {1}"),
          Map.entry("cveState", "{0} must be PUBLISHED or REJECTED: {1}"),
          Map.entry("missingOrEmpty", "{0} is missing or empty"),
          Map.entry("tooManyProducts", "{0} has more than {1} products"),
          Map.entry("tooManyEntries", "{0} has more than {1} entries"),
          Map.entry("tooManyMatches", "more than {0} cpeMatch entries"),
          Map.entry("tooManyAffected", "more than {0} affected products"),
          Map.entry("noAffectedItem", "Affected has no AffectedItem"),
          Map.entry(
              "needsProduct", "{0} needs vendor and product, or collectionURL and packageName"),
          Map.entry("needsCpe", "{0} needs a Cpe, or a Name and a ProductName"),
          Map.entry("notStatus", "{0} is not affected/unaffected/unknown: {1}"),
          Map.entry("bothUpper", "{0} has both lessThan and lessThanOrEqual"),
          Map.entry("bothBounds", "{0} has both an including and an excluding bound"),
          Map.entry("rangeWithoutType", "{0} is a range without versionType"),
          Map.entry("textTooLong", "a text is longer than {0} characters"),
          Map.entry("lineTooLong", "longer than {0} characters"),
          Map.entry("columns", "expected {0} columns, found {1}"),
          Map.entry("epssScores", "epss and percentile must be numbers between 0 and 1"),
          Map.entry("notCveIdValue", "not a CVE id: {0}"),
          // a whole file
          Map.entry("notJson", "not valid JSON: {0}"),
          Map.entry("kevNotObject", "a KEV catalogue is a JSON object"),
          Map.entry("nvdNotObject", "an NVD CVE API 2.0 response is a JSON object"),
          Map.entry("listNotArray", "is not an array"),
          Map.entry("listMissing", "missing"),
          Map.entry("nvdNoList", "no vulnerabilities[]: not an NVD CVE API 2.0 response"),
          Map.entry("tooManyInFile", "more than {0} entries"),
          Map.entry("tooManyInPage", "more than {0} vulnerabilities in one page"),
          Map.entry("tooManyRows", "more than {0} rows"),
          Map.entry("notCount", "is not a non-negative whole number"),
          Map.entry("epssHeader", "expected the header cve,epss,percentile"),
          Map.entry("epssNoHeader", "no header cve,epss,percentile"),
          Map.entry("xmlTooBig", "more than {0} elements or deeper than {1}"),
          Map.entry(
              "notVuldef", "not a VULDEF document (MyJVN getVulnDetailInfo): the root is <{0}>"),
          Map.entry("myJvnError", "MyJVN answered an error: {0} ({1})"),
          Map.entry("emptyVuldef", "empty: not a VULDEF document"),
          Map.entry("notXml", "not well-formed XML: {0}"),
          Map.entry("notNumber", "{0} is not a number: {1}"));

  public Reason {
    if (!ENGLISH.containsKey(code)) {
      throw new IllegalArgumentException("no such reason: " + code);
    }
    args = List.copyOf(args);
  }

  /** A reason; each argument is kept as its text. */
  public static Reason of(String code, Object... args) {
    List<String> words = new ArrayList<>();
    for (Object a : args) {
      words.add(String.valueOf(a));
    }
    return new Reason(code, words);
  }

  /** Every code a reason may have (a caller's texts can be checked against it). */
  public static java.util.Set<String> codes() {
    return ENGLISH.keySet();
  }

  /** The reason in English, for logs and the command line. */
  public String english() {
    String text = ENGLISH.get(code);
    for (int i = 0; i < args.size(); i++) {
      text = text.replace("{" + i + "}", args.get(i));
    }
    return text;
  }

  @Override
  public String toString() {
    return english();
  }
}
