package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The urgency wording is matched as words, not as letters inside longer words: "contact now" holds
 * "act now", "illegal action" holds "legal action", "insurgents" holds "urgent", "transaction
 * required" holds "action required", and German "immer dringender" (ever more pressing, a
 * description) holds "dringend". The pressing forms stay signs, in every language.
 */
class MailUrgencyWordsTest {

  static java.util.List<String> urgency(String text) {
    return MailSigns.found(MailUrgencyWords.URGENCY, text.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void wordsInsideLongerWordsAreNotUrgency() {
    for (String text :
        new String[] {
          "Contact now to book your table for the holidays.",
          "React now in the comments and tell us what you think.",
          "He reported illegal action by the former board.",
          "The insurgents withdrew from the city on Tuesday.",
          "Los insurgentes se retiraron.",
          "No transaction required: the gift card arrives by e-mail.",
          "Der Klimaschutz wird immer dringender, sagt die Studie.",
          "Die Frage ist dringender als je zuvor.",
          "Das Thema wird noch dringender werden.",
          "Eindringende Feuchtigkeit erkennen und vermeiden."
        }) {
      assertThat(urgency(text)).as(text).isEmpty();
    }
  }

  @Test
  void thePressingFormsStaySigns() {
    for (String text :
        new String[] {
          "URGENT: verify your account.",
          "Please act now to keep your mailbox.",
          "Action required: confirm your payment details.",
          "We will take legal action if the invoice is not paid.",
          "Atualização urgente da sua conta.",
          "Pagos urgentes pendientes.",
          "Responda urgentemente para evitar o bloqueio.",
          "Wir bitten Sie dringendst, Ihre Daten zu bestätigen.",
          "Dringend: Ihr Konto wurde gesperrt.",
          "Dringende Sicherheitsaktualisierung für Ihr Konto.",
          "Bitte bestätigen Sie dringend Ihre Daten.",
          "Dringender Handlungsbedarf: Bestätigen Sie Ihre Identität.",
          "至急ご確認ください。"
        }) {
      assertThat(urgency(text)).as(text).isNotEmpty();
    }
  }
}
