package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * attack41: {@link UnreadBodyClose} at the hub's own settings (200 ms gap, 2 s in all) against
 * clients that try to keep its thread: a body trickled a byte just inside the gap, on many
 * connections at once; a chunked body trickled; HTTP/1.0; {@code Expect: 100-continue} with no body
 * sent; a pipelined request behind a body never finished. Each client would go on for minutes; the
 * assertions count what it had sent when the server closed, never a time. The times seen are
 * printed (docs/benchmarks.md "attack41"). Real sockets on 127.0.0.1; every client stops when its
 * connection closes or after its own bound, and every socket is closed at the end.
 */
class UnreadBodyTrickleTest {

  /** Bytes announced: at one byte each 150 ms, 150 s of trickling. */
  static final int ANNOUNCED = 1000;

  static final long GAP_MS = 150;

  Tomcat tomcat;
  int port;

  @BeforeEach
  void start() throws Exception {
    tomcat =
        UnreadBodyCloseTest.refusing(
            "unread-trickle-",
            new UnreadBodyClose(1024 * 1024, UnreadBodyClose.IDLE_MS, UnreadBodyClose.TOTAL_MS));
    port = tomcat.getConnector().getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  Socket open() throws IOException {
    return UnreadBodyCloseTest.open(port);
  }

  /** What one trickling client saw: its answer, the bytes it sent, how long it was held. */
  record Held(String answer, int sent, long millis) {}

  /**
   * Sends {@code head}, then {@code piece} every {@link #GAP_MS} until {@code pieces} are sent or
   * the connection closes, reading the answer meanwhile.
   */
  Held trickle(String head, String piece, int pieces) throws Exception {
    try (Socket s = open()) {
      long start = System.nanoTime();
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      AtomicInteger sent = new AtomicInteger();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < pieces && !s.isClosed(); i++) {
                    Thread.sleep(GAP_MS);
                    out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    sent.incrementAndGet();
                  }
                } catch (IOException | InterruptedException e) {
                  // the server closed: the client stops
                }
              });
      writer.setDaemon(true);
      writer.start();
      String answer = UnreadBodyCloseTest.readToEnd(s);
      long millis = (System.nanoTime() - start) / 1_000_000;
      writer.interrupt();
      writer.join(5000);
      return new Held(answer, sent.get(), millis);
    }
  }

  static String post(String version, String extra) {
    return "POST /x "
        + version
        + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + extra
        + "Content-Length: "
        + ANNOUNCED
        + "\r\n\r\n";
  }

  @Test
  void aBodyTrickledJustInsideTheGapIsCutOffLongBeforeItEnds() throws Exception {
    Held h = trickle(post("HTTP/1.1", ""), "x", ANNOUNCED);
    System.out.println("attack41 trickle 1 byte/" + GAP_MS + " ms: held " + h.millis() + " ms");
    assertThat(h.answer()).startsWith("HTTP/1.1 403").contains("answered POST");
    assertThat(h.sent()).isLessThan(ANNOUNCED / 10);
  }

  @Test
  void manyTricklingConnectionsAreEachCutOff() throws Exception {
    int clients = 60;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Held>> all = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        all.add(pool.submit(() -> trickle(post("HTTP/1.1", ""), "x", ANNOUNCED)));
      }
      long most = 0;
      for (Future<Held> f : all) {
        Held h = f.get(60, TimeUnit.SECONDS);
        assertThat(h.answer()).startsWith("HTTP/1.1 403");
        assertThat(h.sent()).isLessThan(ANNOUNCED / 10);
        most = Math.max(most, h.millis());
      }
      System.out.println(
          "attack41 " + clients + " trickling clients: longest held " + most + " ms");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aChunkedBodyTrickledIsNotTakenAtAll() throws Exception {
    Held h =
        trickle(
            "POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n",
            "1\r\nx\r\n",
            ANNOUNCED);
    System.out.println("attack41 chunked trickle: held " + h.millis() + " ms");
    assertThat(h.answer()).startsWith("HTTP/1.1 403");
    assertThat(h.sent()).isLessThan(ANNOUNCED / 10);
  }

  @Test
  void anHttp10BodyTrickledIsCutOffAsWell() throws Exception {
    Held h = trickle(post("HTTP/1.0", ""), "x", ANNOUNCED);
    System.out.println("attack41 HTTP/1.0 trickle: held " + h.millis() + " ms");
    assertThat(h.answer()).startsWith("HTTP/1.1 403").contains("answered POST");
    assertThat(h.sent()).isLessThan(ANNOUNCED / 10);
  }

  @Test
  void anExpectContinueWithNoBodyIsAnsweredAndClosed() throws Exception {
    Held h = trickle(post("HTTP/1.1", "Expect: 100-continue\r\n"), "", 0);
    System.out.println(
        "attack41 Expect: 100-continue, no body: held "
            + h.millis()
            + " ms, answer starts "
            + h.answer().lines().findFirst().orElse(""));
    assertThat(h.answer()).contains("HTTP/1.1 403").contains("answered POST");
    // and trickled after the 100 Continue: cut off as any body
    Held t = trickle(post("HTTP/1.1", "Expect: 100-continue\r\n"), "x", ANNOUNCED);
    assertThat(t.answer()).contains("HTTP/1.1 403");
    assertThat(t.sent()).isLessThan(ANNOUNCED / 10);
  }

  @Test
  void aRequestPipelinedBehindAnUnfinishedBodyIsNotAnsweredAsARequest() throws Exception {
    // the "body" holds a second request; the first body's announced length is not reached, so what
    // follows is body, dropped or left unread, never a request of its own
    String second = "GET /second HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    Held h = trickle(post("HTTP/1.1", "") + second, "x", ANNOUNCED);
    assertThat(h.answer()).startsWith("HTTP/1.1 403").doesNotContain("answered GET");
    assertThat(h.sent()).isLessThan(ANNOUNCED / 10);
  }
}
