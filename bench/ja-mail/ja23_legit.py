"""The legitimate counterparts of ja23: each brand's own notice from its own authenticated domain,
official list mail, CEPTOAR and JPCERT/CC circulars, list servers and internal mail."""
from make_ja23 import auth, received, word

ALL = []


def ok(name, **m):
    ALL.append((name, m))


D = "Tue, 17 Nov 2026 {} +0900"


def esp(helo, ip, domain, mailfrom, t, policy="REJECT"):
    return dict(received=[received(helo, helo, ip, D.format(t))],
                auth=auth("pass", mailfrom, "pass", domain, "pass", domain, policy, ip),
                dkim=domain)


def html_mail(title, rows, foot):
    body = "".join(f"<tr><td style=\"padding:6px 20px;font-size:14px\">{r}</td></tr>" for r in rows)
    return ("<html><body style=\"margin:0\"><table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">"
            "<tr><td align=\"center\"><table width=\"600\" cellpadding=\"0\" cellspacing=\"0\">"
            f"<tr><td style=\"padding:12px 20px;font-weight:bold\">{title}</td></tr>{body}"
            f"<tr><td style=\"padding:12px 20px;font-size:11px;color:#666\">{foot}</td></tr>"
            "</table></td></tr></table></body></html>")


ok("01-rakuten-order",
   cs="ISO-2022-JP",
   **esp("mta-a12.rakuten.co.jp", "133.237.16.12", "rakuten.co.jp", "bounce-order@rakuten.co.jp",
         "10:02:11"),
   **{"from": ("楽天市場", "order@rakuten.co.jp")},
   subject="【楽天市場】注文内容ご確認（自動配信メール）",
   date=D.format("10:02:10"), mid="20261117100210.ord.41125@rakuten.co.jp",
   text="山田 花子 様\n\nこの度は楽天市場をご利用いただき、誠にありがとうございます。\n"
        "下記の内容でご注文を承りましたのでご確認ください。\n\n"
        "[受注番号] 391827-20261117-0041125\n[日時] 2026-11-17 10:02:03\n"
        "[注文者] 山田 花子 様\n[支払方法] クレジットカード決済\n[配送方法] 宅配便\n\n"
        "[商品] 静岡県産 深蒸し茶 100g×3袋 2,580円 x 1個\n[合計金額] 2,580円\n\n"
        "ご注文内容の確認・キャンセルは購入履歴から行えます。\n"
        "https://order.my.rakuten.co.jp/\n\n"
        "━━━━━━━━━━━━━━━━━━\n楽天市場 https://www.rakuten.co.jp/\n楽天グループ株式会社")

ok("02-rakuten-card-use",
   **esp("mail.rakuten-card.co.jp", "133.237.40.77", "mail.rakuten-card.co.jp",
         "info@mail.rakuten-card.co.jp", "12:30:20"),
   **{"from": ("楽天カード", "info@mail.rakuten-card.co.jp")},
   subject="カード利用のお知らせ(本人ご利用分)",
   date=D.format("12:30:19"), mid="rcard.20261117123019.7721@mail.rakuten-card.co.jp",
   html=html_mail("楽天カード",
                  ["楽天カードをご利用いただきありがとうございます。", "カードのご利用がありましたのでお知らせいたします。",
                   "■利用日: 2026/11/17<br>■利用先: ラクテンイチバ<br>■利用者: 本人<br>■利用金額: 2,580 円",
                   "ご利用内容の詳細は<a href=\"https://www.rakuten-card.co.jp/e-navi/\">楽天e-NAVI</a>で"
                   "ご確認いただけます。",
                   "万一、身に覚えのないご利用の場合は、カード裏面に記載のお問い合わせ先までご連絡ください。"],
                  "楽天カード株式会社 / 本メールは送信専用です。"))

ok("03-amazon-shipped",
   received=[received("a27-30.smtp-out.us-west-2.amazonses.com", "a27-30.smtp-out.us-west-2.amazonses.com",
                      "54.240.27.30", D.format("14:11:40"))],
   auth=auth("pass", "0101019a3b.bounces@amazonses.com", "pass", "amazon.co.jp", "pass",
             "amazon.co.jp", "QUARANTINE", "54.240.27.30"),
   dkim="amazon.co.jp",
   **{"from": ("Amazon.co.jp", "shipment-tracking@amazon.co.jp")},
   subject="Amazon.co.jp: 発送済み「静岡県産 深蒸し茶...」",
   date=D.format("14:11:39"), mid="0101019a3b1f2c.amazon.co.jp@email.amazonses.com",
   html=html_mail("amazon.co.jp",
                  ["山田 花子様", "ご注文の商品を発送しましたのでお知らせします。",
                   "お届け予定: 11月18日水曜日<br>注文番号: 250-1234567-8912345",
                   "<a href=\"https://www.amazon.co.jp/gp/your-account/order-details?orderID=250-1234567-8912345\">"
                   "配送状況を確認</a>",
                   "配送業者: ヤマト運輸　お問い合わせ伝票番号: 4410-2289-0071"],
                  "このメールは配信専用のアドレスで配信されています。Amazon.co.jp"))

ok("04-amazon-payment-declined",
   received=[received("a27-11.smtp-out.us-west-2.amazonses.com", "a27-11.smtp-out.us-west-2.amazonses.com",
                      "54.240.27.11", D.format("15:20:04"))],
   auth=auth("pass", "0101019a3c.bounces@amazonses.com", "pass", "amazon.co.jp", "pass",
             "amazon.co.jp", "QUARANTINE", "54.240.27.11"),
   dkim="amazon.co.jp",
   **{"from": ("Amazon.co.jp", "payments-messages@amazon.co.jp")},
   subject="お支払い方法の更新をお願いします",
   date=D.format("15:20:03"), mid="0101019a3c88d1.payments@email.amazonses.com",
   html=html_mail("amazon.co.jp",
                  ["山田 花子様", "ご注文（注文番号: 250-7654321-0011223）のお支払いに使用されたクレジットカードが"
                   "承認されませんでした。",
                   "お支払い方法を更新していただくと、ご注文の処理を続行します。",
                   "<a href=\"https://www.amazon.co.jp/gp/css/order-history\">注文履歴</a>から該当の注文を選び、"
                   "お支払い方法を変更してください。"],
                  "Amazon.co.jp カスタマーサービス"))

ok("05-vpass-use",
   cs="ISO-2022-JP",
   **esp("mail3.vpass.ne.jp", "210.150.29.33", "vpass.ne.jp", "bounce@vpass.ne.jp", "18:44:01"),
   **{"from": ("三井住友カード", "statement@vpass.ne.jp")},
   subject="ご利用のお知らせ【三井住友カード】",
   date=D.format("18:44:00"), mid="vp20261117184400.1187@vpass.ne.jp",
   text="山田 花子 様\n\nいつも三井住友カードをご利用頂きありがとうございます。\n"
        "お客様のカードご利用内容をお知らせいたします。\n\n"
        "ご利用カード：三井住友カード\n◇利用日：2026/11/17 18:42\n◇利用先：セブン－イレブン\n"
        "◇利用取引：買物\n◇利用金額：648円\n\n"
        "ご利用明細はVpassでご確認いただけます。\nhttps://www.smbc-card.com/mem/index.jsp\n\n"
        "※本メールは送信専用アドレスから送信しています。\n三井住友カード株式会社")

ok("06-myjcb-statement",
   **esp("mta.qa.jcb.co.jp", "202.214.12.40", "qa.jcb.co.jp", "bounce@qa.jcb.co.jp", "09:05:40"),
   **{"from": ("MyJCB", "mail@qa.jcb.co.jp")},
   subject="【MyJCB】ご請求金額確定のお知らせ",
   date=D.format("09:05:39"), mid="myjcb.202611170905.44@qa.jcb.co.jp",
   html=html_mail("MyJCB",
                  ["山田 花子 様", "12月10日お支払い分のご請求金額が確定しました。",
                   "ご請求金額: 32,418円<br>お支払い日: 2026年12月10日(木)",
                   "明細は<a href=\"https://my.jcb.co.jp/Login\">MyJCB</a>でご確認ください。"],
                  "株式会社ジェーシービー / 配信停止はMyJCBのメール設定から"))

ok("07-ekinet-reservation",
   cs="ISO-2022-JP",
   **esp("mx-out1.eki-net.com", "210.171.40.5", "eki-net.com", "info@eki-net.com", "20:10:30"),
   **{"from": ("えきねっと", "info@eki-net.com")},
   subject="【えきねっと】予約内容のお知らせ",
   date=D.format("20:10:29"), mid="ekinet-rsv-20261117201029@eki-net.com",
   text="えきねっとをご利用いただきありがとうございます。\n以下の内容で予約を承りました。\n\n"
        "■乗車日：2026年12月5日\n■列車：はやぶさ 13号\n■区間：東京 → 仙台\n"
        "■座席：7号車 5番A席\n■受取方法：新幹線eチケット\n\n"
        "予約の確認・変更はこちら\nhttps://www.eki-net.com/Personal/member/wb/Login/Index\n\n"
        "東日本旅客鉄道株式会社")

ok("08-etc-meisai-registered",
   **esp("mail.etc-meisai.jp", "153.127.55.8", "etc-meisai.jp", "info@etc-meisai.jp", "11:31:12"),
   **{"from": ("ETC利用照会サービス", "info@etc-meisai.jp")},
   subject="【ETC利用照会サービス】ご利用明細確定のお知らせ",
   date=D.format("11:31:11"), mid="etcm.20261117113111@etc-meisai.jp",
   text="ETC利用照会サービスをご利用いただき、ありがとうございます。\n"
        "10月分のご利用明細が確定しました。\n以下のURLよりログインしてご確認ください。\n"
        "https://www.etc-meisai.jp/\n\n"
        "※このメールは送信専用です。\nETC利用照会サービス事務局")

ok("09-yamato-delivery-plan",
   cs="ISO-2022-JP",
   **esp("mail2.kuronekoyamato.co.jp", "202.32.12.9", "kuronekoyamato.co.jp",
         "mail@kuronekoyamato.co.jp", "07:30:02"),
   **{"from": ("ヤマト運輸", "mail@kuronekoyamato.co.jp")},
   subject="お届け予定のお知らせ",
   date=D.format("07:30:01"), mid="nm.20261117073001.441022890071@kuronekoyamato.co.jp",
   text="山田 花子様\n\nヤマト運輸です。\nお客様宛のお荷物を本日お届けする予定です。\n\n"
        "■お届け予定日時：11月17日 14時～16時\n■伝票番号：4410-2289-0071\n■ご依頼主：Amazon.co.jp\n\n"
        "お受け取り日時の変更はこちら\nhttps://member.kms.kuronekoyamato.co.jp/\n\n"
        "※本メールはクロネコメンバーズにご登録のお客様にお送りしています。")

ok("10-japanpost-eshukka",
   **esp("mx.post.japanpost.jp", "210.130.200.10", "post.japanpost.jp", "info@post.japanpost.jp",
         "16:00:05"),
   **{"from": ("日本郵便", "info@post.japanpost.jp")},
   subject="【日本郵便】お届け予定のお知らせ（ゆうパック）",
   date=D.format("16:00:04"), mid="jp.20261117160004.9912@post.japanpost.jp",
   text="ゆうパックのお届け予定をお知らせします。\n\nお問い合わせ番号：1234-5678-9012\n"
        "お届け予定日：11月18日\n\n配達状況の確認・お届け日時の変更は以下から\n"
        "https://trackings.post.japanpost.jp/services/srv/search/\n\n日本郵便株式会社")

ok("11-tepco-bill",
   **esp("mail.kurashi.tepco.co.jp", "203.180.36.5", "tepco.co.jp", "info@tepco.co.jp", "08:20:10"),
   **{"from": ("くらしTEPCO web", "kurashi-info@tepco.co.jp")},
   subject="【くらしTEPCO web】電気料金確定のお知らせ（11月分）",
   date=D.format("08:20:09"), mid="tepco.bill.202611.5512@tepco.co.jp",
   html=html_mail("くらしTEPCO web",
                  ["山田 花子 様", "11月分の電気料金が確定しました。",
                   "ご請求金額：8,214円<br>ご使用量：302kWh<br>お支払い方法：クレジットカード",
                   "詳細は<a href=\"https://www.kurashi.tepco.co.jp/\">くらしTEPCO web</a>でご確認ください。"],
                  "東京電力エナジーパートナー株式会社"))

ok("12-docomo-bill",
   cs="ISO-2022-JP",
   **esp("mwa.docomo.ne.jp", "203.138.181.10", "docomo.ne.jp", "info@docomo.ne.jp", "10:40:40"),
   **{"from": ("NTTドコモ", "info@docomo.ne.jp")},
   subject="【ドコモ】ご利用料金確定のお知らせ",
   date=D.format("10:40:39"), mid="dcm.bill.20261117104039@docomo.ne.jp",
   text="いつもドコモをご利用いただきありがとうございます。\n11月ご請求分のご利用料金が確定しました。\n\n"
        "ご請求金額：5,830円（税込）\nお支払い予定日：11月26日\n\n"
        "内訳はMy docomoでご確認いただけます。\nhttps://www.docomo.ne.jp/mydocomo/\n\n株式会社NTTドコモ")

ok("13-etax-message",
   cs="ISO-2022-JP",
   **esp("mail.e-tax.nta.go.jp", "210.150.120.2", "e-tax.nta.go.jp", "info@e-tax.nta.go.jp",
         "13:00:00"),
   **{"from": ("e-Tax", "info@e-tax.nta.go.jp")},
   subject="【e-Tax】メッセージボックスにお知らせを格納しました",
   date=D.format("12:59:59"), mid="etax.20261117125959.00122@e-tax.nta.go.jp",
   text="国税電子申告・納税システム（e-Tax）をご利用いただきありがとうございます。\n"
        "あなたのメッセージボックスに新しいお知らせを格納しました。\n"
        "e-Taxソフト（WEB版）またはマイナポータルからログインしてご確認ください。\n\n"
        "なお、e-Taxからのメールで納付を求めたり、リンク先で個人情報を入力させたりすることはありません。\n\n"
        "国税庁 https://www.e-tax.nta.go.jp/")

ok("14-mynaportal-notice",
   **esp("mail.myna.go.jp", "202.241.150.20", "myna.go.jp", "no-reply@myna.go.jp", "17:12:00"),
   **{"from": ("マイナポータル", "no-reply@myna.go.jp")},
   subject="【マイナポータル】お知らせが届いています",
   date=D.format("17:11:59"), mid="myna.20261117171159.88@myna.go.jp",
   text="マイナポータルに新しいお知らせが届いています。\n"
        "マイナポータルにログインしてご確認ください。\nhttps://myna.go.jp/\n\n"
        "※本メールは送信専用です。\nデジタル庁")

ok("15-meti-press-list",
   cs="ISO-2022-JP",
   **esp("mail.meti.go.jp", "202.214.194.10", "meti.go.jp", "meti-news@meti.go.jp", "18:30:00",
         "NONE"),
   **{"from": ("経済産業省 ニュースリリース", "meti-news@meti.go.jp")},
   subject="【経済産業省】ニュースリリース（11月17日）",
   date=D.format("18:29:59"), mid="meti-news-20261117@meti.go.jp",
   extra=["List-Unsubscribe: <https://www.meti.go.jp/mail/unsubscribe.html>",
          "Precedence: bulk"],
   text="経済産業省 ニュースリリース配信サービス\n2026年11月17日発表分\n\n"
        "■サイバーセキュリティ経営ガイドラインの改訂案に関する意見募集を開始します\n"
        "https://www.meti.go.jp/press/2026/11/20261117001/20261117001.html\n\n"
        "■「重要インフラ事業者向け制御システムセキュリティ対策」の取りまとめを公表します\n"
        "https://www.meti.go.jp/press/2026/11/20261117002/20261117002.html\n\n"
        "配信の停止・変更は以下から\nhttps://www.meti.go.jp/mail/\n\n経済産業省 大臣官房 広報室")

ok("16-ceptoar-circular",
   cs="ISO-2022-JP",
   **esp("mail.fepc.or.jp", "210.152.44.3", "fepc.or.jp", "ceptoar@fepc.or.jp", "19:05:00", "NONE"),
   **{"from": ("電力セプター事務局", "ceptoar@fepc.or.jp")},
   subject="【TLP:GREEN】【情報提供】フィッシングメールに関する注意喚起（NISCより）",
   date=D.format("19:04:58"), mid="ceptoar-2026-117@fepc.or.jp",
   text="電力セプター構成員 各位\n\n電力セプター事務局です。\n"
        "NISCより、以下のとおり情報提供がありましたので共有いたします。\n\n"
        "１．概要\n電力会社を装い、「電気料金未払いによる送電停止」等と称して、偽サイトへ誘導し\n"
        "クレジットカード情報を入力させるフィッシングメールが確認されています。\n\n"
        "２．確認された送信元ドメイン・URL（無害化済み）\n"
        "kurashi-tepco[.]net\nhxxps://kurashi-tepco[.]net/login\nkepco-hapiemiruden[.]com\n\n"
        "３．推奨対策\n・上記ドメインのメールゲートウェイ及びプロキシでの遮断\n"
        "・従業員及び顧客への注意喚起\n\n"
        "本情報の取扱いはTLP:GREENとします。\n\n電力セプター事務局（電気事業連合会）")

ok("17-jpcert-alert",
   cs="ISO-2022-JP",
   **esp("mail.jpcert.or.jp", "210.148.58.9", "jpcert.or.jp", "info@jpcert.or.jp", "11:00:00"),
   **{"from": ("JPCERT/CC", "info@jpcert.or.jp")},
   subject="JPCERT/CC 注意喚起: 複数のVPN製品の脆弱性に関する注意喚起 (公開)",
   date=D.format("10:59:59"), mid="jpcert-at-2026-0031@jpcert.or.jp",
   extra=["List-Id: <alert.jpcert.or.jp>", "Precedence: bulk"],
   text="各位\n\nJPCERT-AT-2026-0031\nJPCERT/CC\n2026-11-17\n\n"
        "複数のVPN製品の脆弱性に関する注意喚起\n\n"
        "I. 概要\n複数のVPN製品に認証回避の脆弱性があり、悪用が確認されています。\n"
        "開発者が提供する情報を確認のうえ、早急に対策を実施してください。\n\n"
        "II. 対策\n開発者が提供する修正済みバージョンへアップデートしてください。\n\n"
        "III. 参考情報\nhttps://www.jpcert.or.jp/at/2026/at260031.html\n\n"
        "本メールに関するお問い合わせ: ew-info@jpcert.or.jp")

ok("18-ipa-security-info",
   **esp("mail.ipa.go.jp", "210.128.50.21", "ipa.go.jp", "ipa-mm@ipa.go.jp", "15:00:00", "NONE"),
   **{"from": ("IPA 重要なセキュリティ情報", "ipa-mm@ipa.go.jp")},
   subject="【IPA】更新：Microsoft 製品の脆弱性対策について(2026年11月)",
   date=D.format("14:59:59"), mid="ipa-security-20261117@ipa.go.jp",
   extra=["List-Unsubscribe: <https://www.ipa.go.jp/about/mail/index.html>", "Precedence: bulk"],
   text="IPA 重要なセキュリティ情報\n\n"
        "Microsoft 製品の脆弱性対策について(2026年11月)を更新しました。\n"
        "攻撃が確認されている脆弱性が含まれるため、早急に修正プログラムを適用してください。\n"
        "https://www.ipa.go.jp/security/security-alert/2026/1112-ms.html\n\n"
        "配信停止: https://www.ipa.go.jp/about/mail/index.html\n独立行政法人情報処理推進機構（IPA）")

ok("19-mailman-ml",
   cs="ISO-2022-JP",
   received=[received("ml.example-u.ac.jp", "ml.example-u.ac.jp", "133.11.20.5", D.format("21:00:02")),
             received("mail.example-u.ac.jp", "mail.example-u.ac.jp", "133.11.20.9",
                      D.format("21:00:01"), by="ml.example-u.ac.jp")],
   auth=auth("pass", "sec-study-bounces@ml.example-u.ac.jp", "pass", "ml.example-u.ac.jp", "pass",
             "example-u.ac.jp", "NONE", "133.11.20.5"),
   dkim="ml.example-u.ac.jp",
   **{"from": ("Kenji Ito", "ito@example-u.ac.jp")},
   subject="[sec-study:01234] 次回勉強会（12月）のご案内",
   date=D.format("20:59:50"), mid="5f1e2a3b-ito@example-u.ac.jp",
   extra=["List-Id: " + word("セキュリティ勉強会", "ISO-2022-JP") + " <sec-study.ml.example-u.ac.jp>",
          "List-Unsubscribe: <https://ml.example-u.ac.jp/mailman/options/sec-study>,"
          " <mailto:sec-study-request@ml.example-u.ac.jp?subject=unsubscribe>",
          "List-Post: <mailto:sec-study@ml.example-u.ac.jp>",
          "Sender: \"sec-study\" <sec-study-bounces@ml.example-u.ac.jp>",
          "Precedence: list", "X-Mailman-Version: 2.1.39"],
   text="皆様\n\n伊藤です。次回の勉強会のご案内です。\n\n日時：12月9日（水）18:30～20:00\n"
        "場所：工学部2号館 241講義室／オンライン併用\n"
        "テーマ：フィッシングキットの解析と、メール認証（SPF/DKIM/DMARC）の実際\n\n"
        "参加を希望される方は、12月4日までに下記フォームからご登録ください。\n"
        "https://forms.example-u.ac.jp/sec-study/2026-12\n\n伊藤\n\n"
        "_______________________________________________\n"
        "sec-study mailing list\nsec-study@ml.example-u.ac.jp\n"
        "https://ml.example-u.ac.jp/mailman/listinfo/sec-study")

ok("20-google-groups",
   received=[received("mail-sor-f69.google.com", "mail-sor-f69.google.com", "209.85.220.69",
                      D.format("22:10:05"))],
   auth=auth("pass", "renkei-users+bncBC@googlegroups.com", "pass", "googlegroups.com", "pass",
             "googlegroups.com", "NONE", "209.85.220.69"),
   dkim="googlegroups.com",
   **{"from": ("'Sato Yui' via 連携ユーザー会", "renkei-users@googlegroups.com")},
   subject="[renkei-users] 年末の運用体制について",
   date=D.format("22:10:00"), mid="c1f0d2a7-88a1-4bd1-9f8f-ee6d0b1c2d3e@googlegroups.com",
   extra=["List-Id: <renkei-users.googlegroups.com>",
          "List-Unsubscribe: <mailto:renkei-users+unsubscribe@googlegroups.com>",
          "Mailing-list: list renkei-users@googlegroups.com; contact renkei-users+owners@googlegroups.com",
          "X-Original-Sender: sato.yui@example-gas.co.jp",
          "Reply-To: sato.yui@example-gas.co.jp",
          "Precedence: list"],
   text="皆さま\n\n佐藤です。年末年始（12/29～1/3）の各社の連絡体制を共有したく、\n"
        "下記のスプレッドシートに担当者と連絡先をご記入いただけますでしょうか。\n"
        "https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit\n\n"
        "よろしくお願いいたします。\n\n--\nこのメールは Google グループのグループ「連携ユーザー会」の登録者に送られています。\n"
        "このグループから退会し、グループからのメールの配信を停止するには "
        "renkei-users+unsubscribe@googlegroups.com にメールを送信してください。")

ok("21-internal-hr",
   cs="ISO-2022-JP",
   received=[received("mail.example-corp.co.jp", "mail.example-corp.co.jp", "10.1.2.3",
                      D.format("09:00:03"))],
   auth=auth("pass", "jinji@example-corp.co.jp", "pass", "example-corp.co.jp", "pass",
             "example-corp.co.jp", "REJECT", "10.1.2.3"),
   dkim="example-corp.co.jp",
   **{"from": ("人事部 人事課", "jinji@example-corp.co.jp")},
   subject="【人事部】年末調整書類の提出について（期限：12月4日）",
   date=D.format("09:00:00"), mid="jinji-20261117-nencho@example-corp.co.jp",
   text="社員各位\n\n人事部です。\n2026年分の年末調整の受付を開始しました。\n"
        "社内ポータルの年末調整システムにログインし、扶養控除等申告書および保険料控除申告書を\n"
        "12月4日（金）までに提出してください。\n\n"
        "社内ポータル：https://portal.example-corp.co.jp/nencho/\n\n"
        "ご不明な点は人事課（内線 2231）までお問い合わせください。\n\n人事部 人事課")

ok("22-colleague-resend",
   cs="ISO-2022-JP",
   received=[received("mail.example-corp.co.jp", "mail.example-corp.co.jp", "10.1.2.3",
                      D.format("13:20:03"))],
   auth=auth("pass", "kato@example-corp.co.jp", "pass", "example-corp.co.jp", "pass",
             "example-corp.co.jp", "REJECT", "10.1.2.3"),
   dkim="example-corp.co.jp",
   **{"from": ("加藤 誠", "kato@example-corp.co.jp")},
   subject="Re: 【差替え】12月度 設備点検計画（第2版）",
   date=D.format("13:20:00"), mid="TYCPR01MB8812-kato@example-corp.co.jp",
   extra=["In-Reply-To: <TYCPR01MB7711-soumu@example-corp.co.jp>",
          "References: <TYCPR01MB7711-soumu@example-corp.co.jp>"],
   text="総務部 各位\n\n設備管理課の加藤です。\n"
        "先ほどお送りした点検計画に日付の誤りがありましたので、第2版に差し替えます。\n"
        "お手数ですが、第1版は破棄をお願いします。\n\n加藤",
   attach=[("12月度設備点検計画_第2版.pdf", "application/pdf",
            b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n")])

ok("23-newspaper-interview",
   cs="ISO-2022-JP",
   **esp("mail.example-shimbun.co.jp", "202.32.90.4", "example-shimbun.co.jp",
         "kato.r@example-shimbun.co.jp", "16:40:00", "QUARANTINE"),
   **{"from": ("例示新聞 加藤涼子", "kato.r@example-shimbun.co.jp")},
   subject="取材のお願い（重要インフラのサイバー対策特集）",
   date=D.format("16:39:58"), mid="shuzai-20261117-kato@example-shimbun.co.jp",
   text="広報部 ご担当者様\n\n突然のご連絡失礼いたします。例示新聞 社会部の加藤と申します。\n"
        "12月に重要インフラのサイバー対策に関する特集を予定しており、\n"
        "貴社の取り組みについてお話を伺えないかと考えております。\n"
        "ご都合のよろしい日時を2、3候補お知らせいただけますと幸いです。\n\n"
        "例示新聞社 社会部 加藤涼子\n電話 03-1234-5678")

ok("24-doda-application",
   **esp("mail.doda.jp", "210.248.118.3", "doda.jp", "info@doda.jp", "10:15:00"),
   **{"from": ("doda", "info@doda.jp")},
   subject="【doda】求人への応募がありました",
   date=D.format("10:14:59"), mid="doda.apply.20261117101459@doda.jp",
   html=html_mail("doda",
                  ["採用ご担当者様", "貴社の求人「インフラエンジニア（セキュリティ）」に新しい応募がありました。",
                   "応募者の履歴書・職務経歴書は、採用管理画面でご確認ください。",
                   "<a href=\"https://doda.jp/biz/\">採用管理画面へ</a>"],
                  "パーソルキャリア株式会社 / 本メールは送信専用です"))

ok("25-apple-receipt",
   received=[received("rn2-txn-msbadger01102.apple.com", "rn2-txn-msbadger01102.apple.com",
                      "17.111.110.102", D.format("19:30:01"))],
   auth=auth("pass", "no_reply@email.apple.com", "pass", "email.apple.com", "pass", "email.apple.com",
             "REJECT", "17.111.110.102"),
   dkim="email.apple.com",
   **{"from": ("Apple", "no_reply@email.apple.com")},
   subject="Apple からの領収書です。",
   date=D.format("19:30:00"), mid="6b2a1c9e-receipt@email.apple.com",
   html=html_mail("Apple",
                  ["領収書", "Apple ID: yamada.h@example.jp<br>請求日: 2026/11/17<br>注文番号: MQ8X4K2Z9",
                   "iCloud+ 50GB（月額） ¥150", "合計 ¥150",
                   "<a href=\"https://support.apple.com/ja-jp/billing\">請求に関するサポート</a>"],
                  "Apple Japan合同会社"))

ok("26-microsoft-code",
   received=[received("BN8NAM12HT221.eop-nam12.prod.protection.outlook.com",
                      "mail-bn8nam12on2101.outbound.protection.outlook.com", "40.107.237.101",
                      D.format("08:05:11"))],
   auth=auth("pass", "account-security-noreply@accountprotection.microsoft.com", "pass",
             "accountprotection.microsoft.com", "pass", "accountprotection.microsoft.com",
             "REJECT", "40.107.237.101"),
   dkim="accountprotection.microsoft.com",
   **{"from": ("Microsoft アカウント チーム", "account-security-noreply@accountprotection.microsoft.com")},
   subject="Microsoft アカウントのセキュリティ コード",
   date=D.format("08:05:10"), mid="MS.SecurityCode.20261117@accountprotection.microsoft.com",
   text="Microsoft アカウント\nセキュリティ コード\n\n"
        "Microsoft アカウント ya*****@example.jp のセキュリティ コードとして次をご使用ください。\n\n"
        "セキュリティ コード: 482913\n\n"
        "このコードを要求していない場合は、このメールを無視してください。\n\n"
        "ありがとうございます。\nMicrosoft アカウント チーム")

ok("27-yucho-maintenance",
   cs="ISO-2022-JP",
   **esp("mail.jp-bank.japanpost.jp", "210.130.210.40", "jp-bank.japanpost.jp",
         "info@jp-bank.japanpost.jp", "14:00:00"),
   **{"from": ("ゆうちょ銀行", "info@jp-bank.japanpost.jp")},
   subject="【ゆうちょ銀行】システムメンテナンスに伴うサービス停止のお知らせ",
   date=D.format("13:59:59"), mid="yucho.mnt.20261117@jp-bank.japanpost.jp",
   text="ゆうちょダイレクトをご利用のお客さまへ\n\n"
        "システムメンテナンスのため、下記の日時はゆうちょダイレクトの全サービスを停止いたします。\n"
        "停止日時：2026年11月29日（日）0時00分～6時00分\n\n"
        "ゆうちょ銀行が、メールでお客さまの暗証番号やパスワードをお尋ねすることはありません。\n"
        "https://www.jp-bank.japanpost.jp/\n\n株式会社ゆうちょ銀行")

ok("28-saison-bill",
   **esp("mail.saisoncard.co.jp", "210.160.40.2", "saisoncard.co.jp", "info@saisoncard.co.jp",
         "09:30:00"),
   **{"from": ("セゾンカード", "info@saisoncard.co.jp")},
   subject="【セゾンカード】ご請求額確定のお知らせ",
   date=D.format("09:29:59"), mid="saison.bill.20261117@saisoncard.co.jp",
   html=html_mail("SAISON CARD",
                  ["山田 花子 様", "12月4日お支払い分のご請求額が確定しました。",
                   "ご請求額：15,230円",
                   "ご利用明細は<a href=\"https://www.saisoncard.co.jp/\">Netアンサー</a>でご確認ください。"],
                  "株式会社クレディセゾン"))

ok("29-sagawa-delivered",
   cs="ISO-2022-JP",
   **esp("mail.sagawa-exp.co.jp", "210.232.20.11", "sagawa-exp.co.jp", "info@sagawa-exp.co.jp",
         "15:45:00"),
   **{"from": ("佐川急便", "info@sagawa-exp.co.jp")},
   subject="【佐川急便】配達完了のお知らせ",
   date=D.format("15:44:59"), mid="sgw.dlv.20261117154459@sagawa-exp.co.jp",
   text="佐川急便をご利用いただきありがとうございます。\n"
        "お問い合せ送り状No. 3601-2288-1122 のお荷物の配達が完了しました。\n\n"
        "配達状況の詳細\nhttps://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp\n\n佐川急便株式会社")
