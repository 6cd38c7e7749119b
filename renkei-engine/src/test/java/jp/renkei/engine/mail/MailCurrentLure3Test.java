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
 * Unsolicited bulk mail from throw-away senders (issue 19, mail17), the kinds the honeypot's tuning
 * misses showed: a machine-made code hung on the end of every subject behind filler so that no two
 * copies look alike ("...ACZDOCCQRF", "__ID:#WMZC-834"), a sender minted as two names and a serial
 * number on a numbered subdomain, and bulk mail with no list header blind-copied to its address
 * list. Every message is this test's own writing; names, codes and addresses are made up.
 * Legitimate mail that shares one trait with them (a subject with dots and a date, a product name
 * in mixed case, a person's address with a year, a club's notice in Bcc, a newsletter in Bcc with
 * its list headers) must stay clean: {@link #legitimate()}. Also a brand's own domain written into
 * From while only another domain's envelope passes (DMARC not passing): the lure that forges the
 * brand's address through a mailer of its own.
 */
class MailCurrentLure3Test {

  static final String ORG = MailCurrentLureTest.ORG;

  static List<MailJapaneseLureTest.Case> lures() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        lure(
            "subject tag",
            "Cloud storage almost full, __ID:# code on the subject, a newsletter-shaped mailbox",
            JapaneseMail.utf8()
                .from("Cloud Storage", "newsletters.qvtz@garden-tools-outlet.com")
                .to("k.sato@" + ORG)
                .subject("Your cloud storage is almost full - act now!__ID:#QKZP-517")
                .html(
                    "<p>Your photos may stop syncing.</p><p><a"
                        + " href=\"https://storage-plan-offer.click/upgrade\">Get 50 GB"
                        + " free</a></p>"),
            RedFlag.OBFUSCATED_TEXT));
    c.add(
        lure(
            "subject tag",
            "A gift card prize with a letters-and-digits code behind a row of dots",
            JapaneseMail.utf8()
                .from("Rewards Desk", "info@sunny-pet-foods.net")
                .to("k.sato@" + ORG)
                .subject("You have been selected for a 250 EUR gift card!   ............ ZR4471902")
                .html(
                    "<p>Confirm your details to receive your card.</p><p><a"
                        + " href=\"https://claim-now.example-prize.top/c\">Claim</a></p>"),
            RedFlag.OBFUSCATED_TEXT));
    c.add(
        lure(
            "subject tag",
            "A parcel waiting, the subject ending in scattered capitals behind two dots (Dutch)",
            JapaneseMail.utf8()
                .from("Bezorging", "service@kitchen-ideas-blog.org")
                .to("k.sato@" + ORG)
                .subject("Uw pakket wacht op bezorging..krOw")
                .text("Bevestig uw adres: https://pakket-status.example-track.shop/nl"),
            RedFlag.OBFUSCATED_TEXT));
    c.add(
        lure(
            "subject tag",
            "不在通知: お荷物の保管期限, 件名の末尾に点と大文字の符号",
            JapaneseMail.utf8()
                .from("配送センター", "notice@hana-florist-blog.com")
                .to("k.sato@" + ORG)
                .subject("お荷物を保管しております。保管期限をご確認ください....XKWQPZTRMB")
                .text("再配達のお手続きはこちら: https://redelivery.example-haiso.top/jp"),
            RedFlag.OBFUSCATED_TEXT));
    c.add(
        lure(
            "generated sender",
            "Hearing aids from two names and a serial number on a numbered subdomain",
            JapaneseMail.utf8()
                .from("Hearing Care", "lopez_maria_38214@k7fwq2.brightvalue-deals.shop")
                .to("k.sato@" + ORG)
                .subject("The discreet hearing aids everyone is talking about")
                .html(
                    "<p>Try them risk-free for 45 days.</p><p><a"
                        + " href=\"https://k7fwq2.brightvalue-deals.shop/r/1\">See the"
                        + " offer</a></p>"),
            RedFlag.SENDER_GENERATED));
    c.add(
        lure(
            "hidden bulk",
            "A home-warranty offer in Bcc with an unsubscribe line and no list header",
            JapaneseMail.utf8()
                .from("Home Warranty Deals", "offers@winterquote-hub.com")
                .to("undisclosed-recipients:;")
                .subject("Save $200 on your home warranty this month")
                .html(
                    "<p>Protect your appliances and roof.</p><p><a"
                        + " href=\"https://winterquote-hub.com/q\">Get a free quote</a></p><p><a"
                        + " href=\"https://optout-center.example-list.net/u\">Unsubscribe</a></p>"),
            RedFlag.UNLISTED_BULK,
            RedFlag.HIDDEN_RECIPIENTS));
    c.add(
        lure(
            "hidden bulk",
            "休眠口座の払い戻し案内: 自分宛てで実際の宛先は Bcc, 配信停止の案内だけ",
            JapaneseMail.utf8()
                .from("資産相談センター", "info@kyuumin-soudan.net")
                .to("info@kyuumin-soudan.net")
                .subject("休眠預金の払い戻し手続きのご案内")
                .html(
                    "<p>お客様名義の休眠預金が見つかりました。無料で払い戻しのご相談を承ります。</p><p><a"
                        + " href=\"https://kyuumin-soudan.net/form\">ご相談はこちら</a></p>"
                        + "<p>配信停止をご希望の方は<a"
                        + " href=\"https://stop.example-haishin.jp/u\">こちら</a></p>"),
            RedFlag.UNLISTED_BULK,
            RedFlag.HIDDEN_RECIPIENTS));
    c.add(
        lure(
            "brand's own domain",
            "三井住友カード from smbc-card.com itself, only another domain's envelope passing",
            JapaneseMail.utf8()
                .header(
                    "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                        + " smtp.mailfrom=mail-blast-relay.com; dkim=none (message not signed)"
                        + " header.d=none; dmarc=none action=none header.from=")
                .from("三井住友カード", "info@smbc-card.com")
                .to("k.sato@" + ORG)
                .subject("【重要】カードご利用確認のお願い")
                .text("ご利用内容の確認はこちら: https://vpass-kakunin.example-card.top/login"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "brand's own domain",
            "An auto club's surprise from adac.de itself, the envelope passing for a stranger",
            JapaneseMail.utf8()
                .header(
                    "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                        + " smtp.mailfrom=nyc-mailer.example.com; dkim=none header.d=none;"
                        + " dmarc=none action=none header.from=")
                .from("Nachricht der ADAC", "service@adac.de")
                .to("k.sato@" + ORG)
                .subject("Wir haben eine Überraschung für Sie")
                .html(
                    "<p>Nur heute: Ihr Notfall-Set wartet.</p><p><a"
                        + " href=\"https://adac-ueberraschung.example-gift.top/s\">Jetzt"
                        + " sichern</a></p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "public schemes and banks",
            "French training credits about to lapse, \"Service CPF\" on a stranger's domain",
            JapaneseMail.utf8()
                .from("Service CPF", "info+dossier-formation@example-tailor-shop.com")
                .to("k.sato@" + ORG)
                .subject("Vos droits à la formation expirent bientôt")
                .html(
                    "<p>Il vous reste 1 450 € de droits. Utilisez-les avant la fin du mois.</p><p><a"
                        + " href=\"https://mes-droits-formation.example-fr.top/\">Vérifier mon"
                        + " solde</a></p>"),
            RedFlag.BRAND_IMPERSONATION));
    c.add(
        lure(
            "public schemes and banks",
            "Bradesco-Livelo points to redeem, from a regional council's address",
            JapaneseMail.utf8()
                .from("Bradesco-Livelo", "marcos.teixeira@example-conselho.org.br")
                .to("k.sato@" + ORG)
                .subject("Seus pontos acumulados expiram hoje")
                .html(
                    "<p>Resgate agora os seus 28.450 pontos.</p><p><a"
                        + " href=\"https://livelo-resgate.example-pontos.shop/\">Resgatar</a></p>"),
            RedFlag.BRAND_IMPERSONATION));
    return c;
  }

  static List<MailJapaneseLureTest.Case> legitimate() {
    List<MailJapaneseLureTest.Case> c = new ArrayList<>();
    c.add(
        ok(
            "subject tag",
            "A report whose subject ends in dots and a date",
            JapaneseMail.utf8()
                .auth("hikari-butsuryu.co.jp", "pass")
                .from("Hikari Logistics", "reports@hikari-butsuryu.co.jp")
                .to("k.sato@" + ORG)
                .subject("Weekly delivery report... 2026-12-01")
                .text("Please find the figures for last week below. 1,204 deliveries, 3 delays.")));
    c.add(
        ok(
            "subject tag",
            "A shop's newsletter with a product name in mixed case behind dots, list headers",
            JapaneseMail.utf8()
                .auth("example-mobile-shop.jp", "pass")
                .from("Example Mobile", "news@example-mobile-shop.jp")
                .to("k.sato@" + ORG)
                .header("List-Unsubscribe: <https://example-mobile-shop.jp/unsubscribe?u=1>")
                .subject("The new model is here... iPhone")
                .html(
                    "<p>Order today at our stores.</p><p><a"
                        + " href=\"https://example-mobile-shop.jp/unsubscribe?u=1\">Unsubscribe</a></p>")));
    c.add(
        ok(
            "subject tag",
            "A sale announcement ending in a word of capitals with its vowels, a fiscal year",
            JapaneseMail.utf8()
                .auth("example-outdoor.com", "pass")
                .from("Example Outdoor", "hello@example-outdoor.com")
                .to("k.sato@" + ORG)
                .header("List-Unsubscribe: <mailto:leave@example-outdoor.com>")
                .subject("Last weekend of the year...   CYBERMONDAY")
                .text("All jackets 30 % off until Monday. Results for FY2026 are on our site.")));
    c.add(
        ok(
            "subject tag",
            "An invoice number behind three spaces (a supplier's system)",
            JapaneseMail.utf8()
                .auth("hikari-butsuryu.co.jp", "pass")
                .from("ヒカリ物流 経理部", "keiri@hikari-butsuryu.co.jp")
                .to("keiri@" + ORG)
                .subject("請求書のご送付   20261130001")
                .text("11月分の請求書を添付いたします。")
                .attach("請求書.pdf", "application/pdf", JapaneseMail.PDF)));
    c.add(
        ok(
            "generated sender",
            "A person's free-mail address of two names and a year",
            JapaneseMail.utf8()
                .from("Maria Lopez", "lopez_maria_1985@gmail.com")
                .to("k.sato@" + ORG)
                .subject("Dinner on Friday?")
                .text("Hi Sato-san, are you free on Friday evening? Maria")));
    c.add(
        ok(
            "generated sender",
            "An employee address with a staff number on the company's own domain",
            JapaneseMail.utf8()
                .auth("example-denki.co.jp", "pass")
                .from("Taro Suzuki", "suzuki_taro_20931@example-denki.co.jp")
                .to("k.sato@" + ORG)
                .subject("打ち合わせの日程")
                .text("佐藤様 来週の打ち合わせは水曜 14 時でいかがでしょうか。鈴木")));
    c.add(
        ok(
            "hidden bulk",
            "A neighbourhood club's notice to undisclosed recipients, no unsubscribe line",
            JapaneseMail.utf8()
                .auth("minato-tennis.jp", "pass")
                .from("港テニスクラブ", "info@minato-tennis.jp")
                .to("undisclosed-recipients:;")
                .subject("12月の練習日程")
                .text("会員の皆さま 12月の練習は毎週土曜 9 時からです。")));
    c.add(
        ok(
            "hidden bulk",
            "A newsletter in Bcc that carries its list headers",
            JapaneseMail.utf8()
                .auth("example-news.jp", "pass")
                .from("Example News", "news@example-news.jp")
                .to("undisclosed-recipients:;")
                .header("List-Unsubscribe: <https://example-news.jp/u?id=9>")
                .header("List-Id: <weekly.example-news.jp>")
                .subject("今週のニュース")
                .html(
                    "<p>今週の記事です。</p><p><a href=\"https://example-news.jp/u?id=9\">配信停止</a></p>")));
    c.add(
        ok(
            "brand's own domain",
            "三井住友カード through a mailing service, signed for smbc-card.com",
            JapaneseMail.utf8()
                .header(
                    "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                        + " smtp.mailfrom=bounce.mailer-service.example.net; dkim=pass"
                        + " header.d=smbc-card.com; dmarc=pass header.from=smbc-card.com")
                .from("三井住友カード", "news@smbc-card.com")
                .to("k.sato@" + ORG)
                .subject("12月のキャンペーンのご案内")
                .text("いつもご利用ありがとうございます。詳しくは https://www.smbc-card.com/ をご覧ください。")));
    c.add(
        ok(
            "brand's own domain",
            "Amazon.co.jp's notice to a receiver that checked SPF only, the envelope at amazonses.com",
            JapaneseMail.utf8()
                .header(
                    "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                        + " smtp.mailfrom=a1b2c3.jp-east.amazonses.com")
                .from("Amazon.co.jp", "shipment-tracking@amazon.co.jp")
                .to("k.sato@" + ORG)
                .subject("ご注文の商品を発送しました")
                .text("ご注文の商品を発送しました。お届け予定日: 12月3日。")));
    c.add(
        ok(
            "brand's own domain",
            "A small shop through a mailing service without a signature of its own (no brand)",
            JapaneseMail.utf8()
                .header(
                    "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                        + " smtp.mailfrom=bounce.mailer-service.example.net; dkim=none;"
                        + " dmarc=none header.from=example-pan-koubou.jp")
                .from("パン工房", "info@example-pan-koubou.jp")
                .to("k.sato@" + ORG)
                .subject("12月の新作パン")
                .text("12月は季節のシュトーレンをご用意しました。店頭でお待ちしております。")));
    c.add(
        ok(
            "public schemes and banks",
            "A Brazilian shop's receipt naming the buyer's CPF (the taxpayer number)",
            JapaneseMail.utf8()
                .auth("loja-exemplo.com.br", "pass")
                .from("Loja Exemplo", "pedidos@loja-exemplo.com.br")
                .to("k.sato@" + ORG)
                .subject("Nota fiscal do seu pedido 48213")
                .text(
                    "Olá! A nota fiscal do pedido 48213 foi emitida para o seu CPF ***.482.130-**."
                        + " Obrigado pela compra.")));
    c.add(
        ok(
            "public schemes and banks",
            "Mon Compte Formation's own notice from its domain",
            JapaneseMail.utf8()
                .auth("moncompteformation.gouv.fr", "pass")
                .from("Mon Compte Formation", "ne-pas-repondre@moncompteformation.gouv.fr")
                .to("k.sato@" + ORG)
                .subject("Votre inscription est confirmée")
                .text("Votre inscription à la formation « Gestion de projet » est confirmée.")));
    return c;
  }

  @Test
  void theSubjectTagIsReadOnlyBehindFillerAndWhenMachineMade() {
    assertThat(MailRandomNames.subjectTag("Check now...ACZDOCCQRF")).isEqualTo("...ACZDOCCQRF");
    assertThat(MailRandomNames.subjectTag("Take action!__ID#XJ69E-399"))
        .isEqualTo("__ID#XJ69E-399");
    assertThat(MailRandomNames.subjectTag("Win!       ............ UH1488127")).isNotNull();
    assertThat(MailRandomNames.subjectTag("SaferBrowsing..grEy")).isNotNull();
    assertThat(MailRandomNames.subjectTag("Voer gegevens in\t.2913376448")).isNotNull();
    assertThat(MailRandomNames.subjectTag("Big news... Finally")).isNull();
    assertThat(MailRandomNames.subjectTag("Report... 2026-12-01")).isNull();
    assertThat(MailRandomNames.subjectTag("Results...FY2026")).isNull();
    assertThat(MailRandomNames.subjectTag("Now available... YouTube")).isNull();
    assertThat(MailRandomNames.subjectTag("Last chance...   BLACKFRIDAY")).isNull();
    assertThat(MailRandomNames.subjectTag("Order ACZDOCCQRF")).isNull();
    assertThat(MailRandomNames.subjectTag("Support request [#48213]")).isNull();
    assertThat(MailRandomNames.subjectTag(null)).isNull();
    // a long subject is read at its end only, quickly
    assertThat(MailRandomNames.subjectTag(" ".repeat(100_000) + "...ACZDOCCQRF")).isNotNull();
    assertThat(MailRandomNames.subjectTag(".".repeat(100_000))).isNull();
  }

  @Test
  void aGeneratedMailboxNeedsTheNumberedSubdomain() {
    assertThat(
            MailRandomNames.generatedMailbox(
                "ramos_todd_50742@9hiwa3.9amaron.shop", "9hiwa3.9amaron.shop", "9amaron.shop"))
        .isEqualTo("9hiwa3.9amaron.shop");
    assertThat(
            MailRandomNames.generatedMailbox(
                "ramos_todd_50742@9amaron.shop", "9amaron.shop", "9amaron.shop"))
        .isNull();
    assertThat(
            MailRandomNames.generatedMailbox(
                "ramos_todd_50742@mail.example.com", "mail.example.com", "example.com"))
        .isNull();
    assertThat(
            MailRandomNames.generatedMailbox(
                "todd.ramos@k7fwq2.example.shop", "k7fwq2.example.shop", "example.shop"))
        .isNull();
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
