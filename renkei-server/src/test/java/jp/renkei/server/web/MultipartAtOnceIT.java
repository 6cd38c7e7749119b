package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.HubThreads;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * Multipart bodies read before anyone asked who sends them (attack36). The container spools a
 * multipart body to files in its temporary directory the moment a parameter or a part is asked for:
 * Spring Security's CSRF check asks for its token in every post without a bearer token, signed in
 * or not, and the dispatcher parsed every multipart body before the per-person upload gate. So
 * anyone, without an account, held one thread and up to 26 MB of the temporary directory per
 * connection that announced a multipart body and sent slowly (Tomcat's 200 threads: 5.2 GB, often a
 * tmpfs, that is memory), and a member any number of them beyond its two uploads at once. Now a
 * multipart body of nobody signed in is answered unread, and one past the person's uploads at once
 * is 429 unread.
 *
 * <p>Bodies are held open by sockets that sent their headers and a megabyte of a body announced far
 * longer. Each held socket is watched until either its answer arrives or a hub thread is parsing
 * its body (their stacks), so nothing depends on timing.
 */
class MultipartAtOnceIT extends ServerTest {

  static final String PARSING = "org.apache.catalina.connector.Request.parseParts";

  @Autowired WebApplicationContext web;

  /** A multipart post announced at 20 MB of which the part headers and 1 MB are sent. */
  Socket heldMultipart(String path, String headers) throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(60_000);
    OutputStream out = s.getOutputStream();
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + headers
                + "Content-Type: multipart/form-data; boundary=held\r\n"
                + "Content-Length: 20000000\r\n\r\n"
                + "--held\r\nContent-Disposition: form-data; name=\"message\"; filename=\"a.eml\"\r\n"
                + "Content-Type: message/rfc822\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(new byte[1 << 20]);
    out.flush();
    return s;
  }

  /**
   * The status line and headers the hub answered on {@code s} while its body is still unsent, or
   * null when a hub thread is parsing that body instead (waits at most 30 s for either).
   */
  static String answerWithoutTheBody(Socket s, long parsingBefore) throws Exception {
    InputStream in = s.getInputStream();
    for (int i = 0; i < 600 && in.available() == 0; i++) {
      if (HubThreads.in(PARSING) > parsingBefore) {
        return null;
      }
      Thread.sleep(50);
    }
    if (in.available() == 0) {
      return null;
    }
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && !head.toString().endsWith("\r\n\r\n")) {
      head.append((char) c);
    }
    return head.toString();
  }

  /** What the hub sent on {@code s} after the headers, up to the page's end (or the close). */
  static String restOfAnswer(Socket s) throws Exception {
    InputStream in = s.getInputStream();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      if (out.toString(StandardCharsets.UTF_8).contains("</html>")) {
        break;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  long spooled() throws Exception {
    File dir = (File) web.getServletContext().getAttribute(ServletContext.TEMPDIR);
    try (Stream<Path> files = Files.walk(dir.toPath())) {
      return files.filter(p -> p.getFileName().toString().startsWith("upload_")).count();
    }
  }

  @Test
  void aMultipartBodyOfNobodySignedInIsAnsweredUnreadAndNothingIsSpooled() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      Socket page = heldMultipart("/mail", "");
      held.add(page);
      String pageAnswer = answerWithoutTheBody(page, 0);
      assertThat(pageAnswer).as("the page's answer before its body is sent").isNotNull();
      assertThat(pageAnswer).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: ");
      assertThat(pageAnswer).contains("/login");

      // a session cookie of nobody signed in changes nothing
      Http anonymous = new Http(port);
      anonymous.get("/login");
      Socket withCookie = heldMultipart("/mail", "Cookie: " + anonymous.cookieHeader() + "\r\n");
      held.add(withCookie);
      assertThat(answerWithoutTheBody(withCookie, 0)).startsWith("HTTP/1.1 302");

      Socket api = heldMultipart("/api/v1/reports/1/attachments", "");
      held.add(api);
      assertThat(answerWithoutTheBody(api, 0)).startsWith("HTTP/1.1 401");

      Socket taxii =
          heldMultipart("/taxii2/api/collections/" + java.util.UUID.randomUUID() + "/objects/", "");
      held.add(taxii);
      assertThat(answerWithoutTheBody(taxii, 0)).startsWith("HTTP/1.1 401");

      assertThat(HubThreads.in(PARSING)).as("hub threads parsing a multipart body").isZero();
      assertThat(spooled()).as("multipart files in the container's temporary directory").isZero();
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aMultipartBodyPastThePersonsUploadsAtOnceIs429UnreadOthersAreNotHeldUp() throws Exception {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    String token = fixtures.token(u);
    String bearer = "Authorization: Bearer " + token + "\r\n";
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    List<Socket> held = new ArrayList<>();
    try {
      held.add(heldMultipart("/api/v1/reports/1/attachments", bearer));
      held.add(heldMultipart("/mail", "Cookie: " + browser.cookieHeader() + "\r\n"));
      HubThreads.awaitIn(PARSING, 2, "hub threads parsing the person's two uploads");

      Socket api = heldMultipart("/api/v1/reports/1/attachments", bearer);
      held.add(api);
      String apiAnswer = answerWithoutTheBody(api, 2);
      assertThat(apiAnswer).as("a third upload's answer before its body is sent").isNotNull();
      assertThat(apiAnswer).startsWith("HTTP/1.1 429").contains("Retry-After");

      Socket page = heldMultipart("/mail", "Cookie: " + browser.cookieHeader() + "\r\n");
      held.add(page);
      String pageAnswer = answerWithoutTheBody(page, 2);
      assertThat(pageAnswer)
          .startsWith("HTTP/1.1 429")
          .contains("Retry-After")
          .containsIgnoringCase("Content-Type: text/html");
      // a browser's page gets the mail page again, the refusal in words above its form, not
      // problem+json naming the hub's setting (ux37); the body is still unread
      String pageBody = restOfAnswer(page);
      assertThat(pageBody)
          .contains("id=\"mail-error\"", "あなたのアップロードが既に 2 件進行中です", "5 秒ほど後に", "id=\"mail-form\"")
          .doesNotContain("renkei.web.uploads-per-person", "\"code\"");
      // its form can be sent again: it carries the session's CSRF token
      assertThat(pageBody.substring(pageBody.indexOf("id=\"mail-form\"")))
          .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
      Socket otherPage =
          heldMultipart("/exposure/inventory", "Cookie: " + browser.cookieHeader() + "\r\n");
      held.add(otherPage);
      assertThat(answerWithoutTheBody(otherPage, 2))
          .startsWith("HTTP/1.1 429")
          .containsIgnoringCase("Content-Type: text/html");
      assertThat(restOfAnswer(otherPage))
          .contains("id=\"error-message\"", "あなたのアップロードが既に 2 件進行中です")
          .doesNotContain("renkei.web.uploads-per-person");

      Socket taxii =
          heldMultipart(
              "/taxii2/api/collections/" + java.util.UUID.randomUUID() + "/objects/", bearer);
      held.add(taxii);
      assertThat(answerWithoutTheBody(taxii, 2)).startsWith("HTTP/1.1 429");

      var whole =
          new Http(port)
              .bearer(token)
              .postBytes(
                  "/api/v1/reports/1/attachments",
                  "multipart/form-data; boundary=x",
                  "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nA\r\n--x--\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
      assertThat(whole.statusCode()).isEqualTo(429);
      assertThat(whole.body())
          .contains("\"code\":\"error.uploadsAtOnce\"", "renkei.web.uploads-per-person");
      assertThat(HubThreads.in(PARSING)).isEqualTo(2);

      // another person is not held up by this one's uploads
      UserAccount other = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
      Http otherBrowser = new Http(port);
      otherBrowser.signIn(other.login(), Fixtures.PASSWORD);
      assertThat(
              otherBrowser
                  .upload("/mail", "/mail", "message", "a.eml", UploadsAtOnceIT.message(1))
                  .statusCode())
          .isEqualTo(200);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
    // uploads their client gave up on free their places
    HubThreads.awaitIn(PARSING, 0, "hub threads parsing a multipart body");
    assertThat(
            browser
                .upload("/mail", "/mail", "message", "a.eml", UploadsAtOnceIT.message(1))
                .statusCode())
        .isEqualTo(200);
  }
}
