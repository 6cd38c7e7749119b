package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.lure;
import static jp.renkei.engine.mail.MailJapaneseLureTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The honeypot's tuning misses, second pass (issue 19, mail19c): a mailbox name that speaks for a
 * court, the police, a tax office or a traffic department on a domain that is not a government's
 * ("court_notice@", "adm.detran…@"), and the dating lure of a stranger "still looking for an
 * exciting date" (NL, EN, DE). Every message is this test's own writing; names, codes and addresses
 * are made up. Legitimate mail that shares a trait with them stays clean: {@link #legitimate()}.
 */
class MailCurrentLure5Test {

  static final String ORG = MailCurrentLureTest.ORG;

  static List<MailJapaneseLureTest.Case> lures() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        lure(
            "public-body mailbox",
            "A court summons from court_notice@ on a marketing domain",
            JapaneseMail.utf8()
                .auth("bulk-sender-hub.example", "pass")
                .from("Notice", "court_notice@bulk-sender-hub.example")
                .to("k.sato@" + ORG)
                .subject("Hearing scheduled")
                .text(
                    "You are required to appear. Read the notice:"
                        + " https://bulk-sender-hub.example/n/8812"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "public-body mailbox",
            "A traffic-fine notice from adm.detran with digits on a relay's domain",
            JapaneseMail.utf8()
                .auth("smtp-relay-07.example", "pass")
                .from("Aviso", "adm.detran.x41@smtp-relay-07.example")
                .to("k.sato@" + ORG)
                .subject("Notificação de infração")
                .text(
                    "Consta uma notificação pendente em seu nome. Consulte:"
                        + " https://smtp-relay-07.example/c/5512"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "public-body mailbox",
            "A tax refund from a receita mailbox with a number on a free host",
            JapaneseMail.utf8()
                .from("Restituição", "receita204417@envios-rapidos.example")
                .to("k.sato@" + ORG)
                .subject("Restituição disponível")
                .text("Sua restituição está disponível: https://envios-rapidos.example/r/77"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "dating lure",
            "A stranger 'still looking for an exciting date' from a shop's domain with a foreign"
                + " unsubscribe link",
            JapaneseMail.utf8()
                .auth("gereedschap-winkel.example", "pass")
                .header("List-Unsubscribe: <https://mailer-hub.example/lists/x1/unsubscribe>")
                .from("Sanne", "contact@gereedschap-winkel.example")
                .to("k.sato@" + ORG)
                .subject("Hoi, ken je me nog?")
                .text(
                    "Hoi! Ben je nog steeds op zoek naar een spannende afspraak? Ik wel. Bekijk"
                        + " mijn profiel: https://mailer-hub.example/t/9"),
            RedFlag.FRAUD_OFFER));
    return c;
  }

  static List<MailJapaneseLureTest.Case> legitimate() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        ok(
            "public-body mailbox",
            "A Brazilian traffic department writing from its state's gov.br domain",
            JapaneseMail.utf8()
                .auth("detran.sp.gov.br", "pass")
                .from("Detran-SP", "atendimento.detran@detran.sp.gov.br")
                .to("k.sato@" + ORG)
                .subject("Agendamento confirmado")
                .text("Seu agendamento foi confirmado para 12/12. https://detran.sp.gov.br/")));
    c.add(
        ok(
            "public-body mailbox",
            "A campus police alert from a university",
            JapaneseMail.utf8()
                .auth("example-university.edu", "pass")
                .from("Campus Police", "police@example-university.edu")
                .to("k.sato@" + ORG)
                .subject("Road closure on Friday")
                .text("The north gate is closed on Friday from 8 to 12.")));
    c.add(
        ok(
            "public-body mailbox",
            "A person whose given name is Justice writing from free mail",
            JapaneseMail.utf8()
                .auth("gmail.com", "pass")
                .from("Justice Mensah", "justice.mensah@gmail.com")
                .to("k.sato@" + ORG)
                .subject("Lunch next week")
                .text("Are you free on Tuesday for lunch?")));
    c.add(
        ok(
            "public-body mailbox",
            "A recipe newsletter's receitas@ mailbox",
            JapaneseMail.utf8()
                .auth("cozinha-facil.example", "pass")
                .header("List-Unsubscribe: <https://cozinha-facil.example/sair>")
                .from("Cozinha Fácil", "receitas@cozinha-facil.example")
                .to("k.sato@" + ORG)
                .subject("Bolo de cenoura")
                .text("A receita da semana: https://cozinha-facil.example/bolo")));
    c.add(
        ok(
            "public-body mailbox",
            "A German police force writing from its own domain",
            JapaneseMail.utf8()
                .auth("polizei.example-land.de", "pass")
                .from("Polizei", "poststelle.polizei@polizei.example-land.de")
                .to("k.sato@" + ORG)
                .subject("Ihre Anfrage")
                .text("Vielen Dank für Ihre Anfrage, wir melden uns.")));
    c.add(
        ok(
            "dating lure",
            "A Dutch dentist's reminder about an appointment the reader is still looking for",
            JapaneseMail.utf8()
                .auth("tandarts-voorbeeld.example", "pass")
                .from("Tandartspraktijk", "info@tandarts-voorbeeld.example")
                .to("k.sato@" + ORG)
                .subject("Uw controle")
                .text(
                    "Bent u nog steeds op zoek naar een afspraak voor uw halfjaarlijkse controle?"
                        + " Bel ons gerust.")));
    return c;
  }

  @Test
  void aPublicBodyIsReadOnlyAsAWordOfTheMailboxName() {
    assertThat(MailPublicBodies.publicBodyMailbox("court_notice")).isEqualTo("court");
    assertThat(MailPublicBodies.publicBodyMailbox("adm.detran.dnitx32")).isEqualTo("detran");
    assertThat(MailPublicBodies.publicBodyMailbox("receita971049")).isEqualTo("receita");
    assertThat(MailPublicBodies.publicBodyMailbox("courtney.smith")).isNull();
    assertThat(MailPublicBodies.publicBodyMailbox("justice.mensah")).isNull();
    assertThat(MailPublicBodies.publicBodyMailbox("receitas")).isNull();
    assertThat(MailPublicBodies.publicBodyMailbox("customs")).isNull();
    assertThat(MailPublicBodies.publicBodyMailbox(null)).isNull();
    assertThat(MailPublicBodies.governmentDomain("detran.sp.gov.br", "detran")).isTrue();
    assertThat(MailPublicBodies.governmentDomain("courts.go.jp", "court")).isTrue();
    assertThat(MailPublicBodies.governmentDomain("impots.gouv.fr", "irs")).isTrue();
    assertThat(MailPublicBodies.governmentDomain("sat.gob.mx", "receita")).isTrue();
    assertThat(MailPublicBodies.governmentDomain("smtp-relay-07.example", "detran")).isFalse();
    assertThat(MailPublicBodies.governmentDomain("gov-notices.example", "court")).isFalse();
  }

  @Test
  void theEvidenceNamesTheBodyAndTheDomainInJapaneseAndEnglish() {
    MailReport r =
        JapaneseMail.utf8()
            .from("Notice", "court_notice@bulk-sender-hub.example")
            .to("k.sato@" + ORG)
            .subject("Hearing")
            .text("See the notice.")
            .analyze();
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.BRAND_IMPERSONATION);
              assertThat(f.evidence()).contains("court").contains("bulk-sender-hub.example");
              assertThat(f.evidenceJa()).startsWith("公的機関を名乗るアドレス");
            });
  }

  @TestFactory
  Stream<DynamicTest> everyLureIsSuspiciousOrMaliciousWithTheSignsAnAnalystExpects() {
    return MailJapaneseLureTest.flagged(lures());
  }

  @TestFactory
  Stream<DynamicTest> theirLegitimateLookAlikesStayClean() {
    return MailJapaneseLureTest.clean(legitimate());
  }
}
