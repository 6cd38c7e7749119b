package jp.renkei.server.cli;

import java.io.PrintStream;
import java.util.List;
import jp.renkei.server.files.CsvCell;
import jp.renkei.server.intel.MisnamedIdentities.Flagged;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The three forms of {@code renkei stix misnamed}'s listing. */
final class MisnamedListing {

  enum Format {
    text,
    csv,
    json
  }

  static final List<String> COLUMNS =
      List.of(
          "stix_id",
          "name",
          "rule",
          "organisation_id",
          "organisation_code",
          "organisation_name_ja",
          "organisation_name_en",
          "created_by_ref",
          "where_sighted_refs",
          "other_refs");

  private MisnamedListing() {}

  static void print(List<Flagged> list, Format format, PrintStream out) {
    switch (format) {
      case csv -> {
        out.print(String.join(",", COLUMNS) + "\r\n");
        for (Flagged f : list) {
          out.print(String.join(",", values(f).stream().map(CsvCell::of).toList()) + "\r\n");
        }
      }
      case json -> {
        JsonMapper json = JsonMapper.builder().build();
        ArrayNode array = json.createArrayNode();
        for (Flagged f : list) {
          ObjectNode o = array.addObject();
          o.put("stix_id", f.stixId());
          o.put("name", f.name());
          o.put("rule", f.rule());
          ObjectNode org = o.putObject("organisation");
          org.put("id", f.organisationId());
          org.put("code", f.organisationCode());
          org.put("name_ja", f.organisationNameJa());
          org.put("name_en", f.organisationNameEn());
          ObjectNode refs = o.putObject("referenced_by");
          refs.put("created_by_ref", f.createdBy());
          refs.put("where_sighted_refs", f.whereSighted());
          refs.put("other_refs", f.otherRefs());
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
      }
      case text -> {
        for (Flagged f : list) {
          out.println(String.join("\t", values(f).stream().map(MisnamedListing::oneLine).toList()));
        }
      }
    }
  }

  private static List<String> values(Flagged f) {
    return List.of(
        f.stixId(),
        f.name(),
        f.rule(),
        Long.toString(f.organisationId()),
        f.organisationCode(),
        f.organisationNameJa(),
        f.organisationNameEn(),
        Long.toString(f.createdBy()),
        Long.toString(f.whereSighted()),
        Long.toString(f.otherRefs()));
  }

  /**
   * The text form: one line per identity, tabs, line breaks and other control characters in a name
   * shown as spaces, format characters (a right-to-left override that reorders the columns on the
   * terminal) by their code ({@link Terminal}).
   */
  static String oneLine(String v) {
    return v == null ? "" : Terminal.printable(v.replaceAll("[\\t\\r\\n\\p{Cc}]", " "));
  }
}
