package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What another organisation reads of a C4TAP share (attack31b): a lure a colleague forwarded to the
 * analysts as an attachment, after a mailing list had relayed it, through the bank's own mail
 * servers at an address outside the ranges its directory entry lists. The bank's servers, the
 * list's servers and the victims inside the forward are taken out of what goes, the preview lists
 * them, and the reader gets the same bundle as the preview showed. And (attack32) a lure forwarded
 * inline (the victims only in the quoted header block of the body) whose form sits on a hijacked
 * internal server and whose forwarder's signature points at the intranet: the victims, the internal
 * address and the intranet's host name are taken out, the preview lists them in the reader's words.
 */
class C4tapShareRelaysIT extends ServerTest {

  @Autowired Fixtures fixtures;

  static byte[] forwardedListLure() {
    return ("Received: from mx.sakura-bank.example (mx.sakura-bank.example [198.51.100.25]) by"
            + " mbox.sakura-bank.example; Mon, 16 Nov 2026 10:12:05 +0900\r\n"
            + "From: \"Service desk\" <desk@sakura-bank.example>\r\n"
            + "To: \"CSIRT\" <csirt@sakura-bank.example>\r\n"
            + "Subject: Fwd: 請求書の確認\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"F\"\r\n\r\n"
            + "--F\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n不審なメールです。\r\n"
            + "--F\r\nContent-Type: message/rfc822\r\n\r\n"
            + "From: \"経理部\" <keiri@invoice-check.example>\r\n"
            + "To: \"鈴木 花子\" <h.suzuki@sakura-trust.example>\r\nSubject: 請求書の確認\r\n"
            + "Content-Type: multipart/mixed; boundary=\"G\"\r\n\r\n--G\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "至急、添付の請求書をご確認ください。パスワードを入力してログインしてください。"
            + " https://invoice-check.example/login?e=h.suzuki@sakura-trust.example\r\n"
            + "--G\r\nContent-Type: application/octet-stream; name=\"請求書_鈴木花子.pdf.exe\"\r\n"
            + "Content-Disposition: attachment; filename=\"請求書_鈴木花子.pdf.exe\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n--G--\r\n\r\n--F--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] listLure() {
    return ("Received: from mm.radio-example.org (mm.radio-example.org [203.0.113.10]) by"
            + " mx.sakura-bank.example; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
            + "Received: from mail.lure-host.example (mail.lure-host.example [198.51.100.7]) by"
            + " lists.radio-example.org; Mon, 14 Feb 2022 21:25:33 -0500\r\n"
            + "From: \"Amazon via dev\" <dev@lists.radio-example.org>\r\n"
            + "Reply-To: amazon@lure-host.example\r\nTo: dev@lists.radio-example.org\r\n"
            + "Subject: [dev] account suspended\r\n"
            + "List-Post: <mailto:dev@lists.radio-example.org>\r\nPrecedence: list\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Your account is suspended. Sign in"
            + " to restore it.</p><a href=\"https://amazon-verify.lure-host.example/signin\">Sign"
            + " in</a>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static String bundle(String body) {
    return JSON.readTree(body).path("bundle").asString();
  }

  @Test
  void theBanksServersTheListsServersAndTheForwardsVictimsDoNotGo() {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    Http reader =
        new Http(port).bearer(fixtures.token(fixtures.user(fixtures.operator("gas"), Role.MEMBER)));

    var forward =
        bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", forwardedListLure());
    assertThat(forward.statusCode()).as(forward.body()).isEqualTo(201);
    assertThat(forward.body()).contains("relay address 198.51.100.25");
    assertThat(bundle(forward.body()))
        .contains("invoice-check.example")
        .doesNotContain("198.51.100.25")
        .doesNotContain("鈴木")
        .doesNotContain("h.suzuki")
        .doesNotContain("sakura-trust");

    var list = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", listLure());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(201);
    assertThat(list.body()).contains("relay address of the mailing list 203.0.113.10");
    assertThat(bundle(list.body()))
        .contains("198.51.100.7", "amazon-verify.lure-host.example")
        .doesNotContain("203.0.113.10");

    // the reader of another organisation gets exactly the bundle the preview showed
    for (var draft : java.util.List.of(forward, list)) {
      long id = C4tapIT.id(draft.body());
      assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode()).isEqualTo(200);
      var read = reader.get("/api/v1/c4tap/" + id);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).contains("\"removed\":[]");
      assertThat(bundle(read.body())).isEqualTo(bundle(draft.body()));
    }
  }

  /** The page's preview names the list's servers in the reader's words. */
  @Test
  void thePreviewNamesTheListsServers() {
    Http browser = new Http(port);
    browser.signIn(fixtures.user("op-sakura-bank", Role.MEMBER).login(), Fixtures.PASSWORD);
    var preview =
        browser.uploadWith(
            "/mail",
            "/mail",
            "message",
            "list.eml",
            listLure(),
            Map.of("share", "yes", "range", "AMBER"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("メーリングリストの中継サーバーのアドレス").contains("203.0.113.10");
    Matcher table =
        Pattern.compile("id=\"shared-bundle\"(.*?)</table>", Pattern.DOTALL)
            .matcher(preview.body());
    assertThat(table.find()).isTrue();
    assertThat(table.group(1)).contains("198.51.100.7").doesNotContain("203.0.113.10");
  }

  static byte[] inlineForwardedLure() {
    return ("Received: from exch01.sakura-bank.example ([10.1.2.3]) by"
            + " mbox.sakura-bank.example; Mon, 16 Nov 2026 10:12:05 +0900\r\n"
            + "From: \"Service desk\" <desk@sakura-bank.example>\r\n"
            + "To: \"CSIRT\" <csirt@sakura-bank.example>\r\n"
            + "Subject: Fwd: 請求書の確認\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"F\"\r\n\r\n"
            + "--F\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n不審なメールです。\r\n"
            + "社内ポータル http://portal.sakura.local/csirt/\r\n\r\n"
            + "---------- Forwarded message ---------\r\n"
            + "From: 経理部 <keiri@invoice-check.example>\r\n"
            + "Date: 2026年11月16日(月) 9:12\r\nSubject: 請求書の確認\r\n"
            + "To: 鈴木 花子 <h.suzuki@sakura-trust.example>\r\n\r\n"
            + "至急、添付の請求書をご確認ください。パスワードを入力してログインしてください。"
            + " https://invoice-check.example/login?e=h.suzuki@sakura-trust.example\r\n"
            + " 社内から: http://10.20.30.40/owa/auth/logon.aspx\r\n"
            + "--F\r\nContent-Type: application/octet-stream; name=\"請求書_鈴木花子.pdf.exe\"\r\n"
            + "Content-Disposition: attachment; filename=\"請求書_鈴木花子.pdf.exe\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\r\n--F--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theInlineForwardsVictimsAndTheInternalLinksDoNotGo() {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    Http reader =
        new Http(port).bearer(fixtures.token(fixtures.user(fixtures.operator("gas"), Role.MEMBER)));

    var draft =
        bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", inlineForwardedLure());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    assertThat(draft.body())
        .contains("link to an internal address http://10.20.30.40/owa/auth/logon.aspx")
        .contains("link to an internal address http://portal.sakura.local/csirt/");
    assertThat(bundle(draft.body()))
        .contains("invoice-check.example/login")
        .doesNotContain("鈴木")
        .doesNotContain("h.suzuki")
        .doesNotContain("sakura-trust")
        .doesNotContain("10.20.30.40")
        .doesNotContain("sakura.local");

    long id = C4tapIT.id(draft.body());
    assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode()).isEqualTo(200);
    var read = reader.get("/api/v1/c4tap/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("\"removed\":[]")
        .doesNotContain("鈴木")
        .doesNotContain("sakura-trust")
        .doesNotContain("10.20.30.40")
        .doesNotContain("sakura.local");
    assertThat(bundle(read.body())).isEqualTo(bundle(draft.body()));
  }
}
