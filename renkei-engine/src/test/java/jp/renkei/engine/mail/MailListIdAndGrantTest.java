package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * List-Id beside List-Unsubscribe, as marketing platforms stamp them on every campaign, makes no
 * discussion list whose words would not count; a discussion list (List-Post, List-Help) still does.
 * And the "humanitarian grant" issued to a stranger is a fraud offer (issue 19, phishpot20).
 */
class MailListIdAndGrantTest {

  static final String AIRDROP =
      "<p>You're invited to the crypto airdrop! Claim your share before Friday.</p>"
          + "<a href=\"https://claim-example.top/a\">Claim</a>";

  @Test
  void aCampaignWithListIdAndOneClickUnsubscribeStillHasItsWordsJudged() {
    MailReport r =
        TestMail.analyzeBase64(
            "From: Zelena <zelena@vecer-example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: You're invited to the Crypto Airdrop !\r\n"
                + "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=vecer-example.com;"
                + " dkim=pass header.d=vecer-example.com; dmarc=pass\r\n"
                + "List-Id: <vecer-example.com_sm_vh108y66>\r\n"
                + "List-Unsubscribe: <mailto:unsubscribe@vecer-example.com>\r\n",
            "text/html",
            AIRDROP);
    assertThat(TestMail.flags(r)).contains(RedFlag.FRAUD_OFFER);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aDiscussionListThatSentTheMessageStillVouchesForItsMembersWords() {
    MailReport r =
        TestMail.analyzeBase64(
            "From: Ken <ken@vecer-example.com>\r\nTo: crypto-talk@lists.vecer-example.com\r\n"
                + "Subject: Re: the airdrop scams\r\n"
                + "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=vecer-example.com;"
                + " dkim=pass header.d=vecer-example.com; dmarc=pass\r\n"
                + "List-Id: <crypto-talk.lists.vecer-example.com>\r\n"
                + "List-Post: <mailto:crypto-talk@lists.vecer-example.com>\r\n"
                + "List-Help: <mailto:crypto-talk-request@lists.vecer-example.com?subject=help>\r\n",
            "text/plain",
            "They said: claim your share of the airdrop before Friday. Nobody should.");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aHumanitarianGrantIssuedToAStrangerIsAFraudOffer() {
    MailReport r =
        TestMail.analyzeBase64(
            "From: PICHON Johanna <j.pichon@dept-example.fr>\r\nTo: a@example.jp\r\n"
                + "Subject: RE: APPROVAL\r\n",
            "text/plain",
            "Humanitarian grant has been issued to you. kindly contact ( pro.b833@gmail.com ) for"
                + " quick claims.");
    assertThat(TestMail.flags(r)).contains(RedFlag.FRAUD_OFFER);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}
