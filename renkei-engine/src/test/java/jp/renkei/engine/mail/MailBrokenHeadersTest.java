package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Header fields written wrongly (hostile27): a subject's encoded word never closed by "?=" was
 * shown as written (=?ISO-2022-JP?B?GyRC...), and a From missing its closing "&gt;" raised no sign
 * (the lenient reader repaired it and the domain was valid).
 */
class MailBrokenHeadersTest {

  private static MailReport mail(String from, String subject) {
    return TestMail.analyze(
        "From: "
            + from
            + "\r\nTo: a@example.jp\r\nSubject: "
            + subject
            + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe minutes of today.\r\n");
  }

  @Test
  void anEncodedWordNeverClosedIsShownDecodedAndSaidMalformed() {
    // "テスト" in ISO-2022-JP, Base64, without its closing ?=
    MailReport r = mail("a@example.com", "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC");
    assertThat(r.subject()).isEqualTo("テスト");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo("malformed");
              assertThat(p.en()).contains("never closed", "decoded as far as");
              assertThat(p.ja()).contains("?=", "復号");
            });
  }

  @Test
  void anEncodedWordCutShortIsDecodedToItsLastWholeGroup() {
    // the same word cut inside its last group of four letters; a closed word before it
    MailReport r = mail("a@example.com", "=?UTF-8?B?5pel5pys?= =?UTF-8?B?6KqeX");
    assertThat(r.subject()).isEqualTo("日本 語");
    MailReport q = mail("a@example.com", "Re: =?UTF-8?Q?caf=C3=A9_menu");
    assertThat(q.subject()).isEqualTo("Re: café menu");
  }

  @Test
  void anEncodedWordThatIsNoTextStaysAsWrittenAndIsSaidMalformed() {
    MailReport r = mail("a@example.com", "Invoice =?ISO-2022-JP?B?broken");
    assertThat(r.subject()).isEqualTo("Invoice =?ISO-2022-JP?B?broken");
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.en()).contains("could not be decoded"));
    MailReport unknown = mail("a@example.com", "=?x-no-such-charset?B?GyRCJUYlOSVIGyhC");
    assertThat(unknown.subject()).isEqualTo("=?x-no-such-charset?B?GyRCJUYlOSVIGyhC");
  }

  @Test
  void wellFormedSubjectsAreNotMalformed() {
    for (String subject :
        List.of(
            "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=",
            "=?UTF-8?Q?caf=C3=A9?= menu",
            "What does =? mean",
            "price =?5 yen")) {
      assertThat(mail("a@example.com", subject).problems()).as(subject).isEmpty();
    }
  }

  @Test
  void aFromMissingItsClosingBracketIsAMalformedSender() {
    for (String from :
        List.of(
            "PayPal <service@paypal.com",
            "\"PayPal\" <service@paypal.com",
            "PayPal <<service@paypal.com>",
            "\"PayPal <service@paypal.com>")) {
      MailReport r = mail(from, "Your account");
      assertThat(r.findings())
          .as(from)
          .filteredOn(f -> f.flag() == RedFlag.MALFORMED_SENDER)
          .singleElement()
          .satisfies(f -> assertThat(f.evidence()).isEqualTo("From: " + from));
    }
  }

  @Test
  void fromFieldsMailProgramsWriteAreNoMalformedSender() {
    for (String from :
        List.of(
            "PayPal <service@paypal.com>",
            "\"PayPal, Inc.\" <service@paypal.com>",
            "\"a <b> c\" <service@paypal.com>",
            "service@paypal.com (PayPal <Support>)",
            "=?UTF-8?B?44K144Od44O844OI?= <support@example.jp>")) {
      assertThat(mail(from, "Your account").findings())
          .as(from)
          .extracting(MailReport.Finding::flag)
          .doesNotContain(RedFlag.MALFORMED_SENDER);
    }
  }
}
