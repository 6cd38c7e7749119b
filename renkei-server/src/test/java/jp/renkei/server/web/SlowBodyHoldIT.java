package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * attack42: a slow body that the hub <em>does</em> read must not hold a request thread for as long
 * as its client likes. The sign-in form is read by the CSRF check and the sign-in itself before
 * anyone is known; Tomcat waits for each next piece up to its connection timeout (60 s) and has no
 * minimum data rate, so a client trickling a byte now and then into a small form held a thread
 * without end, and a couple of hundred such connections, without an account, held every one of them
 * ({@link SlowBodyDeadline}).
 *
 * <p>Every socket here is on 127.0.0.1; the trickle stops and every socket is closed at the end of
 * the test, whatever happens.
 */
class SlowBodyHoldIT extends ServerTest {

  @Value("${server.tomcat.threads.max:200}")
  int threads;

  /** A wait, not a timing figure: on main the trickled forms held their threads without end. */
  static final int WAIT_MS = 30_000;

  /** The sign-in form each connection announces: short, as a real one is. */
  static final int FORM_LENGTH = 200;

  @Test
  void signInFormsTrickledWithoutAnAccountHoldNoThreadFromEveryoneElse() throws Exception {
    int count = threads + 10;
    List<java.net.Socket> held = new CopyOnWriteArrayList<>();
    AtomicIntegerArray sent = new AtomicIntegerArray(count);
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      // more connections than Tomcat has threads, each posting the sign-in form (no account, no
      // session: the CSRF check reads the body for its token) and sending its first bytes only
      String head =
          "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + FORM_LENGTH
              + "\r\n\r\nlogin=";
      for (int i = 0; i < count; i++) {
        java.net.Socket s = UnreadBodyCloseTest.open(port);
        s.setSoTimeout(WAIT_MS);
        held.add(s);
        write(s, head);
        sent.set(i, "login=".length());
      }
      // then a byte every 500 ms on each, as long as the test lasts: the form would be whole after
      // some 100 s
      trickle.scheduleAtFixedRate(
          () -> {
            for (int i = 0; i < held.size(); i++) {
              if (sent.get(i) >= FORM_LENGTH - 1) {
                continue;
              }
              try {
                write(held.get(i), "a");
                sent.incrementAndGet(i);
              } catch (IOException e) {
                // closed by the hub: nothing more to send on it
                sent.set(i, Integer.MAX_VALUE);
              }
            }
          },
          500,
          500,
          TimeUnit.MILLISECONDS);
      // someone else's request is answered while all of them still trickle
      try (java.net.Socket other = UnreadBodyCloseTest.open(port)) {
        other.setSoTimeout(WAIT_MS);
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
                  + " sign-in forms were trickled a byte every 500 ms: their connections held"
                  + " every request thread",
              e);
        }
        assertThat(answer).startsWith("HTTP/1.1 200");
      }
      // and each of them was answered and closed before its form was whole: 408 where it waited in
      // one of its address's places, 429 at once past them (attack43: all come from 127.0.0.1)
      int refused = 0;
      for (java.net.Socket s : held) {
        String answer = UnreadBodyCloseTest.readToEnd(s);
        if (answer.startsWith("HTTP/1.1 429")) {
          assertThat(answer).contains("renkei.web.bodies-awaited-per-address");
          refused++;
        } else {
          assertThat(answer).startsWith("HTTP/1.1 408").contains("renkei.web.body-wait");
        }
      }
      assertThat(refused).isPositive();
      for (int i = 0; i < count; i++) {
        assertThat(sent.get(i)).isNotEqualTo(FORM_LENGTH - 1);
      }
    } finally {
      trickle.shutdownNow();
      trickle.awaitTermination(5, TimeUnit.SECONDS);
      for (java.net.Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aSignInFormSentWholeIsReadAsBefore() throws Exception {
    try (java.net.Socket s = UnreadBodyCloseTest.open(port)) {
      // a wait, not a timing figure: on a loaded machine the first page of a fresh context took
      // over a minute
      s.setSoTimeout(120_000);
      // no CSRF token: refused 403 as before, the body read whole (the check read it), and the
      // connection goes on for a second request
      String form = "login=nobody&password=x";
      write(
          s,
          "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + form.length()
              + "\r\n\r\n"
              + form
              + "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      String both = UnreadBodyCloseTest.readToEnd(s);
      assertThat(both).startsWith("HTTP/1.1 403");
      assertThat(both.indexOf("HTTP/1.1 200")).isPositive();
    }
  }

  static void write(java.net.Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
