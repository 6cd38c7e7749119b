package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/**
 * The worst messages an attacker can hand the analyser at the size of an ordinary attachment: MIME
 * nested ten thousand deep, a PDF of ten thousand pages, PDF pages whose drawing would need more
 * pixels than any heap holds. Each is a report with a problem that says what was not done, never an
 * exception or an error out of memory.
 */
class HostileMailTest {

  static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  /** A message whose text part sits {@code depth} multiparts deep. */
  static String nested(String subject, int depth, String text) {
    StringBuilder b =
        new StringBuilder("From: a@example.com\r\nTo: b@example.jp\r\nSubject: ")
            .append(subject)
            .append("\r\n");
    for (int i = 0; i < depth; i++) {
      b.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b")
          .append(i)
          .append("\"\r\n\r\n--b")
          .append(i)
          .append("\r\n");
    }
    b.append("Content-Type: text/plain\r\n\r\n").append(text).append("\r\n");
    for (int i = depth - 1; i >= 0; i--) {
      b.append("--b").append(i).append("--\r\n");
    }
    return b.toString();
  }

  @Test
  void mimeNestedTenThousandDeepIsAReportThatSaysWhereItStopped() {
    MailReport r = analyze(nested("deep", 10_000, "hello http://deep.example/x"));
    assertThat(r.verdict()).isNotNull();
    assertThat(r.problems()).extracting(MailReport.Problem::en).anyMatch(p -> p.contains("nest"));
    assertThat(r.work().limitsReached())
        .containsExactly("MIME nesting " + MailAnalyzer.Limits.DEFAULT.maxDepth());
  }

  /**
   * A message whose first part is a text with a link, whose second is {@code nest} (a part nested
   * far past the limit), whose third an attachment and whose fourth another text.
   */
  static String around(String nest) {
    return "From: a@example.com\r\nTo: b@example.jp\r\nSubject: around\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
        + "--outer\r\nContent-Type: text/plain\r\n\r\nsee https://before.example/x\r\n"
        + "--outer\r\n"
        + nest
        + "\r\n--outer\r\nContent-Type: application/octet-stream\r\n"
        + "Content-Disposition: attachment; filename=\"after.bin\"\r\n\r\nAAAA\r\n"
        + "--outer\r\nContent-Type: text/plain\r\n\r\nand https://after.example/y\r\n"
        + "--outer--\r\n";
  }

  /** A part {@code depth} multiparts deep, as a body part (its header first). */
  static String nestedPart(int depth, boolean closed) {
    String n = nested("x", depth, "deep https://deep.example/z");
    n = n.substring(n.indexOf("MIME-Version"));
    return closed ? n.strip() : n.substring(0, n.indexOf("--b" + (depth - 1) + "--"));
  }

  /** A part holding a message holding a message ... {@code depth} deep. */
  static String messagesPart(int depth) {
    return MailHostileBench.messagesInMessages(depth)
        .substring(MailHostileBench.HEAD.length())
        .strip();
  }

  /**
   * Nesting ten thousand levels deep, closed or never closed, of multiparts or of attached
   * messages: the reader stops descending at the limit (the parts below it are kept as bytes, not
   * split), so the parts around the nest are read as in any message. Before (hostile27) the
   * multipart nests exhausted the reader's stack and the message was read by its headers only: the
   * link before the nest and the attachment after it were lost, and the reader's scans cost the
   * square of the depth.
   */
  @Test
  void partsAroundANestTenThousandDeepAreReadAndTheNestIsASign() {
    java.util.Map<String, String> nests = new java.util.LinkedHashMap<>();
    nests.put("multipart", nestedPart(10_000, true));
    nests.put("multipart never closed", nestedPart(10_000, false));
    nests.put("message/rfc822", messagesPart(10_000));
    for (var n : nests.entrySet()) {
      MailReport r = analyze(around(n.getValue()));
      assertThat(r.links())
          .as(n.getKey())
          .extracting(MailReport.Link::url)
          .contains("https://before.example/x")
          .doesNotContain("https://deep.example/z");
      if (!n.getKey().contains("never closed")) {
        // a nest never closed runs to the end of the message: nothing follows it
        assertThat(r.links())
            .as(n.getKey())
            .extracting(MailReport.Link::url)
            .contains("https://after.example/y");
        assertThat(r.attachments())
            .as(n.getKey())
            .extracting(MailReport.Attachment::name)
            .contains("after.bin");
      }
      assertThat(r.findings())
          .as(n.getKey())
          .extracting(MailReport.Finding::flag)
          .contains(RedFlag.BEYOND_LIMITS);
      assertThat(r.work().limitsReached())
          .as(n.getKey())
          .containsExactly("MIME nesting " + MailAnalyzer.Limits.DEFAULT.maxDepth());
      assertThat(r.subject()).isEqualTo("around");
    }
  }

  /**
   * The reader itself does not descend past the limit: the entity one level too deep is one body of
   * bytes, however deep the nest below it goes.
   */
  @Test
  void theReaderKeepsAPartPastTheLimitAsBytes() throws Exception {
    org.apache.james.mime4j.dom.Message m =
        MailMime.parse(
            new ByteArrayInputStream(
                nested("deep", 10_000, "x").getBytes(StandardCharsets.US_ASCII)),
            org.apache.james.mime4j.stream.MimeConfig.PERMISSIVE,
            MailAnalyzer.Limits.DEFAULT.maxDepth());
    org.apache.james.mime4j.dom.Entity e = m;
    for (int depth = 0; depth <= MailAnalyzer.Limits.DEFAULT.maxDepth(); depth++) {
      assertThat(e.getBody())
          .as("depth " + depth)
          .isInstanceOf(org.apache.james.mime4j.dom.Multipart.class);
      e = ((org.apache.james.mime4j.dom.Multipart) e.getBody()).getBodyParts().get(0);
    }
    assertThat(e.getMimeType()).isEqualTo("multipart/mixed");
    assertThat(e.getBody()).isInstanceOf(org.apache.james.mime4j.dom.SingleBody.class);
  }

  static byte[] pdf(int pages, PDRectangle box) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        doc.addPage(new PDPage(box));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A page painting 60 small squares, which the QR search must draw (MailImages.PageScan). */
  static byte[] pdfWithPath(PDRectangle box) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(box);
      doc.addPage(page);
      try (org.apache.pdfbox.pdmodel.PDPageContentStream c =
          new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
        // enough painted paths to hold a QR code drawn as vectors: such a page is drawn
        for (int i = 0; i < 60; i++) {
          c.addRect(i % 10, i / 10f, 0.5f, 0.5f);
          c.fill();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static MailReport withPdf(byte[] pdf) {
    return analyze(
        MailImagesTest.withImage("Invoice", "invoice.pdf", pdf)
            .replace("Content-Type: image/png", "Content-Type: application/pdf"));
  }

  @Test
  void aPdfOfTenThousandPagesIsSearchedOnItsFirstPagesOnly() throws Exception {
    MailReport r = withPdf(pdf(10_000, PDRectangle.A4));
    assertThat(r.verdict()).isNotNull();
    assertThat(r.attachments()).extracting(MailReport.Attachment::name).contains("invoice.pdf");
  }

  @Test
  void aPageOfThirtyThousandPointsSquareIsDrawnSmaller() throws Exception {
    MailReport r = withPdf(pdfWithPath(new PDRectangle(30_000, 30_000)));
    assertThat(r.verdict()).isNotNull();
    assertThat(r.problems()).extracting(MailReport.Problem::en).noneMatch(p -> p.contains("PDF"));
  }

  /**
   * A page a billion points wide and a thousandth of a point high has a small area, so the old
   * limit on area let it be drawn at full resolution: a raster 1.4 billion pixels wide (an
   * OutOfMemoryError that ended the analysis, and on the hub the request).
   */
  @Test
  void aPageFarLongerThanItIsHighIsNotDrawnIntoAnImpossibleRaster() throws Exception {
    for (PDRectangle box :
        new PDRectangle[] {
          new PDRectangle(1e9f, 0.001f), new PDRectangle(0.001f, 1e9f), new PDRectangle(3e38f, 1f)
        }) {
      // a page that paints a path has to be drawn for the QR search: not at this size
      MailReport r = withPdf(pdfWithPath(box));
      assertThat(r.verdict()).isNotNull();
      assertThat(r.problems())
          .extracting(MailReport.Problem::en)
          .anyMatch(p -> p.contains("invoice.pdf") && p.contains("page"));
      // an empty page draws nothing: searched without drawing it, so nothing was left unsearched
      MailReport empty = withPdf(pdf(1, box));
      assertThat(empty.verdict()).isNotNull();
      assertThat(empty.problems())
          .extracting(MailReport.Problem::en)
          .noneMatch(p -> p.contains("PDF") || p.contains("page"));
    }
  }

  /**
   * Headers and texts of the sizes a message may have whose patterns went back over the whole of
   * them from every position (attack19): a Sender, Errors-To or List-Post of 250 KB of letters
   * without '@', a From name of the same, a Received date of 250 KB of '(', Authentication-Results
   * of 25,000 "dkim=pass" without a ';', a text of 150,000 first lines of a PGP signature. Each
   * took minutes before, past the analysis's deadline, which is looked at only between parts: the
   * message's own text was then never read. Now the text is read: its link is found and no limit is
   * reported but those of the PGP text's length. The timeout is a hang guard, not a speed
   * requirement.
   */
  @Test
  void longHeadersAndTextsThatPatternsReadBackAndForthAreReadOnce() {
    String letters = "a".repeat(250_000);
    String dotted = "a.".repeat(125_000);
    java.util.Map<String, String> hostile = new java.util.LinkedHashMap<>();
    hostile.put("Sender", "Sender: " + letters + "\r\n");
    hostile.put("Errors-To", "Errors-To: " + dotted + "\r\n");
    hostile.put("List-Post", "List-Post: " + letters + "\r\n");
    hostile.put("From name", "");
    hostile.put(
        "Received", "Received: from a.example by b.example; " + "(".repeat(250_000) + "\r\n");
    hostile.put(
        "Authentication-Results",
        "Authentication-Results: mx.example; " + "dkim=pass ".repeat(25_000) + "\r\n");
    hostile.put("PGP", "");
    for (var h : hostile.entrySet()) {
      String from =
          h.getKey().equals("From name")
              ? "From: \"" + dotted + "\" <a@example.com>\r\n"
              : "From: a@example.com\r\n";
      String text =
          h.getKey().equals("PGP") ? "-----BEGIN PGP SIGNATURE-----\n".repeat(150_000) : "hello";
      String eml =
          h.getValue()
              + from
              + "To: b@example.jp\r\nSubject: long\r\n\r\nsee https://text.example/read\r\n"
              + text
              + "\r\n";
      MailReport r =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              java.time.Duration.ofSeconds(60), () -> analyze(eml), h.getKey());
      assertThat(r.links())
          .as(h.getKey())
          .extracting(MailReport.Link::url)
          .contains("https://text.example/read");
      if (h.getKey().equals("PGP")) {
        // 4.5 M characters: the part is read to its 4 M and the wording to its first and last
        // 64 K, and since mailpad22 both limits are said (before, the rest went unread silently)
        assertThat(r.work().limitsReached())
            .as(h.getKey())
            .containsExactlyInAnyOrder(
                "text part " + MailAnalyzer.TEXT_PART,
                "text " + MailText.TEXT + " + " + MailText.TEXT_TAIL);
      } else {
        assertThat(r.problems()).as(h.getKey()).isEmpty();
      }
    }
  }

  /**
   * An address, a defanged link or a host name of 30,000 labels (60 KB: a.b.b.b…): the patterns
   * that find addresses, links and hosts repeated a group once per label, each repetition a level
   * of the stack, and the analysis failed with a StackOverflowError instead of a report. A name has
   * at most 127 labels (RFC 1035, 253 characters); past that the patterns stop counting.
   */
  @Test
  void addressesLinksAndHostsOfThirtyThousandLabelsAreAReportNotAStackOverflow() {
    String labels = "b.".repeat(30_000) + "example";
    java.util.Map<String, String> hostile = new java.util.LinkedHashMap<>();
    hostile.put("address in the text", "\r\n\r\nwrite to a@" + labels + "\r\n");
    hostile.put("address in Received", "Received: from a by b for <a@" + labels + ">; x\r\n\r\n");
    hostile.put("defanged link", "\r\n\r\nhxxp://a" + "[.]b".repeat(30_000) + "/x\r\n");
    hostile.put(
        "link text",
        "Content-Type: text/html\r\n\r\n<a href=\"http://other.example/\">" + labels + "</a>\r\n");
    hostile.put(
        "link host",
        "Content-Type: text/html\r\n\r\n<a href=\"http://" + labels + "/\">" + labels + "</a>\r\n");
    hostile.put(
        "link label dressed in dashes",
        "Content-Type: text/html\r\n\r\n<a href=\"http://wallet"
            + "-".repeat(60_000)
            + ".example/\">Wallet</a>\r\n");
    for (var h : hostile.entrySet()) {
      String v = h.getValue();
      int body = v.indexOf("\r\n\r\n");
      String eml =
          "From: a@example.com\r\nTo: b@example.jp\r\nSubject: labels\r\n"
              + v.substring(0, body + 2)
              + "\r\nsee https://text.example/read\r\n"
              + v.substring(body + 4)
              + "\r\n";
      if (v.startsWith("Content-Type: text/html")) {
        eml =
            "From: \"Wallet Team\" <a@example.com>\r\nTo: b@example.jp\r\nSubject: labels\r\n"
                + v.substring(0, body + 4)
                + "<p>see https://text.example/read</p>"
                + v.substring(body + 4);
      }
      String message = eml;
      MailReport r = analyze(message);
      assertThat(r.links())
          .as(h.getKey())
          .extracting(MailReport.Link::url)
          .contains("https://text.example/read");
      assertThat(r.problems()).as(h.getKey()).isEmpty();
    }
  }

  /**
   * The words a brand's look-alike label is dressed in are read within one label (63 characters):
   * 60,000 dashes overflowed the stack of the pattern's repetition.
   */
  @Test
  void dressingLongerThanALabelIsNotReadToTheEnd() {
    assertThat(MailBrands.DRESSING.matcher("-".repeat(60_000)).matches()).isFalse();
    assertThat(MailBrands.DRESSING.matcher("desktop-app").matches()).isTrue();
  }

  /**
   * An HTML body of 20,000 links (1.2 MB): each link was judged by every link sign, and the body
   * held the analysis for seconds past its 10 s deadline (7 s for 15,000 links at 1 MB, where
   * jsoup's parse took 0.4 s). The message's first {@value MailState#MAX_LINKS} links are read and
   * judged and the limit is reported; the text part before it and the attachment after it are kept.
   */
  @Test
  void anHtmlBodyOfTwentyThousandLinksIsReadToItsLimitAndTheRestOfTheMessageIsKept() {
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < 20_000; i++) {
      html.append("<p><a href=\"http://l").append(i).append(".example/x\">link</a></p>\n");
    }
    html.append("</body></html>");
    String eml =
        "From: a@example.com\r\nTo: b@example.jp\r\nSubject: links\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"bb\"\r\n\r\n"
            + "--bb\r\nContent-Type: text/plain\r\n\r\nsee https://text.example/read\r\n"
            + "--bb\r\nContent-Type: text/html\r\n\r\n"
            + html
            + "\r\n--bb\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Disposition: attachment; filename=\"after.bin\"\r\n\r\nAAAA\r\n--bb--\r\n";
    MailReport r = analyze(eml);
    // every link has a domain of its own: past the limit, 200 more domains are kept
    assertThat(r.links()).hasSize(MailState.MAX_LINKS + MailState.MAX_LINK_DOMAINS_PAST);
    assertThat(r.findings()).extracting(MailReport.Finding::flag).contains(RedFlag.BEYOND_LIMITS);
    assertThat(r.links()).extracting(MailReport.Link::url).contains("https://text.example/read");
    assertThat(r.work().limitsReached()).contains("links " + MailState.MAX_LINKS);
    assertThat(r.problems()).extracting(MailReport.Problem::ja).anyMatch(p -> p.contains("リンク"));
    assertThat(r.attachments()).extracting(MailReport.Attachment::name).contains("after.bin");
    assertThat(r.subject()).isEqualTo("links");
  }

  /**
   * Link padding (attack21b): 2,000 links to a shop's own pages, 3,000 more to 20 well-known sites,
   * then the one sign-in link to the attacker's domain, written as the link of a colleague's short
   * note. Reported only as a limit before, the padding hid the link from every link sign and the
   * message was clean. The padding is a sign of its own, and the link to a domain not seen before
   * is still judged.
   */
  @Test
  void aLureLinkBehindThousandsOfHarmlessLinksIsStillJudged() {
    StringBuilder html = new StringBuilder("<html><body><p>Please sign in to see the file.</p>");
    for (int i = 0; i < 2_000; i++) {
      html.append("<a href=\"https://shop.example.com/item/").append(i).append("\">item</a>\n");
    }
    for (int i = 0; i < 3_000; i++) {
      html.append("<a href=\"https://site").append(i % 20).append(".example.net/\">x</a>\n");
    }
    html.append("<a href=\"https://example.com/login\">https://example.com/login</a>");
    html.append("<a href=\"https://signin.kmvrt-auth.top/login\">https://example.com/login</a>");
    html.append("</body></html>");
    String eml =
        "From: a@example.com\r\nTo: b@example.jp\r\nSubject: file\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html\r\n\r\n"
            + html
            + "\r\n";
    MailReport r = analyze(eml);
    assertThat(r.links())
        .extracting(MailReport.Link::url)
        .contains("https://signin.kmvrt-auth.top/login")
        .doesNotContain("https://site3.example.net/"); // same domain as a kept link
    assertThat(r.findings())
        .extracting(MailReport.Finding::flag)
        .contains(RedFlag.BEYOND_LIMITS, RedFlag.LINK_TEXT_MISMATCH);
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.BEYOND_LIMITS)
        .extracting(MailReport.Finding::evidenceJa)
        .anyMatch(e -> e.contains("リンク"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  /** A lure nested past the depth the walk reads: the nesting itself is a sign. */
  @Test
  void aLureNestedPastTheDepthLimitIsNotClean() {
    MailReport r = analyze(nested("file", 20, "sign in https://signin.kmvrt-auth.top/x"));
    assertThat(r.findings()).extracting(MailReport.Finding::flag).contains(RedFlag.BEYOND_LIMITS);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}
