package jp.renkei.server.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import jp.renkei.server.support.HubThreads;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * What one PUT form of nobody signed in holds of the hub's heap (attack36): a body announced at 1
 * GB of which {@value #SENT_MB} MiB are sent, held open; the heap in use after a full collection,
 * less the same before, and what the hub answered before the rest was sent. Run with the defaults
 * here, and as main did by {@link FormBodyHeapUnlimitedBench} in the same run (the baseline). A
 * measurement, not a test: run by name only.
 */
class FormBodyHeapBench extends ServerTest {

  static final int SENT_MB = 64;

  @Test
  void heapHeldByOnePutFormOfNobodySignedIn() throws Exception {
    measure(port, "defaults (form filter off, PUT forms within renkei.web.max-body)");
  }

  static void measure(int port, String run) throws Exception {
    long before = UploadHeapBench.heapAfterGc();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("PUT /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: 1000000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] mib = FormBodyMethodsIT.form(1 << 20);
      mib[0] = 'a';
      mib[1] = 'a';
      int sent = 0;
      try {
        for (; sent < SENT_MB; sent++) {
          out.write(mib);
        }
        out.flush();
      } catch (java.io.IOException closed) {
        // the hub answered and closed the connection
      }
      // wait until the reader (if any) has taken what was sent
      long last = -1;
      for (int i = 0; i < 100; i++) {
        Thread.sleep(300);
        long now = FormBodyMethodsIT.allocatedByReaders();
        if (now == last) {
          break;
        }
        last = now;
      }
      long held = UploadHeapBench.heapAfterGc() - before;
      InputStream in = s.getInputStream();
      String answer = "none yet";
      if (in.available() > 0) {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
          line.append((char) c);
        }
        answer = line.toString().strip();
      }
      System.out.printf(
          "BENCH attack36 %s: %d MiB sent of 1 GB announced; threads reading it %d; heap held"
              + " %.1f MB; answer before the rest: %s%n",
          run, sent, HubThreads.in(FormBodyMethodsIT.READING), held / 1e6, answer);
    }
  }
}
