package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * The victim's own name, as the lure's To header writes it, in the shared copy of a C4TAP share
 * (attack26). The directory knows the hub's users, not every employee of a member: a lure to a
 * teller names the teller, and kits greet the reader by the To header's display name in the
 * subject, the text, the link text and the attachment's name.
 */
class MailRedactionNamesTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  static MailReport analysed(String to, String name) {
    String eml =
        "From: \"IT Helpdesk\" <helpdesk@mailbox-quota.example>\r\n"
            + "To: "
            + to
            + "\r\nSubject: "
            + name
            + " 様 メールボックスの容量が上限に達しました\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>"
            + name
            + " 様</p><p>パスワードを確認してください。</p>"
            + "<a href=\"https://quota-verify.example/login\">"
            + name
            + " 様のアカウントを確認</a>\r\n--b\r\n"
            + "Content-Type: application/octet-stream; name=\"invoice.html\"\r\n"
            + "Content-Disposition: attachment; filename=\"invoice.html\"\r\n\r\n"
            + "<html>hello</html>\r\n--b--\r\n";
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theRecipientsDisplayNameIsTakenOutOfTheSharedCopy() {
    for (String[] c :
        List.of(
            new String[] {"\"田中 一郎\" <ichiro.t@sakura-bank.co.jp>", "田中 一郎"},
            new String[] {"=?UTF-8?B?55Sw5LitIOS4gOmDjg==?= <ichiro.t@ops-mail.example>", "田中 一郎"},
            new String[] {"Ichiro Tanaka <it@ops-mail.example>", "Ichiro Tanaka"},
            new String[] {"\"Tanaka, Ichiro\" <it@ops-mail.example>", "Tanaka, Ichiro"})) {
      MailReport r = analysed(c[0], c[1]);
      assertThat(r.subject()).as(c[0]).contains(c[1]);
      MailRedaction.Result shared = MailRedaction.apply(r, BANK);
      String bundle = MailStix.bundle(shared.shared(), Tlp.GREEN, Instant.now(), true).toString();
      String[] parts = c[1].split("[ ,]+");
      for (String part : parts) {
        assertThat(bundle).as(c[0]).doesNotContain(part);
        assertThat(shared.shared().toString()).as(c[0]).doesNotContain(part);
      }
      assertThat(bundle).as(c[0]).contains("quota-verify.example");
      assertThat(shared.removed()).as(c[0]).anyMatch(x -> x.contains(parts[0]));
    }
  }

  /**
   * The attacker's links stay whole (they are the indicators); a two-letter Latin word of a name
   * ("IT Support") is not taken out of other words.
   */
  @Test
  void theAttackersLinksStayWholeAndShortLatinWordsAreNotTakenAlone() {
    MailReport r = analysed("\"IT Support Desk\" <it@ops-mail.example>", "Support Desk");
    MailRedaction.Result shared = MailRedaction.apply(r, BANK);
    assertThat(shared.shared().links())
        .anySatisfy(l -> assertThat(l.url()).isEqualTo("https://quota-verify.example/login"));
    assertThat(shared.shared().subject()).doesNotContain("Support").contains("メールボックス");
    assertThat(shared.shared().findings())
        .anySatisfy(f -> assertThat(f.evidence()).contains("https://quota-verify.example/login"));
    assertThat(MailRedaction.names(List.of("IT Support", "Ng Li", "田中 翔", "a@b.example")))
        .containsExactly("Support", "田中");
  }
}
