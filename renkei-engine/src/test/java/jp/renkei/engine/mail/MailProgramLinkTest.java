package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A link that downloads a program (issue 19, mail18): the C4TAP sample, a 年金 "survey form" as
 * form.exe on the sender's own unauthenticated domain, was judged clean with score 0, and so was
 * the live lure of that shape. A program behind a link is now a sign, except where an authenticated
 * sender links its own installers.
 */
class MailProgramLinkTest {

  private static MailReport analyze(String headers, String body) {
    String eml =
        headers
            + "To: \"総務部\" <soumu@example-corp.co.jp>\r\n"
            + "Subject: 調査票のご提出について\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + body;
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String PENSION = "From: \"年金 事務局\" <jimu@pension-office.example>\r\n";

  @Test
  void aSurveyFormThatIsAProgramIsASign() {
    MailReport r =
        analyze(
            PENSION,
            "年金受給者の皆様\r\n調査票を下記よりダウンロードし、ご記入の上ご提出ください。\r\n"
                + "http://dl.pension-office.example/chousa/form.exe\r\n");
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.EXECUTABLE_LINK);
              assertThat(f.evidence())
                  .isEqualTo("http://dl.pension-office.example/chousa/form.exe (.exe to download)");
              assertThat(f.evidence(false)).endsWith("(ダウンロードされる .exe)");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theLinkIsReadAsTheFileItNamesWithoutQueryOrFragment() {
    assertThat(MailLinks.linkExtension("https://a.example/x/Setup.MSI?v=2#top")).isEqualTo("msi");
    assertThat(MailLinks.linkExtension("https://a.example/get.hta#x")).isEqualTo("hta");
    assertThat(MailLinks.linkExtension("https://a.example/form.exe/")).isEmpty();
    assertThat(MailLinks.linkExtension("https://a.example/dir.exe/page?f=a.exe")).isEmpty();
    assertThat(MailLinks.linkExtension("https://files.example.exe")).isEmpty();
    assertThat(MailLinks.linkExtension("https://a.example/report")).isEmpty();
    // not programs: web pages, a domain in a path, a page's script, a picture, a document
    for (String url :
        new String[] {
          "https://a.example/index.html",
          "https://a.example/go/example.com",
          "https://a.example/app.js",
          "https://a.example/photo.img",
          "https://a.example/guide.pdf"
        }) {
      assertThat(MailLinks.PROGRAM_LINKS).as(url).doesNotContain(MailLinks.linkExtension(url));
    }
  }

  @Test
  void anAuthenticatedSenderLinkingItsOwnInstallerIsNotASign() {
    String auth =
        "Authentication-Results: mx.example-corp.co.jp; spf=pass smtp.mailfrom=tools-vendor.co.jp;"
            + " dkim=pass header.d=tools-vendor.co.jp; dmarc=pass header.from=tools-vendor.co.jp\r\n"
            + "DKIM-Signature: v=1; a=rsa-sha256; d=tools-vendor.co.jp; s=s1; h=from; bh=x; b=y\r\n";
    String from = "From: \"Tools Vendor サポート\" <support@tools-vendor.co.jp>\r\n";
    String body =
        "いつもご利用ありがとうございます。\r\nバージョン 4.2 のインストーラーを公開しました。\r\n"
            + "https://download.tools-vendor.co.jp/4.2/setup.msi\r\n";
    MailReport own = analyze(auth + from, body);
    assertThat(own.findings())
        .noneSatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.EXECUTABLE_LINK));
    // the same mail unauthenticated, or linking a program on another domain, is a sign
    assertThat(analyze(from, body).findings())
        .anySatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.EXECUTABLE_LINK));
    assertThat(
            analyze(
                    auth + from,
                    body.replace("download.tools-vendor.co.jp", "cdn.file-drop.example"))
                .findings())
        .anySatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.EXECUTABLE_LINK));
  }

  @Test
  void aDiscussionListMemberPointingAtADistributionImageIsNotASign() {
    String eml =
        "Return-Path: <users-admin@lists.distro.example>\r\n"
            + "Authentication-Results: mx.example-corp.co.jp; spf=pass"
            + " smtp.mailfrom=lists.distro.example\r\n"
            + "From: Member <member@univ.example>\r\n"
            + "Sender: users-admin@lists.distro.example\r\n"
            + "To: users@lists.distro.example\r\n"
            + "List-Id: Distro users <users.lists.distro.example>\r\n"
            + "List-Post: <mailto:users@lists.distro.example>\r\n"
            + "List-Unsubscribe: <mailto:users-request@lists.distro.example?subject=unsubscribe>\r\n"
            + "Subject: Re: [users] which image for an old laptop?\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "The small one works fine here:\r\n"
            + "http://mirror.univ.example/distro/4.0/i386/distro-4.0-i386-netinst.iso\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.findings())
        .noneSatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.EXECUTABLE_LINK));
    // the same message without its list's headers is a sign
    String bare = eml.replaceAll("(?m)^(List-[A-Za-z]+|Sender): [^\\r]*\\r\\n", "");
    assertThat(bare).doesNotContain("List-Id");
    MailReport b =
        new MailAnalyzer().analyze(new ByteArrayInputStream(bare.getBytes(StandardCharsets.UTF_8)));
    assertThat(b.findings())
        .anySatisfy(f -> assertThat(f.flag()).isEqualTo(RedFlag.EXECUTABLE_LINK));
  }
}
