package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * ui25's review left two things a reader of the From stumbled on: a malformed From ({@code "PayPal"
 * service@paypal.com>}) shown as the parser repaired it, lower-cased with a stray "&gt;"; and the
 * C4TAP preview taking "管理者" out of "Microsoft 365 管理者" as if it named the receiving organisation
 * (a person recorded as "連携 管理者").
 */
class MailFromAsWrittenTest {

  private static MailReport from(String field) {
    return TestMail.analyze(
        "From: "
            + field
            + "\r\nTo: a@example.jp\r\nSubject: Your account\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease confirm your account.\r\n");
  }

  @Test
  void aMalformedFromIsGivenAsWritten() {
    for (String written :
        List.of(
            "\"PayPal\" <service@paypal.com",
            "\"PayPal\" <service@paypal.com>>",
            "PayPal <<service@paypal.com>",
            "\"PayPal\" service@paypal.com>",
            "PayPal Service <Service@PayPal.com",
            "Doe, John <j@x.example>")) {
      MailReport r = from(written);
      assertThat(r.fromWritten()).as(written).isEqualTo(written);
    }
    MailReport r = from("\"PayPal\" service@paypal.com>");
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.MALFORMED_SENDER)
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).isEqualTo("From: \"PayPal\" service@paypal.com>"));
  }

  @Test
  void aWellFormedFromHasNoWrittenForm() {
    for (String written :
        List.of(
            "PayPal <service@paypal.com>",
            "\"PayPal, Inc.\" <service@paypal.com>",
            "<service@paypal.com>",
            "service@paypal.com",
            "service@paypal.com (PayPal)",
            "=?UTF-8?B?44K144Od44O844OI?= <support@example.jp>",
            "\"Q \\\"x\\\"\" <q@x.example>")) {
      assertThat(from(written).fromWritten()).as(written).isNull();
    }
    assertThat(from("PayPal <service@paypal.com>").from()).isEqualTo("service@paypal.com");
  }

  @Test
  void theWrittenFromIsCutAndHasNoLineBreaks() {
    MailReport r = from("\"" + "P".repeat(400) + "\"\r\n <a@b.example");
    assertThat(r.fromWritten()).hasSizeLessThanOrEqualTo(MailEnvelope.FROM_WRITTEN + 1);
    assertThat(r.fromWritten()).doesNotContain("\r", "\n");
  }

  private static Redactor nisc() {
    return new Redactor(
        new Identity(
            List.of("内閣サイバーセキュリティセンター", "NISC"),
            List.of("nisc.example.jp"),
            List.of("admin@nisc.example.jp"),
            List.of("連携 管理者", "山田 太郎", "Sakura Admin"),
            List.of()),
        Map.of());
  }

  @Test
  void aRoleWordOfAPersonsNameIsNotTheReceiver() {
    MailReport r = from("Microsoft 365 管理者 <no-reply@m365-admin-notice.example>");
    MailRedaction.Result shared = MailRedaction.apply(r, nisc());
    assertThat(shared.shared().fromName()).isEqualTo("Microsoft 365 管理者");
    assertThat(shared.removed()).noneMatch(x -> x.startsWith("sender name"));
    MailRedaction.Result admin =
        MailRedaction.apply(from("IT Admin <it@helpdesk-notice.example>"), nisc());
    assertThat(admin.shared().fromName()).isEqualTo("IT Admin");

    // the person's whole name, and a family name alone, still go
    MailRedaction.Result named =
        MailRedaction.apply(from("連携 管理者 <ceo@evil-lookalike.example>"), nisc());
    assertThat(named.shared().fromName()).doesNotContain("連携", "管理者");
    assertThat(named.removed()).contains("sender name: 連携 管理者");
    MailRedaction.Result family =
        MailRedaction.apply(from("山田 <boss@evil-lookalike.example>"), nisc());
    assertThat(family.shared().fromName()).doesNotContain("山田");
  }

  @Test
  void aMalformedFromNamingTheReceiverIsRedactedAsWritten() {
    MailReport r = from("\"NISC 山田 太郎\" <yamada@nisc-verify.example");
    assertThat(r.fromWritten()).contains("山田 太郎");
    MailRedaction.Result shared = MailRedaction.apply(r, nisc());
    assertThat(shared.shared().fromWritten()).doesNotContain("山田", "太郎", "NISC");
    assertThat(shared.shared().toString()).doesNotContain("山田");
  }
}
