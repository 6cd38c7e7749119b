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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The new analyst's review (ui23): a C4TAP share's STIX wrote the Japanese mark 〔メールアドレス〕
 * (percent-encoded inside links) where peers' tools read it; the share now carries one ASCII mark
 * per kind and the page writes it in the reader's language. A kept attacker's link that names the
 * sharer's own domain is warned of in the preview.
 */
class C4tapMarksIT extends ServerTest {

  @Autowired Fixtures fixtures;

  static byte[] mail() {
    return ("Received: from mail.attacker.example (unknown [203.0.113.45]) by mx.sakura-bank.example;"
            + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "From: \"Support\" <support@verify-portal.example>\r\n"
            + "To: soumu@sakura-bank.example\r\n"
            + "Subject: Mailbox notice\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>Dear soumu@sakura-bank.example, your password expires today.</p>"
            + "<a href=\"https://verify-portal.example/login?u=soumu@sakura-bank.example\">Keep</a>"
            + " <a href=\"https://sakura-bank.example.verify-portal.example/signin\">Sign in</a>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSharedStixCarriesNeutralMarksAndThePageTranslatesThem() {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    var draft = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    String bundle = draft.body().substring(draft.body().indexOf("\"bundle\""));
    assertThat(bundle)
        .doesNotContain("〔", "%E3%80%94", "soumu@")
        .containsAnyOf("[e-mail]", "%5Be-mail%5D");

    Http browser = new Http(port);
    browser.signIn(sender.login(), Fixtures.PASSWORD);
    var preview =
        browser.uploadWith(
            "/mail",
            "/mail",
            "message",
            "c4tap.eml",
            mail(),
            Map.of("share", "yes", "range", "AMBER"));
    String shared = preview.body().substring(preview.body().indexOf("id=\"shared-bundle\""));
    String table = shared.substring(0, shared.indexOf("stix-json"));
    assertThat(table).contains("〔メールアドレス〕").doesNotContain("%5Be-mail%5D", "[e-mail]");
    // the kept link names the bank's own domain: the sharer is told before sending
    assertThat(preview.body())
        .contains("id=\"own-domain-kept\"")
        .contains("sakura-bank.example.verify-portal.example");
  }

  /**
   * The share preview of a mail whose one HTML link is {@code href}, as a bank's analyst sees it.
   */
  private String previewOfALinkTo(String href) {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http browser = new Http(port);
    browser.signIn(sender.login(), Fixtures.PASSWORD);
    byte[] mail =
        ("From: a@verify-portal.example\r\nTo: soumu@sakura-bank.example\r\nSubject: x\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<a href=\""
                + href
                + "\">Sign in</a>")
            .getBytes(StandardCharsets.UTF_8);
    return browser
        .uploadWith(
            "/mail",
            "/mail",
            "message",
            "c4tap.eml",
            mail,
            Map.of("share", "yes", "range", "AMBER"))
        .body();
  }

  /**
   * The warning's list of kept links wrote a link as stored, {@code ?u=%5Be-mail%5D} (ux35), while
   * the table under it wrote the same link with 〔メールアドレス〕: the marks are now the reader's words
   * there too.
   */
  @Test
  void theKeptLinkWarnedOfWritesTheRedactionMarkInTheReadersWords() {
    String body =
        previewOfALinkTo(
            "https://sakura-bank.example.verify-portal.example/signin?u=soumu@sakura-bank.example");
    String warning = body.substring(body.indexOf("id=\"own-domain-kept\""));
    warning = warning.substring(0, warning.indexOf("</div>"));
    assertThat(warning)
        .contains("sakura-bank.example.verify-portal.example/signin?u=〔メールアドレス〕")
        .doesNotContain("%5B", "soumu@");
  }

  @Test
  void aMessageNamingNoOwnDomainHasNoWarning() {
    assertThat(previewOfALinkTo("https://verify-portal.example/signin"))
        .contains("id=\"shared-bundle\"")
        .doesNotContain("own-domain-kept");
  }
}
