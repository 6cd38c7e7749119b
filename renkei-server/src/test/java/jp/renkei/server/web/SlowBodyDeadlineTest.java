package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SlowBodyDeadline} in a real Tomcat on 127.0.0.1 (with {@link UnreadBodyClose} behind it,
 * as the hub has them), whose one servlet reads the body as a form ({@code /form}: its parameters
 * echoed) or as a stream ({@code /stream}: its length echoed): a body that arrives whole, at once
 * or steadily in pieces, is read exactly as without the valve and the connection kept; a body
 * trickled below the minimum rate is answered 408 and closed before it is whole, what the client
 * had sent asserted, never a time.
 */
class SlowBodyDeadlineTest {

  Tomcat tomcat;
  int port;

  /** 2 s from the head and a second per 100 bytes: small enough for a test to pass them. */
  static final long WAIT_MS = 2000;

  static final long MIN_RATE = 100;

  @BeforeEach
  void start() throws Exception {
    tomcat =
        UnreadBodyCloseTest.started(
            "slow-body-",
            new HttpServlet() {
              @Override
              protected void service(HttpServletRequest req, HttpServletResponse resp)
                  throws IOException {
                req.setCharacterEncoding("UTF-8");
                String text;
                if (req.getRequestURI().equals("/form")) {
                  text =
                      "login="
                          + req.getParameter("login")
                          + " password="
                          + req.getParameter("password");
                } else {
                  text = "read " + req.getInputStream().readAllBytes().length;
                }
                resp.setContentType("text/plain;charset=UTF-8");
                resp.getWriter().write(text);
              }
            },
            new SlowBodyDeadline(1024 * 1024, WAIT_MS, MIN_RATE),
            new UnreadBodyClose(2 * 1024 * 1024, 5000, 15000));
    port = tomcat.getConnector().getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static String formHead(String path, int length) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: "
        + length
        + "\r\n\r\n";
  }

  /** One answer of the test's servlet (its length announced), the connection left open. */
  static String readOne(Socket s) throws IOException {
    java.io.InputStream in = s.getInputStream();
    java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Content-Length: (\\d+)").matcher(text);
    int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  static final String NEXT = "GET /next HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

  @Test
  void aFormThatCameWithItsHeadIsReadAsBeforeAndTheConnectionKept() throws IOException {
    try (Socket s = UnreadBodyCloseTest.open(port)) {
      String form = "login=a%E3%81%82&password=p%26q";
      write(s.getOutputStream(), formHead("/form", form.length()) + form + NEXT);
      String both = UnreadBodyCloseTest.readToEnd(s);
      assertThat(both).startsWith("HTTP/1.1 200").contains("login=aあ password=p&q");
      assertThat(both.indexOf("HTTP/1.1 200", 1)).isPositive();
    }
  }

  @Test
  void aFormArrivingInPiecesWithinTheRateIsReadWholeAndTheConnectionKept() throws Exception {
    try (Socket s = UnreadBodyCloseTest.open(port)) {
      String form = "login=slow-link&password=" + "x".repeat(300);
      OutputStream out = s.getOutputStream();
      write(out, formHead("/form", form.length()));
      // ten pieces, 100 ms apart: well inside 2 s
      int piece = form.length() / 10 + 1;
      for (int i = 0; i < form.length(); i += piece) {
        Thread.sleep(100);
        write(out, form.substring(i, Math.min(form.length(), i + piece)));
      }
      // its answer, then the next request on the same connection
      assertThat(readOne(s)).startsWith("HTTP/1.1 200").contains("login=slow-link password=xxx");
      write(out, NEXT);
      assertThat(UnreadBodyCloseTest.readToEnd(s)).startsWith("HTTP/1.1 200").contains("read 0");
    }
  }

  @Test
  void aStreamedBodyArrivingSteadilyPastTheFirstWaitIsReadWhole() throws Exception {
    try (Socket s = UnreadBodyCloseTest.open(port)) {
      // 600 bytes at about 200 a second: past the 2 s from the head, but each 100 bytes that
      // arrive give one more second
      OutputStream out = s.getOutputStream();
      write(
          out,
          "POST /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 600\r\nConnection: close\r\n\r\n");
      for (int i = 0; i < 30; i++) {
        Thread.sleep(100);
        write(out, "x".repeat(20));
      }
      assertThat(UnreadBodyCloseTest.readToEnd(s)).startsWith("HTTP/1.1 200").contains("read 600");
    }
  }

  @Test
  void aFormTrickledBelowTheRateIsAnswered408AndClosedBeforeItIsWhole() throws Exception {
    try (Socket s = UnreadBodyCloseTest.open(port)) {
      OutputStream out = s.getOutputStream();
      write(out, formHead("/form", 200) + "login=");
      int sent = "login=".length();
      // a byte every 200 ms until the hub closes the connection (or the form is whole: the
      // assertion below then fails)
      try {
        while (sent < 200) {
          Thread.sleep(200);
          write(out, "a");
          sent++;
        }
      } catch (IOException closed) {
        // closed by the hub
      }
      String answer = UnreadBodyCloseTest.readToEnd(s);
      assertThat(answer)
          .startsWith("HTTP/1.1 408")
          .contains("Connection: close")
          .contains("renkei.web.body-wait")
          .contains("of 200 bytes");
      assertThat(sent).isLessThan(200);
    }
  }

  @Test
  void aBodyAnnouncedAndNeverSentIsAnswered408() throws IOException {
    try (Socket s = UnreadBodyCloseTest.open(port)) {
      write(s.getOutputStream(), formHead("/form", 100));
      assertThat(UnreadBodyCloseTest.readToEnd(s))
          .startsWith("HTTP/1.1 408")
          .contains("0 of 100 bytes");
    }
  }

  @Test
  void aBodyOfUploadSizeIsLeftToTomcatAsBefore() throws Exception {
    try (Socket s = UnreadBodyCloseTest.open(port)) {
      // 1 MB, sent whole after a pause longer than the wait: not this valve's to time
      int length = 1024 * 1024;
      OutputStream out = s.getOutputStream();
      write(
          out,
          "POST /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
              + length
              + "\r\nConnection: close\r\n\r\n");
      Thread.sleep(WAIT_MS + 500);
      out.write(new byte[length]);
      out.flush();
      assertThat(UnreadBodyCloseTest.readToEnd(s))
          .startsWith("HTTP/1.1 200")
          .contains("read " + length);
    }
  }
}
