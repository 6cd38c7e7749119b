package jp.renkei.engine.mail;

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
 * Legitimate mail of the kinds {@link MailCurrentLureTest} imitates, which must stay clean (issue
 * 19, mail15): a DocuSign and an Adobe Acrobat Sign request from the platforms' own domains, a
 * SharePoint and a Google Drive share, Microsoft's and Google's security notices, GitHub's device
 * code and notifications, payroll, HR and benefits notices from the company's own domain, real
 * shipping notices, a supplier's invoice with its PDF, a phone system's voicemail with its audio, a
 * recruiter on LinkedIn, an exchange's security notice, and Japanese ones (a securities firm's own
 * notice, 年末調整 from the company's HR, the company's own mailbox-full notice, an advisory whose link
 * says 「詳細を確認」). Hand-written after how such mail is built; names and addresses are the test's own,
 * the platforms' sending domains are theirs.
 */
class MailCurrentLegitimateTest {

  static final String ORG = MailCurrentLureTest.ORG;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<MailJapaneseLureTest.Case> legitimate() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        ok(
            "e-signature, shares",
            "DocuSign envelope from docusign.net, DKIM pass",
            JapaneseMail.utf8()
                .auth("docusign.net", "pass")
                .from("Example Partners via DocuSign", "dse_na3@docusign.net")
                .header("Reply-To: legal@example-partners.com")
                .to("k.sato@" + ORG)
                .subject("Please DocuSign: NDA_ExampleCorp_2026.pdf")
                .html(
                    "<p>Example Partners sent you a document to review and sign.</p><p><a"
                        + " href=\"https://na3.docusign.net/Signing/EmailStart.aspx?a=8d1f&amp;acct=22c1\">REVIEW"
                        + " DOCUMENT</a></p><p>Do Not Share This Email. This email contains a"
                        + " secure link to DocuSign.</p><p><a"
                        + " href=\"https://www.docusign.com/support\">Questions about"
                        + " DocuSign?</a></p>")));
    c.add(
        ok(
            "e-signature, shares",
            "Adobe Acrobat Sign request from adobesign.com",
            JapaneseMail.utf8()
                .auth("adobesign.com", "pass")
                .from("Example Partners via Adobe Acrobat Sign", "adobesign@adobesign.com")
                .to("m.tanaka@" + ORG)
                .subject("Signature requested on \"Service Agreement 2026\"")
                .html(
                    "<p>Example Partners has requested your signature on Service Agreement"
                        + " 2026.</p><p><a"
                        + " href=\"https://secure.na1.adobesign.com/public/esign?tsid=CBFCIBAA3\">Review"
                        + " and sign</a></p><p>Powered by Adobe Acrobat Sign</p>")));
    c.add(
        ok(
            "e-signature, shares",
            "A colleague's SharePoint share from Microsoft's sending domain",
            JapaneseMail.utf8()
                .auth("sharepointonline.com", "pass")
                .from("Taro Yamada", "no-reply@sharepointonline.com")
                .header("Reply-To: t.yamada@" + ORG)
                .to("k.sato@" + ORG)
                .subject("Taro Yamada shared \"FY2026 budget.xlsx\" with you")
                .html(
                    "<p>Taro Yamada shared a file with you</p><p><a"
                        + " href=\"https://examplecorp.sharepoint.com/:x:/s/finance/EaB3kd\">Open</a></p>"
                        + "<p>Microsoft respects your privacy. <a"
                        + " href=\"https://go.microsoft.com/fwlink/?LinkId=521839\">Privacy"
                        + " Statement</a></p>")));
    c.add(
        ok(
            "e-signature, shares",
            "A Google Drive share from Google",
            JapaneseMail.utf8()
                .auth("google.com", "pass")
                .from("Hanako Sato (via Google Drive)", "drive-shares-dm-noreply@google.com")
                .header("Reply-To: h.sato@" + ORG)
                .to("h.ito@" + ORG)
                .subject("Document shared with you: \"Meeting notes 12/02\"")
                .html(
                    "<p>Hanako Sato shared a document</p><p><a"
                        + " href=\"https://docs.google.com/document/d/1AbCdEf/edit?usp=sharing_eip\">Open</a></p>"
                        + "<p>Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043,"
                        + " USA</p>")));
    c.add(
        ok(
            "MFA, sign-in",
            "Microsoft account's unusual sign-in notice from microsoft.com",
            JapaneseMail.utf8()
                .auth("accountprotection.microsoft.com", "pass")
                .from(
                    "Microsoft account team",
                    "account-security-noreply@accountprotection.microsoft.com")
                .to("y.kato@" + ORG)
                .subject("Microsoft account unusual sign-in activity")
                .html(
                    "<p>We detected something unusual about a recent sign-in to the Microsoft"
                        + " account y*****@"
                        + ORG
                        + ".</p><p>Country/region: Japan<br>Platform: Windows</p><p>If this was"
                        + " you, you can ignore this message.</p><p><a"
                        + " href=\"https://account.live.com/activity\">Review recent"
                        + " activity</a></p><p>Thanks, The Microsoft account team</p>")));
    c.add(
        ok(
            "MFA, sign-in",
            "Google's new sign-in alert from accounts.google.com",
            JapaneseMail.utf8()
                .auth("accounts.google.com", "pass")
                .from("Google", "no-reply@accounts.google.com")
                .to("t.kimura@" + ORG)
                .subject("Security alert")
                .html(
                    "<p>A new sign-in on Mac</p><p>We noticed a new sign-in to your Google"
                        + " Account on a Mac device. If this was you, you don't need to do"
                        + " anything. If not, we'll help you secure your account.</p><p><a"
                        + " href=\"https://accounts.google.com/AccountChooser?continue=https://myaccount.google.com/notifications\">Check"
                        + " activity</a></p>")));
    c.add(
        ok(
            "MFA, sign-in",
            "GitHub's device verification code",
            JapaneseMail.utf8()
                .auth("github.com", "pass")
                .from("GitHub", "noreply@github.com")
                .to("a.suzuki@" + ORG)
                .subject("[GitHub] Please verify your device")
                .text(
                    "Hey asuzuki!\n\nA sign in attempt requires further verification because we"
                        + " did not recognize your device. To complete the sign in, enter the"
                        + " verification code on the unrecognized device.\n\nDevice: Firefox on"
                        + " Windows\nVerification code: 482913\n\nIf you did not attempt to sign in"
                        + " to your account, your password may be compromised. Visit"
                        + " https://github.com/settings/security to create a new, strong"
                        + " password.\n\nThanks,\nThe GitHub Team")));
    c.add(
        ok(
            "notifications",
            "A GitHub pull-request notification",
            JapaneseMail.utf8()
                .auth("github.com", "pass")
                .from("Kenji Mori", "notifications@github.com")
                .header("Reply-To: example-corp/renkei <reply+AAB3@reply.github.com>")
                .header("List-ID: example-corp/renkei <renkei.example-corp.github.com>")
                .header("List-Unsubscribe: <https://github.com/notifications/unsubscribe/AAB3>")
                .to("renkei@noreply.github.com")
                .subject("Re: [example-corp/renkei] Mail analysis: current lures (PR #412)")
                .text(
                    "@kmori approved this pull request.\n\n-- \nReply to this email directly,"
                        + " view it on GitHub:\nhttps://github.com/example-corp/renkei/pull/412#pullrequestreview-1\n"
                        + "You are receiving this because you were mentioned.")));
    c.add(
        ok(
            "HR, payroll",
            "Payslip notice from the company's own domain",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("Payroll", "payroll@" + ORG)
                .to("t.kimura@" + ORG)
                .subject("Your December payslip is available")
                .text(
                    "Dear Taro Kimura,\n\nYour payslip for December 2026 is now available in the"
                        + " HR portal. Salary will be paid on December 25.\n\n"
                        + "https://hr."
                        + ORG
                        + "/payslips\n\nPayroll, Human Resources")));
    c.add(
        ok(
            "HR, payroll",
            "Policy update from HR on the company's own domain",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("Human Resources", "hr@" + ORG)
                .to("all-staff@" + ORG)
                .subject("Updated remote work policy - please read by December 15")
                .text(
                    "All staff,\n\nThe remote work policy has been updated for 2026. Please read"
                        + " it on the intranet and acknowledge it by December 15:\n"
                        + "https://intranet."
                        + ORG
                        + "/policies/remote-work\n\nHuman Resources")));
    c.add(
        ok(
            "HR, payroll",
            "Benefits enrolment reminder from the company's benefits mailbox",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("Benefits Team", "benefits@" + ORG)
                .to("all-staff@" + ORG)
                .subject("Reminder: 2026 benefits enrollment closes Friday")
                .text(
                    "Hello,\n\nOpen enrollment for 2026 benefits closes this Friday. If you do not"
                        + " make changes, your current selections continue. Review your options"
                        + " on the HR portal: https://hr."
                        + ORG
                        + "/benefits\n\nBenefits Team")));
    c.add(
        ok(
            "parcels",
            "UPS shipment notice from ups.com",
            JapaneseMail.utf8()
                .auth("ups.com", "pass")
                .from("UPS", "pkginfo@ups.com")
                .to("r.ono@" + ORG)
                .subject("UPS Update: Package Scheduled for Delivery Tomorrow")
                .html(
                    "<p>Your package is scheduled for delivery tomorrow.</p><p>Tracking"
                        + " Number: 1Z999AA10123456784</p><p><a"
                        + " href=\"https://www.ups.com/track?tracknum=1Z999AA10123456784\">Track"
                        + " Package</a></p><p>© 2026 United Parcel Service of America, Inc.</p>")));
    c.add(
        ok(
            "parcels",
            "Amazon shipment confirmation from amazon.com",
            JapaneseMail.utf8()
                .auth("amazon.com", "pass")
                .from("Amazon.com", "shipment-tracking@amazon.com")
                .to("h.ito@" + ORG)
                .subject("Your Amazon.com order has shipped")
                .html(
                    "<p>Hello Hiroshi, your package is on the way.</p><p>Arriving Thursday</p><p><a"
                        + " href=\"https://www.amazon.com/gp/your-account/order-details?orderID=112-4\">View"
                        + " or manage order</a></p><p>© 2026 Amazon.com, Inc. or its affiliates.</p>")));
    c.add(
        ok(
            "invoices",
            "A supplier's invoice with its PDF, from the supplier's domain",
            JapaneseMail.utf8()
                .auth("example-supplies.com", "pass")
                .from("Example Supplies Billing", "billing@example-supplies.com")
                .to("keiri@" + ORG)
                .subject("Invoice INV-2026-1142 from Example Supplies")
                .text(
                    "Dear customer,\n\nPlease find attached invoice INV-2026-1142 for the toner"
                        + " delivered on November 28. Payment is due within 30 days by bank"
                        + " transfer as usual.\n\nThank you for your business.\nExample Supplies")
                .attach("INV-2026-1142.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "invoices",
            "A bank's remittance advice from its own domain",
            JapaneseMail.utf8()
                .auth("examplebank.com", "pass")
                .from("Example Bank Payments", "payments@examplebank.com")
                .to("keiri@" + ORG)
                .subject("Remittance advice: payment to Example Corp")
                .text(
                    "Example Holdings has made a payment of USD 12,400.00 to your account ending"
                        + " 4411 with reference PO-7781. This is a notification only; no action"
                        + " is needed.\n\nExample Bank")));
    c.add(
        ok(
            "voicemail, fax",
            "The company's phone system forwards a voicemail as audio",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("Voicemail", "voicemail@" + ORG)
                .to("somu@" + ORG)
                .subject("Voice message from 03-5555-0142 (0:31)")
                .text("You have a new voice message from 03-5555-0142, 31 seconds.")
                .attach("message.wav", "audio/wav", bytes("RIFF\u0024\0\0\0WAVEfmt "))));
    c.add(
        ok(
            "recruiters",
            "A recruiter's InMail notice from LinkedIn",
            JapaneseMail.utf8()
                .auth("linkedin.com", "pass")
                .from("Sarah Lee via LinkedIn", "inmail-hit-reply@linkedin.com")
                .header(
                    "List-Unsubscribe: <https://www.linkedin.com/comm/psettings/email-unsubscribe>")
                .to("k.sato@" + ORG)
                .subject("Sarah Lee sent you a new message: Senior Security Engineer role")
                .html(
                    "<p>Hi Kenta, I'm hiring for a senior security engineer in Tokyo and your"
                        + " experience stood out. Would you be open to a short call?</p><p><a"
                        + " href=\"https://www.linkedin.com/comm/messaging/thread/2-ZmE1\">Reply</a></p>"
                        + "<p><a href=\"https://www.linkedin.com/comm/psettings/email-unsubscribe\">Unsubscribe</a></p>")));
    c.add(
        ok(
            "wallets",
            "An exchange's withdrawal notice from its own domain",
            JapaneseMail.utf8()
                .auth("coinbase.com", "pass")
                .from("Coinbase", "no-reply@coinbase.com")
                .to("m.tanaka@" + ORG)
                .subject("You sent 0.015 BTC")
                .html(
                    "<p>You sent 0.015 BTC to an external wallet address.</p><p>If you did not"
                        + " make this transaction, lock your account immediately.</p><p><a"
                        + " href=\"https://www.coinbase.com/settings/security\">Account"
                        + " security</a></p>")));
    c.add(
        ok(
            "MFA, sign-in",
            "The company's IT asks staff to enrol in MFA, on its own domain",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("IT Service Desk", "itdesk@" + ORG)
                .to("all-staff@" + ORG)
                .subject("MFA enrolment for the new VPN starts Monday")
                .text(
                    "All staff,\n\nFrom Monday the VPN requires multi-factor authentication."
                        + " Instructions are on the intranet:\nhttps://intranet."
                        + ORG
                        + "/it/mfa\n\nIT Service Desk")));
    c.add(
        ok(
            "Japanese",
            "証券会社の自社ドメインからのログイン通知",
            JapaneseMail.utf8()
                .auth("sbisec.co.jp", "pass")
                .from("SBI証券", "info@sbisec.co.jp")
                .to("t.kimura@" + ORG)
                .subject("【SBI証券】ログインのお知らせ")
                .text(
                    "いつもSBI証券をご利用いただきありがとうございます。\n"
                        + "お客様の口座に新しい端末からログインがありました。\n"
                        + "お心当たりがない場合は、お取引パスワードを変更してください。\n"
                        + "https://www.sbisec.co.jp/\n\n株式会社SBI証券")));
    c.add(
        ok(
            "Japanese",
            "社内人事部からの年末調整の案内",
            JapaneseMail.iso2022jp()
                .auth(ORG, "pass")
                .from("人事部", "jinji@" + ORG)
                .to("all-staff@" + ORG)
                .subject("【人事部】年末調整書類の提出について")
                .text(
                    "社員各位\n\n年末調整の申告書を12月10日までに提出してください。\n"
                        + "社内ポータルにログインして入力できます。\n"
                        + "https://portal."
                        + ORG
                        + "/nenmatsu\n\n人事部")));
    c.add(
        ok(
            "Japanese",
            "自社の情報システム部からのメールボックス容量の通知",
            JapaneseMail.iso2022jp()
                .auth(ORG, "pass")
                .from("情報システム部", "postmaster@" + ORG)
                .to("y.kato@" + ORG)
                .subject("メールボックスの容量についてのお知らせ")
                .text(
                    "加藤 様\n\nメールボックスの使用量が容量の90%を超えました。\n"
                        + "容量を超えるとメールを受信できなくなりますので、不要なメールを削除してください。\n"
                        + "手順: https://intranet."
                        + ORG
                        + "/it/mailbox\n\n情報システム部")));
    c.add(
        ok(
            "Japanese",
            "CEPTOAR の注意喚起、リンクは「詳細を確認」",
            JapaneseMail.utf8()
                .auth("ceptoar-example.or.jp", "pass")
                .from("金融CEPTOAR事務局", "info@ceptoar-example.or.jp")
                .to("security@" + ORG)
                .subject("【注意喚起】証券口座を狙うフィッシングについて")
                .html(
                    "<p>会員各位</p><p>証券会社を装い「本人確認」や「お取引制限」を口実にログインを求めるフィッシングメールが"
                        + "確認されています。至急、注意喚起をお願いします。</p><p><a"
                        + " href=\"https://www.antiphishing.jp/news/alert/sbisec_20261201.html\">詳細を確認</a></p>"
                        + "<p>金融CEPTOAR事務局</p>")));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everyCurrentLegitimateMessageStaysClean() {
    return MailJapaneseLureTest.clean(legitimate());
  }

  @Test
  void aBrandsNoticeLinkingItsOtherDomainHasNoLoginElsewhereButASpoofedOneKeepsItsSigns() {
    MailReport microsoft = legitimate().get(4).mail().analyze();
    assertThat(MailSignsTest.flags(microsoft)).isEmpty();
    MailReport spoofed =
        JapaneseMail.utf8()
            .auth("accountprotection.microsoft.com", "fail")
            .from(
                "Microsoft account team",
                "account-security-noreply@accountprotection.microsoft.com")
            .to("y.kato@" + ORG)
            .subject("Microsoft account unusual sign-in activity")
            .html(
                "<p>Unusual sign-in activity. Verify your account.</p><p><a"
                    + " href=\"https://account.live.com.verify-signin.top/\">Review</a></p>")
            .analyze();
    assertThat(MailSignsTest.flags(spoofed))
        .contains(
            RedFlag.AUTHENTICATION_FAILED,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void atLeastTwentyLegitimateMessages() {
    assertThat(legitimate()).hasSizeGreaterThanOrEqualTo(20);
  }
}
