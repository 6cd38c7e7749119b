package jp.renkei.server.web;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * What one member's open uploads hold of the hub's heap (attack35): {@value #UPLOADS} mail analyses
 * of one person, each announced at 25 MB of which {@value #SENT_MB} MB are sent, held open; the
 * heap in use after a full collection, less the same with none open. Run with the default limits
 * here, and with the gate opened wide by {@link UploadHeapUngatedBench} in the same run (the
 * baseline: what main did). A measurement, not a test: run by name only.
 */
class UploadHeapBench extends ServerTest {

  static final int UPLOADS = 8;
  static final int SENT_MB = 8;

  @Test
  void heapHeldByOnePersonsOpenUploads() throws Exception {
    measure(
        port,
        fixtures.token(fixtures.user(fixtures.operator("finance"), Role.MEMBER)),
        "gated (uploads-per-person 2)");
  }

  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static void measure(int port, String token, String label) throws Exception {
    long before = heapAfterGc();
    List<Socket> held = new ArrayList<>();
    int refused = 0;
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'a');
    try {
      for (int i = 0; i < UPLOADS; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(2000);
        held.add(s);
        OutputStream out = s.getOutputStream();
        out.write(
            ("POST /api/v1/mail/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + token
                    + "\r\nContent-Type: message/rfc822\r\nContent-Length: "
                    + (25_000_000)
                    + "\r\n\r\nFrom: a@b.example\r\nSubject: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        try {
          for (int m = 0; m < SENT_MB; m++) {
            out.write(chunk);
          }
          out.flush();
        } catch (java.io.IOException e) {
          refused++; // answered and closed before the body was read
        }
      }
      Thread.sleep(2000);
      long during = heapAfterGc();
      System.out.printf(
          "UPLOAD-HEAP %s: %d uploads of one person held open, %d MB sent each; %d refused while"
              + " sending; heap held %.1f MB (before %.1f MB, during %.1f MB)%n",
          label, UPLOADS, SENT_MB, refused, (during - before) / 1e6, before / 1e6, during / 1e6);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
