package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The pictures ZXing is not run on (too small to hold a code, a single grey level): the rule, its
 * boundary checked against ZXing itself, and codes of every usual kind still found.
 */
class MailImagesSkipTest {

  /** A code of {@code text} with {@code margin} light modules around it, {@code px} per module. */
  static BufferedImage code(String text, int px, int margin, ErrorCorrectionLevel level)
      throws Exception {
    BitMatrix bits =
        new QRCodeWriter()
            .encode(
                text,
                BarcodeFormat.QR_CODE,
                0,
                0,
                Map.of(EncodeHintType.MARGIN, margin, EncodeHintType.ERROR_CORRECTION, level));
    int side = bits.getWidth() * px;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, bits.get(x / px, y / px) ? 0x000000 : 0xFFFFFF);
      }
    }
    return image;
  }

  static byte[] encoded(BufferedImage image, String format) throws Exception {
    BufferedImage rgb = image;
    if (format.equals("jpg") || format.equals("gif")) {
      // the JDK's JPEG writer takes no alpha; its GIF writer takes an indexed picture
      rgb =
          new BufferedImage(
              image.getWidth(),
              image.getHeight(),
              format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      g.drawImage(image, 0, 0, null);
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(rgb, format, out)).as(format).isTrue();
    return out.toByteArray();
  }

  static BufferedImage scaled(BufferedImage image, double factor) {
    int w = (int) Math.round(image.getWidth() * factor);
    int h = (int) Math.round(image.getHeight() * factor);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** A message with the picture as a part: inline in a related HTML message, or attached. */
  static MailReport analysed(byte[] picture, String type, String name, boolean inline) {
    String eml =
        "From: Service Desk <desk@example-helpdesk.com>\r\nTo: a@example.jp\r\n"
            + "Subject: Re-enrol your authenticator\r\nMIME-Version: 1.0\r\n"
            + (inline
                ? "Content-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
                    + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                    + "<p>Scan the code below.</p><img src=\"cid:c1\">\r\n--B\r\n"
                    + "Content-Type: "
                    + type
                    + "\r\nContent-ID: <c1>\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: inline\r\n\r\n"
                : "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nSee the attachment.\r\n--B\r\n"
                    + "Content-Type: "
                    + type
                    + "\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=\""
                    + name
                    + "\"\r\n\r\n")
            + Base64.getMimeEncoder().encodeToString(picture)
            + "\r\n--B--\r\n";
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)));
  }

  static List<String> qrLinks(MailReport r) {
    List<String> out = new ArrayList<>();
    for (MailReport.Finding f : r.findings()) {
      if (f.flag() == RedFlag.QR_CODE_LINK) {
        out.add(f.evidence());
      }
    }
    return out;
  }

  /** What ZXing finds in a grey picture, read as {@link MailImages} reads it, without the rule. */
  static int zxingFinds(byte[] grey, int w, int h) {
    try {
      return new QRCodeMultiReader()
          .decodeMultiple(
              new BinaryBitmap(
                  new HybridBinarizer(new PlanarYUVLuminanceSource(grey, w, h, 0, 0, w, h, false))),
              Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .length;
    } catch (NotFoundException e) {
      return 0;
    }
  }

  @Test
  void theSizeRuleStopsBelowTheSmallestCodeZxingReads() throws Exception {
    assertThat(MailImages.tooSmallForQr(1, 1)).isTrue();
    assertThat(MailImages.tooSmallForQr(12, 12)).isTrue();
    assertThat(MailImages.tooSmallForQr(6, 2000)).isTrue();
    assertThat(MailImages.tooSmallForQr(2000, 6)).isTrue();
    assertThat(MailImages.tooSmallForQr(13, 12)).isFalse();
    assertThat(MailImages.tooSmallForQr(7, 20)).isFalse();
    assertThat(MailImages.tooSmallForQr(21, 21)).isFalse();
    // the smallest code there is, version 1, with and without its quiet zone, at two pixels a
    // module (ZXing reads none at one pixel a module, with the rule or without)
    for (int margin : new int[] {0, 1, 4}) {
      BufferedImage c = code("http://a.jp/x", 2, margin, ErrorCorrectionLevel.L);
      assertThat(c.getWidth()).isEqualTo(2 * (21 + 2 * margin));
      assertThat(MailImages.qrCodes(encoded(c, "png")).texts())
          .as("margin %d", margin)
          .containsExactly("http://a.jp/x");
    }
    // pictures the rule skips, of random pixels and of the corner of a real code, are read by
    // ZXing itself without result: over the rule's whole range of sizes
    Random random = new Random(20261216L);
    BufferedImage big = code("http://a.jp/x", 1, 0, ErrorCorrectionLevel.L);
    byte[] corner = MailImages.luminance(big);
    int tried = 0;
    for (int w = 1; w <= 40; w++) {
      for (int h = 1; h <= 40; h++) {
        if (!MailImages.tooSmallForQr(w, h)) {
          continue;
        }
        for (int round = 0; round < 20; round++) {
          byte[] grey = new byte[w * h];
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              grey[y * w + x] =
                  round % 2 == 0 && x < 21 && y < 21
                      ? corner[y * 21 + x]
                      : (byte) (random.nextBoolean() ? 0 : 255);
            }
          }
          assertThat(zxingFinds(grey, w, h)).as("%d x %d", w, h).isZero();
          tried++;
        }
      }
    }
    assertThat(tried).isGreaterThan(5_000);
  }

  @Test
  void aPictureOfOneGreyLevelIsNotSearchedAndZxingFindsNothingInIt() throws Exception {
    assertThat(MailImages.oneGreyLevel(new byte[] {5, 5, 5})).isTrue();
    assertThat(MailImages.oneGreyLevel(new byte[] {5, 5, 6})).isFalse();
    assertThat(MailImages.oneGreyLevel(new byte[] {7})).isTrue();
    for (int size : new int[] {13, 39, 40, 41, 300}) {
      for (int level : new int[] {0, 1, 24, 25, 127, 128, 254, 255}) {
        byte[] grey = new byte[size * size];
        java.util.Arrays.fill(grey, (byte) level);
        assertThat(MailImages.oneGreyLevel(grey)).isTrue();
        assertThat(zxingFinds(grey, size, size)).as("%d px at %d", size, level).isZero();
      }
    }
    BufferedImage white = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = white.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 200, 100);
    g.dispose();
    MailImages.Decoded d = MailImages.qrCodes(encoded(white, "png"));
    assertThat(d.texts()).isEmpty();
    assertThat(d.problem()).isNull();
  }

  @Test
  void codesInPngJpegAndGifInlineOrAttachedSmallOrScaledAreFound() throws Exception {
    String url = "http://198.51.100.7/mfa/enrol";
    BufferedImage[] pictures = {
      code(url, 2, 4, ErrorCorrectionLevel.M), // two pixels a module, the least ZXing reads
      code(url, 3, 4, ErrorCorrectionLevel.M),
      scaled(code(url, 4, 4, ErrorCorrectionLevel.M), 0.7), // 2.8 px per module, smoothed
      scaled(code(url, 2, 2, ErrorCorrectionLevel.M), 2.5)
    };
    String[][] formats = {{"png", "image/png"}, {"jpg", "image/jpeg"}, {"gif", "image/gif"}};
    for (int p = 0; p < pictures.length; p++) {
      for (String[] f : formats) {
        byte[] bytes = encoded(pictures[p], f[0]);
        for (boolean inline : new boolean[] {true, false}) {
          MailReport r = analysed(bytes, f[1], "code." + f[0], inline);
          assertThat(qrLinks(r))
              .as("picture %d as %s, %s", p, f[0], inline ? "inline" : "attached")
              .anySatisfy(e -> assertThat(e).endsWith("→ " + url));
        }
      }
    }
  }

  @Test
  void aCodeWithALogoInTheMiddleOrOnAPhotoIsFound() throws Exception {
    String url = "https://login.example-verify.net/secure";
    BufferedImage logo = code(url, 6, 4, ErrorCorrectionLevel.H);
    Graphics2D g = logo.createGraphics();
    int side = logo.getWidth();
    g.setColor(new Color(0xD0, 0x20, 0x30));
    g.fillRoundRect(side * 2 / 5, side * 2 / 5, side / 5, side / 5, 12, 12);
    g.setColor(Color.WHITE);
    g.drawString("Bank", side * 2 / 5 + 8, side / 2 + 4);
    g.dispose();
    // a photograph's worth of gradients and noise, the code on its own light square
    Random random = new Random(20261217L);
    BufferedImage photo = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < photo.getHeight(); y++) {
      for (int x = 0; x < photo.getWidth(); x++) {
        int r = Math.min(255, (x * 255 / 640 + random.nextInt(40)));
        int gr = Math.min(255, (y * 200 / 420 + random.nextInt(40)));
        int b =
            Math.min(255, (128 + (int) (60 * Math.sin(x / 25.0 + y / 40.0)) + random.nextInt(30)));
        photo.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    BufferedImage onPhoto = code(url, 4, 4, ErrorCorrectionLevel.Q);
    Graphics2D p = photo.createGraphics();
    p.drawImage(onPhoto, 300, 90, null);
    p.dispose();
    for (BufferedImage picture : new BufferedImage[] {logo, photo}) {
      for (String[] f : new String[][] {{"png", "image/png"}, {"jpg", "image/jpeg"}}) {
        for (boolean inline : new boolean[] {true, false}) {
          MailReport r = analysed(encoded(picture, f[0]), f[1], "scan." + f[0], inline);
          assertThat(qrLinks(r))
              .as("%d px wide as %s", picture.getWidth(), f[0])
              .anySatisfy(e -> assertThat(e).endsWith("→ " + url));
        }
      }
    }
  }
}
