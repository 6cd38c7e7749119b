package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * ux39's walk: the QR fuzz seed's 64 × 64 picture holds a QR code whose squares are about a pixel
 * wide; the reader found nothing, and the report gave neither a link nor a note — as if it were a
 * logo. It now says under "not fully examined" that a QR code could not be read, in Japanese and
 * English; a small logo without a code says nothing, and no sign changes.
 */
class MailQrUnreadTest {

  private static MailReport analyse(byte[] eml) {
    return new MailAnalyzer().analyze(new ByteArrayInputStream(eml));
  }

  private static byte[] seed() throws IOException {
    try (InputStream in =
        MailQrUnreadTest.class.getResourceAsStream(
            "/jp/renkei/engine/fuzz/ParserFuzzTestInputs/mail/seed-qr-image")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aCodeTooFineToReadIsSaidNotToHaveBeenRead() throws IOException {
    MailReport r = analyse(seed());
    assertThat(r.links()).isEmpty();
    assertThat(r.findings()).isEmpty();
    assertThat(r.readingProblems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo("qr");
              assertThat(p.en()).startsWith("qr.png: a QR code could not be read: its squares");
              assertThat(p.ja()).startsWith("qr.png: QR コードを読み取れませんでした: マス目が小さすぎて");
            });
  }

  @Test
  void aSmallLogoWithoutACodeSaysNothing() throws IOException {
    BufferedImage logo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = logo.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 64, 64);
    g.setColor(new Color(0, 80, 160));
    g.fillOval(8, 8, 48, 48);
    g.setColor(Color.WHITE);
    g.fillRect(20, 28, 24, 8);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(logo, "png", png);
    String eml =
        new String(seed(), StandardCharsets.ISO_8859_1)
            .replaceAll(
                "(?s)(filename=\"qr.png\"\r?\n\r?\n).*?(\r?\n--B--)",
                "$1" + Base64.getEncoder().encodeToString(png.toByteArray()) + "$2");
    MailReport r = analyse(eml.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.attachments())
        .singleElement()
        .extracting(MailReport.Attachment::size)
        .isEqualTo((long) png.size());
    assertThat(r.readingProblems()).isEmpty();
  }
}
