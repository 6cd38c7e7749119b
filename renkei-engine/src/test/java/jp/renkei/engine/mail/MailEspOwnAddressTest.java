package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A sending platform's own address in From (disneyplus@sparkpostmail.com,
 * no-reply@u1.wl.sendgrid.net) with its envelope on the same platform domain and a customer's DKIM
 * signature passing: nobody's domain is borrowed, so NOT_ALIGNED does not count. A brand's domain
 * forged into From, an ESP address in From beside someone else's envelope, and every other sign of
 * the same message still count (issue 19, hamout26). The adversary's cases come first.
 */
class MailEspOwnAddressTest {

  static String dkimPass(String domain) {
    return "Authentication-Results: mx.example.jp; dkim=pass header.d=" + domain + "\r\n";
  }

  static final String OFFER =
      "<p>New this month on the service: three films and a series.</p>"
          + "<p><a href=\"https://www.stream-example.com/watch\">Watch now</a></p>"
          + "<p><a href=\"https://www.stream-example.com/unsubscribe\">Unsubscribe</a></p>";

  static MailReport mail(
      String results, String returnPath, String from, String subject, String html) {
    return TestMail.withLines(results)
        .header("Return-Path", "<" + returnPath + ">")
        .header("List-Unsubscribe", "<https://www.stream-example.com/unsubscribe>")
        .from(from)
        .to("taro@example.jp")
        .subject(subject)
        .base64("text/html", html)
        .analyze();
  }

  // ---- the adversary's shapes: they keep their signs ----

  @Test
  void aBrandForgedIntoFromThroughAPlatformStaysNotAligned() {
    MailReport r =
        mail(
            dkimPass("sendgrid.net"),
            "bounces+123@u99.wl.sendgrid.net",
            "PayPal <service@paypal.com>",
            "New films this month",
            OFFER);
    assertThat(TestMail.flags(r)).contains(RedFlag.NOT_ALIGNED);
  }

  @Test
  void aPlatformAddressInFromBesideSomeoneElsesEnvelopeStaysNotAligned() {
    // the From names the platform, but the platform did not send it: its envelope is elsewhere
    MailReport r =
        mail(
            dkimPass("stream-example.com"),
            "bounce@mailer.bulk-example.net",
            "Stream <news@sparkpostmail.com>",
            "New films this month",
            OFFER);
    assertThat(TestMail.flags(r)).contains(RedFlag.NOT_ALIGNED);
  }

  @Test
  void aHijackedPlatformAccountAskingForAPasswordIsStillFlagged() {
    MailReport r =
        mail(
            dkimPass("fresh-domain-example.top"),
            "bounces+77@u12.wl.sendgrid.net",
            "Account Team <no-reply@u12.wl.sendgrid.net>",
            "Action required",
            "<p>Your account will be suspended. Confirm your password within 24 hours:</p>"
                + "<p><a href=\"https://fresh-domain-example.top/login\">Sign in</a></p>");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPlatformAddressWithTwoOtherWeakSignsIsStillSuspicious() {
    // one sign less, but any two others still reach SUSPICIOUS
    MailReport r =
        mail(
            dkimPass("fresh-domain-example.top"),
            "bounces+77@u12.wl.sendgrid.net",
            "Deals <no-reply@u12.wl.sendgrid.net>",
            "Last chance",
            "<p>Last chance: the offer ends tonight. Pay the invoice below.</p>"
                + "<p><a href=\"https://fresh-domain-example.top/pay\">Pay</a></p>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.NOT_ALIGNED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  // ---- the legitimate shape ----

  @Test
  void aPlatformsOwnAddressWithItsOwnEnvelopeIsNotCountedNotAligned() {
    MailReport r =
        mail(
            dkimPass("messaging.stream-example.com"),
            "msprvs1=2040=bounces-266693-1440@sparkpostmail.com",
            "\"Stream+\" <streamplus@sparkpostmail.com>",
            "Stream on: last chance to watch",
            OFFER);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.NOT_ALIGNED);
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
    MailReport sendgrid =
        mail(
            dkimPass("email.neighbours-example.com"),
            "bounces+1740995-5c7a-taro=example.jp@u1423722.wl.sendgrid.net",
            "Your neighbours <no-reply@u1423722.wl.sendgrid.net>",
            "Top post this week",
            OFFER);
    assertThat(TestMail.flags(sendgrid)).doesNotContain(RedFlag.NOT_ALIGNED);
  }

  @Test
  void aPlatformDomainIsKnownByItsRegistrableDomain() {
    assertThat(MailHosts.espOwnDomain("u1423722.wl.sendgrid.net")).isTrue();
    assertThat(MailHosts.espOwnDomain("sparkpostmail.com")).isTrue();
    assertThat(MailHosts.espOwnDomain("sendgrid.net.example.top")).isFalse();
    assertThat(MailHosts.espOwnDomain("stream-example.com")).isFalse();
  }
}
