package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signs of the Japanese lures phish-ja2's tuning half missed (ja36): a brand claimed by the writer
 * of a list post whose From the list rewrote ("東京電力 via dev", the writer's address in Reply-To), a
 * Japanese subject written as a company's notice through a list, the side-job recruitment by LINE,
 * a dating lure typed into a Japanese site's contact form; each with its legitimate look-alike.
 */
class MailJapaneseListLuresTest {

  /**
   * A discussion list's headers, the list host as envelope sender (the list vouches for itself).
   */
  private static JapaneseMail throughList(JapaneseMail m) {
    return m.header("Return-Path: <dev-bounces@lists.radio-example.org>")
        .header("X-Mailman-Version: 2.1.21")
        .header("Precedence: list")
        .header("List-Id: Radio development <dev.lists.radio-example.org>")
        .header("List-Archive: <https://lists.radio-example.org/archives/dev/>")
        .header("List-Post: <mailto:dev@lists.radio-example.org>")
        .header(
            "List-Unsubscribe: <mailto:dev-request@lists.radio-example.org?subject=unsubscribe>");
  }

  private static List<MailReport.Finding> of(MailReport r, RedFlag f) {
    return r.findingsByFlag().getOrDefault(f, List.of());
  }

  private static final String POWER_NOTICE =
      "いつも東京電力をご利用いただき、ありがとうございます。\n"
          + "夏季の電力ピーク時の安全対策について重要なお知らせがございます。\n"
          + "詳しくは下記をご覧ください。\nhttps://power-notice.example.net/\n";

  @Test
  void aBrandTheListRewroteFromIsCheckedAgainstTheWritersReplyTo() {
    MailReport r =
        throughList(JapaneseMail.utf8())
            .from("東京電力 via dev", "dev@lists.radio-example.org")
            .header("Reply-To: =?UTF-8?B?5p2x5Lqs6Zu75Yqb?= <support@faith-example.com>")
            .subject("[dev] 夏の電力利用に関する重要なお知らせ")
            .text(POWER_NOTICE)
            .analyze();
    assertThat(of(r, RedFlag.BRAND_IMPERSONATION))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("東京電力").contains("faith-example.com"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theBrandsOwnReplyToAndAMembersNameThroughARewritingListAreNoImpersonation() {
    for (String[] who :
        List.of(
            new String[] {"東京電力 via dev", "info@tepco.co.jp"},
            new String[] {"佐藤 花子 via dev", "hanako@univ-example.ac.jp"},
            new String[] {"Jane Doe via dev", "jane@univ-example.edu"})) {
      MailReport r =
          throughList(JapaneseMail.utf8())
              .from(who[0], "dev@lists.radio-example.org")
              .header("Reply-To: " + who[1])
              .subject("[dev] ドライバの件")
              .text("先日の件、ログを添えて再送します。よろしくお願いします。\n")
              .analyze();
      assertThat(of(r, RedFlag.BRAND_IMPERSONATION)).as(who[0] + " " + r.findings()).isEmpty();
    }
  }

  @Test
  void theWriterBehindARewrittenFromIsTheReplyToOffTheList() {
    MailListAuthors.Author a =
        MailListAuthors.rewritten(
            "NHKプラス via V9fs-developer",
            List.of("v9fs-developer@lists.sourceforge.net", "nhk-plus@yvo-example.com"),
            List.of("sourceforge.net"));
    assertThat(a).isNotNull();
    assertThat(a.name()).isEqualTo("NHKプラス");
    assertThat(a.domain()).isEqualTo("yvo-example.com");
    // no " via ", or no Reply-To off the list: no writer to name
    assertThat(MailListAuthors.rewritten("NHKプラス", List.of("a@b-example.com"), List.of())).isNull();
    assertThat(
            MailListAuthors.rewritten(
                "2022-07-21 02:21:01 via Dev",
                List.of("dev@lists.sourceforge.net"),
                List.of("sourceforge.net")))
        .isNull();
  }

  @Test
  void aJapaneseNoticeSubjectNamingABrandThroughAListIsImpersonation() {
    MailReport r =
        throughList(JapaneseMail.utf8())
            .from("umtkbok", "amazom@security-example.co.jp")
            .subject("[dev] Amazon.co.jpでのご注文の確認")
            .text(
                "誰かがあなたのアカウントを使用して、別のデバイスからこの注文を購入しました。\n"
                    + "注文の詳細を表示する https://order-check.example.net/\n")
            .analyze();
    assertThat(of(r, RedFlag.BRAND_IMPERSONATION))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("Amazon").contains("subject"));
  }

  @Test
  void aMembersQuestionOrReplyAboutACompanyIsNoNotice() {
    assertThat(MailListAuthors.japaneseNotice("[dev] Amazon EC2 でのビルド方法について")).isNull();
    assertThat(MailListAuthors.japaneseNotice("[dev] Re: Amazonでのご注文の確認")).isNull();
    assertThat(MailListAuthors.japaneseNotice("[dev] Amazon order confirmation")).isNull();
    assertThat(MailListAuthors.japaneseNotice("[dev] [SPAM] 【重要】アカウントの確認"))
        .isEqualTo("【重要】アカウントの確認");
    MailReport r =
        throughList(JapaneseMail.utf8())
            .from("鈴木 一郎", "ichiro@univ-example.ac.jp")
            .subject("[dev] Amazon EC2 でのビルド方法について")
            .text("EC2 上でビルドすると失敗します。どなたかご存じでしょうか。\n")
            .analyze();
    assertThat(of(r, RedFlag.BRAND_IMPERSONATION)).as(r.findings().toString()).isEmpty();
  }

  @Test
  void aSideJobWithOutsizedPayAppliedForByLineIsAFraudOffer() {
    String lure =
        "応募するLINE（ID）：a9585\n職種：自宅にいながら好きな時間でOK オンラインアルバイト\n"
            + "報酬：毎日八万円から十万円\n在宅ワークになりますので、ご都合に合わせてお仕事可能です。\n";
    assertThat(MailJobLures.find(lure)).isNotNull().contains("八万円");
    MailReport r =
        JapaneseMail.utf8()
            .from("2022-07-21 02:21:01", "job@recruit-example.com")
            .subject("在宅勤務に適したアルバイトです")
            .text(lure)
            .analyze();
    assertThat(of(r, RedFlag.FRAUD_OFFER)).as(r.findings().toString()).isNotEmpty();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anHourlyPayOfTenThousandYenWithoutACvIsTheSameLure() {
    assertThat(
            MailJobLures.find(
                "[募集職種] 自宅にいながら好きな時間でOK\n[給与支給] 最低保証時給は5000円~で、1時間に1万円以上でも大丈夫です。\n"
                    + "★履歴書不要、来社不要\n"))
        .isNotNull()
        .contains("1万円");
  }

  @Test
  void aRealPartTimePostingIsNoSideJobLure() {
    // an employer's posting: its own wage by the hour, its own form; and a LINE contact without pay
    assertThat(MailJobLures.find("【アルバイト募集】時給1,200円、週3日から。在宅勤務も相談可。応募は当社サイトのフォームから。")).isNull();
    assertThat(MailJobLures.find("在宅勤務のお知らせ。連絡は LINE ID: team_radio までお願いします。")).isNull();
    assertThat(MailJobLures.find("新しい副業制度について：年収が100万円増える例も。応募は人事部まで。")).isNull();
  }

  @Test
  void aDatingLureInACompanyNameFieldOfAFormsReplyIsARelayedLure() {
    MailReport r =
        JapaneseMail.utf8()
            .from("株式会社 YEN", "info@yen-example.com")
            .subject("株式会社 YEN 【お問い合わせ通知お知らせ】")
            .text(
                "この度は、株式会社YENに、お問い合わせ頂きまして誠に有難うございます。\n"
                    + "-------------------\n【お問い合わせ内容】\n"
                    + "貴社名:❤️ Dawn liked you! Click Here: http://short-example.lv/DU2U ❤️\n"
                    + "住所:ptmycc\n電話番号:379235998914\n"
                    + "メールアドレス:dev@lists.radio-example.org\n")
            .analyze();
    assertThat(of(r, RedFlag.RELAYED_LURE)).as(r.findings().toString()).isNotEmpty();
  }

  @Test
  void aDatingLureTypedIntoAContactFormComesBackAsARelayedLure() {
    MailReport r =
        JapaneseMail.utf8()
            .from("Proceed Studio", "info@proceed-example.studio")
            .subject("[Proceed Studio] お問い合わせを承りました")
            .text(
                "以下の内容でお問い合わせを承りました。\n後日、担当より連絡をさせていただきます。\n"
                    + "お名前：❤️ Hannah liked you! Click Here: http://short-example.lv/DOTD ❤️\n"
                    + "メールアドレス：dev@lists.radio-example.org\n"
                    + "お問い合わせ内容：xq8o7\n----------------\nProceed Studio\n")
            .analyze();
    assertThat(of(r, RedFlag.RELAYED_LURE)).as(r.findings().toString()).isNotEmpty();
  }
}
