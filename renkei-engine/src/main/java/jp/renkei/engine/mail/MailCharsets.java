package jp.renkei.engine.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;

/**
 * The charset of a text part that declares none, or declares US-ASCII over 8-bit bytes: Japanese
 * lures sent by mass mailers abroad often carry a UTF-8, Shift_JIS or ISO-2022-JP body under a bare
 * {@code Content-Type: text/plain}, which MIME reads as US-ASCII and so as nothing but replacement
 * characters. The bytes are read as ISO-2022-JP when they hold its escape to JIS X 0208, as UTF-8
 * when they are valid UTF-8, and as Shift_JIS (Windows-31J) or EUC-JP when they decode without
 * error to text of which kana are a good share (so Latin-1 bytes, which Shift_JIS may also decode,
 * are not taken for Japanese). Anything else is left to the default reading.
 */
final class MailCharsets {

  private MailCharsets() {}

  private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

  /** Shift_JIS (as Windows-31J) and EUC-JP, the 8-bit Japanese charsets tried in this order. */
  static final Charset[] JAPANESE_8BIT = {
    Charset.forName("windows-31j"), Charset.forName("EUC-JP")
  };

  /** The part declares no charset, or US-ASCII (MIME's default). */
  static boolean undeclared(Entity e) {
    if (e.getHeader() == null) {
      return false;
    }
    if (!(e.getHeader().getField("Content-Type") instanceof ContentTypeField ct)) {
      return true;
    }
    String cs = ct.getCharset();
    return cs == null || cs.isBlank() || cs.trim().equalsIgnoreCase("us-ascii");
  }

  /**
   * The text of a part whose charset is {@link #undeclared}, in the charset its bytes show, or null
   * when they show none of the above (pure ASCII, or bytes of another 8-bit charset).
   */
  static String guess(SingleBody body, int maxBytes) {
    byte[] b;
    try (InputStream in = body.getInputStream()) {
      b = in.readNBytes(maxBytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return guess(b);
  }

  static String guess(byte[] b) {
    boolean eightBit = false;
    boolean jisEscape = false;
    for (int i = 0; i < b.length; i++) {
      eightBit |= b[i] < 0;
      jisEscape |=
          b[i] == 0x1b
              && i + 2 < b.length
              && b[i + 1] == '$'
              && (b[i + 2] == 'B' || b[i + 2] == '@');
    }
    if (!eightBit) {
      return jisEscape ? new String(b, ISO_2022_JP) : null;
    }
    String utf8 = strict(b, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return utf8;
    }
    for (Charset cs : JAPANESE_8BIT) {
      String s = strict(b, cs);
      if (s != null && mostlyKana(s)) {
        return s;
      }
    }
    return null;
  }

  /** The bytes as text of {@code cs}, or null when they are not whole text of it. */
  static String strict(byte[] b, Charset cs) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** At least ten hiragana or katakana, and a quarter of the characters beyond ASCII. */
  static boolean mostlyKana(String s) {
    int kana = 0;
    int beyond = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        beyond++;
        if (c >= '\u3041' && c <= '\u30FA') {
          kana++;
        }
      }
    }
    return kana >= 10 && kana * 4 >= beyond;
  }
}
