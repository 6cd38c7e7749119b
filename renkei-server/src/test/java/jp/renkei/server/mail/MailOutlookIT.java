package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outlook .msg files through every way in (issue 19, msg33): the upload page and the API take one
 * as they take an .eml, told by content; a Word document is refused as a PDF is; and the victims an
 * Outlook item attached to a forward was sent to never leave in a C4TAP share.
 */
class MailOutlookIT extends ServerTest {

  @Autowired Fixtures fixtures;

  static byte[] resource(String name) {
    try (InputStream in = MailOutlookIT.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A colleague's "forward as attachment" from Outlook desktop: the lure as an Outlook item. */
  static byte[] forward() {
    return ("From: \"総務部\" <soumu@sakura-bank.example>\r\n"
            + "To: soc@sakura-bank.example\r\n"
            + "Subject: FW: カードのご利用確認\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n"
            + "--fw\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Suspicious, please check.\r\n"
            + "--fw\r\nContent-Type: application/vnd.ms-outlook\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"card.msg\"\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(resource("outlook-lure.msg"))
            + "\r\n--fw--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theApiJudgesAnOutlookFileAndSaysItWasOne() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(u));
    var r =
        api.postBytes(
            "/api/v1/mail/analyze", "application/vnd.ms-outlook", resource("outlook-lure.msg"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"flag\":\"LINK_TEXT_MISMATCH\"", "\"kind\":\"outlook\"")
        .contains("info@smbc-card-support.example.net")
        .doesNotContain("\"verdict\":\"CLEAN\"");
  }

  @Test
  void aWordDocumentIsRefusedSayingWhatItIs() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(u));
    var r =
        api.postBytes("/api/v1/mail/analyze", "application/octet-stream", resource("Word6.doc"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("Outlook").doesNotContain("Exception").doesNotContain("poi");
  }

  /**
   * An Outlook file whose 100 small streams' directory entries are rewritten to name one 1 MB
   * stream's sectors and size: POI read each whole (attack34: 600 times the file allocated; at the
   * hub's 25 MB, more than its heap).
   */
  static byte[] streamsSharingSectors() throws IOException {
    byte[] file;
    try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
      var root = fs.getRoot();
      root.createDocument(
          "__substg1.0_0037001F",
          new java.io.ByteArrayInputStream("請求書".getBytes(StandardCharsets.UTF_16LE)));
      root.createDocument(
          "__properties_version1.0", new java.io.ByteArrayInputStream(new byte[32]));
      root.createDocument(
          "__substg1.0_10130102", new java.io.ByteArrayInputStream(new byte[1 << 20]));
      for (int i = 0; i < 100; i++) {
        root.createDocument(
            String.format("__substg1.0_%04X0102", 0x8000 + i),
            new java.io.ByteArrayInputStream(new byte[] {1}));
      }
      var out = new java.io.ByteArrayOutputStream();
      fs.writeFilesystem(out);
      file = out.toByteArray();
    }
    var b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int big = entry(file, "__substg1.0_10130102");
    for (int i = 0; i < 100; i++) {
      int e = entry(file, String.format("__substg1.0_%04X0102", 0x8000 + i));
      b.putInt(e + 116, b.getInt(big + 116)); // start sector
      b.putLong(e + 120, b.getLong(big + 120)); // size
    }
    return file;
  }

  private static int entry(byte[] file, String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
    for (int i = 0; i + n.length <= file.length; i += 128) {
      if (java.util.Arrays.equals(file, i, i + n.length, n, 0, n.length)) {
        return i;
      }
    }
    throw new IllegalStateException(name);
  }

  @Test
  void anOutlookFileWhoseStreamsShareSectorsIsRefusedNamingTheLimit() throws IOException {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(u));
    byte[] crafted = streamsSharingSectors();
    var r = api.postBytes("/api/v1/mail/analyze", "application/vnd.ms-outlook", crafted);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body())
        .contains("\"code\":\"error.mail.outlookLimit\"", "ファイル自体のサイズまで")
        .doesNotContain("Exception")
        .doesNotContain("poi");
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    var page = browser.upload("/mail", "/mail", "message", "crafted.msg", crafted);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("ファイル自体のサイズまで");
    var share = api.postBytes("/api/v1/c4tap?range=amber", "application/vnd.ms-outlook", crafted);
    assertThat(share.statusCode()).as(share.body()).isEqualTo(400);
  }

  @Test
  void theUploadPageReadsAnOutlookFile() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/mail").body()).contains(".msg");
    var page =
        browser.upload("/mail", "/mail", "message", "card.msg", resource("outlook-lure.msg"));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"outlook-notes\"", "Outlook のファイル (.msg) から読み込み")
        .contains("smbc-card-support.example.net");
    // the decoy the real link shows, written out in the plain text, is said to be only that (ux40)
    assertThat(
            page.body()
                .split(
                    java.util.regex.Pattern.quote(
                        "class=\"muted link-shown-only\"> (別のリンクの表示文字列として書かれているだけ"),
                    -1))
        .hasSize(2);
    var doc = browser.upload("/mail", "/mail", "message", "report.doc", resource("Word6.doc"));
    assertThat(doc.statusCode()).isEqualTo(400);
    assertThat(doc.body()).contains("Outlook のメッセージ (.msg) ではありません");
  }

  @Test
  void theVictimsOfAnAttachedOutlookItemNeverLeaveInAShare() {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    var draft = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", forward());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    long id = C4tapIT.id(draft.body());
    // the whole draft (its preview of what is taken out included) never names the victims
    assertThat(draft.body()).doesNotContain("taro.yamada").doesNotContain("山田 太郎");
    String bundle = draft.body().substring(draft.body().indexOf("\"bundle\""));
    assertThat(bundle)
        .doesNotContain("taro.yamada")
        .doesNotContain("hanako.sato")
        .doesNotContain("山田 太郎")
        .doesNotContain("佐藤 花子")
        .doesNotContain("sakura-bank")
        .contains("smbc-card.verify-login.example.net");
    assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").body())
        .contains("\"status\":\"shared\"");
    Http participant =
        new Http(port).bearer(fixtures.token(fixtures.user(fixtures.operator("gas"), Role.MEMBER)));
    var read = participant.get("/api/v1/c4tap/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .doesNotContain("taro.yamada")
        .doesNotContain("hanako.sato")
        .doesNotContain("山田")
        .doesNotContain("佐藤")
        .doesNotContain("sakura-bank.example");
  }
}
