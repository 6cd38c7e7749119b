package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lures that live in a shared file or a published Google page rather than in the mail: a free-mail
 * message that is only a Drive link (SHARED_FILE_ONLY), a Google Drawings or "published to the web"
 * page as the landing (SUSPICIOUS_LINK), and the ordinary mail that links shared documents (issue
 * 19, phishpot20).
 */
class MailSharedFileTest {

  static String evidence(MailReport r, RedFlag f) {
    return r.findings().stream()
        .filter(x -> x.flag() == f)
        .map(MailReport.Finding::evidence)
        .findFirst()
        .orElse("");
  }

  @Test
  void aFreeMailMessageThatIsOnlyADriveLinkIsSuspicious() {
    MailReport r =
        TestMail.analyzeBase64(
            "From: Mary Thomas <mthomas8812@gmail.com>\r\nTo: a@example.jp\r\nSubject: \r\n",
            "text/plain",
            "private word,\n\nhttps://drive.google.com/file/d/1vElzwEXAMPLEb0NA/preview\n");
    assertThat(TestMail.flags(r)).contains(RedFlag.SHARED_FILE_ONLY);
    assertThat(evidence(r, RedFlag.SHARED_FILE_ONLY))
        .contains("drive.google.com/file/d/1vElzwEXAMPLEb0NA/preview")
        .contains("2 words beside it")
        .contains("From: mthomas8812@gmail.com");
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aDriveLinkWithAMessageAroundItOrFromAnOrganisationIsNotOnlyALink() {
    MailReport written =
        TestMail.analyzeBase64(
            "From: Ken Sato <ken.sato.home@gmail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Photos from Saturday\r\n",
            "text/plain",
            "Hi Aiko, here are the photos from the barbecue on Saturday, the ones with the kids"
                + " are near the end.\nhttps://drive.google.com/drive/folders/1AbcEXAMPLE\nKen\n");
    assertThat(TestMail.flags(written)).doesNotContain(RedFlag.SHARED_FILE_ONLY);
    MailReport organisation =
        TestMail.analyzeBase64(
            "From: Ken Sato <k.sato@example-corp.co.jp>\r\nTo: a@example.jp\r\nSubject: 資料\r\n",
            "text/plain",
            "https://drive.google.com/file/d/1vElzwEXAMPLEb0NA/view\n");
    assertThat(TestMail.flags(organisation)).doesNotContain(RedFlag.SHARED_FILE_ONLY);
    MailReport otherLink =
        TestMail.analyzeBase64(
            "From: Ken Sato <ken.sato.home@gmail.com>\r\nTo: a@example.jp\r\nSubject: look\r\n",
            "text/plain",
            "https://drive.google.com/file/d/1vElzwEXAMPLE/view https://www.example.org/\n");
    assertThat(TestMail.flags(otherLink)).doesNotContain(RedFlag.SHARED_FILE_ONLY);
  }

  @Test
  void aGoogleDrawingOrPublishedDocumentAsLandingPageIsASuspiciousLink() {
    for (String url :
        new String[] {
          "https://docs.google.com/drawings/d/1xEXAMPLEdrawing/preview",
          "https://docs.google.com/presentation/d/e/2PACX-1vEXAMPLE/pub?start=false",
          "https://docs.google.com/document/d/e/2PACX-1vEXAMPLE/pub"
        }) {
      MailReport r =
          TestMail.analyzeBase64(
              "From: Support <support@studio-example.com>\r\nTo: a@example.jp\r\n"
                  + "Subject: Confirm the receipt of your assets\r\n",
              "text/html",
              "<p>Your transfer is waiting.</p><a href=\"" + url + "\">Open the statement</a>");
      assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK)).as(url).isEqualTo(url);
    }
    // a document shared for editing is what colleagues send each other
    MailReport shared =
        TestMail.analyzeBase64(
            "From: Ken Sato <k.sato@example-corp.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: Minutes\r\n",
            "text/html",
            "<p>The minutes of today's meeting, please add your part.</p>"
                + "<a href=\"https://docs.google.com/document/d/1AbcEXAMPLE/edit\">Minutes</a>");
    assertThat(TestMail.flags(shared)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
  }
}
