package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A link typed where a Japanese web form asks for a name (ja40): the payload of contact-form echo
 * spam, found by its place whatever the wording beside it — here in wordings none of the word lists
 * holds — in four form products' layouts; beside each, the same form's reply to a real customer
 * (her name in the name field, her company's page in the message or the company field, her address
 * at that company) stays without RELAYED_LURE. Texts written for this test after the forms' shapes.
 */
class MailJapaneseFormPayloadTest {

  /** Bait in words that no list of the rules holds, so that only the link's place can tell. */
  private static final String BAIT =
      "🌸 Mika left you 3 private notes tonight. Open: https://mika-notes.page.link/Xq7?k2 🌸";

  private static List<MailReport.Finding> relayed(MailReport r) {
    return r.findingsByFlag().getOrDefault(RedFlag.RELAYED_LURE, List.of());
  }

  private static MailReport reply(String address, String subject, String text) {
    return JapaneseMail.utf8()
        .from("株式会社ミナト精機", address)
        .header("X-Mailer: PHPMailer 6.5.0 (https://github.com/PHPMailer/PHPMailer)")
        .subject(subject)
        .text(text)
        .analyze();
  }

  private static String bracketed(String name, String company, String address, String body) {
    return "この度はお問合せいただきありがとうございます。\n"
        + "※このメールは自動返信メールです。\n\n"
        + "【お名前】\n"
        + name
        + "\n\n【会社名】\n"
        + company
        + "\n\n【メールアドレス】\n"
        + address
        + "\n\n【お問い合わせ内容】\n"
        + body
        + "\n\n--\nこのメールは https://minato-seiki.jp/ のお問い合わせフォームから送信されました。\n";
  }

  private static String squares(String name, String body) {
    return "この度は、ミナト精機へのお問い合わせを頂きまして誠にありがとうございます。\n"
        + "■お名前\n"
        + name
        + "\n■ふりがな\nqsnxbz8e\n■メールアドレス\nsoumu@example-corp.co.jp\n■お問い合わせ内容\n"
        + body
        + "\n\n　株式会社ミナト精機\n　URL: https://minato-seiki.jp/\n";
  }

  private static String colons(String name, String body) {
    return "お問い合わせありがとうございます。\n後日、担当者からご連絡させていただきます。\n\n"
        + "-------------------------------\n"
        + "お名前（必須）："
        + name
        + "\nメールアドレス：soumu@example-corp.co.jp\nお問い合わせ内容："
        + body
        + "\n-------------------------------\n";
  }

  private static String addressee(String name, String body) {
    return name
        + " 様\n\nお問い合わせいただき、ありがとうございます。\n下記内容にてお問い合わせを承りました。\n\n"
        + "------------------------------\nお問い合わせ内容　:\n"
        + body
        + "\n------------------------------\n確認後、ご連絡させていただきます。\n";
  }

  @Test
  void aLinkTypedAsANameIsALureWhateverItsWords() {
    for (String text :
        List.of(
            bracketed(BAIT, "c2za3b7", "soumu@example-corp.co.jp", "nxct8t"),
            bracketed("ut59g401", BAIT, "soumu@example-corp.co.jp", "18l9boi"),
            squares(BAIT, "ppa4yo50"),
            colons(BAIT, "vq359f"),
            addressee(BAIT, "w1svii"))) {
      MailReport r = reply("noreply@minato-seiki.jp", "【お問い合わせを承りました】", text);
      assertThat(relayed(r))
          .as(text + r.findings())
          .singleElement()
          .satisfies(f -> assertThat(f.evidence()).contains("page.link"));
      assertThat(r.verdict()).as(text).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void theSameFormsReplyToACustomerWhoLinksHerOwnCompanyIsNoLure() {
    String question = "御社の精密部品の見積もりをお願いします。弊社の製品ページ https://yamada-shoten.jp/parts/ をご覧ください。";
    for (String text :
        List.of(
            bracketed("山田 花子", "山田商店", "hanako@yamada-shoten.jp", question),
            bracketed(
                "山田 花子",
                "山田商店 https://yamada-shoten.jp/",
                "hanako@yamada-shoten.jp",
                "部品の見積もりをお願いします。"),
            squares("山田 花子", question),
            colons("山田 花子", question),
            addressee("山田 花子", question))) {
      MailReport r = reply("noreply@minato-seiki.jp", "【お問い合わせを承りました】", text);
      assertThat(relayed(r)).as(text + r.findings()).isEmpty();
    }
  }

  @Test
  void aFormAProgramFilledWithRandomValuesAroundALinkIsALure() {
    MailReport r =
        reply(
            "noreply@minato-seiki.jp",
            "【お問い合わせを承りました】",
            bracketed(
                "ut59g401",
                "c2za3b7",
                "soumu@example-corp.co.jp",
                "Tired of small wages? There is a way out https://news-daily.example-quick.top/SD-6367"));
    assertThat(relayed(r))
        .as(r.findings().toString())
        .singleElement()
        .satisfies(
            f -> assertThat(f.evidence()).contains("random values").contains("example-quick.top"));
  }

  @Test
  void aRegistrationsReplyWithItsIssuedIdAndPasswordIsNoLure() {
    MailReport r =
        reply(
            "noreply@minato-seiki.jp",
            "【会員登録を受け付けました】",
            "※このメールは自動返信メールです。\n会員登録ありがとうございます。\n\n"
                + "会員ID：mk20731\n初期パスワード：x8k2m9q\n認証コード：a7b3c9\n\n"
                + "提携先の部品カタログは https://parts-catalog.example-partner.jp/ からご覧いただけます。\n");
    assertThat(relayed(r)).as(r.findings().toString()).isEmpty();
  }

  @Test
  void theSendersOwnPageInANameFieldIsNoLure() {
    MailReport r =
        reply(
            "noreply@minato-seiki.jp",
            "【お問い合わせを承りました】",
            colons("株式会社ミナト精機 https://minato-seiki.jp/staff/", "社内テスト送信です。"));
    assertThat(relayed(r)).as(r.findings().toString()).isEmpty();
  }

  @Test
  void aLinkOnANameLineOfMailThatIsNoFormsReplyIsNotRead() {
    MailReport r =
        reply(
            "info@minato-seiki.jp",
            "展示会のご案内",
            "いつもお世話になっております。\nお名前：展示会事務局 https://expo-tokyo.example.jp/\n来週の展示会にぜひお越しください。\n");
    assertThat(relayed(r)).as(r.findings().toString()).isEmpty();
  }
}
