package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signs of the Japanese lures phish-ja's tuning half still missed (recall29), each with its
 * legitimate look-alike written here after the public wording of Japanese card companies' and
 * banks' notices: a lure word or brand spaced out letter by letter inside a sentence, a display
 * name speaking as a company through a mailing list, and personal details to "authenticate again".
 */
class MailJapaneseRecallTest {

  /**
   * A discussion list's headers, the list host as envelope sender (the list vouches for itself).
   */
  private static JapaneseMail throughList(JapaneseMail m) {
    return m.header("Return-Path: <dev-bounces@lists.radio-example.org>")
        .header("X-Mailman-Version: 3.3.3")
        .header("Precedence: list")
        .header("List-Id: Radio development <dev.lists.radio-example.org>")
        .header("List-Archive: <https://lists.radio-example.org/archives/list/dev/>")
        .header("List-Post: <mailto:dev@lists.radio-example.org>")
        .header("List-Unsubscribe: <mailto:dev-leave@lists.radio-example.org>");
  }

  private static List<MailReport.Finding> of(MailReport r, RedFlag f) {
    return r.findingsByFlag().getOrDefault(f, List.of());
  }

  private static final String SPACED_NOTICE =
      "三 井 住 友 カ ー ドをご利用のお客様へ\n"
          + "下記のご利用がございましたので、お知らせいたします。\n"
          + "ご利用金額：12,800円\n"
          + "お心当たりがない場合は、以下 の リ ン ク をクリ ッ ク し て詳細をご確認ください。\n"
          + "https://card-detail.example.net/\n";

  @Test
  void aBrandAndLinkWordsSpacedOutInsideSentencesAreObfuscatedText() {
    MailReport r =
        JapaneseMail.utf8()
            .from("自動メール送信", "noreply@notice-example.com")
            .subject("お支払い予定金額のご案内")
            .text(SPACED_NOTICE)
            .analyze();
    assertThat(of(r, RedFlag.OBFUSCATED_TEXT))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("三 井 住 友 カ ー ド"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSpacedLureKeepsItsSignThroughAMailingList() {
    MailReport r =
        throughList(JapaneseMail.utf8())
            .from("自動メール送信", "noreply@notice-example.com")
            .subject("[dev] お支払い予定金額のご案内")
            .text(SPACED_NOTICE)
            .analyze();
    assertThat(of(r, RedFlag.OBFUSCATED_TEXT)).as(r.findings().toString()).isNotEmpty();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void letterSpacedHeadingsAndNamesOnTheirOwnAreNoSign() {
    // a card company's real notice shape: a spaced heading between marks, a spaced signature
    // name on its own line, the company's own authenticated domain
    MailReport r =
        JapaneseMail.utf8()
            .from("三井住友カード", "info@smbc-card.com")
            .auth("smbc-card.com", "pass")
            .subject("ご利用明細のお知らせ")
            .text(
                "■ ご 利 用 明 細 ■\n"
                    + "いつも三井住友カードをご利用いただき、ありがとうございます。\n"
                    + "今月のご利用明細が確定しました。会員専用サイトでご確認いただけます。\n"
                    + "【 カ ー ド 会 員 様 各 位 】\n"
                    + "お支払い日：12月26日\n\n"
                    + "担当　山 田 太 郎\n")
            .analyze();
    assertThat(of(r, RedFlag.OBFUSCATED_TEXT)).as(r.findings().toString()).isEmpty();
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void spacedWordsWithoutALureWordAreNoSign() {
    assertThat(MailSpacedJapanese.find("本日は晴 れ の 日です。")).isNull();
    assertThat(MailSpacedJapanese.find("■ お 知 ら せ ■\nリンク先をご覧ください。")).isNull();
    assertThat(MailSpacedJapanese.find("以下 の リ ン ク をクリック")).isEqualTo("下 の リ ン ク を");
  }

  @Test
  void aJapaneseDisplayNameSpeakingAsABrokerThroughAListIsImpersonation() {
    MailReport r =
        throughList(JapaneseMail.utf8())
            .from("楽天証券からのお知らせ", "service_1@notice-example.com")
            .subject("重要なお知らせ｜ログイン時にご留意事項の確認が必要です")
            .text(
                "平素より楽天証券をご利用いただき、誠にありがとうございます。\n"
                    + "以下のリンクよりご確認・ご回答をお願いいたします。\n"
                    + "https://sec-notice.example.net/agree\n")
            .analyze();
    assertThat(of(r, RedFlag.BRAND_IMPERSONATION))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("楽天").contains("mailing list"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aDisplayNameThatIsTheBrandAloneThroughAListIsImpersonation() {
    MailReport r =
        throughList(JapaneseMail.utf8())
            .from("Nintendo", "billing@shop-example.com")
            .subject("Nintendo Switch Online 自動継続購入について")
            .text("決済が完了できませんでした。下記より再度ご購入ください。\nhttps://eshop-example.net/\n")
            .analyze();
    assertThat(of(r, RedFlag.BRAND_IMPERSONATION))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("Nintendo"));
  }

  @Test
  void membersAndTheBrandItselfThroughAListAreNoImpersonation() {
    // a member with a given name that is also a bank's (みずほ), a member naming her employer, the
    // company's own announcement from its own domain, a From the list rewrote
    for (String[] from :
        List.of(
            new String[] {"佐藤 みずほ", "mizuho.sato@univ-example.ac.jp"},
            new String[] {"Jane Doe (Google)", "jane@univ-example.edu"},
            new String[] {"楽天証券からのお知らせ", "info@rakuten-sec.co.jp"},
            new String[] {"任天堂 via dev", "dev@lists.radio-example.org"})) {
      MailReport r =
          throughList(JapaneseMail.utf8())
              .from(from[0], from[1])
              .subject("[dev] ドライバの件")
              .text("先日の件、ログを添えて再送します。よろしくお願いします。\n")
              .analyze();
      assertThat(of(r, RedFlag.BRAND_IMPERSONATION)).as(from[0] + " " + r.findings()).isEmpty();
    }
  }

  @Test
  void personalDetailsToAuthenticateAgainIsACredentialRequest() {
    MailReport r =
        JapaneseMail.utf8()
            .from("カード会員サービス", "info@card-notice.example.com")
            .subject("【重要】会員サービス停止のお知らせ")
            .text(
                "個人情報の\n再認証が完了するまで、会員サービスはご利用いただけません。\n" + "https://card-notice.example.com/auth\n")
            .analyze();
    assertThat(of(r, RedFlag.CREDENTIAL_REQUEST))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("再認証"));
  }

  @Test
  void aBanksPurposeOfTransactionsCheckIsNoReauthentication() {
    // the public wording of Japanese banks' periodic customer checks (お客さま情報等の確認)
    MailReport r =
        JapaneseMail.utf8()
            .from("サンプル銀行", "info@sample-bank.co.jp")
            .auth("sample-bank.co.jp", "pass")
            .subject("お客さま情報等の確認についてのお願い")
            .text(
                "マネー・ローンダリング等防止のため、定期的にお客さま情報やお取引の目的等を"
                    + "確認させていただいております。\n郵送でお送りする回答書にご記入のうえご返送ください。\n")
            .analyze();
    assertThat(of(r, RedFlag.CREDENTIAL_REQUEST)).as(r.findings().toString()).isEmpty();
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void docomoCardIsClaimedAsAWordOnly() {
    // a card named in Latin letters ending in d before カード ("Goldカード") is no docomo claim
    assertThat(MailSigns.claimed("goldカードのご案内"))
        .extracting(MailBrands.Brand::name)
        .doesNotContain("NTTドコモ");
    assertThat(MailSigns.claimed("ts cubic cardカード会員様"))
        .extracting(MailBrands.Brand::name)
        .doesNotContain("NTTドコモ");
    assertThat(MailSigns.claimed("dカードのご利用について"))
        .extracting(MailBrands.Brand::name)
        .contains("NTTドコモ");
  }

  @Test
  void aBrokersNameOnAnotherDomainAskingForATaxFormIsImpersonation() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("Interactive Brokers", "banking@tax-notice.example.com")
            .subject("Renewal of Expired W-8BEN Documentation")
            .text(
                "Dear Client, your W-8BEN certification has expired.\nhttps://renew.example.net/\n")
            .analyze();
    assertThat(of(lure, RedFlag.BRAND_IMPERSONATION))
        .as(lure.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("Interactive Brokers"));
    MailReport own =
        JapaneseMail.utf8()
            .from("Interactive Brokers", "donotreply@interactivebrokers.com")
            .auth("interactivebrokers.com", "pass")
            .subject("Your monthly activity statement is ready")
            .text("Dear Client, your statement for November is available in the Client Portal.\n")
            .analyze();
    assertThat(of(own, RedFlag.BRAND_IMPERSONATION)).as(own.findings().toString()).isEmpty();
  }

  @Test
  void aFromNameInRawIso2022JpIsAHeaderMadeByHand() throws Exception {
    String raw =
        new String("カード会員サービス".getBytes("ISO-2022-JP"), java.nio.charset.StandardCharsets.US_ASCII);
    MailReport lure =
        JapaneseMail.iso2022jp()
            .header("From: \"" + raw + "\" <info@campaign-example.com>")
            .subject("年会費無料キャンペーン")
            .text("今すぐお申し込みください。\nhttps://campaign-example.com/\n")
            .analyze();
    assertThat(of(lure, RedFlag.MALFORMED_SENDER))
        .as(lure.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("ISO-2022-JP"));
    // the same name as every mail program writes it: an encoded word
    MailReport encoded =
        JapaneseMail.iso2022jp()
            .from("カード会員サービス", "info@campaign-example.com")
            .subject("年会費無料キャンペーン")
            .text("今すぐお申し込みください。\nhttps://campaign-example.com/\n")
            .analyze();
    assertThat(of(encoded, RedFlag.MALFORMED_SENDER)).as(encoded.findings().toString()).isEmpty();
  }
}
