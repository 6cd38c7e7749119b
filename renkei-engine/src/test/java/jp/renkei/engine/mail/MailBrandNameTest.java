package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A brand that is also a first name or a word claims only with the words that make it the brand.
 */
class MailBrandNameTest {

  @Test
  void aPersonNamedChaseWritingFromFreeMailClaimsNoBank() {
    MailReport r =
        TestMail.analyzeBase64(
            "From: Chase Miller <chase.miller@gmail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Lunch on Friday?\r\n",
            "text/plain",
            "Hi, are you free for lunch on Friday? We could chase up the workshop notes too.\n"
                + "Chase\n");
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION, RedFlag.FREEMAIL_CLAIMS_ORGANISATION);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theBankByItsWordsOrItsBareNameOnAStrangersDomainIsStillClaimed() {
    for (String from :
        new String[] {
          "Chase Online <alerts@chase-secure-verify.xyz>", "Chase <alerts@secure-notice.xyz>"
        }) {
      MailReport r =
          TestMail.analyzeBase64(
              "From: " + from + "\r\nTo: a@example.jp\r\nSubject: Account notice\r\n",
              "text/html",
              "<p>We noticed unusual activity. Confirm your identity within 24 hours.</p>"
                  + "<a href=\"https://chase-secure-verify.xyz/logon\">Sign in</a>");
      assertThat(TestMail.flags(r)).as(from).contains(RedFlag.BRAND_IMPERSONATION);
    }
  }
}
