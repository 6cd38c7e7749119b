package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The 2004-2005 bulk lures' signs (nazario27, {@link MailBulkLures}): a banner header vouching for
 * the sender, a subject opening with the reader's mailbox name, free money at a brand the sender is
 * not. The messages are written for this test; domains and people are invented.
 */
class MailBulkLuresTest {

  private static MailReport mail(String headers, String contentType, String body) {
    return TestMail.analyze(
        TestMail.crlf(
            headers
                + "Date: Sat, 25 Dec 2004 03:22:48 -0600\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: "
                + contentType
                + "\n\n"
                + body));
  }

  private static java.util.List<String> r(MailReport report) {
    return report.findings().stream()
        .filter(f -> f.flag() == RedFlag.BRAND_IMPERSONATION)
        .map(MailReport.Finding::evidence)
        .toList();
  }

  private static final String PICTURE_NOTICE =
      "<html><body><p><a href=\"http://pay-notice.example.net/in.php?aid=44\">"
          + "<img width=\"308\" height=\"288\" src=\"http://pay-notice.example.net/n.gif\"></a>"
          + "</p></body></html>\n";

  @Test
  void aBannerSayingTheSenderIsAuthenticIsTheSendersOwnWord() {
    MailReport r =
        mail(
            "From: \"Chelsea Moore\" <cmoore@shop-example.com>\n"
                + "To: reader@example.org\n"
                + "Subject: We cannot cancel your payment N0109180\n"
                + "X-Message-Flag: Authentic Sender, Hash: QwErTyUi\n",
            "text/html; charset=us-ascii",
            PICTURE_NOTICE);
    assertThat(TestMail.flags(r)).contains(RedFlag.VOUCHING_BANNER, RedFlag.IMAGE_ONLY);
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.VOUCHING_BANNER);
              assertThat(f.evidence())
                  .isEqualTo("X-Message-Flag: Authentic Sender, Hash: QwErTyUi");
            });
    // the picture alone was suspicious; with the banner vouching for a stranger it is malicious
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aFollowUpFlagOrAJokeAboutOutlookVouchesForNobody() {
    for (String flag :
        new String[] {
          "Follow up", "Flag for follow up", "Try using a real operating system : GNU/Linux power!"
        }) {
      MailReport r =
          mail(
              "From: Ann Lee <ann@example.org>\n"
                  + "To: bob@example.com\n"
                  + "Subject: minutes of Tuesday\n"
                  + "X-Message-Flag: "
                  + flag
                  + "\n",
              "text/plain; charset=us-ascii",
              "Bob,\n\nthe minutes are on the shared drive. Please add your part by Friday.\n\nAnn\n");
      assertThat(TestMail.flags(r)).as(flag).doesNotContain(RedFlag.VOUCHING_BANNER);
    }
  }

  @Test
  void aSubjectOpeningWithTheMailboxNameInSmallLettersIsAnAddressList() {
    MailReport r =
        mail(
            "From: Offers <info-1-2512@r.specials-example.com>\n"
                + "To: jdoe@example.org\n"
                + "Subject: jdoe, Careers in Criminal Justice - Important Info...\n",
            "text/plain; charset=us-ascii",
            "Earn your degree online. Find out more:\nhttp://specials-example.com/c?id=7\n");
    assertThat(TestMail.flags(r)).contains(RedFlag.RECIPIENT_AS_NAME);
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.RECIPIENT_AS_NAME);
              assertThat(f.evidence()).startsWith("Subject: jdoe,");
            });
  }

  @Test
  void aCapitalisedFirstNameOrAReplyIsNoAddressList() {
    MailReport named =
        mail(
            "From: Travel Club <news@travel-example.com>\n"
                + "To: marcy@example.org\n"
                + "Subject: Marcy, this way to Europe with your points\n",
            "text/plain; charset=us-ascii",
            "Use your points for flights this summer: http://travel-example.com/europe\n");
    assertThat(TestMail.flags(named)).doesNotContain(RedFlag.RECIPIENT_AS_NAME);
    MailReport reply =
        mail(
            "From: Ann Lee <ann@example.com>\n"
                + "To: bob@example.org\n"
                + "Subject: Re: bob, lunch?\n",
            "text/plain; charset=us-ascii",
            "Sure, at noon.\n");
    assertThat(TestMail.flags(reply)).doesNotContain(RedFlag.RECIPIENT_AS_NAME);
  }

  @Test
  void freeMoneyAtABrandFromAStrangerClaimsTheBrand() {
    MailReport r =
        mail(
            "From: \"GetYourCard\" <purge-nb-1@winners.prize-example.com>\n"
                + "To: reader@example.org\n"
                + "Subject: How will you spend your 500 at eBay\n"
                + "List-Unsubscribe: <mailto:leave-nb-1@winners.prize-example.com>\n",
            "text/plain; charset=us-ascii",
            "How would you spend 500 dollars?\n\nVisit this link:\n"
                + "http://c.bags-example.com/WIN_3905E?campaign=vnde\n");
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.BRAND_IMPERSONATION);
              assertThat(f.evidence()).startsWith("eBay ≠ winners.prize-example.com (Subject: ");
              assertThat(f.evidenceJa()).contains("件名");
            });
  }

  @Test
  void theBrandsOwnOfferOrALinkToTheBrandIsNoClaim() {
    MailReport own =
        mail(
            "From: eBay <ebay@reply.ebay.com>\n"
                + "To: reader@example.org\n"
                + "Subject: Your $10 coupon at eBay\n",
            "text/plain; charset=us-ascii",
            "Use it on anything this week: http://pages.ebay.com/coupon\n");
    assertThat(TestMail.flags(own)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    MailReport deals =
        mail(
            "From: Deals Digest <digest@deals-example.com>\n"
                + "To: reader@example.org\n"
                + "Subject: Your $10 coupon at eBay and more\n",
            "text/plain; charset=us-ascii",
            "This week's coupon: http://pages.ebay.com/coupon\n");
    // the offer leads to the brand's own site: no claim by the offer (the subject's "your" and
    // the brand from a stranger's domain are read by the older rule, not asserted here)
    assertThat(r(deals)).noneMatch(e -> e.contains("(Subject: "));
  }

  private static MailReport received(String line) {
    return mail(
        "Received: from mx.example.org (mx.example.org [198.51.100.7])\n"
            + "\tby mail.example.com (Postfix) with ESMTP id 4303585AB8C\n"
            + "\tfor <reader@example.com>; Sat, 25 Dec 2004 04:21:00 -0500 (EST)\n"
            + "Received: "
            + line
            + "\n"
            + "From: Ann Lee <ann@example.org>\n"
            + "To: reader@example.com\n"
            + "Subject: the figures\n",
        "text/plain; charset=us-ascii",
        "The figures are in the shared folder.\n");
  }

  @Test
  void aReceivedLineNamingTheServerByAnAddressAloneIsForged() {
    MailReport r =
        received(
            "from KLATX-BD00 (203.0.113.141) by 198.51.100.110; Sat, 25 Dec 2004 03:22:48 -0600");
    assertThat(TestMail.flags(r)).contains(RedFlag.FORGED_RECEIVED);
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.FORGED_RECEIVED);
              assertThat(f.evidence()).contains("by 198.51.100.110").contains("queue id");
              assertThat(f.evidenceJa()).contains("キュー ID");
            });
    assertThat(
            TestMail.flags(
                received("from 203.0.113.88 by 198.51.100.37; Thu, 06 Jan 2005 21:22:31 +0500")))
        .contains(RedFlag.FORGED_RECEIVED);
  }

  @Test
  void aServersOwnLineOrARelayBetweenPrivateAddressesIsNoForgery() {
    for (String line :
        new String[] {
          "from 192.168.30.220 ([192.168.30.220]) by 192.168.1.2; Mon, 23 Sep 2002 17:45:03 -0400",
          "from 203.0.113.82 by 203.0.113.26 (mailnotify 1916B19:18:08); Tue, 17 Dec 2019 02:53:09"
              + " GMT",
          "from pc7 (pc7.example.org [203.0.113.9]) by mx.example.org (8.12.8/8.12.8) with SMTP id"
              + " h1A2B3C; Mon, 2 May 2005 10:13:40 -0500"
        }) {
      assertThat(TestMail.flags(received(line))).as(line).doesNotContain(RedFlag.FORGED_RECEIVED);
    }
  }
}
