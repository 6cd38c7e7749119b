package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mail worm's letter read without its attachment (ATTACHMENT_LURE, recall42): the reader's
 * account said to be abused or about to be terminated, and the instructions said to be in the
 * attached file. A provider's abuse notice that links its help pages, a colleague's mail with an
 * attached document about an account, a list member quoting the worm's letter and a bounce
 * returning a message keep their verdict. Every message here is written for this test; the
 * addresses are documentation addresses or made up, and the attachment is a damaged zip (what a
 * gateway's cut or a broken archive leaves).
 */
class MailAttachmentLuresTest {

  private static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  private static String withAttachment(
      String from, String subject, String extraHeaders, String text, String fileName) {
    return "Received: from mail.example.net (mail.example.net [192.0.2.10])\r\n"
        + "\tby mx.example.jp (Postfix) with ESMTP id 173E218369F\r\n"
        + "\tfor <taro@example.jp>; Tue, 15 Mar 2005 10:00:00 +0000\r\n"
        + "From: "
        + from
        + "\r\n"
        + "To: taro@example.jp\r\n"
        + "Subject: "
        + subject
        + "\r\n"
        + "Date: Tue, 15 Mar 2005 10:00:00 +0000\r\n"
        + "Message-ID: <20050315100000.1234@mail.example.net>\r\n"
        + extraHeaders
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
        + "\r\n"
        + "--b1\r\n"
        + "Content-Type: text/plain; charset=us-ascii\r\n"
        + "\r\n"
        + text
        + "\r\n"
        + "--b1\r\n"
        + "Content-Type: application/octet-stream; name=\""
        + fileName
        + "\"\r\n"
        + "Content-Disposition: attachment; filename=\""
        + fileName
        + "\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "\r\n"
        + "UEsDBAoAAAAAAAAAIQAAAAAAAAAAAAAAAAAFAAAAYS50eHRQSwECFAAKAAAAAAAAACEAAAAA\r\n"
        + "--b1--\r\n";
  }

  private static final String WORM_LETTER =
      "Dear user of example.jp,\r\n\r\nWe have found that your e-mail account has been used to"
          + " send a large number of junk messages this week. Your computer has probably been"
          + " compromised.\r\n\r\nTo safeguard your email account from possible termination,"
          + " please follow the instructions in the attached file.\r\n\r\nexample.jp support"
          + " team\r\n";

  @Test
  void theWormsLetterIsFlaggedWithoutItsExecutable() {
    MailReport lure =
        analyze(
            withAttachment(
                "support@example.jp", "Notice of account limitation", "", WORM_LETTER, "info.zip"));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.ATTACHMENT_LURE);
    assertThat(flags(lure)).doesNotContain(RedFlag.EXECUTABLE_ATTACHMENT);
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport.Finding f =
        lure.findings().stream()
            .filter(x -> x.flag() == RedFlag.ATTACHMENT_LURE)
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence(true)).contains("used to send", "attached file");
  }

  @Test
  void aSuspendedAccountAndTheAttachedDocumentAreFlagged() {
    MailReport lure =
        analyze(
            withAttachment(
                "service@example.jp",
                "Your mail services",
                "",
                "We have suspended some of your email services. To resolve the problem, read the"
                    + " attached document.\r\n",
                "email-doc.zip"));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.ATTACHMENT_LURE);
  }

  @Test
  void aProvidersAbuseNoticeLinkingItsHelpPagesIsNotFlagged() {
    MailReport notice =
        analyze(
            withAttachment(
                "abuse@example.net",
                "Spam sent from your connection",
                "",
                "Dear customer,\r\n\r\nYour account has been used to send spam. We have blocked"
                    + " outgoing port 25 on your line. How to clean your computer:"
                    + " https://help.example.net/security\r\n\r\nA copy of one report is"
                    + " attached for your records.\r\n",
                "report.txt"));
    assertThat(flags(notice))
        .as(notice.findings().toString())
        .doesNotContain(RedFlag.ATTACHMENT_LURE);
  }

  @Test
  void aColleaguesAttachedDocumentAboutAnAccountIsNotFlagged() {
    MailReport colleague =
        analyze(
            withAttachment(
                "Jane Doe <jane@partner.example>",
                "Closed cost centre",
                "",
                "Hi Taro,\r\n\r\nThe old project account was closed last month. Please see the"
                    + " attached document for the new cost centre numbers.\r\n\r\nBest,\r\nJane\r\n",
                "cost-centres.zip"));
    assertThat(flags(colleague))
        .as(colleague.findings().toString())
        .doesNotContain(RedFlag.ATTACHMENT_LURE);
    assertThat(colleague.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aListMemberQuotingTheLetterIsNotFlagged() {
    MailReport post =
        analyze(
            withAttachment(
                "Ken Sato <ken@partner.example>",
                "[sec-users] New worm letter going round",
                "List-Id: Security users <sec-users.lists.example.org>\r\n"
                    + "List-Post: <mailto:sec-users@lists.example.org>\r\n"
                    + "List-Unsubscribe: <mailto:sec-users-leave@lists.example.org>\r\n",
                "Our users got this today, the zip is the worm:\r\n\r\n> " + WORM_LETTER,
                "sample.zip"));
    assertThat(flags(post)).as(post.findings().toString()).doesNotContain(RedFlag.ATTACHMENT_LURE);
  }
}
