package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IPA's themes of targeted mail (取材申込, 履歴書, 問い合わせ, アンケート, 人事, 資料の再送・差替え) read as TARGETED_THEME in
 * Japanese and in English (recall30): each theme as a realistic first message from an outsider with
 * a file to open, written both ways.
 */
class MailTargetedThemeTest {

  record Lure(String theme, String subject, String body) {}

  private static MailReport analyze(Lure l) {
    return JapaneseMail.utf8()
        .from("Sato Hanako", "hanako.sato.0412@gmail.com")
        .subject(l.subject())
        .text(l.body())
        .attach("document.docm", "application/vnd.ms-word.document.macroEnabled.12", new byte[64])
        .analyze();
  }

  private static final List<Lure> JAPANESE =
      List.of(
          new Lure(
              "取材申込", "取材のお申込みについて", "突然のご連絡失礼いたします。\n貴社の取り組みについて取材のお申込みをさせていただきたく、企画書を添付いたします。\n"),
          new Lure("履歴書", "応募書類の送付", "求人を拝見し応募いたします。\n履歴書と職務経歴書を添付いたしますのでご確認ください。\n"),
          new Lure("問い合わせ", "製品についての問い合わせ", "貴社製品について問い合わせいたします。\n詳細は添付の資料をご覧ください。\n"),
          new Lure("アンケート", "アンケートご協力のお願い", "業界動向のアンケートにご協力をお願いいたします。\n添付ファイルにご記入ください。\n"),
          new Lure("人事", "人事異動のお知らせ", "4月1日付の人事異動について添付のとおりお知らせします。\n"),
          new Lure("資料の再送・差替え", "資料の差し替えのお願い", "先日お送りした資料に誤りがありました。\n差し替えの資料を添付いたします。\n"));

  private static final List<Lure> ENGLISH =
      List.of(
          new Lure(
              "取材申込",
              "Media interview request",
              "Hello,\nI am a journalist and would like to request an interview about your work."
                  + " The outline is attached.\n"),
          new Lure(
              "履歴書",
              "Application for the open position",
              "Dear hiring manager,\nPlease find my resume attached for your consideration.\n"),
          new Lure(
              "問い合わせ",
              "Regarding my inquiry",
              "Hello,\nI am writing regarding my inquiry about your products. The details are in"
                  + " the attached file.\n"),
          new Lure(
              "アンケート",
              "Industry questionnaire",
              "Hello,\nWe would appreciate it if you could fill in the attached questionnaire on"
                  + " industry trends.\n"),
          new Lure(
              "人事",
              "Personnel changes from April",
              "Dear all,\nPlease see the attached announcement of personnel changes effective April"
                  + " 1.\n"),
          new Lure(
              "資料の再送・差替え",
              "Replacement of the documents sent yesterday",
              "Hello,\nThe documents I sent yesterday contained an error. Please use the corrected"
                  + " documents attached instead.\n"));

  @Test
  void everyThemeIsReadInJapanese() {
    for (Lure l : JAPANESE) {
      MailReport r = analyze(l);
      assertThat(r.findingsByFlag())
          .as(l.theme() + ": " + r.findings())
          .containsKey(RedFlag.TARGETED_THEME);
    }
  }

  @Test
  void everyThemeIsReadInEnglish() {
    for (Lure l : ENGLISH) {
      MailReport r = analyze(l);
      assertThat(r.findingsByFlag())
          .as(l.theme() + ": " + r.findings())
          .containsKey(RedFlag.TARGETED_THEME);
    }
  }

  @Test
  void everydayWordsNearTheThemesAreNoTheme() {
    for (String text :
        List.of(
            "Thank you for shopping with us. Your order has shipped.",
            "For questions, reply to this e-mail. We will resume normal operations on Monday.",
            "The document library is available on the intranet.",
            "ご注文ありがとうございます。商品を発送しました。")) {
      assertThat(MailSigns.found(MailFraudWords.THEMES, text.toLowerCase(java.util.Locale.ROOT)))
          .as(text)
          .isEmpty();
    }
  }
}
