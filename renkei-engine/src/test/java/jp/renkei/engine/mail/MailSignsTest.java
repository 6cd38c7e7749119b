package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signs of real phishing (issue 19), on real-shaped Japanese and English messages, and the
 * context that keeps list and newsletter mail clean.
 */
class MailSignsTest {

  final MailAnalyzer analyzer = new MailAnalyzer();

  MailReport analyze(String headers, String contentType, String body) {
    String m =
        headers
            + "MIME-Version: 1.0\r\nContent-Type: "
            + contentType
            + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
            + "\r\n";
    return analyzer.analyze(new ByteArrayInputStream(m.getBytes(StandardCharsets.UTF_8)));
  }

  static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).distinct().toList();
  }

  static String subject(String s) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  @Test
  void aMailboxQuotaLureInEnglishIsCaught() {
    MailReport r =
        analyze(
            "Authentication-Results: mx.example.jp; spf=none smtp.mailfrom=rotarex.pl; dkim=none;"
                + " dmarc=none action=none header.from=rotarex.pl;compauth=fail reason=001\r\n"
                + "From: \"IT Helpdesk\" <admin@rotarex.pl>\r\nTo: user@example.jp\r\n"
                + "Subject: Your mailbox has reached the quota limit\r\n",
            "text/html",
            "<p>Your mailbox has reached the quota limit. Incoming messages will be deleted"
                + " within 24 hours.</p><a href=\"https://bit.ly/3xYz\">Verify your account</a>");
    assertThat(flags(r))
        .contains(
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY,
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("quota"))
        .anySatisfy(f -> assertThat(f.evidence()).contains("compauth=fail"));
  }

  @Test
  void aJapaneseBankLureFromAnotherDomainIsCaught() {
    MailReport r =
        analyze(
            "From: "
                + subject("三井住友カード")
                + " <info@smbc-card-secure.xyz>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + subject("【重要】ご利用確認のお願い")
                + "\r\n",
            "text/html",
            "<p>お客様のアカウントを一時停止しました。24時間以内に本人確認を行ってください。</p>"
                + "<a href=\"http://203.0.113.9/vpass/login\">ログインして確認</a>");
    assertThat(flags(r))
        .contains(
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY,
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void theJapaneseBrandsOfJapansPhishingReportsAreClaimedOnlyFromTheirOwnDomains() {
    // えきねっと, the ETC statement, PayPay, メルカリ and ビューカード in the display name, from a
    // domain not theirs
    for (String[] c :
        new String[][] {
          {"えきねっと", "【えきねっと】アカウントの有効期限のお知らせ"},
          {"ETC利用照会サービス", "【重要】ETC利用照会サービス 退会予告のお知らせ"},
          {"PayPay", "【PayPay】お支払い方法の確認"},
          {"メルカリ", "【メルカリ】お客様のアカウントを一時停止しました"},
          {"ビューカード", "【ビューカード】ご利用確認のお願い"}
        }) {
      MailReport r =
          analyze(
              "From: "
                  + subject(c[0])
                  + " <info@service-notice-jp.top>\r\nTo: a@example.jp\r\nSubject: "
                  + subject(c[1])
                  + "\r\n",
              "text/plain",
              "ご本人確認のため、下記よりログインしてください。");
      assertThat(flags(r)).as(c[0]).contains(RedFlag.BRAND_IMPERSONATION);
      assertThat(r.verdict()).as(c[0]).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
    // from their own domains, no claim; a person naming them is no claim either
    for (String[] c :
        new String[][] {
          {"えきねっと", "info@eki-net.com"},
          {"JR東日本", "news@jreast.co.jp"},
          {"ETC利用照会サービス", "info@etc-meisai.jp"},
          {"PayPay", "info@paypay.ne.jp"},
          {"メルカリ", "no-reply@mercari.jp"},
          {"ビューカード", "info@viewsnet.jp"}
        }) {
      MailReport own =
          analyze(
              "From: "
                  + subject(c[0])
                  + " <"
                  + c[1]
                  + ">\r\nTo: a@example.jp\r\nSubject: "
                  + subject("ご利用確認のお知らせ")
                  + "\r\n",
              "text/plain",
              "いつもご利用いただきありがとうございます。");
      assertThat(flags(own)).as(c[1]).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    }
    MailReport mention =
        analyze(
            "From: "
                + subject("山田 太郎")
                + " <taro.yamada@example.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + subject("出張の件")
                + "\r\n",
            "text/plain",
            "新幹線はえきねっとで予約し、PayPay で支払いました。メルカリで買った本も届きました。");
    assertThat(flags(mention)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(mention.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aBrandOnFreeMailAndAnHtmlAttachmentWithAFormAreCaught() {
    String html =
        "<html><body><form action=\"https://collect.example.net/p.php\" method=post>"
            + "<input name=email><input type=password name=pass></form></body></html>";
    String m =
        "From: \"Microsoft Account Team\" <ms.account.team@gmail.com>\r\nTo: a@example.jp\r\n"
            + "Subject: Microsoft account unusual sign-in activity\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nOpen the attached file to secure your"
            + " account.\r\n--B\r\nContent-Type: text/html\r\nContent-Disposition: attachment;"
            + " filename=\"Secure_Message.html\"\r\n\r\n"
            + html
            + "\r\n--B--\r\n";
    MailReport r = analyzer.analyze(new ByteArrayInputStream(m.getBytes(StandardCharsets.UTF_8)));
    assertThat(flags(r))
        .contains(
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.HTML_ATTACHMENT,
            RedFlag.HTML_FORM,
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION);
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("Microsoft ≠ gmail.com"));
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void anIpaThemeAndAPaymentLureAddUpInJapanese() {
    MailReport r =
        analyze(
            "From: "
                + subject("人事部")
                + " <jinji@mail-hr-notice.com>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + subject("【至急】人事異動と賞与の振込について")
                + "\r\n",
            "text/plain",
            "添付の資料の差替えをお送りします。至急ご確認ください。");
    assertThat(flags(r)).contains(RedFlag.TARGETED_THEME, RedFlag.URGENCY, RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void mailingListMailWithReplyToTheListAndTrackedNewsletterLinksIsClean() {
    MailReport list =
        analyze(
            "Return-Path: <users-bounces@lists.example.net>\r\n"
                + "From: Taro Yamada <taro@example.org>\r\nTo: users@lists.example.net\r\n"
                + "Reply-To: users@lists.example.net\r\nList-Id: Users <users.lists.example.net>\r\n"
                + "List-Post: <mailto:users@lists.example.net>\r\nPrecedence: list\r\n"
                + "Subject: Re: build fails on JDK 17\r\n",
            "text/plain",
            "Try a clean build; see http://example.org/wiki/Build for the steps.");
    assertThat(list.findings()).isEmpty();
    assertThat(list.verdict()).isEqualTo(MailReport.Verdict.CLEAN);

    MailReport newsletter =
        analyze(
            "From: Example Shop <news@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "List-Unsubscribe: <https://shop.example.com/unsub?u=1>\r\n"
                + "Subject: This week's picks\r\n",
            "text/html",
            "<p><a href=\"https://shop.us1.list-manage.com/track/click?u=1&id=2\">www.shop.example.com</a>"
                + " <a href=\"https://click.shop.example.com/ls/click?upn=abc\">shop.example.com/sale</a>"
                + " <a href=\"https://shop.example.com/unsub\">Unsubscribe</a></p>");
    assertThat(newsletter.findings()).isEmpty();
    assertThat(newsletter.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theRegistrableDomainComesFromThePublicSuffixList() {
    assertThat(MailDomains.registrable("www.city.chiyoda.tokyo.jp"))
        .isEqualTo("city.chiyoda.tokyo.jp");
    assertThat(MailDomains.registrable("mail.sakura-bank.co.jp")).isEqualTo("sakura-bank.co.jp");
    assertThat(MailDomains.registrable("evil.github.io")).isEqualTo("evil.github.io");
    assertThat(MailDomains.registrable("a.b.example.com")).isEqualTo("example.com");
    assertThat(MailDomains.registrable("not a domain")).isEqualTo("not a domain");
  }

  @Test
  void theStixNoteCarriesTheFindings() {
    MailReport r =
        analyze(
            "From: \"PayPal\" <service@paypa1-support.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Your account has been limited\r\n",
            "text/plain",
            "Please verify your account within 24 hours: http://198.51.100.7/paypal/signin");
    String bundle =
        MailStix.bundle(r, jp.renkei.engine.policy.Tlp.AMBER, java.time.Instant.EPOCH, false)
            .toString();
    assertThat(bundle)
        .contains("\"type\":\"note\"", "BRAND_IMPERSONATION", "CREDENTIAL_REQUEST")
        .contains(RedFlag.CREDENTIAL_REQUEST.ja(), RedFlag.BRAND_IMPERSONATION.ja());
  }

  @Test
  void aLoginLinkOnADomainImitatingTheSenderOrABrandIsALookalike() {
    // the sender's name inside another domain, on an unusual port (Nazario's WaMu lures)
    MailReport wamu =
        analyze(
            "From: Washington Mutual <support@wamu.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Washington Mutual Support\r\n",
            "text/html",
            "<p>Please confirm your online banking details.</p>"
                + "<a href=\"http://logon.personal.wamu4u.com:280/login\">Sign in</a>");
    assertThat(flags(wamu)).contains(RedFlag.LOOKALIKE_DOMAIN, RedFlag.SUSPICIOUS_LINK);
    assertThat(wamu.findings()).anySatisfy(f -> assertThat(f.evidence()).endsWith("≈ wamu.com"));
    // the sender's whole domain in the path of another host
    MailReport path =
        analyze(
            "From: security@bankofoklahoma.com\r\nTo: a@example.jp\r\nSubject: ATM\r\n",
            "text/plain",
            "Log in: http://vds-1.amen-pro.com/onlinebanking.bankofoklahoma.com/index.php");
    assertThat(flags(path)).contains(RedFlag.LOOKALIKE_DOMAIN);
    // a brand's name inside a domain that is not the brand's
    MailReport brand =
        analyze(
            "From: service@notice-center.net\r\nTo: a@example.jp\r\nSubject: Notice\r\n",
            "text/plain",
            "Sign in to continue: https://paypal-account-verify.net/signin");
    assertThat(brand.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.LOOKALIKE_DOMAIN);
              assertThat(f.evidence()).endsWith("≈ PayPal");
            });
  }

  @Test
  void aNewsletterLinkingItsOwnOtherPagesOrThroughATrackerCarryingTheSenderIsNotALookalike() {
    MailReport r =
        analyze(
            "From: news@example-shop.com\r\nTo: a@example.jp\r\nSubject: Weekly\r\n"
                + "List-Unsubscribe: <mailto:unsub@example-shop.com>\r\n",
            "text/html",
            "<a href=\"https://click.mailer.net/t?u=https://example-shop.com/account/login\">"
                + "Your account</a> <a href=\"https://example-shopmall.com/login\">Mall</a>"
                + " <a href=\"https://outlooksecure.com/\">A review of secure mail</a>"
                + " Unsubscribe");
    assertThat(flags(r)).doesNotContain(RedFlag.LOOKALIKE_DOMAIN);
  }

  @Test
  void theSendersOwnSiteAndClickTrackerAreNoLinkTextMismatchButABrandDomainShownStillIs() {
    MailReport own =
        analyze(
            "From: Dilbert <2.1@ummail4.unitedmedia.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Your Daily Dilbert\r\n",
            "text/html",
            "<a href=\"http://ummail4.unitedmedia.com/Click?q=02-abc\">Dilbert.com</a>"
                + " <a href=\"http://www.lindows.com/walmart\">Walmart.com</a>");
    // the second: Walmart.com shown, the link on another domain than the sender's: still a sign
    assertThat(own.findings())
        .filteredOn(f -> f.flag() == RedFlag.LINK_TEXT_MISMATCH)
        .extracting(MailReport.Finding::evidence)
        .containsExactly("Walmart.com → http://www.lindows.com/walmart");
    MailReport brand =
        analyze(
            "From: service@pay-notice.com\r\nTo: a@example.jp\r\nSubject: Receipt\r\n",
            "text/html",
            "<a href=\"http://pay-notice.com/r/1\">www.paypal.com</a>");
    assertThat(flags(brand)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void wordsQuotedFromEarlierMailOrSaidOnADiscussionListAreNotTheSendersLure() {
    MailReport quoted =
        analyze(
            "From: a@example.org\r\nTo: b@example.jp\r\nSubject: Re: budget\r\n",
            "text/plain",
            "I agree.\n> Urgent: the wire transfer must go out within 24 hours\n> or the"
                + " invoice is overdue.\nSee you.");
    assertThat(flags(quoted)).doesNotContain(RedFlag.URGENCY, RedFlag.PAYMENT_LURE);
    MailReport list =
        analyze(
            "Return-Path: <money-bounces@lists.example.org>\r\n"
                + "From: a@example.org\r\nTo: list@lists.example.org\r\nSubject: ATM fees\r\n"
                + "List-Id: <money.lists.example.org>\r\n",
            "text/plain",
            "The bank charged a wire transfer fee; failure to respond means legal action.");
    assertThat(flags(list)).doesNotContain(RedFlag.URGENCY, RedFlag.PAYMENT_LURE);
    // List-Unsubscribe alone is what bulk senders of every kind add: the words still count
    MailReport bulk =
        analyze(
            "From: a@example-pay.net\r\nTo: b@example.jp\r\nSubject: Invoice\r\n"
                + "List-Unsubscribe: <mailto:u@example-pay.net>\r\n",
            "text/plain",
            "Your invoice is overdue. Failure to respond means legal action.");
    assertThat(flags(bulk)).contains(RedFlag.URGENCY, RedFlag.PAYMENT_LURE);
  }

  @Test
  void marketingWordsCountOnlyOutsideBulkMailAndForeignStemsOnlyAsWords() {
    MailReport shop =
        analyze(
            "From: news@example-shop.com\r\nTo: a@example.jp\r\nSubject: Sale\r\n",
            "text/plain",
            "Congratulations! A coupon and a free gift for you. Unsubscribe here.");
    assertThat(flags(shop)).doesNotContain(RedFlag.PAYMENT_LURE);
    MailReport lure =
        analyze(
            "From: win@example-prize.net\r\nTo: a@example.jp\r\nSubject: Winner\r\n",
            "text/plain",
            "Congratulations! Claim your gift card now.");
    assertThat(flags(lure)).contains(RedFlag.PAYMENT_LURE);
    MailReport words =
        analyze(
            "From: a@example.org\r\nTo: b@example.jp\r\nSubject: Notes\r\n",
            "text/plain",
            "The manufacturer's campaign regularizes the packet format.");
    assertThat(flags(words)).doesNotContain(RedFlag.PAYMENT_LURE);
  }

  /** A phishing mail's own list headers: the envelope of a sender that is no list. */
  static final String FAKE_LIST =
      "List-Id: Customers <notice.example-pay.net>\r\n"
          + "List-Post: <mailto:notice@example-pay.net>\r\nPrecedence: list\r\n"
          + "List-Unsubscribe: <mailto:leave@example-pay.net>\r\n";

  @Test
  void fakeListHeadersThatNoListSentBuyNoCleanVerdict() {
    // the lure of an earlier test, now with list headers naming a list the envelope does not
    MailReport lure =
        analyze(
            "Return-Path: <bounce@mailer.example-bulk.com>\r\nFrom: Accounts <ar@example-pay.net>\r\n"
                + "To: b@example.jp\r\nReply-To: pay@example-pay.net\r\nSubject: Invoice\r\n"
                + FAKE_LIST,
            "text/plain",
            "Your invoice is overdue. Wire transfer within 24 hours; failure to respond means"
                + " legal action.");
    assertThat(flags(lure)).contains(RedFlag.URGENCY, RedFlag.PAYMENT_LURE);
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);

    // List-Id naming the attacker's reply address: the Reply-To is still another domain's
    MailReport bec =
        analyze(
            "From: Shacho <ceo@example-corp.co.jp>\r\nTo: keiri@example-corp.co.jp\r\n"
                + "Reply-To: ceo@example-pay.net\r\nSubject: 至急\r\n"
                + FAKE_LIST,
            "text/plain",
            "本日中に振込をお願いします。");
    assertThat(flags(bec)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(bec.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);

    // a brand's name on a free-mail address, with Precedence: bulk and List-Unsubscribe
    MailReport freemail =
        analyze(
            "From: PayPal Service <paypal.service.center@gmail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: PayPal account notice\r\nPrecedence: bulk\r\n"
                + "List-Unsubscribe: <mailto:paypal.service.center@gmail.com>\r\n",
            "text/plain",
            "Please review the notice.");
    assertThat(flags(freemail))
        .contains(RedFlag.FREEMAIL_CLAIMS_ORGANISATION, RedFlag.BRAND_IMPERSONATION);
    assertThat(freemail.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aListThatSentTheMessageStillCannotAskForCredentialsQuietly() {
    // list headers aligned with the attacker's own envelope: the list is "real", but it asks for
    // a password, so its context lowers nothing but the login link of its own newsletter
    String quota =
        "<p>Your mailbox has reached its quota. Verify your account within 24 hours or it will"
            + " be suspended.</p><p><a href=\"https://login.example-portal.com/owa/logon\">Sign in"
            + " to keep your mail</a></p><p><a href=\"https://example-pay.net/u\">Unsubscribe</a></p>";
    MailReport r =
        analyze(
            "Return-Path: <notice-bounces@example-pay.net>\r\nSender: notice-bounces@example-pay.net\r\n"
                + "From: IT Helpdesk <helpdesk@example-pay.net>\r\nTo: a@example.jp\r\n"
                + "Subject: Mailbox quota\r\n"
                + FAKE_LIST,
            "text/html",
            quota);
    assertThat(flags(r)).contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // the same from a helpdesk the list headers do not name: the login page elsewhere counts too
    MailReport helpdesk =
        analyze(
            "Return-Path: <notice-bounces@example-pay.net>\r\n"
                + "From: IT Helpdesk <helpdesk@example-corp.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: Mailbox quota\r\n"
                + FAKE_LIST,
            "text/html",
            quota);
    assertThat(flags(helpdesk))
        .contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY, RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(helpdesk.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);

    // the same headers on a member's question: the list is the envelope's, the words are calm
    MailReport member =
        analyze(
            "Return-Path: <notice-bounces@example-pay.net>\r\n"
                + "From: Hanako <hanako@example.org>\r\nTo: notice@example-pay.net\r\n"
                + "Reply-To: notice@example-pay.net\r\nSubject: Re: fees\r\n"
                + FAKE_LIST,
            "text/plain",
            "The invoice is overdue by a week; the bank charged a wire transfer fee.");
    assertThat(member.findings()).isEmpty();
  }

  @Test
  void aLureSpeakingAsABrandOrHidingItsTargetInAnImageMapIsCaught() {
    // the text signs as the bank, from a domain that is not the bank's
    MailReport signed =
        analyze(
            "From: Service <service@example-notice.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Important notice\r\n",
            "text/plain",
            "Dear Citibank Customer, please read the attached notice.\n\nCitibank Security Team");
    assertThat(flags(signed)).contains(RedFlag.BRAND_IMPERSONATION);
    assertThat(signed.findings().toString()).contains("Citibank ≠ example-notice.com");
    // the same words from the bank's own domain, or mentioned in passing, claim nothing
    MailReport own =
        analyze(
            "From: Service <service@citibank.com>\r\nTo: a@example.jp\r\nSubject: Notice\r\n",
            "text/plain",
            "Dear Citibank Customer, thank you.\n\nCitibank Customer Service");
    assertThat(flags(own)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    MailReport mention =
        analyze(
            "From: a@example.org\r\nTo: b@example.jp\r\nSubject: Lunch\r\n",
            "text/plain",
            "I paid with my Citibank card and a Visa in my passport.");
    assertThat(flags(mention)).doesNotContain(RedFlag.BRAND_IMPERSONATION);

    // a card scheme's name in the display name of an offer from elsewhere
    MailReport card =
        analyze(
            "From: $300 Visa Gift Card Promotion <rewards@mx1.example-gifts.com>\r\n"
                + "To: a@example.jp\r\nSubject: Participate now\r\n",
            "text/plain",
            "Participate now.");
    assertThat(flags(card)).contains(RedFlag.BRAND_IMPERSONATION);

    // the link shows the bank, the image map inside it goes elsewhere
    MailReport map =
        analyze(
            "From: Bank <support@example-bank.com>\r\nTo: a@example.jp\r\nSubject: Details\r\n",
            "text/html",
            "<a href=\"https://online.example-bank.com/confirm\"><map name=\"m\"><area coords=\"0,0,600,300\""
                + " shape=\"rect\" href=\"http://userconf.example-host.net:880\"></map>"
                + "<img src=\"cid:x\" usemap=\"#m\"></a>");
    assertThat(flags(map)).contains(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(map.links().toString()).contains("userconf.example-host.net:880");
    assertThat(map.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aMessageThatIsOnlyALinkedImageIsASignButALinkedLogoBesideTextIsNot() {
    MailReport image =
        analyze(
            "From: Chelsea <x@example-mailer.com>\r\nTo: a@example.jp\r\n"
                + "Subject: We cannot cancel your payment N0109180\r\n",
            "text/html",
            "<p><a href=\"http://example-host.info/in.php?aid=44\"><img src=\"cid:x\"></a></p>"
                + "<pre>-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1.0.7 (GNU/Linux)\n"
                + "iD8DBQFBSI5pmqjQ0CJFipgRAlxGAKCpPrt7/HB5YroIdx5J84y6E5opeQCg49dn\n"
                + "-----END PGP SIGNATURE-----</pre>");
    assertThat(flags(image)).contains(RedFlag.IMAGE_ONLY);
    assertThat(image.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport logo =
        analyze(
            "From: Example Shop <news@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: This week's picks\r\n",
            "text/html",
            "<p><a href=\"https://shop.example.com/\"><img src=\"cid:logo\"></a></p><p>今週のおすすめは、"
                + "秋の新作コートと手袋です。店頭とオンラインストアでご覧いただけます。</p>");
    assertThat(flags(logo)).doesNotContain(RedFlag.IMAGE_ONLY);
  }

  @Test
  void cryptoAirdropsCasinoBonusesAndInheritancesAreFraudOffersInSeveralLanguages() {
    MailReport airdrop =
        analyze(
            "From: \"Lido\" <news@lido-rewards.example>\r\nTo: user@example.jp\r\n"
                + "Subject: Claim your free tokens\r\n",
            "text/plain",
            "The LidoV2 airdrop is live. Claim your free LDO tokens before the snapshot.");
    MailReport casino =
        analyze(
            "From: bonus@offers.example\r\nTo: user@example.jp\r\n"
                + "Subject: "
                + subject("Starte mit 200 Freispiele – keine Einzahlung nötig!")
                + "\r\n",
            "text/plain",
            "Dein Willkommenspaket wartet: 200 Freispiele, keine Einzahlung nötig.");
    MailReport inheritance =
        analyze(
            "From: mrs.wanczyk@example.org\r\nTo: user@example.jp\r\nSubject: "
                + subject("Doação da Sra. Wanczyk")
                + "\r\n",
            "text/plain",
            "Decidi fazer uma doação do meu fundo para você. Responda com seus dados.");
    assertThat(flags(airdrop)).contains(RedFlag.FRAUD_OFFER);
    assertThat(flags(casino)).contains(RedFlag.FRAUD_OFFER);
    assertThat(flags(inheritance)).contains(RedFlag.FRAUD_OFFER);
    assertThat(airdrop.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(airdrop.findings()).anySatisfy(f -> assertThat(f.evidence()).contains("airdrop"));

    // the words of honest mail about the same things are no offer
    MailReport honest =
        analyze(
            "From: travel@agency.example\r\nTo: user@example.jp\r\nSubject: Your trip\r\n",
            "text/plain",
            "The resort hotel is booked; the tokens for the metro are in the envelope."
                + " Deposit paid, balance due on arrival.");
    assertThat(flags(honest)).doesNotContain(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aGreetingByAddressIsASignButAFirstNameIsNot() {
    MailReport byAddress =
        analyze(
            "From: info@rewards.example\r\nTo: taro.yamada@example.jp\r\n"
                + "Subject: taro.yamada@example.jp, your reward is waiting\r\n",
            "text/plain",
            "Open your reward today.");
    MailReport byLocalPart =
        analyze(
            "From: info@rewards.example\r\nTo: taro.yamada@example.jp\r\nSubject: Hello\r\n",
            "text/plain",
            "Dear taro.yamada,\nyour parcel is waiting.");
    MailReport byName =
        analyze(
            "From: hanako@partner.example\r\nTo: taro@example.jp\r\nSubject: Lunch\r\n",
            "text/plain",
            "Hi taro, lunch on Friday?");
    MailReport addressInside =
        analyze(
            "From: it@example.jp\r\nTo: taro.yamada@example.jp\r\nSubject: Account\r\n",
            "text/plain",
            "The account taro.yamada@example.jp.backup was moved.");
    assertThat(flags(byAddress)).contains(RedFlag.RECIPIENT_AS_NAME);
    assertThat(flags(byLocalPart)).contains(RedFlag.RECIPIENT_AS_NAME);
    assertThat(flags(byName)).doesNotContain(RedFlag.RECIPIENT_AS_NAME);
    assertThat(flags(addressInside)).doesNotContain(RedFlag.RECIPIENT_AS_NAME);
  }

  @Test
  void cyrillicLettersInALatinWordAndRandomStringsInTheSubjectAreObfuscation() {
    MailReport homoglyph =
        analyze(
            "From: notice@dekadepos.example\r\nTo: user@example.jp\r\nSubject: "
                + subject("Reminder: Your Am\u0430zon acc\u043eunt is on hold")
                + "\r\n",
            "text/plain",
            "See the details.");
    MailReport token =
        analyze(
            "From: aviso@example.com.br\r\nTo: user@example.jp\r\nSubject: "
                + subject("Notificação Emitida - 2vOZiA4kohW8FCj")
                + "\r\n",
            "text/plain",
            "Veja o documento.");
    MailReport product =
        analyze(
            "From: shop@example.com\r\nTo: user@example.jp\r\n"
                + "Subject: iPhone15ProMax and SpamAssassin 3.4.6 notes, ref 20240115A\r\n",
            "text/plain",
            "Release notes attached.");
    MailReport russian =
        analyze(
            "From: news@example.ru\r\nTo: user@example.jp\r\nSubject: "
                + subject("Новости Linux за неделю")
                + "\r\n",
            "text/plain",
            "Обзор.");
    assertThat(flags(homoglyph)).contains(RedFlag.OBFUSCATED_TEXT);
    assertThat(homoglyph.findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("Latin + Cyrillic"))
        .anySatisfy(f -> assertThat(f.evidence(false)).contains("ラテン文字 + キリル文字"));
    assertThat(flags(token)).contains(RedFlag.OBFUSCATED_TEXT);
    assertThat(token.findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("2vOZiA4kohW8FCj"));
    assertThat(flags(product)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    assertThat(flags(russian)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
  }

  @Test
  void invisibleSelectorsInsideLatinWordsAreObfuscationButAKanjiVariantOrAFlagIsNot() {
    String vs = new String(Character.toChars(0xE0139));
    MailReport hidden =
        analyze(
            "From: billing@example-billing.com\r\nTo: user@example.jp\r\nSubject: "
                + subject("M" + vs + vs + "icr" + vs + "osoft 365 – Bi" + vs + "lling Information")
                + "\r\n",
            "text/plain",
            "See the details.");
    assertThat(flags(hidden)).contains(RedFlag.OBFUSCATED_TEXT);
    assertThat(hidden.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // an ideographic variation sequence (葛 + U+E0100) in a Japanese name, and England's flag
    // (black flag + tag letters), are how those characters are meant to be used
    MailReport kanji =
        analyze(
            "From: "
                + subject("葛" + new String(Character.toChars(0xE0100)) + "城 太郎")
                + " <taro@example.co.jp>\r\nTo: user@example.jp\r\nSubject: "
                + subject("会議の議事録")
                + "\r\n",
            "text/plain",
            "議事録を送ります。");
    StringBuilder flag = new StringBuilder(new String(Character.toChars(0x1F3F4)));
    for (char c : "gbeng".toCharArray()) {
      flag.append(Character.toChars(0xE0000 + c));
    }
    flag.append(Character.toChars(0xE007F));
    MailReport england =
        analyze(
            "From: club@example.co.uk\r\nTo: user@example.jp\r\nSubject: "
                + subject("Match report " + flag)
                + "\r\n",
            "text/plain",
            "We won.");
    assertThat(flags(kanji)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    assertThat(flags(england)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
  }

  @Test
  void aSenderOnAnOpenAppPlatformsDefaultDomainIsASign() {
    MailReport firebase =
        analyze(
            "From: no-reply@joe1-12fbc.firebaseapp.com\r\nTo: user@example.jp\r\n"
                + "Subject: Bonus\r\n",
            "text/plain",
            "Your account is ready.");
    MailReport tenant =
        analyze(
            "From: tether@maildirect3.onmicrosoft.com\r\nTo: user@example.jp\r\n"
                + "Subject: Upgrade\r\n",
            "text/plain",
            "Upgrade now.");
    MailReport own =
        analyze(
            "From: no-reply@microsoft.com\r\nTo: user@example.jp\r\nSubject: Update\r\n",
            "text/plain",
            "Monthly update.");
    assertThat(flags(firebase)).contains(RedFlag.SENDER_ON_HOSTING);
    assertThat(flags(tenant)).contains(RedFlag.SENDER_ON_HOSTING);
    assertThat(flags(own)).doesNotContain(RedFlag.SENDER_ON_HOSTING);
  }

  @Test
  void suspensionAndUrgencyAreReadInPortugueseGermanFrenchAndDutch() {
    MailReport pt =
        analyze(
            "From: seguranca@banco-aviso.example\r\nTo: user@example.jp\r\nSubject: "
                + subject("Último aviso: sua conta foi bloqueada")
                + "\r\n",
            "text/plain",
            "Sua conta foi bloqueada. Confirme seus dados hoje mesmo.");
    MailReport nl =
        analyze(
            "From: noreply@icloud-nl.example\r\nTo: user@example.jp\r\nSubject: "
                + subject("Uw iCloud-gegevens lopen direct risico")
                + "\r\n",
            "text/plain",
            "Bevestig uw gegevens om verlies te voorkomen.");
    MailReport wallet =
        analyze(
            "From: support@ledger-notice.example\r\nTo: user@example.jp\r\n"
                + "Subject: [LAST CHANCE]: Your Wallet Has Been Temporarily Suspended\r\n",
            "text/plain",
            "Enter your recovery phrase to restore access.");
    assertThat(flags(pt)).contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(flags(nl)).contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(flags(wallet)).contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(wallet.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  static final String FILLER =
      "the committee met on tuesday to review the harbour dredging schedule and agreed that the"
          + " contractor would resume work after the spring tides while the fisheries office"
          + " collects samples from the northern basin before any permits are renewed for the"
          + " coming season according to minutes published by the county clerk last week";

  @Test
  void aLongHiddenBlockUnlikeTheVisibleTextIsASignButANewslettersPreheaderAndMobileCopyAreNot() {
    MailReport spam =
        analyze(
            "From: Solar Savings <offers@qvzrtl-energy.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Cut your power bill this winter\r\n",
            "text/html",
            "<p>Homeowners are cutting their power bill with panels at no cost.</p>"
                + "<p><a href=\"https://qvzrtl-energy.com/start\">See if you qualify</a></p>"
                + "<div style=\"display:none;font-size:0\">"
                + FILLER
                + "</div>");
    assertThat(flags(spam)).contains(RedFlag.HIDDEN_TEXT);
    assertThat(spam.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    String visible =
        "This week in the shop: autumn coats, gloves and scarves, with free delivery on orders over"
            + " five thousand yen until the end of the month. Our stores in Tokyo, Osaka and Fukuoka"
            + " open at ten on weekdays and at nine on weekends, and the staff will gladly help you"
            + " choose a size.";
    MailReport newsletter =
        analyze(
            "From: Example Shop <news@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: This week's picks\r\n"
                + "List-Unsubscribe: <https://shop.example.com/unsubscribe?u=1>\r\n",
            "text/html",
            "<div style=\"display:none;max-height:0;overflow:hidden\">Autumn coats, gloves and"
                + " scarves with free delivery this month</div>"
                + "<div class=\"desktop\"><p>"
                + visible
                + "</p></div><div class=\"mobile\" style=\"display:none\"><p>"
                + visible
                + "</p></div><p><a href=\"https://shop.example.com/unsubscribe?u=1\">Unsubscribe</a></p>");
    assertThat(flags(newsletter)).doesNotContain(RedFlag.HIDDEN_TEXT, RedFlag.HIDDEN_UNLISTED);
    assertThat(newsletter.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aNewsletterDressWithoutListUnsubscribeIsAWeakSignThatCountsWithAnother() {
    String html =
        "<span style=\"display:none\">Your statement is ready</span>"
            + "<p>Please find the invoice for your order attached and settle the payment today.</p>"
            + "<p><a href=\"https://acct-notice-center.com/u\">Unsubscribe</a></p>";
    MailReport bare =
        analyze(
            "From: Billing <billing@acct-notice-center.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Statement\r\n",
            "text/html",
            html);
    assertThat(flags(bare)).contains(RedFlag.HIDDEN_UNLISTED, RedFlag.PAYMENT_LURE);
    assertThat(bare.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport listed =
        analyze(
            "From: Billing <billing@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Statement\r\n"
                + "List-Unsubscribe: <mailto:unsubscribe@shop.example.com>\r\n",
            "text/html",
            html);
    assertThat(flags(listed)).doesNotContain(RedFlag.HIDDEN_UNLISTED, RedFlag.HIDDEN_TEXT);
    // a receipt with a pre-header and no unsubscribe line is transactional mail, not judged here
    MailReport receipt =
        analyze(
            "From: Example Shop <orders@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Your receipt\r\n",
            "text/html",
            "<span style=\"display:none\">Thanks for your order</span>"
                + "<p>Thank you for your order. Your receipt is below.</p>");
    assertThat(flags(receipt)).doesNotContain(RedFlag.HIDDEN_UNLISTED);
  }

  @Test
  void anUnsubscribeLineWithoutAnyListHeaderIsAWeakSignThatCountsWithAnother() {
    String html =
        "<p>Save up to 40 % on your energy bill with the new home battery. Your invoice shrinks"
            + " from the first month.</p>"
            + "<p><a href=\"https://optout-center.net/u?id=7\">Unsubscribe</a></p>";
    MailReport bare =
        analyze(
            "From: Energy Team <team@energy-savers-now.com>\r\nTo: a@example.jp\r\n"
                + "Subject: The energy trick\r\n",
            "text/html",
            html);
    assertThat(flags(bare)).contains(RedFlag.UNLISTED_BULK, RedFlag.PAYMENT_LURE);
    assertThat(bare.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(bare.findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("unsubscribe").contains("List-Id"));
    // the same newsletter sent by a mailing system: it adds List-Unsubscribe (or List-Id,
    // Precedence: bulk), and the unsubscribe line is then no sign
    MailReport listed =
        analyze(
            "From: Energy Team <team@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: The energy trick\r\n"
                + "List-Unsubscribe: <https://shop.example.com/u?id=7>\r\n",
            "text/html",
            html);
    assertThat(flags(listed)).doesNotContain(RedFlag.UNLISTED_BULK);
    MailReport precedence =
        analyze(
            "From: Energy Team <team@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: The energy trick\r\nPrecedence: bulk\r\n",
            "text/html",
            html);
    assertThat(flags(precedence)).doesNotContain(RedFlag.UNLISTED_BULK);
    // alone (no lure, no other sign) it is no verdict
    MailReport alone =
        analyze(
            "From: Garden Club <club@garden-club.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Spring meeting\r\n",
            "text/plain",
            "The spring meeting is on Saturday at the town hall.\n\nTo unsubscribe, reply"
                + " with STOP.");
    assertThat(flags(alone)).contains(RedFlag.UNLISTED_BULK);
    assertThat(alone.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSenderThatTakesReadersOffItsListOnItsOwnDomainIsNoUnlistedBulkMail() {
    // a newsletter from before List-Unsubscribe was common: its own list, left on its own site
    // or by writing to its own address; a weak word ("act now") stays alone and no verdict
    String text =
        "Tech update: why servers are cheaper this year. Act now to read the full review.\n\n"
            + "To unsubscribe from this newsletter, go to\n"
            + "http://newsletters.techweekly-news.com/unsub?e=7\n";
    MailReport own =
        analyze(
            "From: Tech Weekly <news@mail.techweekly-news.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Why servers got cheaper\r\n",
            "text/plain",
            text);
    assertThat(flags(own)).contains(RedFlag.URGENCY).doesNotContain(RedFlag.UNLISTED_BULK);
    assertThat(own.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    MailReport mailto =
        analyze(
            "From: Tech Weekly <news@techweekly-news.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Why servers got cheaper\r\n",
            "text/html",
            "<p>Act now to read the full review.</p>"
                + "<p><a href=\"mailto:leave@techweekly-news.com?subject=unsubscribe\">"
                + "Unsubscribe</a></p>");
    assertThat(flags(mailto)).doesNotContain(RedFlag.UNLISTED_BULK);
    // the same text from a campaign whose unsubscribe link is on another domain: still the sign,
    // with the domains as evidence, and a verdict with the weak word
    MailReport elsewhere =
        analyze(
            "From: Tech Weekly <news@techweekly-deals.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Why servers got cheaper\r\n",
            "text/plain",
            text);
    assertThat(flags(elsewhere)).contains(RedFlag.UNLISTED_BULK, RedFlag.URGENCY);
    assertThat(elsewhere.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
    // said in words in both languages, not as "List-Unsubscribe / List-Id —, a ≠ b" (ux29)
    MailReport.Finding unlisted =
        elsewhere.findings().stream()
            .filter(f -> f.flag() == RedFlag.UNLISTED_BULK)
            .findFirst()
            .orElseThrow();
    assertThat(unlisted.evidence())
        .contains(
            "\"unsubscribe\" in the text, but neither a List-Unsubscribe nor a List-Id header")
        .contains(
            "the unsubscribe link goes to techweekly-news.com, not to the sender's domain"
                + " techweekly-deals.com")
        .doesNotContain("≠", "—");
    assertThat(unlisted.evidenceJa())
        .contains("List-Unsubscribe も List-Id もヘッダーにない")
        .contains("配信停止のリンク先 techweekly-news.com は差出人のドメイン techweekly-deals.com と違う")
        .doesNotContain("≠", "—");
    // a link to the sender's domain that is not the way out (the article) buys nothing
    MailReport article =
        analyze(
            "From: Deals <news@techweekly-deals.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Why servers got cheaper\r\n",
            "text/html",
            "<p>Act now: <a href=\"https://techweekly-deals.com/review\">read the"
                + " review</a>.</p>"
                + "<p>"
                + "Servers, storage and networks compared for small offices. ".repeat(8)
                + "</p><p><a href=\"https://optout-center.net/u?id=7\">Unsubscribe</a></p>");
    assertThat(flags(article)).contains(RedFlag.UNLISTED_BULK);
    // free mail has no list of its own to leave: an unsubscribe address there is no excuse
    MailReport free =
        analyze(
            "From: Deals <deals.weekly@gmail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Why servers got cheaper\r\n",
            "text/plain",
            "Act now. To unsubscribe write to deals.weekly@gmail.com");
    assertThat(flags(free)).contains(RedFlag.UNLISTED_BULK);
  }

  @Test
  void aRandomStringAsTheSendersMailboxIsAWeakSign() {
    for (String from :
        List.of(
            "pprgcvu@deck.campaign-mail.example.com",
            "0pc5pmhs5zcn@acid.offers.example.com",
            "newsletters.xkcdpq@offers-today.net",
            // the name before a tag still counts
            "pprgcvu+list7@deck.campaign-mail.example.com")) {
      MailReport r =
          analyze(
              "From: Home Offers <"
                  + from
                  + ">\r\nTo: a@example.jp\r\n"
                  + "Subject: Homeowners: stop overpaying\r\n",
              "text/plain",
              "Compare quotes from leading providers.\n\nTo unsubscribe click"
                  + " https://optout-center.net/u?id=7");
      assertThat(flags(r)).as(from).contains(RedFlag.RANDOM_SENDER_NAME, RedFlag.UNLISTED_BULK);
      assertThat(r.verdict()).as(from).isEqualTo(MailReport.Verdict.SUSPICIOUS);
      assertThat(r.findings())
          .as(from)
          .anySatisfy(f -> assertThat(f.evidence()).startsWith("From: " + from + " ("));
    }
    // alone, no verdict
    MailReport alone =
        analyze(
            "From: pprgcvu@offers.example.com\r\nTo: a@example.jp\r\nSubject: Hello\r\n",
            "text/plain",
            "See you at the meeting.");
    assertThat(flags(alone)).containsExactly(RedFlag.RANDOM_SENDER_NAME);
    assertThat(alone.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    // people, roles, names run together, initials with a surname, Japanese names, mailing
    // systems' hexadecimal and numeric bounce or ticket identifiers, and free mail stay clean
    for (String from :
        List.of(
            "kchrist@example.com",
            "dwalsh@example.ie",
            "johnrchamplin@example.com",
            "foxsportsflash@mailings.example.com",
            "tsuyoshi.matsumoto@example.co.jp",
            "searchsecurity-f485fcce40b794d5@lists.example.com",
            "online#3.19832.06-muudgykaugh_fdrr.1@newsletter.example.com",
            "r-1-270241-5399979-2-24365-de1-3a9f193c@example.com",
            "4169158863407@example.com",
            "no-reply@example.com",
            // a tag after + is the mailbox's own system's (RFC 5233), not its name (lead36)
            "syzbot+list1892093e816ecfe5f01a@ci.example.com",
            "xkcdpqzt@gmail.com")) {
      MailReport ok =
          analyze(
              "From: " + from + "\r\nTo: a@example.jp\r\nSubject: Opening hours\r\n",
              "text/plain",
              "We open at ten on weekdays.");
      assertThat(flags(ok)).as(from).doesNotContain(RedFlag.RANDOM_SENDER_NAME);
    }
  }

  @Test
  void aBrandThatIsAlsoAFirstNameIsClaimedOnlyAsTheBrandWritesIt() {
    // "ANA" is the airline's display name in its lures (ja36); "Ana" is a person
    MailReport airline =
        analyze(
            "From: ANA <info@mileage-notice.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Your miles\r\n",
            "text/plain",
            "See you at the meeting.");
    assertThat(flags(airline)).contains(RedFlag.BRAND_IMPERSONATION);
    for (String name : List.of("Ana", "ana", "Ana ")) {
      MailReport person =
          analyze(
              "From: "
                  + name
                  + " <ana.garcia@empresa-example.es>\r\nTo: a@example.jp\r\n"
                  + "Subject: Agenda\r\n",
              "text/plain",
              "See you at the meeting.");
      assertThat(flags(person)).as(name).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    }
  }

  @Test
  void aSenderDomainStackedFromOneLetterLabelsIsMachineMade() {
    MailReport r =
        analyze(
            "From: Care Team <kerrill_baldassi_12388@j.u.t.o.s.b.i.m.jdaada.shop>\r\n"
                + "To: a@example.jp\r\nSubject: Affordable care, 100 % online\r\n",
            "text/plain", "High-quality, convenient and affordable care that is 100 % online.");
    assertThat(flags(r)).contains(RedFlag.SENDER_GENERATED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("one-letter labels"));
    // hosts named in words, or with one or two short labels, are how mail systems are named
    for (String from :
        List.of(
            "news@e.shop.example.com",
            "info@m.x.example.co.jp",
            "alerts@a1.mail.example.com",
            "taro@mail.city.example.lg.jp")) {
      MailReport ok =
          analyze(
              "From: " + from + "\r\nTo: a@example.jp\r\nSubject: Opening hours\r\n",
              "text/plain",
              "We open at ten on weekdays.");
      assertThat(flags(ok)).as(from).doesNotContain(RedFlag.SENDER_GENERATED);
      assertThat(ok.verdict()).as(from).isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void accountAlertsAndCryptoAllocationsInTheirOwnPhrasingsAreCaught() {
    MailReport login =
        analyze(
            "From: Security <mail.info.rs@events-producoes.com.br>\r\nTo: a@example.jp\r\n"
                + "Subject: Login Attempt Detected - Please Review Your Account Activity\r\n",
            "text/plain",
            "We noticed a login from an unfamiliar device. Review it here.");
    assertThat(flags(login)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(login.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport kyc =
        analyze(
            "From: Customer Service <customer_service@isp.example.com.au>\r\nTo: a@example.jp\r\n"
                + "Subject: Your Account KYC is unverified.\r\n",
            "text/plain",
            "Complete your KYC to keep trading.");
    assertThat(flags(kyc)).contains(RedFlag.CREDENTIAL_REQUEST);
    MailReport german =
        analyze(
            "From: Service <service@norsk-design.example.de>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + subject("WICHTIGE MITTEILUNG: VORÜBERGEHENDE DEAKTIVIERUNG IHRER KARTE")
                + "\r\n",
            "text/plain",
            "Bitte bestätigen Sie Ihre Angaben.");
    assertThat(flags(german)).contains(RedFlag.CREDENTIAL_REQUEST);
    MailReport xrp =
        analyze(
            "From: XRP <xrp@dmi-ida.example.org>\r\nTo: a@example.jp\r\n"
                + "Subject: First batch of XRP ready for claiming\r\n",
            "text/plain",
            "The XRP allocation event opens today for our supporters.");
    assertThat(flags(xrp)).contains(RedFlag.FRAUD_OFFER);
    assertThat(xrp.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport ticker =
        analyze(
            "From: Rewards <altorioseco@constructora.example.cl>\r\nTo: a@example.jp\r\n"
                + "Subject: Hey crypto champion, your $PYTH trophy awaits\r\n",
            "text/plain",
            "Open your box.");
    assertThat(flags(ticker)).contains(RedFlag.FRAUD_OFFER);
    // look-alikes that stay clean: a new device set up in a discussion, a price in dollars, a
    // budget allocation, a sign-in notice without a lure
    MailReport legit =
        analyze(
            "From: Ron <ron@example.net>\r\nTo: list@example.org\r\n"
                + "Subject: Re: Migrate OS to smaller drive?\r\n",
            "text/plain",
            "I cloned the disk to the new device and it boots. The $40 adapter was enough; the"
                + " budget allocation for the lab is ready for next year. Synchronization"
                + " required about an hour.");
    assertThat(flags(legit)).doesNotContain(RedFlag.CREDENTIAL_REQUEST, RedFlag.FRAUD_OFFER);
    assertThat(legit.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void textPushedFarOutOfSightByItsStyleIsHidden() {
    MailReport pushed =
        analyze(
            "From: Energy <doseraleana@eyzidi-documentation.example.org>\r\nTo: a@example.jp\r\n"
                + "Subject: Here's the Energy Trick\r\n",
            "text/html",
            "<html><head><style>.belowView { margin-top: 470500px; }</style></head><body>"
                + "<p>Want to boost your savings?</p><div class=\"belowView\">Thank you for your"
                + " order, your package ships today.</div></body></html>");
    assertThat(flags(pushed)).contains(RedFlag.HIDDEN_TEXT);
    assertThat(pushed.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(pushed.findings()).anySatisfy(f -> assertThat(f.evidence()).contains("470500px"));
    // layouts of real newsletters: tall images, the old text-indent image replacement, line height
    MailReport layout =
        analyze(
            "From: Example Shop <news@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: This week's picks\r\n"
                + "List-Unsubscribe: <https://shop.example.com/u>\r\n",
            "text/html",
            "<html><head><style>.logo { text-indent: -99999px; } .hero { height: 1200px;"
                + " min-height: 100vh; line-height: 24000px }</style></head><body>"
                + "<div class=\"hero\" style=\"margin-top: 40px\"><p>Autumn coats and scarves.</p>"
                + "</div></body></html>");
    assertThat(flags(layout)).doesNotContain(RedFlag.HIDDEN_TEXT);
    assertThat(layout.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void columnsLaidOutWithAZeroFontSizeAreVisibleWhenTheTextInsideSetsItsOwnSize() {
    // a layout framework's row of columns: font-size 0 on the cells closes the gaps between the
    // columns, the text inside sets its size again and is read like any other
    String column =
        "<td style=\"font-size:0px;padding:0;word-break:break-word;\">"
            + "<div style=\"font-family:Arial;font-size:16px;line-height:24px;color:#333\">"
            + FILLER
            + "</div></td>";
    MailReport layout =
        analyze(
            "From: Example Shop <news@shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: This week's picks\r\n",
            "text/html",
            "<table><tr><td style=\"direction:ltr;font-size:0px;text-align:center\">"
                + "<div style=\"font-size:0px;display:inline-block;width:100%\"><table><tr>"
                + column
                + "</tr></table></div></td></tr></table>"
                + "<p style=\"font: 400 13px/18px Arial\">Unsubscribe</p>");
    assertThat(flags(layout)).doesNotContain(RedFlag.HIDDEN_TEXT, RedFlag.HIDDEN_UNLISTED);
    assertThat(layout.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    // text in the zero-size cell itself, or in an inner element sized relative to it (em, %), stays
    // hidden; so does everything under display: none whatever the inner elements say
    for (String hiding :
        List.of(
            "<td style=\"font-size:0px\">" + FILLER + "</td>",
            "<td style=\"font-size:0px\"><span style=\"font-size:1.2em\">"
                + FILLER
                + "</span></td>",
            "<td style=\"display:none\"><span style=\"font-size:16px\">" + FILLER + "</span></td>",
            "<td style=\"visibility:hidden\"><span style=\"font-size:16px\">"
                + FILLER
                + "</span></td>")) {
      MailReport spam =
          analyze(
              "From: Solar Savings <offers@qvzrtl-energy.com>\r\nTo: a@example.jp\r\n"
                  + "Subject: Cut your power bill this winter\r\n",
              "text/html",
              "<p>Homeowners are cutting their power bill with panels at no cost.</p>"
                  + "<p><a href=\"https://qvzrtl-energy.com/start\">See if you qualify</a></p>"
                  + "<table><tr>"
                  + hiding
                  + "</tr></table>");
      assertThat(flags(spam)).as(hiding).contains(RedFlag.HIDDEN_TEXT);
    }
  }

  @Test
  void youWontWithATypographicApostropheIsNotAWin() {
    // "you won’t" is written with U+2019 by most mail editors; only "you won" is a lure
    MailReport app =
        analyze(
            "From: Medium <hello@medium.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Screen time you won\u2019t regret\r\n",
            "text/plain",
            "Screen time you won\u2019t regret: the app keeps your reading list.");
    assertThat(flags(app)).doesNotContain(RedFlag.PAYMENT_LURE);
    MailReport lure =
        analyze(
            "From: Promo <promo@prize-desk.example.net>\r\nTo: a@example.jp\r\n"
                + "Subject: You won\r\n",
            "text/plain",
            "Congratulations, you won the yearly draw.");
    assertThat(flags(lure)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aCryptoWalletMakerClaimedFromAnotherDomainIsImpersonation() {
    MailReport r =
        analyze(
            "From: Ledger <rodrigo@tradestars.example.com.br>\r\nTo: a@example.jp\r\n"
                + "Subject: Upgrade Your Ledger\r\n",
            "text/plain",
            "Dear client, Ledger has fallen victim to a cyber attack. Upgrade your Ledger now.");
    assertThat(flags(r)).contains(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // an accountant's ledger is no wallet maker
    MailReport books =
        analyze(
            "From: Hanako <hanako@accounting.example.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: Your ledger for November\r\n",
            "text/plain",
            "Attached is the general ledger for November; the ledger balance matches the bank.");
    assertThat(flags(books)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(books.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aMailboxNameWithCapitalsScatteredAtRandomIsASign() {
    for (String from :
        List.of(
            "zQvuYFA@deck.offers-example.net",
            "pprGkVU@mail.offers-example.net",
            "newsletters.FjTs@news.offers-example.net",
            "lszeloB@offers-example.net",
            "hVuukorHxTNDkRC@space.offers-example.net")) {
      MailReport r =
          analyze(
              "From: Home Savings <" + from + ">\r\nTo: a@example.jp\r\nSubject: New windows\r\n",
              "text/plain",
              "Replace your windows this season and save. Call us today.");
      assertThat(flags(r)).as(from).contains(RedFlag.RANDOM_CASE_SENDER);
      assertThat(r.verdict()).as(from).isEqualTo(MailReport.Verdict.SUSPICIOUS);
      // the evidence shows the address as written, capitals kept
      assertThat(r.findings())
          .as(from)
          .anySatisfy(f -> assertThat(f.evidence()).startsWith(from + " ("));
    }
    // the Sender header counts too: a campaign from an ordinary-looking From
    MailReport sender =
        analyze(
            "From: Marijn <newsletters@prijzen.example.nl>\r\nSender: WAKQZHF <GvrMwPO@YJDEX.example>"
                + "\r\nTo: a@example.jp\r\nSubject: Win een cadeaukaart\r\n",
            "text/plain",
            "Doe mee en win.");
    assertThat(flags(sender)).contains(RedFlag.RANDOM_CASE_SENDER);
    // people's and companies' ways of writing a mailbox stay clean: lower or upper case,
    // capitalised words, a surname with an initial, brand spellings, and mailing systems' long
    // structured bounce addresses with random parts
    for (String from :
        List.of(
            "John.Smith@example.com",
            "JohnSmith@example.com",
            "DavidTomGardner@example.com",
            "McDonald@example.com",
            "TanakaH@example.co.jp",
            "Taro_YAMADA@example.co.jp",
            "KChrist@example.com",
            "eBay-notices@example.com",
            "iPhoneSupport@example.com",
            "noReply@example.com",
            "CNETNewsletters@example.com",
            "INFO@EXAMPLE.COM",
            "Online#3.19584.83-p1SYlJ1blFvQjRRR.1@newsletter.example.com")) {
      MailReport ok =
          analyze(
              "From: " + from + "\r\nTo: a@example.jp\r\nSubject: Opening hours\r\n",
              "text/plain",
              "We open at ten on weekdays.");
      assertThat(flags(ok)).as(from).doesNotContain(RedFlag.RANDOM_CASE_SENDER);
      assertThat(ok.verdict()).as(from).isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aFreeMailLetterToHiddenRecipientsWithRepliesToAnotherMailboxIsCaught() {
    MailReport r =
        analyze(
            "From: \"Mrs. Jane Doe\" <janedoe1957@gmail.com>\r\nReply-To: jane.doe.private@gmail.com"
                + "\r\nTo: undisclosed-recipients:;\r\nSubject: Greetings\r\n",
            "text/plain",
            "Dear friend, I have a project I would like to discuss with you. Please write back.");
    assertThat(flags(r)).contains(RedFlag.HIDDEN_RECIPIENTS, RedFlag.REPLY_TO_OTHER_MAILBOX);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
    assertThat(r.findings())
        .anySatisfy(
            f ->
                assertThat(f.evidence())
                    .isEqualTo(
                        "From: janedoe1957@gmail.com → Reply-To: jane.doe.private@gmail.com"));
    // to itself, the real recipients in Bcc, replies elsewhere
    MailReport self =
        analyze(
            "From: Carlos <khadmau70@gmail.com>\r\nReply-To: clcas655@gmail.com\r\n"
                + "To: Carlos <khadmau70@gmail.com>\r\nSubject: Bom dia\r\n",
            "text/plain",
            "Desejo falar com você.");
    assertThat(flags(self)).contains(RedFlag.HIDDEN_RECIPIENTS, RedFlag.REPLY_TO_OTHER_MAILBOX);
    assertThat(self.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
    // hidden recipients alone: a weak sign, no verdict (people Bcc their friends)
    MailReport bcc =
        analyze(
            "From: Taro <taro.yamada.1980@gmail.com>\r\nTo: undisclosed-recipients:;\r\n"
                + "Subject: Class reunion photos\r\n",
            "text/plain",
            "The photos from Saturday are in the shared album. See you next year!");
    assertThat(flags(bcc)).containsExactly(RedFlag.HIDDEN_RECIPIENTS);
    assertThat(bcc.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    // the same mailbox written with dots or a +tag, a person writing to someone, a company's
    // Reply-To to its support desk, and a copy to oneself beside real recipients stay clean
    for (String headers :
        List.of(
            "From: janedoe@gmail.com\r\nReply-To: jane.doe+club@gmail.com\r\nTo: b@example.jp\r\n",
            "From: janedoe@gmail.com\r\nTo: b@example.jp\r\n",
            "From: sales@example.com\r\nReply-To: support@example.com\r\nTo: undisclosed-recipients:;\r\n",
            "From: janedoe@gmail.com\r\nTo: janedoe@gmail.com\r\nCc: b@example.jp\r\n")) {
      MailReport ok =
          analyze(headers + "Subject: Saturday\r\n", "text/plain", "See you on Saturday at ten.");
      assertThat(flags(ok))
          .as(headers)
          .doesNotContain(RedFlag.HIDDEN_RECIPIENTS, RedFlag.REPLY_TO_OTHER_MAILBOX);
      assertThat(ok.verdict()).as(headers).isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aTextPaddedWithRandomWordsIsObfuscationButHashesCodesAndTrackingLinksAreNot() {
    String soup =
        "zdb5oq xl3etiungy5oqk2e 5p4ofalaytbiv z8batdkdm86ds hgejqq2 ezu3 bub1qe98wsjns8my"
            + " b1ndjck7vxriq1h kyh856acsynur pyaent fyv smqd1ovra1blgb4 g23omcg48j38ks"
            + " na2j2y7mv54u rvcfazh tcn ymx6z5edwqoq8w5oj sn5fx80sflthosf 9ow48hbhpiq9l ykbhi4w"
            + " gp3 mxgvjrr4cdj52x2 ljouyreipfs7pz 5qlyglng2w0s kmd17r";
    MailReport r =
        analyze(
            "From: NTA <info@prijzen.example.nl>\r\nTo: a@example.jp\r\n"
                + "Subject: Wij hebben geprobeerd u te bereiken\r\n",
            "text/html",
            "<p>Reageer alstublieft! <a href=\"https://prijzen.example.nl/r\">Klik hier</a></p>"
                + "<p style=\"color:#fefefe\">"
                + soup
                + "</p>");
    assertThat(flags(r)).contains(RedFlag.OBFUSCATED_TEXT);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.evidence()).contains("xl3etiungy5oqk2e"));
    // a commit notice full of hexadecimal hashes, an order with a few codes, and a newsletter
    // whose plain text lists tracking links with random tokens stay clean
    StringBuilder commits = new StringBuilder("Pushed 20 commits to main:\n");
    StringBuilder links = new StringBuilder("This week's stories:\n");
    for (int i = 0; i < 20; i++) {
      commits.append(
          String.format("%08x%08x fix item %d%n", 0x3f2a9b7c + i * 7919, 0x1badb002 ^ i, i));
      links
          .append("Story ")
          .append(i)
          .append(": https://click.example.com/t/4zEaQL2601CUOg242oafa")
          .append(i)
          .append("pbmkr551JYHX?u=a8b7c6d5q")
          .append(i)
          .append("\n");
    }
    for (String text :
        List.of(
            commits.toString(),
            links.toString(),
            "Your order: 2 x cable (sku ab12cd34ef), 1 x adapter (sku x9y8z7w6v5), voucher"
                + " gh45jk67lm applied. Thank you for shopping with us.")) {
      MailReport ok =
          analyze(
              "From: notices@example.com\r\nTo: a@example.jp\r\nSubject: Weekly notice\r\n",
              "text/plain",
              text);
      assertThat(flags(ok)).as(text).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    }
  }

  @Test
  void aRenewalToDisputeByTelephoneIsACallbackLure() {
    // no link at all: the fraud happens on the telephone
    MailReport r =
        analyze(
            "From: Renewal Desk <renewals.desk2291@gmail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Your subscription renewal is confirmed (#AV-55120)\r\n",
            "text/plain",
            "Hello,\n\nYour antivirus subscription has been renewed for another year. A payment of"
                + " $389.99 will appear on your statement within 24 hours.\n\nIf you did not"
                + " authorize this charge or wish to cancel and get a refund, call our billing"
                + " team at +1 (808) 555-0147.\n\nThank you,\nCustomer Billing");
    assertThat(flags(r)).contains(RedFlag.CALLBACK_LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.CALLBACK_LURE);
              assertThat(f.evidence()).contains("+1 (808) 555-0147");
            });
  }

  @Test
  void aJapaneseChargeWithAFreeDialToCancelIsACallbackLure() {
    MailReport r =
        analyze(
            "From: "
                + subject("カスタマーセンター")
                + " <support@kessai-center.example.com>\r\nTo: a@example.jp\r\nSubject: "
                + subject("【ご注文確認】年間プランの自動更新が完了しました")
                + "\r\n",
            "text/plain",
            "いつもご利用ありがとうございます。\n年間プランの自動更新が完了し、ご請求額 ３９，８００円をお客様のカードに"
                + "計上しました。\n身に覚えのないご請求の場合や解約をご希望の場合は、下記までお電話ください。\n"
                + "お客様窓口 ０１２０－９８７－６５４（平日9時～18時）");
    assertThat(flags(r)).contains(RedFlag.CALLBACK_LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aNumberInThePlatformsUserTextIsACallbackLureEvenWhenThePlatformAuthenticates() {
    // a real payment platform sends the invoice; the seller (the fraudster) wrote its note and
    // its name
    MailReport r =
        analyze(
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=paypal.com; dkim=pass"
                + " header.d=paypal.com; dmarc=pass header.from=paypal.com\r\n"
                + "From: \"service@paypal.com\" <service@paypal.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Invoice from Geek Care Services (#0042)\r\n",
            "text/plain",
            "Geek Care Services sent you an invoice for $499.00 USD.\n\nNote from seller: Your"
                + " protection plan has been renewed automatically. To cancel and receive a"
                + " refund, contact our help desk at 1-888-555-0133 within 24 hours.\n\nView and"
                + " pay invoice");
    assertThat(flags(r)).contains(RedFlag.CALLBACK_LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // the number in the sender name of an item carried by a platform
    MailReport named =
        analyze(
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=google.com; dkim=pass"
                + " header.d=google.com\r\n"
                + "From: \"Billing Dept +1 888 555 0199\" <calendar-notification@google.com>\r\n"
                + "To: a@example.jp\r\nSubject: Invitation: Order confirmation #INV-20931\r\n",
            "text/plain",
            "You have been invited to the following event.");
    assertThat(flags(named)).contains(RedFlag.CALLBACK_LURE);
  }

  @Test
  void ordinaryOrdersInvoicesAndTelephoneNumbersAreNoCallbackLure() {
    List<String[]> mails =
        List.of(
            // a shop's own order confirmation, authenticated as its own domain, with its line
            new String[] {
              "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=shop.example.com;"
                  + " dkim=pass header.d=shop.example.com; dmarc=pass\r\n"
                  + "From: Example Shop <orders@shop.example.com>\r\nTo: a@example.jp\r\n"
                  + "Subject: Your order #4417 has been placed\r\n",
              "Thank you! Your order #4417 has been placed. To change or cancel your order,"
                  + " call 1-800-555-0100 or reply to this mail."
            },
            // a catalogue: a number to order from, no charge claimed
            new String[] {
              "From: Books <news@books.example.com>\r\nTo: a@example.jp\r\nSubject: New titles\r\n",
              "To order your copy, call 1-800-555-0100. Cancel your subscription to this"
                  + " newsletter at any time."
            },
            // a Japanese invoice sent by a supplier: its telephone in the signature
            new String[] {
              "From: "
                  + subject("経理部 山田")
                  + " <keiri@supplier.example.co.jp>\r\nTo: a@example.jp\r\nSubject: "
                  + subject("11月分ご請求書の送付")
                  + "\r\n",
              "いつもお世話になっております。11月分のご請求書を添付にてお送りいたします。\nご不明な点がございましたら"
                  + "お問い合わせください。\n株式会社サプライヤー 経理部 山田\nTEL 0120-111-222 / 03-1234-5678"
            },
            // an order number of ten digits with a cancel link: no telephone
            new String[] {
              "From: shop@example.net\r\nTo: a@example.jp\r\nSubject: Order confirmation\r\n",
              "Order 8885550199 is confirmed. To cancel it, use the link in your account."
            });
    for (String[] m : mails) {
      MailReport r = analyze(m[0], "text/plain", m[1]);
      assertThat(flags(r)).as(m[1]).doesNotContain(RedFlag.CALLBACK_LURE);
    }
  }

  @Test
  void aLureWrittenIntoAUserNameThatARealSiteMailsOutIsCaught() {
    // a real shop's account notice: the "user" signed up under a name that is the lure
    MailReport r =
        analyze(
            "From: Sakura Garden Shop <wordpress@sakura-garden.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: [Sakura Garden Shop] Login Details\r\n",
            "text/plain",
            "Username: www.qzxkpw.blogspot.com - BINANCE 142 300 EURO\n\nTo set your password,"
                + " visit the following address:\n\nhttps://sakura-garden.example.com/wp-login.php"
                + "?action=rp&key=Xy12Ab34\n");
    assertThat(flags(r)).contains(RedFlag.USER_NAME_LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("www.qzxkpw.blogspot.com"));
    // in Japanese: the name of the greeting is an amount to collect
    MailReport ja =
        analyze(
            "From: "
                + subject("会員サービス")
                + " <no-reply@members.example.co.jp>\r\nTo: a@example.jp\r\nSubject: "
                + subject("会員登録が完了しました")
                + "\r\n",
            "text/plain",
            "出金可能額 １５０，０００円 今すぐ受取 様\n\n会員登録ありがとうございます。ログインはこちらから。");
    assertThat(flags(ja)).contains(RedFlag.USER_NAME_LURE);
    // the sender name of a notification sent for a platform's user
    MailReport via =
        analyze(
            "From: \"Claim 5,000 USDT today (via Google Slides)\""
                + " <drive-shares-dm-noreply@google.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Presentation shared with you\r\n",
            "text/plain",
            "A presentation has been shared with you. Open");
    assertThat(flags(via)).contains(RedFlag.USER_NAME_LURE);
  }

  @Test
  void ordinaryUserNamesGreetingsAndSharersAreNoLure() {
    for (String[] m :
        List.of(
            new String[] {"Account created", "Username: taro.yamada@example.jp\nWelcome aboard."},
            new String[] {"Login Details", "Username: tanaka2024\nTo set your password, visit"},
            new String[] {"Hello", "Hi Taro,\nthe invoice for $500 is attached."},
            new String[] {"Hello", "Hello team, the budget is USD 12,000 this year."},
            new String[] {"Order", "Dear Amazon.com customer,\nyour order of $25.00 has shipped."},
            new String[] {"ご案内", "山田 太郎 様\n\nご請求額は 12,000円 です。"})) {
      MailReport r =
          analyze(
              "From: Service <info@service.example.com>\r\nTo: a@example.jp\r\nSubject: "
                  + m[0]
                  + "\r\n",
              "text/plain",
              m[1]);
      assertThat(flags(r)).as(m[1]).doesNotContain(RedFlag.USER_NAME_LURE);
    }
    MailReport shared =
        analyze(
            "From: \"Yamada Taro (via Google Docs)\" <drive-shares-dm-noreply@google.com>\r\n"
                + "To: a@example.jp\r\nSubject: Document shared with you: \"Budget 2027\"\r\n",
            "text/plain",
            "Yamada Taro shared a document with you.");
    assertThat(flags(shared)).doesNotContain(RedFlag.USER_NAME_LURE);
    // blanks by the ten thousand where the patterns look (a sender name before "(via …)", an
    // order number's colon) are read through, not backtracked over for ever
    String blanks = " ".repeat(60_000);
    MailReport padded =
        analyze(
            "From: \"Claim"
                + blanks
                + "x (via Google Docs)\" <drive-shares-dm-noreply@google.com>\r\n"
                + "To: a@example.jp\r\nSubject: Order id"
                + blanks.substring(0, 900)
                + "x\r\n",
            "text/plain",
            "your order id"
                + blanks
                + "x, invoice #"
                + blanks
                + "y. call 1-800-555-0100 to cancel");
    assertThat(padded.verdict()).isNotNull();
  }

  /**
   * Brands are looked for only in texts that contain one of the literal starts of their names
   * (String.indexOf before the regex): the same brands are found as by every pattern over the whole
   * text, on texts built from every brand's names in each way of signing, their neighbours, and the
   * test corpus.
   */
  @Test
  void brandAnchorsSkipNothingTheFullScanFinds() {
    // every brand's claim has literal starts, so that no brand is scanned over every text
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      assertThat(MailRegexStarts.starts(b.claim().pattern())).as(b.claim().pattern()).isNotEmpty();
    }
    assertThat(MailRegexStarts.starts("microsoft|office ?365|\\bms teams|マイクロソフト"))
        .containsExactly("microsoft", "office 365", "office365", "ms teams", "マイクロソフト");
    assertThat(MailRegexStarts.starts("\\bvisa(?:®)? card|警察(?:庁)?"))
        .containsExactly("visa® card", "visa card", "警察庁", "警察");
    assertThat(MailRegexStarts.starts("blockchain\\.com")).containsExactly("blockchain.com");
    // every match of a brand's signing pattern starts at one of the brand's names or at a
    // greeting or copyright line: where signedAs tries it (each start of the signing pattern
    // begins with a start of the brand's names or of the signing words)
    for (int i = 0; i < MailBrands.BRANDS.size(); i++) {
      List<String> starts = MailRegexStarts.starts(MailSigns.SIGNED_AS.get(i).pattern());
      assertThat(starts).as(MailBrands.BRANDS.get(i).claim().pattern()).isNotNull();
      List<String> allowed = new java.util.ArrayList<>(MailSigns.SIGNING_STARTS);
      allowed.addAll(MailRegexStarts.starts(MailBrands.BRANDS.get(i).claim().pattern()));
      for (String start : starts) {
        assertThat(allowed).as(start).anyMatch(start::startsWith);
      }
    }
    List<String> texts = new java.util.ArrayList<>();
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      for (String alt : b.claim().pattern().split("\\|")) {
        String name = alt.replace("\\b", "").replace(" ?", " ").replace("-?", "-").replace("?", "");
        for (String form :
            List.of(
                "dear %s member",
                "dear valued %s customer",
                "the %s security team",
                "%s online billing department",
                "© 2024 %s",
                "copyright 2019-2024, %s",
                "(c) %s",
                "%sをご利用のお客様",
                "i paid with %s yesterday",
                "dear %ss customer",
                "dear dear %s user",
                "©2024 (c) copyright %s",
                "%s mentioned; dear friend, the %s team said hello © 2023")) {
          texts.add(form.replace("%s", name));
          texts.add(form.replace("%s", name.replace(" ", "")));
        }
      }
    }
    // a claim whose alternative starts with a group (ledger's "synchronise your ledger")
    texts.add("dear synchronise your ledger member, the ledger support team");
    texts.add("© 2024 update your ledger");
    texts.add("blockchain.com security team");
    texts.add("blockchain security team");
    for (MailCorpus.Sample s : MailCorpus.all()) {
      texts.add(
          new String(s.eml(), java.nio.charset.StandardCharsets.UTF_8)
              .toLowerCase(java.util.Locale.ROOT));
    }
    int found = 0;
    for (String t : texts) {
      List<MailBrands.Brand> all = MailSigns.signedAsScanningAll(t);
      assertThat(MailSigns.signedAs(t)).as(t).isEqualTo(all);
      found += all.size();
    }
    assertThat(found).isGreaterThan(MailBrands.BRANDS.size() * 5);
  }

  /**
   * The wording patterns tried only where one of their literal starts occurs find exactly what
   * trying them everywhere finds: on texts made of the patterns' own words in random order (many
   * matches and near misses), with filler, Japanese and punctuation, and on the test corpus.
   */
  @Test
  void wordingPatternsTriedAtTheirStartsFindWhatAFullScanFinds() {
    assertThat(MailRegexStarts.starts("\\b(?:ab|cd)e|fg?h|\\(c\\)|ij{2}|(?<![a-z])\\d+x"))
        .containsExactly(
            "abe", "cde", "fgh", "fh", "(c)", "i", "0", "1", "2", "3", "4", "5", "6", "7", "8",
            "9");
    assertThat(MailRegexStarts.starts("ab|\\w+")).isNull();
    assertThat(MailRegexStarts.starts("(?:ab)?c")).containsExactly("abc", "c");
    assertThat(MailRegexStarts.starts("(?:ab){0,2}c")).isNull();
    assertThat(MailRegexStarts.starts("i{2}")).isNull();
    assertThat(MailRegexStarts.starts("(?<!x)ab")).containsExactly("ab");
    // a look-ahead matches no text: the match starts with what follows it
    assertThat(MailRegexStarts.starts("(?=x)ab")).containsExactly("ab");
    assertThat(MailRegexStarts.starts("(?i)ab")).isNull();
    // read on through optional characters, classes of single characters and groups
    assertThat(MailRegexStarts.starts("e-?mail (?:storage|quota)"))
        .containsExactly("e-mail storage", "e-mail quota", "email storage", "email quota");
    assertThat(MailRegexStarts.starts("gr[áa]tis\\b|ser[ãa]o? x"))
        .containsExactly("grátis", "gratis", "serão x", "serao x", "serã x", "sera x");
    assertThat(MailRegexStarts.starts("(?:new |unusual )?log-?in"))
        .containsExactly(
            "new log-in", "unusual log-in", "new login", "unusual login", "log-in", "login");
    // past the first element, choices that would make more than STARTS_PER_ALTERNATIVE starts
    // end the reading before them
    assertThat(MailRegexStarts.starts("\\bp\\.?o\\.? ?#?\\d"))
        .containsExactly("p.o.", "p.o", "po.", "po");
    // one of a repeated element, then nothing more; a range, a negation or an escape in a class
    // ends the reading; so does anything that is no text (\\w, ., a bound)
    assertThat(MailRegexStarts.starts("ab+c|x[a-c]y|z[^a]|q[\\d.]|wx\\wy|k.l|mn{2}"))
        .containsExactly("ab", "x", "z", "q", "wx", "k", "m");
    // an optional part (lazy or possessive too) is read both ways
    assertThat(MailRegexStarts.starts("a(?:bc)??d|e(?:f|gh)?+i"))
        .containsExactly("abcd", "ad", "efi", "eghi", "ei");
    List<java.util.regex.Pattern> patterns =
        List.of(
            MailCredentialWords.CREDENTIALS,
            MailUrgencyWords.URGENCY,
            MailFraudWords.LURES,
            MailFraudWords.MARKETING,
            MailFraudWords.FRAUD_OFFERS,
            MailFraudWords.THEMES);
    java.util.Random random = new java.util.Random(20261201);
    String[] filler = {
      " ", "  ", ". ", ", ", "\n", "the ", "your ", "a", "e", "お客様", "！", "-", "'", "1", "2024 "
    };
    int matches = 0;
    for (java.util.regex.Pattern p : patterns) {
      assertThat(MailRegexStarts.starts(p.pattern())).as(p.pattern().substring(0, 40)).isNotNull();
      String[] words = p.pattern().split("[\\\\()\\[\\]|?:*+{}^$.,0-9]+");
      for (int round = 0; round < 1_500; round++) {
        StringBuilder t = new StringBuilder();
        int n = 5 + random.nextInt(60);
        for (int k = 0; k < n; k++) {
          t.append(
              random.nextInt(3) == 0
                  ? filler[random.nextInt(filler.length)]
                  : words[random.nextInt(words.length)]);
          if (random.nextBoolean()) {
            t.append(' ');
          }
        }
        String text = t.toString();
        List<String> all = MailSigns.foundScanningAll(p, text);
        assertThat(MailSigns.found(p, text)).as(text).isEqualTo(all);
        matches += all.size();
      }
      for (MailCorpus.Sample c : MailCorpus.all()) {
        String text =
            new String(c.eml(), java.nio.charset.StandardCharsets.UTF_8)
                .toLowerCase(java.util.Locale.ROOT);
        assertThat(MailSigns.found(p, text)).isEqualTo(MailSigns.foundScanningAll(p, text));
      }
    }
    assertThat(matches).isGreaterThan(2_000);
  }

  /**
   * No finding's evidence reads "null" (walk11 saw "gmail.com ≠ null" for a sender with no domain).
   */
  @Test
  void evidenceNeverSaysNull() {
    String eml =
        "From: PayPal Service\r\nTo: a@b.example\r\nSubject: Your account has been limited\r\n"
            + "List-Unsubscribe: <mailto:unsub@gmail.com>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Dear PayPal member, verify your account now. Unsubscribe from this newsletter.\r\n";
    MailReport r =
        new MailAnalyzer()
            .analyze(
                new java.io.ByteArrayInputStream(
                    eml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(r.findings()).isNotEmpty();
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.evidence()).doesNotContain("null"));
    for (MailCorpus.Sample c : MailCorpus.all()) {
      new MailAnalyzer()
          .analyze(new java.io.ByteArrayInputStream(c.eml()))
          .findings()
          .forEach(f -> assertThat(f.evidence()).as(c.name()).doesNotContain("≠ null", "null ≠"));
    }
  }
}
