package jp.renkei.engine.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header fields written wrongly, read as far as they can be (hostile27): an encoded word of the
 * subject never closed by {@code ?=}, which mime4j leaves as written ({@code
 * =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC}), a From whose angle brackets or quotes are left open, and
 * Japanese written raw or under a wrong label, read as a Japanese mail program reads it (recall33).
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

  /** ISO-2022-JP, then its Windows form for the NEC and IBM extensions (MailWiderCharsets). */
  private static final Charset[] JIS = {
    Charset.forName("ISO-2022-JP"), Charset.forName("x-windows-iso2022jp")
  };

  /** The longest header field re-read as Japanese (bytes); longer ones are left as read. */
  static final int JAPANESE_READ = 4096;

  /**
   * A header field's text as a Japanese mail program shows it, when its writer put Japanese in it
   * without (or under a wrong label of) encoded words, as lures often do on purpose so that a
   * filter reading the header by the rules finds no words: ISO-2022-JP escapes (ESC $ B … ESC ( B)
   * written raw in the header or inside encoded words that claim ISO-8859-1 or US-ASCII, and raw
   * Shift_JIS (Windows-31J) or EUC-JP bytes, which the parser, reading 8-bit headers as UTF-8, left
   * as U+FFFD. Raw UTF-8 is read right by the parser already. Null when {@code asRead} (the text as
   * the parser decoded it) needs no second reading, or the bytes are no Japanese text.
   *
   * @param asRead the field's text as decoded by the parser (encoded words decoded)
   * @param raw the field as received, name and colon included, or null
   */
  static String japanese(String asRead, byte[] raw) {
    if (asRead == null) {
      return null;
    }
    if (asRead.indexOf('\uFFFD') >= 0 && raw != null && raw.length <= JAPANESE_READ) {
      String eightBit = eightBitJapanese(raw);
      if (eightBit != null) {
        String escapes = jisEscapes(eightBit);
        return escapes != null ? escapes : eightBit;
      }
    }
    return jisEscapes(asRead);
  }

  /**
   * Runs of characters up to U+00FF (the bytes of a raw header, or of an encoded word read as
   * ISO-8859-1) that hold an ISO-2022-JP escape to JIS X 0208, read again as ISO-2022-JP; null when
   * there is none, or when a run does not read whole.
   */
  static String jisEscapes(String s) {
    if (s.indexOf('\u001B') < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean changed = false;
    int i = 0;
    while (i < s.length()) {
      int end = i;
      while (end < s.length() && s.charAt(end) <= '\u00FF') {
        end++;
      }
      if (end == i) {
        out.append(s.charAt(i++));
        continue;
      }
      String run = s.substring(i, end);
      String read = null;
      for (int j = 0; read == null && j < JIS.length && run.contains("\u001B$"); j++) {
        read = MailCharsets.strict(run.getBytes(StandardCharsets.ISO_8859_1), JIS[j]);
      }
      if (read != null && read.indexOf('\u001B') < 0 && !read.equals(run)) {
        out.append(read);
        changed = true;
      } else {
        out.append(run);
      }
      i = end;
    }
    return changed ? out.toString() : null;
  }

  /**
   * The body of a raw header field in Shift_JIS or EUC-JP, its folds unfolded and its encoded words
   * decoded, when it reads whole in one of them and holds at least two kana (so that ISO-8859-1
   * bytes, which Shift_JIS may also read, are not taken for Japanese); else null.
   */
  private static String eightBitJapanese(byte[] raw) {
    int colon = 0;
    while (colon < raw.length && raw[colon] != ':') {
      colon++;
    }
    if (colon == raw.length) {
      return null;
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, colon + 1, raw.length);
    for (Charset cs : MailCharsets.JAPANESE_8BIT) {
      String s = MailCharsets.strict(body, cs);
      if (s != null && kana(s) >= 2) {
        String unfolded = s.replaceAll("\r?\n(?=[ \t])", "").strip();
        return org.apache.james.mime4j.codec.DecoderUtil.decodeEncodedWords(
            unfolded, org.apache.james.mime4j.codec.DecodeMonitor.SILENT);
      }
    }
    return null;
  }

  private static int kana(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u3041' && c <= '\u30FF') {
        n++;
      } else if (Character.isISOControl(c) && c != '\r' && c != '\n' && c != '\t') {
        return 0;
      }
    }
    return n;
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
