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
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.util.Matrix;
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

  /** A QR code as an image object of a document (a PNG of {@code pixels} square). */
  static org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject qrImage(
      PDDocument doc, String text, int pixels) throws Exception {
    return LosslessFactory.createFromImage(
        doc, ImageIO.read(new ByteArrayInputStream(qrPng(text, pixels))));
  }

  static byte[] saved(PDDocument doc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  /** A page of text and a picture without a code, as most PDF attachments are. */
  static void textPage(PDDocument doc, PDPage page, PDPageContentStream c) throws Exception {
    c.beginText();
    c.setFont(
        new org.apache.pdfbox.pdmodel.font.PDType1Font(
            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
        12);
    c.newLineAtOffset(72, 760);
    c.showText("Invoice 2026-11 - please pay within 3 days");
    c.endText();
    BufferedImage logo = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 120; x++) {
      for (int y = 0; y < 40; y++) {
        logo.setRGB(x, y, (x * 2) << 16 | (y * 6) << 8 | 0x40);
      }
    }
    c.drawImage(LosslessFactory.createFromImage(doc, logo), 72, 700, 120, 40);
  }

  static java.util.List<String> pdfTexts(byte[] pdf) {
    MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
    assertThat(d.problem()).isNull();
    return d.texts();
  }

  static boolean[] drawn(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return MailImages.scanPages(doc, new java.util.ArrayList<>());
    }
  }

  /**
   * Pages are rendered only when they may draw a code otherwise than as an image: a page of text
   * and pictures is not, nor one that paints a few rules and boxes; a page painting as many
   * rectangles as a code has runs of modules is.
   */
  @Test
  void aPageOfTextAndPicturesIsReadWithoutBeingDrawnManyPaintedRectanglesAreDrawn()
      throws Exception {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < 3; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          textPage(doc, page, c);
          // a clipping rectangle paints nothing
          c.addRect(0, 0, 100, 100);
          c.clip();
          // a rectangle stroked or filled is a mark; page 2 makes 12 + 12 + 2, page 3 as many as
          // needed
          int boxes = i == 0 ? 0 : i == 1 ? 12 : MailImages.MIN_CODE_MARKS / 2;
          for (int k = 0; k < boxes; k++) {
            c.addRect(50 + k, 50, 10, 10);
            c.stroke();
            c.addRect(50 + k, 80, 10, 10);
            c.fill();
          }
          if (i == 1) {
            c.moveTo(20, 20);
            c.lineTo(200, 20);
            c.stroke();
          }
        }
      }
      byte[] pdf = saved(doc);
      assertThat(drawn(pdf)).containsExactly(false, false, true);
      assertThat(pdfTexts(pdf)).isEmpty();
    }
  }

  /** A code drawn as rectangles on page 3, after two pages of text and pictures. */
  @Test
  void aCodeDrawnAsRectanglesOnThePageThreeIsFound() throws Exception {
    String url = "http://198.51.100.21/drawn/page3";
    try (PDDocument doc = Loader.loadPDF(qrPdf(url, true))) {
      for (int i = 0; i < 2; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.getPages().insertBefore(page, doc.getPage(0));
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          textPage(doc, page, c);
        }
      }
      byte[] pdf = saved(doc);
      assertThat(drawn(pdf)).containsExactly(false, false, true);
      assertThat(pdfTexts(pdf)).containsExactly(url);
    }
  }

  /**
   * A code written as text, a black square (ZapfDingbats ■) for each dark module: as one string a
   * row (runs of the same glyph), and as one glyph set in place at a time (many texts of one
   * glyph), each on page 1 and on page 3 after pages of text, rules and pictures; also a code made
   * of one small black image shown once for each dark module. Every one is drawn and found.
   */
  @Test
  void aCodeWrittenInSquareGlyphsOrStampedFromOneImageIsDrawnAndFound() throws Exception {
    org.apache.pdfbox.pdmodel.font.PDType1Font dingbats =
        new org.apache.pdfbox.pdmodel.font.PDType1Font(
            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.ZAPF_DINGBATS);
    for (String way : new String[] {"rows", "glyphs", "stamps"}) {
      for (int onPage : new int[] {0, 2}) {
        String url = "http://198.51.100.31/" + way + "/" + (onPage + 1);
        BitMatrix bits = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0);
        try (PDDocument doc = new PDDocument()) {
          BufferedImage black = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
          org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject stamp =
              LosslessFactory.createFromImage(doc, black);
          for (int i = 0; i < 3; i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
              textPage(doc, page, c);
              c.moveTo(72, 690);
              c.lineTo(520, 690);
              c.stroke();
              if (i != onPage) {
                continue;
              }
              float module = 7;
              // ■ is a square of 0.691 em advancing 0.761 em: a little over a module, set a module
              // apart
              float size = module / 0.691f * 1.05f;
              for (int y = 0; y < bits.getHeight(); y++) {
                float top = 600 - y * module;
                if (way.equals("rows")) {
                  StringBuilder row = new StringBuilder();
                  for (int x = 0; x < bits.getWidth(); x++) {
                    row.append(bits.get(x, y) ? '\u25A0' : ' ');
                  }
                  c.beginText();
                  c.setFont(dingbats, size);
                  c.setCharacterSpacing(module - 0.761f * size);
                  c.setWordSpacing((0.761f - 0.278f) * size); // a space as wide as a square
                  c.newLineAtOffset(100, top);
                  c.showText(row.toString().stripTrailing());
                  c.endText();
                  continue;
                }
                for (int x = 0; x < bits.getWidth(); x++) {
                  if (!bits.get(x, y)) {
                    continue;
                  }
                  if (way.equals("glyphs")) {
                    c.beginText();
                    c.setFont(dingbats, size);
                    c.newLineAtOffset(100 + x * module, top);
                    c.showText("\u25A0");
                    c.endText();
                  } else {
                    c.drawImage(stamp, 100 + x * module, top, module, module);
                  }
                }
              }
            }
          }
          byte[] pdf = saved(doc);
          boolean[] expected = new boolean[3];
          expected[onPage] = true;
          assertThat(drawn(pdf)).as(way).containsExactly(expected);
          assertThat(pdfTexts(pdf)).as(way).containsExactly(url);
        }
      }
    }
  }

  /**
   * A glyph five times in a row counts, one byte or two; fewer, or a run of a glyph that draws
   * nothing (the space of a standard font, a footer's padding), does not.
   */
  @Test
  void aRunOfOneGlyphCountsUnlessTheGlyphIsBlank() throws Exception {
    org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
    org.apache.pdfbox.cos.COSName helvetica =
        resources.add(
            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
    byte[] five = "ab.....c".getBytes(StandardCharsets.ISO_8859_1);
    byte[] four = "ab....c".getBytes(StandardCharsets.ISO_8859_1);
    byte[] spaces = "          1 / 1".getBytes(StandardCharsets.ISO_8859_1);
    byte[] twoByte = {0, 3, 1, 7, 1, 7, 1, 7, 1, 7, 1, 7, 0, 9};
    byte[] twoByteFour = {0, 3, 1, 7, 1, 7, 1, 7, 1, 7, 0, 9};
    assertThat(MailImages.repeatsAGlyph(five, resources, helvetica)).isTrue();
    assertThat(MailImages.repeatsAGlyph(four, resources, helvetica)).isFalse();
    assertThat(MailImages.repeatsAGlyph(spaces, resources, helvetica)).isFalse();
    assertThat(MailImages.repeatsAGlyph(spaces, resources, null)).isTrue(); // no font: not known
    assertThat(MailImages.repeatsAGlyph(twoByte, resources, helvetica)).isTrue();
    assertThat(MailImages.repeatsAGlyph(twoByteFour, resources, helvetica)).isFalse();
  }

  /**
   * Why {@link MailImages#MIN_CODE_MARKS} is safe: every code ZXing writes for 2,000 random texts
   * (1 to 40 characters, each error-correction level) has at least twice as many runs of dark
   * modules in its rows, and in its columns, as the marks that make a page drawn.
   */
  @Test
  void everyCodeHasTwiceTheMarksThatMakeAPageDrawn() throws Exception {
    java.util.Random random = new java.util.Random(19);
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789/.-:";
    int fewest = Integer.MAX_VALUE;
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 1 + random.nextInt(40); k > 0; k--) {
        text.append(letters.charAt(random.nextInt(letters.length())));
      }
      com.google.zxing.qrcode.decoder.ErrorCorrectionLevel level =
          com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.values()[i % 4];
      BitMatrix bits =
          new QRCodeWriter()
              .encode(
                  i % 2 == 0 ? text.toString() : text.toString().toUpperCase(),
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  java.util.Map.of(com.google.zxing.EncodeHintType.ERROR_CORRECTION, level));
      int rows = 0;
      int columns = 0;
      for (int a = 0; a < bits.getWidth(); a++) {
        for (int b = 0; b < bits.getHeight(); b++) {
          rows += bits.get(b, a) && (b == 0 || !bits.get(b - 1, a)) ? 1 : 0;
          columns += bits.get(a, b) && (b == 0 || !bits.get(a, b - 1)) ? 1 : 0;
        }
      }
      fewest = Math.min(fewest, Math.min(rows, columns));
    }
    assertThat(fewest).isGreaterThanOrEqualTo(2 * MailImages.MIN_CODE_MARKS);
  }

  /** A code image on page 3, inside a form inside a form, drawn rotated and scaled. */
  @Test
  void aCodeImageInsideNestedFormsRotatedAndScaledOnPageThreeIsFoundWithoutDrawing()
      throws Exception {
    String url = "http://198.51.100.22/form/rotated";
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < 3; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          textPage(doc, page, c);
          if (i == 2) {
            PDFormXObject inner = new PDFormXObject(doc);
            inner.setBBox(new PDRectangle(0, 0, 300, 300));
            inner.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            try (PDFormContentStream f = new PDFormContentStream(inner)) {
              f.transform(Matrix.getRotateInstance(Math.toRadians(33), 150, 20));
              f.drawImage(qrImage(doc, url, 250), 0, 0, 130, 90);
            }
            PDFormXObject outer = new PDFormXObject(doc);
            outer.setBBox(new PDRectangle(0, 0, 400, 400));
            outer.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            try (PDFormContentStream f = new PDFormContentStream(outer)) {
              f.transform(Matrix.getScaleInstance(1.2f, 0.8f));
              f.drawForm(inner);
            }
            c.saveGraphicsState();
            c.transform(Matrix.getTranslateInstance(100, 200));
            c.drawForm(outer);
            c.restoreGraphicsState();
          }
        }
      }
      byte[] pdf = saved(doc);
      assertThat(drawn(pdf)).containsExactly(false, false, false);
      assertThat(pdfTexts(pdf)).containsExactly(url);
    }
  }

  /** Two code images on one page: both found. */
  @Test
  void twoCodesOnOnePageAreBothFound() throws Exception {
    String one = "http://198.51.100.23/one";
    String two = "https://login.example-secure-mail.com/two";
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        textPage(doc, page, c);
        c.drawImage(qrImage(doc, one, 200), 60, 300, 150, 150);
        c.drawImage(qrImage(doc, two, 200), 300, 300, 150, 150);
      }
      byte[] pdf = saved(doc);
      assertThat(drawn(pdf)).containsExactly(false);
      assertThat(pdfTexts(pdf)).containsExactlyInAnyOrder(one, two);
    }
  }

  /**
   * A code that the page shows only through a mask: a stencil image painted in the fill colour, and
   * an image whose soft mask makes the code (the colours behind it black everywhere): the page is
   * rendered and the code found as the page shows it.
   */
  @Test
  void aCodeShownThroughAStencilOrASoftMaskIsFoundOnTheRenderedPage() throws Exception {
    String url = "http://198.51.100.24/masked";
    BitMatrix bits = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 250, 250);
    BufferedImage stencil = new BufferedImage(250, 250, BufferedImage.TYPE_BYTE_BINARY);
    BufferedImage alpha = new BufferedImage(250, 250, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 250; y++) {
      for (int x = 0; x < 250; x++) {
        stencil.setRGB(x, y, bits.get(x, y) ? 0 : 0xFFFFFF);
        alpha.setRGB(x, y, bits.get(x, y) ? 0xFF000000 : 0x00000000);
      }
    }
    for (int kind = 0; kind < 2; kind++) {
      try (PDDocument doc = new PDDocument()) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          textPage(doc, page, c);
          if (kind == 0) {
            c.setNonStrokingColor(java.awt.Color.BLACK);
            c.drawImage(
                org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                    doc, stencil),
                100,
                300,
                200,
                200);
          } else {
            c.drawImage(LosslessFactory.createFromImage(doc, alpha), 100, 300, 200, 200);
          }
        }
        if (kind == 0) {
          // the 1-bit image made a stencil: it paints the fill colour where its bits are 0
          org.apache.pdfbox.cos.COSDictionary image =
              (org.apache.pdfbox.cos.COSDictionary)
                  page.getResources()
                      .getCOSObject()
                      .getCOSDictionary(org.apache.pdfbox.cos.COSName.XOBJECT)
                      .getDictionaryObject(org.apache.pdfbox.cos.COSName.getPDFName("Im2"));
          image.setBoolean(org.apache.pdfbox.cos.COSName.IMAGE_MASK, true);
          image.removeItem(org.apache.pdfbox.cos.COSName.COLORSPACE);
        }
        byte[] pdf = saved(doc);
        // the stencil needs the page drawn; the soft-masked image is read over white directly
        assertThat(drawn(pdf)).as("kind " + kind).containsExactly(kind == 0);
        assertThat(pdfTexts(pdf)).as("kind " + kind).containsExactly(url);
      }
    }
  }

  /**
   * Bounds of the scan: forms nested deeper than it follows, a form that draws itself, more images
   * than it decodes, an image larger than it decodes: the page is handed to the renderer as before
   * (no hang, no failure), and a code beyond the bounds is still found where the renderer can draw
   * it.
   */
  @Test
  void formsTooDeepOrDrawingThemselvesAndTooManyImagesEndTheScanNotTheAnalysis() throws Exception {
    String url = "http://198.51.100.25/deep";
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFormXObject form = new PDFormXObject(doc);
      form.setBBox(PDRectangle.A4);
      form.setResources(new org.apache.pdfbox.pdmodel.PDResources());
      try (PDFormContentStream f = new PDFormContentStream(form)) {
        f.drawImage(qrImage(doc, url, 250), 100, 300, 200, 200);
      }
      for (int i = 0; i < 40; i++) {
        PDFormXObject outer = new PDFormXObject(doc);
        outer.setBBox(PDRectangle.A4);
        outer.setResources(new org.apache.pdfbox.pdmodel.PDResources());
        try (PDFormContentStream f = new PDFormContentStream(outer)) {
          f.drawForm(form);
        }
        form = outer;
      }
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        c.drawForm(form);
      }
      byte[] pdf = saved(doc);
      assertThat(drawn(pdf)).containsExactly(true);
      assertThat(MailImages.pdfQrCodes(pdf).texts()).containsExactly(url);
    }
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFormXObject form = new PDFormXObject(doc);
      form.setBBox(PDRectangle.A4);
      org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
      form.setResources(resources);
      try (PDFormContentStream f = new PDFormContentStream(form)) {
        f.drawImage(qrImage(doc, url, 250), 100, 300, 200, 200);
        f.drawForm(form);
      }
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        c.drawForm(form);
      }
      byte[] pdf = saved(doc);
      assertThat(drawn(pdf)).containsExactly(false);
      MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
      assertThat(d.texts()).containsExactly(url);
    }
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        for (int i = 0; i < MailImages.MAX_PDF_IMAGES; i++) {
          BufferedImage blank = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
          blank.setRGB(i % 20, i / 20, 0xFFFFFF);
          c.drawImage(LosslessFactory.createFromImage(doc, blank), 10 + 30 * i, 780, 20, 20);
        }
        c.drawImage(qrImage(doc, url, 250), 100, 300, 200, 200);
      }
      byte[] pdf = saved(doc);
      assertThat(drawn(pdf)).containsExactly(true);
      assertThat(MailImages.pdfQrCodes(pdf).texts()).containsExactly(url);
    }
  }

  /**
   * An image object claiming 100,000 × 100,000 pixels (ten billion) over a few bytes, alone on its
   * page or beside a drawn path: not decoded directly, and the page, drawn for the path, costs no
   * ten-billion-pixel raster: the analysis gives its verdict, no OutOfMemoryError.
   */
  @Test
  void anImageInAPdfClaimingTenBillionPixelsIsNeitherDecodedNorDrawn() throws Exception {
    for (boolean path : new boolean[] {false, true}) {
      try (PDDocument doc = new PDDocument()) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
          c.drawImage(LosslessFactory.createFromImage(doc, small), 100, 300, 200, 200);
          if (path) {
            c.addRect(50, 50, 10, 10);
            c.fill();
          }
        }
        org.apache.pdfbox.cos.COSDictionary image =
            (org.apache.pdfbox.cos.COSDictionary)
                page.getResources()
                    .getCOSObject()
                    .getCOSDictionary(org.apache.pdfbox.cos.COSName.XOBJECT)
                    .getDictionaryObject(org.apache.pdfbox.cos.COSName.getPDFName("Im1"));
        image.setInt(org.apache.pdfbox.cos.COSName.WIDTH, 100_000);
        image.setInt(org.apache.pdfbox.cos.COSName.HEIGHT, 100_000);
        byte[] pdf = saved(doc);
        MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
        assertThat(d.texts()).isEmpty();
        MailReport r = HostileMailTest.withPdf(pdf);
        assertThat(r.verdict()).as("path " + path).isNotNull();
      }
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
    // pdf35: pictures decoded in red, green, blue (, alpha) order (MailImages.inOrderBytes), and
    // such pictures made here with every byte value
    for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
      BufferedImage made = new BufferedImage(61, 47, type);
      for (int y = 0; y < 47; y++) {
        for (int x = 0; x < 61; x++) {
          made.setRGB(x, y, random.nextInt());
        }
      }
      for (String format : new String[] {"png", "jpg", "bmp"}) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(made, format, out)) {
          continue; // the JDK writes no alpha in a JPEG or a BMP
        }
        try (javax.imageio.stream.ImageInputStream in =
            ImageIO.createImageInputStream(new ByteArrayInputStream(out.toByteArray()))) {
          javax.imageio.ImageReader reader = ImageIO.getImageReaders(in).next();
          reader.setInput(in);
          javax.imageio.ImageTypeSpecifier inOrder = MailImages.inOrderBytes(reader);
          assertThat(inOrder != null).as(format).isEqualTo(format.equals("png"));
          if (inOrder != null) {
            javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
            param.setDestinationType(inOrder);
            BufferedImage decoded = reader.read(0, param);
            assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
            images.add(decoded);
            images.add(decoded.getSubimage(4, 3, 30, 20));
            BufferedImage usual = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(MailImages.luminance(decoded)).isEqualTo(MailImages.luminance(usual));
          }
        }
      }
      BufferedImage custom =
          new javax.imageio.ImageTypeSpecifier(
                  new java.awt.image.ComponentColorModel(
                      java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
                      type == BufferedImage.TYPE_INT_ARGB,
                      false,
                      type == BufferedImage.TYPE_INT_ARGB
                          ? java.awt.Transparency.TRANSLUCENT
                          : java.awt.Transparency.OPAQUE,
                      java.awt.image.DataBuffer.TYPE_BYTE),
                  new java.awt.image.PixelInterleavedSampleModel(
                      java.awt.image.DataBuffer.TYPE_BYTE,
                      61,
                      47,
                      type == BufferedImage.TYPE_INT_ARGB ? 4 : 3,
                      61 * (type == BufferedImage.TYPE_INT_ARGB ? 4 : 3),
                      type == BufferedImage.TYPE_INT_ARGB
                          ? new int[] {0, 1, 2, 3}
                          : new int[] {0, 1, 2}))
              .createBufferedImage(61, 47);
      random.nextBytes(
          ((java.awt.image.DataBufferByte) custom.getRaster().getDataBuffer()).getData());
      images.add(custom);
      images.add(custom.getSubimage(5, 7, 40, 33));
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
    for (int i = 0; i <= MailAttachments.DECODED; i++) {
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
