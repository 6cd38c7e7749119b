package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.HubThreads;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * One member sending many large bodies at once (attack35). Each request body of the mail analysis
 * is read whole into memory before the analysis gate admits one analysis per person, so every
 * upload a person keeps open held up to 25 MB of the hub's heap: any number of them at once. The
 * hub now takes at most {@code renkei.web.uploads-per-person} (2) large uploads of one person at
 * once and answers a further one 429 naming that limit, before its body is read.
 *
 * <p>Uploads are held open by sockets that sent their headers and the start of a body announced
 * longer; the test waits until the hub's threads are reading those bodies (their stacks), so what a
 * further request gets does not depend on timing.
 */
class UploadsAtOnceIT extends ServerTest {

  static final String READING = "jp.renkei.server.mail.MailApi.message";

  /** A plain message whose text is {@code lines} lines long. */
  static byte[] message(int lines) {
    return ("From: \"請求 窓口\" <billing@invoice-check.example>\r\nTo: soumu@sakura-bank.example\r\n"
            + "Subject: invoice\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "この段落は長い本文の一部です。\r\n".repeat(lines)
            + "https://invoice-check.example/login\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A real message of over 1 MiB. */
  static byte[] largeMessage() {
    return message(23_500);
  }

  /** An analysis whose body is announced at 2 MiB, of which only the start is sent. */
  Socket heldUpload(String token) throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    OutputStream out = s.getOutputStream();
    out.write(
        ("POST /api/v1/mail/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + token
                + "\r\nContent-Type: message/rfc822\r\nContent-Length: 2097152\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(message(1));
    out.flush();
    return s;
  }

  /** How many of the hub's threads are reading an analysis's body now. */
  static void awaitReading(long n) throws InterruptedException {
    HubThreads.awaitIn(READING, n, "hub threads reading an analysis's body");
  }

  @Test
  void aThirdLargeUploadOfOnePersonAtOnceIs429NamingTheLimitOthersAreNotHeldUp() throws Exception {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    String token = fixtures.token(u);
    byte[] large = largeMessage();
    assertThat(large.length).isGreaterThan(1 << 20);
    List<Socket> held = new ArrayList<>();
    try {
      held.add(heldUpload(token));
      held.add(heldUpload(token));
      awaitReading(2);

      HttpResponse<String> api =
          new Http(port).bearer(token).postBytes("/api/v1/mail/analyze", "message/rfc822", large);
      assertThat(api.statusCode()).isEqualTo(429);
      assertThat(api.headers().firstValue("Retry-After")).isPresent();
      assertThat(api.body())
          .contains("\"code\":\"error.uploadsAtOnce\"", "renkei.web.uploads-per-person", "2");

      Http browser = new Http(port);
      browser.signIn(u.login(), Fixtures.PASSWORD);
      HttpResponse<String> page = browser.upload("/mail", "/mail", "message", "a.eml", large);
      assertThat(page.statusCode()).isEqualTo(429);
      assertThat(page.headers().firstValue("Retry-After")).isPresent();
      // the mail page again with the limit in words: the hub's setting is the API's, not the
      // analyst's (ux37)
      assertThat(page.body())
          .contains("あなたのアップロードが既に 2 件進行中です", "id=\"mail-form\"")
          .doesNotContain("renkei.web.uploads-per-person", "Exception");

      HttpResponse<String> taxii =
          new Http(port)
              .bearer(token)
              .postBytes(
                  "/taxii2/api/collections/" + java.util.UUID.randomUUID() + "/objects/",
                  "application/taxii+json;version=2.1",
                  large);
      assertThat(taxii.statusCode()).isEqualTo(429);
      assertThat(taxii.body()).contains("\"http_status\":\"429\"", "renkei.web.uploads-per-person");

      // another person is not held up by this one's uploads
      UserAccount other = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
      assertThat(
              new Http(port)
                  .bearer(fixtures.token(other))
                  .postBytes("/api/v1/mail/analyze", "message/rfc822", large)
                  .statusCode())
          .isEqualTo(200);
      // nor are the person's own small requests
      assertThat(
              new Http(port)
                  .bearer(token)
                  .postBytes("/api/v1/mail/analyze", "message/rfc822", message(1))
                  .statusCode())
          .isEqualTo(200);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
    // uploads its client gave up on free their place
    awaitReading(0);
    assertThat(
            new Http(port)
                .bearer(token)
                .postBytes("/api/v1/mail/analyze", "message/rfc822", large)
                .statusCode())
        .isEqualTo(200);
  }
}
