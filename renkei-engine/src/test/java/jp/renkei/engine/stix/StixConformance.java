package jp.renkei.engine.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What peers' validators check of observable values and our own schema validation does not (formats
 * are annotations there): a {@code url} value is an RFC 3986 URI, an {@code email-addr} value a
 * bare address, a {@code domain-name} value ASCII. Written from the RFCs' grammars, independently
 * of {@link StixValues}, so the tests do not check the code against itself.
 */
public final class StixConformance {

  private static final String PCT = "%[0-9A-Fa-f]{2}";
  private static final String UNRESERVED = "A-Za-z0-9\\-._~";
  private static final String SUB_DELIMS = "!$&'()*+,;=";
  private static final String PCHAR = "(?:[" + UNRESERVED + SUB_DELIMS + ":@]|" + PCT + ")";
  private static final Pattern URI =
      Pattern.compile(
          "[A-Za-z][A-Za-z0-9+.-]*://"
              + "(?:(?:["
              + UNRESERVED
              + SUB_DELIMS
              + ":]|"
              + PCT
              + ")*@)?"
              + "(?:\\[[0-9A-Fa-f:.]+\\]|(?:["
              + UNRESERVED
              + SUB_DELIMS
              + "]|"
              + PCT
              + ")*)"
              + "(?::[0-9]*)?"
              + "(?:/"
              + PCHAR
              + "*)*"
              + "(?:\\?(?:"
              + PCHAR
              + "|[/?])*)?"
              + "(?:#(?:"
              + PCHAR
              + "|[/?])*)?");

  /** RFC 5322 dot-atom addr-spec, ASCII. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private StixConformance() {}

  public static boolean isUri(String s) {
    return s != null && URI.matcher(s).matches();
  }

  /** The values of a bundle's objects that a strict peer refuses, each with its object's id. */
  public static List<String> problems(JsonNode bundle) {
    List<String> problems = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      String type = o.path("type").asString("");
      String value = o.path("value").asString("");
      boolean ok =
          switch (type) {
            case "url" -> isUri(value);
            case "email-addr" -> EMAIL.matcher(value).matches();
            case "domain-name" -> value.matches("[a-z0-9._-]+") && !value.isEmpty();
            default -> true;
          };
      if (!ok) {
        problems.add(o.path("id").asString() + ": " + type + " value '" + value + "'");
      }
    }
    return problems;
  }
}
