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
}
