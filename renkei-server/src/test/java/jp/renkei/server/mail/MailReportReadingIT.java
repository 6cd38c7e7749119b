package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * The report as ux37's new analyst read it: a newsletter's dozens of tracked links pushed what to
 * do next pages down, and a lure whose SPF, DKIM and DMARC all read "pass" looked vouched for.
 */
class MailReportReadingIT extends ServerTest {

  private Http signedIn(String language) {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Http h = new Http(port);
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    if (language.equals("en")) {
      h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    }
    return h;
  }

  /** The look-alike lure, authenticated by its own domain and carrying 25 more links. */
  static byte[] authenticatedLureWithManyLinks() {
    StringBuilder links = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      links.append("https://news.qzxvb.cn/article/").append(i).append("\r\n");
    }
    String lure = new String(MailPageTextsIT.lookalikeLure(), StandardCharsets.UTF_8);
    return ("Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=qzxvb.cn;"
            + " dkim=pass header.d=qzxvb.cn; dmarc=pass header.from=qzxvb.cn\r\n"
            + lure
            + links)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void manyLinksAreFoldedPastTheFirstTenAndAPassIsSaidForWhatItIs() {
    for (String language : new String[] {"ja", "en"}) {
      String page =
          signedIn(language)
              .upload("/mail", "/mail", "message", "lure.eml", authenticatedLureWithManyLinks())
              .body();
      assertThat(page).contains("id=\"verdict\"");
      String report = page.substring(page.indexOf("id=\"mail-report\""));
      String shown = report.substring(0, report.indexOf("id=\"more-links\""));
      int more = report.indexOf("id=\"more-links\"");
      String folded = report.substring(more, report.indexOf("</details>", more));
      // 26 links: the first ten in the list, the other 16 folded under one line
      assertThat(shown.split("class=\"link\"", -1).length - 1).isEqualTo(10);
      assertThat(folded.split("class=\"link\"", -1).length - 1).isEqualTo(16);
      assertThat(folded)
          .contains(language.equals("ja") ? "ほかのリンク (16 件)" : "More links (16)")
          .contains("https://news.qzxvb.cn/article/25");
      // the steps after the list: still there, and the STIX keeps every link
      assertThat(page).contains("id=\"next-steps\"");
      assertThat(page.substring(page.indexOf("id=\"stix\"")))
          .contains("https://news.qzxvb.cn/article/25");

      assertThat(page).contains("id=\"auth-pass-means\"");
      if (language.equals("ja")) {
        assertThat(page).contains("名乗っている組織からのメールであることや、安全であることの証明ではありません");
      } else {
        assertThat(page).contains("it does not prove that the mail comes from the organisation");
      }
    }
  }

  @Test
  void aCleanMailWithAPassGetsNoWarningAboutIt() {
    byte[] clean =
        ("Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=example-corp.co.jp;"
                + " dkim=pass header.d=example-corp.co.jp; dmarc=pass"
                + " header.from=example-corp.co.jp\r\n"
                + "From: notes@example-corp.co.jp\r\nTo: a@example.jp\r\nSubject: Notes\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe minutes of today.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String page = signedIn("ja").upload("/mail", "/mail", "message", "notes.eml", clean).body();
    assertThat(page).contains("id=\"authentication\"").doesNotContain("id=\"auth-pass-means\"");
    assertThat(page).doesNotContain("id=\"more-links\"");
  }
}
