package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signs of the real Japanese lures of the phish-ja set (ja28: Japanese mail that reached two public
 * kernel lists, 2019-2026), each with its legitimate look-alike. The texts are written here after
 * the kind of sign, not copied from a message: invisible mathematical operators and variation
 * selectors inside kana words, and an account's use or trading restricted until the reader
 * confirms.
 */
class MailJapaneseListLureTest {

  private static MailReport lure(String subject, String body) {
    return JapaneseMail.utf8()
        .from("会員サポート", "info@member-notice.example.net")
        .subject(subject)
        .text(body)
        .analyze();
  }

  private static List<MailReport.Finding> credentials(MailReport r) {
    return r.findingsByFlag().getOrDefault(RedFlag.CREDENTIAL_REQUEST, List.of());
  }

  @Test
  void invisibleOperatorsAndVariationSelectorsInsideKanaWordsAreNamedAndStillRead() {
    // U+2064 (invisible plus), U+2061 (function application) and U+FE09 (a variation selector)
    // between the kana of the key words
    MailReport r =
        lure(
            "【お知\u2064らせ】ア\u2064カウント制限について",
            "いつもご利用いた\uFE09だきありがとうございます。\n"
                + "お客様のア\u2061カウ\uFE09ントは不正利用の可能性があるため、"
                + "ア\u2064カウ\u2061ント制限を行\uFE09っております。\n"
                + "https://member-notice.example.net/restore\n");
    assertThat(r.findings())
        .as(r.findings().toString())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.OBFUSCATED_TEXT);
              assertThat(f.evidence()).startsWith("inside words: ").contains("U+2060–U+2064");
            });
    assertThat(credentials(r))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("アカウント制限"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void variationSelectorsWhereTheyBelongAreKept() {
    // U+FE0F after a pictograph (the emoji form) and U+FE00 after a kanji (a standardised
    // variant) select a form: they are part of the text, not a trick
    MailBrokenWords.BrokenWords b = new MailBrokenWords.BrokenWords();
    assertThat(b.read("ありがとう\u2764\uFE0F")).isEqualTo("ありがとう\u2764\uFE0F");
    assertThat(b.read("葛\uFE00飾区のお知らせ")).isEqualTo("葛\uFE00飾区のお知らせ");
    assertThat(b.evidence()).isNull();
    assertThat(b.read("ロ\u2062グ\uFE09イ\u2063ン")).isEqualTo("ログイン");
    assertThat(b.evidence()).startsWith("3 × ");
  }

  @Test
  void anAccountRestrictedUntilTheReaderConfirmsIsACredentialRequest() {
    MailReport r =
        lure(
            "ご利用確認のお願い",
            "期日までにご確認いただけない場合、口座のお取引に制限がかかります。\n"
                + "下記よりお手続きください。\nhttps://member-notice.example.net/check\n");
    assertThat(credentials(r))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("口座のお取引に制限"));
  }

  @Test
  void aMaintenanceNoticeThatLimitsAServiceForAnHourIsNotACredentialRequest() {
    MailReport r =
        JapaneseMail.utf8()
            .from("システム管理室", "admin@example-corp.co.jp")
            .subject("定期メンテナンスのお知らせ")
            .text(
                "各位\n\n12月10日 2:00〜3:00 は定期メンテナンスのため、"
                    + "一部サービスのご利用を制限させていただきます。\n"
                    + "ご不便をおかけしますが、ご理解のほどよろしくお願いいたします。\n")
            .analyze();
    assertThat(credentials(r)).as(r.findings().toString()).isEmpty();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}
