package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * A lure forwarded inline (the mail program's plain "Forward", not "forward as attachment") carries
 * its victims only in the quoted header block of the body: "To: 鈴木 花子 &lt;h.suzuki@...&gt;". A
 * shared copy took out the recipients of a message attached inside (attack31b) but not these: the
 * victims' names and addresses at a domain the directory does not list went to every reader in the
 * attachment's name, the link and the link text (attack32).
 */
class MailShareInlineForwardedTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static String message(String contentType, String body) {
    return "Received: from exch01.sakura-bank.co.jp ([10.1.2.3]) by exch02.sakura-bank.co.jp;"
        + " Mon, 16 Nov 2026 10:12:05 +0900\r\n"
        + "From: \"Service desk\" <desk@sakura-bank.co.jp>\r\n"
        + "To: \"CSIRT\" <csirt@sakura-bank.co.jp>\r\n"
        + "Subject: Fwd: 請求書の確認\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"F\"\r\n\r\n"
        + "--F\r\nContent-Type: "
        + contentType
        + "; charset=UTF-8\r\n\r\n"
        + body
        + "\r\n--F\r\nContent-Type: application/octet-stream; name=\"請求書_鈴木花子.pdf.exe\"\r\n"
        + "Content-Disposition: attachment; filename=\"請求書_鈴木花子.pdf.exe\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n"
        + "--F--\r\n";
  }

  private static final String LURE =
      "Kobayashi Jiro 様\r\n至急、添付の請求書をご確認ください。パスワードを入力してログインしてください。"
          + " https://invoice-check.example/login?e=h.suzuki@sakura-trust.example\r\n";

  /** Gmail's plain forward. */
  static final String GMAIL =
      message(
          "text/plain",
          "不審なメールが届きました。\r\n\r\n---------- Forwarded message ---------\r\n"
              + "From: 経理部 <keiri@invoice-check.example>\r\n"
              + "Date: 2026年11月16日(月) 9:12\r\nSubject: 請求書の確認\r\n"
              + "To: 鈴木 花子 <h.suzuki@sakura-trust.example>\r\n"
              + "Cc: Kobayashi Jiro <kobayashi@sakura-trust.example>\r\n\r\n"
              + LURE);

  /** Outlook's Japanese forward, quoted with "> " as some programs do. */
  static final String OUTLOOK_JA =
      message(
          "text/plain",
          "不審なメールが届きました。\r\n\r\n> -----Original Message-----\r\n"
              + "> 差出人: 経理部 [mailto:keiri@invoice-check.example]\r\n"
              + "> 送信日時: 2026年11月16日 9:12\r\n"
              + "> 宛先: 鈴木 花子 <h.suzuki@sakura-trust.example>\r\n"
              + "> CC: Kobayashi Jiro <kobayashi@sakura-trust.example>\r\n"
              + "> 件名: 請求書の確認\r\n>\r\n"
              + LURE.replace("\r\n", "\r\n> "));

  /** Outlook's HTML forward: the block is bold labels and line breaks. */
  static final String OUTLOOK_HTML =
      message(
          "text/html",
          "<html><body><p>不審なメールが届きました。</p><hr>"
              + "<p><b>From:</b> 経理部 &lt;keiri@invoice-check.example&gt;<br>"
              + "<b>Sent:</b> Monday, November 16, 2026 9:12 AM<br>"
              + "<b>To:</b> 鈴木 花子 &lt;h.suzuki@sakura-trust.example&gt;<br>"
              + "<b>Cc:</b> Kobayashi Jiro &lt;kobayashi@sakura-trust.example&gt;<br>"
              + "<b>Subject:</b> 請求書の確認</p>"
              + "<p>Kobayashi Jiro 様</p><p>至急、添付の請求書をご確認ください。パスワードを入力してログインしてください。"
              + " <a href=\"https://invoice-check.example/login?e=h.suzuki@sakura-trust.example\">"
              + "鈴木 花子 様のログイン</a></p></body></html>");

  @Test
  void theVictimsOfALureForwardedInlineInGmailsFormAreTakenOut() {
    assertVictimsTakenOut(GMAIL);
  }

  @Test
  void theVictimsOfALureForwardedInlineInOutlooksJapaneseQuotedFormAreTakenOut() {
    assertVictimsTakenOut(OUTLOOK_JA);
  }

  @Test
  void theVictimsOfALureForwardedInlineAsHtmlAreTakenOut() {
    assertVictimsTakenOut(OUTLOOK_HTML);
  }

  @Test
  void aBodyThatOnlySaysWhoItIsForIsNoForwardedHeader() {
    // "To:" in a lure's own words, with no forwarded From, Date or Subject beside it, names no one
    String own =
        message("text/plain", "To: all staff\r\nPlease update your password today.\r\n" + LURE);
    MailReport r = new MailAnalyzer().analyze(bytes(own));
    assertThat(r.forwardedRecipients()).isEmpty();
  }

  @Test
  void aFoldedToLineIsReadAndAHugeBlockStopsAtTheLimit() {
    MailInlineForwards.Recipients folded =
        MailInlineForwards.plain(
            "-----Original Message-----\nFrom: a@attacker.example\nSent: Monday\n"
                + "To: 鈴木 花子 <h.suzuki@sakura-trust.example>;\n"
                + "    Kobayashi Jiro <kobayashi@sakura-trust.example>\nSubject: x\n\nbody");
    assertThat(folded.addresses())
        .containsExactly("h.suzuki@sakura-trust.example", "kobayashi@sakura-trust.example");
    assertThat(folded.names()).contains("鈴木 花子", "Kobayashi Jiro");
    // a body of 5,000 recipient lines (a hostile one) gives the first 1,000, as headers do
    StringBuilder huge = new StringBuilder("From: a@attacker.example\nDate: today\n");
    for (int i = 0; i < 5_000; i++) {
      huge.append("Cc: user").append(i).append("@victim.example\n");
    }
    MailInlineForwards.Recipients many = MailInlineForwards.plain(huge.toString());
    assertThat(many.addresses()).hasSize(MailInlineForwards.MAX);
    assertThat(many.addresses().get(0)).isEqualTo("user0@victim.example");
  }

  private static void assertVictimsTakenOut(String eml) {
    MailReport r = new MailAnalyzer().analyze(bytes(eml));
    assertThat(r.recipients()).containsExactly("csirt@sakura-bank.co.jp");
    MailRedaction.Result shared = MailRedaction.apply(r, BANK);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), false).toString();
    assertThat(bundle)
        .doesNotContain("鈴木")
        .doesNotContain("花子")
        .doesNotContain("Kobayashi")
        .doesNotContain("h.suzuki")
        .doesNotContain("sakura-trust")
        // the attacker's side is the intelligence and stays
        .contains("invoice-check.example/login")
        .contains(r.attachments().get(0).sha256());
    assertThat(shared.shared().toString())
        .doesNotContain("鈴木")
        .doesNotContain("Kobayashi")
        .doesNotContain("sakura-trust");
    assertThat(r.forwardedRecipients())
        .containsExactlyInAnyOrder(
            "h.suzuki@sakura-trust.example", "kobayashi@sakura-trust.example");
  }

  private static ByteArrayInputStream bytes(String eml) {
    return new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8));
  }
}
