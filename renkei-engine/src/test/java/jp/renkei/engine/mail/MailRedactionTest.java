package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

class MailRedactionTest {

  @Test
  void aRecipientOutsideTheOrganisationsDomainsIsTakenOutEverywhere() {
    String eml =
        "From: \"Microsoft 365\" <no-reply@m1crosoft-security.example>\r\n"
            + "To: alice.tanaka@ops-mail.example\r\nSubject: Password expiry\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Dear alice.tanaka@ops-mail.example,"
            + " your password expires today.</p><a href=\"https://reset.login-verify.example/?u="
            + "alice.tanaka@ops-mail.example\">https://outlook.office.com/</a>";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.toString()).contains("alice.tanaka@ops-mail.example");
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"), List.of("sakura-bank.co.jp"), List.of(), List.of(), List.of()),
            Map.of());
    MailRedaction.Result shared = MailRedaction.apply(r, identity);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), true).toString();
    assertThat(bundle).doesNotContain("alice.tanaka").contains("reset.login-verify.example");
    assertThat(shared.shared().findings())
        .allSatisfy(
            f -> {
              assertThat(f.evidence()).doesNotContain("alice.tanaka");
              assertThat(f.evidence(false)).doesNotContain("alice.tanaka");
            });
    assertThat(shared.removed())
        .contains("recipient alice.tanaka@ops-mail.example")
        .anyMatch(x -> x.startsWith("recipient in a link "));
  }

  /**
   * A lure posted to a mailing list that rewrote From to its own posting address (DMARC) and put
   * the poster in Reply-To: the preview listed the list's address as a recipient and as "a sender
   * forging the organisation's address" (ux30's review). The list is how the message came, neither
   * victim nor forgery; it is still taken out (it says which lists the organisation reads, and as
   * an indicator it would match every honest post), under its own name.
   */
  @Test
  void aMailingListsOwnAddressIsTakenOutAsTheListNotAsAVictimOrAForgery() {
    String eml =
        "Return-Path: <members-bounces@lists.tokyo-users.example>\r\n"
            + "From: \"Amazon.co.jp via Members\" <members@lists.tokyo-users.example>\r\n"
            + "Reply-To: \"Amazon.co.jp\" <amazon-notice@lure-mail.example>\r\n"
            + "To: Members <members@lists.tokyo-users.example>\r\nSender: \"Members\" <members-bounces@lists.tokyo-users.example>\r\n"
            + "List-Id: Development <members.lists.tokyo-users.example>\r\n"
            + "List-Post: <mailto:members@lists.tokyo-users.example>\r\n"
            + "X-BeenThere: members@lists.tokyo-users.example\r\nSubject: Account suspended\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Your account is suspended.</p>"
            + "<a href=\"https://amazon-verify.lure-mail.example/signin\">Sign in</a>";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.listAddresses()).containsExactly("members@lists.tokyo-users.example");
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"), List.of("sakura-bank.co.jp"), List.of(), List.of(), List.of()),
            Map.of());
    MailRedaction.Result shared = MailRedaction.apply(r, identity);
    assertThat(shared.removed())
        .contains(
            "mailing list members@lists.tokyo-users.example",
            "sender (the mailing list's own address) members@lists.tokyo-users.example")
        .noneMatch(x -> x.startsWith("recipient ") || x.startsWith("sender (an address"));
    assertThat(shared.removed().stream().map(x -> MailRedaction.removed(x).kind()))
        .contains("mailingList", "listSender")
        .doesNotContain("recipient", "sender", "other");
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), true).toString();
    assertThat(bundle)
        .doesNotContain("members@lists.tokyo-users.example")
        .contains("amazon-verify.lure-mail.example");
    assertThat(shared.shared().from()).isNull();
    assertThat(shared.shared().listAddresses()).isEmpty();
  }

  /**
   * A victim sent the lure in Bcc (To: undisclosed-recipients) at a domain the directory does not
   * list: only the servers' Delivered-To, X-Original-To and Received "for" name it, and the kit's
   * link and greeting carry it. The shared copy kept it in the link, the STIX and the evidence
   * (attack19): the recipients the redaction takes out were To and Cc alone.
   */
  @Test
  void aRecipientNamedOnlyByTheReceivingServersIsTakenOutEverywhere() {
    for (String header :
        List.of(
            "Delivered-To: bob.sato@ops-mail.example\r\n",
            "X-Original-To: bob.sato@ops-mail.example\r\n",
            "Received: from mail.attacker.example ([203.0.113.45]) by mx.ops-mail.example with ESMTP"
                + " id 4Q1x for <bob.sato@ops-mail.example>; Mon, 16 Nov 2026 09:12:03 +0900\r\n")) {
      String eml =
          header
              + "From: \"Microsoft 365\" <no-reply@m1crosoft-security.example>\r\n"
              + "To: undisclosed-recipients:;\r\nSubject: Password expiry for bob.sato@ops-mail.example\r\n"
              + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Dear bob.sato@ops-mail.example,"
              + " your password expires today.</p><a href=\"https://reset.login-verify.example/?u="
              + "bob.sato@ops-mail.example\">https://outlook.office.com/</a>";
      MailReport r =
          new MailAnalyzer()
              .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
      Redactor identity =
          new Redactor(
              new Identity(
                  List.of("さくら架空銀行"),
                  List.of("sakura-bank.co.jp"),
                  List.of(),
                  List.of(),
                  List.of()),
              Map.of());
      MailRedaction.Result shared = MailRedaction.apply(r, identity);
      String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), true).toString();
      assertThat(bundle)
          .as(header)
          .doesNotContain("bob.sato")
          .contains("reset.login-verify.example");
      assertThat(shared.shared().toString()).as(header).doesNotContain("bob.sato");
      assertThat(shared.removed()).as(header).contains("recipient bob.sato@ops-mail.example");
    }
  }

  @Test
  void theReceivingOrganisationLeavesNoTraceInTheSharedCopy() {
    String eml =
        "Received: from mail.attacker.example (unknown [203.0.113.45]) by mx.sakura-bank.co.jp (Postfix);"
            + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "Received: from mx.sakura-bank.co.jp ([192.0.2.10]) by mbox.sakura-bank.co.jp;"
            + " Mon, 16 Nov 2026 09:12:04 +0900\r\n"
            + "From: \"さくら架空銀行 情報システム部\" <it-support@sakura-bank-login.example>\r\n"
            + "To: \"山田 花子\" <yamada@sakura-bank.co.jp>\r\n"
            + "Subject: さくら架空銀行 様 パスワード更新のお願い\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<a href=\"http://sakura-bank-login.example/reset\">https://www.sakura-bank.co.jp/reset</a>"
            + " <a href=\"https://www.sakura-bank.co.jp/privacy\">privacy</a>";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行", "Sakura Fictional Bank"),
                List.of("sakura-bank.co.jp"),
                List.of("yamada@sakura-bank.co.jp"),
                List.of("山田 花子"),
                List.of("192.0.2.0/24")),
            Map.of());
    MailRedaction.Result shared = MailRedaction.apply(r, identity);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), true).toString();
    assertThat(bundle)
        .doesNotContain("さくら架空銀行")
        .doesNotContain("yamada")
        .doesNotContain("192.0.2.10")
        .doesNotContain("www.sakura-bank.co.jp/privacy")
        .contains("sakura-bank-login.example") // the phishing domain is the intelligence
        .contains("203.0.113.45");
    assertThat(shared.removed())
        .contains("recipient yamada@sakura-bank.co.jp", "relay address 192.0.2.10")
        .anyMatch(x -> x.startsWith("subject: "))
        .anyMatch(x -> x.startsWith("link to own site https://www.sakura-bank.co.jp/privacy"));
  }

  /**
   * Phishing kits carry the victim's address in their links, encoded: the attacker's link is shared
   * (it is the intelligence), the address in it is not, in any encoding tried here —
   * percent-encoded once and twice, base64 standard and URL-safe with and without padding, inside a
   * longer value, in the link text and the findings' evidence. Found by a new user's walk: a share
   * showed {@code ?e=taro.yamada%40sakura-bank.example} to another sector.
   */
  @Test
  void theVictimsAddressInsideTheAttackersLinksIsTakenOutAndTheLinksKept() {
    String b64 =
        java.util.Base64.getEncoder()
            .encodeToString("yamada@sakura-bank.co.jp".getBytes(StandardCharsets.UTF_8));
    String b64url =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("u=yamada@sakura-bank.co.jp&t=1".getBytes(StandardCharsets.UTF_8));
    String eml =
        "From: \"Microsoft 365\" <no-reply@o365-login.example>\r\n"
            + "To: yamada@sakura-bank.co.jp\r\n"
            + "Reply-To: yamada@sakura-bank.co.jp\r\n"
            + "Subject: Password expiry\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<a href=\"https://evil-o365.example.org/x?e=yamada%40sakura-bank.co.jp\">a</a>"
            + " <a href=\"https://evil-o365.example.org/y?e=yamada%2540sakura-bank.co.jp\">b</a>"
            + " <a href=\"https://evil-o365.example.org/z#"
            + b64
            + "\">c</a>"
            + " <a href=\"https://evil-o365.example.org/w?d="
            + b64url
            + "\">d</a>"
            + " <a href=\"https://evil-o365.example.org/v?email=yamada@sakura-bank.co.jp\">"
            + "Sign in as yamada@sakura-bank.co.jp</a>"
            + " <a href=\"https://evil-o365.example.org/u?e=YAMADA%40SAKURA-BANK.CO.JP\">f</a>";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"),
                List.of("sakura-bank.co.jp"),
                List.of("yamada@sakura-bank.co.jp"),
                List.of("山田 花子"),
                List.of("192.0.2.0/24")),
            Map.of());
    MailRedaction.Result shared = MailRedaction.apply(r, identity);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), true).toString();
    String report = shared.shared().toString();
    for (String out : List.of(bundle, report)) {
      String lower = out.toLowerCase(java.util.Locale.ROOT);
      assertThat(lower).doesNotContain("yamada").doesNotContain("sakura-bank");
      assertThat(MailRedaction.percentDecoded(MailRedaction.percentDecoded(lower)))
          .doesNotContain("yamada");
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("[A-Za-z0-9+/_-]{8,}").matcher(out);
      while (m.find()) {
        String decoded = MailRedaction.base64Text(m.group());
        assertThat(decoded == null ? "" : decoded.toLowerCase(java.util.Locale.ROOT))
            .as(m.group())
            .doesNotContain("yamada");
      }
    }
    // the attacker's links are all still there, each once
    assertThat(shared.shared().links())
        .extracting(MailReport.Link::url)
        .hasSize(6)
        .allMatch(u -> u.startsWith("https://evil-o365.example.org/"))
        .contains("https://evil-o365.example.org/x?e=" + MailRedaction.HIDDEN);
    assertThat(bundle).contains("evil-o365.example.org");
    assertThat(shared.shared().replyTo()).isEmpty();
    assertThat(shared.removed())
        .anyMatch(x -> x.startsWith("recipient in a link "))
        .anyMatch(x -> x.startsWith("link text: "))
        .noneMatch(x -> x.startsWith("link to own site"));
    // every line is read back as a known kind, for the preview in the reader's words
    assertThat(shared.removed())
        .extracting(x -> MailRedaction.removed(x).kind())
        .doesNotContain("other")
        .contains("recipient", "recipientInLink", "linkText", "replyTo");
  }

  /**
   * A base64 address whose length is not a multiple of three ends in padding ({@code …ZQ==}); the
   * piece read from the link stops at the '=', and its last two characters were dropped before
   * decoding, so the address lost its last letter ({@code …@sakura-bank.exampl}) and was not
   * recognised: a new user's walk shared {@code login.php?email=dGFyby55…ZQ==} with the receiving
   * bank's address in it, in the link and in the evidence of three red flags.
   */
  @Test
  void aBase64AddressWhosePaddingEndsThePieceIsTakenOut() {
    String address = "taro.yamada@sakura-bank.co.jp"; // 29 bytes: base64 ends in one '='
    String b64 =
        java.util.Base64.getEncoder().encodeToString(address.getBytes(StandardCharsets.UTF_8));
    assertThat(b64).endsWith("=");
    assertThat(MailRedaction.base64Text(b64.replace("=", ""))).contains(address);
    String eml =
        "From: IT Help Desk <helpdesk@mailbox-support.example.net>\r\n"
            + "To: someone-else@partner.example\r\n"
            + "Subject: Password expiry notice\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>Your password expires today.</p><a href=\"http://198.51.100.7/owa/login.php?email="
            + b64
            + "\">https://outlook.office365.com/verify</a>";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"), List.of("sakura-bank.co.jp"), List.of(), List.of(), List.of()),
            Map.of());
    MailRedaction.Result shared = MailRedaction.apply(r, identity);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), true).toString();
    String without = b64.replace("=", "");
    assertThat(bundle).doesNotContain(without).contains("http://198.51.100.7/owa/login.php");
    assertThat(shared.shared().links())
        .extracting(MailReport.Link::url)
        .anyMatch(
            u -> u.startsWith("http://198.51.100.7/owa/login.php?email=" + MailRedaction.HIDDEN));
    assertThat(shared.shared().findings())
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.evidence()).doesNotContain(without);
              assertThat(f.evidence(false)).doesNotContain(without);
            });
    assertThat(shared.removed()).anyMatch(x -> x.startsWith("recipient in a link "));
  }

  /**
   * A QR code's link records where it was found, "qr " and the attachment's name; the name was
   * taken out of the shared attachments but kept in the link (attack16): the stored share named the
   * bank in the lure it was sent.
   */
  @Test
  void theAttachmentNameALinkWasFoundInIsTakenOutAsTheAttachmentsIs() throws Exception {
    String eml =
        MailImagesTest.withImage(
            "MFA", "さくら架空銀行_多要素認証.png", MailImagesTest.qrPng("http://198.51.100.7/mfa/login", 300));
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.links()).anyMatch(l -> l.where().contains("さくら架空銀行"));
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"), List.of("sakura-bank.co.jp"), List.of(), List.of(), List.of()),
            Map.of());
    MailReport shared = MailRedaction.apply(r, identity).shared();
    assertThat(shared.toString()).doesNotContain("さくら架空銀行");
    assertThat(shared.links())
        .anySatisfy(
            l -> {
              assertThat(l.url()).isEqualTo("http://198.51.100.7/mfa/login");
              assertThat(l.where()).startsWith("qr ").doesNotContain("さくら架空銀行");
            });
  }

  @Test
  void ordinaryLinksAndTextAreLeftAsTheyAre() {
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"), List.of("sakura-bank.co.jp"), List.of(), List.of(), List.of()),
            Map.of());
    for (String s :
        List.of(
            "https://evil.example/a%20b?q=%E3%81%82&token=QUJDREVGR0hJSktMTU5PUA==",
            "https://cdn.example/img/aGVsbG8gd29ybGQ.png", "Your mailbox is full", "")) {
      assertThat(MailRedaction.scrub(s, identity)).isEqualTo(s);
    }
  }
}
