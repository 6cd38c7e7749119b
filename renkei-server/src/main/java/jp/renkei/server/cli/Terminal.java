package jp.renkei.server.cli;

/**
 * Text the CLI writes for a person at a terminal that came from outside — a lure's subject, a
 * feed's indicator id or pattern, a log's client field, a file's refused line: each control, format
 * or line-separator character is written as its code ({@code \u001b}), so an escape sequence in it
 * cannot move the cursor, rewrite earlier lines, set the window title or write the clipboard (OSC
 * 52), and the line stays one line.
 */
final class Terminal {

  private Terminal() {}

  /** {@code s} as one terminal line with its control characters as codes; null as "null". */
  static String printable(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int type = Character.getType(c);
      boolean control =
          Character.isISOControl(c)
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || type == Character.SURROGATE;
      if (control && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (control) {
        // each UTF-16 unit by its code, as JSON and Java write a character past U+FFFF
        for (char unit : Character.toChars(c)) {
          out.append(String.format("\\u%04x", (int) unit));
        }
      } else if (out != null) {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out == null ? s : out.toString();
  }
}
