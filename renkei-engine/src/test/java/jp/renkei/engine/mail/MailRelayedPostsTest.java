package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailListRelayTest.MAILMAN_HOPS;
import static jp.renkei.engine.mail.MailListRelayTest.MAILMAN_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a discussion list vouches for and what it only relays (lists40, issue 19): a short post that
 * starts no thread, by an author who is not the list, is read as its author's mail — its wording,
 * the brand it claims against its own domain, its call-to-action links and the list host's SPF
 * check of its server count — while the list's own part (its headers, Reply-To, the DKIM failure
 * its footer causes) stays relieved, and replies in a thread, written-out links and the list's
 * robots keep the relief.
 */
class MailRelayedPostsTest {

  static final String DELIVERY_FEE =
      "<html><body><p>DHL Express</p><p>Hi,</p>"
          + "<p>We inform you that your shipment No 54960131 is still awaiting instructions from"
          + " you. You have to pay the additional shipping fees to ship your parcel as soon as"
          + " possible.</p>"
          + "<p><a href=\"https://parcel-release.example-track.top/pay?id=54960131\">Start"
          + " Delivery</a></p></body></html>";

  static MailReport post(
      String extraHeaders, String subject, String from, String type, String text) {
    return TestMail.analyzeBase64(
        MAILMAN_HOPS
            + "From: "
            + from
            + "\r\n"
            + "To: dev@lists.radio-example.org\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + extraHeaders
            + MAILMAN_LIST,
        type,
        text);
  }

  @Test
  void aDeliveryLureTheListRelayedIsReadAsItsAuthorsMail() {
    MailReport r =
        post(
            "",
            "[dev] Your package cannot be delivered",
            "DHL Express <internet@lensmedia-example.co.za>",
            "text/html",
            DELIVERY_FEE);
    assertThat(TestMail.flags(r))
        .contains(RedFlag.BRAND_IMPERSONATION, RedFlag.PAYMENT_LURE, RedFlag.URGENCY)
        // the list's footer broke the author's signature: still the list's doing, not a sign
        .doesNotContain(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.evidence()).isEqualTo("DHL ≠ lensmedia-example.co.za"));
  }

  @Test
  void theSameWordsInAReplyInAThreadKeepTheListsRelief() {
    MailReport r =
        post(
            "In-Reply-To: <20220214.1@univ-example.edu>\r\n"
                + "References: <20220214.1@univ-example.edu>\r\n",
            "[dev] Re: Your package cannot be delivered",
            // a member, not a brand's desk from another domain (lists43: a quote is forged as
            // easily as a thread's headers, MailForgedQuoteTest)
            "Rob K <rob@univ-example.edu>",
            "text/html",
            // a real answer shows what it answers (lists41: a thread's headers alone are forged)
            DELIVERY_FEE.replace(
                "</body>",
                "<blockquote>On Mon, Rob wrote: did the parcel arrive?</blockquote></body>"));
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION, RedFlag.PAYMENT_LURE, RedFlag.URGENCY);
  }

  @Test
  void aMembersNewQuestionWithItsLinksWrittenOutStaysClean() {
    MailReport r =
        post(
            "",
            "[dev] replay block drops samples on the 4.1 image",
            "Rob K <rob@univ-example.edu>",
            "text/plain",
            MailListRelayTest.QUESTION
                + "\n\nThe log: https://radio-log.appspot.com/x/log.txt?x=1d2e3f\n"
                + "The board: https://github.com/univ-example/replay-board\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aRelayedPostsLinkWhoseWordsHideWhereItLeadsIsASign() {
    MailReport r =
        post(
            "",
            "[dev] Proposal documentation available",
            "Project Office <office@builders-example.com>",
            "text/html",
            "<html><body><p>Hello,</p><p>The proposal documentation and the project details are"
                + " available for your review.</p><p><a href=\"https://proposal-docs.appspot.com/"
                + "view\">View documents</a></p></body></html>");
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  /** The list host's own check of the author's server, as lists.ozlabs.org writes it. */
  static final String SPF_AT_THE_LIST =
      "Return-Path: <dev-bounces@lists.radio-example.org>\r\n"
          + "Received: from mm.radio-example.org (mm.radio-example.org [192.0.2.10])\r\n"
          + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
          + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
          + "Received: from mm.radio-example.org (localhost [127.0.0.1])\r\n"
          + "\tby mm.radio-example.org (Postfix) with ESMTP id 77845\r\n"
          + "\tfor <me@reader-example.net>; Mon, 14 Feb 2022 21:26:29 -0500\r\n"
          + "Authentication-Results: mm.radio-example.org; spf=fail (SPF fail - not authorized)"
          + " smtp.mailfrom=invoices-example.net\r\n"
          + "Received: from host.example-vps.net (host.example-vps.net [203.0.113.9])\r\n"
          + "\tby mm.radio-example.org (Postfix) with ESMTPS id AAA05\r\n"
          + "\tfor <dev@lists.radio-example.org>; Mon, 14 Feb 2022 21:25:33 -0500\r\n";

  @Test
  void theListHostsSpfFailureOfARelayedPostIsTheAuthorsAndOfAReplyIsNotRead() {
    String[] replies = {"", "In-Reply-To: <20220214.1@univ-example.edu>\r\n"};
    for (String reply : replies) {
      MailReport r =
          TestMail.analyzeBase64(
              SPF_AT_THE_LIST
                  + "From: cfe@invoices-example.net\r\n"
                  + "To: dev@lists.radio-example.org\r\n"
                  + "Subject: [dev] Cuenta vencida 330CFE/2024\r\n"
                  + reply
                  + MAILMAN_LIST,
              "text/plain",
              // a real answer quotes what it answers (lists41: In-Reply-To alone is forged)
              reply.isEmpty()
                  ? "Adjunto comprobante."
                  : "Adjunto comprobante.\n\n> Could you send the receipt again?");
      if (reply.isEmpty()) {
        assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
        assertThat(r.findings())
            .anySatisfy(f -> assertThat(f.evidence()).startsWith("spf=fail (the list host's"));
      } else {
        assertThat(TestMail.flags(r)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
      }
    }
  }

  @Test
  void anArticleAMemberForwardsToStartAThreadKeepsTheRelief() {
    StringBuilder article = new StringBuilder("http://news-example.com/2002/world-order\n\n");
    for (int i = 0; i < 60; i++) {
      article.append(
          "The administration may fail to respond significantly, and the withdrawal of the entire"
              + " inspection team would follow; the payment of the debt was discussed. ");
    }
    MailReport r =
        post(
            "",
            "[dev] The next world order",
            "R. A. H <rah@shipwright-example.com>",
            "text/plain",
            article.toString());
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE, RedFlag.URGENCY);
  }
}
