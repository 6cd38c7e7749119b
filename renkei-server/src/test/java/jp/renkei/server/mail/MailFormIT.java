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
 * The mail analysis form as a first-time user meets it: each field has a visible label, and a
 * refused upload names the file it is about — an empty file is said to be empty (it was told to
 * "choose a .eml file first" although it had), a file that is no message is named before the reason
 * — in Japanese and English.
 */
class MailFormIT extends ServerTest {

  private Http signedIn(UserAccount u, String lang) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    h.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
    return h;
  }

  @Test
  void fieldsAreLabelledAndRefusalsNameTheFile() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Http ja = signedIn(u, "ja");
    String form = ja.get("/mail").body();
    assertThat(form)
        .contains("<label for=\"message\">解析するメール (.eml ファイル)</label>")
        .contains("<label for=\"range\">C4TAP で共有する場合の共有範囲</label>");

    var empty = ja.upload("/mail", "/mail", "message", "空のメール.eml", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body())
        .contains("<strong class=\"wrap\">空のメール.eml</strong>: <span>このファイルは空です (0 バイト)")
        .doesNotContain("先に .eml ファイルを選んでください", "id=\"mail-report\"");

    byte[] csv = "kind,value\r\nservice,www.example\r\n".getBytes(StandardCharsets.UTF_8);
    var notMail = ja.upload("/mail", "/mail", "message", "inventory.csv", csv);
    assertThat(notMail.statusCode()).isEqualTo(400);
    assertThat(notMail.body())
        .contains("<strong class=\"wrap\">inventory.csv</strong>: <span>メールではありません");

    Http en = signedIn(u, "en");
    var emptyEn = en.upload("/mail", "/mail", "message", "empty.eml", new byte[0]);
    assertThat(emptyEn.body())
        .contains("<strong class=\"wrap\">empty.eml</strong>: <span>This file is empty (0 bytes)");
    // no file at all: asked to choose one, nothing named
    var none = en.upload("/mail", "/mail", "message", "", new byte[0]);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body())
        .contains("Choose a .eml file first.")
        .doesNotContain("<strong class=\"wrap\">");
  }
}
