package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailRelayedEvasionTest.THREAD;
import static jp.renkei.engine.mail.MailRelayedPostsTest.DELIVERY_FEE;
import static jp.renkei.engine.mail.MailRelayedPostsTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The adversary's next step against the relayed-post reading (lists43, issue 19; the gap lists41
 * documented): a lure that writes a thread's headers and also fakes the quote a real answer shows —
 * "&gt; …" under a made-up "… wrote:" line — to get the list's relief back. A quote shows that a
 * post answers something; it does not vouch for the new post's call to action. Each lure is set
 * beside the real list answer it imitates, which keeps the relief.
 */
class MailForgedQuoteTest {

  static final String FORGED_QUOTE =
      "<blockquote>On Mon, 14 Feb 2022, Rob K wrote:<br>&gt; did the parcel arrive?</blockquote>";

  @Test
  void aBrandsDeskAnsweringAThreadFromAnotherDomainIsReadAsItsAuthor() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: Your package cannot be delivered",
            "DHL Express <internet@lensmedia-example.co.za>",
            "text/html",
            DELIVERY_FEE.replace("</body>", FORGED_QUOTE + "</body>"));
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION, RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aPlainTextQuoteUnderAMadeUpAttributionBuysNothingEither() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: Your package cannot be delivered",
            "DHL Express <internet@lensmedia-example.co.za>",
            "text/html",
            DELIVERY_FEE.replace(
                "</body>",
                "<p>On Mon, 14 Feb 2022 at 09:12, Rob K &lt;rob@univ-example.edu&gt; wrote:</p>"
                    + "<p>&gt; did the parcel arrive?</p></body>"));
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION, RedFlag.PAYMENT_LURE);
  }

  @Test
  void aPersonsAnswerWhoseButtonCarriesTheListsAddressToThePageIsReadAsItsAuthors() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: invoice for the boards",
            "Ann Lee <ann.lee@harbour-example.net>",
            "text/html",
            "<html><body><p>Hi,</p><p>Please find the invoice for the boards and settle the"
                + " payment today.</p><p><a href=\"https://docs-review.example-share.top/v/"
                + "#dev@lists.radio-example.org\">Review invoice</a></p>"
                + FORGED_QUOTE
                + "</body></html>");
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPersonsAnswerWhoseSignInButtonLeadsToHostingAnyoneCanUseIsReadAsItsAuthors() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: shared folder",
            "Ann Lee <ann.lee@harbour-example.net>",
            "text/html",
            "<html><body><p>Hi,</p><p>I shared the folder with the list. Sign in to open it before"
                + " it expires.</p><p><a href=\"https://shared-folder-4411.web.app/\">Open"
                + " folder</a></p>"
                + FORGED_QUOTE
                + "</body></html>");
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aMembersHtmlAnswerLinkingItsPullRequestKeepsTheRelief() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: shipping the boards to the lab",
            "Rob K <rob@univ-example.edu>",
            "text/html",
            "<html><body><div dir=\"ltr\">Not yet. DHL Express says the parcel is still awaiting"
                + " the customs fee; I will pay it today, the deadline is Friday. The fix for the"
                + " replay block is in <a href=\"https://github.com/radio-example/replay/pull/12\">"
                + "the pull request</a>, please review and confirm it builds.<br>Rob</div>"
                + "<div class=\"gmail_quote\">On Mon, 14 Feb 2022, Ann wrote:<blockquote>did DHL"
                + " deliver the boards yet? We have to pay the customs fee before Friday."
                + "</blockquote></div></body></html>");
    assertThat(TestMail.flags(r))
        .doesNotContain(
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY,
            RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aServicesOwnDeskAnsweringFromItsOwnDomainKeepsTheRelief() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: webhook deliveries fail since Monday",
            "GitHub Support <support@github.com>",
            "text/html",
            "<html><body><p>Hi Rob,</p><p>The deliveries failed because the secret was rotated."
                + " You can update it under <a href=\"https://github.com/settings/account\">your"
                + " account settings</a>.</p><p>GitHub Support</p>"
                + "<blockquote>On Mon, 14 Feb 2022, Rob K wrote:<br>&gt; our webhook deliveries"
                + " fail since Monday</blockquote></body></html>");
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION, RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}
