package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What another organisation reads of a C4TAP share (attack32): a lure a colleague forwarded to the
 * analysts inline (the victims only in the quoted header block of the body) whose form sits on a
 * hijacked internal server, and whose forwarder's signature points at the intranet. The victims,
 * the internal address and the intranet's host name are taken out of what goes; the preview lists
 * them in the reader's words; the reader of another organisation gets the preview's bundle.
 */
class C4tapShareInlineForwardIT extends ServerTest {

  @Autowired Fixtures fixtures;

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

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static String bundle(String body) {
    return JSON.readTree(body).path("bundle").asString();
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
