package jp.renkei.server.failure;

/**
 * A one-line text a person gives (a report's or an advisory's title): control characters (line
 * breaks and tabs included) and the bidirectional overrides and isolates, which make a title read
 * other than it is, are refused naming the field and the character, never stored as given.
 */
public final class OneLine {

  private OneLine() {}

  /**
   * Refuses the first control or bidi-control character of {@code value}.
   *
   * @throws InvalidInput on {@code field} ({@code validation.text.control}, with the character as
   *     {@code U+XXXX} and its position from 1)
   */
  public static void check(String field, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0, n = 1; i < value.length(); n++) {
      int c = value.codePointAt(i);
      if (refused(c)) {
        throw new InvalidInput(
            field, "validation.text.control", String.format("U+%04X", c), String.valueOf(n));
      }
      i += Character.charCount(c);
    }
  }

  static boolean refused(int c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
