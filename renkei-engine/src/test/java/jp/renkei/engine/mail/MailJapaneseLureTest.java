package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Japanese phishing as it arrives in Japan (card companies, banks, shops and carriers, transport
 * and utilities, government, telecoms, global brands in Japanese, and IPA's targeted-mail themes),
 * and Japanese legitimate mail that looks like it (issue 19, mail14). Every message is hand-written
 * for this test after the themes and wording patterns that JC3, the Council of Anti-Phishing Japan
 * and IPA describe, in the encodings Japanese mail really comes in: ISO-2022-JP and Shift_JIS
 * bodies, encoded-word subjects and names, UTF-8 HTML, full-width letters and digits.
 */
class MailJapaneseLureTest {

  /** A message, what it is, and the signs a Japanese analyst would expect to see named. */
  record Case(String kind, String name, JapaneseMail mail, List<RedFlag> expected) {}

  /** A lure: it must not be clean, and must carry at least the {@code expected} signs. */
  static Case lure(String kind, String name, JapaneseMail mail, RedFlag... expected) {
    return new Case(kind, name, mail, List.of(expected));
  }

  /** Legitimate mail of the same kind: it must stay clean. */
  static Case ok(String kind, String name, JapaneseMail mail) {
    return new Case(kind, name, mail, List.of());
  }

  static final String BANK = "example-corp.co.jp";

  static List<Case> lures() {
    List<Case> c = new ArrayList<>();
    // ---- card companies ---------------------------------------------------------------------
    c.add(
        lure(
            "card",
            "三井住友カード: spoofed own domain, DMARC fails, link on .top",
            JapaneseMail.iso2022jp()
                .auth("vpass.ne.jp", "fail")
                .from("三井住友カード", "info@vpass.ne.jp")
                .subject("【重要】三井住友カード ご利用確認のお願い")
                .text(
                    "三井住友カードをご利用いただき、誠にありがとうございます。\n\n"
                        + "お客様のカードにおいて、第三者による不正利用の可能性があるお取引を検知いたしました。\n"
                        + "ご利用確認のため、24時間以内に下記ＵＲＬよりご本人様の確認をお願いいたします。\n"
                        + "ご確認いただけない場合、カードのご利用を一時的に制限させていただきます。\n\n"
                        + "https://vpass-smbc.jp-card-login.top/member/verify\n\n"
                        + "三井住友カード株式会社"),
            RedFlag.AUTHENTICATION_FAILED,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "card",
            "JCB: display name JCBカード on a .cn sender, Shift_JIS body",
            JapaneseMail.shiftJis()
                .from("JCBカード", "member@kqzxt-mail.cn")
                .subject("【JCB】カードご利用停止のお知らせ")
                .text(
                    "MyJCBご登録のお客様\n\n"
                        + "平素はJCBカードをご利用いただき誠にありがとうございます。\n"
                        + "ご登録のお支払い方法に問題が発生したため、現在カードのご利用を停止しております。\n"
                        + "お手数ですが、以下よりお支払い方法の更新をお願いいたします。\n"
                        + "本メール受信後、３日以内にお手続きがない場合は、カードが無効となります。\n\n"
                        + "▼お支払い方法の更新\nhttps://myjcb-update.xyz/renew\n\n"
                        + "株式会社ジェーシービー"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "card",
            "三菱UFJニコス: MUFGカード in the name, HTML button to another domain",
            JapaneseMail.utf8()
                .from("MUFGカード", "support@nicos-mufg-info.top")
                .subject("【緊急】MUFGカード 不正利用の疑いがあるお取引について")
                .text("MUFGカードをご利用のお客様\n不正利用の疑いがあるお取引がありました。" + "下記ボタンより本人確認をお願いします。")
                .html(
                    "<p>MUFGカードをご利用のお客様</p><p>三菱ＵＦＪニコスでは、お客様のカードにおいて"
                        + "不正利用の疑いがあるお取引を確認しました。お客様の安全のため、カードのご利用を"
                        + "一部制限しております。</p><p><a href=\"https://mufg-card.secure-check.cn/login\">"
                        + "本人確認はこちら</a></p><p>三菱UFJニコス株式会社</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "card",
            "セゾン: Netアンサー, password and card number on a look-alike",
            JapaneseMail.iso2022jp()
                .from("セゾンNetアンサー", "netanswer@saison-card.co-jp.icu")
                .subject("【セゾンカード】お支払い方法の更新のお願い")
                .text(
                    "いつもセゾンカードをご利用いただきありがとうございます。\n"
                        + "Netアンサーにご登録のお支払い口座の確認ができませんでした。\n"
                        + "お手数ですが、本日中にNetアンサーへログインのうえ、登録情報を更新してください。\n"
                        + "更新いただけない場合、ご利用を制限させていただきます。\n"
                        + "https://saison-card.co-jp.icu/netanswer/login\n\n株式会社クレディセゾン"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "card",
            "イオンカード: 暮らしのマネーサイト, random-label domain",
            JapaneseMail.utf8()
                .from("イオンカード", "aeon@ixnmvqpt.com")
                .subject("【イオンカード】ご利用確認のお願い")
                .html(
                    "<p>イオンカードをご利用いただきありがとうございます。</p><p>お客様のカードご利用内容について、"
                        + "ご本人様のご利用かどうかを確認させていただきたいお取引がございました。</p>"
                        + "<p>暮らしのマネーサイトにログインし、ご利用内容のご確認をお願いいたします。</p>"
                        + "<p><a href=\"https://wkpzqe.xyz/aeon/\">暮らしのマネーサイトへ</a></p>"
                        + "<p>イオンフィナンシャルサービス株式会社</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "card",
            "エポス: full-width letters and digits in the text",
            JapaneseMail.iso2022jp()
                .from("エポスカード", "info@epos-net-card.shop")
                .subject("【エポスカード】重要なお知らせ")
                .text(
                    "エポスカード会員様\n\nエポスＮｅｔのご登録情報に不備がありました。\n"
                        + "２４時間以内に下記ＵＲＬより登録情報の確認をお願いいたします。\n"
                        + "確認がとれない場合はカードのご利用を停止いたします。\n"
                        + "https://eposcard.member-epos.shop/login\n"
                        + "お問い合わせ：０１２０－３３０－７７７"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "card",
            "楽天カード: its own domain spoofed, DMARC fails",
            JapaneseMail.utf8()
                .auth("mail.rakuten-card.co.jp", "fail")
                .from("楽天カード株式会社", "info@mail.rakuten-card.co.jp")
                .subject("【楽天カード】お客様のカードご利用に関する重要なお知らせ")
                .html(
                    "<p>楽天カードをご利用いただきありがとうございます。</p><p>お客様のアカウントに不正なログインが"
                        + "確認されたため、アカウントを一時停止しております。以下より本人確認をお願いいたします。</p>"
                        + "<p><a href=\"https://rakuten-card.co.jp.e-navi-login.top/\">楽天e-NAVIにログイン</a></p>"),
            RedFlag.AUTHENTICATION_FAILED,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.LOOKALIKE_DOMAIN));
    // ---- banks --------------------------------------------------------------------------------
    c.add(
        lure(
            "bank",
            "三菱UFJ銀行: 取引目的の確認, restriction threatened",
            JapaneseMail.iso2022jp()
                .from("三菱UFJ銀行", "info@mufg-kakunin.com")
                .subject("【三菱UFJ銀行】お取引目的等のご確認のお願い")
                .text(
                    "いつも三菱UFJ銀行をご利用いただき、ありがとうございます。\n"
                        + "当行では、犯罪収益移転防止法に基づき、お客様の取引目的等の確認を行っております。\n"
                        + "期限までにご回答がない場合、口座のお取引を制限させていただきます。\n"
                        + "▼ご回答はこちら\nhttps://mufg-kakunin.com/answer\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.URGENCY));
    c.add(
        lure(
            "bank",
            "三井住友銀行: SMBCダイレクト, ワンタイムパスワード asked",
            JapaneseMail.utf8()
                .from("SMBC", "direct@smbc-direct.help")
                .subject("【三井住友銀行】お客様情報の確認")
                .html(
                    "<p>三井住友銀行をご利用のお客様へ</p><p>SMBCダイレクトのセキュリティ強化のため、お客様情報の"
                        + "ご確認をお願いしております。ログインの上、ワンタイムパスワードを入力してください。</p>"
                        + "<p><a href=\"https://smbc-direct.help/login\">SMBCダイレクトにログイン</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "bank",
            "みずほ銀行: 本人確認 on a freshly made domain",
            JapaneseMail.shiftJis()
                .from("みずほ銀行", "mizuho@bank-notice.top")
                .subject("【みずほ銀行】本人確認のお願い")
                .text(
                    "みずほダイレクトをご利用のお客様\n\n"
                        + "お客様の口座が第三者に不正利用されている可能性があるため、お取引を一時的に制限しております。\n"
                        + "以下のＵＲＬにアクセスし、本人確認を完了してください。\n"
                        + "https://mizuho-direct.bank-notice.top/\n\n株式会社みずほ銀行"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "bank",
            "りそな銀行: マイゲート, restriction in 48 hours",
            JapaneseMail.iso2022jp()
                .from("りそな銀行", "resona@rsn-mygate.xyz")
                .subject("【りそな銀行】マイゲートのご利用制限について")
                .text(
                    "りそなグループをご利用いただきありがとうございます。\n"
                        + "お客様のマイゲートに異常なログインがありました。\n"
                        + "48時間以内にお客様情報の再登録をお願いいたします。\n"
                        + "https://rsn-mygate.xyz/resona/login\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.URGENCY));
    c.add(
        lure(
            "bank",
            "ゆうちょ銀行: ゆうちょダイレクト停止",
            JapaneseMail.utf8()
                .from("ゆうちょ銀行", "yucho@jp-direct-bank.com")
                .subject("【ゆうちょ銀行】ゆうちょダイレクト ご利用停止のお知らせ")
                .html(
                    "<p>ゆうちょダイレクトをご利用のお客様</p><p>お客様の登録情報の確認が取れていないため、"
                        + "ゆうちょダイレクトのご利用を停止いたしました。再開をご希望の方は、登録情報の更新を"
                        + "お願いいたします。</p><p><a href=\"https://yuchodirect.jp-direct-bank.com/\">"
                        + "登録情報の更新</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    // ---- shops and carriers -------------------------------------------------------------------
    c.add(
        lure(
            "ec",
            "Amazon.co.jp on a foreign sender: account on hold",
            JapaneseMail.utf8()
                .from("Amazon.co.jp", "account-update@kvbxz.xyz")
                .subject("Amazon.co.jp にご登録のアカウント（名前、パスワード、その他個人情報）の確認")
                .html(
                    "<p>Amazonをご利用いただきありがとうございます。</p><p>お客様のアカウントで、お支払い方法の"
                        + "情報に問題が見つかりました。アカウントを一時保留にしております。24時間以内に"
                        + "お支払い方法を更新してください。</p><p><a href=\"https://amazon.co.jp.kvbxz.xyz/ap/signin\">"
                        + "アカウントを確認する</a></p><p>Amazon.co.jp カスタマーサービス</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY,
            RedFlag.LOOKALIKE_DOMAIN));
    c.add(
        lure(
            "ec",
            "楽天市場: order held, card details asked",
            JapaneseMail.iso2022jp()
                .from("楽天市場", "order@rakuten-ichiba-info.cn")
                .subject("【楽天市場】ご注文の確認（お支払い方法に問題があります）")
                .text(
                    "楽天会員様\n\nご注文いただいた商品のお支払いが確認できませんでした。\n"
                        + "ご注文を保留しております。楽天会員情報にログインして、お支払い情報を更新してください。\n"
                        + "https://rakuten-ichiba-info.cn/member\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "ec",
            "メルカリ: 事務局 asking for 本人確認",
            JapaneseMail.utf8()
                .from("メルカリ事務局", "no-reply@mercari-jp.top")
                .subject("【メルカリ】本人確認のお願い")
                .html(
                    "<p>いつもメルカリをご利用いただきありがとうございます。</p><p>お客様のアカウントで不審な"
                        + "ログインを検出しました。本人確認が完了するまで、売上金の振込申請を停止しています。</p>"
                        + "<p><a href=\"https://mercari-jp.top/verify\">本人確認をする</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "delivery",
            "ヤマト運輸: 不在 notice, ISO-2022-JP",
            JapaneseMail.iso2022jp()
                .from("ヤマト運輸", "kuroneko@yamato-nimotsu.xyz")
                .subject("お荷物お届けのお知らせ")
                .text(
                    "お客様宛にお荷物のお届けにあがりましたが、ご不在のため持ち帰りました。\n"
                        + "下記よりお届け日時のご指定をお願いいたします。\n"
                        + "保管期限を過ぎますと、お荷物は差出人へ返送されます。\n"
                        + "http://yamato-nimotsu.xyz/re/\n\nヤマト運輸株式会社"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "delivery",
            "佐川急便: 住所不備, Shift_JIS 8bit",
            JapaneseMail.shiftJis()
                .eightBit()
                .from("佐川急便株式会社", "info@sgw-delivery.cn")
                .subject("【佐川急便】お届け先住所の確認のお願い")
                .text(
                    "お客様のお荷物について、住所に不備があるため配達ができませんでした。\n"
                        + "再配達をご希望の方は、以下より住所の確認と再配達手数料のお支払いをお願いします。\n"
                        + "https://sagawa.sgw-delivery.cn/redelivery\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "delivery",
            "日本郵便: 関税 to pay, from a free mail address",
            JapaneseMail.utf8()
                .from("日本郵便", "japanpost.notice2026@outlook.com")
                .subject("【日本郵便】お荷物の配達について（関税のお支払い）")
                .html(
                    "<p>お客様宛の国際郵便物は、関税のお支払いが確認できないため、配達を保留しております。</p>"
                        + "<p>本日中にお支払いいただけない場合、お荷物は返送されます。</p>"
                        + "<p><a href=\"https://jp-post-tax.top/pay\">お支払い手続きへ</a></p>"),
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    // ---- transport and utilities -------------------------------------------------------------
    c.add(
        lure(
            "transport",
            "えきねっと: 自動退会, ISO-2022-JP",
            JapaneseMail.iso2022jp()
                .from("えきねっと", "info@eki-net-jr.top")
                .subject("【えきねっと】自動退会処理のお知らせ")
                .text(
                    "えきねっとをご利用いただき、ありがとうございます。\n"
                        + "お客様のアカウントは、ご登録のクレジットカード情報の有効期限が切れているため、"
                        + "まもなく自動退会となります。\n引き続きご利用の場合は、ログインして会員情報を更新してください。\n"
                        + "https://eki-net-jr.top/login\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "transport",
            "ETC利用照会サービス: service invalidated",
            JapaneseMail.utf8()
                .from("ETC利用照会サービス", "etc@etc-meisai-info.com")
                .subject("【ETC利用照会サービス】ETCサービスは無効になりました")
                .html(
                    "<p>ETC利用照会サービスをご利用いただきありがとうございます。</p><p>ご登録のETCカードの"
                        + "有効期限が切れているため、ETCサービスは無効になりました。引き続きご利用いただくには、"
                        + "以下のリンクからログインし、情報を更新してください。</p>"
                        + "<p><a href=\"https://etc-meisai-info.com/login\">ログインして更新する</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "utility",
            "東京電力: 未払い, supply to be stopped",
            JapaneseMail.iso2022jp()
                .from("東京電力エナジーパートナー", "kenshin@tepco-ryokin.top")
                .subject("【東京電力】電気料金のお支払いについて（重要）")
                .text(
                    "東京電力エナジーパートナーをご利用いただき、ありがとうございます。\n"
                        + "今月分の電気料金のお支払いが確認できておりません。\n"
                        + "本日中にお支払いがない場合、電気の供給を停止いたします。\n"
                        + "お支払いはこちら: https://tepco-ryokin.top/pay\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    c.add(
        lure(
            "utility",
            "NHK: 受信料の未払い",
            JapaneseMail.utf8()
                .from("NHK", "jushinryo@nhk-support.xyz")
                .subject("【NHK】受信料のお支払い状況のご確認")
                .html(
                    "<p>NHKをご覧いただきありがとうございます。</p><p>受信料のお支払いが確認できておりません。"
                        + "未払いの状態が続きますと、法的手続きに移行する場合がございます。</p>"
                        + "<p><a href=\"https://nhk-support.xyz/pay\">お支払い手続き</a></p><p>日本放送協会</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    // ---- government ---------------------------------------------------------------------------
    c.add(
        lure(
            "government",
            "国税庁 / e-Tax: 未納, 差押え threatened",
            JapaneseMail.iso2022jp()
                .from("e-Tax", "nta@uqtvmz.cn")
                .subject("税務署からのお知らせ【未納税金の差押えに関する最終通知】")
                .text(
                    "e-Taxをご利用いただきありがとうございます。\n"
                        + "あなたの所得税について、納付期限を過ぎても納付が確認できておりません。\n"
                        + "最終期限までに納付がない場合、給与や預金等の財産の差押えを行います。\n"
                        + "・滞納金合計：４２，０００円\n・最終期限：本日\n"
                        + "お支払いへ https://nta-go-jp.uqtvmz.cn/pay\n\n"
                        + "発行元：国税庁 Copyright (C) NATIONAL TAX AGENCY All Rights Reserved."),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE,
            RedFlag.URGENCY));
    c.add(
        lure(
            "government",
            "マイナポイント: deadline and card details",
            JapaneseMail.utf8()
                .from("マイナポータル", "info@mynaportal-point.top")
                .subject("【マイナポータル】マイナポイント付与手続きの期限が迫っています")
                .html(
                    "<p>マイナンバーカードをお持ちの方へ</p><p>マイナポイント（最大20,000円分）の申込期限が"
                        + "迫っています。期限内にお手続きいただけない場合、ポイントは失効いたします。</p>"
                        + "<p><a href=\"https://mynaportal-point.top/apply\">ポイントを受け取る</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.URGENCY));
    c.add(
        lure(
            "government",
            "警視庁を名乗る: 出頭 and arrest threatened",
            JapaneseMail.iso2022jp()
                .from("警視庁 サイバー犯罪対策課", "keishicho.cyber@gmail.com")
                .subject("【警視庁】あなたの口座が犯罪に利用されています")
                .text(
                    "あなたの名義の口座がマネーロンダリング事件に関与している疑いがあります。\n"
                        + "捜査に協力いただけない場合、逮捕状が発行されます。\n"
                        + "至急、下記の担当者に連絡し、本人確認を行ってください。\n"
                        + "https://keishicho-soudan.top/\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
            RedFlag.URGENCY));
    // ---- telecoms -----------------------------------------------------------------------------
    c.add(
        lure(
            "telecom",
            "au: au ID restricted",
            JapaneseMail.shiftJis()
                .from("au お客さまサポート", "support@au-id-kddi.top")
                .subject("【au】au IDのご利用制限のお知らせ")
                .text(
                    "いつもauをご利用いただきありがとうございます。\n"
                        + "お客様のau IDに対し、第三者による不正アクセスが確認されたため、ご利用を制限しております。\n"
                        + "以下より本人確認を行ってください。\nhttps://au-id-kddi.top/login\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "telecom",
            "docomo: dアカウント locked",
            JapaneseMail.utf8()
                .from("NTTドコモ", "info@d-account-docomo.cn")
                .subject("【ドコモ】dアカウントがロックされました")
                .html(
                    "<p>dアカウントをご利用のお客様</p><p>セキュリティ上の理由により、お客様のdアカウントを"
                        + "ロックしました。48時間以内に本人確認を行ってください。</p>"
                        + "<p><a href=\"https://d-account-docomo.cn/unlock\">ロックを解除する</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "telecom",
            "SoftBank: 料金未払い, supply stopped",
            JapaneseMail.iso2022jp()
                .from("SoftBank", "billing@my-sb-ryokin.xyz")
                .subject("【SoftBank】ご利用料金のお支払いについて")
                .text(
                    "ソフトバンクをご利用いただきありがとうございます。\n"
                        + "ご利用料金のお支払いが確認できません。本日中にお支払いがない場合、"
                        + "回線のご利用を停止いたします。\nMy SoftBankにログインして、お支払い方法を"
                        + "ご確認ください。\nhttps://my-sb-ryokin.xyz/\n"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    // ---- global brands in Japanese ------------------------------------------------------------
    c.add(
        lure(
            "global",
            "Apple: Apple ID locked, in Japanese",
            JapaneseMail.utf8()
                .from("Apple", "noreply@appleid-support-jp.com")
                .subject("【Apple】お客様のApple IDはロックされています")
                .html(
                    "<p>お客様のApple IDは、セキュリティ上の理由によりロックされました。</p><p>アカウントの"
                        + "ロックを解除するには、本人確認を行う必要があります。</p>"
                        + "<p><a href=\"https://appleid-support-jp.com/verify\">今すぐ確認</a></p>"
                        + "<p>Copyright © 2026 Apple Inc. All rights reserved.</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "global",
            "Microsoft: 異常なサインイン, in Japanese",
            JapaneseMail.utf8()
                .from("Microsoft アカウント チーム", "account-security@ms-signin-jp.top")
                .subject("Microsoft アカウントの異常なサインイン アクティビティ")
                .html(
                    "<p>Microsoft アカウントで異常なサインイン アクティビティが検出されました。</p>"
                        + "<p>国/地域: ロシア<br>IP アドレス: 185.220.101.4</p><p>このアクティビティに"
                        + "心当たりがない場合は、アカウントを保護するためにサインインして確認してください。</p>"
                        + "<p><a href=\"https://ms-signin-jp.top/secure\">アカウントを確認</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    // ---- IPA's targeted-mail themes (seed 003) -----------------------------------------------
    c.add(
        lure(
            "targeted",
            "取材申込: free mail, shortcut in a zip",
            JapaneseMail.iso2022jp()
                .from("週刊セキュリティ通信 編集部 佐藤", "sato.henshu.2026@gmail.com")
                .subject("取材のお願い（サイバー攻撃対策について）")
                .text(
                    "ご担当者様\n\n突然のご連絡失礼いたします。週刊セキュリティ通信編集部の佐藤と申します。\n"
                        + "貴社のサイバー攻撃対策について取材をお願いしたく、ご連絡いたしました。\n"
                        + "取材の趣旨と質問項目を添付いたしましたので、ご確認いただけますと幸いです。\n")
                .attach("取材依頼書.zip", "application/zip", JapaneseMail.zip("取材依頼書.pdf.lnk")),
            RedFlag.TARGETED_THEME,
            RedFlag.EXECUTABLE_ATTACHMENT));
    c.add(
        lure(
            "targeted",
            "履歴書: an applicant's executable",
            JapaneseMail.iso2022jp()
                .from("山田 花子", "hanako.yamada1999@yahoo.co.jp")
                .to("saiyo@example-corp.co.jp")
                .subject("応募書類（履歴書）の送付")
                .text(
                    "採用ご担当者様\n\n求人を拝見し、応募いたしました山田と申します。\n" + "履歴書と職務経歴書を添付いたします。何卒よろしくお願い申し上げます。\n")
                .attach("履歴書_山田花子.zip", "application/zip", JapaneseMail.zip("履歴書_山田花子.pdf.exe")),
            RedFlag.TARGETED_THEME,
            RedFlag.EXECUTABLE_ATTACHMENT,
            RedFlag.DOUBLE_EXTENSION));
    c.add(
        lure(
            "targeted",
            "問い合わせ: a document on a fresh domain behind a shortener",
            JapaneseMail.utf8()
                .from("株式会社ミライ商事 鈴木", "suzuki@mirai-shoji-co.xyz")
                .subject("製品に関するお問い合わせ")
                .text(
                    "お世話になっております。株式会社ミライ商事の鈴木です。\n貴社製品の導入を検討しており、"
                        + "仕様についてお問い合わせいたします。\n詳細は下記の資料をご覧ください。\n"
                        + "https://bit.ly/3mRq7Xz\n"),
            RedFlag.TARGETED_THEME,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "targeted",
            "アンケート: a survey that wants the mail password",
            JapaneseMail.iso2022jp()
                .from("情報セキュリティ推進室", "survey@sec-enquete.top")
                .subject("【至急】情報セキュリティに関するアンケートご協力のお願い")
                .text(
                    "各位\n\n情報セキュリティ対策の実態調査として、アンケートへのご協力をお願いいたします。\n"
                        + "回答にはメールアカウントでのログインが必要です。本日中にご回答ください。\n"
                        + "https://sec-enquete.top/form/login\n"),
            RedFlag.TARGETED_THEME,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "targeted",
            "人事: a look-alike of the company's own domain, macro workbook",
            JapaneseMail.iso2022jp()
                .from("人事部", "jinji@example-c0rp.co.jp")
                .subject("【人事】2027年4月1日付 人事異動の内示について")
                .text(
                    "社員各位\n\n2027年4月1日付の人事異動について、添付のとおり内示いたします。\n"
                        + "内容を確認のうえ、マクロを有効にしてご覧ください。\n人事部")
                .attach(
                    "人事異動一覧.xlsm",
                    "application/vnd.ms-excel.sheet.macroEnabled.12",
                    JapaneseMail.zip("[Content_Types].xml", "xl/vbaProject.bin")),
            RedFlag.TARGETED_THEME,
            RedFlag.EXECUTABLE_ATTACHMENT));
    c.add(
        lure(
            "targeted",
            "資料の差替え: Re: with an HTML attachment",
            JapaneseMail.utf8()
                .from("田中 一郎", "tanaka@kansai-kikaku.jp")
                .subject("Re: 資料の差し替えのお願い")
                .text("お世話になっております。先日お送りした資料に誤りがございました。\n" + "差し替え版を添付いたしますので、こちらをご確認ください。\n")
                .attach(
                    "見積書_差替え.html",
                    "text/html",
                    "<html><body><form action=\"https://kansai-kikaku.jp.doc-view.top/\">"
                        .concat("<input type=password name=p></form></body></html>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            RedFlag.HTML_ATTACHMENT,
            RedFlag.TARGETED_THEME));
    c.add(
        lure(
            "targeted",
            "メールボックスの容量オーバー: system administrator",
            JapaneseMail.iso2022jp()
                .from("システム管理者", "admin@mailbox-kanri.xyz")
                .subject("【重要】メールボックスの容量が上限に達しました")
                .text(
                    "メールボックスの容量が上限に達したため、新しいメールを受信できません。\n"
                        + "24時間以内に以下のリンクから容量の拡張を行ってください。\n"
                        + "手続きがない場合、保留中のメールは削除されます。\n"
                        + "https://mailbox-kanri.xyz/owa/login\n"),
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY));
    c.add(
        lure(
            "targeted",
            "銀行からの登録情報確認: a regional bank's name",
            JapaneseMail.shiftJis()
                .from("さくら信用金庫", "info@sakura-shinkin-kakunin.com")
                .subject("【重要】登録情報確認のお願い")
                .text(
                    "平素より当金庫をご利用いただきありがとうございます。\n"
                        + "お客様の登録情報の確認をお願いしております。\n"
                        + "下記ＵＲＬよりインターネットバンキングにログインし、登録情報をご確認ください。\n"
                        + "https://sakura-shinkin-kakunin.com/ib/login\n"),
            RedFlag.CREDENTIAL_REQUEST));
    return c;
  }

  /** With -Dmail.ja.print=FILE, each message's verdict and signs are appended to FILE. */
  static void print(Case c, MailReport r) {
    String file = System.getProperty("mail.ja.print");
    if (file == null) {
      return;
    }
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(file),
          c.kind() + "\t" + c.name() + "\t" + describe(r) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String describe(MailReport r) {
    return r.verdict() + " " + r.score() + " " + r.findings();
  }

  /**
   * One test per lure: it must be SUSPICIOUS or MALICIOUS with at least its expected signs (each
   * message's verdict and signs printed with -Dmail.ja.print=FILE).
   */
  static Stream<DynamicTest> flagged(List<Case> lures) {
    return lures.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.kind() + ": " + c.name(),
                    () -> {
                      MailReport r = c.mail().analyze();
                      print(c, r);
                      assertThat(r.verdict())
                          .as(describe(r))
                          .isNotEqualTo(MailReport.Verdict.CLEAN);
                      assertThat(MailSignsTest.flags(r)).as(describe(r)).containsAll(c.expected());
                    }));
  }

  /** One test per legitimate message: it must stay CLEAN. */
  static Stream<DynamicTest> clean(List<Case> legitimate) {
    return legitimate.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.kind() + ": " + c.name(),
                    () -> {
                      MailReport r = c.mail().analyze();
                      print(c, r);
                      assertThat(r.verdict()).as(describe(r)).isEqualTo(MailReport.Verdict.CLEAN);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyJapaneseLureIsSuspiciousOrMaliciousWithTheSignsAnAnalystExpects() {
    return flagged(lures());
  }

  @Test
  void latinBrandNamesNextToJapaneseAreClaimsAndWordBoundariesStayAsciiElsewhere() {
    // Java's \\b takes kana and kanji for word characters: "\\bjcb\\b" missed "jcbカード"
    assertThat(MailSigns.claimed("JCBカード")).extracting(MailBrands.Brand::name).contains("JCB");
    assertThat(MailSigns.claimed("MUFGカード")).extracting(MailBrands.Brand::name).contains("三菱UFJ");
    assertThat(MailSigns.claimed("【NHK】受信料")).extracting(MailBrands.Brand::name).contains("NHK");
    assertThat(MailSigns.claimed("au IDのご利用制限"))
        .extracting(MailBrands.Brand::name)
        .contains("au / KDDI");
    // still whole words among Latin letters and digits
    assertThat(MailSigns.claimed("jcbx nhk2 sups")).isEmpty();
    assertThat(MailSigns.claimed("aux idées")).isEmpty();
    assertThat(MailBrands.asciiBoundaries("\\bups\\b|\\b(?:a|b)\\.c\\b"))
        .isEqualTo("(?<![a-z0-9_])ups(?![a-z0-9_])|(?<![a-z0-9_])(?:a|b)\\.c(?![a-z0-9_])");
  }

  @Test
  void fullWidthAndHalfWidthFormsAreReadAsTheirOrdinaryLetters() {
    assertThat(MailSigns.claimed("ＪＣＢカード")).extracting(MailBrands.Brand::name).contains("JCB");
    assertThat(MailSigns.claimed("ｱﾏｿﾞﾝ")).extracting(MailBrands.Brand::name).contains("Amazon");
    assertThat(MailText.fold("２４時間以内にＵＲＬへ")).isEqualTo("24時間以内にURLへ");
    String plain = "ordinary text, 普通の文章";
    assertThat(MailText.fold(plain)).isSameAs(plain);
    MailReport epos = lures().get(5).mail().analyze();
    assertThat(evidence(epos, RedFlag.URGENCY)).contains("24時間以内");
  }

  @Test
  void aBrandsDomainInFrontOfAnotherIsALookalikeButTheBrandsOwnHostsAreNot() {
    assertThat(MailBrands.brandDomainInFront("amazon.co.jp.kvbxz.xyz"))
        .isEqualTo("amazon.co.jp (Amazon)");
    assertThat(MailBrands.brandDomainInFront("www.smbc-card.com.secure-login.top"))
        .isEqualTo("smbc-card.com (三井住友)");
    // the brand's own hosts, and its names without a public suffix, are none
    assertThat(MailBrands.brandDomainInFront("www.amazon.co.jp")).isNull();
    assertThat(MailBrands.brandDomainInFront("images-fe.ssl-images-amazon.com")).isNull();
    assertThat(MailBrands.brandDomainInFront("amazon.kvbxz.xyz")).isNull();
    assertThat(MailBrands.brandDomainInFront("paypal.com.paypal.co.uk")).isNull();
    assertThat(MailBrands.brandDomainInFront("news.example.co.jp.example-mailer.com")).isNull();
    MailReport r = lures().get(12).mail().analyze();
    assertThat(evidence(r, RedFlag.LOOKALIKE_DOMAIN))
        .contains("amazon.co.jp.kvbxz.xyz/ap/signin ≈ amazon.co.jp (Amazon)");
  }

  static String evidence(MailReport r, RedFlag f) {
    return r.findings().stream()
        .filter(x -> x.flag() == f)
        .map(MailReport.Finding::evidence)
        .toList()
        .toString();
  }

  static final String STATEMENT =
      "三井住友カードをご利用いただきありがとうございます。\n" + "ご利用代金が確定しました。ご利用明細は、Vpassにログインしてご確認ください。\n";

  @Test
  void aStatementsEverydayAskCountsWhenTheSenderIsNotTheBrandOrFailsAuthentication() {
    // a domain of the attacker's own passes DMARC and links only itself, but claims the brand
    MailReport own =
        JapaneseMail.iso2022jp()
            .auth("smbc-card-info.top", "pass")
            .from("三井住友カード", "statement@smbc-card-info.top")
            .subject("【三井住友カード】ご利用代金確定のお知らせ")
            .text(STATEMENT + "https://smbc-card-info.top/vpass/login\n")
            .analyze();
    assertThat(MailSignsTest.flags(own))
        .contains(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST);
    assertThat(evidence(own, RedFlag.CREDENTIAL_REQUEST)).contains("ログインして");
    assertThat(own.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
    // the brand's own domain, spoofed: DMARC fails
    MailReport spoofed =
        JapaneseMail.iso2022jp()
            .auth("vpass.ne.jp", "fail")
            .from("三井住友カード", "statement@vpass.ne.jp")
            .subject("【三井住友カード】ご利用代金確定のお知らせ")
            .text(STATEMENT + "https://www.smbc-card.com/mem/index.jsp\n")
            .analyze();
    assertThat(MailSignsTest.flags(spoofed))
        .contains(RedFlag.AUTHENTICATION_FAILED, RedFlag.CREDENTIAL_REQUEST);
    // the real one links its own domains and stays clean (MailJapaneseLegitimateTest); linking
    // elsewhere, it is no own notice
    MailReport elsewhere =
        JapaneseMail.iso2022jp()
            .auth("vpass.ne.jp", "pass")
            .from("三井住友カード", "statement@vpass.ne.jp")
            .subject("【三井住友カード】ご利用代金確定のお知らせ")
            .text(STATEMENT + "https://vpass-login.example-short.top/\n")
            .analyze();
    assertThat(MailSignsTest.flags(elsewhere)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(elsewhere.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPasswordResetCountsFromADomainThatClaimsABrandNotItsOwn() {
    MailReport r =
        JapaneseMail.utf8()
            .auth("amazon-account-reset.top", "pass")
            .from("Amazon.co.jp", "noreply@amazon-account-reset.top")
            .subject("【Amazon】パスワード再設定のご案内")
            .html(
                "<p>24時間以内に下記のURLからパスワードを再設定してください。</p><p><a"
                    + " href=\"https://amazon-account-reset.top/reset\">パスワードを再設定する</a></p>")
            .analyze();
    assertThat(MailSignsTest.flags(r))
        .contains(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void anAdvisoryThatLinksASignInPageOrAnUnknownDomainIsNoAdvisory() {
    String text =
        "【注意喚起】お客様のアカウントへの不正アクセスを検知しました。\n"
            + "至急ログインして本人確認を行ってください。\n"
            + "参考: https://www.jpcert.or.jp/at/2026/at260046.html\n";
    // its own sign-in page beside JPCERT/CC's advisory
    MailReport login =
        JapaneseMail.iso2022jp()
            .auth("security-center-jp.top", "pass")
            .from("セキュリティセンター", "alert@security-center-jp.top")
            .subject("【注意喚起】不正アクセスの検知")
            .text(text + "https://security-center-jp.top/account/login\n")
            .analyze();
    assertThat(MailSignsTest.flags(login)).contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(login.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // a third domain that is neither the sender's nor a public source
    MailReport third =
        JapaneseMail.iso2022jp()
            .auth("security-center-jp.top", "pass")
            .from("セキュリティセンター", "alert@security-center-jp.top")
            .subject("【注意喚起】不正アクセスの検知")
            .text(text + "https://kakunin-portal.xyz/\n")
            .analyze();
    assertThat(MailSignsTest.flags(third)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(third.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // without DMARC the same advisory text and links are read as they are
    MailReport unauthenticated =
        JapaneseMail.iso2022jp()
            .from("セキュリティセンター", "alert@security-center-jp.top")
            .subject("【注意喚起】不正アクセスの検知")
            .text(text)
            .analyze();
    assertThat(MailSignsTest.flags(unauthenticated)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aJapaneseLuresFindingsReachAC4tapShareExplainedWithoutTheReceivingBank() {
    MailReport r =
        JapaneseMail.shiftJis()
            .from("JCBカード", "member@kqzxt-mail.cn")
            .to("soumu@sakura-bank.co.jp")
            .subject("【JCB】カードご利用停止のお知らせ")
            .text(
                "さくら架空銀行 総務部 soumu@sakura-bank.co.jp 様\n"
                    + "ご登録のお支払い方法の更新をお願いいたします。３日以内にお手続きがない場合は、"
                    + "カードが無効となります。\nhttps://myjcb-update.xyz/renew\n")
            .analyze();
    List<RedFlag> expected =
        List.of(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(MailSignsTest.flags(r)).containsAll(expected);
    assertThat(MailStixTest.explainsWithoutTheBank(r, expected).path("content").asString())
        .contains("myjcb-update.xyz")
        .contains("お支払い方法の更新");
  }

  @Test
  void atLeastTwentyFiveLuresOfEveryKind() {
    Map<String, Integer> kinds = new TreeMap<>();
    lures().forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
    assertThat(lures()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(kinds.keySet())
        .contains(
            "card",
            "bank",
            "ec",
            "delivery",
            "transport",
            "utility",
            "government",
            "telecom",
            "global",
            "targeted");
  }
}
