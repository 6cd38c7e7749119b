package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * Images that are small in a message and cost without end to decode, the way the QR search decodes
 * them (attack16): a progressive JPEG whose scans are repeated (each scan a pass over the whole
 * image that ImageIO makes before it reports progress or looks at an abort: 63 KB, 4000 × 4000
 * pixels and 1,000 scans held the search for 66 s; 5 MB would be hours), the same JPEG inside a PDF
 * (PDFBox decodes it with ImageIO), a PNG whose 16 million pixels take 8 bytes each, and images met
 * after the analysis's time is up (the deadline was looked at between archive entries and PDF
 * operators, never between images). Each is answered with a problem or a limit, never decoded.
 */
class ImageBombTest {

  private static void marker(ByteArrayOutputStream o, int m, byte[] body) {
    o.write(0xFF);
    o.write(m);
    o.write((body.length + 2) >> 8);
    o.write((body.length + 2) & 0xff);
    o.write(body, 0, body.length);
  }

  /** Entropy-coded bits, each 0xFF byte stuffed with a zero, the last byte padded with ones. */
  private static final class Bits {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    int acc;
    int n;

    void put(int value, int count) {
      for (int i = count - 1; i >= 0; i--) {
        acc = (acc << 1) | ((value >> i) & 1);
        if (++n == 8) {
          out.write(acc);
          if (acc == 0xFF) {
            out.write(0);
          }
          acc = 0;
          n = 0;
        }
      }
    }

    byte[] done() {
      while (n != 0) {
        put(1, 1);
      }
      return out.toByteArray();
    }
  }

  /**
   * A grey progressive JPEG of {@code side} × {@code side} pixels, all of one grey, whose AC scan
   * is repeated {@code scans} times: each repeat covers every block in a few end-of-band runs
   * (about 25 bytes), and a decoder goes over every block again.
   */
  static byte[] scanBomb(int side, int scans) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(0xFF);
    o.write(0xD8);
    byte[] quantisation = new byte[65];
    java.util.Arrays.fill(quantisation, 1, 65, (byte) 1);
    marker(o, 0xDB, quantisation);
    marker(
        o,
        0xC2,
        new byte[] {
          8, (byte) (side >> 8), (byte) side, (byte) (side >> 8), (byte) side, 1, 1, 0x11, 0
        });
    byte[] dc = new byte[18]; // one code, of length 1: a difference of 0
    dc[1] = 1;
    marker(o, 0xC4, dc);
    byte[] ac = new byte[18]; // one code, of length 1: an end-of-band run of 2^14 and more
    ac[0] = 0x10;
    ac[1] = 1;
    ac[17] = (byte) 0xE0;
    marker(o, 0xC4, ac);
    int blocks = ((side + 7) / 8) * ((side + 7) / 8);
    marker(o, 0xDA, new byte[] {1, 1, 0x00, 0, 0, 0});
    Bits first = new Bits();
    for (int b = 0; b < blocks; b++) {
      first.put(0, 1);
    }
    byte[] dcData = first.done();
    o.write(dcData, 0, dcData.length);
    Bits runs = new Bits();
    for (int left = blocks; left > 0; left -= 32_767) {
      runs.put(0, 1);
      runs.put(16_383, 14);
    }
    byte[] acData = runs.done();
    for (int s = 0; s < scans; s++) {
      marker(o, 0xDA, new byte[] {1, 1, 0x00, 1, 63, 0});
      o.write(acData, 0, acData.length);
    }
    o.write(0xFF);
    o.write(0xD9);
    return o.toByteArray();
  }

  @Test
  void theScansOfAJpegAreCountedWithoutDecodingIt() throws Exception {
    assertThat(MailImages.jpegScans(new ByteArrayInputStream(scanBomb(64, 1))))
        .isEqualTo(2); // the DC scan and one AC scan
    assertThat(MailImages.jpegScans(new ByteArrayInputStream(scanBomb(4000, 5_000))))
        .isEqualTo(5_001);
    BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(photo, "jpeg", out);
    assertThat(MailImages.jpegScans(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(1);
  }

  @Test
  void aProgressiveJpegOfManyScansIsNotDecoded() {
    // 200 scans of 16 million pixels: 13 s of decoding on main for a 36 KB attachment
    byte[] jpeg = scanBomb(4000, 199);
    assertThat(jpeg.length).isLessThan(40_000);
    MailImages.Decoded d = MailImages.qrCodes(jpeg);
    assertThat(d.texts()).isEmpty();
    assertThat(d.problem()).contains("a JPEG of 200 scans").contains("320,000,000");
    assertThat(d.problemJa()).contains("スキャン 200 回").contains("画素数").contains("320,000,000");
    // the same scans over a small picture are an ordinary decode
    assertThat(MailImages.qrCodes(scanBomb(64, 199)).problem()).isNull();
  }

  @Test
  void theSameJpegInsideAPdfIsNeitherDecodedNorDrawn() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      PDImageXObject image = JPEGFactory.createFromByteArray(doc, scanBomb(2000, 199));
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        c.drawImage(image, 10, 10, 500, 500);
      }
      pdf = MailImagesTest.saved(doc);
    }
    MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
    assertThat(d.problem()).contains("page 1").contains("image").contains("not drawn");
    assertThat(d.problemJa()).contains("1 ページ目").contains("画像");
  }

  @Test
  void aPngOfSixteenMillionPixelsOfEightBytesEachIsNotDecoded() throws Exception {
    // 16-bit RGBA: 128 MB once decoded, from a file of a few hundred kilobytes
    java.awt.image.ColorModel model =
        new java.awt.image.ComponentColorModel(
            java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
            true,
            false,
            java.awt.Transparency.TRANSLUCENT,
            java.awt.image.DataBuffer.TYPE_USHORT);
    BufferedImage wide =
        new BufferedImage(
            model,
            model.createCompatibleWritableRaster(4000, 4000),
            false,
            new java.util.Hashtable<>());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(wide, "png", out);
    MailImages.Decoded d = MailImages.qrCodes(out.toByteArray());
    assertThat(d.problem()).contains("67,108,864 bytes");
    assertThat(d.problemJa()).contains("67,108,864 バイト");
  }

  @Test
  void noImageIsDecodedOnceTheAnalysisIsOutOfTime() throws Exception {
    MailAnalyzer.Limits instant = MailAnalyzer.Limits.DEFAULT.withMaxTime(Duration.ofNanos(1));
    String eml =
        MailImagesTest.withImage(
            "MFA", "scan.png", MailImagesTest.qrPng("http://198.51.100.7/mfa", 300));
    MailReport r =
        new MailAnalyzer(instant, List.of(), List.of())
            .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.work().limitsReached()).anyMatch(l -> l.startsWith("analysis time"));
    assertThat(r.links()).noneMatch(l -> l.where() != null && l.where().startsWith("qr "));
    // with time, the same message gives its code
    MailReport timely =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(timely.links()).anyMatch(l -> "qr scan.png".equals(l.where()));
  }
}
