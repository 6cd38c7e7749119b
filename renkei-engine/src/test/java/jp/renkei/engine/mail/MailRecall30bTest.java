package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a reader takes for a domain in front of another (recall30b): a brand's domain glued with a
 * hyphen to the next label is read only with a suffix a company's address ends with, not with any
 * new top-level domain that happens to start an ordinary hyphenated name (help-example.com is no
 * "eki-net.help"); and a bare public suffix written in front of another domain (www.co.jp.…) shows
 * the reader a Japanese company's address that is none.
 */
class MailRecall30bTest {

  @Test
  void aBrandLabelBeforeAnOrdinaryHyphenatedDomainIsNoBrandsDomain() {
    for (String host :
        List.of(
            // .help, .blog, .shop, .app, .info, .support are top-level domains, but "help-example"
            // is one label: the reader sees a host named eki-net on help-example.com
            "eki-net.help-example.com",
            "eki-net.blog-example.jp",
            "rakuten.shop-example.com",
            "jcb.app-example.net",
            "amazon.info-example.co.jp",
            "www.smbc.support-example.com",
            "mufg.news-example.jp")) {
      assertThat(MailBrands.brandDomainInFront(host)).as(host).isNull();
    }
  }

  @Test
  void aBrandsDomainGluedToTheNextLabelIsStillALookAlike() {
    assertThat(MailBrands.brandDomainInFront("rakuten-sec.co.jp-member.cn"))
        .isEqualTo("rakuten-sec.co.jp (楽天)");
    assertThat(MailBrands.brandDomainInFront("www.smbc-card.com-secure.top"))
        .isEqualTo("smbc-card.com (三井住友)");
    assertThat(MailBrands.brandDomainInFront("eki-net.com-login.example.top"))
        .isNull(); // (the glued label is not the registrable one: not read, as before)
    assertThat(MailBrands.brandDomainInFront("www.eki-net.jp-account.xyz"))
        .isEqualTo("eki-net.jp (えきねっと)");
    assertThat(MailBrands.brandDomainInFront("www.mufg.ne.jp-secure.cn"))
        .isEqualTo("mufg.ne.jp (三菱UFJ)");
    // written with dots the brand's domain is read whatever its suffix, as before
    assertThat(MailBrands.brandDomainInFront("amazon.co.jp.kvbxz.xyz"))
        .isEqualTo("amazon.co.jp (Amazon)");
  }

  @Test
  void aBarePublicSuffixInFrontOfAnotherDomainIsALookAlike() {
    assertThat(MailBrands.suffixInFront("www.co.jp.trackio-example.cn")).isEqualTo("www.co.jp");
    assertThat(MailBrands.suffixInFront("co.jp.lure-example.top")).isEqualTo("co.jp");
    assertThat(MailBrands.suffixInFront("www.ne.jp.login-example.xyz")).isEqualTo("www.ne.jp");
    assertThat(MailBrands.suffixInFront("www.co.uk.secure-example.com")).isEqualTo("www.co.uk");
  }

  @Test
  void hostsThatBeginWithACountryCodeOrACompanysOwnDomainAreNoBareSuffix() {
    for (String host :
        List.of(
            // a company's regional sites: jp.example.com, a one-label suffix in front
            "jp.example.com",
            "www.jp.example.com",
            "co.example.com",
            "com.example.net",
            // a company's own hosts, and a company's domain in front of a CDN's
            "www.example.co.jp",
            "example.co.jp.cdn-example.net",
            "news.example.co.jp.example-mailer.com",
            // a hosting service's suffix (not a registry's) in front: no company address
            "github.io.example.com",
            // a word before the suffix: not bare
            "shop.co.jp.example.com")) {
      assertThat(MailBrands.suffixInFront(host)).as(host).isNull();
    }
  }

  @Test
  void aLureLinkWithABareSuffixInFrontIsFlagged() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("Amazon", "info@trackio-example.cn")
            .subject("ご注文の確認")
            .text("ご注文の内容は下記からご確認いただけます。\nhttps://www.co.jp.trackio-example.cn/ap/order\n")
            .analyze();
    assertThat(lure.findingsByFlag().getOrDefault(RedFlag.LOOKALIKE_DOMAIN, List.of()))
        .as(lure.findings().toString())
        .extracting(MailReport.Finding::evidence)
        .anySatisfy(
            e -> assertThat(e).contains("www.co.jp.trackio-example.cn").contains("≈ www.co.jp"));
  }
}
