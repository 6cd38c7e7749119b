package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * A lure reaches the analyst the way staff are told to report one: forwarded as an attachment
 * (Outlook's "forward as attachment", a "report phishing" button). The message's own recipients are
 * then the analysts; the lure's victims are the To and Cc of the message inside. A shared copy took
 * out only the first: the victims' names and addresses at a domain the directory does not list (a
 * group company's, a private one) went to every reader in the attachment's name, the link and the
 * evidence (attack31b).
 */
class MailShareForwardedTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  static final String FORWARDED =
      "Received: from exch01.sakura-bank.co.jp ([10.1.2.3]) by exch02.sakura-bank.co.jp;"
          + " Mon, 16 Nov 2026 10:12:05 +0900\r\n"
          + "From: \"Service desk\" <desk@sakura-bank.co.jp>\r\nTo: \"CSIRT\" <csirt@sakura-bank.co.jp>\r\n"
          + "Subject: Fwd: 請求書の確認\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"F\"\r\n\r\n"
          + "--F\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n不審なメールが届きました。\r\n"
          + "--F\r\nContent-Type: message/rfc822\r\n\r\n"
          + "Received: from mail.attacker.example (unknown [203.0.113.45]) by mx1.sakura-bank.co.jp;"
          + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
          + "From: \"経理部\" <keiri@invoice-check.example>\r\n"
          + "To: \"鈴木 花子\" <h.suzuki@sakura-trust.example>\r\n"
          + "Cc: \"Kobayashi Jiro\" <kobayashi@sakura-trust.example>\r\nSubject: 請求書の確認\r\n"
          + "Content-Type: multipart/mixed; boundary=\"G\"\r\n\r\n--G\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n\r\nKobayashi Jiro 様\r\n"
          + "至急、添付の請求書をご確認ください。パスワードを入力してログインしてください。"
          + " https://invoice-check.example/login?e=h.suzuki@sakura-trust.example\r\n"
          + "--G\r\nContent-Type: application/octet-stream; name=\"請求書_鈴木花子.pdf.exe\"\r\n"
          + "Content-Disposition: attachment; filename=\"請求書_鈴木花子.pdf.exe\"\r\n"
          + "Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n"
          + "--G--\r\n\r\n--F--\r\n";

  @Test
  void theVictimsOfALureForwardedAsAnAttachmentAreTakenOutAsRecipientsAre() {
    MailReport r =
        new MailAnalyzer()
            .analyze(new ByteArrayInputStream(FORWARDED.getBytes(StandardCharsets.UTF_8)));
    // the report the analyst reads still names the message's own recipients only
    assertThat(r.recipients()).containsExactly("csirt@sakura-bank.co.jp");
    assertThat(r.forwardedRecipients())
        .containsExactly("h.suzuki@sakura-trust.example", "kobayashi@sakura-trust.example");
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
    assertThat(shared.removed())
        .anyMatch(x -> x.startsWith("attachment name: "))
        .anyMatch(x -> x.startsWith("recipient in a link "));
  }
}
