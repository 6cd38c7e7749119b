package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

/**
 * Links inside PDF attachments: a lure's button (a link annotation) is judged as the message's own
 * links are, with the attachment named; a PDF that launches a program or runs a script is a sign of
 * its own; a plain invoice linking its sender's site stays clean; a damaged PDF is a problem named,
 * not a failure. The PDFs are built here with PDFBox.
 */
class PdfLinksTest {

  /** A one-page PDF with a line of text and, under it, a button (link annotation) per target. */
  static byte[] pdfWithButtons(String line, String... targets) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        content.newLineAtOffset(72, 700);
        content.showText(line);
        content.endText();
      }
      int y = 600;
      for (String target : targets) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(72, y, 200, 40));
        PDActionURI uri = new PDActionURI();
        uri.setURI(target);
        link.setAction(uri);
        page.getAnnotations().add(link);
        y -= 60;
      }
      return save(doc);
    }
  }

  static byte[] save(PDDocument doc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  static String withPdf(String from, String subject, String body, String name, byte[] pdf) {
    return "From: "
        + from
        + "\r\nTo: taro.yamada@ops-mail.example\r\nSubject: "
        + subject
        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body
        + "\r\n--B\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\""
        + name
        + "\"\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(pdf)
        + "\r\n--B--\r\n";
  }

  static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aButtonToAShortenerIsALinkOfTheMessageJudgedAndNamedByItsAttachment() throws Exception {
    byte[] pdf = pdfWithButtons("You have a secure document waiting.", "https://bit.ly/3xYzAbC");
    MailReport r =
        analyze(
            withPdf(
                "Docs <share@docs-notice.example>",
                "Shared document",
                "Please see the attached document.",
                "Document.pdf",
                pdf));
    assertThat(r.links())
        .anySatisfy(
            l -> {
              assertThat(l.url()).isEqualTo("https://bit.ly/3xYzAbC");
              assertThat(l.where()).isEqualTo("pdf Document.pdf");
            });
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.SUSPICIOUS_LINK);
              assertThat(f.evidence())
                  .contains("https://bit.ly/3xYzAbC")
                  .contains("inside the attachment \"Document.pdf\"");
              assertThat(f.evidence(false)).contains("添付ファイル「Document.pdf」の中のリンク");
            });
    assertThat(r.findings()).noneMatch(f -> f.flag() == RedFlag.PDF_ACTIVE_CONTENT);
  }

  @Test
  void aSignInButtonOnAnUnrelatedDomainIsALoginLinkElsewhere() throws Exception {
    byte[] pdf =
        pdfWithButtons(
            "Payment remittance advice: view the statement",
            "https://remit-portal.example-files.net/office365/login.php");
    MailReport r =
        analyze(
            withPdf(
                "Accounts <ap@northwind-trading.example>",
                "Remittance advice",
                "Please find the remittance advice attached. Sign in to view it.",
                "Remittance.pdf",
                pdf));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.LOGIN_LINK_ELSEWHERE);
              assertThat(f.evidence()).contains("Remittance.pdf");
            });
  }

  @Test
  void aPlainInvoiceLinkingItsSendersOwnSiteStaysClean() throws Exception {
    byte[] pdf =
        pdfWithButtons(
            "Invoice 2026-1142  Total JPY 48,400",
            "https://www.northwind-trading.example/",
            "https://www.northwind-trading.example/contact");
    MailReport r =
        analyze(
            withPdf(
                "Northwind Trading <billing@northwind-trading.example>",
                "Invoice 2026-1142",
                "Dear customer,\r\nplease find our invoice for November attached.\r\nKind regards,"
                    + "\r\nNorthwind Trading billing",
                "Invoice-2026-1142.pdf",
                pdf));
    assertThat(r.links()).anyMatch(l -> "pdf Invoice-2026-1142.pdf".equals(l.where()));
    assertThat(r.findings())
        .noneMatch(
            f ->
                f.flag() == RedFlag.PDF_ACTIVE_CONTENT
                    || f.flag() == RedFlag.SUSPICIOUS_LINK
                    || f.flag() == RedFlag.LOGIN_LINK_ELSEWHERE
                    || f.evidence().contains("Invoice-2026-1142.pdf"));
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPdfThatLaunchesAProgramOrRunsJavaScriptIsASignOfItsOwn() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDActionLaunch launch = new PDActionLaunch();
      launch.getCOSObject().setString(COSName.F, "cmd.exe");
      PDAnnotationLink button = new PDAnnotationLink();
      button.setRectangle(new PDRectangle(72, 600, 200, 40));
      button.setAction(launch);
      page.getAnnotations().add(button);
      doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi');"));
      pdf = save(doc);
    }
    PdfLinks.Found found;
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      found = PdfLinks.read(doc);
    }
    assertThat(found.actions())
        .extracting(PdfLinks.Action::kind)
        .containsExactlyInAnyOrder(PdfLinks.Kind.LAUNCH, PdfLinks.Kind.JAVASCRIPT);
    MailReport r =
        analyze(
            withPdf(
                "Scanner <scan@office-devices.example>",
                "Scanned document",
                "Scanned.",
                "scan_0042.pdf",
                pdf));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.PDF_ACTIVE_CONTENT);
              assertThat(f.evidence()).contains("scan_0042.pdf", "launches cmd.exe", "JavaScript");
              assertThat(f.evidence(false)).contains("cmd.exe を起動します", "JavaScript を実行します");
            });
  }

  @Test
  void aWebPageOpenedByItselfAndAFormSubmittedElsewhereAreActiveAndTheirAddressesLinks()
      throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(PDRectangle.A4));
      PDActionURI open = new PDActionURI();
      open.setURI("http://198.51.100.23/invoice/view");
      doc.getDocumentCatalog().setOpenAction(open);
      COSDictionary submit = new COSDictionary();
      submit.setName(COSName.S, "SubmitForm");
      submit.setString(COSName.F, "https://collect.example-forms.net/post");
      COSDictionary aa = new COSDictionary();
      aa.setItem(COSName.getPDFName("WC"), submit);
      doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AA"), aa);
      pdf = save(doc);
    }
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      PdfLinks.Found found = PdfLinks.read(doc);
      assertThat(found.links())
          .containsExactlyInAnyOrder(
              "http://198.51.100.23/invoice/view", "https://collect.example-forms.net/post");
      assertThat(found.actions())
          .extracting(PdfLinks.Action::kind)
          .containsExactlyInAnyOrder(PdfLinks.Kind.OPEN_URI, PdfLinks.Kind.SUBMIT_FORM);
    }
  }

  @Test
  void anActionChainThatLoopsAndAThousandButtonsStayWithinTheLimits() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      COSArray annots = new COSArray();
      for (int i = 0; i < 1_000; i++) {
        COSDictionary uri = new COSDictionary();
        uri.setName(COSName.S, "URI");
        uri.setItem(COSName.getPDFName("URI"), new COSString("https://host" + i + ".example/"));
        uri.setItem(COSName.getPDFName("Next"), uri); // an action that is its own next one
        COSDictionary annot = new COSDictionary();
        annot.setName(COSName.SUBTYPE, "Link");
        annot.setItem(COSName.A, uri);
        annots.add(annot);
      }
      page.getCOSObject().setItem(COSName.ANNOTS, annots);
      pdf = save(doc);
    }
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      PdfLinks.Found found = PdfLinks.read(doc);
      assertThat(found.links()).hasSize(PdfLinks.MAX_LINKS);
    }
  }

  @Test
  void aDamagedPdfIsAProblemNamedNotAFailure() throws Exception {
    byte[] good = pdfWithButtons("Invoice", "https://bit.ly/3xYzAbC");
    byte[] cut = Arrays.copyOf(good, good.length / 3);
    Arrays.fill(cut, 9, cut.length, (byte) '?'); // a PDF's header, then nothing a reader can use
    MailReport r =
        analyze(
            withPdf(
                "Billing <billing@northwind-trading.example>",
                "Invoice",
                "Invoice attached.",
                "Invoice.pdf",
                cut));
    assertThat(r.problems())
        .anySatisfy(p -> assertThat(p.en()).contains("Invoice.pdf").contains("not a readable PDF"));
    assertThat(r.attachments()).anyMatch(a -> a.name().equals("Invoice.pdf"));
  }

  /**
   * The shared copy of a report: a PDF link that carries the recipient's address loses it, and the
   * attachment's name, naming the receiving organisation, is taken out of the link and of the
   * evidence; the link itself goes to STIX.
   */
  @Test
  void theRecipientAndTheOrganisationLeaveThePdfLinksOfTheSharedCopy() throws Exception {
    byte[] pdf =
        pdfWithButtons(
            "Review the document", "https://bit.ly/3xYzAbC?email=taro.yamada@sakura-bank.co.jp");
    String eml =
        withPdf(
                "Docs <share@docs-notice.example>",
                "Shared document",
                "See attached.",
                "さくら架空銀行_請求書.pdf",
                pdf)
            .replace("taro.yamada@ops-mail.example", "taro.yamada@sakura-bank.co.jp");
    MailReport r = analyze(eml);
    assertThat(r.links()).anyMatch(l -> l.url().contains("taro.yamada"));
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"), List.of("sakura-bank.co.jp"), List.of(), List.of(), List.of()),
            Map.of());
    MailRedaction.Result result = MailRedaction.apply(r, identity);
    MailReport shared = result.shared();
    assertThat(shared.toString()).doesNotContain("taro.yamada").doesNotContain("さくら架空銀行");
    assertThat(shared.findings())
        .allSatisfy(
            f -> {
              assertThat(f.evidence()).doesNotContain("taro.yamada").doesNotContain("さくら架空銀行");
              assertThat(f.evidence(false)).doesNotContain("taro.yamada").doesNotContain("さくら架空銀行");
            });
    assertThat(shared.links()).anyMatch(l -> l.url().startsWith("https://bit.ly/3xYzAbC"));
    String bundle = MailStix.bundle(shared, Tlp.AMBER, Instant.now(), true).toString();
    assertThat(bundle).contains("bit.ly/3xYzAbC").doesNotContain("taro.yamada");
  }
}
