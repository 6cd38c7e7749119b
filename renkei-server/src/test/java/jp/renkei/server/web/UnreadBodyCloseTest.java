package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UnreadBodyClose} in a real Tomcat on 127.0.0.1 whose one servlet answers without reading
 * the body: a client that announced a body and sends none of it gets its whole answer and a closed
 * connection at once, not after the connection timeout; a client that sent its body whole keeps its
 * connection for the next request.
 */
class UnreadBodyCloseTest {

  Tomcat tomcat;
  int port;

  @BeforeEach
  void start() throws Exception {
    // the hub's 200 ms gap is widened here so that a loaded machine's pauses between the pieces
    // below are not taken for a client that stopped sending
    tomcat = refusing("unread-body-", new UnreadBodyClose(2 * 1024 * 1024, 5000, 15000));
    port = tomcat.getConnector().getLocalPort();
  }

  /**
   * A started Tomcat on 127.0.0.1 (a free port) with {@code valve}, whose one servlet answers GET
   * 200 and anything else 403 without reading the body, chunked as Spring's answers are (the last
   * chunk is what a drain held back). Its connection timeout is 60 s, as long as the tests' socket
   * waits: without the valve an answer ends only when it runs out.
   */
  static Tomcat refusing(String prefix, UnreadBodyClose valve) throws Exception {
    return started(
        prefix,
        new HttpServlet() {
          @Override
          protected void service(HttpServletRequest req, HttpServletResponse resp)
              throws IOException {
            resp.setStatus(req.getMethod().equals("GET") ? 200 : 403);
            resp.setContentType("text/plain");
            resp.getWriter().write("answered " + req.getMethod());
            resp.flushBuffer();
          }
        },
        valve);
  }

  /**
   * A started Tomcat on 127.0.0.1 (a free port, connection timeout 60 s) whose one servlet takes
   * every path, behind {@code valves} in the engine's pipeline.
   */
  static Tomcat started(String prefix, HttpServlet servlet, org.apache.catalina.Valve... valves)
      throws Exception {
    Path base = Files.createTempDirectory(prefix);
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.getConnector().setProperty("connectionTimeout", "60000");
    Context context = tomcat.addContext("", base.toString());
    Tomcat.addServlet(context, "servlet", servlet).addMapping("/*");
    for (org.apache.catalina.Valve v : valves) {
      tomcat.getEngine().getPipeline().addValve(v);
    }
    tomcat.start();
    return tomcat;
  }

  @AfterEach
  void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  Socket open() throws IOException {
    return open(port);
  }

  /** A connection to 127.0.0.1:{@code port} whose reads wait 20 s, well short of the drain's 60. */
  static Socket open(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    s.setSoTimeout(20_000);
    return s;
  }

  /** Everything the server sends until it closes the connection (or the wait ends: thrown). */
  static String readToEnd(Socket s) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      all.write(buf, 0, n);
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBodyAnnouncedAndNeverSentGetsTheWholeAnswerAndAClosedConnection() throws IOException {
    try (Socket s = open()) {
      s.getOutputStream()
          .write(
              ("PUT /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = readToEnd(s);
      assertThat(answer).startsWith("HTTP/1.1 403").contains("answered PUT").endsWith("0\r\n\r\n");
    }
  }

  @Test
  void aSmallBodyAnnouncedAndHalfSentIsNotWaitedForEither() throws IOException {
    try (Socket s = open()) {
      s.getOutputStream()
          .write(
              ("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"a\":")
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(readToEnd(s)).startsWith("HTTP/1.1 403").endsWith("0\r\n\r\n");
    }
  }

  @Test
  void aBodySentWholeKeepsTheConnectionForTheNextRequest() throws IOException {
    try (Socket s = open()) {
      String json = "{\"title\":\"x\"}";
      s.getOutputStream()
          .write(
              ("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + json.length()
                      + "\r\n\r\n"
                      + json
                      + "GET /y HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String both = readToEnd(s);
      assertThat(both).startsWith("HTTP/1.1 403").contains("answered POST");
      assertThat(both).contains("HTTP/1.1 200").contains("answered GET");
    }
  }

  @Test
  void aBodyStillArrivingSteadilyIsTakenAndTheConnectionKept() throws Exception {
    try (Socket s = open()) {
      // 20 pieces of 1 KB, 50 ms apart (well inside the gap set above): the handler answers before
      // the body is in, as it would
      // for a client sending a large body over a slow link with an expired token
      var out = s.getOutputStream();
      out.write(
          "POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 20480\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] piece = new byte[1024];
      java.util.Arrays.fill(piece, (byte) 'a');
      for (int i = 0; i < 20; i++) {
        Thread.sleep(50);
        out.write(piece);
        out.flush();
      }
      out.write(
          "GET /y HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      String both = readToEnd(s);
      assertThat(both).startsWith("HTTP/1.1 403").contains("answered POST");
      assertThat(both).contains("HTTP/1.1 200").contains("answered GET");
    }
  }
}
