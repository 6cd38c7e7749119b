package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.TestMail.analyze;
import static jp.renkei.engine.mail.TestMail.flags;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A link whose words ask to sign in or confirm in another language than English or Japanese ("Jetzt
 * anmelden", "Konto bestätigen", "Iniciar sesión", "Se connecter"), leading to a domain unrelated
 * to the sender (LOGIN_LINK_ELSEWHERE, recall43). Kept clean: a German bank's own notice linking
 * its own site, and a German newsletter inviting to an event ("Jetzt anmelden" is also "register
 * now"). Every message here is written for this test; the addresses are documentation addresses or
 * made up.
 */
class MailForeignLoginLinksTest {

  private static String html(String from, String headers, String subject, String body) {
    return "Received: from mail.example.net (mail.example.net [192.0.2.10])\r\n"
        + "\tby mx.example.jp (Postfix) with ESMTP id 173E218369F\r\n"
        + "\tfor <taro@example.jp>; Mon, 14 Nov 2022 10:00:00 +0100\r\n"
        + headers
        + "From: "
        + from
        + "\r\n"
        + "To: taro@example.jp\r\n"
        + "Subject: "
        + subject
        + "\r\n"
        + "Date: Mon, 14 Nov 2022 10:00:00 +0100\r\n"
        + "Message-ID: <20221114100000.1234@mail.example.net>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/html; charset=utf-8\r\n"
        + "\r\n"
        + "<html><body>"
        + body
        + "</body></html>\r\n";
  }

  @Test
  void aGermanSignInButtonToAStrangersSiteIsFlagged() {
    MailReport lure =
        analyze(
            html(
                "Miles & More <ww-news@example.org>",
                "",
                "Wichtig: Ihre Kreditkarte",
                "<p>Sehr geehrter Kunde,</p><p>ab dem 26.11. müssen Sie Online-Zahlungen mit"
                    + " Ihrer Kreditkarte freigeben. Stellen Sie sicher, dass Sie auch in Zukunft"
                    + " bequem online einkaufen können.</p>"
                    + "<p><a href=\"https://www.example.com.br/assets/img-temp/\">Jetzt"
                    + " anmelden</a></p><p>Ihr Miles &amp; More-Team</p>"));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void aFrenchAndASpanishSignInLinkAreLoginLinks() {
    assertThat(MailCredentialWords.loginLike("https://www.example.com/a/", "Se connecter"))
        .isTrue();
    assertThat(MailCredentialWords.loginLike("https://www.example.com/a/", "Iniciar sesión"))
        .isTrue();
    assertThat(MailCredentialWords.loginLike("https://www.example.com/a/", "Konto bestätigen"))
        .isTrue();
    assertThat(MailCredentialWords.loginLike("https://www.example.com/a/", "Zum Fahrplan"))
        .isFalse();
  }

  @Test
  void aGermanBanksOwnNoticeIsNotFlagged() {
    MailReport real =
        analyze(
            html(
                "Beispielbank <service@beispiel-bank.de>",
                "Authentication-Results: mx.example.jp; spf=pass"
                    + " smtp.mailfrom=beispiel-bank.de; dkim=pass"
                    + " header.d=beispiel-bank.de; dmarc=pass"
                    + " header.from=beispiel-bank.de\r\n",
                "Ihr neuer Kontoauszug ist da",
                "<p>Guten Tag Frau Beispiel,</p><p>Ihr Kontoauszug für Oktober liegt in Ihrem"
                    + " Postfach im Online-Banking bereit.</p>"
                    + "<p><a href=\"https://banking.beispiel-bank.de/postfach\">Jetzt"
                    + " anmelden</a></p><p>Mit freundlichen Grüßen<br>Ihre Beispielbank</p>"));
    assertThat(flags(real))
        .as(real.findings().toString())
        .doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(real.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aGermanEventNewslettersRegistrationLinkIsNotFlagged() {
    MailReport news =
        analyze(
            html(
                "Verein Beispiel <news@verein-beispiel.de>",
                "List-Unsubscribe: <https://verein-beispiel.de/abmelden>\r\n",
                "Einladung zum Sommerfest",
                "<p>Liebe Mitglieder,</p><p>unser Sommerfest findet am 12. Juli im Stadtpark"
                    + " statt. Es gibt Musik, Essen und ein Programm für Kinder.</p>"
                    + "<p><a href=\"https://events.example.com/sommerfest\">Jetzt anmelden</a></p>"
                    + "<p><a href=\"https://verein-beispiel.de/abmelden\">Newsletter abmelden</a></p>"));
    assertThat(flags(news))
        .as(news.findings().toString())
        .doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
  }
}
