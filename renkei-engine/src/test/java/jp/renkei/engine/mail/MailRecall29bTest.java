package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * General lure signs recall29 noticed and left (recall29b), each with its legitimate look-alike: a
 * brand's domain written with hyphens for its dots inside a link's host, words broken by zero-width
 * characters written as HTML entities, and the TS CUBIC and UC cards in the brand table.
 */
class MailRecall29bTest {

  private static List<MailReport.Finding> of(MailReport r, RedFlag f) {
    return r.findingsByFlag().getOrDefault(f, List.of());
  }

  @Test
  void aBrandDomainWrittenWithHyphensInsideAnotherDomainIsALookAlike() {
    assertThat(MailBrands.brandDomainHyphened("my-jcb-co-jp.cyyan.xyz"))
        .isEqualTo("jcb.co.jp (JCB)");
    assertThat(MailBrands.brandDomainHyphened("www-smbc-co-jp.sptdb.cn"))
        .isEqualTo("smbc.co.jp (三井住友)");
    assertThat(MailBrands.brandDomainHyphened("my-ts3card-com.lure-example.top"))
        .isEqualTo("ts3card.com (TS CUBIC CARD)");
    // in the registrable label itself, with more after it
    assertThat(MailBrands.brandDomainHyphened("www-smbc-co-jp-secure.com"))
        .isEqualTo("smbc.co.jp (三井住友)");
    assertThat(MailBrands.brandDomainHyphened("amazon-co-jp.order-example.xyz"))
        .isEqualTo("amazon.co.jp (Amazon)");
    // a brand label of two words
    assertThat(MailBrands.brandDomainHyphened("rakuten-card-co-jp.member-example.cn"))
        .isEqualTo("rakuten-card.co.jp (楽天)");
  }

  @Test
  void theBrandsOwnHyphenatedDomainsAndOriginProxiesAreNoLookAlike() {
    for (String own :
        List.of(
            "www.smbc-card.com",
            "rakuten-card.co.jp",
            "www.rakuten-card.co.jp",
            "jp-bank.japanpost.jp",
            "paypal-communication.com",
            "www.tokyo-gas.co.jp",
            "my.ts3card.com",
            "my.jcb.co.jp",
            "www.amazon.co.jp",
            // a brand's hyphenated name on its own domain
            "www-amazon-com.amazon.com",
            // Google's AMP cache and translation proxy serve the site's own page under its domain
            // spelled with hyphens
            "www-jcb-co-jp.cdn.ampproject.org",
            "www-amazon-co-jp.translate.goog",
            // a word that is also a suffix, not after a brand
            "jp-com-service.example.com",
            // a brand's name followed by a word that is no suffix
            "jcb-card-guide.example.com")) {
      assertThat(MailBrands.brandDomainHyphened(own)).as(own).isNull();
    }
  }

  @Test
  void aLureLinkingTheHyphenedMemberSiteIsFlaggedAndTheRealNoticeIsNot() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("TS CUBIC CARD", "info@notice-example.com")
            .subject("【重要】必ずお読みください")
            .text(
                "TS CUBIC CARD会員様\n以下より会員情報をご確認ください。\nhttps://my-ts3card-com.lure-example.top/login\n")
            .analyze();
    assertThat(of(lure, RedFlag.LOOKALIKE_DOMAIN))
        .as(lure.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("ts3card.com (TS CUBIC CARD)"));
    MailReport own =
        JapaneseMail.utf8()
            .from("TS CUBIC CARD", "info@tscubic.com")
            .auth("tscubic.com", "pass")
            .subject("ご利用代金明細のご案内")
            .text(
                "いつもTS CUBIC CARDをご利用いただきありがとうございます。\n今月のご利用代金明細はMY TS3でご確認いただけます。\nhttps://my.ts3card.com/\n")
            .analyze();
    assertThat(of(own, RedFlag.LOOKALIKE_DOMAIN)).as(own.findings().toString()).isEmpty();
    assertThat(of(own, RedFlag.BRAND_IMPERSONATION)).as(own.findings().toString()).isEmpty();
  }

  @Test
  void theUcCardIsABrandAndTheUcsCardIsNotIt() {
    assertThat(MailSigns.claimed("ucカード会員様へ重要なお知らせ"))
        .anySatisfy(b -> assertThat(b.name()).isEqualTo("UCカード"));
    assertThat(MailSigns.claimed("ucsカード会員様へのお知らせ"))
        .noneSatisfy(b -> assertThat(b.name()).isEqualTo("UCカード"));
    assertThat(MailSigns.claimed("ts cubic card会員様"))
        .anySatisfy(b -> assertThat(b.name()).isEqualTo("TS CUBIC CARD"));
    MailReport lure =
        JapaneseMail.utf8()
            .from("UCカード", "support@account-example.com")
            .subject("【UCカード】ご本人様確認のお願い")
            .text("UCカードをご利用のお客様へ\nご本人様確認のため、以下よりログインしてください。\nhttps://account-example.com/uc\n")
            .analyze();
    assertThat(of(lure, RedFlag.BRAND_IMPERSONATION))
        .as(lure.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("UCカード"));
    MailReport own =
        JapaneseMail.utf8()
            .from("UCカード", "info@uccard.co.jp")
            .auth("uccard.co.jp", "pass")
            .subject("ご利用代金確定のお知らせ")
            .text("UCカードをご利用いただきありがとうございます。\nご利用代金が確定しました。アットユーネットでご確認ください。\n")
            .analyze();
    assertThat(of(own, RedFlag.BRAND_IMPERSONATION)).as(own.findings().toString()).isEmpty();
  }

  /** Every letter of a text followed by a zero-width space written as an HTML entity. */
  private static String zeroWidthEntities(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c);
      if (Character.isLetter(c)) {
        b.append("&#8203;");
      }
    }
    return b.toString();
  }

  @Test
  void zeroWidthSpacesWrittenAsEntitiesBetweenLettersOfAnHtmlBodyAreObfuscatedText() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("Billing", "alerts@billing-example.com")
            .subject("Payment failed")
            .html(
                "<html><body><h2>"
                    + zeroWidthEntities("Your payment was unsuccessful.")
                    + "</h2><p>"
                    + zeroWidthEntities("Your account is marked for removal. Fix now.")
                    + "</p></body></html>")
            .analyze();
    assertThat(of(lure, RedFlag.OBFUSCATED_TEXT))
        .as(lure.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("inside words"));
    // a newsletter's preheader padded with zero-width spaces between spaces, and one between two
    // words of a heading: no word is broken ten times
    MailReport news =
        JapaneseMail.utf8()
            .from("Example Shop", "news@shop-example.com")
            .subject("This week's offers")
            .html(
                "<html><body><span style=\"display:none\">New arrivals"
                    + " &#8203;&nbsp;".repeat(40)
                    + "</span><h1>Spring&#8203; sale</h1><p>Our new arrivals are in the shop"
                    + " this week.</p></body></html>")
            .analyze();
    assertThat(of(news, RedFlag.OBFUSCATED_TEXT)).as(news.findings().toString()).isEmpty();
  }
}
