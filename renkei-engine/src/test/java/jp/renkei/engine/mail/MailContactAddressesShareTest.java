package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;

/**
 * attack41: which mailto: addresses a report calls the attacker's ({@link MailContactAddresses},
 * ux40). An address counted as "at a look-alike domain" when its domain was found anywhere in a
 * LOOKALIKE_DOMAIN finding's evidence; the evidence names the imitated domain too ("From:
 * helpdesk@sakura-bamk.co.jp ≈ sakura-bank.co.jp"), so a lure imitating the receiving bank that
 * also links the bank's genuine helpdesk ({@code mailto:helpdesk@sakura-bank.co.jp}, as lures do to
 * look real) made the bank's own address an indicator: in the report's bundle, in the C4TAP share
 * and in the anonymised copy, where every other trace of the reporting bank is taken out.
 */
class MailContactAddressesShareTest {

  static final String LURE =
      "From: \"さくら架空銀行 ヘルプデスク\" <helpdesk@sakura-bamk.co.jp>\r\n"
          + "To: tanaka@sakura-bank.co.jp\r\n"
          + "Subject: Password expiry notice\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>Your password expires today. Sign in to keep your account:</p>"
          + "<p><a href=\"https://sakura-bamk.co.jp/login\">Sign in</a></p>"
          + "<p>Questions: <a href=\"mailto:helpdesk@sakura-bank.co.jp\">helpdesk</a>,"
          + " <a href=\"mailto:desk@sakura-bamk.co.jp\">our desk</a>"
          + " or <a href=\"mailto:sakura.helpdesk@gmail.com\">our help line</a></p>\r\n";

  static MailReport report(String eml) {
    // the hub's member domains, as the command line gives them: the look-alike sign's evidence
    // names the imitated member domain ("From: … ≈ sakura-bank.co.jp")
    return new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of("sakura-bank.co.jp"), List.of())
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theImitatedDomainsAddressIsNoIndicator() {
    MailReport r = report(LURE);
    assertThat(TestMail.flags(r)).contains(RedFlag.LOOKALIKE_DOMAIN);
    // red on main (3dbaf1af): helpdesk@sakura-bank.co.jp, the imitated bank's own, was one too
    assertThat(r.contactAddresses())
        .containsExactly("desk@sakura-bamk.co.jp", "sakura.helpdesk@gmail.com");
    assertThat(MailStix.bundle(r, Tlp.AMBER, Instant.now(), true).toString())
        .doesNotContain("helpdesk@sakura-bank.co.jp");
  }

  @Test
  void theReportersOwnAddressesNeverReachTheSharedCopy() {
    // whatever the analysis calls an indicator, the anonymised copy takes out an address of the
    // reporting organisation's domains and addresses, as it does everywhere else
    MailReport r = report(LURE);
    MailReport forged =
        new MailReport(
            r.subject(),
            r.from(),
            r.fromName(),
            r.fromWritten(),
            r.replyTo(),
            r.returnPath(),
            r.recipients(),
            r.date(),
            r.messageId(),
            r.received(),
            r.authentication(),
            r.links(),
            r.attachments(),
            r.findings(),
            r.score(),
            r.verdict(),
            r.problems(),
            r.work(),
            r.recipientNames(),
            r.listAddresses(),
            r.forwardedRecipients(),
            List.of("helpdesk@sakura-bank.co.jp", "sakura.helpdesk@gmail.com"));
    MailRedaction.Result shared = MailRedaction.apply(forged, SakuraBank.REDACTOR);
    assertThat(shared.shared().contactAddresses()).containsExactly("sakura.helpdesk@gmail.com");
    assertThat(MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), false).toString())
        .doesNotContain("sakura-bank.co.jp");
    assertThat(shared.removed()).anyMatch(x -> x.contains("helpdesk@sakura-bank.co.jp"));
  }
}
