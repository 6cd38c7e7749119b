package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 (speed31): quoted-printable bodies are decoded in one pass instead of through mime4j's
 * stream. The two must give the same bytes: compared here on random bodies made of what matters to
 * the decoder (=, hex digits in both cases, CR, LF, every blank {@code Character.isWhitespace}
 * knows among bytes, bytes above 127, ordinary letters), the stream read as the parser reads it:
 * its source answering in short pieces of random length, its reader asking for random amounts.
 */
class MailQuotedPrintableTest {

  private static final byte[] ALPHABET =
      "==\r\n\r\n \t\u000b\f\u001c\u001f09aFfGzZ.-".getBytes(StandardCharsets.ISO_8859_1);

  private static byte[] random(Random r, int max) {
    byte[] b = new byte[r.nextInt(max)];
    for (int i = 0; i < b.length; i++) {
      int k = r.nextInt(ALPHABET.length + 3);
      b[i] = k < ALPHABET.length ? ALPHABET[k] : (byte) (0x80 + r.nextInt(128));
    }
    return b;
  }

  /**
   * What mime4j's stream gives, its source answering at most {@code piece} bytes a read (0: all it
   * is asked for).
   */
  private static byte[] mime4j(byte[] body, Random r, int piece) throws IOException {
    InputStream source =
        new ByteArrayInputStream(body) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, piece == 0 ? len : Math.min(len, 1 + r.nextInt(piece)));
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new QuotedPrintableInputStream(source, DecodeMonitor.SILENT)) {
      byte[] buf = new byte[1 + r.nextInt(5000)];
      for (int n; (n = in.read(buf)) != -1; ) {
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }

  @Test
  void decodesShortBodiesAsMime4j() throws IOException {
    // within one 2 KB window of the stream, so even ==CRLF is read alike
    Random r = new Random(31);
    for (int i = 0; i < 100_000; i++) {
      byte[] body = random(r, 60);
      assertThat(MailQuotedPrintable.decode(body, body.length))
          .as("%s", new String(body, StandardCharsets.ISO_8859_1))
          .isEqualTo(mime4j(body, r, 0));
    }
  }

  @Test
  void decodesLongBodiesReadInPiecesAsMime4j() throws IOException {
    Random r = new Random(19);
    for (int i = 0; i < 3_000; i++) {
      byte[] body = random(r, 12_000);
      // ==CR LF straddling a refill of the stream is the one known difference (class javadoc)
      for (int k = 0; k + 2 < body.length; k++) {
        if (body[k] == '=' && body[k + 1] == '=' && body[k + 2] == '\r') {
          body[k + 2] = ' ';
        }
      }
      assertThat(MailQuotedPrintable.decode(body, body.length))
          .isEqualTo(mime4j(body, r, 1 + r.nextInt(3000)));
    }
  }

  @Test
  void decodesCommonEscapesAndSoftBreaks() {
    byte[] body =
        "caf=C3=A9 =\r\nsuite  \r\nfin=3D=\nx=ZZ\n=".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new String(MailQuotedPrintable.decode(body, body.length), StandardCharsets.UTF_8))
        .isEqualTo("café suite\r\nfin=x=ZZ\r\n=");
  }

  @Test
  void readsEqualsEqualsBeforeCrLfAsASoftBreakEvenAcrossTheStreamsRefill() throws IOException {
    // mime4j reads it so whenever its window holds the LF; here the whole body is in view
    byte[] body = ("a".repeat(2045) + "==\r\nb").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MailQuotedPrintable.decode(body, body.length))
        .isEqualTo(("a".repeat(2045) + "=b").getBytes(StandardCharsets.ISO_8859_1));
    byte[] inWindow = ("a".repeat(100) + "==\r\nb").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MailQuotedPrintable.decode(inWindow, inWindow.length))
        .isEqualTo(mime4j(inWindow, new Random(1), 0));
  }
}
