package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A sale that ends ("last chance", "final chance") is the only urgency of a shop's own bulk mail
 * (List-Unsubscribe, its own domain authenticated, nothing asked for): no URGENCY. The same words
 * beside a password asked for, another deadline, in mail without the list header or from a sender
 * nobody authenticated keep the sign. News commentary ("more urgent than ever") and a shop's terms
 * ("non-refundable") are no urgency or lure; the lures around them stay (issue 19, hamout27). The
 * adversary's cases come first.
 */
class MailSalesDeadlineTest {

  static final String ALIGNED =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=mail.shop-example.com;"
          + " dkim=pass header.d=shop-example.com; dmarc=pass header.from=shop-example.com\r\n";

  static MailReport mail(String results, boolean listUnsubscribe, String subject, String html) {
    TestMail m = TestMail.withLines(results);
    if (listUnsubscribe) {
      m.header("List-Unsubscribe", "<https://www.shop-example.com/unsubscribe>");
    }
    return m.from("Shop Example <news@shop-example.com>")
        .to("taro@example.jp")
        .subject(subject)
        .base64("text/html", html)
        .analyze();
  }

  static final String SALE =
      "<p>Our winter sale ends tonight: 20% off every lamp in the shop.</p>"
          + "<p><a href=\"https://www.shop-example.com/lamps\">Shop lamps</a></p>"
          + "<p><a href=\"https://www.shop-example.com/unsubscribe\">Unsubscribe</a></p>";

  static boolean urgency(String text) {
    return !MailSigns.found(MailUrgencyWords.URGENCY, text.toLowerCase(Locale.ROOT)).isEmpty();
  }

  static boolean lure(String text) {
    return !MailSigns.found(MailFraudWords.LURES, text.toLowerCase(Locale.ROOT)).isEmpty();
  }

  // ---- the adversary's shapes: they keep their signs ----

  @Test
  void lastChanceToKeepAnAccountStaysUrgent() {
    MailReport r =
        mail(
            ALIGNED,
            true,
            "Last chance to keep your account",
            "<p>Last chance: verify your account password within 24 hours or it will be"
                + " suspended.</p><p><a href=\"https://www.shop-example.com/verify\">Verify</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void lastChanceAskingForThePasswordStaysUrgent() {
    MailReport r =
        mail(
            ALIGNED,
            true,
            "Last chance",
            "<p>Last chance! Confirm your password and card number to keep your rewards.</p>"
                + "<p><a href=\"https://www.shop-example.com/rewards\">Confirm</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY, RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void lastChanceWithoutTheListHeaderStaysUrgent() {
    MailReport r = mail(ALIGNED, false, "Last chance: 20% off lamps", SALE);
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void lastChanceFromASenderNobodyAuthenticatedStaysUrgent() {
    MailReport r =
        mail(
            "Authentication-Results: mx.example.jp; spf=none; dkim=none; dmarc=none\r\n",
            true,
            "Last chance: 20% off lamps",
            SALE);
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void lastChanceOnAnotherDomainsSignatureStaysUrgent() {
    // signed by someone, but not by the domain in From
    MailReport r =
        mail(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=bulk-example.net\r\n",
            true,
            "Last chance: 20% off lamps",
            SALE);
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void lastChanceToPayStaysUrgent() {
    MailReport r =
        mail(
            ALIGNED,
            true,
            "Last chance",
            "<p>Last chance: the offer ends tonight. Pay the invoice below.</p>"
                + "<p><a href=\"https://www.shop-example.com/pay\">Pay</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void lastChanceFromAPlatformsOwnAddressStaysUrgent() {
    // the platform's address in From: whoever's DKIM passed, From's own domain did not
    MailReport r =
        TestMail.withLines(
                "Authentication-Results: mx.example.jp; dkim=pass header.d=shop-example.com\r\n")
            .header("Return-Path", "<bounces+77@u12.wl.sendgrid.net>")
            .header("List-Unsubscribe", "<https://www.shop-example.com/unsubscribe>")
            .from("Deals <no-reply@u12.wl.sendgrid.net>")
            .to("taro@example.jp")
            .subject("Last chance for 20% off lamps")
            .base64("text/html", SALE)
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void anotherDeadlineBesideTheSaleKeepsTheSign() {
    MailReport r =
        mail(
            ALIGNED,
            true,
            "Last chance: 20% off lamps",
            "<p>Act within 24 hours: final notice.</p>" + SALE);
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void theLuresAroundTheNewWordsStay() {
    assertThat(urgency("This is urgent: reply today.")).isTrue();
    assertThat(urgency("URGENT: action needed")).isTrue();
    assertThat(lure("You are eligible for a refund of $420.")).isTrue();
    assertThat(lure("Claim your refund now")).isTrue();
    assertThat(lure("A refundable deposit is required")).isTrue();
  }

  // ---- real commerce and news ----

  @Test
  void aShopsLastChanceIsNoUrgency() {
    MailReport r = mail(ALIGNED, true, "Last chance for 20% off lamps", SALE);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.URGENCY);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void commentaryAndTermsOfSaleAreNoSigns() {
    assertThat(urgency("The question seems more urgent than ever.")).isFalse();
    assertThat(lure("Shipping fees are non-refundable.")).isFalse();
    assertThat(lure("Tickets are nonrefundable.")).isFalse();
  }
}
