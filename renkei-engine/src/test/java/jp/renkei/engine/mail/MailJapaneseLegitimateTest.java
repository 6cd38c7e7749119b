package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Japanese legitimate mail that must stay clean (issue 19, mail14): card statements, a bank's
 * maintenance notice and e-Tax's message notice from their own authenticated domains, order and
 * delivery confirmations, advisories from NISC, a ministry, a CEPTOAR and JPCERT/CC, an internal HR
 * notice, a newsletter with tracking links and 配信停止, a colleague's ISO-2022-JP mail with a résumé
 * to the HR address, a conference call in Shift_JIS. Hand-written after how such mail is written;
 * every name and address is the test's own.
 */
class MailJapaneseLegitimateTest {

  static List<MailJapaneseLureTest.Case> legitimate() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        ok(
            "card",
            "三井住友カード: the month's statement from its own domain",
            JapaneseMail.iso2022jp()
                .auth("vpass.ne.jp", "pass")
                .from("三井住友カード", "statement@vpass.ne.jp")
                .subject("【三井住友カード】ご利用代金確定のお知らせ")
                .text(
                    "三井住友カードをご利用いただきありがとうございます。\n"
                        + "12月10日お支払い分のご利用代金が確定しました。\n"
                        + "ご利用明細は、Vpassにログインしてご確認ください。\n"
                        + "https://www.smbc-card.com/mem/index.jsp\n\n"
                        + "※本メールは送信専用です。\n三井住友カード株式会社")));
    c.add(
        ok(
            "card",
            "楽天カード: カード利用お知らせメール from its own domain",
            JapaneseMail.utf8()
                .auth("mail.rakuten-card.co.jp", "pass")
                .from("楽天カード", "info@mail.rakuten-card.co.jp")
                .subject("カード利用のお知らせ(本人ご利用分)")
                .html(
                    "<p>楽天カードをご利用いただきありがとうございます。</p><p>カードのご利用がありましたので"
                        + "お知らせいたします。</p><p>ご利用日：2026/12/01<br>ご利用先：楽天市場<br>"
                        + "ご利用金額：3,980円</p><p>ご利用内容の詳細は楽天e-NAVIでご確認いただけます。</p>"
                        + "<p><a href=\"https://www.rakuten-card.co.jp/e-navi/\">楽天e-NAVI</a></p>"
                        + "<p>身に覚えのないご利用の場合は、カード裏面のお問い合わせ先までご連絡ください。</p>")));
    c.add(
        ok(
            "bank",
            "みずほ銀行: system maintenance from its own domain",
            JapaneseMail.iso2022jp()
                .auth("mizuhobank.co.jp", "pass")
                .from("みずほ銀行", "info@mizuhobank.co.jp")
                .subject("【みずほ銀行】システムメンテナンスに伴うサービス休止のお知らせ")
                .text(
                    "いつもみずほダイレクトをご利用いただき、ありがとうございます。\n"
                        + "システムメンテナンスのため、下記の日時はサービスを一時停止いたします。\n"
                        + "停止日時：2026年12月13日(日) 0:00～6:00\n"
                        + "お客さまにはご不便をおかけしますが、ご理解のほどよろしくお願いいたします。\n"
                        + "https://www.mizuhobank.co.jp/info/maintenance.html\n\n株式会社みずほ銀行")));
    c.add(
        ok(
            "ec",
            "楽天市場: order confirmation from its own domain",
            JapaneseMail.iso2022jp()
                .auth("rakuten.co.jp", "pass")
                .from("楽天市場", "order@rakuten.co.jp")
                .subject("【楽天市場】注文内容ご確認（自動配信メール）")
                .text(
                    "この度は楽天市場をご利用いただき、誠にありがとうございます。\n"
                        + "以下の内容でご注文を承りました。\n\n[受注番号] 123456-20261201-0012345678\n"
                        + "[お支払い方法] クレジットカード\n[商品] 有機緑茶 100g ×2 2,160円\n"
                        + "[配送方法] 宅配便\n\n購入履歴: https://order.my.rakuten.co.jp/\n")));
    c.add(
        ok(
            "ec",
            "Amazon.co.jp: order confirmation from its own domain",
            JapaneseMail.utf8()
                .auth("amazon.co.jp", "pass")
                .from("Amazon.co.jp", "auto-confirm@amazon.co.jp")
                .subject("Amazon.co.jp ご注文の確認")
                .html(
                    "<p>Amazon.co.jpをご利用いただき、ありがとうございます。ご注文の確認をお知らせします。</p>"
                        + "<p>注文番号: 250-1234567-7654321</p><p>お届け予定: 12月3日</p>"
                        + "<p><a href=\"https://www.amazon.co.jp/gp/css/order-history\">注文内容を表示"
                        + "</a></p><p>お支払い方法の変更や注文のキャンセルは、アカウントサービスから"
                        + "行えます。</p>")));
    c.add(
        ok(
            "delivery",
            "ヤマト運輸: お届け予定 from its own domain",
            JapaneseMail.iso2022jp()
                .auth("kuronekoyamato.co.jp", "pass")
                .from("ヤマト運輸", "mail@kuronekoyamato.co.jp")
                .subject("お届け予定のお知らせ")
                .text(
                    "クロネコメンバーズ会員様\n\nお客様宛にお荷物をお届け予定です。\n"
                        + "伝票番号：4321-5678-9012\nお届け予定日時：12月2日 14時～16時\n"
                        + "受け取り日時の変更はこちら\nhttps://member.kms.kuronekoyamato.co.jp/\n\nヤマト運輸株式会社")));
    c.add(
        ok(
            "government",
            "e-Tax: 税務署からのお知らせ, the fixed notice from its own domain",
            JapaneseMail.iso2022jp()
                .auth("e-tax.nta.go.jp", "pass")
                .from("e-Tax(国税電子申告・納税システム)", "info@e-tax.nta.go.jp")
                .subject("税務署からのお知らせ")
                .text(
                    "e-Taxをご利用いただきありがとうございます。\n"
                        + "メッセージボックスに情報を格納しましたので、e-Taxにログインして内容をご確認ください。\n"
                        + "https://www.e-tax.nta.go.jp/\n\n"
                        + "※本メールは送信専用のため、返信を受け付けておりません。\n国税庁")));
    c.add(
        ok(
            "government",
            "NISC: an advisory on its mailing list",
            JapaneseMail.iso2022jp()
                .auth("nisc.go.jp", "pass")
                .header("List-Id: <advisory.nisc.go.jp>")
                .header("List-Unsubscribe: <mailto:leave@nisc.go.jp>")
                .from("内閣サイバーセキュリティセンター", "info@nisc.go.jp")
                .subject("【注意喚起】年末年始に向けた情報セキュリティ対策について")
                .text(
                    "関係者各位\n\n年末年始の長期休暇の前後には、不正アクセスやランサムウェアによる被害が"
                        + "発生しやすくなります。\n以下の対策の実施をお願いいたします。\n"
                        + "・OS及びソフトウェアを最新の状態に更新する\n"
                        + "・不審なメールの添付ファイルやリンクを開かない\n"
                        + "詳細：https://www.nisc.go.jp/news/\n\n内閣サイバーセキュリティセンター")));
    c.add(
        ok(
            "government",
            "a ministry's mail magazine",
            JapaneseMail.iso2022jp()
                .auth("meti.go.jp", "pass")
                .header("List-Unsubscribe: <https://www.meti.go.jp/mail/unsubscribe>")
                .from("経済産業省メールマガジン", "mailmag@meti.go.jp")
                .subject("METI Journal メールマガジン 第512号")
                .text(
                    "経済産業省メールマガジンをお読みいただきありがとうございます。\n"
                        + "■今週の政策トピックス\n中小企業のサイバーセキュリティ対策支援について\n"
                        + "https://www.meti.go.jp/press/2026/12/\n"
                        + "■配信停止・登録情報の変更\nhttps://www.meti.go.jp/mail/\n")));
    c.add(
        ok(
            "advisory",
            "a CEPTOAR's 注意喚起 with links to JPCERT/CC and IPA",
            JapaneseMail.iso2022jp()
                .auth("ceptoar-denki.jp", "pass")
                .header("List-Id: <members.ceptoar-denki.jp>")
                .from("電力CEPTOAR事務局", "jimukyoku@ceptoar-denki.jp")
                .subject("【注意喚起】VPN機器の脆弱性を悪用した不正アクセスについて")
                .text(
                    "会員各位\n\nVPN機器の脆弱性を悪用した不正アクセスが国内で確認されています。\n"
                        + "該当製品をご利用の場合は、至急、修正版の適用と認証情報の変更をご検討ください。\n"
                        + "JPCERT/CC: https://www.jpcert.or.jp/at/2026/at260045.html\n"
                        + "IPA: https://www.ipa.go.jp/security/security-alert/2026/\n\n"
                        + "電力CEPTOAR事務局")));
    c.add(
        ok(
            "advisory",
            "JPCERT/CC: an alert on its list, links to vendors",
            JapaneseMail.iso2022jp()
                .auth("jpcert.or.jp", "pass")
                .header("List-Id: <alert.jpcert.or.jp>")
                .from("JPCERT/CC", "alert@jpcert.or.jp")
                .subject("JPCERT-AT-2026-0046 フィッシングサイトへ誘導するメールに関する注意喚起")
                .text(
                    "JPCERT/CCでは、クレジットカード会社や銀行をかたり「本人確認」や「ご利用確認」を"
                        + "求めるメールが多数送信されていることを確認しています。\n"
                        + "メールのリンクからアクセスしたサイトでIDやパスワードを入力しないでください。\n"
                        + "https://www.jpcert.or.jp/at/2026/at260046.html\n"
                        + "https://www.antiphishing.jp/news/alert/\n")));
    c.add(
        ok(
            "internal",
            "人事: an internal HR notice from the company's own domain",
            JapaneseMail.iso2022jp()
                .auth("example-corp.co.jp", "pass")
                .from("人事部", "jinji@example-corp.co.jp")
                .subject("【人事】2027年4月1日付 人事異動のお知らせ")
                .text(
                    "社員各位\n\n2027年4月1日付の人事異動を下記のとおり発令します。\n"
                        + "詳細は社内ポータルの人事情報ページをご覧ください。\n"
                        + "https://portal.example-corp.co.jp/jinji/\n\n人事部")));
    c.add(
        ok(
            "newsletter",
            "a メールマガジン with tracking links and 配信停止",
            JapaneseMail.utf8()
                .auth("mag.itnews-example.jp", "pass")
                .header("List-Unsubscribe: <https://mag.itnews-example.jp/u?id=8812>")
                .header("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .from("ITニュース週報", "news@mag.itnews-example.jp")
                .subject("【ITニュース週報】生成AIとセキュリティ 今週の注目記事")
                .html(
                    "<p>今週の注目記事</p><ul><li><a href=\"https://mag.itnews-example.jp/c/8812/1\">"
                        + "生成AIを悪用したフィッシングの最新動向</a></li><li>"
                        + "<a href=\"https://mag.itnews-example.jp/c/8812/2\">ゼロトラスト導入の実際</a></li></ul>"
                        + "<p>配信停止は<a href=\"https://mag.itnews-example.jp/u?id=8812\">こちら</a></p>")));
    c.add(
        ok(
            "internal",
            "a colleague's ISO-2022-JP mail with a résumé to the HR address",
            JapaneseMail.iso2022jp()
                .auth("example-corp.co.jp", "pass")
                .from("鈴木 一郎", "suzuki@example-corp.co.jp")
                .to("saiyo@example-corp.co.jp")
                .subject("紹介者の履歴書送付の件")
                .text(
                    "採用担当 各位\n\nお疲れさまです。営業部の鈴木です。\n"
                        + "先日お話しした知人の履歴書を、ご指示のとおりこちらのアドレスにお送りします。\n"
                        + "ご確認よろしくお願いいたします。\n\n鈴木")
                .attach("履歴書_佐藤次郎.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "academic",
            "a conference call for papers in Shift_JIS",
            JapaneseMail.shiftJis()
                .eightBit()
                .auth("issj-example.ac.jp", "pass")
                .header("List-Id: <cfp.issj-example.ac.jp>")
                .from("情報セキュリティシンポジウム実行委員会", "cfp@issj-example.ac.jp")
                .subject("[CFP] 第30回 情報セキュリティシンポジウム 論文募集")
                .text(
                    "関係各位\n\n第30回情報セキュリティシンポジウムの論文を募集いたします。\n"
                        + "投稿締切：2027年1月15日（金）\n開催日：2027年3月4日～5日\n"
                        + "投稿方法の詳細は以下をご覧ください。\n"
                        + "https://www.issj-example.ac.jp/sympo30/cfp.html\n"
                        + "（重複して受信された場合はご容赦ください）")));
    c.add(
        ok(
            "transport",
            "えきねっと: a booking confirmation from its own domain",
            JapaneseMail.iso2022jp()
                .auth("eki-net.com", "pass")
                .from("えきねっと", "info@eki-net.com")
                .subject("【えきねっと】予約内容のお知らせ")
                .text(
                    "えきねっとをご利用いただきありがとうございます。\n"
                        + "以下の内容で予約を承りました。\n"
                        + "乗車日：12月20日 東京 10:08発 → 仙台 11:39着 はやぶさ17号\n"
                        + "予約内容の確認・変更はえきねっとにログインしてください。\n"
                        + "https://www.eki-net.com/\n")));
    c.add(
        ok(
            "telecom",
            "docomo: the month's bill from its own domain",
            JapaneseMail.utf8()
                .auth("docomo.ne.jp", "pass")
                .from("NTTドコモ", "info@docomo.ne.jp")
                .subject("【ドコモ】ご利用料金確定のお知らせ")
                .html(
                    "<p>いつもドコモをご利用いただきありがとうございます。</p><p>11月分のご利用料金が"
                        + "確定しました。</p><p>ご請求金額：6,820円</p><p>ご利用料金の詳細はMy docomoで"
                        + "ご確認いただけます。</p><p><a href=\"https://www.docomo.ne.jp/mydocomo/\">"
                        + "My docomo</a></p>")));
    c.add(
        ok(
            "global",
            "Google: a new sign-in alert in Japanese from its own domain",
            JapaneseMail.utf8()
                .auth("accounts.google.com", "pass")
                .from("Google", "no-reply@accounts.google.com")
                .subject("セキュリティ通知")
                .html(
                    "<p>新しいデバイスでのログイン</p><p>お使いの Google アカウントに Windows デバイスから"
                        + "新たにログインがありました。心当たりがある場合は、何もする必要はありません。"
                        + "心当たりがない場合は、アカウントの保護にご協力ください。</p>"
                        + "<p><a href=\"https://accounts.google.com/AccountChooser\">アクティビティを確認"
                        + "</a></p>")));
    c.add(
        ok(
            "vendor",
            "a supplier's 請求書 with a PDF from its own domain",
            JapaneseMail.iso2022jp()
                .auth("kanto-office-supply.co.jp", "pass")
                .from("関東オフィスサプライ 経理部", "keiri@kanto-office-supply.co.jp")
                .subject("11月分請求書送付のご案内")
                .text(
                    "株式会社サンプル 総務部 御中\n\nいつもお世話になっております。\n"
                        + "11月分の請求書をお送りいたします。お支払い期限は12月末日です。\n"
                        + "ご査収のほどよろしくお願い申し上げます。\n\n関東オフィスサプライ株式会社 経理部")
                .attach("請求書_202611.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "internal",
            "情報システム部: a maintenance notice with the portal link",
            JapaneseMail.iso2022jp()
                .auth("example-corp.co.jp", "pass")
                .from("情報システム部", "it-info@example-corp.co.jp")
                .subject("【お知らせ】メールサーバーのメンテナンスについて")
                .text(
                    "社員各位\n\n12月12日（土）22時～翌2時、メールサーバーのメンテナンスを行います。\n"
                        + "作業中はメールの送受信ができません。\n"
                        + "詳細は社内ポータルをご覧ください。https://portal.example-corp.co.jp/it/\n"
                        + "情報システム部")));
    c.add(
        ok(
            "bank",
            "ゆうちょ銀行: a notice of a changed fee from its own domain",
            JapaneseMail.utf8()
                .auth("jp-bank.japanpost.jp", "pass")
                .from("ゆうちょ銀行", "info@jp-bank.japanpost.jp")
                .subject("【ゆうちょ銀行】料金改定のお知らせ")
                .html(
                    "<p>いつもゆうちょ銀行をご利用いただき、ありがとうございます。</p><p>2027年4月1日から、"
                        + "一部の送金料金を改定いたします。</p><p><a href=\"https://www.jp-bank.japanpost.jp/"
                        + "ryokin/\">料金の詳細</a></p><p>株式会社ゆうちょ銀行</p>")));
    c.add(
        ok(
            "ec",
            "メルカリ: 売上金 notice from its own domain",
            JapaneseMail.utf8()
                .auth("mercari.jp", "pass")
                .from("メルカリ", "no-reply@mercari.jp")
                .subject("【メルカリ】商品が購入されました")
                .html(
                    "<p>出品した商品が購入されました。</p><p>商品名：ビンテージ腕時計</p><p>購入者の支払いが"
                        + "完了しましたので、商品を発送してください。</p><p><a href=\"https://jp.mercari.com/"
                        + "transaction/m12345\">取引画面を開く</a></p>")));
    c.add(
        ok(
            "ec",
            "a shop's password reset the member asked for, within 24 hours",
            JapaneseMail.utf8()
                .auth("shop.kurashi-zakka.jp", "pass")
                .from("くらし雑貨オンライン", "noreply@shop.kurashi-zakka.jp")
                .subject("【くらし雑貨オンライン】パスワード再設定のご案内")
                .html(
                    "<p>パスワード再設定のお手続きを受け付けました。</p><p>24時間以内に下記のURLから新しい"
                        + "パスワードを設定してください。</p><p><a href=\"https://shop.kurashi-zakka.jp/"
                        + "member/reset?t=8f3a2c\">パスワードを再設定する</a></p><p>お心当たりのない場合は、"
                        + "このメールを破棄してください。</p>")));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everyJapaneseLegitimateMessageStaysClean() {
    return MailJapaneseLureTest.clean(legitimate());
  }

  @Test
  void atLeastTwentyLegitimateMessages() {
    assertThat(legitimate()).hasSizeGreaterThanOrEqualTo(20);
  }
}
