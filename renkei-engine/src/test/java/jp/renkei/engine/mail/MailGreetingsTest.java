package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names a message's first lines greet their reader by, and the greetings that name no one. */
class MailGreetingsTest {

  @Test
  void readsANameGreetedInJapaneseOrLatinLettersAtTheTop() {
    assertThat(MailGreetings.names("佐藤様\n\nいつもありがとうございます。")).containsExactly("佐藤");
    assertThat(MailGreetings.names("株式会社さくら架空銀行 佐藤 花子 様\nお世話になっております。")).containsExactly("佐藤 花子");
    assertThat(MailGreetings.names("サトウさん、こんにちは。")).containsExactly("サトウ");
    assertThat(MailGreetings.names("件名\n佐藤 花子様\n")).containsExactly("佐藤 花子");
    assertThat(MailGreetings.names("Dear Hanako Sato,\nYour mailbox is full."))
        .containsExactly("Hanako Sato");
    assertThat(MailGreetings.names("Hi Mr. Tanaka!\n")).containsExactly("Tanaka");
  }

  @Test
  void aGreetingOfAKindOfReaderOrFurtherDownNamesNoOne() {
    for (String text :
        new String[] {
          "お客様\n至急ご確認ください",
          "会員様各位",
          "ご利用者様へ",
          "皆様、いつもありがとうございます",
          "カード会員様",
          "ユーザー様",
          "口座名義人様",
          "Dear Customer,",
          "Dear Valued Member,",
          "Dear Bisq Community,",
          "Dear TOYOTA Guest,",
          "Hello there!",
          "Dear Sir/Madam,",
          "様々なご案内",
          "件名\n一行目\n二行目\n三行目\n佐藤様"
        }) {
      assertThat(MailGreetings.names(text)).as(text).isEmpty();
    }
  }

  @Test
  void aMessageToSeveralGivesNoGreetedName() {
    String lure =
        "From: \"Microsoft 365\" <no-reply@m365-notice.example>\r\n"
            + "To: h.sato@sakura-trust.example, k.ito@sakura-trust.example\r\n"
            + "Subject: test\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "佐藤様\r\n至急ログインしてください。\r\n";
    MailReport r =
        new MailAnalyzer()
            .analyze(
                new java.io.ByteArrayInputStream(
                    lure.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(r.recipientNames()).doesNotContain("佐藤");
  }
}
