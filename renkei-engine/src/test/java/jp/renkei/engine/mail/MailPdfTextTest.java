package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * The words on a PDF attachment's first page are read with the message's text (recall34): a lure
 * whose message says only "see the attached statement" and whose PDF holds the charge, the number
 * to call or the sign-in request is judged on what its reader sees. A company's own authenticated
 * invoice stays clean; the reading is bounded. The PDFs are built here (English with a standard
 * font, Japanese with a font whose ToUnicode map gives the characters, as PDF writers do).
 */
class MailPdfTextTest {

  /** A one-page PDF with these lines in Helvetica. */
  static byte[] englishPdf(String... lines) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.setLeading(16);
        content.newLineAtOffset(60, 760);
        for (String line : lines) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      return PdfLinksTest.save(doc);
    }
  }

  /**
   * A one-page PDF with these lines of Japanese: each character is a one-byte code of a font whose
   * ToUnicode map names the character (how a PDF writer subsets a font; the glyphs are not needed
   * to read the text).
   */
  static byte[] japanesePdf(String... lines) throws Exception {
    Map<Integer, Integer> codes = new LinkedHashMap<>();
    StringBuilder ops = new StringBuilder("BT /F1 12 Tf 16 TL 60 760 Td\n");
    for (String line : lines) {
      ops.append('<');
      line.codePoints()
          .forEach(
              c ->
                  ops.append(
                      String.format("%02X", codes.computeIfAbsent(c, k -> codes.size() + 1))));
      ops.append("> Tj T*\n");
    }
    ops.append("ET\n");
    StringBuilder cmap =
        new StringBuilder(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CMapName /Test-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
    int n = 0;
    for (Map.Entry<Integer, Integer> e : codes.entrySet()) {
      if (n % 100 == 0) {
        if (n > 0) {
          cmap.append("endbfchar\n");
        }
        cmap.append(Math.min(100, codes.size() - n)).append(" beginbfchar\n");
      }
      cmap.append(String.format("<%02X> <%04X>\n", e.getValue(), e.getKey()));
      n++;
    }
    cmap.append("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    assertThat(codes.size()).isLessThan(255);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDStream toUnicode = new PDStream(doc);
      try (OutputStream out = toUnicode.createOutputStream()) {
        out.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
      }
      COSDictionary font = new COSDictionary();
      font.setItem(COSName.TYPE, COSName.FONT);
      font.setItem(COSName.SUBTYPE, COSName.TYPE1);
      font.setName(COSName.BASE_FONT, "Helvetica");
      font.setInt(COSName.FIRST_CHAR, 1);
      font.setInt(COSName.LAST_CHAR, codes.size());
      COSArray widths = new COSArray();
      for (int i = 0; i < codes.size(); i++) {
        widths.add(COSInteger.get(1000));
      }
      font.setItem(COSName.WIDTHS, widths);
      font.setItem(COSName.TO_UNICODE, toUnicode);
      COSDictionary fonts = new COSDictionary();
      fonts.setItem(COSName.getPDFName("F1"), font);
      COSDictionary resources = new COSDictionary();
      resources.setItem(COSName.FONT, fonts);
      page.setResources(new PDResources(resources));
      PDStream content = new PDStream(doc);
      try (OutputStream out = content.createOutputStream()) {
        out.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
      }
      page.setContents(content);
      return PdfLinksTest.save(doc);
    }
  }

  static String firstPage(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return PdfText.firstPage(doc, 0L, false);
    }
  }

  @Test
  void theFirstPagesWordsAreReadInEnglishAndJapanese() throws Exception {
    assertThat(firstPage(englishPdf("Invoice No. 4471", "Total charged: $539.99")))
        .isEqualTo("Invoice No. 4471\nTotal charged: $539.99");
    assertThat(firstPage(japanesePdf("アカウント確認のお願い", "ログインしてください")))
        .isEqualTo("アカウント確認のお願い\nログインしてください");
  }

  @Test
  void aCallbackInvoiceInAPdfBehindOneLineIsACallbackLure() throws Exception {
    byte[] pdf =
        englishPdf(
            "Subscription Renewal Confirmation",
            "Your membership has been successfully renewed for another year.",
            "Amount charged: $489.99 (card ending 4021)",
            "If you did not authorize this renewal, call our billing desk at +1(808) 555-0147",
            "to cancel and receive a full refund.");
    MailReport r =
        PdfLinksTest.analyze(
            PdfLinksTest.withPdf(
                "Alan Ferris <a.ferris.4410@gmail.com>",
                "Your statement 4471",
                "Please find your billing statement attached.",
                "Statement_4471.pdf",
                pdf));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.CALLBACK_LURE);
              assertThat(f.evidence()).contains("+1(808) 555-0147");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);

    // the same message whose PDF holds no such words: the one line of the message is no lure
    MailReport plain =
        PdfLinksTest.analyze(
            PdfLinksTest.withPdf(
                "Alan Ferris <a.ferris.4410@gmail.com>",
                "Your statement 4471",
                "Please find your billing statement attached.",
                "Statement_4471.pdf",
                englishPdf("Photos from the trip to Kyoto, page 1 of 12")));
    assertThat(plain.findings()).noneMatch(f -> f.flag() == RedFlag.CALLBACK_LURE);
  }

  @Test
  void aJapaneseSignInRequestInAPdfIsReadAsTheMessagesWords() throws Exception {
    byte[] pdf =
        japanesePdf(
            "【重要】お客様のアカウントを一時停止しました",
            "不正なアクセスが確認されたため、ご利用を制限しています。",
            "下記のページからログインし、本人確認を行ってください。",
            "24時間以内に手続きがない場合、アカウントは削除されます。");
    MailReport r =
        PdfLinksTest.analyze(
            PdfLinksTest.withPdf(
                "サポート窓口 <support-desk.7731@gmail.com>",
                "ご確認のお願い",
                "添付の書類をご確認ください。",
                "notice.pdf",
                pdf));
    assertThat(r.findings()).anyMatch(f -> f.flag() == RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aCompanysOwnAuthenticatedInvoicePdfStaysClean() throws Exception {
    byte[] pdf =
        englishPdf(
            "Hanamura Office Supply Co., Ltd.",
            "Invoice No. 2024-118",
            "Copy paper A4, 20 boxes ........ JPY 48,000",
            "Total: JPY 52,800 (tax included)",
            "Payment by bank transfer by 31 January. Questions: accounts@hanamura-office.example");
    String eml =
        "Authentication-Results: mx.ops-mail.example; spf=pass"
            + " smtp.mailfrom=hanamura-office.example; dkim=pass header.d=hanamura-office.example;"
            + " dmarc=pass header.from=hanamura-office.example\r\n"
            + "DKIM-Signature: v=1; a=rsa-sha256; d=hanamura-office.example; s=s1;"
            + " h=from:to:subject; bh=x; b=y\r\n"
            + PdfLinksTest.withPdf(
                "Hanamura Office Supply <accounts@hanamura-office.example>",
                "Invoice 2024-118",
                "Dear customer,\r\n\r\nPlease find attached our invoice for December. Thank you for"
                    + " your order.\r\n\r\nHanamura Office Supply, accounts department",
                "Invoice_2024-118.pdf",
                pdf);
    MailReport r = PdfLinksTest.analyze(eml);
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPageOfTooManyOperatorsIsNotReadAndTheMessageIsStillJudged() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(60, 760);
        content.showText("Call +1(808) 555-0147 to cancel the charge");
        for (int i = 0; i < PdfText.MAX_OPERATIONS; i++) {
          content.newLineAtOffset(0, 0);
        }
        content.endText();
      }
      pdf = PdfLinksTest.save(doc);
    }
    assertThat(firstPage(pdf)).isEmpty();
    MailReport r =
        PdfLinksTest.analyze(
            PdfLinksTest.withPdf(
                "Alan Ferris <a.ferris.4410@gmail.com>", "Statement", "Attached.", "s.pdf", pdf));
    assertThat(r.attachments()).hasSize(1);
  }

  @Test
  void theTextKeptIsTidiedAndCutAtItsLimit() {
    assertThat(PdfText.tidy("  Invoice \t No.  4471 \r\n\r\n\n  Total "))
        .isEqualTo("Invoice No. 4471\nTotal");
    assertThat(PdfText.tidy("word ".repeat(5_000))).hasSizeLessThanOrEqualTo(PdfText.MAX_CHARS);
  }

  @Test
  void aNorthAmericanNumberWrittenPlusOneBracketIsATelephone() {
    assertThat(MailCallbackLures.PHONE.matcher("support: +1(970) 303-4343").find()).isTrue();
    assertThat(MailCallbackLures.PHONE.matcher("ref 21(970) 303-4343").find()).isFalse();
  }
}
