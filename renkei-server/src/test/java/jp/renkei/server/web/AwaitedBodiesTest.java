package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AwaitedBodies} behind {@link SlowBodyDeadline} in a real Tomcat on 127.0.0.1, with two
 * places on the instance and one per client address (clients from 127.0.0.1, .2 and .3): a body
 * withheld past its address's place is 429, past the instance's 503, both at once with Retry-After
 * and the connection closed; a body that comes with its head needs no place; the places come back
 * when the bodies they waited for are answered. {@link UnreadBodyClose} sleeps for the rest of a
 * body its handler did not read only in the same places.
 */
class AwaitedBodiesTest {

  Tomcat tomcat;
  int port;
  AwaitedBodies places = new AwaitedBodies(2, 1);

  @BeforeEach
  void start() throws Exception {
    tomcat =
        UnreadBodyCloseTest.started(
            "awaited-bodies-",
            new HttpServlet() {
              @Override
              protected void service(HttpServletRequest req, HttpServletResponse resp)
                  throws IOException {
                resp.setContentType("text/plain;charset=UTF-8");
                if (req.getRequestURI().equals("/ignore")) {
                  // answered without reading the body: UnreadBodyClose's case
                  resp.getWriter().write("ignored");
                  return;
                }
                resp.getWriter().write("login=" + req.getParameter("login"));
              }
            },
            new SlowBodyDeadline(1024 * 1024, 2000, 100, places),
            new UnreadBodyClose(2 * 1024 * 1024, places));
    port = tomcat.getConnector().getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  Socket from(String address) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(address, 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    s.setSoTimeout(20_000);
    return s;
  }

  /** Waits (20 s at most, never a timing figure) until {@code n} places are held. */
  void untilHeld(int n) throws InterruptedException {
    for (int i = 0; i < 2000 && places.held() != n; i++) {
      Thread.sleep(10);
    }
    assertThat(places.held()).isEqualTo(n);
  }

  @Test
  void bodiesWithheldPastThePlacesAreRefusedAtOnceAndAWholeFormStillRead() throws Exception {
    String head = SlowBodyDeadlineTest.formHead("/form", 100);
    try (Socket first = from("127.0.0.1");
        Socket second = from("127.0.0.2")) {
      SlowBodyDeadlineTest.write(first.getOutputStream(), head);
      untilHeld(1);
      // the same address again: its one place is held
      try (Socket again = from("127.0.0.1")) {
        SlowBodyDeadlineTest.write(again.getOutputStream(), head);
        assertThat(UnreadBodyCloseTest.readToEnd(again))
            .startsWith("HTTP/1.1 429")
            .contains("Retry-After: 2")
            .contains("Connection: close")
            .contains("renkei.web.bodies-awaited-per-address")
            .contains("同時に 1 件まで");
      }
      SlowBodyDeadlineTest.write(second.getOutputStream(), head);
      untilHeld(2);
      // a third address: the instance's two places are held
      try (Socket third = from("127.0.0.3")) {
        SlowBodyDeadlineTest.write(third.getOutputStream(), head);
        assertThat(UnreadBodyCloseTest.readToEnd(third))
            .startsWith("HTTP/1.1 503")
            .contains("Retry-After: 2")
            .contains("Connection: close")
            .contains("renkei.web.bodies-awaited-at-once")
            .contains("このサーバーで同時に 2 件まで")
            .contains("X-Content-Type-Options: nosniff");
      }
      // a form that comes with its head waits for nothing and needs no place
      try (Socket whole = from("127.0.0.3")) {
        String form = "login=whole";
        SlowBodyDeadlineTest.write(
            whole.getOutputStream(),
            SlowBodyDeadlineTest.formHead("/form", form.length())
                + form
                + SlowBodyDeadlineTest.NEXT);
        String both = UnreadBodyCloseTest.readToEnd(whole);
        assertThat(both).startsWith("HTTP/1.1 200").contains("login=whole");
        assertThat(both.indexOf("HTTP/1.1 200", 1)).isPositive();
      }
      // the two held ones end as before, and give their places back
      assertThat(UnreadBodyCloseTest.readToEnd(first))
          .startsWith("HTTP/1.1 408")
          .contains("0 of 100 bytes")
          .contains("X-Content-Type-Options: nosniff");
      assertThat(UnreadBodyCloseTest.readToEnd(second)).startsWith("HTTP/1.1 408");
    }
    assertThat(places.held()).isZero();
    try (Socket later = from("127.0.0.3")) {
      SlowBodyDeadlineTest.write(later.getOutputStream(), head);
      assertThat(UnreadBodyCloseTest.readToEnd(later)).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  void aBodyThatKeepsArrivingAfterItsPlaceWasTakenIsReadWhole() throws Exception {
    try (Socket s = from("127.0.0.1")) {
      String form = "login=" + "x".repeat(200);
      SlowBodyDeadlineTest.write(
          s.getOutputStream(), SlowBodyDeadlineTest.formHead("/form", form.length()));
      untilHeld(1);
      SlowBodyDeadlineTest.write(s.getOutputStream(), form.substring(0, 100));
      Thread.sleep(100);
      SlowBodyDeadlineTest.write(s.getOutputStream(), form.substring(100));
      assertThat(SlowBodyDeadlineTest.readOne(s)).startsWith("HTTP/1.1 200").contains("xxxx");
    }
    assertThat(places.held()).isZero();
  }

  /** Announces 2 MB to {@code /ignore} (too large for the deadline) and trickles it. */
  static int trickleIgnored(Socket s, int bytes) throws Exception {
    SlowBodyDeadlineTest.write(
        s.getOutputStream(),
        "POST /ignore HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2097152\r\n\r\n");
    int sent = 0;
    try {
      while (sent < bytes) {
        Thread.sleep(50);
        SlowBodyDeadlineTest.write(s.getOutputStream(), "a");
        sent++;
      }
    } catch (java.io.IOException closed) {
      // closed by the server
    }
    return sent;
  }

  @Test
  void aBodyNobodyReadsIsWaitedForOnlyInAPlace() throws Exception {
    // one trickling client of 127.0.0.1 keeps the rest of its ignored body coming in the place
    Thread holder =
        new Thread(
            () -> {
              try (Socket s = from("127.0.0.1")) {
                trickleIgnored(s, 40);
              } catch (Exception e) {
                // the test below fails on its own if this did not hold the place
              }
            });
    holder.start();
    try {
      untilHeld(1);
      // a second of the same address, trickling too: its answer whole and the connection closed
      // when no place was given (UnreadBodyClose alone kept taking its trickle for up to 2 s)
      try (Socket s = from("127.0.0.1")) {
        int sent = trickleIgnored(s, 40);
        assertThat(UnreadBodyCloseTest.readToEnd(s)).startsWith("HTTP/1.1 200").contains("ignored");
        assertThat(sent).isLessThan(40);
      }
      assertThat(places.refused()).isEqualTo(1);
    } finally {
      holder.join(20_000);
    }
    assertThat(places.held()).isZero();
  }

  @Test
  void anIpv6ClientCountsByItsSlash64() {
    AwaitedBodies two = new AwaitedBodies(10, 1);
    assertThat(two.take("2001:db8:1:2::a")).isNull();
    assertThat(two.take("2001:db8:1:2:ffff::b")).isEqualTo(AwaitedBodies.Refusal.ADDRESS);
    assertThat(two.take("2001:db8:1:3::a")).isNull();
    two.giveBack("2001:db8:1:2::a");
    assertThat(two.take("2001:db8:1:2::c")).isNull();
    assertThat(two.held()).isEqualTo(2);
  }
}
