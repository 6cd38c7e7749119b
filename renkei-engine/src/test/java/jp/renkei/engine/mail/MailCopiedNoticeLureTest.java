package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The older account lures (issue 19, nazario20), on hand-written messages: a copy of a brand's
 * notice whose one "click here" was swapped for another domain, a form in the message that posts
 * the answers elsewhere, an ad server's redirect to a bare IP address, and credit "approved" for a
 * reader who never applied; and legitimate mail that looks like each, which stays clean.
 */
class MailCopiedNoticeLureTest {

  static final String AUTH =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=%1$s;"
          + " dkim=pass header.d=%1$s; dmarc=pass header.from=%1$s\r\n"
          + "DKIM-Signature: v=1; a=rsa-sha256; d=%1$s; s=s1; h=from:to:subject; bh=x; b=y\r\n";

  MailReport analyze(String headers, String contentType, String body) {
    return TestMail.analyzeBase64(headers, contentType, body);
  }

  static List<RedFlag> flags(MailReport r) {
    return TestMail.flags(r);
  }

  static String evidence(MailReport r, RedFlag f) {
    return r.findings().stream()
        .filter(x -> x.flag() == f)
        .map(x -> x.evidence() + " / " + x.evidenceJa())
        .toList()
        .toString();
  }

  static final String NOTICE =
      "<p>Dear customer, we are having difficulty verifying your account. Please verify your"
          + " account within 48 hours.</p><p><a href=\"%s\">click here</a></p>"
          + "<p><a href=\"http://www.shopfront.com/help\">Help</a> | <a"
          + " href=\"http://www.shopfront.com/privacy\">Privacy</a></p>";

  @Test
  void aCopiedNoticeWhoseOneClickHereLeadsElsewhereIsALoginLinkElsewhere() {
    MailReport r =
        analyze(
            "From: Shopfront <payments@shopfront.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Account update required\r\n",
            "text/html",
            String.format(NOTICE, "http://hosting-helps.example.net/gr/dap.htm"));
    assertThat(flags(r)).contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(evidence(r, RedFlag.LOGIN_LINK_ELSEWHERE))
        .contains("hosting-helps.example.net/gr/dap.htm ≠ shopfront.com")
        .contains("ほかのリンクはすべて shopfront.com");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void theSameNoticeLinkingOnlyItsOwnSiteIsNoLoginLinkElsewhere() {
    MailReport r =
        analyze(
            String.format(AUTH, "shopfront.com")
                + "From: Shopfront <payments@shopfront.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Account update required\r\n",
            "text/html",
            String.format(NOTICE, "https://www.shopfront.com/account"));
    assertThat(flags(r)).doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void aNoticeLinkingTwoOtherDomainsBesidesItsOwnIsNotReadAsASwappedLink() {
    // a shop's mail that links its partners (a carrier, a payment service) is not the one swapped
    // link this sign describes
    MailReport r =
        analyze(
            "From: Shopfront <payments@shopfront.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Account update required\r\n",
            "text/html",
            String.format(NOTICE, "http://tracking.carrier-one.example/t")
                + "<p><a href=\"http://pay.example.org/\">Pay</a></p>");
    assertThat(flags(r)).doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void aFormThatPostsAnAccountCheckToAnotherDomainIsAnHtmlForm() {
    // a browser drops the tab and the line break written into the host
    MailReport r =
        analyze(
            "From: eBay <aw-confirm@ebay.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Final notice\r\n",
            "text/html",
            "<p>Dear eBay member, you are required to verify your personal information by"
                + " following the link below.</p><form method=post"
                + " action=\"http://dns.creative&#010;agency.example.mx/signin.ebay.com/SignIn.php\">"
                + "<input type=submit value=\"Verify\"></form>");
    assertThat(flags(r)).contains(RedFlag.HTML_FORM);
    assertThat(evidence(r, RedFlag.HTML_FORM)).contains("≠ ebay.com").contains("入力内容の送り先");
  }

  @Test
  void aSurveyFormInMailThatAsksForNothingIsNoHtmlForm() {
    MailReport r =
        analyze(
            String.format(AUTH, "shopfront.com")
                + "From: Shopfront <news@shopfront.com>\r\nTo: a@example.jp\r\n"
                + "Subject: How did we do?\r\n",
            "text/html",
            "<p>Tell us how your last order went.</p><form action=\"https://survey.example.org/r\">"
                + "<input type=radio name=score value=5> Great <input type=submit></form>");
    assertThat(flags(r)).doesNotContain(RedFlag.HTML_FORM);
  }

  @Test
  void anAdServersRedirectToABareIpAddressIsASuspiciousLink() {
    MailReport r =
        analyze(
            "From: PayPal <info@paypal.com>\r\nTo: a@example.jp\r\nSubject: Notice\r\n",
            "text/html",
            "<p>Your account access will remain limited. <a"
                + " href=\"http://ads.example.net/clk;1301;1069;h?http://192.0.2.102/files/pp/login.htm\">"
                + "Click here to activate your account</a></p>");
    assertThat(flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK))
        .contains("→ http://192.0.2.102/files/pp/login.htm")
        .contains("転送先が IP アドレス");
  }

  @Test
  void aRedirectToANamedSiteIsNotReadAsOneToAnIpAddress() {
    MailReport r =
        analyze(
            String.format(AUTH, "shopfront.com")
                + "From: Shopfront <news@shopfront.com>\r\nTo: a@example.jp\r\nSubject: News\r\n",
            "text/html",
            "<p>Our spring catalogue: <a"
                + " href=\"http://click.shopfront.com/r?u=http://www.shopfront.com/spring\">read"
                + " it</a></p>");
    assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK)).doesNotContain("→ http://");
  }

  @Test
  void creditApprovedForAReaderWhoNeverAppliedIsAFraudOffer() {
    MailReport r =
        analyze(
            "From: USA Platinum Plus Card <noreply@front-office.example>\r\nTo: a@example.jp\r\n"
                + "Subject: Your $7,500 credit line was approved\r\n",
            "text/plain",
            "Congrats! To finalize your Instant Online Approval, please click below:\r\n"
                + "http://front-office.example/track.php/2E8A/fast/1\r\n");
    assertThat(flags(r)).contains(RedFlag.FRAUD_OFFER);
    assertThat(evidence(r, RedFlag.FRAUD_OFFER))
        .contains("credit line was approved")
        .contains("申し込んでいない与信の承認");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void instantApprovalWordsInTheTextCountToo() {
    MailReport r =
        analyze(
            "From: Card Center <offers@cardcenter.example>\r\nTo: a@example.jp\r\n"
                + "Subject: A card for you\r\n",
            "text/plain",
            "Worried about your credit? Get the IMPACT Visa card, guaranteed approval,\r\n"
                + "no credit check: http://cardcenter.example/apply\r\n");
    assertThat(flags(r)).contains(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aSignedBankLetterAboutAnApprovedLoanIsNoFraudOffer() {
    // the bank the reader applied to writes from its own, authenticated domain
    MailReport r =
        analyze(
            String.format(AUTH, "examplebank.co.jp")
                + "From: Example Bank <loans@examplebank.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: Your loan was approved\r\n",
            "text/plain",
            "Thank you for your application. The details are in your online banking:\r\n"
                + "https://www.examplebank.co.jp/loans\r\n");
    assertThat(flags(r)).doesNotContain(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aNewsStoryAboutLoansIsNoFraudOffer() {
    MailReport r =
        analyze(
            "From: Daily Digest <digest@news.example>\r\nTo: a@example.jp\r\nSubject: Today\r\n",
            "text/plain",
            "Lenders tightened standards this quarter; fewer applicants were approved than a year"
                + " ago. Read more: http://news.example/a/1\r\n");
    assertThat(flags(r)).doesNotContain(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aPageUnderAFreeWebHostsNameIsASuspiciousLink() {
    MailReport r =
        analyze(
            "From: Washington Mutual <noreply@bank-notice.example>\r\nTo: a@example.jp\r\n"
                + "Subject: Billing Issues\r\n",
            "text/html",
            "<p>Please follow the link below and renew your records: <a"
                + " href=\"http://wamubis.netfirms.com\">http://wamubis.netfirms.com</a></p>");
    assertThat(flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK))
        .contains("(netfirms.com)")
        .contains("無料ホスティング");
  }

  @Test
  void theFreeWebHostsOwnSiteIsNoSuspiciousLink() {
    MailReport r =
        analyze(
            String.format(AUTH, "news.example")
                + "From: Web News <digest@news.example>\r\nTo: a@example.jp\r\nSubject: Today\r\n",
            "text/html",
            "<p>Tripod turns 30: <a href=\"https://www.tripod.com/about\">their story</a></p>");
    assertThat(flags(r)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void aNewslettersShopSearchBoxIsNoHtmlFormEvenBesideAPasswordTip() {
    MailReport r =
        analyze(
            "From: Tech Tips <subscriptions@tips.example>\r\nTo: a@example.jp\r\n"
                + "Subject: This week\r\n",
            "text/html",
            "<p>Tip: never verify your account through a link in mail.</p><form"
                + " action=\"http://www.amazon.com/exec/obidos/external-search\"><input name=keyword>"
                + "<input type=submit value=Go></form>");
    assertThat(evidence(r, RedFlag.HTML_FORM)).doesNotContain("external-search");
  }
}
