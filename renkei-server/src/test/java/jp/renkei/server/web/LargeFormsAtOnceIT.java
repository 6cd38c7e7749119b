package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.support.HubThreads;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * Large form posts before anyone signs in (attack35). The container reads a form body into one
 * array of its announced length (up to the 10 MB form limit) as soon as a parameter is asked for —
 * and Spring Security asks for the CSRF token of every form post, the sign-in form's included — so
 * each connection that announced a large form and sent little held that much of the heap, with no
 * account. The hub now reads at most {@code renkei.web.large-forms-at-once} such bodies at once and
 * answers a further one 503 naming the limit before its body is read.
 *
 * <p>Forms are held open by sockets that sent their headers and the start of a body announced
 * longer; the test waits until the hub's threads are reading them (their stacks): no timing.
 */
class LargeFormsAtOnceIT extends ServerTest {

  static final String READING = "org.apache.catalina.connector.Request.readPostBodyFully";

  /** {@code renkei.web.large-forms-at-once} at its default. */
  static final int MAX = 4;

  static String largeNote() {
    return "a".repeat(1_200_000);
  }

  Socket heldForm() throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    OutputStream out = s.getOutputStream();
    out.write(
        ("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9000000\r\n\r\n"
                + "login=a&password=b&_csrf=")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  static void awaitReading(long n) throws InterruptedException {
    HubThreads.awaitIn(READING, n, "hub threads reading a form body");
  }

  @Test
  void aLargeFormPastTheLimitIs503BeforeItsBodyIsReadWithoutSigningIn() throws Exception {
    int max = MAX;
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < max; i++) {
        held.add(heldForm());
      }
      awaitReading(max);
      HttpResponse<String> r =
          http()
              .postFormRaw(
                  "/login", java.util.Map.of("login", "x", "password", "y", "note", largeNote()));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      // a page (the sign-in form): the themed page in words, no setting and no JSON (share38)
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(r.body())
          .contains("id=\"error-message\"")
          .doesNotContain("renkei.web.large-forms-at-once")
          .containsAnyOf("大きな送信を受け取っています", "receiving other large submissions");
      // a small form is not held up
      assertThat(http().get("/login").statusCode()).isEqualTo(200);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
    awaitReading(0);
    HttpResponse<String> after =
        http()
            .postFormRaw(
                "/login", java.util.Map.of("login", "x", "password", "y", "note", largeNote()));
    assertThat(after.statusCode()).isNotEqualTo(503);
  }
}
