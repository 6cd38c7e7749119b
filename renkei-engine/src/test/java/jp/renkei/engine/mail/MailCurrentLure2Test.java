package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.lure;
import static jp.renkei.engine.mail.MailJapaneseLureTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Current phishing of kinds {@link MailCurrentLureTest} and {@link MailJapaneseLureTest} lack
 * (issue 19, mail16): the Japanese brand lures of 2025–26 in their newer dress (a payment-app
 * card's bill, a gas company's bill payable by prepaid card, points about to lapse, the
 * health-insurance card's points, an agricultural bank's net banking), IPA's themes with
 * attachments of other kinds (a password-protected archive, a disk image, a macro document), a
 * partner's documents re-sent from a look-alike of the partner's domain, a personnel-change notice
 * from a look-alike of the reader's own domain, an invoice linking a sign-in page; in English
 * Teams, Zoom and Slack notices from strangers, an e-signature request in Dropbox Sign's name, and
 * files shared through real platforms by a free-mail "department". Every message is this test's own
 * writing after public descriptions of the campaigns (their themes, not their text); every name and
 * address is made up. Legitimate mail of the same kinds, which must stay clean, is {@link
 * #legitimate()}.
 */
class MailCurrentLure2Test {

  static final String ORG = MailCurrentLureTest.ORG;

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A zip whose entry is marked encrypted (the general purpose flag), as a 7-Zip PPAP file. */
  static byte[] encryptedZip(String name) {
    byte[] z = JapaneseMail.zip(name);
    z[6] |= 1;
    return z;
  }

  static List<MailJapaneseLureTest.Case> lures() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    // ---- Japanese brands, 2025–26 -----------------------------------------------------------
    c.add(
        lure(
            "Japanese brands",
            "PayPayカード: 請求予定金額のお知らせ, a button to a fresh .top domain",
            JapaneseMail.utf8()
                .from("PayPayカード", "billing@kmvrt-notice.com")
                .subject("12月の請求予定金額のお知らせ(請求がない方にもご案内しています)")
                .html(
                    "<p>PayPayカードをご利用いただきありがとうございます。</p><p>12月のご請求予定金額が確定いたしました。"
                        + "お支払い方法に問題があるため、引き落としができない可能性があります。</p><p><a"
                        + " href=\"https://paypay-card.kmvrt-pay.top/bill\">請求金額を確認する</a></p>"
                        + "<p>PayPayカード株式会社</p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "Japanese brands",
            "au PAY: ポイントの有効期限, a shortened link",
            JapaneseMail.iso2022jp()
                .from("au PAY", "info@aupay-point-center.net")
                .subject("【au PAY】お客様のPontaポイント(3,500pt)が本日失効します")
                .text(
                    "au PAYをご利用のお客様\n\n"
                        + "お客様の保有ポイント 3,500pt の有効期限が本日までとなっております。\n"
                        + "失効を防ぐには、下記より本日中にお手続きください。\n\n"
                        + "https://bit.ly/3auPayPt\n\n"
                        + "auお客さまサポート"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "Japanese brands",
            "JAネットバンク: 取引の制限, 本人確認, no authentication results",
            JapaneseMail.shiftJis()
                .from("JAネットバンク", "support@janetbank-kakunin.com")
                .subject("【JAネットバンク】お取引の一時制限について")
                .text(
                    "JAネットバンクをご利用のお客様へ\n\n"
                        + "お客様の口座で不審なお取引が確認されたため、お取引を一時的に制限しております。\n"
                        + "制限を解除するには、下記URLよりログインのうえ、ご本人様確認をお願いいたします。\n\n"
                        + "https://www.janetbank-kakunin.com/login/\n\n"
                        + "JAバンク"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "Japanese brands",
            "東京ガス: 請求金額確定, プリペイドカードで支払い, 供給停止",
            JapaneseMail.utf8()
                .from("myTOKYOGAS", "noreply@tgas-seikyu.xyz")
                .subject("【myTOKYOGAS】ご請求料金確定のお知らせ")
                .html(
                    "<p>東京ガスをご利用いただき誠にありがとうございます。</p><p>今月のご請求金額 8,740円 の"
                        + "お支払いが確認できておりません。支払期日を過ぎるとガスの供給を停止いたします。</p>"
                        + "<p>Vプリカでのお支払いも承っております。</p><p><a"
                        + " href=\"https://tgas-seikyu.xyz/pay\">支払い情報を更新</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.URGENCY,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "Japanese brands",
            "Amazon: プライム会費のお支払いにご指定のカードが利用できません",
            JapaneseMail.utf8()
                .auth("amzn-jp-member.com", "pass")
                .from("Amazon.co.jp", "account-update@amzn-jp-member.com")
                .subject("Amazonプライム会費のお支払い方法に問題があります")
                .html(
                    "<p>Amazonプライムをご利用いただきありがとうございます。</p><p>ご登録のクレジットカードで"
                        + "プライム会費をお支払いいただけませんでした。お支払い方法の更新をお願いいたします。</p>"
                        + "<p><a href=\"https://amzn-jp-member.com/ap/signin\">お支払い方法を更新する</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "Japanese brands",
            "楽天: ポイント失効, Google's redirect to a web.app page",
            JapaneseMail.utf8()
                .from("楽天ポイント", "point@rktn-point-info.com")
                .subject("【楽天ポイント】期間限定ポイント失効のお知らせ")
                .html(
                    "<p>楽天会員様</p><p>期間限定ポイント 2,000 ポイントが明日失効します。"
                        + "ポイントを受け取るには楽天会員ログインをお願いします。</p><p><a"
                        + " href=\"https://www.google.com/url?q=https://rakuten-point-keep.web.app/login&amp;sa=D\">ポイントを受け取る</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "Japanese brands",
            "メルカリ: 売上金の受け取り, the link only in a QR code image",
            JapaneseMail.utf8()
                .from("メルカリ事務局", "no-reply@merc-sales.shop")
                .subject("【メルカリ】売上金の振込申請期限が近づいています")
                .html(
                    "<p>メルカリをご利用いただきありがとうございます。</p><p>売上金 12,300円 の振込申請期限が"
                        + "3日後に迫っています。スマートフォンで下のQRコードを読み取り、ログインしてお手続きください。</p>"
                        + "<p><img src=\"cid:qr\"></p>")
                .attach(
                    "qr.png",
                    "image/png",
                    MailCurrentLureTest.qrPng("https://merc-sales.shop/login?id=8812")),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.QR_CODE_LINK));
    c.add(
        lure(
            "Japanese brands",
            "ETC利用照会サービス: 未払い料金, its own domain spoofed, DMARC fails",
            JapaneseMail.iso2022jp()
                .auth("etc-meisai.jp", "fail")
                .from("ETC利用照会サービス", "info@etc-meisai.jp")
                .subject("【ETC利用照会サービス】未払いの通行料金がございます")
                .text(
                    "ETC利用照会サービスをご利用のお客様\n\n"
                        + "お客様の通行料金に未払いが確認されました。\n"
                        + "本日中にお支払いいただけない場合、延滞金が発生し、ETCカードがご利用いただけなくなります。\n\n"
                        + "https://etc-meisai-payment.icu/\n\nETC利用照会サービス事務局"),
            RedFlag.AUTHENTICATION_FAILED,
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.URGENCY));
    c.add(
        lure(
            "Japanese brands",
            "マイナ保険証: ポイント付与, card details asked",
            JapaneseMail.utf8()
                .from("デジタル庁 マイナポイント事務局", "info@myna-hoken-point.com")
                .subject("【重要】マイナ保険証の登録で7,500円分のポイント付与(申請期限 本日)")
                .html(
                    "<p>マイナンバーカードを健康保険証として登録された方に、7,500円分のポイントを付与いたします。"
                        + "申請期限は本日までです。</p><p>お手続きには、マイナンバーカードの暗証番号と"
                        + "お支払いに使うクレジットカードの情報をご入力ください。</p><p><a"
                        + " href=\"https://myna-hoken-point.com/apply\">ポイントを申請する</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "Japanese brands",
            "三井住友カード: the link shows the card company's address but leads elsewhere",
            JapaneseMail.utf8()
                .from("三井住友カード", "vpass-info@smcc-security.net")
                .subject("【三井住友カード】二段階認証の設定のお願い")
                .html(
                    "<p>Vpassをご利用のお客様</p><p>セキュリティ強化のため、二段階認証の設定をお願いしております。"
                        + "設定されない場合、Vpassへのログインを制限いたします。</p><p><a"
                        + " href=\"https://vpass-2fa.smcc-security.net/login\">https://www.smbc-card.com/mem/index.jsp</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.LINK_TEXT_MISMATCH));
    // ---- IPA's themes with attachments, partners' and the organisation's look-alikes ---------
    c.add(
        lure(
            "targeted",
            "取材申込: free mail, a password-protected zip and its password in the text",
            JapaneseMail.iso2022jp()
                .from("日経ビジネス編集部 佐藤", "sato.editor.nb@gmail.com")
                .to("kouhou@" + ORG)
                .subject("取材のお願い(サイバーセキュリティ特集)")
                .text(
                    "広報ご担当者様\n\n突然のご連絡失礼いたします。サイバーセキュリティ特集の取材をお願いしたく、"
                        + "ご連絡いたしました。\n企画書を添付いたしますので、ご確認ください。\n"
                        + "解凍パスワードは 2026kikaku です。\n\n佐藤")
                .attach("取材企画書.zip", "application/zip", encryptedZip("取材企画書.pdf")),
            RedFlag.ENCRYPTED_ARCHIVE,
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION));
    c.add(
        lure(
            "targeted",
            "履歴書: a disk image named as a résumé",
            JapaneseMail.utf8()
                .from("山本 恵", "megumi.ymmt@outlook.jp")
                .to("saiyou@" + ORG)
                .subject("中途採用への応募(履歴書送付)")
                .text(
                    "採用ご担当者様\n\n貴社の求人を拝見し、応募いたしました。履歴書と職務経歴書を添付いたします。" + "\nよろしくお願いいたします。\n\n山本 恵")
                .attach("履歴書_山本恵.iso", "application/octet-stream", utf8("CD001 image")),
            RedFlag.EXECUTABLE_ATTACHMENT));
    c.add(
        lure(
            "targeted",
            "問い合わせ: a macro document about a product defect",
            JapaneseMail.utf8()
                .from("株式会社ミナトテック 品質保証部", "qa@minato-tec.biz")
                .to("info@" + ORG)
                .subject("貴社製品の不具合に関するお問い合わせ")
                .text(
                    "ご担当者様\n\n貴社製品に不具合と思われる事象が発生しております。詳細を添付のファイルに"
                        + "まとめましたので、ご確認のうえご回答をお願いいたします。\n\n品質保証部 田村")
                .attach("不具合詳細.docm", "application/vnd.ms-word", utf8("PK macro")),
            RedFlag.EXECUTABLE_ATTACHMENT));
    c.add(
        lure(
            "targeted",
            "資料の再送: a partner's look-alike domain, the partner's real address in the quote",
            JapaneseMail.iso2022jp()
                .auth("hokuto-kougyou.co.jp", "pass")
                .from("北斗工業 営業部 木村", "kimura@hokuto-kougyou.co.jp")
                .to("t.yamada@" + ORG)
                .subject("Re: お見積書の件")
                .text(
                    "山田様\n\nお世話になっております。北斗工業の木村です。\n先日お送りした資料に誤りがございましたので、"
                        + "差し替え版を下記よりダウンロードしてください。\n\n"
                        + "https://hokuto-share.filedrop-jp.com/d/8812\n\n"
                        + "-----Original Message-----\nFrom: 木村 <kimura@hokuto-kogyo.co.jp>\n"
                        + "Sent: Monday, November 30, 2026 10:12 AM\nTo: 山田 <t.yamada@"
                        + ORG
                        + ">\nSubject: お見積書の件\n\n山田様\n\nお見積書をお送りいたします。"),
            RedFlag.LOOKALIKE_DOMAIN));
    c.add(
        lure(
            "targeted",
            "人事異動: a look-alike of the organisation's own domain, a link to the list",
            JapaneseMail.utf8()
                .auth("example-crop.co.jp", "pass")
                .from("人事部", "jinji@example-crop.co.jp")
                .to("all-staff@" + ORG)
                .subject("【社内限】2027年1月1日付 人事異動のお知らせ")
                .html(
                    "<p>社員各位</p><p>2027年1月1日付の人事異動を下記のとおりお知らせいたします。</p>"
                        + "<p><a href=\"https://example-crop.co.jp/jinji/idou2027.html\">人事異動一覧"
                        + "(社内ポータルにサインイン)</a></p><p>人事部</p>"),
            RedFlag.LOOKALIKE_DOMAIN));
    c.add(
        lure(
            "targeted",
            "請求書: a PDF attached, the text linking a sign-in page to 'see the invoice'",
            JapaneseMail.utf8()
                .from("株式会社ヒカリ物流 経理部", "keiri@hikari-butsuryu.org")
                .to("keiri@" + ORG)
                .subject("請求書送付のご案内(2026年11月分)")
                .html(
                    "<p>ご担当者様</p><p>11月分の請求書を添付にてお送りいたします。請求書の明細は下記の"
                        + "ポータルにMicrosoft 365 アカウントでサインインしてご確認ください。</p><p><a"
                        + " href=\"https://invoice-portal.hikari-view.workers.dev/login\">請求書を表示</a></p>")
                .attach("請求書_202611.pdf", "application/pdf", JapaneseMail.PDF),
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.LOGIN_LINK_ELSEWHERE));
    // ---- English: meeting and chat platforms, signature, shares relayed by real platforms ------
    c.add(
        lure(
            "meetings, chat",
            "Microsoft Teams meeting invitation from a stranger, the join link on a fresh domain",
            JapaneseMail.utf8()
                .auth("crestline-advisors.com", "pass")
                .from("Microsoft Teams", "meetings@crestline-advisors.com")
                .to("k.sato@" + ORG)
                .subject("You have been invited to a Microsoft Teams meeting: Q1 Budget Review")
                .html(
                    "<p>Microsoft Teams meeting</p><p>Q1 Budget Review — Thursday 10:00 JST</p><p><a"
                        + " href=\"https://teams-meet-join.com/l/meetup-join/19%3ameeting\">Join the"
                        + " meeting now</a></p><p>Meeting ID: 284 771 903 2</p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "meetings, chat",
            "Zoom: a recording shared, the page on firebaseapp",
            JapaneseMail.utf8()
                .from("Zoom", "no-reply@zm-recordings.info")
                .to("h.ito@" + ORG)
                .subject("Cloud Recording - Annual Review Meeting is now available")
                .html(
                    "<p>Hi there,</p><p>The cloud recording of your meeting \"Annual Review\" is now"
                        + " available. Sign in to view it.</p><p><a"
                        + " href=\"https://zoom-cloud-rec.firebaseapp.com/rec/share\">View"
                        + " Recording</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "meetings, chat",
            "Slack: unread messages from the workspace, a sign-in page elsewhere",
            JapaneseMail.utf8()
                .auth("mx-notify-hub.com", "pass")
                .from("Slack", "notification@mx-notify-hub.com")
                .to("m.tanaka@" + ORG)
                .subject("You have 4 unread messages in example-corp workspace")
                .html(
                    "<p>You have 4 unread messages from Kenji Watanabe in #finance.</p><p><a"
                        + " href=\"https://slack-workspace-login.com/signin\">Sign in to Slack</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.LOGIN_LINK_ELSEWHERE));
    c.add(
        lure(
            "e-signature, shares",
            "Dropbox Sign request from an unrelated domain, the page on pages.dev",
            JapaneseMail.utf8()
                .auth("harborview-dental.com", "pass")
                .from("Dropbox Sign", "sign@harborview-dental.com")
                .to("keiri@" + ORG)
                .subject("Signature requested: Employee_Bonus_Agreement_2026.pdf")
                .html(
                    "<p>Human Resources has requested your signature on"
                        + " Employee_Bonus_Agreement_2026.pdf</p><p><a"
                        + " href=\"https://dbx-sign-review.pages.dev/doc\">Review &amp; sign</a></p>"
                        + "<p>Powered by Dropbox Sign</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "e-signature, shares",
            "A real Dropbox share notice: 'Human Resources' on free mail shares a salary document",
            JapaneseMail.utf8()
                .auth("dropbox.com", "pass")
                .from("Dropbox", "no-reply@dropbox.com")
                .header("Reply-To: hr.department.payroll@gmail.com")
                .to("k.sato@" + ORG)
                .subject("Human Resources shared \"2026 Salary and Benefits Review.pdf\" with you")
                .html(
                    "<p>Human Resources (hr.department.payroll@gmail.com) invited you to view the"
                        + " file \"2026 Salary and Benefits Review.pdf\" on Dropbox.</p><p><a"
                        + " href=\"https://www.dropbox.com/scl/fi/x8k2/2026-Salary.pdf?rlkey=a1\">View"
                        + " file</a></p>"),
            RedFlag.REPLY_TO_OTHER_DOMAIN));
    c.add(
        lure(
            "e-signature, shares",
            "A real Google Drive share from free mail whose only text is a payment lure's title",
            JapaneseMail.utf8()
                .auth("google.com", "pass")
                .from("Payroll Department (via Google Drive)", "drive-shares-dm-noreply@google.com")
                .header("Reply-To: payroll.dept.2026@gmail.com")
                .to("h.ito@" + ORG)
                .subject("Document shared with you: \"Payment Confirmation - Action Required\"")
                .html(
                    "<p>Payroll Department (payroll.dept.2026@gmail.com) shared a document</p><p><a"
                        + " href=\"https://docs.google.com/document/d/1xQ9/edit?usp=sharing_eil\">Payment"
                        + " Confirmation - Action Required</a></p><p>Google LLC, 1600 Amphitheatre"
                        + " Parkway</p>"),
            RedFlag.REPLY_TO_OTHER_DOMAIN,
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION));
    c.add(
        lure(
            "meetings, chat",
            "A meeting invitation whose calendar file links a sign-in page on an IP address",
            JapaneseMail.utf8()
                .from("Board Secretary", "secretary@northgate-holdings.net")
                .to("k.sato@" + ORG)
                .subject("Invitation: Board briefing on the 2026 restructuring (confidential)")
                .text(
                    "You are invited to a confidential board briefing. Open the attached invitation"
                        + " to accept it and sign in to view the agenda.")
                .attach(
                    "invite.ics",
                    "text/calendar",
                    utf8(
                        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Board briefing\r\n"
                            + "DESCRIPTION:Agenda: http://185.244.31.17/owa/signin\r\n"
                            + "END:VEVENT\r\nEND:VCALENDAR\r\n")),
            RedFlag.SUSPICIOUS_LINK));
    // ---- kinds the tuning half's misses showed (written anew, not copied) ----------------------
    StringBuilder broken = new StringBuilder();
    for (String w : "Verify your information by Friday or your account stays locked".split(" ")) {
      broken.append(String.join("\u2069", w.split(""))).append(' ');
    }
    c.add(
        lure(
            "tuning kinds",
            "An exchange's 'verify your info' with bidirectional isolates between the letters",
            JapaneseMail.utf8()
                .auth("glebe-education.com.br", "pass")
                .from("Verify ID", "verification-77a1@glebe-education.com.br")
                .to("k.sato@" + ORG)
                .subject("[Action required] Verify your info to keep using your account")
                .html(
                    "<p>"
                        + broken
                        + "</p><p><a href=\"https://glebe-education.com.br/v\">Verify</a></p>"),
            RedFlag.OBFUSCATED_TEXT));
    c.add(
        lure(
            "tuning kinds",
            "A bankrupt exchange's 'affected creditor' invited to withdraw",
            JapaneseMail.utf8()
                .auth("orchid-lane.tech", "pass")
                .from("Bittrex Claims", "claims@orchid-lane.tech")
                .to("k.sato@" + ORG)
                .subject("Affected Creditor Withdrawal")
                .html(
                    "<p>Dear client, you have been identified as an affected creditor in the"
                        + " exchange's chapter 11 proceedings and remain eligible to withdraw your"
                        + " digital assets.</p><p><a href=\"https://orchid-lane.tech/claim\">Withdraw"
                        + " now</a></p>"),
            RedFlag.FRAUD_OFFER,
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "tuning kinds",
            "A bank's 'support desk' on free mail: a purchase held, call to cancel (Portuguese)",
            JapaneseMail.utf8()
                .from("Suporte Nubank - Atendimento", "atend.nu.83921@gmail.com")
                .to("k.sato@" + ORG)
                .subject("Compra em análise")
                .text(
                    "Compra de R$ 1.299,90 retida para análise. Para confirmar responda 1. Caso não"
                        + " reconheça, ligue para a central de segurança."),
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "tuning kinds",
            "A widow's donation from free mail to undisclosed recipients (Portuguese)",
            JapaneseMail.utf8()
                .from("Sra. Helena Duarte", "helena.duarte.doa@outlook.com")
                .header("To: undisclosed-recipients:;")
                .subject("Querido amigo")
                .text(
                    "Sou viúva; meu falecido marido deixou fundos que desejo doar a uma pessoa"
                        + " honesta. Responda para receber os detalhes."),
            RedFlag.FRAUD_OFFER,
            RedFlag.FREEMAIL_LURE));
    c.add(
        lure(
            "tuning kinds",
            "A loan fund's offer from free mail",
            JapaneseMail.utf8()
                .from("Capital Partners", "capital.partners.fund@gmail.com")
                .to("k.sato@" + ORG)
                .subject("LOAN DEAL OFFER")
                .text(
                    "Dear friend, we fund projects through loan and debt finance at 3% a year."
                        + " Brokers earn 1% commission. Reply with your project summary."),
            RedFlag.FRAUD_OFFER,
            RedFlag.FREEMAIL_LURE));
    return c;
  }

  static List<MailJapaneseLureTest.Case> legitimate() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        ok(
            "Japanese brands",
            "楽天: 期間限定ポイントの有効期限 from rakuten.co.jp, DKIM pass",
            JapaneseMail.utf8()
                .auth("rakuten.co.jp", "pass")
                .from("楽天ポイント", "point@mail.rakuten.co.jp")
                .header("List-Unsubscribe: <https://emagazine.rakuten.co.jp/unsub?id=77>")
                .subject("【楽天ポイント】期間限定ポイントの有効期限が近づいています")
                .html(
                    "<p>楽天会員様</p><p>期間限定ポイント 350 ポイントの有効期限は 12月31日 です。"
                        + "お早めにご利用ください。</p><p><a href=\"https://point.rakuten.co.jp/history/\">"
                        + "ポイント利用履歴を見る</a></p><p><a href=\"https://emagazine.rakuten.co.jp/unsub?id=77\">"
                        + "配信停止</a></p>")));
    c.add(
        ok(
            "Japanese brands",
            "Amazon.co.jp: プライム会費の領収 from amazon.co.jp, DKIM pass",
            JapaneseMail.utf8()
                .auth("amazon.co.jp", "pass")
                .from("Amazon.co.jp", "auto-confirm@amazon.co.jp")
                .subject("Amazonプライム会費のお支払いについて")
                .html(
                    "<p>Amazonプライムをご利用いただきありがとうございます。</p><p>プライム会費 600円 を"
                        + "ご登録のお支払い方法で請求いたしました。</p><p><a"
                        + " href=\"https://www.amazon.co.jp/gp/primecentral\">プライム会員情報</a></p>")));
    c.add(
        ok(
            "Japanese brands",
            "PayPay: 支払い完了 from its own domain",
            JapaneseMail.utf8()
                .auth("paypay.ne.jp", "pass")
                .from("PayPay", "no-reply@mail.paypay.ne.jp")
                .subject("【PayPay】お支払いが完了しました")
                .html(
                    "<p>PayPayをご利用いただきありがとうございます。</p><p>以下のお支払いが完了しました。<br>"
                        + "支払先: コーヒーショップ 駅前店<br>金額: 480円</p><p>お心当たりのない場合は、"
                        + "アプリのヘルプからお問い合わせください。</p>")));
    c.add(
        ok(
            "Japanese brands",
            "東京ガス: ご使用量のお知らせ from its own domain",
            JapaneseMail.utf8()
                .auth("tokyo-gas.co.jp", "pass")
                .from("myTOKYOGAS", "info@mail.tokyo-gas.co.jp")
                .subject("【myTOKYOGAS】12月分のご使用量・料金のお知らせ")
                .html(
                    "<p>myTOKYOGAS会員様</p><p>12月分のご使用量と料金が確定しました。<br>ご使用量: 28m3<br>"
                        + "料金: 6,120円(口座振替日 1月8日)</p><p><a"
                        + " href=\"https://members.tokyo-gas.co.jp/\">myTOKYOGASで詳細を見る</a></p>")));
    c.add(
        ok(
            "targeted",
            "A partner's genuine 資料の再送, Re:, with the corrected PDF",
            JapaneseMail.iso2022jp()
                .auth("hokuto-kogyo.co.jp", "pass")
                .from("北斗工業 木村", "kimura@hokuto-kogyo.co.jp")
                .to("t.yamada@" + ORG)
                .subject("Re: お見積書の件(差し替え)")
                .text(
                    "山田様\n\nお世話になっております。北斗工業の木村です。\n先日お送りしたお見積書に誤りがございました。"
                        + "差し替え版を添付いたしますので、ご確認をお願いいたします。\n\n"
                        + "-----Original Message-----\nFrom: 山田 <t.yamada@"
                        + ORG
                        + ">\nSubject: お見積書の件\n\n木村様\n\nお見積書を拝受しました。")
                .attach("お見積書_差替え.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "targeted",
            "人事異動 from the organisation's own HR, its own portal",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("人事部", "jinji@" + ORG)
                .to("all-staff@" + ORG)
                .subject("2027年1月1日付 人事異動のお知らせ")
                .html(
                    "<p>社員各位</p><p>2027年1月1日付の人事異動をお知らせします。詳細は社内ポータルで"
                        + "ご確認ください。</p><p><a href=\"https://portal."
                        + ORG
                        + "/jinji/\">人事異動一覧</a></p>")));
    c.add(
        ok(
            "targeted",
            "取材申込 from a newspaper's own domain with its plan as a PDF",
            JapaneseMail.iso2022jp()
                .auth("example-shimbun.co.jp", "pass")
                .from("東都新聞 経済部 佐藤", "sato@example-shimbun.co.jp")
                .to("kouhou@" + ORG)
                .subject("取材のお願い(重要インフラのサイバー対策)")
                .text(
                    "広報ご担当者様\n\n東都新聞経済部の佐藤と申します。重要インフラのサイバー対策について"
                        + "取材をお願いしたく、ご連絡いたしました。企画書を添付いたします。\n\n佐藤")
                .attach("取材企画書.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "meetings, chat",
            "A real Teams invitation from a partner's mailbox, the link on teams.microsoft.com",
            JapaneseMail.utf8()
                .auth("example-partners.com", "pass")
                .from("Emily Clark", "e.clark@example-partners.com")
                .to("k.sato@" + ORG)
                .subject("Project sync")
                .html(
                    "<p>Hi Sato-san, let's go through the migration plan.</p><hr><p>Microsoft Teams"
                        + " meeting</p><p><a"
                        + " href=\"https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzE2%40thread.v2/0\">Join"
                        + " the meeting now</a></p><p>Meeting ID: 284 771 903 2 Passcode: x7Qp2a</p>"
                        + "<p><a href=\"https://aka.ms/JoinTeamsMeeting\">Need help?</a></p>")));
    c.add(
        ok(
            "meetings, chat",
            "A Zoom invitation from a partner, the link on zoom.us",
            JapaneseMail.utf8()
                .auth("example-partners.com", "pass")
                .from("Emily Clark", "e.clark@example-partners.com")
                .to("k.sato@" + ORG)
                .subject("Zoom meeting invitation - Incident review")
                .text(
                    "Emily Clark is inviting you to a scheduled Zoom meeting.\n\nTopic: Incident"
                        + " review\nTime: Dec 3, 2026 10:00 AM Tokyo\n\nJoin Zoom Meeting\n"
                        + "https://us02web.zoom.us/j/84177290321?pwd=Zk9xT2\n\nMeeting ID: 841 7729"
                        + " 0321\nPasscode: 553812")));
    c.add(
        ok(
            "meetings, chat",
            "Slack's unread-messages notification from slack.com",
            JapaneseMail.utf8()
                .auth("slack.com", "pass")
                .from("Slack", "feedback@slack.com")
                .to("m.tanaka@" + ORG)
                .subject("[Slack] Notifications from the example-corp workspace")
                .html(
                    "<p>You have a new direct message from Kenji Watanabe.</p><p><a"
                        + " href=\"https://example-corp.slack.com/messages/D04\">Open Slack</a></p>"
                        + "<p><a href=\"https://slack.com/account/notifications\">Change your"
                        + " notification preferences</a></p>")));
    c.add(
        ok(
            "e-signature, shares",
            "A colleague's Dropbox share, Reply-To the colleague",
            JapaneseMail.utf8()
                .auth("dropbox.com", "pass")
                .from("Taro Yamada (via Dropbox)", "no-reply@dropbox.com")
                .header("Reply-To: t.yamada@" + ORG)
                .to("k.sato@" + ORG)
                .subject("Taro Yamada shared \"Drill scenario v3.docx\" with you")
                .html(
                    "<p>Taro Yamada (t.yamada@"
                        + ORG
                        + ") invited you to view the file \"Drill scenario v3.docx\" on"
                        + " Dropbox.</p><p><a"
                        + " href=\"https://www.dropbox.com/scl/fi/q2w/Drill-scenario-v3.docx?rlkey=b2\">View"
                        + " file</a></p>")));
    c.add(
        ok(
            "e-signature, shares",
            "A Dropbox Sign request from its own domain, Reply-To the requester",
            JapaneseMail.utf8()
                .auth("dropboxsign.com", "pass")
                .from("Example Partners via Dropbox Sign", "noreply@mail.dropboxsign.com")
                .header("Reply-To: legal@example-partners.com")
                .to("k.sato@" + ORG)
                .subject("Signature requested on \"Data Processing Agreement 2027\"")
                .html(
                    "<p>Example Partners has requested your signature on Data Processing Agreement"
                        + " 2027.</p><p><a href=\"https://app.hellosign.com/sign/7a1c\">Review"
                        + " &amp; sign</a></p><p>Powered by Dropbox Sign</p>")));
    c.add(
        ok(
            "targeted",
            "A supplier's invoice with its PDF, the text linking the supplier's own portal",
            JapaneseMail.utf8()
                .auth("hikari-butsuryu.co.jp", "pass")
                .from("ヒカリ物流 経理部", "keiri@hikari-butsuryu.co.jp")
                .to("keiri@" + ORG)
                .subject("請求書送付のご案内(2026年11月分)")
                .html(
                    "<p>ご担当者様</p><p>11月分の請求書を添付にてお送りいたします。過去の請求書は弊社の"
                        + "ポータルでもご確認いただけます。</p><p><a"
                        + " href=\"https://portal.hikari-butsuryu.co.jp/invoices\">請求書ポータル</a></p>")
                .attach("請求書_202611.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "tuning kinds",
            "A friend's personal note from free mail about a late father's garden",
            JapaneseMail.utf8()
                .from("Ken Ogawa", "ken.ogawa.1975@gmail.com")
                .to("k.sato@" + ORG)
                .subject("Photos from the weekend")
                .text(
                    "Hi Sato-san, here are the photos from my late father's garden. We planted the"
                        + " maple he loved. See you on Friday. Ken")));
    StringBuilder arabic = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      arabic.append("تحديث \u2068Microsoft\u2069 و \u2068Windows\u2069 اليوم. ");
    }
    c.add(
        ok(
            "tuning kinds",
            "A right-to-left newsletter with Latin product names wrapped in isolates",
            JapaneseMail.utf8()
                .auth("example-news.ae", "pass")
                .from("Example News", "news@example-news.ae")
                .to("k.sato@" + ORG)
                .subject("نشرة التقنية")
                .html("<p dir=\"rtl\">" + arabic + "</p>")));
    return c;
  }

  /**
   * The look-alike of the reader's own domain reaches a C4TAP share's STIX note explained in both
   * languages, and the note names neither the receiving bank's domain (the evidence's "≈ …") nor
   * its address.
   */
  @Test
  void aLookAlikeOfTheReadersDomainReachesAShareWithoutNamingTheBank() {
    MailReport r =
        JapaneseMail.utf8()
            .auth("sakura-bnak.co.jp", "pass")
            .from("総務部", "soumu-info@sakura-bnak.co.jp")
            .to("soumu@sakura-bank.co.jp")
            .subject("【全行員】規程改定の確認のお願い")
            .html(
                "<p>各位</p><p>改定した規程を確認し、同意をお願いします。</p><p><a"
                    + " href=\"https://sakura-bnak.co.jp/kitei\">規程を確認する</a></p>")
            .analyze();
    List<RedFlag> expected = List.of(RedFlag.LOOKALIKE_DOMAIN);
    assertThat(MailSignsTest.flags(r)).containsAll(expected);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailStixTest.explainsWithoutTheBank(r, expected);
  }

  /**
   * A brand's own domain the receiver could not authenticate is impersonated (DMARC failing, or
   * neither SPF nor DKIM); the same domain authenticated, or a domain of no brand failing, is not.
   */
  @Test
  void aBrandsOwnDomainThatFailsAuthenticationIsImpersonated() {
    for (String result : new String[] {"fail", "none"}) {
      MailReport r =
          JapaneseMail.iso2022jp()
              .auth("smbc-card.com", result)
              .from("三井住友カード", "info@smbc-card.com")
              .subject("ご利用明細のお知らせ")
              .text("今月のご利用明細が確定しました。\nhttps://www.smbc-card.com/mem/meisai")
              .analyze();
      assertThat(r.findings())
          .as(result)
          .anyMatch(
              f ->
                  f.flag() == RedFlag.BRAND_IMPERSONATION
                      && f.evidence().startsWith("三井住友 = smbc-card.com"));
      assertThat(r.verdict()).as(result).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
    MailReport genuine =
        JapaneseMail.iso2022jp()
            .auth("smbc-card.com", "pass")
            .from("三井住友カード", "info@smbc-card.com")
            .subject("ご利用明細のお知らせ")
            .text("今月のご利用明細が確定しました。\nhttps://www.smbc-card.com/mem/meisai")
            .analyze();
    assertThat(MailSignsTest.flags(genuine)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    MailReport noBrand =
        JapaneseMail.iso2022jp()
            .auth("hokuto-kogyo.co.jp", "fail")
            .from("北斗工業 木村", "kimura@hokuto-kogyo.co.jp")
            .subject("打ち合わせの件")
            .text("木曜日に伺います。")
            .analyze();
    assertThat(MailSignsTest.flags(noBrand)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
  }

  /**
   * Another script's marks on Latin letters (the Syriac U+073F on "amazon", as a 2023 lure's
   * display name had it) are obfuscation; Latin's own combining accents (a decomposed Vietnamese or
   * French name) and marks on their own script's letters (Devanagari, Arabic) are not.
   */
  @Test
  void anotherScriptsMarksOnLatinLettersAreObfuscation() {
    MailReport r =
        JapaneseMail.utf8()
            .from(
                "noreply@service.am\u073Fazo\u073Fn.co\u073Fm", "noreply-x8@x8pjm.onmicrosoft.com")
            .to("k.sato@" + ORG)
            .subject("Your order is on hold")
            .text("Your order is on hold. See the attached statement.")
            .analyze();
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.OBFUSCATED_TEXT);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    for (String name :
        new String[] {
          "Nguye\u0302\u0303n Va\u0306n An",
          "Rene\u0301 Dupont",
          "\u0905\u0928\u093F\u0932 Kumar",
          "\u0645\u064F\u062D\u0645\u062F Ali"
        }) {
      assertThat(MailRandomNames.mixedScriptWord(name)).as(name).isNull();
    }
  }

  /**
   * An organisation's name whose replies go to free mail claims the organisation (a business's
   * payroll department answering at gmail.com); a person's name with a free-mail Reply-To, and list
   * mail, do not.
   */
  @Test
  void anOrganisationsNameReplyingToFreeMailClaimsIt() {
    MailReport bec =
        JapaneseMail.utf8()
            .auth("northgate-holdings.net", "pass")
            .from("Payroll Department", "payroll@northgate-holdings.net")
            .header("Reply-To: payroll.desk.2026@outlook.com")
            .to("k.sato@" + ORG)
            .subject("Updated direct deposit form")
            .text("Please confirm your bank details on the attached form before Friday.")
            .analyze();
    assertThat(bec.findings())
        .anyMatch(
            f ->
                f.flag() == RedFlag.FREEMAIL_CLAIMS_ORGANISATION
                    && f.evidence().endsWith("Reply-To: payroll.desk.2026@outlook.com"));
    MailReport person =
        JapaneseMail.utf8()
            .auth("example-partners.com", "pass")
            .from("Emily Clark", "e.clark@example-partners.com")
            .header("Reply-To: emily.clark.home@gmail.com")
            .to("k.sato@" + ORG)
            .subject("Holiday photos")
            .text("Reply to my home address while I am away.")
            .analyze();
    assertThat(MailSignsTest.flags(person)).doesNotContain(RedFlag.FREEMAIL_CLAIMS_ORGANISATION);
    MailReport list =
        JapaneseMail.utf8()
            .auth("lists.example.org", "pass")
            .from("Linux Users Support Center", "users@lists.example.org")
            .header("List-Id: <users.lists.example.org>")
            .header("Reply-To: someone@yahoo.com")
            .to("users@lists.example.org")
            .subject("Re: kernel build")
            .text("Try the older compiler.")
            .analyze();
    assertThat(MailSignsTest.flags(list)).doesNotContain(RedFlag.FREEMAIL_CLAIMS_ORGANISATION);
  }

  /** A calendar file's sign-in link reaches the share too. */
  @Test
  void aCalendarFilesLinkReachesAShare() {
    MailReport r =
        lures().stream()
            .filter(x -> x.name().startsWith("A meeting invitation whose calendar file"))
            .findFirst()
            .orElseThrow()
            .mail()
            .analyze();
    MailStixTest.explainsWithoutTheBank(r, List.of(RedFlag.SUSPICIOUS_LINK));
    assertThat(r.links())
        .extracting(MailReport.Link::url)
        .contains("http://185.244.31.17/owa/signin");
  }

  /**
   * What the conversation's look-alike does not compare: a company's domains that differ only in
   * their public suffix, free-mail domains, short domains, and domains three letters apart.
   */
  @Test
  void theConversationsLookAlikeLeavesOtherDomainsAlone() {
    for (String[] pair :
        new String[][] {
          {"hokuto-kogyo.com", "hokuto-kogyo.co.jp"},
          {"gmail.co.jp", "gmail.com"},
          {"abcd.jp", "abce.jp"},
          {"hokuto-denki.co.jp", "hokusei-denki.co.jp"}
        }) {
      MailReport r =
          JapaneseMail.iso2022jp()
              .auth(pair[0], "pass")
              .from("木村", "kimura@" + pair[0])
              .to("t.yamada@" + pair[1])
              .subject("Re: 打ち合わせの件")
              .text("山田様\n\n承知いたしました。木曜日に伺います。\n\nFrom: 山田 <t.yamada@" + pair[1] + ">")
              .analyze();
      assertThat(MailSignsTest.flags(r)).as(pair[0]).doesNotContain(RedFlag.LOOKALIKE_DOMAIN);
    }
  }

  @Test
  void atLeastTwentyLuresAndTenLegitimateMessages() {
    assertThat(lures()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(legitimate()).hasSizeGreaterThanOrEqualTo(10);
  }

  @TestFactory
  Stream<DynamicTest> everyLureIsSuspiciousOrMaliciousWithTheSignsAnAnalystExpects() {
    return MailJapaneseLureTest.flagged(lures());
  }

  @TestFactory
  Stream<DynamicTest> theirLegitimateLookAlikesStayClean() {
    return MailJapaneseLureTest.clean(legitimate());
  }
}
