package jp.renkei.server.exposure.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.TXTRecord;

/**
 * Issue 16, "discovery of 50 domains in under 1 GB of heap" (docs/benchmarks.md): one operator
 * declares 50 domains, verifies each by a TXT record of a DNS server this bench starts on loopback,
 * and declares the range 127.0.0.1/32 that the platform admin confirms (the one address the tests'
 * outbound guard allows, {@link ServerTest#ALLOWED_OUTBOUND_RANGE}; a test cannot widen it); each
 * domain has four names resolving to it, where the bench listens on ten ports (five TLS with a
 * certificate naming every domain's {@code www}, five with an SMTP-like banner) and five ports are
 * closed. Then the real {@link DiscoveryService} runs discovery (names, TLS certificate names) and
 * enumeration (TCP connect, banners, TLS facts). The JVM runs with {@code -Xmx1g}; the bench prints
 * the heap in use after a GC before the runs (the application at rest: the baseline) and the peak
 * of every heap pool during the runs. Not part of the test run (its name matches neither *Test nor
 * *IT); run it with
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=DiscoveryHeapBench -DargLine="-Xmx1g -Xlog:gc:file=/tmp/discovery-gc.log"
 * </pre>
 *
 * The polite rate is raised to {@code bench.rate} (default 200 connections per second; the
 * product's default is 5) so that the run ends in a minute. It asserts nothing about time or
 * memory.
 */
@TestPropertySource(properties = "renkei.discovery.rate-per-second=${bench.rate:200}")
class DiscoveryHeapBench extends ServerTest {

  static final int DOMAINS = Integer.getInteger("bench.domains", 50);
  static final int LISTENERS = 5;

  @Autowired ScopeService scopes;
  @Autowired DiscoveryService discovery;

  /** A listener on one loopback address: a TLS handshake, or a greeting line. */
  static ServerSocket listen(InetAddress at, SSLContext tls, String greeting) throws IOException {
    ServerSocket server =
        tls == null
            ? new ServerSocket(0, 50, at)
            : tls.getServerSocketFactory().createServerSocket(0, 50, at);
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  s.setSoTimeout(3000);
                  if (s instanceof SSLSocket ssl) {
                    ssl.startHandshake();
                  } else if (greeting != null) {
                    s.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                  }
                } catch (IOException e) {
                  // next connection
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return server;
  }

  static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  static long usedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void fiftyDomains() throws Exception {
    Organisation owner = fixtures.operator("ict");
    Actor a = fixtures.actor(fixtures.user(owner, Role.ANALYST));
    String base = Fixtures.unique("b").toLowerCase(Locale.ROOT);
    List<String> domains = new ArrayList<>();
    for (int i = 0; i < DOMAINS; i++) {
      domains.add("d" + i + "-" + base + ".example");
    }
    List<ServerSocket> servers = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    List<Integer> tlsPorts = new ArrayList<>();
    SSLContext tls =
        ScopeDiscoveryIT.tls(domains.stream().map(d -> "www." + d).toArray(String[]::new));
    try (LoopbackDns dns = new LoopbackDns()) {
      InetAddress at = InetAddress.getByName("127.0.0.1");
      for (int k = 1; k <= LISTENERS; k++) {
        ServerSocket web = listen(at, tls, null);
        ServerSocket mail = listen(at, null, "220 mail" + k + " ESMTP bench\r\n");
        servers.add(web);
        servers.add(mail);
        ports.add(web.getLocalPort());
        ports.add(mail.getLocalPort());
        tlsPorts.add(web.getLocalPort());
      }
      for (int k = 0; k < 5; k++) { // closed ports: a connect answered by a reset
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
          ports.add(s.getLocalPort());
        }
      }
      DnsLookup lookup = DnsLookup.at(dns.address(), Duration.ofSeconds(2));
      long t0 = System.nanoTime();
      for (int i = 0; i < DOMAINS; i++) {
        String d = domains.get(i);
        ScopeService.ScopeRow row = scopes.declare(a, "domain", d);
        dns.add(
            new TXTRecord(
                LoopbackDns.name(row.challengeName()), LoopbackDns.in(), 60, row.challengeValue()));
        assertThat(scopes.verifyByDns(a, row.id(), lookup).verifiedHow()).isEqualTo("dns");
        for (String n : List.of(d, "www." + d, "mail." + d, "api." + d)) {
          dns.add(new ARecord(LoopbackDns.name(n), LoopbackDns.in(), 60, at));
        }
      }
      ScopeService.ScopeRow range = scopes.declare(a, "range", "127.0.0.1/32");
      scopes.confirm(Actor.cli(), range.id());
      double declared = (System.nanoTime() - t0) / 1e9;

      long rest = usedAfterGc();
      resetPeaks();
      long t1 = System.nanoTime();
      DiscoveryService.Run d = discovery.run(owner.id(), "discovery", ports, tlsPorts, lookup);
      long t2 = System.nanoTime();
      DiscoveryService.Run e = discovery.run(owner.id(), "enumeration", ports, tlsPorts, lookup);
      long t3 = System.nanoTime();
      long peak = heapPeak();
      long after = usedAfterGc();
      int found = discovery.found(a, owner.id()).size();
      System.out.printf(
          Locale.ROOT,
          "BENCH %d domains declared and verified by TXT, range 127.0.0.1/32 confirmed (%.1f s);"
              + " rate %s/s, %d ports (%d TLS)%n"
              + "BENCH discovery: %d probes, %d found, %d refusals, %.1f s%n"
              + "BENCH enumeration: %d probes, %d found, %d refusals, %.1f s%n"
              + "BENCH %d discovered hosts and services kept; max heap %d MiB; heap used after GC"
              + " before the runs %d MiB (baseline), peak of the heap pools during the runs %d MiB,"
              + " after GC %d MiB%n",
          DOMAINS,
          declared,
          System.getProperty("bench.rate", "200"),
          ports.size(),
          tlsPorts.size(),
          d.probes(),
          d.found(),
          d.refusals().size(),
          (t2 - t1) / 1e9,
          e.probes(),
          e.found(),
          e.refusals().size(),
          (t3 - t2) / 1e9,
          found,
          Runtime.getRuntime().maxMemory() >> 20,
          rest >> 20,
          peak >> 20,
          after >> 20);
      d.refusals().stream().limit(3).forEach(r -> System.out.println("BENCH refusal: " + r));
      e.refusals().stream().limit(3).forEach(r -> System.out.println("BENCH refusal: " + r));
    } finally {
      for (ServerSocket s : servers) {
        s.close();
      }
    }
  }
}
