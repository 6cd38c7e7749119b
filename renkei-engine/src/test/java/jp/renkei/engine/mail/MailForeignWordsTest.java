package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lures in Spanish, Portuguese, German, French, Italian, Dutch, Chinese and Korean read by the
 * wording signs (lang40, {@link MailForeignWords}), and honest mail in the same languages that says
 * "contraseña", "Passwort", "factura" or "密码" left clean. Every message is written for this test;
 * none is taken from a corpus.
 */
class MailForeignWordsTest {

  /** One language's lure, the sign it must carry and the phrase quoted as evidence. */
  private record Lure(String lang, String subject, String text, RedFlag flag, String phrase) {}

  private static final List<Lure> LURES =
      List.of(
          new Lure(
              "es",
              "Aviso de seguridad",
              "Estimado cliente:\nSu cuenta ha sido suspendida temporalmente por motivos de"
                  + " seguridad.\nPara reactivarla, verifique su identidad en el siguiente enlace.\n",
              RedFlag.CREDENTIAL_REQUEST,
              "su cuenta ha sido suspendida"),
          new Lure(
              "es",
              "Notificación de multa",
              "Se ha registrado a su nombre una multa de tráfico pendiente de pago.\nConsulte el"
                  + " expediente y evite el recargo.\n",
              RedFlag.PAYMENT_LURE,
              "multa de tráfico pendiente"),
          new Lure(
              "pt",
              "Aviso importante",
              "Prezado cliente,\nSua senha expira hoje. Para manter a mesma senha, confirme sua"
                  + " identidade pelo link abaixo.\n",
              RedFlag.CREDENTIAL_REQUEST,
              "sua senha expira"),
          new Lure(
              "de",
              "Sicherheitshinweis",
              "Sehr geehrter Kunde,\nIhr Konto wurde vorübergehend gesperrt. Bitte bestätigen Sie"
                  + " Ihre Identität, um den Zugang wiederherzustellen.\n",
              RedFlag.CREDENTIAL_REQUEST,
              "ihr konto wurde vorübergehend gesperrt"),
          new Lure(
              "de",
              "Zahlungserinnerung",
              "Guten Tag,\nleider konnten wir Ihre Zahlung nicht verarbeiten. Es besteht eine"
                  + " offene Rechnung über 49,90 EUR.\n",
              RedFlag.PAYMENT_LURE,
              "offene rechnung"),
          new Lure(
              "fr",
              "Expiration de votre mot de passe",
              "Bonjour,\nVotre mot de passe expire aujourd'hui. Cliquez ci-dessous pour conserver"
                  + " le même mot de passe.\n",
              RedFlag.CREDENTIAL_REQUEST,
              "votre mot de passe expire"),
          new Lure(
              "it",
              "Avviso di sicurezza",
              "Gentile cliente,\nil tuo account è stato sospeso. Verifica i tuoi dati entro 24 ore"
                  + " per evitare la chiusura.\n",
              RedFlag.CREDENTIAL_REQUEST,
              "il tuo account è stato sospeso"),
          new Lure(
              "nl",
              "Beveiligingsmelding",
              "Beste klant,\nUw rekening is tijdelijk geblokkeerd. Bevestig uw identiteit binnen 48"
                  + " uur.\n",
              RedFlag.CREDENTIAL_REQUEST,
              "uw rekening is tijdelijk geblokkeerd"),
          new Lure(
              "zh",
              "密码到期通知",
              "尊敬的用户：\n您的邮箱密码将于今天到期，请点击下方链接保留当前密码，以免影响正常使用。\n",
              RedFlag.CREDENTIAL_REQUEST,
              "保留当前密码"),
          new Lure(
              "zh",
              "关于邮箱系统迁移的通知",
              "各位用户：\n新邮件系统已启用，请登录后完成邮箱迁移，未迁移的账户将停止服务。\n",
              RedFlag.CREDENTIAL_REQUEST,
              "邮箱迁移"),
          new Lure(
              "zh-Hant",
              "帳號通知",
              "親愛的用戶：\n您的帳號已被停用，請立即驗證您的郵箱以恢復使用。\n",
              RedFlag.CREDENTIAL_REQUEST,
              "已被停用"),
          new Lure(
              "ko",
              "보안 알림",
              "고객님의 계정이 일시 정지되었습니다. 24시간 이내에 본인 확인을 위해 아래 링크를 눌러 주세요.\n",
              RedFlag.CREDENTIAL_REQUEST,
              "계정이 일시 정지되었"));

  @Test
  void eachLanguagesLureCarriesItsSignWithThePhraseQuoted() {
    for (Lure l : LURES) {
      MailReport r =
          JapaneseMail.utf8()
              .from("Servicio", "aviso@secure-notice.example")
              .subject(l.subject())
              .text(l.text() + "https://secure-notice.example/login\n")
              .analyze();
      assertThat(r.findings())
          .as(l.lang() + ": " + r.findings())
          .anyMatch(
              f ->
                  f.flag() == l.flag()
                      && f.evidence().toLowerCase(Locale.ROOT).contains(l.phrase()));
      if (l.flag() == RedFlag.CREDENTIAL_REQUEST) {
        assertThat(r.verdict())
            .as(l.lang() + ": " + r.findings())
            .isNotEqualTo(MailReport.Verdict.CLEAN);
      }
    }
  }

  /** Honest mail in the same languages, with the words a lure uses but none of its asks. */
  private static final List<List<String>> LEGITIMATE =
      List.of(
          List.of(
              "es",
              "Su factura de marzo",
              "Hola Ana:\nYa puede consultar su factura del mes de marzo en su área de cliente."
                  + " Recuerde que puede cambiar su contraseña cuando quiera desde su perfil.\n"
                  + "Gracias por confiar en nosotros.\n"),
          List.of(
              "pt",
              "Boletim de novembro",
              "Olá,\nNeste boletim: dicas para criar uma senha forte, o novo horário do atendimento"
                  + " e as novidades do aplicativo. Sua conta continua ativa e nada muda para você.\n"),
          List.of(
              "de",
              "Newsletter Dezember",
              "Liebe Leserinnen und Leser,\nin dieser Ausgabe: Wie Sie ein sicheres Passwort wählen,"
                  + " warum ein Passwort-Manager hilft und unsere Termine im Dezember. Ihre Rechnung"
                  + " finden Sie wie immer im Kundenportal.\n"),
          List.of(
              "fr",
              "Votre lettre d'information",
              "Bonjour,\nCe mois-ci : comment choisir un mot de passe solide, les horaires des"
                  + " fêtes et notre nouvelle boutique. Votre facture est disponible dans votre"
                  + " espace client.\n"),
          List.of(
              "it",
              "Novità di dicembre",
              "Ciao,\nin questo numero: come scegliere una password sicura e i nuovi orari del"
                  + " negozio. Buone feste da tutto il team.\n"),
          List.of(
              "nl",
              "Nieuwsbrief december",
              "Beste lezer,\nIn deze nieuwsbrief: tips voor een sterk wachtwoord en onze"
                  + " openingstijden tijdens de feestdagen.\n"),
          List.of("zh", "十二月通讯", "各位会员：\n本期内容：如何设置安全的密码、年底活动安排以及新版应用的介绍。感谢您的支持。\n"),
          List.of("ko", "12월 소식", "회원 여러분 안녕하세요.\n이번 호에서는 안전한 비밀번호 만드는 법과 연말 행사 일정을 소개합니다.\n"));

  @Test
  void honestMailInTheSameLanguagesStaysClean() {
    for (List<String> m : LEGITIMATE) {
      MailReport r =
          JapaneseMail.utf8()
              .from("Redacción", "news@shop-letters.example")
              .auth("shop-letters.example", "pass")
              .subject(m.get(1))
              .text(m.get(2) + "https://shop-letters.example/\n")
              .analyze();
      assertThat(r.verdict())
          .as(m.get(0) + ": " + r.findings())
          .isEqualTo(MailReport.Verdict.CLEAN);
      assertThat(r.findings())
          .as(m.get(0) + ": " + r.findings())
          .noneMatch(f -> f.flag() == RedFlag.CREDENTIAL_REQUEST || f.flag() == RedFlag.URGENCY);
    }
  }

  @Test
  void theForeignTablesAreReadByThePhraseAutomaton() {
    for (Pattern p :
        List.of(MailCredentialWords.CREDENTIALS, MailUrgencyWords.URGENCY, MailFraudWords.LURES)) {
      assertThat(MailSigns.readByAutomaton(p)).isTrue();
      assertThat(MailRegexStarts.starts(p.pattern())).isNotNull();
    }
  }

  @Test
  void aWordAloneIsNoPhrase() {
    for (String word :
        List.of("passwort", "contraseña", "senha", "mot de passe", "wachtwoord", "密码", "비밀번호")) {
      assertThat(MailSigns.found(MailCredentialWords.CREDENTIALS, "ihr neues " + word + " bitte"))
          .as(word)
          .isEmpty();
    }
  }

  @Test
  void theForeignPublicBodiesLuresSignWithAreReadInTheSendersName() {
    for (String name :
        List.of(
            "Agencia Tributaria",
            "Servicio de Administración Tributaria",
            "DGT - Dirección General de Tráfico",
            "Agenzia delle Entrate",
            "Belastingdienst",
            "Impôts.gouv",
            "ANTAI",
            "Bundeszentralamt für Steuern",
            "国家税务总局",
            "국세청")) {
      assertThat(MailPublicBodies.publicBodyName(name)).as(name).isNotNull();
    }
    for (String name :
        List.of("Hacienda Hotel", "SAT prep weekly", "Antaies Shop", "dgtl studio")) {
      assertThat(MailPublicBodies.publicBodyName(name)).as(name).isNull();
    }
  }
}
