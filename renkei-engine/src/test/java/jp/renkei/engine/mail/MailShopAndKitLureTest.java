package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseLureTest.lure;
import static jp.renkei.engine.mail.MailJapaneseLureTest.ok;
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
 * The order, points, reward, document and invoice lures of 2025–26 in American shops' and services'
 * names (recall22): a club's "points about to lapse" or a shop's "order ships today" from a domain
 * of nobody's, a support desk's invoice to dispute by telephone, a document "for your approval" in
 * a file-sharing service's name, a tax invoice linking a rented server by its default host name, a
 * mailbox "deactivation" whose link hands the reader's address to the fake sign-in page after #.
 * Every message is this test's own writing after the campaigns' themes; names and addresses are
 * made up. Their legitimate look-alikes — the shop's own order and points mail, a newsletter naming
 * the shop's site, the sharing service's own notice, a web app's # routes — must stay clean.
 */
class MailShopAndKitLureTest {

  static final String ORG = MailCurrentLureTest.ORG;

  static List<MailJapaneseLureTest.Case> lures() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        lure(
            "shops",
            "Sam's Club points about to lapse, from an unrelated domain",
            JapaneseMail.utf8()
                .from("Sam's Club Members", "members8@qorvelline.com")
                .to("buyer@" + ORG)
                .subject("Your $750 in member points expires tomorrow")
                .html(
                    "<p>Dear member,</p><p>You have $750 in points to use at Sam's Club before"
                        + " they expire tomorrow night.</p><p><a"
                        + " href=\"https://qorvelline.com/r/ptx\">Use my points</a></p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "shops",
            "Walmart: eligible items ship today, from an unrelated domain",
            JapaneseMail.utf8()
                .from("Walmart Notices Center", "walmartnotices@brindelwood.com")
                .to("buyer@" + ORG)
                .subject("Your eligible order items ship today")
                .html(
                    "<p>Your order is ready. Confirm your shipping address to receive it.</p><p><a"
                        + " href=\"https://brindelwood.com/track\">Track my order</a></p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "shops",
            "Costco giveaway on a new-TLD domain",
            JapaneseMail.utf8()
                .from("Costco Giveaway", "costcogift@tablornex.cfd")
                .to("buyer@" + ORG)
                .subject("Thanksgiving dinner claim from Costco")
                .html(
                    "<p>Your holiday dinner box is waiting. Answer three questions to claim"
                        + " it.</p><p><a href=\"https://tablornex.cfd/claim\">Claim now</a></p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "shops",
            "Geek Squad invoice to dispute by telephone, the number set off by emphasis marks",
            JapaneseMail.utf8()
                .from("Darla Okonkwo", "dokonkwo04@lakeviewschools.org")
                .to("buyer@" + ORG)
                .subject("Currently, an order worth $389.40 is being activated.")
                .text(
                    "Dear Customer,\n\nA billing invoice has been generated for your Geek Squad"
                        + " service.\n\n*Invoice ID:* GS-INV-5501937\n*Amount:* $389.40 USD\n"
                        + "*Status:* Pending\n\nIf you *do not recognize* this charge, contact us"
                        + " immediately:\n*Geek Squad Support:* *(855) 555-0143*\n\nThank you,\n"
                        + "Geek Squad Billing Department"),
            RedFlag.CALLBACK_LURE));
    c.add(
        lure(
            "documents",
            "a document for your approval in ShareFile's name",
            JapaneseMail.utf8()
                .from("Company_ShareFile.Portal", "hr-portal-support@vendrixa.net")
                .to("buyer@" + ORG)
                .subject("You Have Received A New Document For Your Approval.")
                .html(
                    "<p>A secure file has been shared with you for your review and approval.</p>"
                        + "<p><a href=\"https://vendrixa.net/doc/open\">Review document</a></p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "invoices",
            "an electronic tax invoice (NFS-e) linking a rented server by its default host name",
            JapaneseMail.utf8()
                .from("Nota Fiscal", "documento0277@notas.entregas-rapidas.express")
                .to("financeiro@" + ORG)
                .subject("Sua nota fiscal eletronica NFSe ja esta disponivel")
                .html(
                    "<p>Prezado cliente,</p><p>Sua nota fiscal de servico eletronica ja esta"
                        + " disponivel para conferencia.</p><p><a"
                        + " href=\"https://203.0.113.77.host.rentedservers.net/W03b5j/nfse\">Baixar"
                        + " NFS-e</a></p>"),
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "mailbox",
            "a mailbox deactivation whose link carries the reader's address after #",
            JapaneseMail.utf8()
                .from("Mail Administrator", "postmaster@kelvanto.com")
                .to("buyer@" + ORG)
                .subject("Deactivation-0519R")
                .html(
                    "<p>Your mailbox is scheduled for deactivation today.</p><p><a"
                        + " href=\"https://webmail-keep.kelvanto-host.com/keep/#buyer@"
                        + ORG
                        + "\">Keep my mailbox</a></p>"),
            RedFlag.SUSPICIOUS_LINK));
    c.add(
        lure(
            "mailbox",
            "the same, with the address in Base64 after #",
            JapaneseMail.utf8()
                .from("Mail Administrator", "postmaster@kelvanto.com")
                .to("buyer@" + ORG)
                .subject("Deactivation-0519R")
                .html(
                    "<p>Your mailbox is scheduled for deactivation today.</p><p><a"
                        + " href=\"https://webmail-keep.kelvanto-host.com/keep/#"
                        + Base64.getEncoder()
                            .encodeToString(("buyer@" + ORG).getBytes(StandardCharsets.UTF_8))
                        + "\">Keep my mailbox</a></p>"),
            RedFlag.SUSPICIOUS_LINK));
    return c;
  }

  static List<MailJapaneseLureTest.Case> legitimate() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        ok(
            "shops",
            "Walmart's own shipping notice, authenticated, linking walmart.com",
            JapaneseMail.utf8()
                .auth("walmart.com", "pass")
                .from("Walmart.com", "help@walmart.com")
                .to("buyer@" + ORG)
                .subject("Your order has shipped")
                .html(
                    "<p>Good news! Items in your order #2000143-55 are on the way.</p><p><a"
                        + " href=\"https://www.walmart.com/orders/2000143\">Track your"
                        + " package</a></p>")));
    c.add(
        ok(
            "shops",
            "Sam's Club's own points reminder, authenticated",
            JapaneseMail.utf8()
                .auth("samsclub.com", "pass")
                .from("Sam's Club", "samsclub@email.samsclub.com")
                .header("List-Unsubscribe: <https://email.samsclub.com/unsub?id=9>")
                .to("buyer@" + ORG)
                .subject("Your Sam's Cash expires soon")
                .html(
                    "<p>You have $12.40 in Sam's Cash to use by December 31.</p><p><a"
                        + " href=\"https://www.samsclub.com/account/samscash\">See my Sam's"
                        + " Cash</a></p><p><a href=\"https://email.samsclub.com/unsub?id=9\">"
                        + "Unsubscribe</a></p>")));
    c.add(
        ok(
            "shops",
            "Best Buy's own order confirmation with its service line to cancel",
            JapaneseMail.utf8()
                .auth("bestbuy.com", "pass")
                .from("Best Buy", "BestBuyInfo@emailinfo.bestbuy.com")
                .to("buyer@" + ORG)
                .subject("Thanks for your order")
                .text(
                    "Order number BBY01-80601234\n*Amount:* $129.99\n\nTo cancel or change your"
                        + " order, call 1-888-555-0172 or visit"
                        + " https://www.bestbuy.com/profile/ss/orders")));
    c.add(
        ok(
            "shops",
            "a newsletter linking its own page about a shop by the shop's site's name",
            JapaneseMail.utf8()
                .auth("lindenpc.com", "pass")
                .from("Linden PC", "news@lindenpc.com")
                .header("List-Unsubscribe: <https://www.lindenpc.com/unsub>")
                .to("buyer@" + ORG)
                .subject("Our computers are now at Walmart.com")
                .html(
                    "<p>You can now buy our desktop at <a"
                        + " href=\"https://www.lindenpc.com/walmart\">Walmart.com</a>.</p><p><a"
                        + " href=\"https://www.lindenpc.com/unsub\">Unsubscribe</a></p>")));
    c.add(
        ok(
            "documents",
            "ShareFile's own notice of a shared file, authenticated",
            JapaneseMail.utf8()
                .auth("sf-notifications.com", "pass")
                .from("ShareFile", "mail@sf-notifications.com")
                .to("buyer@" + ORG)
                .subject("Jane Mori has shared a file with you")
                .html(
                    "<p>Jane Mori has shared Q4-budget.xlsx with you.</p><p><a"
                        + " href=\"https://examplecorp.sharefile.com/d-s1a2b3\">Download</a></p>")));
    c.add(
        ok(
            "links",
            "a web app's routes after # (no address) and a host with a version number in its name",
            JapaneseMail.utf8()
                .auth("trackerly.io", "pass")
                .from("Trackerly", "notify@trackerly.io")
                .to("buyer@" + ORG)
                .subject("Weekly summary")
                .html(
                    "<p>3 tasks were closed this week.</p><p><a"
                        + " href=\"https://app.trackerly.io/#/projects/12/tasks\">Open your"
                        + " board</a></p><p><a href=\"https://v2.1.0.docs.trackerly.io/guide\">What"
                        + " changed in 2.1.0</a></p>")));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everyLureIsSuspiciousOrMaliciousWithTheSignsAnAnalystExpects() {
    return MailJapaneseLureTest.flagged(lures());
  }

  @TestFactory
  Stream<DynamicTest> theirLegitimateLookAlikesStayClean() {
    return MailJapaneseLureTest.clean(legitimate());
  }

  @Test
  void readsHostsNamedByTheirAddressAndNoOthers() {
    assertThat(MailDomains.ipNamedHost("93.184.216.34.host.example.net")).isTrue();
    assertThat(MailDomains.ipNamedHost("ec2-3-90-1-2.compute-1.amazonaws.com")).isTrue();
    assertThat(MailDomains.ipNamedHost("ip-10-0-0-1.example.internal")).isTrue();
    assertThat(MailDomains.ipNamedHost("93.184.216.34")).isFalse(); // an address: isIpLiteral
    assertThat(MailDomains.ipNamedHost("v2.1.0.docs.example.com")).isFalse(); // three numbers
    assertThat(MailDomains.ipNamedHost("web-300-1-2-3.example.com")).isFalse(); // 300 no octet
    assertThat(MailDomains.ipNamedHost("2024-12-01-report.example.com")).isFalse();
  }

  @Test
  void readsAnAddressCarriedAfterTheHashPlainEncodedOrInBase64() {
    assertThat(MailDomains.addressInFragment("https://x.example/l#a.b@example.org"))
        .isEqualTo("a.b@example.org");
    assertThat(MailDomains.addressInFragment("https://x.example/l#a%40example.org"))
        .isEqualTo("a@example.org");
    assertThat(MailDomains.addressInFragment("https://x.example/l#YUBleGFtcGxlLm9yZw=="))
        .isEqualTo("a@example.org");
    assertThat(MailDomains.addressInFragment("https://x.example/app#/orders/12")).isNull();
    assertThat(MailDomains.addressInFragment("https://x.example/l#c2VjdGlvbi10d28")).isNull();
    assertThat(MailDomains.addressInFragment("https://x.example/l#")).isNull();
    assertThat(MailDomains.addressInFragment("https://x.example/l")).isNull();
    assertThat(MailDomains.addressInFragment("https://x.example/l#" + "A".repeat(100_000)))
        .isNull();
  }
}
