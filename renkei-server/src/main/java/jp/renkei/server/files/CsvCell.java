package jp.renkei.server.files;

/**
 * One cell of a CSV file we write (the report statistics, {@code renkei match --format csv}):
 * quoted when it holds a comma, a quote or a line break, and never read as a formula by spreadsheet
 * software — a cell starting with {@code =}, {@code +}, {@code -}, {@code @} (or their full-width
 * forms {@code ＝＋－＠}, or any of them after leading spaces), a tab, a carriage return or a line feed
 * gets a leading apostrophe (a log's client or time field, a peer's text, are outsiders' bytes, and
 * {@code =HYPERLINK(…)} in a cell an analyst opens is a link they did not write). A cell that is a
 * plain number ({@code -3}, {@code +81}) or a lone {@code -} is left as it is.
 */
public final class CsvCell {

  private CsvCell() {}

  /** {@code value} as a CSV cell; null is an empty cell. */
  public static String of(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String s = formula(value) ? "'" + value : value;
    return needsQuotes(s) ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** {@code value} quoted whatever it holds (a text column), defused as {@link #of} does. */
  public static String quoted(String value) {
    String s = value == null ? "" : formula(value) ? "'" + value : value;
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  static boolean formula(String s) {
    int i = 0;
    while (i < s.length() - 1 && (s.charAt(i) == ' ' || s.charAt(i) == '\u3000')) {
      i++; // " =1+1": some spreadsheets trim the spaces and run what follows
    }
    char c = halfWidth(s.charAt(i));
    if (c == '=' || c == '@' || c == '\t' || c == '\r' || c == '\n') {
      return true;
    }
    if (c == '+' || c == '-') {
      String rest = s.substring(i + 1);
      return !rest.isEmpty() && !number(rest); // a lone "-" (no value) is text
    }
    return false;
  }

  /**
   * The full-width forms of the formula signs ({@code ＝＋－＠}) as their ASCII letters: a Japanese
   * spreadsheet's input conversion may read them as the ASCII signs.
   */
  private static char halfWidth(char c) {
    return switch (c) {
      case '\uFF1D' -> '=';
      case '\uFF0B' -> '+';
      case '\uFF0D' -> '-';
      case '\uFF20' -> '@';
      default -> c;
    };
  }

  private static boolean number(String s) {
    if (s.isEmpty()) {
      return false;
    }
    boolean dot = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' && !dot && i > 0) {
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return s.charAt(s.length() - 1) != '.';
  }

  private static boolean needsQuotes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
