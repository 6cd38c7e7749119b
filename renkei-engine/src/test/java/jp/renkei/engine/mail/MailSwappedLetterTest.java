package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OBFUSCATED_TEXT, the I-for-l swap (recall26): in the sans-serif fonts mail programs show a
 * subject in, a capital I and a small l look alike, so "Sam's CIub", "your pIan", "PayPaI" read as
 * the brand's words to a person while a filter matching "club", "plan" or "paypal" finds nothing;
 * the reverse, "VlAGRA" or "WlN", hides a capital word. The messages are written for this test; the
 * senders' domains are invented.
 */
class MailSwappedLetterTest {

  private static MailReport mail(String from, String subject, String body) {
    return TestMail.analyze(
        TestMail.crlf(
            "From: "
                + from
                + "\n"
                + "To: reader@example.org\n"
                + "Subject: "
                + subject
                + "\n"
                + "Date: Tue, 14 Apr 2026 09:12:00 +0000\n"
                + "Message-ID: <a1@mailer.example.net>\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\n"
                + "\n"
                + body));
  }

  private static MailReport.Finding obfuscated(MailReport r) {
    return r.findings().stream()
        .filter(f -> f.flag() == RedFlag.OBFUSCATED_TEXT)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theWordsOfTheSwapAreFound() {
    assertThat(MailRandomNames.swappedIl("Act by tomorrow to use your Sam's CIub Points"))
        .isEqualTo("CIub");
    assertThat(MailRandomNames.swappedIl("Your pIan is changing for 2026")).isEqualTo("pIan");
    assertThat(MailRandomNames.swappedIl("PayPaI Security")).isEqualTo("PayPaI");
    assertThat(MailRandomNames.swappedIl("[Banco do BrasiI - Comunicado]")).isEqualTo("BrasiI");
    assertThat(MailRandomNames.swappedIl("Payment/DecIined")).isEqualTo("DecIined");
    assertThat(MailRandomNames.swappedIl("BEST VlAGRA, COUPON 5%")).isEqualTo("VlAGRA");
    assertThat(MailRandomNames.swappedIl("WlN a gift card")).isEqualTo("WlN");
  }

  @Test
  void camelCaseNamesAndCapitalsAreNoSwap() {
    for (String s :
        new String[] {
          "Your LinkedIn profile was viewed 12 times",
          "Lunch with Ann McIntosh and Joe MacInnes",
          "[PATCH] kasan: check isInitialized before use",
          "iPhone and iPad: what is new in iOS",
          "OpenAI, xAI and the new APIs, KPIs and GUIs",
          "World War II, Part III",
          "CI/CD pipeline: AI review",
          "I will call you tomorrow, Ian",
          "Invoice INV-2291 for April",
          "Order fg46qFdZiRVH3jI shipped",
          "HTML and XML parsers",
          "Hello all",
          null
        }) {
      assertThat(MailRandomNames.swappedIl(s)).as(s).isNull();
    }
  }

  @Test
  void aBrandsWordWithACapitalIIsObfuscated() {
    MailReport r =
        mail(
            "\"Sam's CIub Team\" <oursamsteam@rewards-example.net>",
            "Act by tomorrow to use your Sam's CIub Points before they expire",
            "Your points expire tomorrow. Redeem them now:\nhttps://rewards-example.net/redeem\n");
    MailReport.Finding f = obfuscated(r);
    assertThat(f.evidence()).contains("CIub").contains("I ↔ l");
    assertThat(f.evidenceJa()).contains("CIub").contains("I と l");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theOldPayPalLureIsMalicious() {
    MailReport r =
        mail(
            "\"PayPaI Security\" <service@account-review.example.net>",
            "Your account has been limited",
            "Dear member,\n\nWe could not verify your account. Log in within 24 hours and confirm"
                + " your password, or your account will be suspended:\n"
                + "https://account-review.example.net/signin\n");
    assertThat(TestMail.flags(r)).contains(RedFlag.OBFUSCATED_TEXT);
    assertThat(obfuscated(r).evidence()).contains("PayPaI");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void ordinaryMailWithCamelCaseNamesStaysClean() {
    MailReport r =
        mail(
            "\"Ann McIntosh\" <ann.mcintosh@example.com>",
            "LinkedIn post, the iOS build and the OpenAI APIs",
            "Hi,\n\nI saw your LinkedIn post. The iOS build passed the CI checks; the OpenAI APIs"
                + " still need a key. Lunch on Friday?\n\nAnn\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void wordsCamelCaseJoinsAtACapitalIAreNoSwap() {
    for (String s :
        new String[] {
          "LAVA notification for Test Job 732940 linux-5.10.y_zImage_qemu_arm_defconfig_boot",
          "bzImage and zImage builds for the x86 and arm boards",
          "getItem returns null after the appIcon update",
          "knownIssues in the release notes",
          "The sandboxIdle timer and the newIdeas board"
        }) {
      assertThat(MailRandomNames.swappedIl(s)).as(s).isNull();
    }
  }

  @Test
  void aSwapStillCountsWhenTheWordAfterTheIIsNoneOfThem() {
    // an l written as I leaves no word after the I: MaiIbox, AppIe, DecIined; nor does a word that
    // merely begins like one of them (zImaged)
    assertThat(MailRandomNames.swappedIl("Your MaiIbox is full")).isEqualTo("MaiIbox");
    assertThat(MailRandomNames.swappedIl("Update your AppIe ID")).isEqualTo("AppIe");
    assertThat(MailRandomNames.swappedIl("Payment DecIined")).isEqualTo("DecIined");
    assertThat(MailRandomNames.swappedIl("a zImaged kernel")).isEqualTo("zImaged");
  }

  @Test
  void aCiSystemsNotificationNamingAKernelImageIsClean() {
    MailReport r =
        mail(
            "noreply@ci.example.org",
            "[ci-results] Test Job 743647 linux-5.10.y_zImage_qemu_arm_defconfig_boot",
            "Hello,\n\nThe job with ID # 743647 is now in state Finished and health Complete.\n\n"
                + "Job details and log file: https://ci.example.org/scheduler/job/743647\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSignReachesTheStixNoteInBothLanguages() {
    MailReport r =
        mail(
            "\"PayPaI Security\" <service@account-review.example.net>",
            "Account notice",
            "Please read the attached notice.\n");
    JsonNode note =
        MailStixTest.note(
            MailStix.bundle(r, Tlp.GREEN, Instant.parse("2026-12-03T00:00:00Z"), false));
    assertThat(note.path("content").asString())
        .contains("OBFUSCATED_TEXT")
        .contains(RedFlag.OBFUSCATED_TEXT.ja())
        .contains(RedFlag.OBFUSCATED_TEXT.en())
        .contains("PayPaI");
    assertThat(note.path("x_renkei_findings").toString()).contains("OBFUSCATED_TEXT");
  }
}
