package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One sign that real bulk mail shows every day (a Reply-To on another domain, a shortened link) is
 * counted at half its weight in mail that otherwise reads as ordinary commerce: List-Unsubscribe,
 * the From domain authenticated by the receiver, no credential request, no other sign of weight 10
 * or more. The adversary's tests come first: the same shape from a phisher's own authenticated
 * domain, a hijacked ESP account or free mail, with any second sign, stays flagged.
 */
class MailCommerceHabitTest {

  static final String NEWS =
      "<p>Our winter collection is here. Reply to this message with any question about sizes.</p>"
          + "<p><a href=\"https://www.shop-example.com/winter\">See the collection</a></p>"
          + "<p><a href=\"https://www.shop-example.com/unsubscribe\">Unsubscribe</a></p>";

  static TestMail news(String from, String results, boolean listUnsubscribe) {
    TestMail m =
        TestMail.mail()
            .authResults(results)
            .from("Shop Example <" + from + ">")
            .replyTo("a1b2c3-reply@inbound.esp-example.net")
            .to("taro@example.jp")
            .subject("Winter collection");
    if (listUnsubscribe) {
      m.header("List-Unsubscribe", "<https://www.shop-example.com/unsubscribe?u=1>");
    }
    return m;
  }

  static final String ALIGNED =
      "spf=pass smtp.mailfrom=mail.shop-example.com; dkim=pass header.d=shop-example.com;"
          + " dmarc=pass header.from=shop-example.com";

  static MailReport newsWith(String text) {
    return news("news@shop-example.com", ALIGNED, true).base64("text/html", text).analyze();
  }

  @Test
  void aLureFromItsOwnAuthenticatedDomainThatAsksForPaymentStaysSuspicious() {
    MailReport r =
        newsWith(
            NEWS
                + "<p>Your invoice #4471 is overdue: settle the outstanding payment today to avoid"
                + " a late fee.</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aLureThatAsksForCredentialsKeepsTheFullWeight() {
    MailReport r =
        newsWith(NEWS + "<p>Your account will be suspended: verify your account now.</p>");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.REPLY_TO_OTHER_DOMAIN)
        .allSatisfy(f -> assertThat(f.evidence()).doesNotContain("half weight"));
  }

  @Test
  void freeMailWithListUnsubscribeKeepsTheSign() {
    MailReport r =
        news(
                "shop.example@gmail.com",
                "spf=pass smtp.mailfrom=gmail.com; dkim=pass header.d=gmail.com;"
                    + " dmarc=pass header.from=gmail.com",
                true)
            .base64("text/html", NEWS)
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anUnauthenticatedOrMisalignedSenderKeepsTheSign() {
    // a hijacked ESP account signs with the ESP's domain, not the From's: nothing vouches for it
    MailReport r =
        news(
                "news@shop-example.com",
                "spf=pass smtp.mailfrom=bounces.esp-example.net; dkim=pass"
                    + " header.d=esp-example.net; dmarc=fail header.from=shop-example.com",
                true)
            .base64("text/html", NEWS)
            .analyze();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void withoutListUnsubscribeTheSignCountsInFull() {
    MailReport r =
        news("news@shop-example.com", ALIGNED, false).base64("text/html", NEWS).analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aShortLinkBesideUrgencyStaysSuspicious() {
    MailReport r =
        newsWith(
            NEWS
                + "<p>Last chance: your reserved order will be cancelled within 24 hours."
                + " <a href=\"https://bit.ly/3xYz12a\">Keep it</a></p>");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anOrdinaryNewsletterAnsweringAtItsEspInboxIsClean() {
    MailReport r = newsWith(NEWS);
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.score()).isEqualTo(10);
    MailReport.Finding f =
        r.findings().stream()
            .filter(x -> x.flag() == RedFlag.REPLY_TO_OTHER_DOMAIN)
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence()).contains("half weight, 10");
    assertThat(f.evidenceJa()).contains("重みを半分 (10)");
  }
}
