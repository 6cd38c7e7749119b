package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Newsletters as German associations and foundations send them through their mail service
 * (bounce27, ham-newsletters): the words of a contact line for urgent cases, of a need described,
 * of "Gewinn" as gain, and the mail service's click tracker behind the sender's own domain are no
 * signs; pressure, prizes and a brand's domain shown over someone else's link still are. The
 * adversary's cases come first.
 */
class MailNewsletterEverydayTest {

  static MailReport newsletter(String results, String returnPath, String from, String html) {
    return TestMail.withLines(results)
        .header("Return-Path", "<" + returnPath + ">")
        .header("List-Unsubscribe", "<https://mailer-example.net/unsubscribe/8812>")
        .from(from)
        .to("leser@example.de")
        .subject("Januar-Newsletter")
        .base64("text/html", html)
        .analyze();
  }

  static final String DKIM_PASS =
      "Authentication-Results: mx.example.de; dkim=pass header.d=stiftung-example.de\r\n";

  // ---- the adversary's shapes: they keep their signs ----

  @Test
  void pressureAndAPrizeInGermanStaySigns() {
    MailReport r =
        TestMail.analyze(
            TestMail.crlf(
                """
                From: Kundenservice <service@konto-hilfe-example.top>
                To: leser@example.de
                Subject: Ihr Konto
                Content-Type: text/plain; charset=utf-8

                Ihr Konto wird gesperrt. Bitte bestätigen Sie dringend Ihre Daten.
                Gewinnen Sie ein iPhone: https://konto-hilfe-example.top/gewinn
                """));
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY, RedFlag.PAYMENT_LURE);
  }

  @Test
  void aBrandsDomainShownOverTheMailServicesLinkStaysAMismatch() {
    // the words show someone else's domain: the sender's authentication vouches for its own only
    MailReport r =
        newsletter(
            DKIM_PASS,
            "return+8812@mailer-example.net",
            "Stiftung <kommunikation@stiftung-example.de>",
            "<p>Ihr Konto: <a href=\"https://mailer-example.net/c/8812\">paypal.de</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void theSendersOwnDomainOverATrackerWithoutAuthenticationStaysAMismatch() {
    MailReport r =
        newsletter(
            "Authentication-Results: mx.example.de; dkim=fail header.d=stiftung-example.de\r\n",
            "return+8812@mailer-example.net",
            "Stiftung <kommunikation@stiftung-example.de>",
            "<p>Mehr auf <a href=\"https://mailer-example.net/c/8812\">stiftung-example.de</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  // ---- the newsletters ----

  @Test
  void theSendersOwnDomainOverItsMailServicesTrackerIsNoMismatch() {
    // bounce27: Newsletter2Go's tracker (the envelope's domain) behind the foundation's own,
    // DKIM-signed domain was a LINK_TEXT_MISMATCH
    MailReport r =
        newsletter(
            DKIM_PASS,
            "return+8812@mailer-example.net",
            "Stiftung <kommunikation@stiftung-example.de>",
            "<p>Mehr auf <a href=\"https://mailer-example.net/c/8812\">stiftung-example.de</a></p>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void aContactLineForUrgentCasesAndGainAreNoSigns() {
    // bounce27: "in dringenden Fällen" (a contact line), "am dringendsten gebraucht" (a need) were
    // URGENCY, "als Gewinn", "Mitstreiter*innen zu gewinnen" a prize (PAYMENT_LURE)
    MailReport r =
        TestMail.analyze(
            TestMail.crlf(
                """
                From: Beratungsstelle <info@beratung-example.de>
                To: leser@example.de
                Subject: Januar-Newsletter
                Content-Type: text/plain; charset=utf-8

                Wir wollen in einer Gesellschaft leben, die Vielfalt als Gewinn ansieht, und
                hoffen, mehr Mitstreiter*innen zu gewinnen. Ihre Spende hilft dort, wo sie am
                dringendsten gebraucht wird. Frau Müller ist ein Gewinn für unser Team.
                In dringenden Fällen bitte kurze E-Mail an info@beratung-example.de.
                """));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.URGENCY, RedFlag.PAYMENT_LURE);
  }
}
