package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The banks, posts and loyalty programmes of Europe, Latin America and Asia-Pacific in the brand
 * table (brands40): a lure in their name from a stranger's domain is BRAND_IMPERSONATION, the
 * brand's own notice from its own authenticated domain stays clean, and a name that is also a word
 * claims nothing on its own. Hand-written after how such mail is built; the brands' sending domains
 * are theirs, every other name and address is the test's own.
 */
class MailRegionalBrandsTest {

  static final String ORG = MailCurrentLureTest.ORG;

  @Test
  void aMilesAndMoreCardLureFromAStrangersDomainClaimsTheProgramme() {
    MailReport r =
        JapaneseMail.utf8()
            .from("Miles & More", "news@shop-example.org")
            .to("k.sato@" + ORG)
            .subject("Damit Sie weiterhin online bezahlen können")
            .html(
                "<p>Sehr geehrte Karteninhaberin, sehr geehrter Karteninhaber,</p><p>Ihre Miles &amp;"
                    + " More Kreditkarte muss für 3D Secure neu registriert werden. Ohne"
                    + " Registrierung wird Ihre Karte für Online-Zahlungen gesperrt.</p><p><a"
                    + " href=\"https://mm-karte-registrieren.example.net/login\">Jetzt"
                    + " registrieren</a></p>")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.findings())
        .anyMatch(
            f ->
                f.flag() == RedFlag.BRAND_IMPERSONATION
                    && f.evidence().startsWith("Miles & More ≠"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theProgrammesOwnNoticeFromItsOwnDomainStaysClean() {
    MailReport r =
        JapaneseMail.utf8()
            .auth("miles-and-more.com", "pass")
            .from("Miles & More", "newsletter@mailing.miles-and-more.com")
            .to("k.sato@" + ORG)
            .subject("Ihr Meilenkonto im Dezember")
            .html(
                "<p>Guten Tag Herr Sato,</p><p>Ihr aktueller Meilenstand: 12.480 Meilen. Sammeln"
                    + " Sie im Dezember doppelte Meilen bei unseren Partnern.</p><p><a"
                    + " href=\"https://www.miles-and-more.com/de/de/account.html\">Zu Ihrem"
                    + " Konto</a></p><p>Miles &amp; More GmbH, Frankfurt am Main</p>")
            .analyze();
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSuncorpBankWithdrawalLureClaimsTheBankAndItsOwnAlertDoesNot() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("SUNCORP BANK", "jim@clinic-example.jp")
            .to("k.sato@" + ORG)
            .subject("Account activity: Withdrawal request")
            .html(
                "<p>A withdrawal of AUD 2,940.00 was requested from your account. If this was not"
                    + " you, cancel it now.</p><p><a href=\"https://suncorp-cancel.example.net/\">"
                    + "Cancel withdrawal</a></p>")
            .analyze();
    assertThat(TestMail.flags(lure)).contains(RedFlag.BRAND_IMPERSONATION);
    MailReport own =
        JapaneseMail.utf8()
            .auth("suncorp.com.au", "pass")
            .from("Suncorp Bank", "alerts@suncorp.com.au")
            .to("k.sato@" + ORG)
            .subject("Your statement is ready")
            .html(
                "<p>Your December statement is ready to view in the Suncorp Bank App.</p><p><a"
                    + " href=\"https://www.suncorp.com.au/banking/help-support.html\">Help and"
                    + " support</a></p>")
            .analyze();
    assertThat(TestMail.flags(own)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(own.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aWordThatIsAlsoABrandNameClaimsNothingOnItsOwn() {
    // "ING" only as the bank writes it; Spanish "correos" (mails) and a song shared from Spotify
    // are
    // no claims
    assertThat(MailBrands.named("Ing")).isEmpty();
    assertThat(MailBrands.named("ING")).extracting(MailBrands.Brand::name).containsExactly("ING");
    assertThat(MailSigns.claimed("Revise sus correos del trabajo")).isEmpty();
    assertThat(MailSigns.claimed("Correos Express: su envío está pendiente"))
        .extracting(MailBrands.Brand::name)
        .containsExactly("Correos");
    MailReport share =
        JapaneseMail.utf8()
            .from("Hanako Suzuki", "h.suzuki@" + ORG)
            .to("k.sato@" + ORG)
            .subject("Playlist for the team event")
            .text(
                "Here is the playlist for Friday, on Spotify:"
                    + " https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M\n")
            .analyze();
    assertThat(TestMail.flags(share)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(share.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}
