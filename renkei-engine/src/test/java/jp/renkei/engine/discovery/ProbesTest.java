package jp.renkei.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import jp.renkei.engine.notice.Cidr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes against servers this test starts on loopback, and nothing else. */
class ProbesTest {

  final Scope loopback = new Scope(1, List.of(Cidr.parse("127.0.0.1/32")), List.of("test.example"));
  final Probes probes = new Probes(200, Duration.ofSeconds(2));

  Admitted local() {
    return loopback.admit(InetAddress.getLoopbackAddress()).target().orElseThrow();
  }

  static Thread serve(ServerSocket server, String greeting) {
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (var s = server.accept()) {
                  OutputStream out = s.getOutputStream();
                  if (greeting != null) {
                    out.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                  }
                  if (s instanceof javax.net.ssl.SSLSocket ssl) {
                    ssl.startHandshake();
                  }
                } catch (IOException e) {
                  // next connection
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void connectCheckAndBanner() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      serve(server, "220 mail.test.example ESMTP ready\r\nmore\r\n");
      assertThat(probes.open(local(), server.getLocalPort())).isTrue();
      assertThat(probes.banner(local(), server.getLocalPort()))
          .contains("220 mail.test.example ESMTP ready");
    }
  }

  @Test
  void aClosedPortIsClosed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThat(probes.open(local(), port)).isFalse();
    assertThat(probes.banner(local(), port)).isEmpty();
  }

  @Test
  void bannerKeepsOnlyPrintableBoundedText() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      serve(server, "SSH-2.0-\u0007\u001b[31m" + "x".repeat(1000));
      String b = probes.banner(local(), server.getLocalPort()).orElseThrow();
      assertThat(b).startsWith("SSH-2.0-..[31mx").hasSizeLessThanOrEqualTo(Probes.MAX_BANNER);
    }
  }

  @Test
  void tlsFactsFromAHandshake(@TempDir Path dir) throws Exception {
    Path ks = dir.resolve("k.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keyalg",
                "EC",
                "-alias",
                "s",
                "-dname",
                "CN=www.test.example",
                "-ext",
                "SAN=dns:www.test.example,dns:api.test.example",
                "-validity",
                "30",
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
    assertThat(p.waitFor()).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(ks.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    try (SSLServerSocket server =
        (SSLServerSocket)
            ctx.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      serve(server, null);
      Admitted named =
          loopback
              .admit("www.test.example", List.of(InetAddress.getLoopbackAddress()))
              .target()
              .orElseThrow();
      Probes.TlsFacts f = probes.tls(named, server.getLocalPort()).orElseThrow();
      assertThat(f.dnsNames()).containsExactly("www.test.example", "api.test.example");
      assertThat(f.protocol()).startsWith("TLSv1.");
      assertThat(f.subject()).isEqualTo("CN=www.test.example");
      assertThat(f.notAfter())
          .isBetween(
              Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));
    }
  }

  /**
   * A service on 127.0.0.1 that sends {@code first} at once, then one byte of {@code filler} every
   * 100 ms, each well inside the probes' 2 s read timeout, until the prober closes the connection;
   * the number of connections it saw cut off is counted.
   */
  static Thread trickle(ServerSocket server, byte[] first, byte filler, AtomicInteger cutOff) {
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (var s = server.accept()) {
                  OutputStream out = s.getOutputStream();
                  out.write(first);
                  out.flush();
                  try {
                    while (!server.isClosed()) {
                      Thread.sleep(100);
                      out.write(filler);
                      out.flush();
                    }
                  } catch (IOException e) {
                    cutOff.incrementAndGet();
                  }
                } catch (IOException e) {
                  // next connection
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The connections the trickling server saw closed, once it has seen one (or after 30 s). */
  static int closedByProber(AtomicInteger cutOff) throws InterruptedException {
    for (int i = 0; i < 300 && cutOff.get() == 0; i++) {
      Thread.sleep(100);
    }
    return cutOff.get();
  }

  @Test
  void aBannerTrickledWithoutALineEndIsCutOffAtTheAttemptsDeadline() throws Exception {
    Probes quick = new Probes(200, Duration.ofSeconds(2), Duration.ofSeconds(1));
    AtomicInteger cutOff = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      // 256 bytes at 10 a second would hold the read for 25 s, each byte inside the read timeout
      trickle(server, "220 slow".getBytes(StandardCharsets.US_ASCII), (byte) 'x', cutOff);
      Probes.Attempt<String> a = quick.bannerAttempt(local(), server.getLocalPort());
      assertThat(a.cutOff()).isTrue();
      assertThat(a.value().orElseThrow())
          .as("what had arrived is kept")
          .startsWith("220 slow")
          .hasSizeLessThan(Probes.MAX_BANNER);
      assertThat(closedByProber(cutOff)).as("the prober closed the connection").isEqualTo(1);
    }
  }

  @Test
  void aTlsHandshakeTrickledByTheServerIsCutOffAtTheAttemptsDeadline() throws Exception {
    Probes quick = new Probes(200, Duration.ofSeconds(2), Duration.ofSeconds(1));
    AtomicInteger cutOff = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      // a handshake record header announcing 16 KiB, then its body a byte at a time
      trickle(server, new byte[] {0x16, 0x03, 0x03, 0x40, 0x00, 0x02}, (byte) 0, cutOff);
      Probes.Attempt<Probes.TlsFacts> a = quick.tlsAttempt(local(), server.getLocalPort());
      assertThat(a.cutOff()).isTrue();
      assertThat(a.value()).isEmpty();
      assertThat(closedByProber(cutOff)).as("the prober closed the connection").isEqualTo(1);
    }
  }

  @Test
  void anAttemptThatEndsInTimeIsNotCutOff() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      serve(server, "SSH-2.0-OpenSSH_9.6\r\n");
      Probes.Attempt<String> a = probes.bannerAttempt(local(), server.getLocalPort());
      assertThat(a.cutOff()).isFalse();
      assertThat(a.value()).contains("SSH-2.0-OpenSSH_9.6");
      Probes.Attempt<Probes.TlsFacts> notTls = probes.tlsAttempt(local(), server.getLocalPort());
      assertThat(notTls.cutOff()).isFalse();
      assertThat(notTls.value()).isEmpty();
    }
  }
}
