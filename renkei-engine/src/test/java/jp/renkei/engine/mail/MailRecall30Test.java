package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lures caught by the shape of their addresses, whatever their words (recall30): a brand's domain
 * written as the mailbox name of a sender on another domain, and a brand's domain label in front of
 * another domain in a login link. Each lure is written in words none of the wording signs read, the
 * way a held-out lure says the same thing differently; each has its legitimate look-alike.
 */
class MailRecall30Test {

  private static List<MailReport.Finding> of(MailReport r, RedFlag f) {
    return r.findingsByFlag().getOrDefault(f, List.of());
  }

  @Test
  void aBrandsDomainAsTheMailboxNameOfAnotherDomainIsALookAlike() {
    assertThat(MailBrands.brandDomainInMailbox("support-amazon.jp@28703-example.cn"))
        .isEqualTo("amazon.jp (Amazon)");
    assertThat(MailBrands.brandDomainInMailbox("mufg.jp@lure-example.cn"))
        .isEqualTo("mufg.jp (三菱UFJ)");
    assertThat(MailBrands.brandDomainInMailbox("info.jcb.co.jp@lure-example.com"))
        .isEqualTo("jcb.co.jp (JCB)");
    assertThat(MailBrands.brandDomainInMailbox("eki-net.com@lure-example.top"))
        .isEqualTo("eki-net.com (えきねっと)");
  }

  @Test
  void mailboxNamesThatAreNoBrandsDomainElsewhereAreNoLookAlike() {
    for (String address :
        List.of(
            // the brand's own domain
            "support-amazon.jp@amazon.co.jp",
            "mufg.jp@bk.mufg.jp",
            // a brand's name without a domain, a person's name with a dot, a word before a suffix
            "amazon@shop-example.com",
            "taro.yamada@example.co.jp",
            "info.net@example.com",
            "amazon.community@example.com",
            // a brand's name that is only part of a longer name
            "myamazon.jp@example.com")) {
      assertThat(MailBrands.brandDomainInMailbox(address)).as(address).isNull();
    }
  }

  @Test
  void aLureFromABrandsDomainAsMailboxIsCaughtInWordsNoWordingSignReads() {
    // no credential, urgency or payment words: a lure that says the same thing differently
    MailReport lure =
        JapaneseMail.utf8()
            .from("三菱UFJ銀行", "mufg.jp@notice-example.cn")
            .subject("お取引についてのご連絡")
            .text("いつもご利用ありがとうございます。\nお取引について確認事項がございます。\n")
            .analyze();
    assertThat(of(lure, RedFlag.LOOKALIKE_DOMAIN))
        .as(lure.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("mufg.jp (三菱UFJ)"));
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport own =
        JapaneseMail.utf8()
            .from("三菱UFJ銀行", "mufg.jp@bk.mufg.jp")
            .auth("bk.mufg.jp", "pass")
            .subject("お取引についてのご連絡")
            .text("いつもご利用ありがとうございます。\nお取引について確認事項がございます。\n")
            .analyze();
    assertThat(of(own, RedFlag.LOOKALIKE_DOMAIN)).as(own.findings().toString()).isEmpty();
  }

  @Test
  void aBrandsLabelInFrontOfAnotherDomainIsNamed() {
    assertThat(MailBrands.brandLabelInFront("www.eki-net.tsdgd-example.top"))
        .isEqualTo("eki-net (えきねっと)");
    assertThat(MailBrands.brandLabelInFront("my-jcb.research-example.com")).isEqualTo("jcb (JCB)");
    assertThat(MailBrands.brandLabelInFront("amazon.account-example.xyz"))
        .isEqualTo("amazon (Amazon)");
    for (String own :
        List.of(
            "www.eki-net.com",
            "my.jcb.co.jp",
            "www.amazon.co.jp",
            "aws.amazon.com",
            // Google's AMP cache serves the site's own page
            "eki-net.cdn.ampproject.org",
            // no brand's label
            "www.login-example.com",
            "www.example.com")) {
      assertThat(MailBrands.brandLabelInFront(own)).as(own).isNull();
    }
  }

  @Test
  void aLoginLinkUnderABrandsLabelElsewhereIsALookAlikeInEitherLanguage() {
    MailReport ja =
        JapaneseMail.utf8()
            .from("えきねっと", "info@members-example.cn")
            .subject("会員サービスのご案内")
            .text("えきねっと会員の皆さま\n下記ページよりお手続きください。\nhttps://www.eki-net.tsdgd-example.top/login\n")
            .analyze();
    assertThat(of(ja, RedFlag.LOOKALIKE_DOMAIN))
        .as(ja.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("eki-net (えきねっと)"));
    MailReport en =
        JapaneseMail.utf8()
            .from("JCB", "service@members-example.com")
            .subject("About your card")
            .text(
                "Dear member,\nPlease sign in below to continue.\nhttps://my-jcb.research-example.com/login\n")
            .analyze();
    assertThat(of(en, RedFlag.LOOKALIKE_DOMAIN))
        .as(en.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("jcb (JCB)"));
  }

  @Test
  void aBrandsOwnSiteOnAHostingServiceAndALinkThatAsksNoLoginAreNoLookAlike() {
    // the brand's own help desk, hosted under its name on a service
    MailReport own =
        JapaneseMail.utf8()
            .from("えきねっと", "info@eki-net.com")
            .auth("eki-net.com", "pass")
            .subject("お問い合わせへの回答")
            .text("お問い合わせの回答はこちらからログインしてご覧ください。\nhttps://eki-net.supportsite-example.com/login\n")
            .analyze();
    assertThat(of(own, RedFlag.LOOKALIKE_DOMAIN)).as(own.findings().toString()).isEmpty();
    // a blog under a brand's name that asks nothing
    MailReport blog =
        JapaneseMail.utf8()
            .from("旅の便り", "news@travel-example.jp")
            .auth("travel-example.jp", "pass")
            .subject("今月の旅行記")
            .text("今月の記事です。\nhttps://eki-net.travelnotes-example.jp/2026/12/trip\n")
            .analyze();
    assertThat(of(blog, RedFlag.LOOKALIKE_DOMAIN)).as(blog.findings().toString()).isEmpty();
  }
}
