package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import jp.renkei.server.support.HubThreads;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * Form bodies of PUT, PATCH and DELETE before anyone signs in (attack36). Tomcat reads form
 * parameters of POST only, within its 10 MB form limit, and the REST body limit left forms to it;
 * but Spring's {@code FormContentFilter}, on by default and before the security chain, read the
 * body of every PUT, PATCH or DELETE sent as a form whole into one string, whatever its length: no
 * account, no limit, a few bytes of heap per byte sent. No page or API of the hub takes such a
 * form, so nothing reads them now, and a form body of a method other than POST is held to {@code
 * renkei.web.max-body} like any other REST body (413 by its announced length).
 *
 * <p>Each body is sent by a socket that sent its headers and part of the body; the test waits for
 * the hub's answer or for a hub thread reading the body (their stacks), whichever comes first.
 */
class FormBodyMethodsIT extends ServerTest {

  static final String READING = "org.springframework.web.filter.FormContentFilter.parseIfNecessary";

  /** Bytes the hub's threads reading a form body have allocated, all together. */
  static long allocatedByReaders() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (Arrays.stream(e.getValue())
          .anyMatch(f -> READING.equals(f.getClassName() + "." + f.getMethodName()))) {
        sum += bean.getThreadAllocatedBytes(e.getKey().getId());
      }
    }
    return sum;
  }

  Socket sent(String method, String path, String length, byte[] body) throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(60_000);
    OutputStream out = s.getOutputStream();
    out.write(
        (method
                + " "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + length
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    try {
      out.write(body);
      out.flush();
    } catch (java.io.IOException closed) {
      // the hub answered and closed before reading it all: what a refusal may do
    }
    return s;
  }

  /** The hub's status line on {@code s}, or null once a hub thread is reading a form body. */
  static String answerUnread(Socket s) throws Exception {
    InputStream in = s.getInputStream();
    for (int i = 0; i < 600 && in.available() == 0; i++) {
      if (HubThreads.in(READING) > 0) {
        return null;
      }
      Thread.sleep(50);
    }
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      line.append((char) c);
    }
    return line.toString().strip();
  }

  static byte[] form(int bytes) {
    byte[] b = new byte[bytes];
    Arrays.fill(b, (byte) 'a');
    b[0] = 'x';
    b[1] = '=';
    return b;
  }

  @Test
  void aPutFormAnnouncedPastTheRestLimitIs413BeforeItIsRead() throws Exception {
    try (Socket s = sent("PUT", "/login", "Content-Length: 100000000\r\n", form(4 << 20))) {
      String answer = answerUnread(s);
      assertThat(answer)
          .as(
              "answered before its body was read (bytes allocated reading it: %d)",
              allocatedByReaders())
          .isNotNull()
          .startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void formsOfPatchAndDeleteWithinTheLimitOrChunkedAreReadByNobodyBeforeSignIn() throws Exception {
    byte[] start = form(4 << 20);
    byte[] chunk =
        ((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    byte[] chunked = new byte[chunk.length + start.length];
    System.arraycopy(chunk, 0, chunked, 0, chunk.length);
    System.arraycopy(start, 0, chunked, chunk.length, start.length);
    try (Socket patch = sent("PATCH", "/reports", "Transfer-Encoding: chunked\r\n", chunked);
        Socket delete =
            sent("DELETE", "/api/v1/reports/1", "Content-Length: 6000000\r\n", form(2 << 20))) {
      assertThat(answerUnread(patch)).as("PATCH answered unread").isNotNull();
      assertThat(answerUnread(delete)).as("DELETE answered unread").isNotNull();
      assertThat(HubThreads.in(READING)).isZero();
    }
  }
}
