package jp.renkei.engine.mail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Writes the worst cases of the QR search and of the unread middle (images23) as messages into the
 * directory {@code -Dmail.worst.out}, for {@code bench/mail-analysis-pair/run.sh time} to compare
 * two builds on them. Not part of the test run (nothing happens without the property):
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailHiddenLureBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dmail.worst.out=/tmp/worst
 * </pre>
 */
class MailHiddenLureBench {

  /** A photograph-like JPEG: smooth gradients and noise, {@code w} × {@code h}. */
  static byte[] photo(int w, int h, long seed) throws Exception {
    Random r = new Random(seed);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = (x * 255 / w + y * 255 / h) / 2;
        int n = r.nextInt(40);
        image.setRGB(x, y, (Math.min(255, v + n) << 16) | (v << 8) | Math.min(255, 255 - v + n));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  @Test
  void writeWorstCases() throws Exception {
    String dir = System.getProperty("mail.worst.out");
    if (dir == null) {
      return;
    }
    Path out = Files.createDirectories(Path.of(dir));
    // 199 distinct logos then the QR lure (200 MIME parts with the text)
    List<byte[]> logos = new ArrayList<>();
    for (int i = 0; i < 198; i++) {
      logos.add(MailHiddenLureTest.logo(200, 60, i));
    }
    logos.add(MailImagesTest.qrPng(MailHiddenLureTest.LURE_URL, 300));
    write(out, "199-images.eml", MailHiddenLureTest.withImages(logos));
    // about 24 MB of photographs (3000 x 2000 JPEGs), the QR lure last
    List<byte[]> photos = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; bytes < 17_000_000; i++) {
      byte[] p = photo(3000, 2000, i);
      photos.add(p);
      bytes += p.length;
    }
    photos.add(MailImagesTest.qrPng(MailHiddenLureTest.LURE_URL, 300));
    write(out, "photos-24mb.eml", MailHiddenLureTest.withImages(photos));
    // a PDF of 300 pages of text, the QR code on its last page
    write(out, "pdf-300-pages.eml", MailHiddenLureTest.withPdf(MailHiddenLureTest.pdf(300, 300)));
    // the QR code on the fourth page of four
    write(out, "pdf-page-4.eml", MailHiddenLureTest.withPdf(MailHiddenLureTest.pdf(4, 4)));
    // the lure between two walls of 70 K characters
    String wall = MailPaddingTest.prose(70_000);
    write(
        out,
        "lure-between-walls.eml",
        MailPaddingTest.plain(
            "Account suspended",
            wall
                + "\r\n\r\n"
                + MailPaddingTest.LURE_TEXT
                + MailPaddingTest.LURE_LINK
                + "\r\n\r\n"
                + wall));
    // 20 MB of prose in one part: the middle scanned whole
    write(
        out,
        "prose-20mb.eml",
        MailPaddingTest.plain("Garden club minutes", MailPaddingTest.prose(3_900_000)));
  }

  private static void write(Path dir, String name, String eml) throws Exception {
    Files.writeString(dir.resolve(name), eml, StandardCharsets.UTF_8);
    System.out.println(name + ": " + eml.length() + " bytes");
  }
}
