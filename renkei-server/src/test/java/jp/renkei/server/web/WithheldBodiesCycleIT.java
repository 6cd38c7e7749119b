package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.SocketTimeoutException;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * attack43: clients without an account that announce small bodies and withhold them, each
 * connection re-opened as soon as it is answered, must not keep every request thread. Each such
 * request held a thread for {@code renkei.web.body-wait} (5 s) before its 408 ({@link
 * SlowBodyDeadline}), so more connections than Tomcat has threads, cycling, kept them all and
 * queued everyone else's requests behind theirs ({@link AwaitedBodies}).
 *
 * <p>Every socket is on the loopback (from 127.0.0.1 to 127.0.0.20, the attacker's addresses); the
 * attack stops by itself within a bounded time and every socket is closed at the end.
 */
class WithheldBodiesCycleIT extends ServerTest {

  @Value("${server.tomcat.threads.max:200}")
  int threads;

  /** A wait, not a timing figure: on main the health request waited behind the withheld bodies. */
  static final int WAIT_MS = 15_000;

  static final int ADDRESSES = 20;

  @Test
  void withheldBodiesCycledFromManyAddressesLeaveThreadsForEveryoneElse() throws Exception {
    // six connections for each thread, spread over 20 addresses, each announcing a sign-in form
    int perAddress = threads * 6 / ADDRESSES;
    try (BodyWithholders attack =
        new BodyWithholders(
            port,
            BodyWithholders.signInHead(100),
            BodyWithholders.loopbacks(1, ADDRESSES),
            perAddress,
            60_000)) {
      // every connection has sent its head and is waiting: the threads are taken
      Thread.sleep(3000);
      for (String request :
          new String[] {
            "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          }) {
        try (Socket other = UnreadBodyCloseTest.open(port)) {
          other.setSoTimeout(WAIT_MS);
          long asked = System.nanoTime();
          SlowBodyHoldIT.write(other, request);
          String answer;
          try {
            answer = UnreadBodyCloseTest.readToEnd(other);
          } catch (SocketTimeoutException e) {
            throw new AssertionError(
                "no answer to "
                    + request.lines().findFirst().orElseThrow()
                    + " within "
                    + WAIT_MS / 1000
                    + " s while "
                    + perAddress * ADDRESSES
                    + " connections withheld their bodies (answers so far "
                    + attack.statuses()
                    + ", "
                    + attack.opened()
                    + " connections opened)",
                e);
          }
          assertThat(answer).startsWith("HTTP/1.1 200");
          // printed for docs/benchmarks.md, never asserted
          System.out.println(
              "attack43 "
                  + request.lines().findFirst().orElseThrow()
                  + ": answered in "
                  + (System.nanoTime() - asked) / 1_000_000
                  + " ms; withheld bodies' answers so far "
                  + attack.statuses()
                  + ", "
                  + attack.opened()
                  + " connections opened");
        }
      }
      // the excess was refused at once, asking to come back later
      assertThat(attack.statuses()).containsKey("503");
    }
  }

  @Test
  void aBodyWithheldFromOneAddressPastItsPlacesIsAnswered429AtOnce() throws Exception {
    try (BodyWithholders attack =
        new BodyWithholders(
            port, BodyWithholders.signInHead(100), BodyWithholders.loopbacks(21, 1), 8, 60_000)) {
      Thread.sleep(1000);
      // a ninth from the same address: no place left for it
      try (Socket ninth = new Socket()) {
        ninth.bind(new java.net.InetSocketAddress("127.0.0.21", 0));
        ninth.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
        ninth.setSoTimeout(WAIT_MS);
        SlowBodyHoldIT.write(ninth, BodyWithholders.signInHead(100));
        String answer = UnreadBodyCloseTest.readToEnd(ninth);
        assertThat(answer)
            .startsWith("HTTP/1.1 429")
            .contains("Retry-After: 5")
            .contains("Connection: close")
            .contains("renkei.web.bodies-awaited-per-address")
            .contains("この接続元");
      }
      // another address still has its own
      try (Socket s = UnreadBodyCloseTest.open(port)) {
        s.setSoTimeout(WAIT_MS);
        SlowBodyHoldIT.write(s, BodyWithholders.signInHead(100));
        assertThat(UnreadBodyCloseTest.readToEnd(s)).startsWith("HTTP/1.1 408");
      }
      // the eight themselves held their places: none of them was refused
      assertThat(attack.statuses()).doesNotContainKeys("429", "503");
    }
  }
}
