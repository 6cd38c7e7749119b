package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bank lures of 2003-06 and their heirs (recall23): the banks of English-speaking countries as
 * brands, and the old English phrasings of an account to unblock. The messages are written for this
 * test; addresses are documentation ones (RFC 5737) and example domains.
 */
class MailOldBankLureTest {

  private static MailReport analyze(String from, String subject, String html) {
    return TestMail.asciiHtml(from, subject, html);
  }

  @Test
  void aBankGreetingFromAnUnrelatedDomainClaimsTheBank() {
    MailReport r =
        analyze(
            "support@mail.example.net",
            "Security Upgrade",
            "<html><body><p>Dear Wachovia Customer,</p><p>Our security systems require that you"
                + " check the status of your Internet Banking account.</p><p><a"
                + " href=\"http://bank-check.example.net/w/\">Sign on to Internet Banking</a></p>"
                + "</body></html>\r\n");
    assertThat(r.findings())
        .extracting(MailReport.Finding::flag)
        .contains(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void theOldPhrasingsOfABlockedAccountAreCredentialRequests() {
    for (String lure :
        new String[] {
          "we had to block your online account until we hear from you",
          "to avoid the suspension of your account, log in today",
          "please re-enter your atm card number and pin",
          "we were unable to verify your account information",
          "your account information needs to be updated"
        }) {
      assertThat(MailSigns.found(MailCredentialWords.CREDENTIALS, lure)).as(lure).isNotEmpty();
    }
  }

  @Test
  void aCommonWordThatNamesABankIsNoClaim() {
    assertThat(MailSigns.claimed("Regions of Japan: a travel newsletter")).isEmpty();
    assertThat(MailSigns.claimed("Discover our new key features")).isEmpty();
    assertThat(MailSigns.claimed("Citizens of Halifax vote today")).isEmpty();
    assertThat(MailSigns.claimed("Your Regions Bank statement"))
        .extracting(MailBrands.Brand::name)
        .containsExactly("Regions Bank");
  }

  @Test
  void aNoticeAboutNewAddressesIsNoCredentialRequest() {
    assertThat(
            MailSigns.found(
                MailCredentialWords.CREDENTIALS,
                "we have moved. please update your records with our new address and telephone"
                    + " number."))
        .isEmpty();
  }

  @Test
  void theBanksOwnNewsletterIsNoImpersonation() {
    MailReport r =
        analyze(
            "\"Wachovia\" <news@wachovia.com>",
            "Your spring savings guide",
            "<html><body><p>Dear Wachovia Customer,</p><p>Spring is a good time to review your"
                + " savings goals. Read our guide at <a"
                + " href=\"https://www.wachovia.com/guide\">wachovia.com</a>.</p></body></html>\r\n");
    assertThat(r.findings())
        .extracting(MailReport.Finding::flag)
        .doesNotContain(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST);
  }
}
