package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * attack40: a client that announces a body and sends none of it must not hold a request thread
 * after its request was answered. Tomcat used to read the unsent rest of a refused body (up to
 * {@code server.tomcat.max-swallow-size}) before ending the answer, each read waiting up to its 60
 * s connection timeout; so a few hundred such connections, without signing in, held every one of
 * Tomcat's threads and everyone else waited ({@link UnreadBodyClose}).
 *
 * <p>Every socket here is on 127.0.0.1 and closed at the end of its test, whatever happens.
 */
class UnreadBodyHoldIT extends ServerTest {

  @Value("${server.tomcat.threads.max:200}")
  int threads;

  /** A wait, not a timing figure: the held threads on main answered only after 60 s. */
  static final int WAIT_MS = 30_000;

  Socket open() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    s.setSoTimeout(WAIT_MS);
    return s;
  }

  static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
  }

  @Test
  void refusedBodiesNeverSentHoldNoThreadFromEveryoneElse() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      // more connections than Tomcat has threads, each announcing 100 MB to a REST route (refused
      // by its announced length before anything is read, before signing in) and sending nothing
      for (int i = 0; i < threads + 10; i++) {
        Socket s = open();
        held.add(s);
        write(
            s,
            "PUT /api/v1/reports/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: 100000000\r\n\r\n");
      }
      // someone else's request is answered while all of them still hold their connections open
      try (Socket other = open()) {
        write(
            other, "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String answer;
        try {
          answer = UnreadBodyCloseTest.readToEnd(other);
        } catch (SocketTimeoutException e) {
          throw new AssertionError(
              "no answer within "
                  + WAIT_MS / 1000
                  + " s while "
                  + held.size()
                  + " refused bodies were never sent: their connections held every request thread",
              e);
        }
        assertThat(answer).startsWith("HTTP/1.1 200");
      }
      // and each of them got its whole answer and a closed connection, without sending its body
      for (Socket s : held) {
        String answer = UnreadBodyCloseTest.readToEnd(s);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("renkei.web.max-body");
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aBodySentWholeToARouteThatTakesNoneKeepsTheConnection() throws Exception {
    try (Socket s = open()) {
      // a JSON body the route refuses unread (no token: 403), then a second request on the same
      // connection: the body had arrived, so the connection goes on as before
      String json = "{\"title\":\"x\"}";
      write(
          s,
          "POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + json.length()
              + "\r\n\r\n"
              + json
              + "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      String both = UnreadBodyCloseTest.readToEnd(s);
      assertThat(both).startsWith("HTTP/1.1 403");
      assertThat(both.indexOf("HTTP/1.1 200")).isPositive();
    }
  }
}
