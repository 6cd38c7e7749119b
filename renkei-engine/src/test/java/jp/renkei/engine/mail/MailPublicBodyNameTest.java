package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A notice from a public body never heard from before (seed 003, IPA): the sender's name speaks for
 * a tax office, a court, social security or a ministry, while the address is on a domain that is no
 * government's (PUBLIC_BODY_NAME, recall32). The body's own mail, and the bulletin service it sends
 * through, stay clean. Every message here is written for this test.
 */
class MailPublicBodyNameTest {

  private static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  @Test
  void readsPublicBodiesInSenderNames() {
    for (String name :
        List.of(
            "国税庁 還付金お知らせ",
            "東京地方裁判所 送達係",
            "厚生労働省 年金局",
            "日本年金機構",
            "さいたま市役所 税務課",
            "U.S. Federal Court System",
            "SSA_Social Security benefits.",
            "lRS.GOV",
            "Internal Revenue Service",
            "Comunicado Receita Federal",
            "Ministry of Finance",
            "Tribunal Regional do Trabalho")) {
      assertThat(MailPublicBodies.publicBodyName(name)).as(name).isNotNull();
    }
  }

  @Test
  void leavesNamesThatOnlyResembleOne() {
    for (String name :
        List.of(
            "省エネ推進室",
            "Robert Reich For Governor",
            "Court Street Deli",
            "Policy Team",
            "Chicago Tribune",
            "山田 太郎",
            "Amazon.co.jp")) {
      assertThat(MailPublicBodies.publicBodyName(name)).as(name).isNull();
    }
  }

  @Test
  void aTaxOfficeWritingFromAnUnrelatedDomainIsFlagged() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("国税庁 還付金お知らせ", "notice@refund-desk.example")
            .subject("所得税の還付金のお受け取り手続きについて")
            .auth("refund-desk.example", "pass")
            .text(
                "還付金の受け取り手続きが完了していません。\n"
                    + "下記のページから受け取り口座をご登録ください。\n"
                    + "https://refund-desk.example/kanpu\n")
            .analyze();
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.PUBLIC_BODY_NAME);
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aCourtNoticeInEnglishFromASurveyPlatformIsFlagged() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("U.S. Federal Court System", "survey@forms-platform.example")
            .subject("Your case documents are ready")
            .auth("forms-platform.example", "pass")
            .text(
                "You are listed as a party in a proceeding. Your case file is ready for"
                    + " download: https://forms-platform.example/t/abc\n")
            .analyze();
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.PUBLIC_BODY_NAME);
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theBodysOwnDomainIsNotFlagged() {
    MailReport own =
        JapaneseMail.utf8()
            .from("国税庁", "info@nta.go.jp")
            .subject("e-Tax メールマガジン")
            .auth("nta.go.jp", "pass")
            .text("確定申告の受付期間のお知らせです。\nhttps://www.nta.go.jp/\n")
            .analyze();
    assertThat(flags(own)).doesNotContain(RedFlag.PUBLIC_BODY_NAME);
    MailReport state =
        JapaneseMail.utf8()
            .from("Internal Revenue Service", "news@irs.gov")
            .subject("Tax tips")
            .auth("irs.gov", "pass")
            .text("This week's tax tips: https://www.irs.gov/newsroom\n")
            .analyze();
    assertThat(flags(state)).doesNotContain(RedFlag.PUBLIC_BODY_NAME);
  }

  @Test
  void aBulletinServiceAuthenticatedAndLinkingTheBodysSiteIsNotFlagged() {
    MailReport bulletin =
        JapaneseMail.utf8()
            .from("WA Department of Health", "wadoh@public.bulletins-example.com")
            .subject("Daily Digest Bulletin")
            .auth("public.bulletins-example.com", "pass")
            .text(
                "Updates from the Department of Health: https://doh.wa.gov/news\n"
                    + "Manage your subscription: https://public.bulletins-example.com/m\n")
            .analyze();
    assertThat(flags(bulletin))
        .as(bulletin.findings().toString())
        .doesNotContain(RedFlag.PUBLIC_BODY_NAME);
  }

  @Test
  void theSameNameUnauthenticatedIsFlaggedEvenWithAGovernmentLink() {
    // a lure may show the body's real site beside its own: without its own domain proven, the
    // link buys nothing
    MailReport lure =
        JapaneseMail.utf8()
            .from("Internal Revenue Service", "refunds@tax-help.example")
            .subject("Tax refund available")
            .text(
                "Your refund is waiting. Claim it: https://tax-help.example/claim\n"
                    + "More information: https://www.irs.gov/refunds\n")
            .analyze();
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.PUBLIC_BODY_NAME);
  }

  @Test
  void theSignReachesTheStixNoteInBothLanguages() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("さいたま市役所 税務課", "zeimu@city-notice.example")
            .subject("住民税の還付について")
            .text("還付の手続きはこちら: https://city-notice.example/kanpu\n")
            .analyze();
    JsonNode note =
        MailStixTest.note(
            MailStix.bundle(lure, Tlp.GREEN, Instant.parse("2026-12-04T00:00:00Z"), false));
    assertThat(note.path("content").asString())
        .contains("PUBLIC_BODY_NAME")
        .contains(RedFlag.PUBLIC_BODY_NAME.ja())
        .contains(RedFlag.PUBLIC_BODY_NAME.en());
    assertThat(note.path("x_renkei_findings").toString()).contains("PUBLIC_BODY_NAME");
  }
}
