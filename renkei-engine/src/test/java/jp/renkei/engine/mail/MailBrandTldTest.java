package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A brand's own top-level domain (.apple, .google): nobody else can hold a name under it, so a
 * sender there speaks for the brand itself (BRAND_IMPERSONATION not counted); an open TLD that
 * shares a brand's label proves nothing.
 */
class MailBrandTldTest {

  MailReport notice(String from) {
    return TestMail.mail()
        .authResults("dkim=pass header.d=post.applecard.apple")
        .from("\"Apple Card Support\" <" + from + ">")
        .to("taro@example.jp")
        .subject("Your payment has been received")
        .base64("text/plain", "Your payment has been received and applied to your balance.")
        .analyze();
  }

  @Test
  void aSenderUnderTheBrandsOwnTopLevelDomainSpeaksForTheBrand() {
    assertThat(TestMail.flags(notice("no_reply@post.applecard.apple")))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION);
  }

  @Test
  void theBrandsNameUnderAnotherTopLevelDomainIsStillAClaim() {
    assertThat(TestMail.flags(notice("no_reply@post.applecard-support.com")))
        .contains(RedFlag.BRAND_IMPERSONATION);
  }

  @Test
  void onlyBrandTopLevelDomainsCount() {
    MailBrands.Brand apple =
        MailBrands.BRANDS.stream().filter(b -> b.name().equals("Apple")).findFirst().orElseThrow();
    MailBrands.Brand microsoft =
        MailBrands.BRANDS.stream()
            .filter(b -> b.name().equals("Microsoft"))
            .findFirst()
            .orElseThrow();
    assertThat(MailBrands.ownedBy(apple, "post.applecard.apple")).isTrue();
    assertThat(MailBrands.ownedBy(apple, "email.apple.com")).isTrue();
    assertThat(MailBrands.ownedBy(apple, "applecard.example.com")).isFalse();
    // .live is open to anyone, though "live" is one of Microsoft's labels
    assertThat(MailBrands.ownedBy(microsoft, "account-security.live")).isFalse();
    assertThat(MailBrands.ownedBy(microsoft, "news.microsoft")).isTrue();
  }

  MailReport walletNotice(String results, String name, String from) {
    return TestMail.withLines(results)
        .from("\"" + name + "\" <" + from + ">")
        .to("taro@example.jp")
        .subject("All set! Your account is connected to Apple Wallet")
        .base64("text/plain", "Your card can now be used with your phone in stores.")
        .analyze();
  }

  @Test
  void aSenderNamingItselfByItsAuthenticatedDomainSpeaksOfAnotherBrandInItsSubject() {
    MailReport r =
        walletNotice(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=cardissuer-example.com\r\n",
            "Cardissuer Example Card",
            "notice@services.cardissuer-example.com");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
  }

  @Test
  void theSubjectsBrandIsAClaimWhenTheSenderIsNotAuthenticatedOrNamesSomethingElse() {
    MailReport unauthenticated =
        walletNotice(
            "Authentication-Results: mx.example.jp; spf=none; dkim=none\r\n",
            "Cardissuer Example Card",
            "notice@services.cardissuer-example.com");
    assertThat(TestMail.flags(unauthenticated)).contains(RedFlag.BRAND_IMPERSONATION);
    MailReport otherName =
        walletNotice(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=cardissuer-example.com\r\n",
            "Wallet Service",
            "notice@services.cardissuer-example.com");
    assertThat(TestMail.flags(otherName)).contains(RedFlag.BRAND_IMPERSONATION);
  }
}
