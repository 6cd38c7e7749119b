package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The signs ja23 added for Japanese mail as received, each tried from both sides: what it must
 * catch and the legitimate mail (or the attacker's way around it) it must not mistake.
 */
class MailJapaneseAsReceivedSignsTest {

  static MailReport circular(String indicators, String tail) {
    return JapaneseMail.iso2022jp()
        .auth("ceptoar-sec.or.jp", "pass")
        .from("セプター事務局", "info@ceptoar-sec.or.jp")
        .subject("【TLP:GREEN】フィッシングメールに関する注意喚起")
        .text(
            "構成員各位\n電力会社を装い、カード情報を入力させるフィッシングメールが確認されています。\n"
                + "確認された URL（無害化済み）\n"
                + indicators
                + "\n上記の遮断をお願いします。\n"
                + tail)
        .analyze();
  }

  @Test
  void aCircularQuotingDefangedIndicatorsIsAnAdvisoryAndItsIndicatorsStayInTheReport() {
    MailReport r =
        circular("hxxps://kurashi-tepco[.]net/login\nhxxps://www.amazon.co.jp.kvbxz[.]xyz/ap/", "");
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(MailSignsTest.flags(r))
        .doesNotContain(
            RedFlag.CREDENTIAL_REQUEST, RedFlag.LOGIN_LINK_ELSEWHERE, RedFlag.LOOKALIKE_DOMAIN);
    // the indicators are still reported (for STIX, C4TAP and matching), refanged
    assertThat(r.links())
        .extracting(MailReport.Link::url)
        .contains("https://kurashi-tepco.net/login");
  }

  @Test
  void theSameAddressWrittenLiveAsWellIsALinkAgain() {
    // an attacker cannot hide a live link behind its defanged twin written first
    MailReport r =
        circular(
            "hxxps://kurashi-tepco[.]net/login",
            "こちらからログインしてご確認ください https://kurashi-tepco.net/login");
    assertThat(MailSignsTest.flags(r))
        .contains(RedFlag.LOGIN_LINK_ELSEWHERE, RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aDefangedQuoteDoesNotMakeALureWithItsOwnSignInPageAnAdvisory() {
    MailReport r =
        JapaneseMail.utf8()
            .auth("kakunin-center.net", "pass")
            .from("確認センター", "info@kakunin-center.net")
            .subject("本人確認のお願い")
            .text(
                "不審なサイト hxxps://bad[.]example/ にご注意ください。\n"
                    + "本人確認のため、下記からログインしてください。\nhttps://kakunin-center.net/login\n")
            .analyze();
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aJapaneseBrandsNameOnACheapTopLevelDomainIsNotTheBrands() {
    MailBrands.Brand sagawa =
        MailBrands.BRANDS.stream().filter(b -> b.name().equals("佐川急便")).findFirst().orElseThrow();
    assertThat(MailBrands.ownedBy(sagawa, "sagawa-exp.cc")).isFalse();
    assertThat(MailBrands.ownedBy(sagawa, "mail.sagawa-exp.top")).isFalse();
    assertThat(MailBrands.ownedBy(sagawa, "sagawa-exp.co.jp")).isTrue();
    MailReport r =
        JapaneseMail.utf8()
            .from("佐川急便", "support@sagawa-exp.cc")
            .subject("【佐川急便】お荷物の配達について")
            .text("宛先不明のためお荷物を配達できませんでした。\nhttps://sagawa-exp.cc/confirm\n")
            .analyze();
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.BRAND_IMPERSONATION);
  }

  @Test
  void aMacroDocumentBehindALinkIsAProgramUnlessTheAuthenticatedSenderHostsIt() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("品質管理部 鈴木", "info@sakura-trading.co")
            .subject("納品物の不具合について")
            .text("詳細資料：https://sakura-docs.top/share/furyou_list.xlsm\n")
            .analyze();
    assertThat(MailSignsTest.flags(lure)).contains(RedFlag.EXECUTABLE_LINK);
    MailReport own =
        JapaneseMail.utf8()
            .auth("example-tools.co.jp", "pass")
            .from("経理部", "keiri@example-tools.co.jp")
            .subject("集計マクロの更新")
            .text("新しい集計表です。https://files.example-tools.co.jp/shukei_v2.xlsm\n")
            .analyze();
    assertThat(MailSignsTest.flags(own)).doesNotContain(RedFlag.EXECUTABLE_LINK);
  }

  @Test
  void anArchiveBehindALinkWithItsPasswordInTheMessageIsAnEncryptedArchive() {
    String text = "資料を下記にご用意しました。\nhttps://files.kisha-share.top/d/shiryo.zip\n" + "解凍パスワード：２０２６\n";
    MailReport lure =
        JapaneseMail.iso2022jp()
            .from("例示新聞 記者 佐藤", "sato.kisha@gmail.com")
            .subject("取材のお願い")
            .text(text)
            .analyze();
    assertThat(MailSignsTest.flags(lure))
        .contains(RedFlag.ENCRYPTED_ARCHIVE, RedFlag.FREEMAIL_CLAIMS_ORGANISATION);
    // the authenticated sender's own file server (PPAP from one's own domain) is not the sign
    MailReport own =
        JapaneseMail.iso2022jp()
            .auth("example-share.co.jp", "pass")
            .from("加藤", "kato@example-share.co.jp")
            .subject("資料の送付")
            .text(text.replace("files.kisha-share.top", "files.example-share.co.jp"))
            .analyze();
    assertThat(MailSignsTest.flags(own)).doesNotContain(RedFlag.ENCRYPTED_ARCHIVE);
    // no password given: a link to an archive alone is not this sign
    MailReport plain =
        JapaneseMail.iso2022jp()
            .from("例示新聞 記者 佐藤", "sato.kisha@example-shimbun.co.jp")
            .subject("資料")
            .text("https://files.kisha-share.top/d/shiryo.zip\n")
            .analyze();
    assertThat(MailSignsTest.flags(plain)).doesNotContain(RedFlag.ENCRYPTED_ARCHIVE);
  }

  @Test
  void onlyADepartmentThatWritesInsideItsOwnOrganisationIsTheReaders() {
    for (String name : new String[] {"人事部", "人事部 人事課", "【人事部】", "情報システム部", "システム管理者", "ヘルプデスク"}) {
      assertThat(MailSenders.READERS_DEPARTMENT.matcher(name).matches()).as(name).isTrue();
    }
    for (String name : new String[] {"阿部", "さくら商事 人事部", "営業部", "人事部長 山田"}) {
      assertThat(MailSenders.READERS_DEPARTMENT.matcher(name).matches()).as(name).isFalse();
    }
  }

  @Test
  void theReadersHrDepartmentFromAnotherDomainAskingToSignInIsACredentialRequest() {
    String text = "社員各位\n人事異動の結果を公開しました。社内ポータルに社員IDとパスワードでサインインし、ご確認ください。\n";
    MailReport outside =
        JapaneseMail.utf8()
            .auth("jinji-portal.com", "pass")
            .from("人事部", "jinji@jinji-portal.com")
            .subject("人事異動のお知らせ")
            .text(text + "https://jinji-portal.com/sso/login\n")
            .analyze();
    assertThat(MailSignsTest.flags(outside)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(outside.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    // the same notice from the reader's own domain is the HR department's
    MailReport inside =
        JapaneseMail.utf8()
            .auth("example-corp.co.jp", "pass")
            .from("人事部", "jinji@example-corp.co.jp")
            .subject("人事異動のお知らせ")
            .text(text + "https://portal.example-corp.co.jp/jinji/\n")
            .analyze();
    assertThat(inside.verdict())
        .as(inside.findings().toString())
        .isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anAuthenticatedPublicBodyNamingAVendorsProductsInItsSubjectDoesNotClaimTheVendor() {
    MailReport ipa =
        JapaneseMail.utf8()
            .auth("ipa.go.jp", "pass")
            .from("IPA 重要なセキュリティ情報", "ipa-mm@ipa.go.jp")
            .subject("【IPA】更新：Microsoft 製品の脆弱性対策について")
            .text("修正プログラムを適用してください。\nhttps://www.ipa.go.jp/security/\n")
            .analyze();
    assertThat(MailSignsTest.flags(ipa)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    // the same subject from a domain of no public body still claims Microsoft
    MailReport other =
        JapaneseMail.utf8()
            .auth("ipa-security-info.top", "pass")
            .from("IPA 重要なセキュリティ情報", "info@ipa-security-info.top")
            .subject("【IPA】更新：Microsoft 製品の脆弱性対策について")
            .text("修正プログラムを適用してください。\nhttps://ipa-security-info.top/update\n")
            .analyze();
    assertThat(MailSignsTest.flags(other)).contains(RedFlag.BRAND_IMPERSONATION);
  }
}
