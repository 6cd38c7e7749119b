package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;

/**
 * Lures hidden behind the analyser's counts (images23): a QR code after a row of logos, on a PDF's
 * fourth page, wording between two walls of text. Each is found, or what was left unsearched is
 * BEYOND_LIMITS saying what; small pictures and copies of one picture do not use up the counts.
 */
class MailHiddenLureTest {

  static final String LURE_URL = "http://198.51.100.7/mfa/login";

  static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  /** A logo-like picture: {@code w} × {@code h} of coloured noise, different for each seed. */
  static byte[] logo(int w, int h, long seed) throws Exception {
    Random r = new Random(seed);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, ((x / 8 + y / 8) % 2 == 0) ? r.nextInt(0xFFFFFF) : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A newsletter-like message with these images inline, in this order. */
  static String withImages(List<byte[]> images) {
    StringBuilder b =
        new StringBuilder(
            "From: IT Support <support@example-helpdesk.com>\r\nTo: a@example.jp\r\n"
                + "Subject: MFA re-enrolment\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Scan the code with your phone to keep your mailbox.\r\n");
    for (int i = 0; i < images.size(); i++) {
      b.append("--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n")
          .append("Content-ID: <img")
          .append(i)
          .append(">\r\nContent-Disposition: inline; filename=\"img")
          .append(i)
          .append(".png\"\r\n\r\n")
          .append(Base64.getMimeEncoder().encodeToString(images.get(i)))
          .append("\r\n");
    }
    return b.append("--B--\r\n").toString();
  }

  static boolean hasQrLink(MailReport r) {
    return r.links().stream().anyMatch(l -> l.url().equals(LURE_URL))
        && r.findings().stream().anyMatch(f -> f.flag() == RedFlag.QR_CODE_LINK);
  }

  static List<MailReport.Finding> beyond(MailReport r) {
    return r.findings().stream().filter(f -> f.flag() == RedFlag.BEYOND_LIMITS).toList();
  }

  @Test
  void aQrLureAfterTenLogosIsFound() throws Exception {
    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      images.add(logo(200, 60, i));
    }
    images.add(MailImagesTest.qrPng(LURE_URL, 300));
    MailReport r = analyze(withImages(images));
    assertThat(hasQrLink(r)).isTrue();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(beyond(r)).isEmpty();
  }

  @Test
  void aQrLureAfterLargePicturesIsSearchedFirst() throws Exception {
    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      images.add(logo(1600, 1200, i));
    }
    images.add(MailImagesTest.qrPng(LURE_URL, 300));
    MailReport r = analyze(withImages(images));
    assertThat(hasQrLink(r)).isTrue();
  }

  @Test
  void trackingPixelsAndCopiesOfOneLogoDoNotUseUpTheCount() throws Exception {
    List<byte[]> images = new ArrayList<>();
    byte[] same = logo(200, 60, 7);
    for (int i = 0; i < MailImages.MAX_IMAGES / 2 + 10; i++) { // 120 pictures, 200 MIME parts
      images.add(logo(1 + i % 12, 1, i));
      images.add(same);
    }
    images.add(MailImagesTest.qrPng(LURE_URL, 300));
    MailReport r = analyze(withImages(images));
    assertThat(hasQrLink(r)).isTrue();
    assertThat(beyond(r)).isEmpty();
  }

  @Test
  void moreDistinctImagesThanSearchedIsBeyondLimitsSayingHowMany() throws Exception {
    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < MailImages.MAX_IMAGES + 3; i++) {
      images.add(logo(40, 40, i));
    }
    MailReport r = analyze(withImages(images));
    assertThat(beyond(r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence())
                  .contains("3 image(s) or PDF(s) not searched for QR codes")
                  .contains("over " + MailImages.MAX_IMAGES);
              assertThat(f.evidenceJa()).contains("3 個は QR コードを探していません");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  /** A PDF of {@code pages} pages of text, the QR code as an image on page {@code qrPage}. */
  static byte[] pdf(int pages, int qrPage) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          c.beginText();
          c.setFont(font, 11);
          c.newLineAtOffset(60, 780);
          c.showText("Terms and conditions, page " + p + ". Please read carefully.");
          c.endText();
          if (p == qrPage) {
            c.drawImage(
                LosslessFactory.createFromImage(
                    doc,
                    ImageIO.read(new ByteArrayInputStream(MailImagesTest.qrPng(LURE_URL, 250)))),
                150,
                300,
                250,
                250);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static String withPdf(byte[] pdf) {
    return "From: Payroll <payroll@example-hr.com>\r\nTo: a@example.jp\r\n"
        + "Subject: Salary adjustment 2026\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nSee the attached document.\r\n--B\r\n"
        + "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\"salary.pdf\"\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(pdf)
        + "\r\n--B--\r\n";
  }

  @Test
  void aQrLureOnAPdfsFourthPageIsFound() throws Exception {
    MailReport r = analyze(withPdf(pdf(4, 4)));
    assertThat(hasQrLink(r)).isTrue();
    assertThat(beyond(r)).isEmpty();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPdfLongerThanWhatIsSearchedIsBeyondLimitsNamingThePages() throws Exception {
    int pages = MailImages.MAX_PDF_PAGES + 5;
    MailReport r = analyze(withPdf(pdf(pages, pages)));
    assertThat(beyond(r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence())
                  .contains("salary.pdf")
                  .contains("pages " + (MailImages.MAX_PDF_PAGES + 1) + "–" + pages);
              assertThat(f.evidenceJa()).contains("QR コードを探していません");
            });
  }

  /**
   * A lure between two walls of prose, each longer than what is read of either end: its wording
   * still gives the lure's signs (not only BEYOND_LIMITS), as unpadded.
   */
  @Test
  void aLureBetweenTwoWallsKeepsItsWordingSigns() {
    String lure = MailPaddingTest.LURE_TEXT + MailPaddingTest.LURE_LINK;
    MailReport alone = analyze(MailPaddingTest.plain("Account suspended", lure));
    String wall = MailPaddingTest.prose(70_000);
    MailReport padded =
        analyze(
            MailPaddingTest.plain(
                "Account suspended", wall + "\r\n\r\n" + lure + "\r\n\r\n" + wall));
    assertThat(MailPaddingTest.flags(padded))
        .containsAll(MailPaddingTest.flags(alone))
        .contains(RedFlag.BEYOND_LIMITS);
    assertThat(padded.verdict().ordinal()).isGreaterThanOrEqualTo(alone.verdict().ordinal());
  }

  /** The same in HTML, the lure a paragraph with its link between two hidden walls. */
  @Test
  void anHtmlLureBetweenTwoWallsKeepsItsWordingSigns() {
    String lure =
        "<p>"
            + MailPaddingTest.LURE_TEXT
            + "<a href=\""
            + MailPaddingTest.LURE_LINK
            + "\">"
            + MailPaddingTest.LURE_LINK
            + "</a></p>";
    MailReport alone = analyze(MailPaddingTest.html("Account suspended", lure));
    String wall = "<p>" + MailPaddingTest.prose(70_000) + "</p>";
    MailReport padded = analyze(MailPaddingTest.html("Account suspended", wall + lure + wall));
    assertThat(MailPaddingTest.flags(padded)).containsAll(MailPaddingTest.flags(alone));
    assertThat(padded.verdict().ordinal()).isGreaterThanOrEqualTo(alone.verdict().ordinal());
  }
}
