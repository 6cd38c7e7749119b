package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brands claimed in the sender's name (BRAND_IMPERSONATION): Brazil's health insurers and bank,
 * European brands of the 2024–26 lures, and a person speaking for a brand ("Katie from Ledger"),
 * with the names that claim nothing (issue 19, phishpot20).
 */
class MailBrandInSenderNameTest {

  MailReport from(String from) {
    return TestMail.analyzeBase64(
        "From: "
            + from
            + "\r\nTo: a@example.jp\r\nSubject: "
            + TestMail.encodedWord("Proposta")
            + "\r\n",
        "text/html",
        "<p>Veja a nova tabela e responda ainda hoje.</p>"
            + "<a href=\"https://offers-example.net/p?c=7\">Ver</a>");
  }

  static String evidence(MailReport r) {
    return r.findings().stream()
        .filter(x -> x.flag() == RedFlag.BRAND_IMPERSONATION)
        .map(MailReport.Finding::evidence)
        .findFirst()
        .orElse("");
  }

  @Test
  void aHealthInsurerOrBankInTheSendersNameOnAnotherDomainIsClaimed() {
    for (String[] c :
        List.of(
            new String[] {"\"Proposta Planos Amil\" <marta@cp.planos-example.com>", "Amil"},
            new String[] {
              TestMail.encodedWord("Convênio Notredame_Intermédica") + " <c@e.saude-example.com>",
              "NotreDame Intermédica"
            },
            new String[] {"\"Convênios Hapvida_Notredame\" <c@e.saude-example.com>", "Hapvida"},
            new String[] {
              TestMail.encodedWord("Setor de segurança - BB PJ") + " <bb7@mail-example.com>",
              "Banco do Brasil"
            },
            new String[] {"\"TF Bank\" <sicher2@mail-example.co.za>", "TF Bank"},
            new String[] {"\"Shell Deutschland\" <kunden@txz.example.com>", "Shell"},
            new String[] {"\"Tether Cashback\" <support@pens-example.com>", "Tether"})) {
      MailReport r = from(c[0]);
      assertThat(TestMail.flags(r)).as(c[0]).contains(RedFlag.BRAND_IMPERSONATION);
      assertThat(evidence(r)).as(c[0]).startsWith(c[1] + " ≠ ");
      assertThat(r.verdict()).as(c[0]).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aPersonFromABrandSpeaksForIt() {
    MailReport r = from("\"Katie From Ledger\" <noreply@loadup-example.com>");
    assertThat(evidence(r)).isEqualTo("Ledger ≠ loadup-example.com");
    assertThat(MailBrands.namedAfterPerson("Lisa von Trezor"))
        .extracting(MailBrands.Brand::name)
        .containsExactly("Trezor");
  }

  @Test
  void namesThatOnlyLookLikeAClaimClaimNothing() {
    for (String from :
        List.of(
            "Guido van Rossum <guido@python-example.org>",
            "Theo Van Dinter <felicity@kluge-example.net>",
            "Maria from Accounting <maria@firm-example.com>",
            "Lockergnome Penguin Shell <subscriptions@gnome-example.com>",
            "Tamil Nadu News <news@tn-example.in>",
            "Shell Scripting Weekly <news@scripts-example.com>")) {
      assertThat(TestMail.flags(from(from))).as(from).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    }
    // the insurer's and the bank's own domains
    assertThat(TestMail.flags(from("Amil <noreply@amil.com.br>")))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(TestMail.flags(from("\"BB PJ\" <comunicado@bb.com.br>")))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION);
  }

  @Test
  void aSocialSecurityStatementInTheSubjectFromAnotherDomainClaimsTheAdministration() {
    MailReport r =
        TestMail.analyzeBase64(
            "From: Statement Center <survey@qp-example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Access Your Social Security Statement Here\r\n",
            "text/html",
            "<p>Your annual statement is ready.</p><a href=\"https://statement-example.top/v\">View</a>");
    assertThat(evidence(r)).isEqualTo("Social Security Administration ≠ qp-example.com");
    MailReport own =
        TestMail.analyzeBase64(
            "From: Social Security Administration <no-reply@ssa.gov>\r\nTo: a@example.jp\r\n"
                + "Subject: Your Social Security Statement is available\r\n",
            "text/plain",
            "Sign in to my Social Security at https://www.ssa.gov/myaccount/ to see it.");
    assertThat(TestMail.flags(own)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
  }
}
