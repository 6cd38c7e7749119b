package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A From domain that SPF or DKIM vouched for but that publishes no DMARC policy (Microsoft's
 * dmarc=bestguesspass) is not "not aligned": the sign says what is true of it, that it is
 * unprotected, and its evidence no longer reads "From: x ≠ x". A From that another domain
 * authenticated for stays NOT_ALIGNED, with the other domain named.
 */
class MailNoDmarcPolicyTest {

  static final String FROM_SHOP =
      "From: Shop <orders@news.kaimono.co.jp>\r\nTo: taro@example.jp\r\nSubject: Your order\r\n";

  static final String NOTICE =
      "<p>Thank you for your order. It will be shipped within two days.</p>"
          + "<p><a href=\"https://www.kaimono.co.jp/orders\">Your orders</a></p>";

  static MailReport withResults(String results) {
    return TestMail.analyzeBase64(
        "Authentication-Results: spf=pass (sender IP is 192.0.2.10) "
            + results
            + "\r\n"
            + FROM_SHOP,
        "text/html",
        NOTICE);
  }

  @Test
  void theFromsOwnPassWithoutAPolicyIsSaidSo() {
    MailReport r =
        withResults(
            "smtp.mailfrom=news.kaimono.co.jp; dkim=pass (signature was verified)"
                + " header.d=kaimono.co.jp;dmarc=bestguesspass action=none"
                + " header.from=news.kaimono.co.jp;compauth=pass reason=109");
    assertThat(TestMail.flags(r))
        .contains(RedFlag.NO_DMARC_POLICY)
        .doesNotContain(RedFlag.NOT_ALIGNED);
    MailReport.Finding f =
        r.findings().stream().filter(x -> x.flag() == RedFlag.NO_DMARC_POLICY).findFirst().get();
    assertThat(f.evidence())
        .isEqualTo("From: news.kaimono.co.jp — SPF / DKIM pass: kaimono.co.jp; dmarc=bestguesspass")
        .doesNotContain("≠");
    assertThat(f.evidenceJa()).contains("SPF / DKIM 合格: kaimono.co.jp").doesNotContain("≠");
    assertThat(RedFlag.NO_DMARC_POLICY.weight()).isEqualTo(RedFlag.NOT_ALIGNED.weight());
  }

  @Test
  void anotherDomainsPassWithoutAPolicyIsStillNotAligned() {
    MailReport r =
        withResults(
            "smtp.mailfrom=mailer.example; dkim=pass header.d=mailer.example;"
                + "dmarc=bestguesspass action=none header.from=news.kaimono.co.jp");
    assertThat(TestMail.flags(r))
        .contains(RedFlag.NOT_ALIGNED)
        .doesNotContain(RedFlag.NO_DMARC_POLICY);
    assertThat(r.findings())
        .filteredOn(x -> x.flag() == RedFlag.NOT_ALIGNED)
        .singleElement()
        .satisfies(
            x -> assertThat(x.evidence()).isEqualTo("From: news.kaimono.co.jp ≠ mailer.example"));
  }

  @Test
  void aPolicyThatPassesOrAbsentDmarcWithTheFromsOwnPassRaisesNeither() {
    for (String dmarc :
        new String[] {"dmarc=pass action=none header.from=news.kaimono.co.jp", "dmarc=none"}) {
      MailReport r =
          withResults(
              "smtp.mailfrom=news.kaimono.co.jp; dkim=pass header.d=kaimono.co.jp;" + dmarc);
      assertThat(TestMail.flags(r))
          .as(dmarc)
          .doesNotContain(RedFlag.NO_DMARC_POLICY, RedFlag.NOT_ALIGNED);
    }
  }

  @Test
  void aFailingDmarcWithTheFromsOwnPassCitesTheResultNotAnInequality() {
    // strict alignment: the signature's subdomain is not the From's exact domain
    MailReport r =
        withResults(
            "smtp.mailfrom=bounce.mailer.example; dkim=pass header.d=mail.kaimono.co.jp;"
                + "dmarc=fail action=quarantine header.from=news.kaimono.co.jp");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED, RedFlag.NOT_ALIGNED);
    assertThat(r.findings())
        .filteredOn(x -> x.flag() == RedFlag.NOT_ALIGNED)
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.evidence())
                    .isEqualTo(
                        "From: news.kaimono.co.jp — SPF / DKIM pass: kaimono.co.jp;"
                            + " dmarc=fail"));
  }
}
