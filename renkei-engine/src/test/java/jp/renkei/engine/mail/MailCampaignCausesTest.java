package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Campaign and advocacy mail (ham-political, hamout40): a donation platform's page behind a host
 * named {@code secure.…} is no sign-in page elsewhere, the news of troops withdrawn from a country
 * is no money withdrawn, and a public cause's urgency ("an urgent call to action", "demand
 * immediate action") presses no reader about an account. Each clearing is paired with the
 * look-alike lure that keeps its sign.
 */
class MailCampaignCausesTest {

  /** A campaign's welcome mail from its own domain, signed by it (no list headers: not bulk). */
  static MailReport welcome(String html) {
    return TestMail.analyzeBase64(
        "Authentication-Results: mx.google.com; dkim=pass header.i=@janedoeforcongress-example.com"
            + " header.s=k1 header.b=abc; spf=pass smtp.mailfrom=info@janedoeforcongress-example.com\r\n"
            + "From: Jane Doe <info@janedoeforcongress-example.com>\r\nTo: aj@example.com\r\n"
            + "Subject: Thanks for joining the team\r\n",
        "text/html; charset=UTF-8",
        html);
  }

  static String donate(String href, String words) {
    return "<html><body><p>Thanks for signing up to follow our campaign. We are building a team"
        + " in every county.</p><p>Can you chip in to get us started? <a href=\""
        + href
        + "\">"
        + words
        + "</a></p><p>Paid for by Jane Doe for Congress.</p></body></html>";
  }

  @Test
  void aDonationPlatformsDonationPageIsNoLoginPageElsewhere() {
    MailReport actblue =
        welcome(
            donate("https://secure.actblue.com/donate/janedoe-welcome?refcode=signup", "Donate"));
    assertThat(TestMail.flags(actblue)).doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(actblue.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    MailReport ngpvan =
        welcome(donate("https://secure.ngpvan.com/sDvyYOGS4Ey-0lsaexP9oA2", "Give $5"));
    assertThat(TestMail.flags(ngpvan)).doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void aLoginAtTheDonationPlatformOrItsNameInFrontOfAnotherDomainKeepsTheSign() {
    // the platform's own host, but the address asks to log in
    MailReport login = welcome(donate("https://secure.actblue.com/login?next=/account", "Chip in"));
    assertThat(TestMail.flags(login)).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
    // the link's words ask to verify the account
    MailReport verify =
        welcome(donate("https://secure.actblue.com/donate/x", "Verify your account"));
    assertThat(TestMail.flags(verify)).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
    // the platform's name in front of another domain is that other domain
    MailReport elsewhere =
        welcome(donate("https://secure.actblue.com.donate-example.net/donate/x", "Donate"));
    assertThat(TestMail.flags(elsewhere)).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
    // any other secure host, as before
    MailReport bank = welcome(donate("https://secure.bank-example.net/donate/x", "Donate"));
    assertThat(TestMail.flags(bank)).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void theNewsOfTroopsWithdrawnFromACountryIsNoMoneyWithdrawn() {
    for (String news :
        new String[] {
          "I voted for a resolution to oppose actions to withdraw our troops from Syria.",
          "After the President's sudden military withdrawal in Northeast Syria, I voted no.",
          "We need a cohesive plan to responsibly withdraw from Syria.",
          "Some want us to withdraw from the United Nations."
        }) {
      MailReport r =
          MailSubscriptionAsksTest.mail(
              "Weekly wrap-up from your congressman.\n" + news + "\nRead more on our website.\n");
      assertThat(TestMail.flags(r)).as(news).doesNotContain(RedFlag.PAYMENT_LURE);
    }
  }

  @Test
  void aWithdrawalOfTheReadersMoneyKeepsTheSign() {
    for (String lure :
        new String[] {
          "Your withdrawal of funds is pending: confirm it below.",
          "Withdraw your balance from Syria Bank within 24 hours.",
          "Your withdrawal from your card was declined.",
          "You can withdraw from our platform now."
        }) {
      MailReport r = MailSubscriptionAsksTest.mail("Dear customer,\n" + lure + "\n");
      assertThat(TestMail.flags(r)).as(lure).contains(RedFlag.PAYMENT_LURE);
    }
  }

  @Test
  void aPublicCausesUrgencyPressesNoReader() {
    for (String cause :
        new String[] {
          "Yesterday she went on television to send out an urgent call to action.",
          "Our families face the opioid crisis, which demand immediate action.",
          "I am ready for immediate action on gun violence.",
          "Thousands are calling for urgent action on climate."
        }) {
      MailReport r =
          MailSubscriptionAsksTest.mail(
              "Friend,\n" + cause + "\nThank you for standing with us.\n");
      assertThat(TestMail.flags(r)).as(cause).doesNotContain(RedFlag.URGENCY);
    }
  }

  @Test
  void urgencyAboutTheReadersAccountKeepsTheSign() {
    for (String lure :
        new String[] {
          "Your mailbox requires immediate action.",
          "Take immediate action on your account to avoid closure.",
          "This is an urgent notice: act before midnight.",
          "Immediate action on this request is needed."
        }) {
      MailReport r = MailSubscriptionAsksTest.mail("Dear user,\n" + lure + "\n");
      assertThat(TestMail.flags(r)).as(lure).contains(RedFlag.URGENCY);
    }
  }
}
