package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * What ux39's browser walk found the report saying wrongly, on the page in Japanese and English
 * (ux40): a variation selector hidden in the subject's 【重要】 is written out as the other hidden
 * characters are; the Gmail mailbox a lure's mailto: links write to is listed with the indicators
 * (and is one in the STIX); an .html attachment holding no tag reads as a file a browser opens as a
 * page, as its sign says; a picture whose QR code is too fine to read says so under "not fully
 * examined".
 */
class MailReportSaysIT extends ServerTest {

  /** The QR fuzz seed's picture: a QR code of 21 modules in 64 × 64 pixels, too fine to read. */
  private static final String FINE_QR =
      "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAAAAACPAi4CAAAA/0lEQVR4Xu2RUQ7DMAhDe/9Lb8MGEiFTKZ32M+Gtreo4L0Cv"
          + "15e6qnGqAQzANIABmH4CuCiufR72pyOkTHoAAOMomZUmTuTRCxIVVSlzARbmEYDdP6qAd44N2ze/SJkx8+3njpA0U95/"
          + "tXepRWzL8pFhETVoUiaiGF68AKqiGsCRowy88C+TGpBhFpJuBnZJ1zfiwWaOZ8Bvx71BUtHW9aZjGO35LYD3gPgYS4hS"
          + "rm3xLlB6vEs1NrQKuMmphXUiL69ESy34BNB1YromlMlPEJ+Qz0eAKN/ORw01aFJmAuJc9qKiHYB31r+ThJQbHfOKSEOQ"
          + "5okGMADTAAZg+gPAG9G4pCGxGQoEAAAAAElFTkSuQmCC";

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] lure() {
    String html =
        "<p>お客さまの口座の安全を確保するため、代表口座のご利用を一時停止しております。</p>"
            + "<p>本日中にログインして本人確認を行ってください。確認がない場合、口座は凍結されます。</p>"
            + "<p><a href=\"mailto:netbk.support.desk@gmail.com?subject=unlock\">ご連絡はこちら</a></p>";
    return ("From: =?UTF-8?B?"
            + b64("住信SBIネット銀行")
            + "?= <info@netbk-notice.example>\r\n"
            + "To: tanaka@sakura-bank.example\r\n"
            + "Subject: =?UTF-8?B?"
            + b64("【重要\uFE09】代表口座のご利用を停止しております")
            + "?=\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + b64(html)
            + "\r\n--B\r\nContent-Type: text/html; name=\"Attachment.html\"\r\n"
            + "Content-Disposition: attachment; filename=\"Attachment.html\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + b64("住信SBIネット銀行株式会社")
            + "\r\n--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: inline; filename=\"qr.png\"\r\n\r\n"
            + FINE_QR
            + "\r\n--B--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Http signedIn(UserAccount u, String lang) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    h.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
    return h;
  }

  @Test
  void theReportSaysWhatTheMailHidesInBothLanguages() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    String ja = signedIn(u, "ja").upload("/mail", "/mail", "message", "lure.eml", lure()).body();
    assertThat(ja)
        .contains("id=\"mail-report\"")
        .contains("【重要[U+FE09]】代表口座のご利用を停止しております")
        .containsPattern(
            "<span>メール送信リンク \\(mailto:\\) の宛先</span>: <code class=\"wrap\">"
                + "netbk\\.support\\.desk@gmail\\.com</code>")
        .contains("mailto netbk.support.desk@gmail.com")
        .containsPattern(
            "<code>Attachment\\.html</code> <span>ブラウザーが Web ページとして開くファイル [^<]*, 36 バイト</span>")
        .contains("data-flag=\"HTML_ATTACHMENT\"")
        .containsPattern("<ul id=\"problems\"><li>qr\\.png: QR コードを読み取れませんでした: [^<]+</li></ul>");

    // the report writes it out; the STIX download below keeps the data as it came
    assertThat(ja.substring(0, ja.indexOf("id=\"stix\""))).doesNotContain("重要\uFE09");

    String en = signedIn(u, "en").upload("/mail", "/mail", "message", "lure.eml", lure()).body();
    assertThat(en)
        .contains("【重要[U+FE09]】")
        .containsPattern(
            "<span>Address a mailto: link writes to</span>: <code class=\"wrap\">"
                + "netbk\\.support\\.desk@gmail\\.com</code>")
        .containsPattern(
            "<code>Attachment\\.html</code> <span>a file a browser opens as a web page [^<]*, 36 bytes</span>")
        .containsPattern(
            "<ul id=\"problems\"><li>qr\\.png: a QR code could not be read: [^<]+</li></ul>")
        .doesNotContain("??", "mail.contactAddress", "mailcheck.type.opened");
  }
}
