package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * PDFs that are small on disk and cost without end to draw, the way the QR search draws their first
 * pages: Form XObjects that each draw the next ten times, eight levels deep (a page of a hundred
 * million fills in 2 KB: drawn, it held the analysing thread for hours, past the 10 s the analysis
 * has, since the time was only looked at between attachments), and an image announcing 40,000 ×
 * 40,000 pixels drawn through a form (PDFBox decoded it whole while drawing: 1.6 GB for a 2 MB
 * attachment; the embedded-image pass skips it, the drawing did not). Each is answered with a
 * problem naming the limit, and the search ends.
 */
class PdfBombTest {

  /** A page drawing form 0; form i draws form i+1 {@code wide} times; the last one fills a box. */
  static byte[] nestedForms(int wide, int deep) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDFormXObject next = null;
      for (int level = deep; level >= 0; level--) {
        PDFormXObject form = new PDFormXObject(new PDStream(doc));
        form.setBBox(new PDRectangle(0, 0, 600, 800));
        PDResources resources = new PDResources();
        StringBuilder ops = new StringBuilder();
        if (next == null) {
          ops.append("0 0 1 rg 10 10 4 4 re f\n");
        } else {
          resources.put(COSName.getPDFName("F"), next);
          for (int i = 0; i < wide; i++) {
            ops.append("q /F Do Q\n");
          }
        }
        form.setResources(resources);
        try (OutputStream out = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
          out.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
        }
        next = form;
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawForm(next);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  /** A page drawing, through a form, a grey image of {@code side} × {@code side} zero pixels. */
  static byte[] hugeImage(int side) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDStream stream = new PDStream(doc);
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        byte[] row = new byte[side];
        for (int y = 0; y < side; y++) {
          out.write(row);
        }
      }
      PDImageXObject image = new PDImageXObject(stream, new PDResources());
      image.setWidth(side);
      image.setHeight(side);
      image.setBitsPerComponent(8);
      image.setColorSpace(org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
      PDFormXObject form = new PDFormXObject(new PDStream(doc));
      form.setBBox(new PDRectangle(0, 0, 600, 800));
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("I"), image);
      form.setResources(resources);
      try (OutputStream out = form.getContentStream().createOutputStream()) {
        out.write("q 500 0 0 500 10 10 cm /I Do Q\n".getBytes(StandardCharsets.US_ASCII));
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawForm(form);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  @Test
  void formsDrawingEachOtherTenfoldStopAtTheDrawingLimit() throws Exception {
    // 10^5 fills and about 444,000 operators on the page: past the limit
    byte[] pdf = nestedForms(10, 5);
    assertThat(pdf.length).isLessThan(4_000);
    MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
    assertThat(d.texts()).isEmpty();
    assertThat(d.problem()).contains("page 1").contains("200,000 drawing operations");
    assertThat(d.problemJa()).contains("1 ページ目").contains("描画命令が 200,000 を超えた");
  }

  @Test
  void aHundredMillionFillsInAMessageStopAtTheDrawingLimitAndTheReportSaysSo() throws Exception {
    byte[] pdf = nestedForms(10, 8);
    MailReport r = HostileMailTest.withPdf(pdf);
    assertThat(r.problems())
        .extracting(MailReport.Problem::en)
        .anyMatch(
            p ->
                p.contains("invoice.pdf")
                    && p.contains("page 1 not drawn to the end")
                    && (p.contains("drawing operations") || p.contains("out of analysis time")));
  }

  @Test
  void anImageOfMoreThanTheLimitsPixelsIsNotDecodedWhileDrawing() throws Exception {
    byte[] pdf = hugeImage(20_000);
    assertThat(pdf.length).isLessThan(MailImages.MAX_BYTES);
    MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
    assertThat(d.problem()).contains("page 1").contains("image").contains("16,000,000 pixels");
    assertThat(d.problemJa()).contains("1 ページ目").contains("画像").contains("16,000,000 画素");
  }

  @Test
  void anOrdinaryDrawnPageIsStillSearchedWithoutAProblem() throws Exception {
    byte[] pdf = nestedForms(10, 2); // a hundred fills: drawn whole
    MailImages.Decoded d = MailImages.pdfQrCodes(pdf);
    assertThat(d.problem()).isNull();
    assertThat(d.texts()).isEmpty();
  }
}
