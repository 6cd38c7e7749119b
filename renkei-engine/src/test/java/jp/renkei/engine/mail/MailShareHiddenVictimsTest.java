package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * A victim a lure never names in To or Cc: Bcc'd (only the receiving servers' Delivered-To,
 * X-Original-To, Envelope-To, X-Forwarded-To or a Received header's "for" say whom it reached), in
 * an Outlook file's recipient table beside the internet headers it kept, or named in an inline
 * forward's header block under another label (送信先:, À :, An:). The kit writes the victim into the
 * subject, the link and the attachment's name all the same; a shared copy must take them out there
 * too (share34).
 */
class MailShareHiddenVictimsTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  /** A lure to undisclosed recipients, naming h.sato in its subject, link and attachment. */
  private static String lure(String envelope) {
    return envelope
        + "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
        + "To: undisclosed-recipients:;\r\n"
        + "Subject: h.sato様 パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n"
        + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
        + "<p>パスワードの有効期限が切れます。至急ログインしてください。</p>"
        + "<p><a href=\"https://evil-login.example/login?u=h.sato\">h.sato のログイン</a></p>"
        + "\r\n--b1\r\nContent-Type: application/octet-stream; name=\"h.sato_請求書.pdf.exe\"\r\n"
        + "Content-Disposition: attachment; filename=\"h.sato_請求書.pdf.exe\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n"
        + "--b1--\r\n";
  }

  private static final String HOP =
      "Received: from mail.attacker.example (unknown [203.0.113.45]) by mx1.sakura-trust.example;"
          + " Mon, 16 Nov 2026 09:12:03 +0900\r\n";

  private static String bundle(byte[] message) {
    MailReport r = new MailAnalyzer().analyze(new ByteArrayInputStream(message));
    MailRedaction.Result shared = MailRedaction.apply(r, BANK);
    return MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), false)
        .toString()
        .toLowerCase(Locale.ROOT);
  }

  /** Each place {@code word} stands in {@code text}, with a little around it (short failures). */
  static List<String> around(String text, String word) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      out.add(text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40)));
    }
    return out;
  }

  private static String bundle(String message) {
    return bundle(message.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aVictimOnlyTheReceivingServersNameIsTakenOut() {
    for (String envelope :
        List.of(
            "Delivered-To: h.sato@sakura-trust.example\r\n",
            "X-Original-To: h.sato@sakura-trust.example\r\n",
            "Envelope-To: h.sato@sakura-trust.example\r\n",
            "X-Forwarded-To: h.sato@sakura-trust.example\r\n",
            "Received: from mx1.sakura-trust.example by mbox.sakura-trust.example"
                + " for <h.sato@sakura-trust.example>; Mon, 16 Nov 2026 09:12:04 +0900\r\n")) {
      String b = bundle(HOP + envelope + lure(""));
      assertThat(around(b, "sato")).as(envelope).isEmpty();
      assertThat(b).contains("evil-login.example");
    }
  }

  @Test
  void aVictimOnlyInAnOutlookFilesRecipientTableIsTakenOut() {
    String headers =
        HOP
            + "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
            + "To: undisclosed-recipients:;\r\n"
            + "Subject: h.sato様 佐藤 花子様 パスワードの有効期限\r\n";
    byte[] msg =
        new OutlookFile()
            .headers(headers)
            .subject("h.sato様 佐藤 花子様 パスワードの有効期限")
            .to("佐藤 花子", "h.sato@sakura-trust.example")
            .html(
                "<p>佐藤 花子様 パスワードの有効期限が切れます。至急ログインしてください。</p>"
                    + "<p><a href=\"https://evil-login.example/login?u=h.sato\">ログイン</a></p>")
            .attach(
                "佐藤花子_請求書.pdf.exe",
                "application/octet-stream",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0})
            .bytes();
    MailReport r = new MailAnalyzer().analyze(new ByteArrayInputStream(msg));
    // the analysis itself reads the header block Outlook kept: the victim is not in its To
    assertThat(r.subject()).contains("h.sato");
    String b = bundle(msg);
    assertThat(around(b, "sato")).isEmpty();
    assertThat(around(b, "佐藤")).isEmpty();
    assertThat(around(b, "花子")).isEmpty();
    assertThat(b).contains("evil-login.example");
  }

  @Test
  void aVictimNamedUnderAnotherLabelOfAnInlineForwardIsTakenOut() {
    for (String label : List.of("送信先: ", "宛先: ", "À : ", "An: ")) {
      String message =
          "Received: from exch01.sakura-bank.co.jp ([10.1.2.3]) by exch02.sakura-bank.co.jp;"
              + " Mon, 16 Nov 2026 10:12:05 +0900\r\n"
              + "From: \"Service desk\" <desk@sakura-bank.co.jp>\r\n"
              + "To: \"CSIRT\" <csirt@sakura-bank.co.jp>\r\n"
              + "Subject: Fwd: 請求書の確認\r\nMIME-Version: 1.0\r\n"
              + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
              + "不審なメールが届きました。\r\n\r\n-----Original Message-----\r\n"
              + "From: 経理部 <keiri@invoice-check.example>\r\n"
              + "Sent: 2026年11月16日 9:12\r\n"
              + label
              + "佐藤 花子 <h.sato@sakura-trust.example>\r\n"
              + "Subject: 請求書の確認\r\n\r\n"
              + "佐藤 花子様\r\n至急、請求書をご確認ください。パスワードを入力してログインしてください。"
              + " https://invoice-check.example/login?u=h.sato\r\n";
      String b = bundle(message);
      assertThat(around(b, "sato")).as(label).isEmpty();
      assertThat(around(b, "佐藤")).as(label).isEmpty();
      assertThat(b).contains("invoice-check.example");
    }
  }
}
