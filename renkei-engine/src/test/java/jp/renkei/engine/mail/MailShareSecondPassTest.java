package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * What a shared lure still gave away after share34 (share35): half a name where the analyser cut a
 * text without "…", a Bcc'd victim's name the kit writes in kanji or as a greeting, a name glued to
 * an honorific or digits or written in hex inside a link, a platform recipient's display name taken
 * out of the subject as if it were a person's, and the receiving servers' public addresses under a
 * From forged at the victims' own domain. Each lure goes through the analyser, the share's
 * redaction and the STIX bundle, as a C4TAP share does.
 */
class MailShareSecondPassTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static MailReport analysed(String message) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static String bundle(String message, Redactor organisation) {
    MailRedaction.Result shared = MailRedaction.apply(analysed(message), organisation);
    return MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), false)
        .toString()
        .toLowerCase(Locale.ROOT);
  }

  private static String around(String bundle, String word) {
    return String.join(" | ", MailShareHiddenVictimsTest.around(bundle, word));
  }

  @Test
  void aBannerCutAtItsLengthLeavesNoHalfOfAVictimsName() {
    int halves = 0;
    for (int pad = 0; pad <= 14; pad++) {
      String banner = "Authentic Sender " + "ok ".repeat(56 + pad / 3) + "x".repeat(pad % 3);
      String lure =
          "From: \"IT Desk\" <desk@m365-notice.example>\r\n"
              + "To: \"Tanaka Ichiro\" <ichiro@sakura-trust.example>\r\n"
              + "X-Message-Flag: "
              + banner
              + " Tanaka Ichiro\r\n"
              + "Subject: mailbox quota\r\nMIME-Version: 1.0\r\n"
              + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
              + "Your mailbox is full. Sign in now: https://evil-login.example/owa\r\n";
      MailReport r = analysed(lure);
      String evidence =
          r.findings().stream()
              .filter(f -> f.flag() == RedFlag.VOUCHING_BANNER)
              .map(MailReport.Finding::evidence)
              .findFirst()
              .orElseThrow();
      // the banner's cut falls inside the name for some pads (else this test proves nothing)
      if (evidence.toLowerCase(Locale.ROOT).matches("(?s).*\\btan[a-z]{0,2}\\W*$")) {
        halves++;
      }
      String b = bundle(lure, BANK);
      assertThat(around(b, "tan")).as("pad " + pad).isEmpty();
      assertThat(around(b, "ichi")).as("pad " + pad).isEmpty();
    }
    assertThat(halves).isPositive();
  }

  /** A lure Bcc'd to h.sato@, greeting the victim by the kanji name the address does not spell. */
  private static final String KANJI_GREETING =
      "Delivered-To: h.sato@sakura-trust.example\r\n"
          + "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
          + "To: undisclosed-recipients:;\r\n"
          + "Subject: =?UTF-8?B?"
          + java.util.Base64.getEncoder()
              .encodeToString("【重要】佐藤様 アカウントの確認".getBytes(StandardCharsets.UTF_8))
          + "?=\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
          + "佐藤 花子様\r\n\r\n"
          + "佐藤様のアカウントで不審なサインインがありました。至急ログインしてパスワードを確認してください。\r\n"
          + "https://evil-login.example/verify\r\n";

  @Test
  void aBccdVictimGreetedByAKanjiNameLosesTheName() {
    String b = bundle(KANJI_GREETING, BANK);
    assertThat(around(b, "佐藤")).isEmpty();
    assertThat(around(b, "花子")).isEmpty();
    assertThat(b).contains("evil-login.example");
  }

  @Test
  void aBccdVictimGreetedInLatinLettersLosesTheName() {
    String lure =
        "Delivered-To: hsato@sakura-trust.example\r\n"
            + "From: \"Mail Admin\" <admin@m365-notice.example>\r\n"
            + "To: undisclosed-recipients:;\r\n"
            + "Subject: Hanako, your mailbox is full\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Dear Hanako Sato,\r\n\r\n"
            + "Your mailbox is full. Verify your password now or lose your mail:\r\n"
            + "https://evil-login.example/verify\r\n";
    String b = bundle(lure, BANK);
    assertThat(around(b, "hanako")).isEmpty();
    assertThat(b).contains("your mailbox is full");
  }

  @Test
  void aPersonTheDirectoryKnowsIsLookedForAtACutByName() {
    // the uploading organisation's directory knows 佐藤 花子 behind h.sato@; the kit writes the name
    // in the middle of its text, where a quote's cut may halve it (no greeting at the top)
    Redactor bank =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"),
                List.of("sakura-bank.co.jp"),
                List.of("h.sato@sakura-bank.co.jp"),
                List.of("佐藤 花子"),
                List.of()),
            Map.of());
    String filler = "お客様のメールアカウントのセキュリティ設定が本日変更されましたので確認が必要です";
    int cut = 0;
    for (int pad = 0; pad <= 40; pad++) {
      String lure =
          "Delivered-To: h.sato@sakura-bank.co.jp\r\n"
              + "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
              + "To: h.sato@sakura-bank.co.jp, k.ito@sakura-bank.co.jp\r\n"
              + "Subject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
              + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
              + "いつもご利用ありがとうございます。\r\n\r\n"
              + "佐藤花子様"
              + filler.substring(0, pad)
              + "至急ログインしてください。パスワードを入力してください。\r\n"
              + "https://evil-login.example/login\r\n";
      MailReport r = analysed(lure);
      if (r.findings().stream()
          .anyMatch(f -> f.evidence().contains("…藤") || f.evidence().contains("…花"))) {
        cut++;
      }
      String b = bundle(lure, bank);
      for (String piece : List.of("佐", "藤", "花子")) {
        assertThat(around(b, piece)).as("pad " + pad).isEmpty();
      }
    }
    assertThat(cut).isPositive();
  }

  @Test
  void aVictimsNameGluedToAnHonorificDigitsOrWrittenInHexLeavesEveryLinkAndIndicator() {
    String address = "tanaka@sakura-trust.example";
    StringBuilder hexAddress = new StringBuilder();
    for (byte x : address.getBytes(StandardCharsets.UTF_8)) {
      hexAddress.append(String.format("%02x", x));
    }
    String lure =
        "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
            + "To: \"Tanaka Ichiro\" <"
            + address
            + ">\r\n"
            + "Subject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>パスワードの有効期限が切れます。至急ログインしてください。</p>"
            + "<p><a href=\"https://evil-login.example/tanakasan/login\">ログイン</a>"
            + " <a href=\"https://evil-login.example/l?u=tanaka01\">確認</a>"
            + " <a href=\"https://evil-login.example/h?n=74616e616b61\">確認</a>"
            + " <a href=\"https://evil-login.example/e?a="
            + hexAddress
            + "\">確認</a>"
            + " <a href=\"https://sites.google.com/view/ichirotanaka/home\">ページ</a>"
            + " <a href=\"https://tanaka-shop.example/tanakaya/info?id=deadbeefcafebabe\">店</a></p>\r\n";
    String b = bundle(lure, BANK);
    assertThat(around(b, "tanakasan")).isEmpty();
    assertThat(around(b, "tanaka01")).isEmpty();
    assertThat(around(b, "74616e616b61")).isEmpty();
    assertThat(around(b, hexAddress.toString())).isEmpty();
    assertThat(around(b, "ichirotanaka")).isEmpty();
    // the kit's links stay, as does what only begins with the name or is no text once decoded
    assertThat(b)
        .contains("https://evil-login.example/%5bredacted%5d/login")
        .contains("[domain-name:value = 'evil-login.example']")
        .contains("tanaka-shop.example/tanakaya/info?id=deadbeefcafebabe");
    // the page on the brand's service whose path named the victim makes no indicator
    assertThat(b).doesNotContain("[url:value = 'https://sites.google.com/view/");
  }

  @Test
  void aLinkQuotedInTheEvidenceLosesTheVictimAsTheLinkDoes() {
    String lure =
        "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
            + "To: \"Tanaka Ichiro\" <tanaka@sakura-trust.example>\r\n"
            + "Subject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>パスワードの有効期限が切れます。至急ログインしてパスワードを入力してください。</p>"
            + "<p><a href=\"https://evil-login.example/tanakasan/verify\">ログイン</a></p>\r\n";
    MailReport r = analysed(lure);
    // the analysis quotes the link in a sign's evidence (else this test proves nothing)
    assertThat(r.findings().stream().map(MailReport.Finding::evidence))
        .anyMatch(e -> e.contains("tanakasan"));
    String b = bundle(lure, BANK);
    assertThat(around(b, "tanakasan")).isEmpty();
    assertThat(b).contains("evil-login.example/%5bredacted%5d/verify");
  }

  @Test
  void aPlatformRecipientsDisplayNameStaysInTheSubject() {
    String lure =
        "From: \"Ichiro Tanaka\" <notifications@github.com>\r\n"
            + "To: \"octo-org/billing-app\" <billing-app@noreply.github.com>\r\n"
            + "Cc: \"Ichiro Tanaka\" <tanaka@sakura-trust.example>\r\n"
            + "Subject: Re: [octo-org/billing-app] Tanaka fixes the login redirect (PR #12)\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Merged #12 into main.\r\n";
    MailRedaction.Result shared = MailRedaction.apply(analysed(lure), BANK);
    assertThat(shared.shared().subject())
        .contains("[octo-org/billing-app]")
        .doesNotContainIgnoringCase("tanaka");
  }

  /** The victims' own receiving servers, under a From forged at their own (unlisted) domain. */
  private static final String FORGED_OWN =
      "Received: from mx1.sakura-trust.example (mx1.sakura-trust.example [198.51.100.20]) by"
          + " mbx01.sakura-trust.example; Mon, 16 Nov 2026 09:12:05 +0900\r\n"
          + "Received: from relay.attacker.example (relay.attacker.example [203.0.113.66]) by"
          + " mx1.sakura-trust.example (Postfix) with ESMTP id 7Qw2Lm; Mon, 16 Nov 2026 09:12:03"
          + " +0900\r\n"
          + "Received: from kit-host.attacker.example ([192.0.2.77]) by relay.attacker.example"
          + " with ESMTPSA; Mon, 16 Nov 2026 09:12:01 +0900\r\n"
          + "From: \"社長\" <ceo@sakura-trust.example>\r\n"
          + "To: ichiro@sakura-trust.example\r\n"
          + "Subject: 至急の振込依頼\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
          + "至急、本日中に下記口座へ振込をお願いします。この件は内密にしてください。\r\n";

  @Test
  void aFromForgedAtTheVictimsOwnDomainLeavesNoneOfTheirServersAddresses() {
    String b = bundle(FORGED_OWN, BANK);
    assertThat(b).doesNotContain("198.51.100.20");
    assertThat(around(b, "sakura-trust")).isEmpty();
    assertThat(around(b, "mbx01")).isEmpty();
    // the attacker's servers stay: the relay that handed it in and the origin
    assertThat(b).contains("203.0.113.66").contains("192.0.2.77");
  }

  @Test
  void aSelfAddressedBccLureKeepsItsOrigin() {
    String lure =
        "Delivered-To: ichiro@sakura-trust.example\r\n"
            + "Received: from mx1.sakura-trust.example ([198.51.100.20]) by"
            + " mbx01.sakura-trust.example; Mon, 16 Nov 2026 09:12:05 +0900\r\n"
            + "Received: from out.attacker.example (out.attacker.example [203.0.113.66]) by"
            + " mx1.sakura-trust.example; Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "From: \"Billing\" <billing@attacker.example>\r\n"
            + "To: billing@attacker.example\r\n"
            + "Subject: 請求書のご確認\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "請求書を確認してください: https://attacker.example/invoice\r\n";
    String b = bundle(lure, BANK);
    assertThat(b).contains("203.0.113.66").doesNotContain("198.51.100.20");
  }

  @Test
  void aShortLinkGoesInTheNoteButMakesNoObjectAndNoIndicator() {
    // a short code may be made for one victim, and the shortener's preview shows where it leads
    // (a kit's ?e=victim): no indicator asks receivers to match it (share35 decision); share38:
    // nor is it an object a partner's tool would block the shortener by — the note writes it out
    // for the analysts (docs/taxii.md)
    String lure =
        "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
            + "To: ichiro@sakura-trust.example\r\n"
            + "Subject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "パスワードの有効期限が切れます。至急ログインしてください。 https://bit.ly/3xQz9Ab\r\n";
    String b = bundle(lure, BANK);
    assertThat(b).doesNotContain("\"value\":\"https://bit.ly/3xqz9ab\"");
    // (the helper gives the bundle lower-cased)
    assertThat(b).contains("redirects: ").contains("https://bit.ly/3xqz9ab");
    assertThat(b).doesNotContain("[domain-name:value = 'bit.ly']").doesNotContain("[url:value");
  }
}
