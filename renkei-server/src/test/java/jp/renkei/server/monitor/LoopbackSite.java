package jp.renkei.server.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A web site on 127.0.0.1 that a test turns fast, slow, failing (500), resetting connections,
 * stalling (accepting and never answering) or trickling (a byte at a time); over TLS with a
 * self-signed certificate made by keytool when asked.
 */
final class LoopbackSite implements AutoCloseable {

  enum Mode {
    FAST,
    SLOW,
    FAIL,
    RESET,
    STALL,
    /** Answers at once, then sends the body one byte every 200 ms for 20 s. */
    TRICKLE
  }

  volatile Mode mode = Mode.FAST;
  volatile int slowMillis = 400;
  private final ServerSocket server;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "loopback-site");
            t.setDaemon(true);
            return t;
          });

  private LoopbackSite(ServerSocket server) {
    this.server = server;
    pool.execute(this::accept);
  }

  static LoopbackSite http() throws IOException {
    return new LoopbackSite(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
  }

  /** Over TLS with a fresh self-signed certificate for {@code localhost}, valid {@code days}. */
  static LoopbackSite selfSigned(Path dir, int days) throws Exception {
    Path ks = dir.resolve("site-" + System.nanoTime() + ".p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "site",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                String.valueOf(days),
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return new LoopbackSite(
        ctx.getServerSocketFactory().createServerSocket(0, 200, InetAddress.getLoopbackAddress()));
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(30_000);
      Mode m = mode;
      InputStream in = s.getInputStream();
      byte[] buf = new byte[4096];
      int n = 0;
      while (n < buf.length) {
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          return;
        }
        n += r;
        if (new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
          break;
        }
      }
      switch (m) {
        case RESET -> {
          s.setSoLinger(true, 0);
          return;
        }
        case STALL -> {
          Thread.sleep(20_000);
          return;
        }
        case SLOW -> Thread.sleep(slowMillis);
        case TRICKLE -> {
          OutputStream out = s.getOutputStream();
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
          for (int i = 0; i < 100; i++) {
            out.write('.');
            out.flush();
            Thread.sleep(200);
          }
          return;
        }
        default -> {}
      }
      String body = m == Mode.FAIL ? "broken" : "<html>Renkei test site OK</html>";
      String status = m == Mode.FAIL ? "500 Internal Server Error" : "200 OK";
      OutputStream out = s.getOutputStream();
      out.write(
          ("HTTP/1.1 "
                  + status
                  + "\r\nContent-Type: text/html\r\nContent-Length: "
                  + body.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the probe went away or the test ended
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
