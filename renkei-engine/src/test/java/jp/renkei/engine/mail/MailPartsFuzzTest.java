package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Fuzz targets for the readers of one part of a message added in session 19: the links and actions
 * of a PDF attachment ({@link PdfLinks}), the charset of a text part that names none ({@link
 * MailCharsets}), the host a link is written to hide ({@link MailLinkHosts}) and lure words spaced
 * out ({@link MailSpacedWords}). They are package-private, hence here beside them rather than in
 * {@code jp.renkei.engine.fuzz}. Whatever the bytes, each answers (a result or null), never an
 * exception, and stays within its limits. In a normal test run each target replays its seeds
 * (src/test/resources/jp/renkei/engine/mail/MailPartsFuzzTestInputs); with {@code JAZZER_FUZZ=1} it
 * fuzzes (.ci/fuzz, docs/fuzzing.md).
 */
class MailPartsFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void pdfLinks(byte[] pdf) {
    PDDocument doc;
    try {
      doc = Loader.loadPDF(pdf);
    } catch (IOException e) {
      return; // not a PDF PDFBox can open: the analysis says so, nothing to read
    }
    try (doc) {
      PdfLinks.Found f = PdfLinks.read(doc);
      assertThat(f.links().size()).isLessThanOrEqualTo(PdfLinks.MAX_LINKS);
      assertThat(f.actions().size()).isLessThanOrEqualTo(PdfLinks.MAX_ACTIVE);
      f.actions().forEach(a -> assertThat(a.evidence()).isNotNull());
    } catch (IOException e) {
      // closing a damaged document
    }
  }

  @FuzzTest(maxDuration = "30s")
  void charsets(byte[] text) {
    String guessed = MailCharsets.guess(text);
    if (guessed != null) {
      MailCharsets.mostlyKana(guessed);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void linkHosts(byte[] url) {
    String s = new String(url, StandardCharsets.UTF_8);
    MailLinkHosts.Disguise d = MailLinkHosts.disguise(s);
    if (d != null) {
      assertThat(d.evidence()).isNotNull();
      assertThat(d.evidenceJa()).isNotNull();
    }
    MailLinkHosts.decode(s);
    MailLinkHosts.numericAddress(s);
  }

  @FuzzTest(maxDuration = "30s")
  void spacedWords(byte[] text) {
    String found = MailSpacedWords.find(new String(text, StandardCharsets.UTF_8));
    if (found != null) {
      assertThat(found.length()).isLessThanOrEqualTo(61);
    }
  }

  /**
   * Wording padded past the head the signs read as written (mailpad22): the fuzzed text after 64 K
   * of prose and before 70 K more. The analysis answers, the wording it judged stays within the
   * head and the tail, and whitespace runs are made one whatever the characters.
   */
  @FuzzTest(maxDuration = "30s")
  void paddedWording(byte[] text) {
    String t = new String(text, StandardCharsets.UTF_8);
    String one = MailText.oneSpaceOrLine(t);
    assertThat(one.length()).isLessThanOrEqualTo(t.length());
    String eml =
        MailPaddingTest.plain(
            "padded", MailPaddingTest.prose(MailText.TEXT) + t + MailPaddingTest.prose(70_000) + t);
    MailAnalyzer.Analysis a =
        new MailAnalyzer()
            .analysis(new java.io.ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(a.report().verdict()).isNotNull();
    // fold may write a character as two; never the wording of more than head, middle and tail
    assertThat(a.text().length())
        .isLessThanOrEqualTo(2 * (MailText.TEXT + MailText.TEXT_TAIL) + MailText.MIDDLE);
    a.report().findings().forEach(f -> assertThat(f.evidenceJa()).isNotNull());
  }

  /**
   * The QR search of one image or PDF (images23): whatever the bytes, the header's dimensions, the
   * image's codes and the PDF's pages (searched within a second) answer, never an exception, and a
   * problem has its Japanese.
   */
  @FuzzTest(maxDuration = "30s")
  void qrSearch(byte[] data) {
    MailImages.dimensions(data);
    MailImages.Decoded image = MailImages.qrCodes(data);
    assertThat(image.problem() == null).isEqualTo(image.problemJa() == null);
    MailImages.Decoded pdf = MailImages.pdfQrCodes(data, System.nanoTime() + 1_000_000_000L);
    assertThat(pdf.problem() == null).isEqualTo(pdf.problemJa() == null);
    assertThat(pdf.links().size()).isLessThanOrEqualTo(PdfLinks.MAX_LINKS);
    sameGreyAsPdfBox(data);
  }

  /**
   * pdf35: a soft-masked image {@link MailImages#plainMasked} reads is PDFBox's own picture of it,
   * pixel for pixel, or fails where PDFBox fails.
   */
  static void sameMaskedAsPdfBox(org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
    java.awt.image.BufferedImage mine;
    try {
      mine = MailImages.plainMasked(image);
    } catch (IOException | RuntimeException e) {
      return; // failed: the search leaves the image to PDFBox
    }
    if (mine == null) {
      return;
    }
    java.awt.image.BufferedImage pdfBox;
    try {
      pdfBox = image.getImage();
    } catch (IOException | RuntimeException e) {
      pdfBox = null;
    }
    assertThat(pdfBox).isNotNull();
    int w = mine.getWidth();
    int h = mine.getHeight();
    assertThat(pdfBox.getType()).isEqualTo(mine.getType());
    assertThat(pdfBox.getWidth() * 1L * pdfBox.getHeight()).isEqualTo(w * 1L * h);
    assertThat(mine.getRGB(0, 0, w, h, null, 0, w))
        .isEqualTo(pdfBox.getRGB(0, 0, w, h, null, 0, w));
  }

  /**
   * speed34: every image of the first pages of a PDF that {@link MailImages#plainGrey} reads gives
   * the grey levels of PDFBox's own picture of it, or fails where PDFBox fails.
   */
  static void sameGreyAsPdfBox(byte[] data) {
    try (PDDocument doc = Loader.loadPDF(data)) {
      int pages = 0;
      for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
        if (++pages > 3 || page.getResources() == null) {
          break;
        }
        for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name)
                  instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image
              && !MailImages.tooLarge(image)) {
            sameMaskedAsPdfBox(image);
            byte[] grey;
            try {
              grey = MailImages.plainGrey(image);
            } catch (IOException | RuntimeException e) {
              grey = new byte[0]; // failed: PDFBox must fail too
            }
            if (grey == null) {
              continue;
            }
            byte[] expected;
            try {
              expected = MailImages.luminance(image.getImage());
            } catch (IOException | RuntimeException e) {
              expected = new byte[0];
            }
            assertThat(grey).isEqualTo(expected);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // not a PDF PDFBox reads, or a part of it it cannot: the search above answered already
    }
  }
}
