package jp.renkei.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 8 and 10: the report's own contact details go with the directory's identity,
 * tokens match whole, and each removed piece is labelled by its kind.
 */
class RedactWholeTokensTest {

  static final Identity SAKURA =
      new Identity(
          List.of("さくら架空銀行", "Sakura Fictional Bank"),
          List.of("example.co"),
          List.of(),
          List.of(),
          List.of("192.0.2.0/29"));

  @Test
  void aShortDomainIsNeverMatchedAsThePrefixOfALongerName() {
    Redactor r = new Redactor(SAKURA);
    assertThat(
            r.redact(
                    "yamada@example.co.jp と example.com と example.co-op.example と www.example.co"
                        + " と example.co。 https://mail.example.co/x と example.co.")
                .text())
        .isEqualTo(
            "yamada@example.co.jp と example.com と example.co-op.example と 〔ドメイン〕"
                + " と 〔ドメイン〕。 https://〔ドメイン〕/x と 〔ドメイン〕.");
    assertThat(r.identifies("domain-name", "example.co.jp")).isFalse();
    assertThat(r.identifies("domain-name", "www.example.co")).isTrue();
  }

  @Test
  void theContactsAddressGoesWholeEvenWhenTheDirectoryKnowsOnlyAShorterDomain() {
    Redactor r = new Redactor(SAKURA.withContact(null, null, null, "yamada@example.co.jp"));
    assertThat(r.redact("連絡は yamada@example.co.jp まで").text()).isEqualTo("連絡は 〔メールアドレス〕 まで");
    assertThat(r.redact("ＹＡＭＡＤＡ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ").text()).isEqualTo("〔メールアドレス〕");
    assertThat(r.redact("yamada[at]example[.]co[.]jp").text()).isEqualTo("〔メールアドレス〕");
    // a whole address only: another local part, or a longer domain, is someone else
    assertThat(r.redact("o.yamada@example.co.jp.evil").text())
        .isEqualTo("o.yamada@example.co.jp.evil");
    assertThat(r.identifies("email-addr", "yamada@example.co.jp")).isTrue();
  }

  @Test
  void anAddressAtTheReportersDomainIsOneEmailNotAnEmailAndALeftover() {
    Redactor r =
        new Redactor(
            new Identity(
                List.of(),
                List.of("example.co", "example.co.jp"),
                List.of(),
                List.of(),
                List.of()));
    assertThat(r.redact("yamada@example.co.jp, sato@soc.example.co.jp").text())
        .isEqualTo("〔メールアドレス〕, 〔メールアドレス〕");
    assertThat(r.redact("yamada@example.co.jp").spans())
        .extracting(Redactor.Span::kind)
        .containsExactly(Redactor.Kind.EMAIL);
  }

  @Test
  void theReportsContactDetailsAreRemovedInTheFormsPeopleWriteThem() {
    Redactor r =
        new Redactor(
            SAKURA.withContact(
                "情報システム部 セキュリティ課", "山田 花子", "03-1234-5678", "h.yamada@sakura-mail.example"));
    String text =
        "担当: 山田 花子 / 山田花子 / 山田　花子 / 山田  花子 / 山田さん。"
            + "部署 情報システム部セキュリティ課。"
            + "電話 03-1234-5678, ０３－１２３４－５６７８, 03 1234 5678, (03) 1234-5678,"
            + " +81-3-1234-5678, 0312345678。"
            + "メール H.YAMADA@SAKURA-MAIL.EXAMPLE";
    String out = r.redact(text).text();
    assertThat(out)
        .isEqualTo(
            "担当: 〔担当者名〕 / 〔担当者名〕 / 〔担当者名〕 / 〔担当者名〕 / 〔担当者名〕さん。"
                + "部署 〔部署名〕。"
                + "電話 〔電話番号〕, 〔電話番号〕, 〔電話番号〕, 〔電話番号〕,"
                + " 〔電話番号〕, 〔電話番号〕。"
                + "メール 〔メールアドレス〕");
  }

  @Test
  void aPhoneNumberMatchesOnlyAsAWholeNumber() {
    Redactor r = new Redactor(SAKURA.withContact(null, null, "03-1234-5678", null));
    assertThat(r.redact("受付番号 103-1234-5678 と 03-1234-56789 と 2003-1234-5678").text())
        .isEqualTo("受付番号 103-1234-5678 と 03-1234-56789 と 2003-1234-5678");
    assertThat(r.redact("TEL:03-1234-5678(代表)").text()).isEqualTo("TEL:〔電話番号〕(代表)");
  }

  @Test
  void anAddressInTheRangesGoesWholeAndOneOutsideStays() {
    Redactor r = new Redactor(SAKURA);
    assertThat(r.redact("192.0.2.4 と 192.0.2.44 と 192.0.2.7。").text())
        .isEqualTo("〔IPアドレス〕 と 192.0.2.44 と 〔IPアドレス〕。");
  }

  @Test
  void termsTheSecretariatAddedAreLabelledNeutrallyNotAsTheOperator() {
    Redactor r = new Redactor(SAKURA.withTerms(List.of("IB 基盤", "鈴木")));
    assertThat(r.redact("さくら架空銀行 IB基盤 の件。鈴木が対応。").text()).isEqualTo("〔組織名〕 〔削除〕 の件。〔削除〕が対応。");
  }

  @Test
  void anAddedTermThatIsAPhoneNumberIsFoundHoweverItIsWritten() {
    Redactor r = new Redactor(SAKURA.withTerms(List.of("090-1111-2222")));
    assertThat(r.redact("携帯 090 1111 2222 / ０９０－１１１１－２２２２ / +81-90-1111-2222").text())
        .isEqualTo("携帯 〔削除〕 / 〔削除〕 / 〔削除〕");
  }

  @Test
  void longerNamesThatContainTheReportersDomainAreLeftButFlagged() {
    Redactor r =
        new Redactor(
            new Identity(
                List.of(), List.of("sakura-bank.example"), List.of(), List.of(), List.of()));
    String out =
        r.redact(
                "偽サイト sakura-bank.example.evil.test と notsakura-bank.example、"
                    + "正規 www.sakura-bank.example。c2.example.net")
            .text();
    assertThat(out)
        .isEqualTo(
            "偽サイト sakura-bank.example.evil.test と notsakura-bank.example、正規 〔ドメイン〕。c2.example.net");
    assertThat(r.lookalikes(out))
        .containsExactly("sakura-bank.example.evil.test", "notsakura-bank.example");
  }

  @Test
  void everyKindHasAJapaneseLabelAndAnEnglishEquivalent() {
    for (Redactor.Kind k : Redactor.Kind.values()) {
      assertThat(k.label()).startsWith("〔").endsWith("〕");
      assertThat(k.englishLabel()).startsWith("[").endsWith("]");
    }
    assertThat(List.of(Redactor.Kind.values()).stream().map(Redactor.Kind::label).distinct())
        .hasSize(Redactor.Kind.values().length);
  }
}
