package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Text a platform relays for its users (a creator's update with the creator's short link): a weak
 * sign that says nothing alone in the authenticated bulk mail of the sender it names, and that
 * counts again as soon as the message asks for a password, money or haste, is not authenticated, or
 * has nothing but the short link to click.
 */
class MailRelayedByPlatformTest {

  static final String AUTHENTICATED =
      "Authentication-Results: mx.example.jp; dkim=pass header.d=crowdfund-example.com\r\n";

  static String update(String creatorsWords) {
    return "<p>Project Update #7: Folding Lamp by Lumen Works</p>"
        + "<p>Hi backers! The second batch left the factory this week. "
        + creatorsWords
        + "</p>"
        + "<p><a href=\"https://www.crowdfund-example.com/projects/lumen/updates/7\">Read the"
        + " update</a> · <a href=\"https://www.crowdfund-example.com/projects/lumen/comments\">"
        + "Comments</a> · <a href=\"https://www.crowdfund-example.com/profile/backings\">Your"
        + " backings</a></p>"
        + "<p>You are receiving this because you backed this project. <a"
        + " href=\"https://www.crowdfund-example.com/settings/notifications\">Unsubscribe</a> from"
        + " project updates.</p>";
  }

  static final String SURVEY =
      "Tell us which colour you want in the survey: <a"
          + " href=\"https://bit.ly/3LumenSurvey\">https://bit.ly/3LumenSurvey</a>.";

  MailReport mail(String results, String body) {
    return TestMail.analyzeBase64(
        results
            + "From: Crowdfund Example <no-reply@crowdfund-example.com>\r\n"
            + "To: taro@example.jp\r\nSubject: Project Update #7: Folding Lamp\r\n",
        "text/html",
        body);
  }

  @Test
  void aCreatorsShortLinkInTheAuthenticatedPlatformsUpdateIsNotCounted() {
    MailReport r = mail(AUTHENTICATED, update(SURVEY));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theShortLinkCountsWhenTheMessageAsksForAPassword() {
    MailReport r =
        mail(
            AUTHENTICATED,
            update(
                "Unusual activity was found on your account: verify your account and confirm your"
                    + " password at <a href=\"https://bit.ly/3LumenSurvey\">https://bit.ly/3LumenSurvey</a>."));
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theShortLinkCountsBesideAPaymentLureOrHaste() {
    MailReport r =
        mail(
            AUTHENTICATED,
            update(
                "Your pledge payment failed. Act now: your pledge will be cancelled within 24"
                    + " hours unless you pay the outstanding invoice at <a"
                    + " href=\"https://bit.ly/3LumenPay\">https://bit.ly/3LumenPay</a>."));
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theShortLinkCountsWhenThePlatformIsNotAuthenticated() {
    // anyone can write the platform's name into From
    MailReport forged = mail("", update(SURVEY));
    assertThat(TestMail.flags(forged)).contains(RedFlag.SUSPICIOUS_LINK);
    MailReport otherSigner =
        mail(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=bulk-mailer.example.net\r\n",
            update(SURVEY));
    assertThat(TestMail.flags(otherSigner)).contains(RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void theShortLinkCountsWhenItIsTheMessagesOnlyCallToAction() {
    // a fraudster's own authenticated domain: a line of text, an unsubscribe line, the short link
    MailReport r =
        mail(
            AUTHENTICATED,
            "<p>Your files are ready: <a href=\"https://bit.ly/3Files\">open them here</a>.</p>"
                + "<p><a href=\"https://www.crowdfund-example.com/unsubscribe\">Unsubscribe</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aLinkToAnIpAddressBesideTheShortLinkKeepsBoth() {
    MailReport r =
        mail(
            AUTHENTICATED,
            update(SURVEY + " Photos: <a href=\"http://192.0.2.7/photos\">gallery</a>."));
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.SUSPICIOUS_LINK)
        .extracting(MailReport.Finding::evidence)
        .anyMatch(e -> e.contains("bit.ly"))
        .anyMatch(e -> e.contains("192.0.2.7"));
  }

  static final String FORM_SURVEY =
      "Tell us which colour you want in the survey: <a"
          + " href=\"https://forms.gle/Lumen7Colour\">https://forms.gle/Lumen7Colour</a>.";

  @Test
  void aCreatorsGoogleFormsShortLinkIsReadAsTheShortLinkItIs() {
    MailReport r = mail(AUTHENTICATED, update(FORM_SURVEY));
    assertThat(MailSignsTest.flags(r)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theFormLinkCountsWhenItAsksForAPasswordOrStandsAloneOrIsForged() {
    MailReport password =
        mail(
            AUTHENTICATED,
            update(
                "Your backer account will be locked: confirm your password and verify your"
                    + " account at <a href=\"https://forms.gle/Lumen7Verify\">the backer"
                    + " form</a>."));
    assertThat(MailSignsTest.flags(password)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(password.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport alone =
        mail(
            AUTHENTICATED,
            "<p>Your files are ready: <a href=\"https://forms.gle/Files7\">open them here</a>.</p>"
                + "<p><a href=\"https://www.crowdfund-example.com/unsubscribe\">Unsubscribe</a></p>");
    assertThat(MailSignsTest.flags(alone)).contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(alone.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport forged = mail("", update(FORM_SURVEY));
    assertThat(MailSignsTest.flags(forged)).contains(RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void aPageOnOtherFreeHostingIsNoShortLink() {
    // a form service's own pages and the free page hosts stay what they are
    MailReport r =
        mail(
            AUTHENTICATED,
            update(
                "Tell us which colour you want: <a"
                    + " href=\"https://lumen-survey.weebly.com/colour\">the survey</a>."));
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
  }
}
