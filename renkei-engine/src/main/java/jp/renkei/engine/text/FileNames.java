package jp.renkei.engine.text;

import java.nio.charset.StandardCharsets;

/** File names written into header parameters. */
public final class FileNames {

  private FileNames() {}

  /**
   * The name as an RFC 5987 ext-value's text after {@code UTF-8''}: its UTF-8 bytes, attr-chars as
   * they are and every other byte as %XX (upper case), e.g. {@code 報告 1.pdf} → {@code
   * %E5%A0%B1%E5%91%8A%201.pdf}.
   */
  public static String rfc5987(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
