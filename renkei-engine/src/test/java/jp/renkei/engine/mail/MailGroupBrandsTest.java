package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Banking groups whose member banks each write from a domain of their own, a name that starts a
 * longer word, subjects that claim a brand in German, Spanish, Portuguese or French (lists41): the
 * lure in their name is BRAND_IMPERSONATION, the member bank's own notice from its own
 * authenticated domain stays clean, and "revolution" claims no Revolut. Hand-written after how such
 * mail is built; the banks' sending domains are theirs, every other name is the test's own.
 */
class MailGroupBrandsTest {

  static final String ORG = MailCurrentLureTest.ORG;

  @Test
  void aSparkasseLureFromAStrangersDomainClaimsTheGroup() {
    MailReport r =
        JapaneseMail.utf8()
            .from("Sparkasse", "service@shop-example.org")
            .to("k.sato@" + ORG)
            .subject("Ihr Konto wurde eingeschränkt")
            .html(
                "<p>Sehr geehrte Kundin, sehr geehrter Kunde,</p><p>bitte bestätigen Sie Ihre"
                    + " Angaben, damit Ihr Online-Banking weiter genutzt werden kann.</p><p><a"
                    + " href=\"https://spk-pruefung.example.net/login\">Jetzt bestätigen</a></p>")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aMemberSparkassesOwnNoticeFromItsOwnDomainStaysClean() {
    MailReport r =
        JapaneseMail.utf8()
            .auth("sparkasse-koelnbonn.de", "pass")
            .from("Sparkasse KölnBonn", "service@sparkasse-koelnbonn.de")
            .to("k.sato@" + ORG)
            .subject("Ihr elektronisches Postfach: neues Dokument")
            .html(
                "<p>Guten Tag Herr Sato,</p><p>in Ihrem elektronischen Postfach liegt ein neuer"
                    + " Kontoauszug.</p><p><a href=\"https://www.sparkasse-koelnbonn.de/de/home"
                    + ".html\">Zum Online-Banking</a></p><p>Sparkasse KölnBonn</p>")
            .analyze();
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aVolksbankMembersOwnDomainIsTheGroupsAndAStrangersIsNot() {
    MailBrands.Brand vr =
        MailBrands.BRANDS.stream()
            .filter(b -> b.name().equals("Volksbank Raiffeisenbank"))
            .findFirst()
            .orElseThrow();
    assertThat(MailBrands.ownedBy(vr, "mail.volksbank-mittelhessen.de")).isTrue();
    assertThat(MailBrands.ownedBy(vr, "vr-bank-example.de")).isTrue();
    assertThat(MailBrands.ownedBy(vr, "volksbank-sicherheit.com")).isFalse();
    assertThat(MailBrands.ownedBy(vr, "shop-example.de")).isFalse();
  }

  @Test
  void aPhishersOwnDomainNamedForTheErrandIsNoMembersEvenAuthenticated() {
    // the phisher registered the domain, signs for it and publishes SPF: authentication passes
    // and is aligned, as a member bank's does; the domain is named for what the lure asks
    MailReport r =
        JapaneseMail.utf8()
            .auth("sparkasse-sicherheit.de", "pass")
            .from("Sparkasse", "service@sparkasse-sicherheit.de")
            .to("k.sato@" + ORG)
            .subject("Ihr Konto wurde eingeschränkt")
            .html(
                "<p>Sehr geehrte Kundin, sehr geehrter Kunde,</p><p>bitte bestätigen Sie Ihre"
                    + " Angaben, damit Ihr Online-Banking weiter genutzt werden kann.</p><p><a"
                    + " href=\"https://www.sparkasse-sicherheit.de/login\">Jetzt bestätigen</a>"
                    + "</p>")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void membersAreNamedForTheirPlaceAndPhishersForTheirErrand() {
    MailBrands.Brand spk =
        MailBrands.BRANDS.stream()
            .filter(b -> b.name().equals("Sparkasse"))
            .findFirst()
            .orElseThrow();
    MailBrands.Brand vr =
        MailBrands.BRANDS.stream()
            .filter(b -> b.name().equals("Volksbank Raiffeisenbank"))
            .findFirst()
            .orElseThrow();
    assertThat(MailBrands.ownedBy(spk, "sparkasse-koelnbonn.de")).isTrue();
    assertThat(MailBrands.ownedBy(spk, "kreissparkasse-ludwigsburg.de")).isTrue();
    assertThat(MailBrands.ownedBy(spk, "ksk-koeln.de")).isTrue();
    assertThat(MailBrands.ownedBy(vr, "raiffeisen-ooe.at")).isTrue();
    assertThat(MailBrands.ownedBy(spk, "sparkasse-sicherheit.de")).isFalse();
    assertThat(MailBrands.ownedBy(spk, "sparkasse-kundenservice.de")).isFalse();
    assertThat(MailBrands.ownedBy(spk, "spk-pushtan-update.de")).isFalse();
    assertThat(MailBrands.ownedBy(vr, "volksbank-verifizierung.de")).isFalse();
    assertThat(MailBrands.ownedBy(vr, "vr-secure-login.de")).isFalse();
    // and the phisher's host is read as imitating the group in a link
    assertThat(
            MailBrands.imitated(
                "https://sparkasse-sicherheit.de/login",
                "sparkasse-sicherheit.de",
                "univ-example.edu",
                false))
        .isEqualTo("Sparkasse");
  }

  @Test
  void revolutionInALinksHostImitatesNoRevolut() {
    assertThat(
            MailBrands.imitated(
                "https://www.revolution-slider-example.com/docs",
                "www.revolution-slider-example.com",
                "univ-example.edu",
                false))
        .isNull();
    assertThat(
            MailBrands.imitated(
                "https://revolut-verify.example.net/login",
                "revolut-verify.example.net",
                "univ-example.edu",
                false))
        .isEqualTo("Revolut");
  }

  @Test
  void aSpanishSubjectThatClaimsABankFromAStrangersDomainIsACLaim() {
    MailReport r =
        JapaneseMail.utf8()
            .from("Atención al cliente", "avisos@shop-example.org")
            .to("k.sato@" + ORG)
            .subject("Santander: su cuenta ha sido limitada")
            .html(
                "<p>Estimado cliente,</p><p>hemos detectado un acceso inusual.</p><p><a"
                    + " href=\"https://santander-avisos.example.net/\">Acceder</a></p>")
            .analyze();
    assertThat(r.findings())
        .anyMatch(
            f -> f.flag() == RedFlag.BRAND_IMPERSONATION && f.evidence().startsWith("Santander ≠"));
  }
}
