package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * Kits write the victim into the link by the local part of the address alone ({@code ?u=tanaka},
 * {@code ?user=t.suzuki}, {@code #tanaka}) or by name ({@code ?n=Tanaka%20Ichiro}); a shared copy
 * took out only whole addresses, so every reader of the share learnt whom the lure reached
 * (attackshare33). The victims' local parts and names now go from the links' paths, queries and
 * fragments (the host, the attacker's indicator, stays whole), and from the subject, the link texts
 * and the attachment names; a mailbox that names a role (info@, soumu@) names nobody and stays.
 */
class MailShareVictimLocalPartsTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static final String LURE =
      "Received: from mail.attacker.example (unknown [203.0.113.45]) by mx1.sakura-bank.co.jp;"
          + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
          + "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
          + "To: \"田中 一郎 (Tanaka Ichiro)\" <tanaka@sakura-bank.co.jp>, t.suzuki@sakura-bank.co.jp,"
          + " k_yamamoto@sakura-bank.co.jp, info@sakura-bank.co.jp\r\n"
          + "Subject: t.suzuki様 yamamoto様 information: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n"
          + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>パスワードの有効期限が切れます。</p>"
          + "<p><a href=\"https://evil-login.example/login?u=tanaka\">ログイン</a></p>"
          + "<p><a href=\"https://evil-login.example/s?user=T.Suzuki&amp;id=1\">t.suzuki</a></p>"
          + "<p><a href=\"https://evil-login.example/p#yamamoto\">確認</a></p>"
          + "<p><a href=\"https://evil-login.example/n?name=Tanaka%20Ichiro\">確認</a></p>"
          + "<p><a href=\"https://evil-login.example/j?n=%E7%94%B0%E4%B8%AD%E6%A7%98\">確認</a></p>"
          + "<p><a href=\"https://evil-login.example/b?id=dGFuYWth\">確認</a></p>"
          + "<p><a href=\"https://tanaka-shop.example/tanakaya/info/index.html\">shop</a></p>"
          + "\r\n--b1\r\nContent-Type: application/octet-stream; name=\"k_yamamoto_請求書.pdf.exe\"\r\n"
          + "Content-Disposition: attachment; filename=\"k_yamamoto_請求書.pdf.exe\"\r\n"
          + "Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n"
          + "--b1--\r\n";

  private static MailRedaction.Result shared(String message) {
    MailReport r =
        new MailAnalyzer()
            .analyze(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    return MailRedaction.apply(r, BANK);
  }

  @Test
  void aVictimsLocalPartOrNameInALinkIsTakenOut() {
    MailRedaction.Result shared = shared(LURE);
    List<String> urls = shared.shared().links().stream().map(MailReport.Link::url).toList();
    assertThat(urls)
        .contains(
            "https://evil-login.example/login?u=" + MailRedaction.HIDDEN,
            "https://evil-login.example/s?user=" + MailRedaction.HIDDEN + "&id=1",
            "https://evil-login.example/p#" + MailRedaction.HIDDEN,
            "https://evil-login.example/n?name=" + MailRedaction.HIDDEN,
            "https://evil-login.example/j?n=" + MailRedaction.HIDDEN,
            "https://evil-login.example/b?id=" + MailRedaction.HIDDEN);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), false).toString();
    assertThat(bundle.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("=tanaka")
        .doesNotContain("suzuki")
        .doesNotContain("yamamoto")
        .doesNotContain("dgfuywth")
        .doesNotContain("%e7%94%b0");
    // the attacker's host stays an indicator
    assertThat(bundle).contains("[domain-name:value = 'evil-login.example']");
    assertThat(shared.removed())
        .contains(
            "recipient in a link https://evil-login.example/login?u=tanaka",
            "recipient in a link https://evil-login.example/p#yamamoto");
  }

  @Test
  void aVictimsLocalPartGoesFromTheSubjectLinkTextAndAttachmentName() {
    MailRedaction.Result shared = shared(LURE);
    assertThat(shared.shared().subject())
        .doesNotContain("suzuki")
        .doesNotContain("yamamoto")
        .contains("information");
    assertThat(shared.shared().links())
        .extracting(MailReport.Link::text)
        .doesNotContain("t.suzuki");
    assertThat(shared.shared().attachments().get(0).name()).doesNotContain("yamamoto");
    assertThat(shared.removed()).contains("subject: t.suzuki", "attachment name: k_yamamoto");
  }

  @Test
  void whatOnlyResemblesAVictimStays() {
    MailRedaction.Result shared = shared(LURE);
    // a host is never cut, a word inside a longer piece is no local part, and info@ names a role
    assertThat(shared.shared().links())
        .extracting(MailReport.Link::url)
        .contains("https://tanaka-shop.example/tanakaya/info/index.html");
  }

  @Test
  void aLinksHostIsNeverCutAlsoWithoutAScheme() {
    java.util.Set<String> words = java.util.Set.of("sakura", "tanaka");
    assertThat(MailRedaction.victimsOut("www.sakura-login.example/tanaka?u=sakura", words))
        .isEqualTo(
            "www.sakura-login.example/" + MailRedaction.HIDDEN + "?u=" + MailRedaction.HIDDEN);
    assertThat(MailRedaction.victimsOut("https://tanaka.kit.example/#tanaka", words))
        .isEqualTo("https://tanaka.kit.example/#" + MailRedaction.HIDDEN);
  }

  @Test
  void localPartsAreThoseThatMayNameAPerson() {
    assertThat(
            MailRedaction.localParts(
                List.of(
                    "t.suzuki@bank.example",
                    "taro_yamada+phish@bank.example",
                    "info@bank.example",
                    "soumu@bank.example",
                    "ab@bank.example",
                    "ito@bank.example",
                    "emp.20481@bank.example")))
        .containsExactly("t.suzuki", "suzuki", "taro_yamada", "taro", "yamada", "ito", "emp.20481");
  }

  /** Gmail's plain forward: the victim is in the quoted block, at a domain not in the directory. */
  @Test
  void aForwardedVictimsLocalPartIsTakenOutOfTheLink() {
    String gmail =
        "Received: from exch01.sakura-bank.co.jp ([10.1.2.3]) by exch02.sakura-bank.co.jp;"
            + " Mon, 16 Nov 2026 10:12:05 +0900\r\n"
            + "From: \"Service desk\" <desk@sakura-bank.co.jp>\r\n"
            + "To: \"CSIRT\" <csirt@sakura-bank.co.jp>\r\n"
            + "Subject: Fwd: Invoice overdue\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Suspicious, please check.\r\n\r\n---------- Forwarded message ---------\r\n"
            + "From: Accounts <billing@invoice-check.example>\r\n"
            + "Date: Mon, 16 Nov 2026 at 09:12\r\nSubject: Invoice overdue\r\n"
            + "To: Hanako Suzuki <h.suzuki@sakura-trust.example>\r\n\r\n"
            + "Dear customer, your invoice is overdue. Sign in to pay:"
            + " https://invoice-check.example/pay/h.suzuki/login\r\n";
    MailRedaction.Result shared = shared(gmail);
    assertThat(shared.shared().links())
        .extracting(MailReport.Link::url)
        .contains("https://invoice-check.example/pay/" + MailRedaction.HIDDEN + "/login")
        .noneMatch(u -> u.contains("suzuki"));
  }
}
