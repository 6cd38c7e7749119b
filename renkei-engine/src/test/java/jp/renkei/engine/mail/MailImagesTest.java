package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;

/** QR codes in images (quishing): decoded, treated as links, within limits. */
class MailImagesTest {

  static byte[] qrPng(String text, int size) throws Exception {
    BitMatrix bits = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size);
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, bits.get(x, y) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static String withImage(String subject, String name, byte[] png) {
    return "From: IT Support <support@example-helpdesk.com>\r\nTo: a@example.jp\r\n"
        + "Subject: "
        + subject
        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nScan the code with your phone.\r\n--B\r\n"
        + "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: inline; filename=\""
        + name
        + "\"\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(png)
        + "\r\n--B--\r\n";
  }

  @Test
  void aQrCodeInAnImageBecomesALinkAndIsJudgedLikeOne() throws Exception {
    String eml =
        withImage("MFA re-enrolment", "scan.png", qrPng("http://198.51.100.7/mfa/login", 300));
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.links())
        .anySatisfy(
            l -> {
              assertThat(l.url()).isEqualTo("http://198.51.100.7/mfa/login");
              assertThat(l.where()).isEqualTo("qr scan.png");
            });
    assertThat(r.findings())
        .extracting(MailReport.Finding::flag)
        .contains(RedFlag.QR_CODE_LINK, RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anImageWithoutACodeOrNotAnImageAtAllIsNoFindingAndNoFailure() throws Exception {
    BufferedImage blank = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(blank, "png", out);
    assertThat(MailImages.qrCodes(out.toByteArray()).texts()).isEmpty();
    byte[] broken = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    MailImages.Decoded d = MailImages.qrCodes(broken);
    assertThat(d.texts()).isEmpty();
    assertThat(d.problem()).contains("not a readable image");
    String eml = withImage("photo", "broken.png", broken);
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.problems())
        .anySatisfy(
            p -> {
              assertThat(p.en()).contains("broken.png", "not a readable image");
              assertThat(p.ja()).contains("broken.png", "画像として読めません");
            });
  }

  @Test
  void anImageClaimingHugeDimensionsIsNotDecoded() throws Exception {
    byte[] png = qrPng("http://example.com/", 100);
    // the IHDR chunk's width and height (bytes 16-23) claim 100,000 x 100,000 pixels
    byte[] big = png.clone();
    int side = 100_000;
    for (int i = 0; i < 2; i++) {
      big[16 + 4 * i] = (byte) (side >>> 24);
      big[17 + 4 * i] = (byte) (side >>> 16);
      big[18 + 4 * i] = (byte) (side >>> 8);
      big[19 + 4 * i] = (byte) side;
    }
    MailImages.Decoded d = MailImages.qrCodes(big);
    assertThat(d.texts()).isEmpty();
    assertThat(d.problem()).contains("pixels");
  }

  /** A one-page PDF holding the QR code of a text as an embedded image, or drawn as squares. */
  static byte[] qrPdf(String text, boolean vector) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        if (vector) {
          BitMatrix bits = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
          float module = 6;
          c.setNonStrokingColor(java.awt.Color.BLACK);
          for (int y = 0; y < bits.getHeight(); y++) {
            for (int x = 0; x < bits.getWidth(); x++) {
              if (bits.get(x, y)) {
                c.addRect(100 + x * module, 600 - y * module, module, module);
              }
            }
          }
          c.fill();
        } else {
          BufferedImage image = ImageIO.read(new ByteArrayInputStream(qrPng(text, 300)));
          c.drawImage(LosslessFactory.createFromImage(doc, image), 100, 400, 200, 200);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aQrCodeInAPdfAttachmentBecomesALinkWhetherAnImageOrDrawn() throws Exception {
    for (boolean vector : new boolean[] {false, true}) {
      String url = "http://198.51.100.9/" + (vector ? "drawn" : "image") + "/login";
      String eml =
          withImage("Invoice", "invoice.pdf", qrPdf(url, vector))
              .replace("Content-Type: image/png", "Content-Type: application/pdf");
      MailReport r =
          new MailAnalyzer()
              .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
      assertThat(r.links())
          .as("vector " + vector)
          .anySatisfy(
              l -> {
                assertThat(l.url()).isEqualTo(url);
                assertThat(l.where()).isEqualTo("qr invoice.pdf");
              });
      assertThat(r.findings())
          .extracting(MailReport.Finding::flag)
          .contains(RedFlag.QR_CODE_LINK, RedFlag.SUSPICIOUS_LINK);
    }
  }

  @Test
  void aBrokenOrEncryptedPdfIsAProblemInBothLanguagesNotAFailure() throws Exception {
    byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage".getBytes();
    MailImages.Decoded d = MailImages.pdfQrCodes(broken);
    assertThat(d.texts()).isEmpty();
    assertThat(d.problem()).contains("not a readable PDF");
    assertThat(d.problemJa()).contains("PDF として読めません");
    byte[] encrypted;
    try (PDDocument doc = Loader.loadPDF(qrPdf("http://198.51.100.9/x", false))) {
      doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      encrypted = out.toByteArray();
    }
    MailImages.Decoded e = MailImages.pdfQrCodes(encrypted);
    assertThat(e.texts()).isEmpty();
    assertThat(e.problem()).isEqualTo("an encrypted PDF");
    assertThat(e.problemJa()).isEqualTo("暗号化された PDF です");
  }

  /**
   * The grey levels read from the raster are exactly those ZXing computes from getRGB, for every
   * image layout (the fast ones and those left to getRGB), sub-images, and images as decoders give
   * them: what the QR search sees does not change.
   */
  @Test
  void greyLevelsReadFromTheRasterAreThoseOfGetRgb() throws Exception {
    java.util.Random random = new java.util.Random(19);
    java.util.List<BufferedImage> images = new java.util.ArrayList<>();
    int[] types = {
      BufferedImage.TYPE_INT_RGB,
      BufferedImage.TYPE_INT_ARGB,
      BufferedImage.TYPE_INT_ARGB_PRE,
      BufferedImage.TYPE_INT_BGR,
      BufferedImage.TYPE_3BYTE_BGR,
      BufferedImage.TYPE_4BYTE_ABGR,
      BufferedImage.TYPE_4BYTE_ABGR_PRE,
      BufferedImage.TYPE_BYTE_GRAY,
      BufferedImage.TYPE_USHORT_GRAY,
      BufferedImage.TYPE_BYTE_BINARY,
      BufferedImage.TYPE_BYTE_INDEXED,
      BufferedImage.TYPE_USHORT_565_RGB
    };
    for (int type : types) {
      BufferedImage image = new BufferedImage(37, 23, type);
      for (int y = 0; y < 23; y++) {
        for (int x = 0; x < 37; x++) {
          image.setRGB(x, y, random.nextInt());
        }
      }
      images.add(image);
      images.add(image.getSubimage(3, 5, 20, 11));
    }
    byte[] png = qrPng("https://example.com/qr?" + "x".repeat(40), 120);
    BufferedImage colour = ImageIO.read(new ByteArrayInputStream(png));
    for (String format : new String[] {"png", "jpg", "gif", "bmp"}) {
      BufferedImage rgb = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 120; y++) {
        for (int x = 0; x < 120; x++) {
          rgb.setRGB(x, y, (colour.getRGB(x, y) & 0x7f7fff) ^ (x * 2 << 8));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(rgb, format, out);
      images.add(ImageIO.read(new ByteArrayInputStream(out.toByteArray())));
      BufferedImage grey = new BufferedImage(120, 120, BufferedImage.TYPE_BYTE_GRAY);
      grey.getGraphics().drawImage(rgb, 0, 0, null);
      out.reset();
      ImageIO.write(grey, format, out);
      images.add(ImageIO.read(new ByteArrayInputStream(out.toByteArray())));
    }
    for (BufferedImage image : images) {
      int w = image.getWidth();
      int h = image.getHeight();
      byte[] expected =
          new com.google.zxing.RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w))
              .getMatrix();
      assertThat(MailImages.luminance(image)).as("type " + image.getType()).isEqualTo(expected);
    }
  }

  /**
   * One analyser remembers what it decoded by SHA-256 (campaigns repeat their pictures): a message
   * read again reports exactly what a fresh analyser reports, and another picture, even of the same
   * size and in the same message position, is decoded for itself.
   */
  @Test
  void decodedPicturesAreRememberedByTheirBytesNotByTheirPlace() throws Exception {
    MailAnalyzer one = new MailAnalyzer();
    java.util.List<String> urls = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      urls.add("http://198.51.100." + (10 + i) + "/mfa/login");
    }
    for (int round = 0; round < 2; round++) {
      for (String url : urls) {
        byte[] eml =
            withImage("MFA re-enrolment", "scan.png", qrPng(url, 300))
                .getBytes(StandardCharsets.UTF_8);
        MailReport again = one.analyze(new ByteArrayInputStream(eml));
        MailReport fresh = new MailAnalyzer().analyze(new ByteArrayInputStream(eml));
        assertThat(again).isEqualTo(fresh);
        assertThat(again.links()).extracting(MailReport.Link::url).contains(url);
        assertThat(again.links())
            .extracting(MailReport.Link::url)
            .doesNotContainAnyElementsOf(urls.stream().filter(u -> !u.equals(url)).toList());
      }
    }
    // more pictures than it keeps: the oldest are decoded again, with the same result
    for (int i = 0; i <= MailAnalyzer.DECODED; i++) {
      BufferedImage blank = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
      blank.setRGB(i % 30, i / 30, 0xFFFFFF);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(blank, "png", out);
      one.analyze(
          new ByteArrayInputStream(
              withImage("x", "b.png", out.toByteArray()).getBytes(StandardCharsets.UTF_8)));
    }
    byte[] first =
        withImage("MFA re-enrolment", "scan.png", qrPng(urls.get(0), 300))
            .getBytes(StandardCharsets.UTF_8);
    assertThat(one.analyze(new ByteArrayInputStream(first)))
        .isEqualTo(new MailAnalyzer().analyze(new ByteArrayInputStream(first)));
  }
}
