package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's authentication results carry every result the sign "sender authentication failed"
 * cites, so the page's row and the sign never disagree (ux30's review: the row read "pass / pass /
 * none" while the sign cited Microsoft's compauth=fail).
 */
class MailAuthenticationRowTest {

  final MailAnalyzer analyzer = new MailAnalyzer();

  MailReport analyze(String authResults) {
    String m =
        authResults
            + "From: \"Service desk\" <desk@mailbox-notice.example>\r\nTo: user@example.jp\r\n"
            + "Subject: Notice\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello.\r\n";
    return analyzer.analyze(new ByteArrayInputStream(m.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theCompositeFailureTheSignCitesIsInTheResults() {
    MailReport r =
        analyze(
            "Authentication-Results: spf=pass (sender IP is 192.0.2.10)"
                + " smtp.mailfrom=mailbox-notice.example; dkim=pass header.d=mailbox-notice.example;"
                + "dmarc=none action=none header.from=mailbox-notice.example;compauth=fail"
                + " reason=001\r\n");
    assertThat(r.authentication())
        .isEqualTo(
            new MailReport.Authentication(
                "pass", "pass", "none", "fail", List.of("mailbox-notice.example")));
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.AUTHENTICATION_FAILED)
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains("compauth=fail"));
  }

  /**
   * Only the receiver's own results are read (the top-most); a compauth=fail written further down,
   * where anyone could have written it, neither raises the sign nor shows on the row.
   */
  @Test
  void theRowAndTheSignReadTheSameReceiversResults() {
    MailReport r =
        analyze(
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=mailbox-notice.example;"
                + " compauth=pass reason=100\r\n"
                + "Authentication-Results: spf=pass smtp.mailfrom=mailbox-notice.example;"
                + " compauth=fail reason=001\r\n");
    assertThat(r.authentication().compauth()).isEqualTo("pass");
    assertThat(r.findings())
        .noneSatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.AUTHENTICATION_FAILED));
  }

  @Test
  void aPassingCompositeResultIsShownAndNoResultsAreAbsent() {
    assertThat(
            analyze(
                    "Authentication-Results: spf=pass smtp.mailfrom=mailbox-notice.example;"
                        + " compauth=pass reason=100\r\n")
                .authentication())
        .isEqualTo(new MailReport.Authentication("pass", null, null, "pass"));
    MailReport none = analyze("");
    assertThat(none.authentication().absent()).isTrue();
    assertThat(new MailReport.Authentication(null, null, null, "fail").absent()).isFalse();
  }

  /**
   * The DKIM column names whose signatures passed (header.d as written, a subdomain kept), once
   * each; a failing signature's domain is not named, and a result without header.d or header.i
   * names nobody.
   */
  @Test
  void theDkimColumnNamesThePassingSigners() {
    MailReport r =
        analyze(
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=bounce.esp.example;"
                + " dkim=pass header.d=Mail.Mailbox-Notice.example header.s=s1;"
                + " dkim=fail header.d=forger.example; dkim=pass header.i=@esp.example;"
                + " dkim=pass header.d=mail.mailbox-notice.example; dmarc=pass"
                + " header.from=mailbox-notice.example\r\n");
    assertThat(r.authentication().dkim()).isEqualTo("pass");
    assertThat(r.authentication().dkimSigners())
        .containsExactly("mail.mailbox-notice.example", "esp.example");
    assertThat(
            analyze("Authentication-Results: mx.example.jp; dkim=pass header.s=s1\r\n")
                .authentication()
                .dkimSigners())
        .isEmpty();
  }

  /**
   * Only the receiver's own results name signers: a signature pass written lower down, where the
   * sender could have put it, is not named.
   */
  @Test
  void aSignerWrittenBelowTheReceiverIsNotNamed() {
    MailReport r =
        analyze(
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=mailbox-notice.example;"
                + " dkim=none\r\n"
                + "Authentication-Results: mx.example.jp; dkim=pass header.d=bank.example\r\n");
    assertThat(r.authentication().dkim()).isEqualTo("none");
    assertThat(r.authentication().dkimSigners()).isEmpty();
  }
}
