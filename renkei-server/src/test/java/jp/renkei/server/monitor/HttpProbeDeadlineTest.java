package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A site that holds a probe (outbound31): real sockets on 127.0.0.1 that trickle a TLS handshake,
 * trickle headers that never end, or send an endless body. Each site trickles a finite number of
 * bytes, each well inside the probe's read timeout, and records whether the hub closed the
 * connection before it was done: without the whole-attempt deadline the probe waited for all of
 * them.
 */
class HttpProbeDeadlineTest {

  /** Sends one byte every 100 ms, 150 times (15 s), after what {@code start} wrote. */
  private static final int TRICKLED = 150;

  private final AtomicBoolean cutOff = new AtomicBoolean();
  private final AtomicInteger written = new AtomicInteger();
  private final CountDownLatch done = new CountDownLatch(1);
  private ServerSocket server;

  @AfterEach
  void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** A one-connection site: reads the request's first bytes, writes {@code start}, trickles. */
  private URI site(String scheme, byte[] start, byte trickled, boolean endless) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                out.write(start);
                out.flush();
                if (endless) {
                  byte[] chunk = new byte[8192];
                  java.util.Arrays.fill(chunk, trickled);
                  for (int i = 0; i < 10_000; i++) { // 80 MB unless the hub stops reading
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                  }
                  out.flush();
                  return;
                }
                for (int i = 0; i < TRICKLED; i++) {
                  out.write(trickled);
                  out.flush();
                  written.incrementAndGet();
                  Thread.sleep(100);
                }
              } catch (IOException e) {
                cutOff.set(true); // the hub closed the connection
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                done.countDown();
              }
            },
            "trickling-site");
    t.setDaemon(true);
    t.start();
    return URI.create(scheme + "://localhost:" + server.getLocalPort() + "/");
  }

  private static HttpProbe probe() {
    return new HttpProbe(
        h -> new InetAddress[] {InetAddress.getLoopbackAddress()}, Duration.ofSeconds(1));
  }

  @Test
  void aSiteTricklingItsTlsHandshakeIsCutOffAtTheAttemptsDeadline() throws Exception {
    // a handshake record announcing 16 KiB, then its bytes one at a time: the TLS layer waits for
    // the whole record, each read inside the 1-s read timeout
    URI u = site("https", new byte[] {0x16, 0x03, 0x03, 0x40, 0x00, 0x02}, (byte) 0, false);
    HttpProbe.Result r = probe().probe(new HttpProbe.Target(u, 200, null));
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo("no answer within 1 s");
    done.await(30, TimeUnit.SECONDS);
    assertThat(cutOff).as("the hub closed the connection while the site trickled").isTrue();
    assertThat(written.get()).isLessThan(TRICKLED);
  }

  @Test
  void headersThatNeverEndAreCutOffAtTheAttemptsDeadline() throws Exception {
    URI u =
        site(
            "http",
            "HTTP/1.1 200 OK\r\nX-Padding: ".getBytes(StandardCharsets.ISO_8859_1),
            (byte) 'a',
            false);
    HttpProbe.Result r = probe().probe(new HttpProbe.Target(u, 200, null));
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo("no answer within 1 s");
    done.await(30, TimeUnit.SECONDS);
    assertThat(cutOff).isTrue();
    assertThat(written.get()).isLessThan(TRICKLED);
  }

  @Test
  void anEndlessBodyIsReadOnlyUpToTheLimit() throws Exception {
    URI u =
        site(
            "http",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1),
            (byte) 'x',
            true);
    HttpProbe.Result r = probe().probe(new HttpProbe.Target(u, 200, "never there"));
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo("expected text not found");
    done.await(30, TimeUnit.SECONDS);
    assertThat(cutOff).as("the hub stopped reading and closed").isTrue();
    assertThat(written.get()).isLessThan(10_000 * 8192);
  }

  /**
   * A name lookup is part of the attempt (harden32): a resolver that never answers — a real DNS
   * server on 127.0.0.1 that receives the query and stays silent, asked over the DNS protocol —
   * ends the attempt at its deadline, and the result says it was the lookup.
   */
  @Test
  void aNameLookupThatNeverAnswersEndsTheAttemptSayingSo() {
    try (jp.renkei.server.support.SilentResolver dns =
            jp.renkei.server.support.SilentResolver.start();
        jp.renkei.server.outbound.OutboundHttp guard =
            jp.renkei.server.outbound.Guards.withLookup(dns.lookup(), Duration.ofSeconds(30))) {
      HttpProbe probe = HttpProbe.guarded(guard, Duration.ofSeconds(1));
      HttpProbe.Attempts a =
          probe.probe(
              new HttpProbe.Target(URI.create("http://site.example/"), 200, null),
              1,
              Duration.ofSeconds(1));
      assertThat(a.result().ok()).isFalse();
      assertThat(a.attempts()).isEqualTo(2);
      assertThat(a.error()).isEqualTo("name lookup of site.example did not answer within 1 s");
      assertThat(a.result().millis()).doesNotContainKey(jp.renkei.engine.monitor.Phase.DNS);
      org.awaitility.Awaitility.await("the lookup really asked the silent server")
          .atMost(Duration.ofSeconds(10))
          .until(() -> dns.queries() > 0);
    }
  }
}
