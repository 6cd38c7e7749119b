package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailRelayedPostsTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A link carrying the list's own address to its page, in a post the list only relayed (lists43): a
 * kit filling in its victim, written out or not, in the query, the fragment or base64-encoded. A
 * member's written-out links, an archive's page named for the list among them, keep the relief.
 */
class MailRelayedKitLinksTest {

  static final String PROPOSAL =
      "<html><body><p>Hello,</p><p>Please review the attached documentation regarding our"
          + " proposal.</p><p><strong>Request for Quotation - View the PDF</strong><br>"
          + "<a href=\"%1$s\">%1$s</a></p><p>Your prompt response would be greatly appreciated."
          + "</p><p>Regards,<br>Station Manager</p></body></html>";

  @Test
  void aWrittenOutLinkCarryingTheListsAddressToItsPageIsASign() {
    for (String url :
        List.of(
            "https://upwta.docs-example.digital/NTQxNjdlMGU6ZGV2QGxpc3RzLnJhZGlvLWV4YW1wbGUub3Jn"
                + "#ZGVkZTVj",
            "https://files-example.digital/view#ZGV2QGxpc3RzLnJhZGlvLWV4YW1wbGUub3Jn",
            "https://files-example.digital/view?email=dev%40lists.radio-example.org")) {
      MailReport r =
          post(
              "",
              "Proposal Documentation Available - Project Details Included",
              "QATAR <hxk.ddtid@gmail.com>",
              "text/html",
              String.format(PROPOSAL, url));
      assertThat(r.findingsByFlag().get(RedFlag.SUSPICIOUS_LINK))
          .as(url + r.findings())
          .anySatisfy(f -> assertThat(f.evidence()).contains("the mailing list's address carried"));
      assertThat(r.verdict()).as(url).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aMembersLinkToTheListsArchiveAndItsOwnPagesKeepTheRelief() {
    MailReport r =
        post(
            "",
            "[dev] replay block: the earlier thread",
            "Rob K <rob@univ-example.edu>",
            "text/plain",
            "Hi all, this was discussed before, see"
                + " https://www.mail-archive.com/dev@lists.radio-example.org/msg01234.html and my"
                + " notes at https://rob-example.github.io/replay/notes.html\n\nRob");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aCalendarInvitationToTheListCarryingItsAddressInTheEventIdIsNoSign() {
    String eid = "NTVuZ2FtaW9jaWpwNmQ1cW42NHUgZGV2QGxpc3RzLnJhZGlvLWV4YW1wbGUub3Jn";
    MailReport r =
        post(
            "",
            "Invitation: replay block sync @ Thu Jan 16, 2020 10am - 11am (PST)"
                + " (dev@lists.radio-example.org)",
            "Ann K <ann.k@harbour-example.net>",
            "text/html",
            "<html><body><p>You have been invited to the following event.</p><p><a href=\""
                + "https://www.google.com/calendar/event?action=VIEW&eid="
                + eid
                + "&ctz=America%2FLos_Angeles\">more details</a> <a href=\""
                + "https://www.google.com/calendar/event?action=RESPOND&eid="
                + eid
                + "&rst=1\">Yes</a></p></body></html>");
    assertThat(r.findings())
        .noneSatisfy(f -> assertThat(f.evidence()).contains("the mailing list's address carried"));
  }
}
