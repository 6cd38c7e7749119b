package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.lure;
import static jp.renkei.engine.mail.MailJapaneseLureTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the honeypot's tuning misses still showed a careful analyst (issue 19, mail19a): a real
 * shop's newsletter mailed to a name that is the lure (whoever signed the reader up wrote a
 * "withdraw your funds at …" link into the name field, and the platform writes that name into To),
 * the same in a WordPress account notice's Persian user-name field, attachments declared as
 * pictures but named as documents (image/jpeg "invoice.pdf"), an envelope sender whose domain
 * scatters capitals at random (domain names are case-blind: only a generator writes OYKfSS….com),
 * and a fine notice greeting the reader as "Sr(a) address". Every message is this test's own
 * writing; names, codes and addresses are made up. Legitimate mail that shares one trait with them
 * stays clean: {@link #legitimate()}.
 */
class MailCurrentLure4Test {

  static final String ORG = MailCurrentLureTest.ORG;

  /** A JPEG's first bytes: what a picture part would hold. */
  static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0
  };

  static List<MailJapaneseLureTest.Case> lures() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        lure(
            "recipient name",
            "A craft shop's real welcome mail to a name that is a withdrawal lure on a free page host",
            JapaneseMail.utf8()
                .auth("bastel-ecke.example", "pass")
                .header("List-Unsubscribe: <https://bastel-ecke.example/unsub?u=81>")
                .from("Anna von Bastel-Ecke", "hallo@bastel-ecke.example")
                .to(
                    "\"Good day. A transfer of 1 250 EUR awaits you. Confirm and order the"
                        + " withdrawal --> paycheck-93.pages.dev/claim?r=k2\" <k.sato@"
                        + ORG
                        + ">")
                .subject("Willkommen bei der Bastel-Ecke!")
                .html(
                    "<p>Schön, dass du da bist! Hier ist dein Gutschein für die erste"
                        + " Bestellung.</p><p><a href=\"https://bastel-ecke.example/shop\">Zum"
                        + " Shop</a></p><p><a"
                        + " href=\"https://bastel-ecke.example/unsub?u=81\">Abbestellen</a></p>"),
            RedFlag.USER_NAME_LURE));
    c.add(
        lure(
            "recipient name",
            "A recipe newsletter to a name holding a web address and a sum of bitcoin",
            JapaneseMail.utf8()
                .auth("kochtopf-news.example", "pass")
                .header("List-Unsubscribe: <mailto:leave@kochtopf-news.example>")
                .from("Kochtopf", "news@kochtopf-news.example")
                .to(
                    "\"0.84 BTC credited - www.wallet-payout-center.example/login\" <k.sato@"
                        + ORG
                        + ">")
                .subject("Drei Suppen für kalte Tage")
                .text("Heute: Kürbis, Linsen und Tomate. Guten Appetit!"),
            RedFlag.USER_NAME_LURE));
    c.add(
        lure(
            "user-name field",
            "A WordPress shop's account notice whose Persian user-name field is a page and a sum",
            JapaneseMail.utf8()
                .from("WordPress", "wordpress@example-shop.ir")
                .to("k.sato@" + ORG)
                .subject("جزئیات ورود [فروشگاه نمونه]")
                .text(
                    "نام\u200cکاربری : www.qz7kmh.blogspot.de - 96 410 USD BINANCE\n"
                        + "برای تنظیم رمز خود، این نشانی را ببینید:"
                        + " https://example-shop.ir/wp-login.php?action=rp&key=Zq81\n"),
            RedFlag.USER_NAME_LURE));
    c.add(
        lure(
            "declared as a picture",
            "A parcel notice with two \"documents\" declared as JPEG pictures",
            JapaneseMail.utf8()
                .from("Bezorgdienst", "service@garden-news.example")
                .to("k.sato@" + ORG)
                .subject("Uw pakket wacht op bezorging")
                .text("Zie de bijlage voor de details.")
                .attach("vrachtbrief-20261130.pdf", "image/jpeg", JPEG)
                .attach("ontvangstbewijs.pdf", "image/jpeg", JPEG),
            RedFlag.TYPE_MISMATCH));
    c.add(
        lure(
            "declared as a picture",
            "An invoice as a Word document declared image/png",
            JapaneseMail.utf8()
                .from("Accounts", "accounts@tile-works.example")
                .to("k.sato@" + ORG)
                .subject("Invoice 2026-1182")
                .text("Please see the attached invoice.")
                .attach("Invoice_2026-1182.docx", "image/png", JapaneseMail.PDF),
            RedFlag.TYPE_MISMATCH));
    c.add(
        lure(
            "scrambled envelope",
            "Energy advice whose Return-Path and SPF domain scatter capitals at random",
            JapaneseMail.utf8()
                .header("Return-Path: <bounce-7731@HqZtWpXkRvNmLsDfGb.com>")
                .header(
                    "Authentication-Results: mx.example-corp.co.jp; spf=none"
                        + " smtp.mailfrom=HqZtWpXkRvNmLsDfGb.com; dkim=pass header.d=energie-tips.example;"
                        + " dmarc=permerror header.from=energie-tips.example")
                .from("Energie Advies", "advies@energie-tips.example")
                .to("k.sato@" + ORG)
                .subject("Bespaar op uw energierekening")
                .text(
                    "Vraag vandaag nog uw gratis advies aan: https://energie-tips.example/advies"),
            RedFlag.RANDOM_CASE_SENDER));
    c.add(
        lure(
            "break-in goods",
            "A shop for hacked hosting panels, web shells and mail relays, priced per piece",
            JapaneseMail.utf8()
                .from("Tool Market", "sales@tool-market.example")
                .to("k.sato@" + ORG)
                .subject("Fresh stock: cPanels / Shells / SMTPs / RDPs")
                .text(
                    "Daily updated. cPanels (5$), Shells (3$), SMTPs (2$), RDPs (6$), Leads."
                        + " Pay with USDT. Contact: https://tool-market.example/shop"),
            RedFlag.FRAUD_OFFER));
    return c;
  }

  static List<MailJapaneseLureTest.Case> legitimate() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        ok(
            "recipient name",
            "A mailing list's digest to a list named by its domain",
            JapaneseMail.utf8()
                .auth("lists.example.org", "pass")
                .header("List-Id: <webapps.lists.example.org>")
                .header("List-Unsubscribe: <mailto:leave@lists.example.org>")
                .from("Webapps list", "webapps@lists.example.org")
                .to("\"Webapps Lists.Example.Org\" <webapps@lists.example.org>")
                .subject("[webapps] digest 2026-12-01")
                .text("Today: two threads on session cookies and one on form tokens.")));
    c.add(
        ok(
            "recipient name",
            "A colleague's mail to a name kept with a telephone number in an address book",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("田中 一郎", "i.tanaka@" + ORG)
                .to("\"佐藤 健二 03-1234-5678\" <k.sato@" + ORG + ">")
                .subject("明日の会議の資料")
                .text("佐藤さん、明日の会議の資料を共有フォルダに置きました。よろしくお願いします。")));
    c.add(
        ok(
            "recipient name",
            "A shop's order confirmation to the name the buyer gave",
            JapaneseMail.utf8()
                .auth("kochtopf-shop.example", "pass")
                .from("Kochtopf Shop", "orders@kochtopf-shop.example")
                .to("\"Kenji Sato (Example Corp.)\" <k.sato@" + ORG + ">")
                .subject("Your order 48213")
                .text(
                    "Thank you for your order of a cast-iron pot, 89.00 EUR. It ships tomorrow.")));
    c.add(
        ok(
            "declared as a picture",
            "A photo and a PDF, each declared as what it is",
            JapaneseMail.utf8()
                .auth(ORG, "pass")
                .from("田中 一郎", "i.tanaka@" + ORG)
                .to("k.sato@" + ORG)
                .subject("現場の写真と報告書")
                .text("現場の写真と報告書を送ります。")
                .attach("site-photo.jpg", "image/jpeg", JPEG)
                .attach("report.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "scrambled envelope",
            "A newsletter whose envelope domain is written in capitalised words",
            JapaneseMail.utf8()
                .header("Return-Path: <bounces@Mail.GardenToolsOutlet.com>")
                .header(
                    "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                        + " smtp.mailfrom=Mail.GardenToolsOutlet.com; dkim=pass"
                        + " header.d=gardentoolsoutlet.com; dmarc=pass"
                        + " header.from=gardentoolsoutlet.com")
                .header("List-Unsubscribe: <https://gardentoolsoutlet.com/unsub>")
                .from("Garden Tools Outlet", "news@gardentoolsoutlet.com")
                .to("k.sato@" + ORG)
                .subject("New pruning shears in stock")
                .text("Our winter range is in: https://gardentoolsoutlet.com/winter")));
    c.add(
        ok(
            "greeting",
            "A Brazilian supplier greeting the reader as Sr. by name",
            JapaneseMail.utf8()
                .auth("fornecedor-exemplo.com.br", "pass")
                .from("Fornecedor Exemplo", "vendas@fornecedor-exemplo.com.br")
                .to("k.sato@" + ORG)
                .subject("Proposta comercial")
                .text("Sr. Sato, segue a proposta comercial conforme conversamos ontem.")));
    c.add(
        ok(
            "break-in goods",
            "A hosting company's plan: one cPanel, shell access and an SMTP relay",
            JapaneseMail.utf8()
                .auth("example-hosting.jp", "pass")
                .from("Example Hosting", "info@example-hosting.jp")
                .to("k.sato@" + ORG)
                .subject("New business plan")
                .text(
                    "The business plan includes a cPanel account, SSH shell access and an SMTP"
                        + " relay for your own domain. Details: https://example-hosting.jp/plans")));
    return c;
  }

  @Test
  void aScrambledDomainLabelIsLongAndMachineMade() {
    assertThat(MailRandomNames.scrambledDomain("HqZtWpXkRvNmLsDfGb.com"))
        .isEqualTo("HqZtWpXkRvNmLsDfGb");
    assertThat(MailRandomNames.scrambledDomain("bounce.QvTrXkPwmZcLbNs.net"))
        .isEqualTo("QvTrXkPwmZcLbNs");
    assertThat(MailRandomNames.scrambledDomain("Mail.GardenToolsOutlet.com")).isNull();
    assertThat(MailRandomNames.scrambledDomain("PayPal.com")).isNull();
    assertThat(MailRandomNames.scrambledDomain("eBay.co.uk")).isNull();
    assertThat(MailRandomNames.scrambledDomain("example.COM")).isNull();
    assertThat(MailRandomNames.scrambledDomain("em-1567512.example.com")).isNull();
    assertThat(MailRandomNames.scrambledDomain(null)).isNull();
  }

  @Test
  void aRecipientNameIsALureOnlyWithAWebAddressOrAnAmount() {
    assertThat(
            MailNameFieldLures.recipientNameLure(List.of("Kenji Sato", "x.pages.dev/claim 5 BTC")))
        .isEqualTo("x.pages.dev/claim 5 BTC");
    assertThat(MailNameFieldLures.recipientNameLure(List.of("https://claim.example/w")))
        .isNotNull();
    assertThat(MailNameFieldLures.recipientNameLure(List.of("Webappsec Securityfocus.Com")))
        .isNull();
    assertThat(MailNameFieldLures.recipientNameLure(List.of("k.sato@example-corp.co.jp"))).isNull();
    assertThat(MailNameFieldLures.recipientNameLure(List.of("佐藤 健二 03-1234-5678"))).isNull();
    assertThat(MailNameFieldLures.recipientNameLure(List.of())).isNull();
    // a long name is read up to its limit, quickly
    String padded = "x".repeat(100_000) + " www.claim.example";
    assertThat(MailNameFieldLures.recipientNameLure(List.of(padded))).isNull();
  }

  @Test
  void theEvidenceSaysWhereTheLureWasInJapaneseAndEnglish() {
    MailReport r =
        JapaneseMail.utf8()
            .from("News", "news@bastel-ecke.example")
            .to("\"Claim 300 EUR at https://payout.example/x\" <k.sato@" + ORG + ">")
            .subject("Neuigkeiten")
            .text("Hallo!")
            .attach("rechnung.pdf", "image/jpeg", JPEG)
            .analyze();
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.USER_NAME_LURE);
              assertThat(f.evidence()).startsWith("To: \"Claim 300 EUR");
            })
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.TYPE_MISMATCH);
              assertThat(f.evidence()).isEqualTo("rechnung.pdf ← Content-Type: image/jpeg");
              assertThat(f.evidenceJa()).isEqualTo("rechnung.pdf ← 宣言された形式: image/jpeg");
            });
  }

  @Test
  void aGreetingByTitleAndAddressCallsTheRecipientByTheirAddress() {
    MailReport r =
        JapaneseMail.utf8()
            .from("Departamento de Trânsito", "aviso.multas@example-mailer.com")
            .to("k.sato@" + ORG)
            .subject("Multa registrada em seu CPF")
            .text(
                "Sr(a) k.sato@"
                    + ORG
                    + " consta no sistema uma infração de trânsito em seu nome. Consulte:"
                    + " https://consulta-infracoes.example-top.top/cpf")
            .analyze();
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.RECIPIENT_AS_NAME);
    MailReport byName =
        JapaneseMail.utf8()
            .from("Fornecedor Exemplo", "vendas@fornecedor-exemplo.com.br")
            .to("k.sato@" + ORG)
            .subject("Proposta comercial")
            .text("Sr. Sato, segue a proposta comercial conforme conversamos ontem.")
            .analyze();
    assertThat(MailSignsTest.flags(byName)).doesNotContain(RedFlag.RECIPIENT_AS_NAME);
  }

  @Test
  void atLeastFiveLuresAndFiveLegitimateMessages() {
    assertThat(lures()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(legitimate()).hasSizeGreaterThanOrEqualTo(5);
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
