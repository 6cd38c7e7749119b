package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * An HTML page, an SVG image and a calendar invitation attached to a message are said as what they
 * are, not as data of no known format (issue 19, mail18: the new user's walk saw invite.ics typed
 * その他のデータ). The kind is read from the content, whatever the name or declared type says.
 */
class MailAttachmentKindTest {

  private static String kind(String content, Charset cs) {
    return MailAttachments.detect(content.getBytes(cs));
  }

  @Test
  void textKindsAreToldByTheirFirstBytes() {
    assertThat(
            kind(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:定例\r\nEND:VEVENT\r\n",
                StandardCharsets.UTF_8))
        .isEqualTo("calendar");
    assertThat(kind("\uFEFF\r\n  begin:vcalendar\r\n", StandardCharsets.UTF_8))
        .isEqualTo("calendar");
    assertThat(
            kind(
                "<!DOCTYPE html>\n<html lang=\"ja\"><head><title>請求書</title></head>",
                StandardCharsets.UTF_8))
        .isEqualTo("html");
    // a saved form as phishing kits send it: a comment first, Shift_JIS text, no doctype
    assertThat(
            kind(
                "<!-- saved from url=(0014)about:internet -->\r\n<HEAD><META charset=shift_jis>"
                    + "<BODY><FORM action=\"https://198.51.100.4/p\">パスワード",
                Charset.forName("Shift_JIS")))
        .isEqualTo("html");
    assertThat(
            kind(
                "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>",
                StandardCharsets.UTF_8))
        .isEqualTo("svg");
    // text that is none of them stays data: XML, a CSV, a letter that mentions <html>
    assertThat(
            kind(
                "<?xml version=\"1.0\"?><invoice><total>5</total></invoice>",
                StandardCharsets.UTF_8))
        .isEqualTo("data");
    assertThat(kind("品名,数量\nりんご,3\n", StandardCharsets.UTF_8)).isEqualTo("data");
    assertThat(kind("Dear team, the <html> tag goes first.", StandardCharsets.UTF_8))
        .isEqualTo("data");
    assertThat(kind("", StandardCharsets.UTF_8)).isEqualTo("data");
  }

  @Test
  void anAttachedPageAndInvitationAreReportedByKind() {
    String page = "<html><body><form action=\"https://198.51.100.4/p\"><input name=pw></form>";
    String ics =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    String eml =
        "From: Office <office@example-corp.co.jp>\r\nTo: a@example.jp\r\nSubject: Review\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAttached.\r\n"
            + "--b\r\nContent-Type: application/octet-stream; name=\"scan.htm\"\r\n"
            + "Content-Disposition: attachment; filename=\"scan.htm\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getEncoder().encodeToString(page.getBytes(StandardCharsets.UTF_8))
            + "\r\n--b\r\nContent-Type: text/calendar; name=\"review.ics\"\r\n"
            + "Content-Disposition: attachment; filename=\"review.ics\"\r\n\r\n"
            + ics
            + "--b--\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.attachments())
        .extracting(MailReport.Attachment::name, MailReport.Attachment::detectedType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("scan.htm", "html"),
            org.assertj.core.groups.Tuple.tuple("review.ics", "calendar"));
    // the kind changes nothing of what is judged: the page's form is still named
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.HTML_FORM));
  }

  /**
   * ux39's walk: a bank lure's 36-byte Attachment.html held the bank's name and no tag; it was
   * flagged as an HTML attachment while its kind read "no known format". A browser opens it as a
   * page by its name, so its kind now says that; the same text named .txt stays data, unflagged.
   */
  @Test
  void aFileNamedAsAPageWithNoTagsIsSaidToOpenAsOneAsItsSignSays() {
    String text = "住信SBIネット銀行株式会社";
    MailReport r =
        new MailAnalyzer()
            .analyze(
                new ByteArrayInputStream(
                    withAttachment("Attachment.html", "text/html", text)
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(r.attachments())
        .singleElement()
        .extracting(MailReport.Attachment::detectedType)
        .isEqualTo(MailAttachments.OPENED_AS_PAGE);
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.HTML_ATTACHMENT));

    MailReport plain =
        new MailAnalyzer()
            .analyze(
                new ByteArrayInputStream(
                    withAttachment("note.txt", "text/plain", text)
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(plain.attachments())
        .singleElement()
        .extracting(MailReport.Attachment::detectedType)
        .isEqualTo("data");
    assertThat(plain.findings())
        .noneSatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.HTML_ATTACHMENT));
  }

  private static String withAttachment(String name, String type, String content) {
    return "From: Bank <info@bank-notice.example>\r\nTo: a@example.jp\r\nSubject: notice\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the attachment.\r\n"
        + "--b\r\nContent-Type: "
        + type
        + "; name=\""
        + name
        + "\"\r\nContent-Disposition: attachment; filename=\""
        + name
        + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))
        + "\r\n--b--\r\n";
  }
}
