package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.junit.jupiter.api.Test;

/**
 * Outlook .msg files as an analyst receives them (issue 19, msg33): dragged out of Outlook and
 * uploaded, or attached to a colleague's forward as an Outlook item. The real files are Apache
 * POI's test data (see the NOTICE beside them); the lures are written here with POI's container
 * writer ({@link OutlookFile}), as no Outlook runs on this machine.
 */
class MailOutlookTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = MailOutlookTest.class.getResourceAsStream("outlook/" + name)) {
      return in.readAllBytes();
    }
  }

  static MailReport analyze(byte[] b) {
    return new MailAnalyzer().analyze(new ByteArrayInputStream(b));
  }

  static List<String> kinds(MailReport r) {
    return r.problems().stream().map(MailReport.Problem::kind).toList();
  }

  static final String LURE_HTML =
      "<html><body><p>三井住友カードをご利用のお客様</p>"
          + "<p>お客様のカードに不正利用の可能性があるため、ご利用を一時停止しました。"
          + "24時間以内に下記よりログインし、ご本人確認をお願いいたします。</p>"
          + "<p><a href=\"http://smbc-card.verify-login.example.net/login\">"
          + "https://www.smbc-card.com/mem/index.jsp</a></p>"
          + "<p>確認いただけない場合、カードのご利用を停止いたします。</p></body></html>";

  static OutlookFile lure() {
    return new OutlookFile()
        .subject("【重要】カードのご利用確認のお願い")
        .from("三井住友カード", "info@smbc-card-support.example.net")
        .to("山田 太郎", "taro.yamada@victim-example.co.jp")
        .html(LURE_HTML);
  }

  /** The same lure as an .eml, as a mail client would have saved it. */
  static byte[] lureEml() {
    return ("From: =?UTF-8?B?"
            + b64("三井住友カード")
            + "?= <info@smbc-card-support.example.net>\r\n"
            + "To: =?UTF-8?B?"
            + b64("山田 太郎")
            + "?= <taro.yamada@victim-example.co.jp>\r\n"
            + "Subject: =?UTF-8?B?"
            + b64("【重要】カードのご利用確認のお願い")
            + "?=\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + b64(LURE_HTML)
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static List<RedFlag> sorted(MailReport r) {
    return TestMail.flags(r).stream().distinct().sorted().toList();
  }

  @Test
  void readsTheHeadersOutlookKeptFromTheReceivedMessage() throws IOException {
    MailReport r = analyze(resource("example_received_unicode.msg"));
    assertThat(r.subject()).isEqualTo("This is a test message please ignore");
    assertThat(r.from()).isEqualTo("mike.farman@alfresco.com");
    assertThat(r.received()).hasSize(4);
    assertThat(r.recipients()).contains("nick.burch@alfresco.com");
    assertThat(r.outlookNotes()).hasSize(1);
    assertThat(r.outlookNotes().get(0).en()).contains("headers are those Outlook kept");
    // the body was read: its shortened link is the one sign of this message
    assertThat(r.links()).anyMatch(l -> l.url().contains("bit.ly/Cloud-Trial"));
    assertThat(r.readingProblems()).isEmpty();
  }

  @Test
  void rebuildsTheHeadersFromOutlooksPropertiesAndSaysWhichAreMissing() throws IOException {
    MailReport r = analyze(resource("quick.msg"));
    assertThat(r.subject()).isEqualTo("Test the content transformer");
    assertThat(r.recipients()).containsExactly("kevin.roast@alfresco.org");
    assertThat(r.received()).isEmpty();
    assertThat(r.outlookNotes())
        .anyMatch(p -> p.en().contains("Authentication-Results") && p.ja().contains("Received"))
        .anyMatch(p -> p.en().contains("sender's internet address is not in the Outlook file"));
    // the sender is an Exchange name: unknown, which is no sign of a malformed sender
    assertThat(r.from()).isNull();
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.MALFORMED_SENDER);
  }

  @Test
  void recipientsKnownOnlyByTheirExchangeNameAreTakenOutOfSharesByName() {
    OutlookFile inner =
        lure().to("鈴木 一郎", "/O=SAKURA/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=suzuki");
    MailReport top = analyze(inner.bytes());
    assertThat(top.recipientNames()).contains("鈴木 一郎");
    String eml =
        "From: a@operator-example.co.jp\r\nTo: soc@operator-example.co.jp\r\nSubject: FW\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
            + "Content-Type: application/vnd.ms-outlook\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(inner.bytes())
            + "\r\n--b1--\r\n";
    MailReport fw = analyze(eml.getBytes(StandardCharsets.US_ASCII));
    assertThat(fw.recipientNames()).contains("鈴木 一郎", "山田 太郎");
  }

  @Test
  void readsAttachmentsWithTheirNamesAndBytes() throws Exception {
    byte[] file = resource("attachment_test_msg.msg");
    MailReport r = analyze(file);
    assertThat(r.attachments())
        .extracting(MailReport.Attachment::name)
        .containsExactly("test-unicode.doc", "pj1.txt");
    try (MAPIMessage m = new MAPIMessage(new ByteArrayInputStream(file))) {
      AttachmentChunks[] a = m.getAttachmentFiles();
      for (int i = 0; i < 2; i++) {
        byte[] data = a[i].getAttachData().getValue();
        assertThat(r.attachments().get(i).sha256()).isEqualTo(sha256(data));
        assertThat(r.attachments().get(i).size()).isEqualTo(data.length);
      }
    }
  }

  @Test
  void readsAnEmbeddedOutlookItemAsAForwardedMessage() throws IOException {
    MailReport r = analyze(resource("58214_with_attachment.msg"));
    assertThat(r.subject()).isEqualTo("Master mail");
    // the embedded item's recipients are a forwarded message's: redacted from shared copies
    assertThat(r.forwardedRecipients()).contains("bertrand.beyssac@c6.eu");
  }

  @Test
  void anOutlookLureIsJudgedAsTheSameLureSavedAsEml() {
    MailReport msg = analyze(lure().bytes());
    MailReport eml = analyze(lureEml());
    assertThat(msg.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(TestMail.flags(msg)).contains(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(sorted(msg)).isEqualTo(sorted(eml));
    assertThat(msg.verdict()).isEqualTo(eml.verdict());
    assertThat(msg.from()).isEqualTo("info@smbc-card-support.example.net");
    assertThat(msg.fromName()).isEqualTo("三井住友カード");
    assertThat(msg.subject()).isEqualTo("【重要】カードのご利用確認のお願い");
  }

  @Test
  void readsTheHtmlOutlookEncapsulatedInRtf() {
    String rtf =
        "{\\rtf1\\ansi\\ansicpg932\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss MS UI Gothic;}}"
            + "{\\*\\htmltag19 <html>}{\\*\\htmltag34 <body>}\\htmlrtf {\\htmlrtf0 "
            + "\\'82\\'a8\\'8b\\'71\\'97\\'6c"
            + "{\\*\\htmltag84 <a href=\"http://smbc-card.verify-login.example.net/login\">}"
            + "\\htmlrtf {\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt\\htmlrtf0 "
            + "https://www.smbc-card.com/mem/index.jsp\\htmlrtf }\\htmlrtf0 }\\htmlrtf0 "
            + "{\\*\\htmltag92 </a>}\\htmlrtf }\\htmlrtf0 "
            + "{\\*\\htmltag35 </body>}{\\*\\htmltag27 </html>}}";
    String html = MailRtf.read(rtf);
    assertThat(html)
        .contains("お客様")
        .contains("<a href=\"http://smbc-card.verify-login.example.net/login\">")
        .contains("https://www.smbc-card.com/mem/index.jsp</a>")
        .doesNotContain("fonttbl")
        .doesNotContain("HYPERLINK");
    MailReport r =
        analyze(
            new OutlookFile()
                .subject("確認")
                .from("SMBC", "info@smbc-card-support.example.net")
                .to("太郎", "taro@victim-example.co.jp")
                .rtf(rtf)
                .bytes());
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void anRtfBodyThatIsNoHtmlIsReadAsText() {
    assertThat(
            MailRtf.read("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}Hello\\par {\\b world}\\u12354?}"))
        .isEqualTo("Hello\r\nworld\u3042");
  }

  @Test
  void anOutlookItemAttachedToAForwardIsJudgedAsAnAttachedMessage() {
    byte[] item = lure().bytes();
    String eml =
        "From: Hanako Sato <hanako.sato@operator-example.co.jp>\r\n"
            + "To: soc@operator-example.co.jp\r\n"
            + "Subject: FW: suspicious\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Please check the attached message.\r\n"
            + "--b1\r\n"
            + "Content-Type: application/vnd.ms-outlook; name=\"card.msg\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"card.msg\"\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(item)
            + "\r\n--b1--\r\n";
    MailReport r = analyze(eml.getBytes(StandardCharsets.US_ASCII));
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // the victim the lure was sent to is a forwarded recipient (taken out of shared copies)
    assertThat(r.forwardedRecipients()).contains("taro.yamada@victim-example.co.jp");
    assertThat(r.recipientNames()).contains("山田 太郎");
    assertThat(r.attachments()).noneMatch(a -> a.name().equals("card.msg"));
    assertThat(r.outlookNotes()).anyMatch(p -> p.en().startsWith("attachment card.msg: Read"));
  }

  @Test
  void aWordDocumentIsNoOutlookMessageAndSaysSo() throws IOException {
    MailReport r = analyze(resource("Word6.doc"));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(MailOutlook.NOT_OUTLOOK);
              assertThat(p.en()).contains("no Outlook message").contains("a Word document");
              assertThat(p.ja()).contains("Word 文書");
            });
  }

  @Test
  void aWordDocumentAttachedStaysAnAttachment() throws IOException {
    byte[] doc = resource("Word6.doc");
    String eml =
        "From: a@example.jp\r\nTo: b@example.jp\r\nSubject: doc\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
            + "Content-Type: text/plain\r\n\r\nsee attached\r\n--b1\r\n"
            + "Content-Type: application/msword; name=\"a.doc\"\r\n"
            + "Content-Disposition: attachment; filename=\"a.doc\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(doc)
            + "\r\n--b1--\r\n";
    MailReport r = analyze(eml.getBytes(StandardCharsets.US_ASCII));
    assertThat(r.attachments()).extracting(MailReport.Attachment::name).containsExactly("a.doc");
    assertThat(r.readingProblems()).isEmpty();
  }

  @Test
  void aCorruptOutlookFileSaysWhatCannotBeRead() throws IOException {
    MailReport r =
        analyze(resource("clusterfuzz-testcase-minimized-POIHSMFFuzzer-5336473854148608.msg"));
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.en()).startsWith("an Outlook (.msg) file that cannot be read: "));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aTruncatedOutlookFileSaysWhereItStopped() throws IOException {
    byte[] whole = resource("example_received_unicode.msg");
    // (a cut inside the last sector's padding loses nothing: such a file is read whole)
    for (int cut : new int[] {8, 512, 4096, whole.length / 2, whole.length - 4096}) {
      MailReport r = analyze(Arrays.copyOf(whole, cut));
      assertThat(r.problems())
          .as("cut at %d", cut)
          .anyMatch(p -> p.kind().equals("unreadable") && p.en().contains("Outlook (.msg) file"));
    }
  }

  @Test
  void outlookItemsNestedDeeperThanTheLimitAreNamedNotRead() {
    OutlookFile item = lure();
    for (int i = 0; i < MailOutlook.MAX_NESTED + 2; i++) {
      item =
          new OutlookFile()
              .subject("FW " + i)
              .from("a", "a@example.jp")
              .text("fw")
              .attach("fw.msg", item);
    }
    MailReport r = analyze(item.bytes());
    assertThat(r.problems())
        .anyMatch(p -> p.kind().equals("limit") && p.en().contains("deeper than 4 levels"));
  }

  @Test
  void manyAttachmentsStopAtTheLimit() {
    OutlookFile f = new OutlookFile().subject("many").from("a", "a@example.jp").text("x");
    for (int i = 0; i <= MailOutlook.MAX_ATTACHMENTS; i++) {
      f.attach("a" + i + ".txt", "text/plain", ("x" + i).getBytes(StandardCharsets.US_ASCII));
    }
    MailReport r = analyze(f.bytes());
    assertThat(r.problems())
        .anyMatch(p -> p.kind().equals("limit") && p.en().contains("more than 200 attachments"));
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
