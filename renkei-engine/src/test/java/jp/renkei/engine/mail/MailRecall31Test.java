package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lure typed into a Japanese web form's name field, which the business's own server then mails
 * out in its automatic reply (recall31): the greeting "… 様" or the echoed field "お名前：…" holds a web
 * address. A person's name holds none; the business is real, the writer is not. Each lure is paired
 * with the same form's reply to a real customer.
 */
class MailRecall31Test {

  private static final String FORM_FOOTER =
      "\n----------------------------------------\n"
          + "このメールは 架空整骨院のお問い合わせフォームから送信されました。\n"
          + "https://clinic-example.jp\n";

  private static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  @Test
  void aLongGreetingWhoseNameIsALureWithALinkIsFlagged() {
    // the whole sentence before 様 is the "name": longer than a person's, with a link
    MailReport lure =
        JapaneseMail.utf8()
            .from("架空整骨院", "info@clinic-example.jp")
            .subject("【架空整骨院】お問い合わせありがとうございました")
            .text(
                "You have unread messages (2) from a new friend! View Messages:"
                    + " https://chat-example.page.link/go?abc 様\n\n"
                    + "お問い合わせありがとうございました。\n"
                    + "このメールはお問い合わせ時に送信される自動配信メールです。\n\n"
                    + "メールアドレス: list@lists-example.org\n"
                    + "電話番号: 420193377095\n\n"
                    + "メッセージ本文:\n8gs4v6\n"
                    + FORM_FOOTER)
            .analyze();
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.USER_NAME_LURE);
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aFormsEchoedNameFieldWithALinkIsFlagged() {
    for (String field :
        List.of(
            "お名前：Your payment of 1.2 BTC is waiting https://wallet-example.pages.dev/claim 様",
            "【お名前】 Claim now → www.reward-example.top/get",
            "■ご氏名: https://lure-example.xyz/a?b=1",
            "氏名：Debbie wants to chat https://chat-example.page.link/x")) {
      MailReport lure =
          JapaneseMail.utf8()
              .from("架空ファーム", "info@farm-example.jp")
              .subject("お問い合わせを受け付けました")
              .text(
                  "お問い合わせいただき、ありがとうございました。\n\n"
                      + field
                      + "\nメールアドレス：someone@example.net\n"
                      + "件名：ご相談\n"
                      + "お問い合わせ内容：\nよろしくお願いします。\n"
                      + FORM_FOOTER)
              .analyze();
      assertThat(flags(lure)).as(field + " " + lure.findings()).contains(RedFlag.USER_NAME_LURE);
    }
  }

  @Test
  void aRealCustomersEchoIsNotFlagged() {
    for (String echo :
        List.of(
            // a person's name, the site the customer asks about in the message field
            "山田 太郎 様\n\nお名前：山田 太郎\nメールアドレス：taro@example.net\n"
                + "お問い合わせ内容：\n御社のサイト https://shop-example.jp/item/12 の商品について質問です。\n",
            // a table flattened into one line: the telephone number follows the name
            "お名前：山田 太郎 様 電話番号：03-1234-5678 メールアドレス：taro@example.net\n",
            "お名前：山田 太郎 ホームページ：https://taro-example.jp/ メールアドレス：taro@example.net\n",
            // the name field holds the customer's e-mail address (no web address)
            "お名前：taro.yamada@example.net 様\nお問い合わせ内容：資料を希望します。\n",
            // 氏名 inside a sentence, not a field
            "ご記入の氏名: と住所は https://clinic-example.jp/privacy の方針で扱います。\n",
            // a line longer than a name (81 to 200 characters) that ends in 様 and holds an amount,
            // not a web address: read for a web address only
            "今月のご利用金額 12,000円 のお支払いについて、口座振替の手続きが完了しましたことをご報告いたします。"
                + "いつも当院をご利用いただき誠にありがとうございます。今後ともよろしくお願い申し上げます、ご利用のお客様\n")) {
      MailReport ok =
          JapaneseMail.utf8()
              .from("架空整骨院", "info@clinic-example.jp")
              .subject("お問い合わせありがとうございました")
              .text("お問い合わせありがとうございました。\n\n" + echo + FORM_FOOTER)
              .analyze();
      assertThat(flags(ok)).as(echo + " " + ok.findings()).doesNotContain(RedFlag.USER_NAME_LURE);
    }
  }

  @Test
  void theNameFieldReaderReadsOnlyAFieldAtALinesStart() {
    assertThat(MailNameFieldLures.formNameWeb("お名前：https://lure-example.xyz/a\n"))
        .isEqualTo("お名前：https://lure-example.xyz/a");
    assertThat(MailNameFieldLures.formNameWeb("【氏名】：www.lure-example.top\n"))
        .isEqualTo("【氏名】：www.lure-example.top");
    assertThat(MailNameFieldLures.formNameWeb("ご入力の氏名：https://lure-example.xyz/a\n")).isNull();
    assertThat(MailNameFieldLures.formNameWeb("お名前：山田 太郎\nurl: https://example.jp\n")).isNull();
  }

  private static MailReport formReply(String name, String subjectField, String message) {
    return JapaneseMail.utf8()
        .from("架空ファーム", "info@farm-example.jp")
        .subject("お問い合わせをお受けいたしました")
        .text(
            "お問い合わせをお受けいたしました。このメールは控えになります。\n\n"
                + "お名前："
                + name
                + " 様\n"
                + "メールアドレス：someone@example.net\n"
                + "件名："
                + subjectField
                + "\n"
                + "お問い合わせ内容：\n"
                + message
                + "\n"
                + "---------------------------------------------\n"
                + "株式会社架空ファーム https://farm-example.jp\n")
        .analyze();
  }

  @Test
  void aFormsReplyRepeatingAMoneyLureWithALinkElsewhereIsARelayedLure() {
    // the lure in the subject and message fields, the name an e-mail address
    MailReport lure =
        formReply(
            "someone@example.net-f-p",
            "Confirm receive funds, code receipts: HP15276142!",
            "You have a new incoming transaction. Continue, and order the withdrawal of funds →"
                + " https://graph-example.org/NEW-TRANSACTION-154-01-12");
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.RELAYED_LURE);
    assertThat(lure.findingsByFlag().get(RedFlag.RELAYED_LURE))
        .extracting(MailReport.Finding::evidence)
        .anySatisfy(
            e ->
                assertThat(e.substring(e.indexOf('→')))
                    .contains("graph-example.org")
                    .doesNotContain("farm-example"));
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aFormsReplyToARealCustomerIsNoRelayedLure() {
    // a customer asking about a delivery, with the business's own page
    MailReport own =
        formReply(
            "山田 太郎",
            "配送について",
            "注文した商品の delivery について https://farm-example.jp/order/123 を見ましたが、いつ届きますか。");
    assertThat(flags(own)).as(own.findings().toString()).doesNotContain(RedFlag.RELAYED_LURE);
    // a customer's link elsewhere, with no word of money or prizes
    MailReport elsewhere =
        formReply("山田 太郎", "取材のお願い", "以前の記事 https://news-example.jp/a/1 を拝見し、ご連絡しました。");
    assertThat(flags(elsewhere))
        .as(elsewhere.findings().toString())
        .doesNotContain(RedFlag.RELAYED_LURE);
    // money words and a link elsewhere, but no form's reply: not this sign
    MailReport plain =
        JapaneseMail.utf8()
            .from("山田 太郎", "taro@example.net")
            .subject("件名：振込について")
            .text("お名前：山田\n件名：請求書\ninvoice は https://files-example.com/x にあります。\n")
            .analyze();
    assertThat(flags(plain)).as(plain.findings().toString()).doesNotContain(RedFlag.RELAYED_LURE);
  }

  /**
   * A discussion list's headers, the list host as envelope sender (the list vouches for itself).
   */
  private static MailReport throughList(String name, String address, String subject, String text) {
    return JapaneseMail.utf8()
        .header("Return-Path: <dev-bounces@lists.radio-example.org>")
        .header("X-Mailman-Version: 3.3.3")
        .header("Precedence: list")
        .header("List-Id: Radio development <dev.lists.radio-example.org>")
        .header("List-Post: <mailto:dev@lists.radio-example.org>")
        .header("List-Unsubscribe: <mailto:dev-leave@lists.radio-example.org>")
        .from(name, address)
        .subject(subject)
        .text(text)
        .analyze();
  }

  private static final String CARD_NOTICE =
      "ご利用のお客様へ\n下記のご利用がございましたので、お知らせいたします。\n"
          + "ご利用金額：12,800円\nhttps://card-detail.example.net/\n";

  @Test
  void aJapaneseSenderTagNamingACompanyInAListRelayedSubjectIsImpersonation() {
    MailReport lure =
        throughList(
            "自動メール送信", "noreply@notice-example.com", "[dev] 【三井住友 カード】 お支払い予定金額のご案内", CARD_NOTICE);
    assertThat(lure.findingsByFlag().getOrDefault(RedFlag.BRAND_IMPERSONATION, List.of()))
        .as(lure.findings().toString())
        .extracting(MailReport.Finding::evidence)
        .anySatisfy(e -> assertThat(e).contains("三井住友").contains("notice-example.com"));
  }

  @Test
  void aMembersTagAReplyOrTheCompanysOwnMailThroughAListIsNoImpersonation() {
    for (String[] m :
        List.of(
            // a member's own tag, no company
            new String[] {"山田 太郎", "taro@example.net", "[dev] 【質問】 ドライバのビルドについて"},
            // a member replying about a lure that was posted
            new String[] {"山田 太郎", "taro@example.net", "Re: [dev] 【三井住友カード】 お支払い予定金額のご案内"},
            // the company's own domain
            new String[] {"三井住友カード", "info@smbc-card.com", "[dev] 【三井住友カード】 メンテナンスのお知らせ"})) {
      MailReport ok = throughList(m[0], m[1], m[2], "ビルド手順について質問です。\n");
      assertThat(ok.findingsByFlag().getOrDefault(RedFlag.BRAND_IMPERSONATION, List.of()))
          .as(m[2] + " " + ok.findings())
          .isEmpty();
    }
  }
}
