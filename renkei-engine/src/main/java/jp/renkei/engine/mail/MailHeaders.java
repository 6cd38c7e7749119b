package jp.renkei.engine.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header fields written wrongly, read as far as they can be (hostile27): an encoded word of the
 * subject never closed by {@code ?=}, which mime4j leaves as written ({@code
 * =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC}), and a From whose angle brackets or quotes are left open.
 */
final class MailHeaders {

  private MailHeaders() {}

  /**
   * An encoded word (RFC 2047) whose closing {@code ?=} is missing: charset (an RFC 2231 language
   * allowed), encoding, and the text up to the next space. Well-formed words are decoded by the
   * reader before this looks.
   */
  private static final Pattern OPEN_WORD =
      Pattern.compile(
          "=\\?([A-Za-z0-9!#$%&'+^_`{}~-]{1,40})(?:\\*[A-Za-z-]{1,20})?\\?([BbQq])\\?([^?\\s]*+)(?!\\?=)");

  /** A subject as shown, and the encoded words it had that were malformed, as written. */
  record Subject(String text, String malformed, boolean decoded) {}

  /**
   * The subject with each unclosed encoded word decoded as far as it can be: a Base64 text to its
   * last whole group of four letters, a Q text to its end, in the word's charset. A word whose
   * bytes are no text in that charset (or whose charset is unknown) stays as written. Null when the
   * subject has no such word.
   */
  static Subject subject(String subject) {
    if (subject == null || subject.indexOf("=?") < 0) {
      return null;
    }
    Matcher w = OPEN_WORD.matcher(subject);
    StringBuilder out = new StringBuilder();
    String first = null;
    boolean decoded = false;
    int at = 0;
    while (w.find()) {
      if (w.end() < subject.length() && subject.startsWith("?=", w.end())) {
        continue;
      }
      if (first == null) {
        first = w.group();
      }
      String text = decode(w.group(1), w.group(2), w.group(3));
      out.append(subject, at, w.start()).append(text == null ? w.group() : text);
      decoded |= text != null;
      at = w.end();
    }
    if (first == null) {
      return null;
    }
    out.append(subject, at, subject.length());
    return new Subject(out.toString(), first, decoded);
  }

  private static String decode(String charsetName, String encoding, String text) {
    byte[] bytes;
    if (encoding.equalsIgnoreCase("B")) {
      String letters = text.replaceAll("[^A-Za-z0-9+/]", "");
      letters = letters.substring(0, letters.length() - letters.length() % 4);
      if (letters.isEmpty()) {
        return null;
      }
      bytes = Base64.getDecoder().decode(letters);
    } else {
      bytes = quoted(text);
    }
    Charset charset;
    try {
      charset = Charset.forName(charsetName);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
    try {
      String s =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      for (int i = 0; i < s.length(); i++) {
        if (Character.isISOControl(s.charAt(i))) {
          return null;
        }
      }
      return s.isEmpty() ? null : s;
    } catch (CharacterCodingException | UnsupportedOperationException notText) {
      return null;
    }
  }

  private static byte[] quoted(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '='
          && i + 2 < text.length()
          && hex(text.charAt(i + 1)) >= 0
          && hex(text.charAt(i + 2)) >= 0) {
        out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 2;
      } else {
        out.write(c & 0xff);
      }
    }
    return out.toByteArray();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /**
   * Whether a From field as written leaves an angle bracket or a quote open, or closes one it never
   * opened ({@code Name <a@b.example}, {@code a@b.example>}, {@code "Name <a@b.example>}): what no
   * mail program writes, but a hand-made header does. Brackets inside a quoted name or a comment do
   * not count.
   */
  static boolean bracketsBroken(String written) {
    if (written == null) {
      return false;
    }
    int angle = 0;
    int comment = 0;
    boolean quoted = false;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c == '\\') {
        i++;
      } else if (quoted) {
        quoted = c != '"';
      } else if (comment > 0) {
        comment += c == '(' ? 1 : c == ')' ? -1 : 0;
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        comment++;
      } else if (c == '<') {
        if (angle > 0) {
          return true;
        }
        angle++;
      } else if (c == '>') {
        if (angle == 0) {
          return true;
        }
        angle--;
      }
    }
    return quoted || angle != 0 || comment != 0;
  }
}
