package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.lure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.renkei.engine.mail.MailJapaneseLureTest.Case;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Japanese lures that dominated 2024–2026 as the Council of Anti-Phishing Japan's monthly
 * reports, IPA and JPCERT/CC describe them (issue 19, mailja19): card-use confirmation, the wave of
 * securities-account takeovers of 2025, shop and account suspension, JR and ETC, e-Tax arrears,
 * unpaid power and gas, マイナポータル, missed deliveries, banks' 取引目的の確認, NHK and the mobile carriers,
 * and IPA's targeted-mail themes. Each message is written for this test (no real message's text),
 * in the traits those reports name: ISO-2022-JP and UTF-8 Base64 subjects, look-alike and random
 * domains under .cn or .top, the brand's name as display name on another domain, links behind
 * 「こちら」, QR codes, full-width and half-width forms and 旧字体.
 */
class MailJapaneseLureWaveTest {

  static List<Case> lures() {
    List<Case> c = new ArrayList<>();
    cards(c);
    securities(c);
    shopsAndTransport(c);
    governmentAndUtilities(c);
    deliveryBanksTelecoms(c);
    targeted(c);
    tricks(c);
    return c;
  }

  static void cards(List<Case> c) {
    c.add(
        lure(
            "card",
            "三井住友カード: ご利用確認 with a QR code image, UTF-8 Base64 subject",
            JapaneseMail.utf8()
                .from("三井住友カード", "vpass-info@smcc-riyou.cn")
                .subject("【三井住友カード】カードご利用確認のお願い（至急）")
                .text(
                    "いつも三井住友カードをご利用いただきありがとうございます。\n"
                        + "お客様のカードで通常と異なるご利用を確認したため、お取引を一時保留しています。\n"
                        + "スマートフォンで添付のQRコードを読み取り、ご本人様確認を完了してください。\n"
                        + "ご確認がない場合はカードのご利用を制限させていただきます。")
                .attach("確認用QRコード.png", "image/png", qr("https://smcc-riyou.cn/vpass/login")),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.QR_CODE_LINK,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "card",
            "JCB: MyJCB ご利用確認, link behind 「こちら」",
            JapaneseMail.utf8()
                .from("MyJCB", "no-reply@myjcb-kakunin.top")
                .subject("【MyJCB】ご利用確認のお願い")
                .html(
                    "<p>JCBカードをご利用のお客様</p><p>第三者による不正使用の可能性があるため、"
                        + "カードのご利用を一時的に停止しております。ご利用内容のご確認は"
                        + "<a href=\"https://myjcb-kakunin.top/member/\">こちら</a>からお願いいたします。</p>"
                        + "<p>株式会社ジェーシービー</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "card",
            "楽天カード: e-NAVI half-width katakana, random .top host",
            JapaneseMail.iso2022jp()
                .from("楽天カード", "info@qwmzkr.top")
                .subject("【楽天カード】ご利用内容の確認")
                .text(
                    "楽天ｶｰﾄﾞをご利用いただき誠にありがとうございます。\n"
                        + "ｶｰﾄﾞのご利用に関して確認したいお取引がございます。\n"
                        + "楽天e-NAVIにﾛｸﾞｲﾝのうえ、ご利用内容のご確認をお願いいたします。\n"
                        + "https://qwmzkr.top/e-navi/\n楽天カード株式会社"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "card",
            "イオンカード: 利用停止, 旧字体 登錄",
            JapaneseMail.utf8()
                .from("イオンカード", "service@aeon-card-jp.cn")
                .subject("【重要】イオンカードご利用停止のお知らせ")
                .html(
                    "<p>イオンカードをご利用いただきありがとうございます。</p><p>お客様の登錄情報に"
                        + "確認が必要な項目があるため、カードのご利用を停止いたしました。</p>"
                        + "<p>再開をご希望の方は<a href=\"https://aeon-card-jp.cn/kurashi/\">こちら</a>"
                        + "から登録情報を更新してください。</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "card",
            "エポス: ｴﾎﾟｽｶｰﾄﾞ in half-width kana, 72 hours",
            JapaneseMail.iso2022jp()
                .from("ｴﾎﾟｽｶｰﾄﾞ", "epos@mvkeqzs.com")
                .subject("ｴﾎﾟｽｶｰﾄﾞ ご利用確認のお願い")
                .text(
                    "エポスカード会員様\n不正利用防止のため、カードのご利用を一部制限しております。\n"
                        + "72時間以内にエポスNetにログインし、ご本人様確認をお願いいたします。\n"
                        + "https://mvkeqzs.com/epos/login\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
  }

  static void securities(List<Case> c) {
    c.add(
        lure(
            "securities",
            "楽天証券: 重要なお知らせ, 取引パスワードの再設定",
            JapaneseMail.utf8()
                .from("楽天証券", "support@rakuten-sec-info.top")
                .subject("【楽天証券】重要なお知らせ：お客様の口座の安全確認について")
                .html(
                    "<p>楽天証券をご利用のお客様</p><p>お客様の口座で、第三者によるものと思われる"
                        + "ログインを検知しました。口座の安全のため、ログインのうえ取引パスワードの再設定を"
                        + "お願いいたします。お手続きがない場合、お取引を制限させていただきます。</p>"
                        + "<p><a href=\"https://rakuten-sec-info.top/member/login\">ログインはこちら</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "securities",
            "SBI証券: full-width ＳＢＩ, 取引パスワード, .cn",
            JapaneseMail.iso2022jp()
                .from("ＳＢＩ証券", "info@sbisec-kakunin.cn")
                .subject("【ＳＢＩ証券】お客様情報の確認のお願い")
                .text(
                    "ＳＢＩ証券をご利用いただき、誠にありがとうございます。\n"
                        + "金融庁の要請によりセキュリティ強化を実施しております。\n"
                        + "下記より、ユーザーネーム、ログインパスワード、取引パスワードのご確認をお願いいたします。\n"
                        + "https://sbisec-kakunin.cn/ETGate/\n株式会社ＳＢＩ証券"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "securities",
            "野村證券: 證 (旧字体), 取引制限",
            JapaneseMail.utf8()
                .from("野村證券", "notice@nomura-kouza.com")
                .subject("野村證券 重要なお知らせ")
                .html(
                    "<p>野村證券をご利用のお客様へ</p><p>不正アクセスの被害が増えているため、"
                        + "全てのお客様に本人確認をお願いしております。本日中にご確認がない場合、"
                        + "口座の取引を一時的に制限いたします。</p>"
                        + "<p><a href=\"https://nomura-kouza.com/login\">本人確認へ進む</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "securities",
            "マネックス証券: 多要素認証の設定 on a random domain",
            JapaneseMail.iso2022jp()
                .from("マネックス証券", "security@xkfpwq.top")
                .subject("【マネックス証券】多要素認証設定のお願い")
                .text(
                    "マネックス証券をご利用いただきありがとうございます。\n"
                        + "ログイン時の多要素認証の設定が完了していないお客様は、48時間以内に設定してください。\n"
                        + "設定がない場合、ログインできなくなります。\n"
                        + "https://xkfpwq.top/monex/login\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "securities",
            "SMBC日興証券: 取引暗証番号 asked behind 「こちら」",
            JapaneseMail.utf8()
                .from("SMBC日興証券", "info@nikko-sec-support.cn")
                .subject("【SMBC日興証券】ログイン情報の更新について")
                .html(
                    "<p>日興イージートレードをご利用のお客様</p><p>システム更新に伴い、ログイン情報と"
                        + "取引暗証番号の再登録が必要です。手続きは"
                        + "<a href=\"https://nikko-sec-support.cn/easy/\">こちら</a>。</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
  }

  static void shopsAndTransport(List<Case> c) {
    c.add(
        lure(
            "ec",
            "Amazon: アカウント停止, 支払い情報の更新",
            JapaneseMail.iso2022jp()
                .from("Amazon.co.jp", "info@amazon-jp-service.cn")
                .subject("Amazonプライムの会費のお支払いに問題があります")
                .text(
                    "Amazonをご利用いただきありがとうございます。\n"
                        + "プライム会費のお支払いに使用されたカードが承認されませんでした。\n"
                        + "アカウントは停止されています。お支払い情報を更新してください。\n"
                        + "https://amazon-jp-service.cn/gp/prime\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "ec",
            "楽天: 楽天会員 アカウント保護, UTF-8",
            JapaneseMail.utf8()
                .from("楽天会員サービス", "member@rakuten-id.top")
                .subject("【楽天】お客様のアカウントが保護されました")
                .html(
                    "<p>楽天会員様</p><p>お客様のアカウントに不審なアクセスがあったため、アカウントを"
                        + "ロックしました。ロックを解除するには、以下から本人確認を行ってください。</p>"
                        + "<p><a href=\"https://rakuten-id.top/login\">ロック解除</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "transport",
            "えきねっと: 予約取消, JR東日本 on .cn",
            JapaneseMail.iso2022jp()
                .from("JR東日本 えきねっと", "eki-net@jreast-info.cn")
                .subject("【えきねっと】お客様のアカウントの異常について")
                .text(
                    "えきねっとをご利用いただきありがとうございます。\n"
                        + "お客様のアカウントに異常なログインがありました。\n"
                        + "ご予約中のきっぷは取消となる場合があります。下記よりログインして確認してください。\n"
                        + "https://jreast-info.cn/eki-net/login\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "transport",
            "ETC利用照会サービス: 未払い通行料, QR and link",
            JapaneseMail.utf8()
                .from("ETC利用照会サービス事務局", "etc@etc-riyou.top")
                .subject("【ETC利用照会サービス】未払い通行料金のお知らせ")
                .html(
                    "<p>お客様のETCカードで、高速道路の通行料金に未払いがあります。</p>"
                        + "<p>12月10日までにお支払いがない場合、延滞金が加算され法的手続きに移行します。</p>"
                        + "<p><a href=\"https://etc-riyou.top/pay\">お支払いはこちら</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
  }

  static void governmentAndUtilities(List<Case> c) {
    c.add(
        lure(
            "government",
            "国税庁: 未納の国税, 差押, .cn",
            JapaneseMail.iso2022jp()
                .from("国税庁", "info@nta-etax-jp.cn")
                .subject("【国税庁】未納税金のお知らせ（最終催告）")
                .text(
                    "あなたの未納の国税について、納付期限を過ぎても納付が確認できません。\n"
                        + "本日中に納付がない場合、財産の差押えを執行します。\n"
                        + "下記の国税電子申告・納税システムから納付手続きを行ってください。\n"
                        + "https://nta-etax-jp.cn/pay\n国税庁"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    c.add(
        lure(
            "government",
            "マイナポータル: マイナ保険証, 旧字体 認證",
            JapaneseMail.utf8()
                .from("マイナポータル", "no-reply@myna-portal-jp.top")
                .subject("【マイナポータル】マイナ保険証の利用登録のお知らせ")
                .html(
                    "<p>マイナンバーカードの健康保険証利用登録が完了していません。</p>"
                        + "<p>期限までに認證情報を更新いただけない場合、保険証としてご利用いただけなくなります。</p>"
                        + "<p><a href=\"https://myna-portal-jp.top/\">マイナポータルにログイン</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "utility",
            "関西電力: 電気料金の未払い, 送電停止",
            JapaneseMail.iso2022jp()
                .from("関西電力", "billing@kepco-ryokin.top")
                .subject("【関西電力】電気料金未払いによる送電停止のお知らせ")
                .text(
                    "はぴeみる電をご利用のお客様\n\n"
                        + "先月分の電気料金のお支払いが確認できておりません。\n"
                        + "３日以内にお支払いがない場合、電気の供給を停止いたします。\n"
                        + "https://kepco-ryokin.top/hapie/pay\n関西電力株式会社"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    c.add(
        lure(
            "utility",
            "東京ガス: myTOKYOGAS ガス料金 支払い, 停止",
            JapaneseMail.utf8()
                .from("東京ガス", "mytokyogas@tg-ryokin.cn")
                .subject("【東京ガス】ガス料金のお支払いについて（重要）")
                .html(
                    "<p>ガス料金のお支払いが確認できないため、ガスの供給を停止させていただきます。</p>"
                        + "<p>停止を回避するには、myTOKYOGASにログインし、お支払い方法を更新してください。</p>"
                        + "<p><a href=\"https://tg-ryokin.cn/login\">こちら</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    c.add(
        lure(
            "utility",
            "NHK: 受信料 未払い, 割増金",
            JapaneseMail.iso2022jp()
                .from("NHK放送受信料窓口", "jushinryo@nhk-uketsuke.top")
                .subject("【NHK】受信料のお支払いについて")
                .text(
                    "日本放送協会です。\n受信料のお支払いが確認できておりません。\n"
                        + "期限までにお支払いがない場合、割増金を請求し法的措置をとらせていただきます。\n"
                        + "https://nhk-uketsuke.top/pay\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
  }

  static void deliveryBanksTelecoms(List<Case> c) {
    c.add(
        lure(
            "delivery",
            "ヤマト運輸: 不在通知, link behind 「こちら」",
            JapaneseMail.utf8()
                .from("ヤマト運輸", "info@kuroneko-delivery.top")
                .subject("【ヤマト運輸】お荷物のお届けについて")
                .html(
                    "<p>お荷物をお届けにあがりましたが、宛先不明のため持ち帰りました。</p>"
                        + "<p>再配達のご依頼は<a href=\"https://kuroneko-delivery.top/re\">こちら</a></p>"
                        + "<p>伝票番号：4821-3390-1187</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "delivery",
            "日本郵便: 再配達, 郵便局 on a random domain, ISO-2022-JP",
            JapaneseMail.iso2022jp()
                .from("日本郵便株式会社", "post@vjqxzt.cn")
                .subject("【日本郵便】ご不在のため持ち帰りました")
                .text(
                    "郵便局です。お客様宛の郵便物をお届けにあがりましたが、ご不在でした。\n"
                        + "保管期限は3日間です。再配達の手続きを以下からお願いします。\n"
                        + "https://vjqxzt.cn/redelivery\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "bank",
            "三井住友銀行: 取引目的の確認, restriction",
            JapaneseMail.iso2022jp()
                .from("三井住友銀行", "smbc@smbc-torihiki.com")
                .subject("【三井住友銀行】お取引目的のご確認")
                .text(
                    "三井住友銀行をご利用いただき誠にありがとうございます。\n"
                        + "法令に基づき、お客様のお取引目的等を定期的に確認させていただいております。\n"
                        + "ご回答がない場合、お取引を制限させていただきます。\n"
                        + "https://smbc-torihiki.com/kakunin\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.URGENCY));
    c.add(
        lure(
            "bank",
            "ゆうちょ銀行: 取引目的, .top, UTF-8",
            JapaneseMail.utf8()
                .from("ゆうちょ銀行", "info@yucho-kakunin.top")
                .subject("【ゆうちょ銀行】お客さま情報・取引目的等のご確認のお願い")
                .html(
                    "<p>ゆうちょ銀行をご利用いただきありがとうございます。</p><p>お客さま情報・"
                        + "取引目的等のご確認にご協力ください。期限までにご回答いただけない場合、"
                        + "口座の取引を一部制限いたします。</p>"
                        + "<p><a href=\"https://yucho-kakunin.top/\">ご回答はこちら</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.URGENCY));
    c.add(
        lure(
            "telecom",
            "docomo: dポイント 失効, dアカウント",
            JapaneseMail.utf8()
                .from("ドコモ", "dpoint@docomo-point.cn")
                .subject("【ドコモ】dポイント失効のお知らせ")
                .html(
                    "<p>お客様の保有するdポイントがまもなく失効します。</p><p>dアカウントにログインして"
                        + "ポイントの延長手続きを行ってください。</p>"
                        + "<p><a href=\"https://docomo-point.cn/login\">こちら</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "telecom",
            "au: 料金未払い, 回線停止",
            JapaneseMail.iso2022jp()
                .from("auお客さまサポート", "support@au-ryokin.top")
                .subject("【au】ご利用料金のお支払い確認のお願い")
                .text(
                    "auをご利用いただきありがとうございます。\n"
                        + "ご利用料金のお支払いが確認できておりません。\n"
                        + "本日中にお支払いがない場合、回線のご利用を停止させていただきます。\n"
                        + "https://au-ryokin.top/pay\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    c.add(
        lure(
            "telecom",
            "SoftBank: My SoftBank 認証, .cn",
            JapaneseMail.utf8()
                .from("SoftBank", "mysoftbank@sb-account.cn")
                .subject("【SoftBank】My SoftBank 本人確認のお願い")
                .html(
                    "<p>ソフトバンクをご利用のお客様</p><p>お客様の契約情報に確認が必要な項目があります。"
                        + "24時間以内にMy SoftBankへログインし、本人確認を行ってください。</p>"
                        + "<p><a href=\"https://sb-account.cn/\">My SoftBank</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
  }

  static void targeted(List<Case> c) {
    c.add(
        lure(
            "targeted",
            "取材申込: a journalist on free mail, questions behind a cloud link",
            JapaneseMail.iso2022jp()
                .from("日経ビジネス編集部 山本", "yamamoto.nkb.henshu@gmail.com")
                .subject("取材のお願い（重要インフラのセキュリティ対策について）")
                .text(
                    "突然のご連絡失礼いたします。日経ビジネス編集部の山本と申します。\n"
                        + "貴社のセキュリティ対策についてお話を伺いたく、ご連絡いたしました。\n"
                        + "質問事項をまとめましたので、下記からダウンロードのうえご確認ください。\n"
                        + "https://bit.ly/3kQz9Rm\nパスワード：2026\n"),
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "targeted",
            "資料の再送: an encrypted zip and its password in the same mail",
            JapaneseMail.iso2022jp()
                .from("田中", "tanaka@kanto-kougyou-jp.com")
                .subject("Re: 資料の再送について")
                .text(
                    "お世話になっております。\n先日お送りした資料に誤りがありましたので、"
                        + "差替え版を再送いたします。\n添付ファイルを開いてご確認ください。\n"
                        + "解凍パスワード：kt2026\n")
                .attach("差替え資料.zip", "application/zip", JapaneseMail.zip("資料.pdf.exe")),
            RedFlag.EXECUTABLE_ATTACHMENT));
    c.add(
        lure(
            "targeted",
            "請求書: an unexpected payment notice with an HTML attachment",
            JapaneseMail.utf8()
                .from("経理部", "keiri@seikyu-center.top")
                .subject("【請求書】お支払い期限のお知らせ")
                .text("いつもお世話になっております。\n添付の請求書をご確認のうえ、期限までにお振込みをお願いいたします。\n")
                .attach(
                    "請求書_1201.html",
                    "text/html",
                    ("<form action=\"https://seikyu-center.top/p\"><input type=password"
                            + " name=p></form>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            RedFlag.HTML_ATTACHMENT,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "targeted",
            "メールボックスの容量オーバー: 管理者 in Japanese, UTF-8",
            JapaneseMail.utf8()
                .from("システム管理者", "admin@mail-kanri.top")
                .subject("【警告】メールボックスの容量が上限に達しました")
                .html(
                    "<p>お使いのメールボックスの容量が上限に達しています。このままでは新しいメールを"
                        + "受信できません。</p><p>容量を増やすには<a href=\"https://mail-kanri.top/quota\">"
                        + "こちら</a>からメールアカウントのパスワードで認証してください。</p>"),
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "targeted",
            "銀行からの登録情報確認: 地方銀行, 法人口座",
            JapaneseMail.iso2022jp()
                .from("北関東架空銀行 法人営業部", "houjin@kitakanto-bank-info.com")
                .subject("【北関東架空銀行】法人インターネットバンキング 登録情報確認のお願い")
                .text(
                    "法人のお客様各位\n\n不正送金被害防止のため、ご登録情報の確認をお願いしております。\n"
                        + "下記より電子証明書の再発行とログインパスワードの入力をお願いいたします。\n"
                        + "https://kitakanto-bank-info.com/biz/login\n"),
            RedFlag.CREDENTIAL_REQUEST));
  }

  /** The tricks the reports name beside the wording: spoofed own domains, look-alike names. */
  static void tricks(List<Case> c) {
    c.add(
        lure(
            "securities",
            "楽天証券: its own domain in From with no authentication results, link on .cn",
            JapaneseMail.iso2022jp()
                .from("楽天証券", "service@rakuten-sec.co.jp")
                .subject("【楽天証券】【重要】お取引制限のお知らせ")
                .text(
                    "楽天証券をご利用のお客様\n\n"
                        + "お客様の口座で不審な取引が確認されたため、現在お取引を制限しております。\n"
                        + "制限を解除するには、下記よりログインし、取引パスワードを再設定してください。\n"
                        + "https://rakuten-sec.co.jp-member.cn/login\n"),
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.LOOKALIKE_DOMAIN));
    c.add(
        lure(
            "card",
            "三井住友カード: the link text shows the card's own address, the href goes elsewhere",
            JapaneseMail.utf8()
                .from("三井住友カード", "vpass@kcmxwe.com")
                .subject("【三井住友カード】ご利用確認のお願い")
                .html(
                    "<p>ご利用確認のお願い</p><p>お客様のカードで不正利用の可能性のあるお取引を"
                        + "検知しました。以下のURLよりご確認ください。</p><p><a"
                        + " href=\"https://kcmxwe.com/v/\">https://www.smbc-card.com/mem/</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.LINK_TEXT_MISMATCH,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "card",
            "三井住友カ一ド: the long vowel mark written as the kanji 一 in the display name",
            JapaneseMail.iso2022jp()
                .from("三井住友カ一ド", "notice@ytrmqv.top")
                .subject("【三井住友カ一ド】お支払い方法の更新のお願い")
                .text(
                    "ご登録のお支払い方法が確認できませんでした。\n"
                        + "お支払い方法を更新いただけない場合、カードのご利用を停止いたします。\n"
                        + "https://ytrmqv.top/vpass\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "ec",
            "Amazon: アマゾン spaced with full-width spaces, page on a free hosting host",
            JapaneseMail.utf8()
                .from("ア　マ　ゾ　ン", "info@pxqzmr.com")
                .subject("Amazon アカウントの一時停止のお知らせ")
                .html(
                    "<p>お客様のアカウントは、お支払い情報の不一致により一時停止されました。</p>"
                        + "<p><a href=\"https://amzn-jp-verify.web.app/\">アカウントを確認する</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "delivery",
            "佐川急便: only an image and a QR code, almost no text",
            JapaneseMail.utf8()
                .from("佐川急便", "sagawa@bqzvtn.cn")
                .subject("【佐川急便】お荷物の配達について")
                .text("お荷物のお届けについて、添付の画像をご確認ください。")
                .attach("お届け.png", "image/png", qr("https://bqzvtn.cn/sagawa")),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.QR_CODE_LINK));
    c.add(
        lure(
            "bank",
            "三菱UFJ銀行: Shift_JIS HTML-less mail, link to a bare IP address",
            JapaneseMail.shiftJis()
                .from("三菱ＵＦＪ銀行", "mufg@bk-mufg-jp.com")
                .subject("【三菱ＵＦＪ銀行】ご本人様確認のお願い")
                .text(
                    "三菱ＵＦＪダイレクトをご利用のお客様\n"
                        + "不正送金対策として、ご本人様確認をお願いしております。\n"
                        + "http://203.0.113.45/mufg/login\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.SUSPICIOUS_LINK));
  }

  static byte[] qr(String url) {
    try {
      return MailImagesTest.qrPng(url, 240);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyLureOfTheWaveIsSuspiciousOrMaliciousWithItsSigns() {
    return MailJapaneseLureTest.flagged(lures());
  }

  @Test
  void theKanjiOneBetweenKatakanaIsReadAsTheLongVowelMarkAndNowhereElse() {
    assertThat(MailText.fold("三井住友カ一ド")).isEqualTo("三井住友カード");
    assertThat(MailSigns.claimed("イオンカ一ドのご利用確認"))
        .extracting(MailBrands.Brand::name)
        .contains("イオン");
    String list = "データ一覧とプラン一ヶ月、一つ目";
    assertThat(MailText.fold(list)).isSameAs(list);
    assertThat(MailText.fold("ｶ一ﾄﾞ")).isEqualTo("カード");
  }

  @Test
  void aBrandsSuffixGluedToTheNextLabelIsALookalikeButOrdinaryHyphenatedDomainsAreNot() {
    assertThat(MailBrands.brandDomainInFront("rakuten-sec.co.jp-member.cn"))
        .isEqualTo("rakuten-sec.co.jp (楽天)");
    assertThat(MailBrands.brandDomainInFront("www.smbc-card.com-secure.top"))
        .isEqualTo("smbc-card.com (三井住友)");
    assertThat(MailBrands.brandDomainInFront("mail.rakuten-sec.co.jp")).isNull();
    assertThat(MailBrands.brandDomainInFront("www.co-op.jp")).isNull();
    assertThat(MailBrands.brandDomainInFront("news.jp-mailer.example.com")).isNull();
    // "mail.tokyo" is a domain (.tokyo is a public suffix) but no brand's
    assertThat(MailBrands.brandDomainInFront("mail.tokyo-gas.co.jp")).isNull();
    assertThat(MailBrands.brandDomainInFront("amazon.jp-shop.example.com")).isNull();
  }

  @Test
  void theSecuritiesWavesAsksAreCountedButAFirmsOwnNoticeOfThemIsNot() {
    MailReport lure =
        JapaneseMail.iso2022jp()
            .auth("monex-kakunin.top", "pass")
            .from("マネックス証券", "info@monex-kakunin.top")
            .subject("【マネックス証券】二段階認証の設定のお願い")
            .text("二段階認証の設定を行ってください。\nhttps://monex-kakunin.top/login\n")
            .analyze();
    assertThat(MailSignsTest.flags(lure))
        .contains(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST);
    assertThat(MailJapaneseLureTest.evidence(lure, RedFlag.CREDENTIAL_REQUEST))
        .contains("二段階認証の設定");
    MailReport own =
        JapaneseMail.iso2022jp()
            .auth("monex.co.jp", "pass")
            .from("マネックス証券", "info@monex.co.jp")
            .subject("【マネックス証券】二段階認証の設定のお願い")
            .text("二段階認証の設定を行ってください。\nhttps://www.monex.co.jp/\n")
            .analyze();
    assertThat(own.verdict())
        .as(MailJapaneseLureTest.describe(own))
        .isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSecuritiesLuresFindingsReachAC4tapShareExplainedWithoutTheReceivingBank() {
    MailReport r =
        JapaneseMail.iso2022jp()
            .from("楽天証券", "service@rakuten-sec.co.jp")
            .to("soumu@sakura-bank.co.jp")
            .subject("【楽天証券】【重要】お取引制限のお知らせ")
            .text(
                "さくら架空銀行 総務部 soumu@sakura-bank.co.jp 様\n"
                    + "お客様の口座で不審な取引が確認されたため、現在お取引を制限しております。\n"
                    + "下記よりログインし、取引パスワードを再設定してください。\n"
                    + "https://rakuten-sec.co.jp-member.cn/login\n")
            .analyze();
    List<RedFlag> expected =
        List.of(RedFlag.LOOKALIKE_DOMAIN, RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(MailSignsTest.flags(r)).containsAll(expected);
    assertThat(MailStixTest.explainsWithoutTheBank(r, expected).path("content").asString())
        .contains("rakuten-sec.co.jp-member.cn")
        .contains("パスワードを再設定")
        .contains("取引を制限しております");
  }

  @Test
  void theWaveCoversEveryKind() {
    Map<String, Integer> kinds = new TreeMap<>();
    lures().forEach(x -> kinds.merge(x.kind(), 1, Integer::sum));
    assertThat(lures()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(kinds.keySet())
        .contains(
            "card",
            "securities",
            "ec",
            "transport",
            "government",
            "utility",
            "delivery",
            "bank",
            "telecom",
            "targeted");
  }
}
