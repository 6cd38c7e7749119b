package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.renkei.engine.mail.MailJapaneseLureTest.Case;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Japanese legitimate mail on the themes of {@link MailJapaneseLureWaveTest} (issue 19, mailja19):
 * the real notices of the same brands from their own domains with DKIM and DMARC passing (a bank's
 * 取引目的の確認, a securities firm's 多要素認証 notice, a card's statement, the carriers' shipping notices,
 * power and gas bills), mail magazines with an unsubscribe link, internal 人事 notices and a genuine
 * 取材申込. Each is written for this test; every one must stay CLEAN.
 */
class MailJapaneseLegitimateWaveTest {

  static List<Case> legitimate() {
    List<Case> c = new ArrayList<>();
    c.add(
        ok(
            "bank",
            "三菱UFJ銀行: お取引目的等のご確認, its own domain, answer in the app",
            JapaneseMail.iso2022jp()
                .auth("bk.mufg.jp", "pass")
                .from("三菱UFJ銀行", "info@bk.mufg.jp")
                .subject("【三菱UFJ銀行】お取引目的等のご確認について")
                .text(
                    "いつも三菱UFJ銀行をご利用いただき、ありがとうございます。\n"
                        + "当行では、法令に基づきお客さまのお取引目的等を定期的に確認しております。\n"
                        + "三菱UFJ銀行アプリまたは郵送でお送りする書面にてご回答をお願いいたします。\n"
                        + "当行からメールでパスワードや暗証番号をお尋ねすることはありません。\n"
                        + "詳しくは当行ホームページをご覧ください。https://www.bk.mufg.jp/info/\n"
                        + "株式会社三菱UFJ銀行")));
    c.add(
        ok(
            "bank",
            "三井住友銀行: 振込受付 notice from its own domain",
            JapaneseMail.utf8()
                .auth("smbc.co.jp", "pass")
                .from("三井住友銀行", "direct@smbc.co.jp")
                .subject("【三井住友銀行】振込受付のお知らせ")
                .html(
                    "<p>SMBCダイレクトでのお振込みを受け付けました。</p><p>受付日時：2026年12月1日"
                        + " 10:15<br>振込金額：30,000円<br>振込先：ｻﾄｳ ﾊﾅｺ 様</p><p>お心当たりのない場合は"
                        + "SMBCダイレクトサービスデスクまでご連絡ください。</p>"
                        + "<p><a href=\"https://www.smbc.co.jp/kojin/direct/\">SMBCダイレクト</a></p>")));
    c.add(
        ok(
            "securities",
            "楽天証券: 多要素認証の必須化 notice from its own domain",
            JapaneseMail.utf8()
                .auth("rakuten-sec.co.jp", "pass")
                .from("楽天証券", "info@mail.rakuten-sec.co.jp")
                .subject("【楽天証券】ログイン時の多要素認証の必須化について")
                .html(
                    "<p>いつも楽天証券をご利用いただきありがとうございます。</p><p>お客様の資産を守るため、"
                        + "ログイン時の多要素認証を必須といたします。設定方法は当社ウェブサイトでご案内して"
                        + "おります。</p><p>当社がメールでパスワードの入力を求めることはございません。</p>"
                        + "<p><a href=\"https://www.rakuten-sec.co.jp/web/info/\">お知らせ一覧</a></p>"
                        + "<p>楽天証券株式会社</p>")));
    c.add(
        ok(
            "securities",
            "SBI証券: 約定通知 from its own domain",
            JapaneseMail.iso2022jp()
                .auth("sbisec.co.jp", "pass")
                .from("SBI証券", "info@sbisec.co.jp")
                .subject("【SBI証券】約定通知")
                .text(
                    "SBI証券をご利用いただきありがとうございます。\n"
                        + "ご注文が約定しましたのでお知らせいたします。\n"
                        + "銘柄：サンプル工業（0000）買 100株\n"
                        + "詳細は取引履歴をご確認ください。https://www.sbisec.co.jp/\n株式会社SBI証券")));
    c.add(
        ok(
            "securities",
            "野村證券: 取引報告書 電子交付 from its own domain",
            JapaneseMail.utf8()
                .auth("nomura.co.jp", "pass")
                .from("野村證券", "info@nomura.co.jp")
                .subject("【野村證券】電子交付書面のお知らせ")
                .html(
                    "<p>野村證券をご利用いただき、誠にありがとうございます。</p><p>取引報告書を電子交付"
                        + "いたしました。野村證券のウェブサイトでご確認いただけます。</p>"
                        + "<p><a href=\"https://www.nomura.co.jp/\">野村證券</a></p>")));
    c.add(
        ok(
            "card",
            "JCB: ご利用代金明細 from its own domain",
            JapaneseMail.utf8()
                .auth("jcb.co.jp", "pass")
                .from("MyJCB", "mail@qa.jcb.co.jp")
                .subject("【MyJCB】カードご利用代金明細のお知らせ")
                .html(
                    "<p>JCBカードをご利用いただきありがとうございます。</p><p>12月10日お支払い分の"
                        + "ご利用代金明細を掲載しました。</p><p>お支払い金額：12,480円</p>"
                        + "<p><a href=\"https://my.jcb.co.jp/\">MyJCB</a></p><p>株式会社ジェーシービー</p>")));
    c.add(
        ok(
            "card",
            "イオンカード: ご請求額確定 from its own domain",
            JapaneseMail.iso2022jp()
                .auth("aeon.co.jp", "pass")
                .from("イオンカード", "info@aeon.co.jp")
                .subject("【イオンカード】ご請求額確定のお知らせ")
                .text(
                    "イオンカードをご利用いただきありがとうございます。\n"
                        + "1月2日お支払い分のご請求額が確定しました。\n"
                        + "ご利用明細は暮らしのマネーサイトでご確認いただけます。\n"
                        + "https://www.aeon.co.jp/\nイオンフィナンシャルサービス株式会社")));
    c.add(
        ok(
            "delivery",
            "佐川急便: お届け予定 from its own domain",
            JapaneseMail.iso2022jp()
                .auth("sagawa-exp.co.jp", "pass")
                .from("佐川急便", "info@sagawa-exp.co.jp")
                .subject("【佐川急便】お届け予定のお知らせ")
                .text(
                    "お客様宛のお荷物を出荷いたしました。\n"
                        + "お問い合せ送り状No.：3601-2345-6789\nお届け予定日：12月3日\n"
                        + "お届け状況は以下でご確認いただけます。\n"
                        + "https://k2k.sagawa-exp.co.jp/\n佐川急便株式会社")));
    c.add(
        ok(
            "delivery",
            "日本郵便: e発送 notice from its own domain",
            JapaneseMail.utf8()
                .auth("japanpost.jp", "pass")
                .from("日本郵便", "info@mail.japanpost.jp")
                .subject("【日本郵便】ゆうパックお届け予定のお知らせ")
                .html(
                    "<p>ゆうパックのお届け予定をお知らせします。</p><p>お問い合わせ番号：1234-5678-9012"
                        + "<br>お届け予定日：12月4日 午前中</p><p><a href=\"https://trackings.post.japanpost.jp/"
                        + "services/srv/search/\">郵便追跡サービス</a></p><p>日本郵便株式会社</p>")));
    c.add(
        ok(
            "utility",
            "東京電力: 電気料金確定 from its own domain",
            JapaneseMail.iso2022jp()
                .auth("tepco.co.jp", "pass")
                .from("くらしTEPCO", "info@kurashi.tepco.co.jp")
                .subject("【くらしTEPCO web】電気料金確定のお知らせ")
                .text(
                    "いつも東京電力エナジーパートナーをご利用いただきありがとうございます。\n"
                        + "11月分の電気料金が確定しました。\n請求予定金額：8,912円\n"
                        + "詳細はくらしTEPCO webでご確認ください。https://www.kurashi.tepco.co.jp/\n")));
    c.add(
        ok(
            "utility",
            "関西電力: はぴeみる電 電気ご使用量 from its own domain",
            JapaneseMail.utf8()
                .auth("kepco.co.jp", "pass")
                .from("関西電力", "hapiemiruden@kepco.co.jp")
                .subject("【はぴeみる電】電気ご使用量のお知らせ")
                .html(
                    "<p>はぴeみる電をご利用いただきありがとうございます。</p><p>11月分の電気ご使用量と"
                        + "料金をお知らせします。</p><p>ご使用量：245kWh<br>ご請求予定額：7,630円</p>"
                        + "<p><a href=\"https://home.kepco.co.jp/\">はぴeみる電</a></p>")));
    c.add(
        ok(
            "utility",
            "NHK: 受信料 口座振替 notice from its own domain",
            JapaneseMail.iso2022jp()
                .auth("nhk.or.jp", "pass")
                .from("NHK受信料窓口", "info@nhk.or.jp")
                .subject("NHK受信料 口座振替のお知らせ")
                .text(
                    "いつもNHKの放送をご覧いただきありがとうございます。\n"
                        + "12月26日に受信料を口座振替いたします。\n"
                        + "お手続きの内容はNHK受信料の窓口でご確認いただけます。\n"
                        + "https://www.nhk-cs.jp/\n日本放送協会")));
    c.add(
        ok(
            "telecom",
            "au: 請求額確定 from its own domain",
            JapaneseMail.utf8()
                .auth("au.com", "pass")
                .from("au", "info@au.com")
                .subject("【au】ご請求金額確定のお知らせ")
                .html(
                    "<p>auをご利用いただきありがとうございます。</p><p>11月分のご請求金額が確定しました。"
                        + "</p><p>ご請求金額：5,478円</p><p>詳細はMy auでご確認ください。</p>"
                        + "<p><a href=\"https://www.au.com/my-au/\">My au</a></p>")));
    c.add(
        ok(
            "government",
            "マイナポータル: お知らせ from the Digital Agency's domain",
            JapaneseMail.iso2022jp()
                .auth("myna.go.jp", "pass")
                .from("マイナポータル", "no-reply@myna.go.jp")
                .subject("マイナポータル お知らせの通知")
                .text(
                    "マイナポータルにお知らせが届きました。\n"
                        + "内容はマイナポータルでご確認ください。\n"
                        + "https://myna.go.jp/\n\n※このメールは送信専用です。\nデジタル庁")));
    c.add(
        ok(
            "newsletter",
            "a travel site's メルマガ with 配信停止 and a coupon",
            JapaneseMail.utf8()
                .auth("mail.tabi-example.jp", "pass")
                .header("List-Unsubscribe: <https://mail.tabi-example.jp/unsub?m=5521>")
                .header("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                .from("たびサンプル", "news@mail.tabi-example.jp")
                .subject("【たびサンプル】年末年始の温泉宿 早割クーポン配布中")
                .html(
                    "<p>いつもたびサンプルをご利用いただきありがとうございます。</p><p>年末年始の温泉宿が"
                        + "最大20%オフになるクーポンを配布中です。12月15日まで。</p>"
                        + "<p><a href=\"https://mail.tabi-example.jp/c/5521/1\">クーポンを受け取る</a></p>"
                        + "<p>メールマガジンの配信停止は<a href=\"https://mail.tabi-example.jp/unsub?m=5521\">"
                        + "こちら</a></p>")));
    c.add(
        ok(
            "internal",
            "人事: 年末調整 from the company's own domain with the portal link",
            JapaneseMail.iso2022jp()
                .auth("example-corp.co.jp", "pass")
                .from("人事部 給与担当", "kyuyo@example-corp.co.jp")
                .subject("【人事部】年末調整書類の提出について（12月10日締切）")
                .text(
                    "社員各位\n\n年末調整の書類提出期限は12月10日です。\n"
                        + "社内ポータルの年末調整システムにログインして、扶養控除等申告書を入力してください。\n"
                        + "https://portal.example-corp.co.jp/nencho/\n\n人事部 給与担当")));
    c.add(
        ok(
            "press",
            "取材申込: a newspaper's reporter from its own domain, no link, no attachment",
            JapaneseMail.iso2022jp()
                .auth("kahoku-shimbun-example.co.jp", "pass")
                .from("河北架空新聞 報道部 佐々木", "sasaki@kahoku-shimbun-example.co.jp")
                .subject("取材のお願い")
                .text(
                    "株式会社サンプル 広報ご担当者様\n\n突然のご連絡失礼いたします。"
                        + "河北架空新聞報道部の佐々木と申します。\n"
                        + "地域の重要インフラの防災対策について連載を予定しており、"
                        + "貴社のお取り組みを取材させていただけないでしょうか。\n"
                        + "ご都合のよい日時をお知らせいただければ幸いです。\n"
                        + "電話：022-000-0000\n\n河北架空新聞 報道部 佐々木")));
    c.add(
        ok(
            "ec",
            "Amazon: 発送 notice from its own domain",
            JapaneseMail.iso2022jp()
                .auth("amazon.co.jp", "pass")
                .from("Amazon.co.jp", "shipment-tracking@amazon.co.jp")
                .subject("Amazon.co.jp ご注文の商品を発送しました")
                .text(
                    "Amazon.co.jpをご利用いただき、ありがとうございます。\n"
                        + "ご注文の商品を発送しました。お届け予定日：12月3日\n"
                        + "配送状況の確認：https://www.amazon.co.jp/gp/your-account/order-history\n")));
    c.add(
        ok(
            "newsletter",
            "a shop's メルマガ that names the payment brands it accepts",
            JapaneseMail.utf8()
                .auth("news.cha-no-sato-example.jp", "pass")
                .header("List-Unsubscribe: <https://news.cha-no-sato-example.jp/stop?u=771>")
                .from("茶の里オンライン", "shop@news.cha-no-sato-example.jp")
                .subject("【茶の里】新茶セール開催中 送料無料")
                .html(
                    "<p>いつもご愛顧ありがとうございます。</p><p>新茶セールを開催中です。お支払いは"
                        + "クレジットカード（JCB・三井住友カード・楽天カード）、Amazon Pay、PayPay、楽天ペイが"
                        + "ご利用いただけます。</p><p><a href=\"https://news.cha-no-sato-example.jp/sale\">"
                        + "セール会場へ</a></p><p>配信停止は<a href=\"https://news.cha-no-sato-example.jp/stop?u=771\">"
                        + "こちら</a></p>")));
    c.add(
        ok(
            "internal",
            "情報システム部: a warning about 楽天証券 and SBI証券 phishing, links to public sources",
            JapaneseMail.iso2022jp()
                .auth("example-corp.co.jp", "pass")
                .from("情報システム部", "security@example-corp.co.jp")
                .subject("【注意喚起】証券会社をかたるフィッシングメールについて")
                .text(
                    "社員各位\n\n楽天証券やSBI証券などをかたり「取引パスワードの再設定」や"
                        + "「本人確認」を求めるフィッシングメールが増えています。\n"
                        + "メールのリンクからログインせず、公式アプリやブックマークからアクセスしてください。\n"
                        + "参考：https://www.antiphishing.jp/news/alert/\n"
                        + "https://www.fsa.go.jp/ordinary/chuui/\n\n情報システム部")));
    c.add(
        ok(
            "card",
            "三井住友カード: ご利用のお知らせ sent from vpass.jp with DKIM",
            JapaneseMail.utf8()
                .auth("vpass.jp", "pass")
                .from("三井住友カード", "statement@vpass.jp")
                .subject("【三井住友カード】ご利用のお知らせ")
                .html(
                    "<p>三井住友カードをご利用いただきありがとうございます。</p><p>ご利用日時：2026/12/01"
                        + " 18:42<br>ご利用先：コンビニ<br>ご利用金額：648円</p><p>ご利用内容はVpassアプリで"
                        + "ご確認いただけます。</p><p><a href=\"https://www.smbc-card.com/\">三井住友カード</a></p>")));
    c.add(
        ok(
            "transport",
            "JR東日本: えきねっと 会員情報変更の完了 from its own domain",
            JapaneseMail.iso2022jp()
                .auth("eki-net.com", "pass")
                .from("えきねっと", "info@mail.eki-net.com")
                .subject("【えきねっと】会員情報変更完了のお知らせ")
                .text(
                    "えきねっとをご利用いただきありがとうございます。\n"
                        + "お客様の会員情報の変更を受け付けました。\n"
                        + "お心当たりのない場合は、えきねっとお問い合わせ窓口までご連絡ください。\n"
                        + "https://www.eki-net.com/\n東日本旅客鉄道株式会社")));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everyLegitimateMessageOnTheWavesThemesStaysClean() {
    return MailJapaneseLureTest.clean(legitimate());
  }

  @Test
  void atLeastFifteenLegitimateMessages() {
    assertThat(legitimate()).hasSizeGreaterThanOrEqualTo(15);
  }
}
