package jp.renkei.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import jp.renkei.server.config.OutboundProperties;
import jp.renkei.server.intel.TaxiiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound guard against real HTTP servers on 127.0.0.1 (allowed where a test says so) and
 * 127.0.0.2 (another loopback address, never allowed here): what reaches the second is the measure
 * of a hole.
 */
class OutboundHttpTest {

  static final Duration T = Duration.ofSeconds(5);

  HttpServer allowed;
  HttpServer internal;
  final List<String> allowedSeen = new CopyOnWriteArrayList<>();
  final List<String> internalSeen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void servers() throws Exception {
    allowed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    allowed.createContext(
        "/",
        ex -> {
          allowedSeen.add(
              ex.getRequestURI()
                  + " host="
                  + ex.getRequestHeaders().getFirst("Host")
                  + " auth="
                  + ex.getRequestHeaders().getFirst("Authorization"));
          String path = ex.getRequestURI().getPath();
          if (path.startsWith("/redirect-internal")) {
            ex.getResponseHeaders().add("Location", internalUrl("/metadata"));
            ex.sendResponseHeaders(307, -1);
          } else if (path.startsWith("/redirect-here")) {
            ex.getResponseHeaders().add("Location", "http://localhost:" + port(allowed) + "/ok");
            ex.sendResponseHeaders(302, -1);
          } else if (path.startsWith("/loop")) {
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
          } else if (path.startsWith("/error")) {
            byte[] b = "db password=hunter2 at 10.0.0.7".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, b.length);
            ex.getResponseBody().write(b);
          } else {
            byte[] b = "fine".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
          }
          ex.close();
        });
    allowed.start();
    internal = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
    internal.createContext(
        "/",
        ex -> {
          internalSeen.add(ex.getRequestURI().toString());
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    internal.start();
  }

  @AfterEach
  void stop() {
    allowed.stop(0);
    internal.stop(0);
  }

  static int port(HttpServer s) {
    return s.getAddress().getPort();
  }

  String allowedUrl(String path) {
    return "http://127.0.0.1:" + port(allowed) + path;
  }

  String internalUrl(String path) {
    return "http://127.0.0.2:" + port(internal) + path;
  }

  static OutboundHttp guard(List<String> ranges, boolean http) {
    return new OutboundHttp(
        new OutboundProperties(ranges, http, T, 3, Duration.ofMinutes(10), T), Set.of());
  }

  static OutboundHttp guard(Function<String, InetAddress[]> dns) {
    return new OutboundHttp(
        new OutboundProperties(List.of("127.0.0.1/32"), true, T, 3, Duration.ofMinutes(10), T),
        Set.of(),
        dns);
  }

  static OutboundHttp.Response get(OutboundHttp h, String url) {
    return h.exchange(OutboundHttp.Request.get(URI.create(url), T), 1000);
  }

  @Test
  void aZoneIdAndNamesForLoopbackNeverReachInside() {
    try (OutboundHttp strict = guard(List.of(), false)) {
      // a link-local address with a zone id: java.net cannot read "%25lo" as a scope, so it is
      // saved as a name that does not resolve now, and no request ever leaves for it
      assertThatThrownBy(() -> get(strict, "https://[fe80::1%25lo]/hook"))
          .isInstanceOf(OutboundHttp.Failure.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TLS", "HTTP "));
      assertThatThrownBy(() -> strict.check("https://localhost/hook"))
          .hasMessageContaining("loopback");
      // with a trailing dot: loopback where it resolves, unreachable where it does not
      assertThatThrownBy(() -> get(strict, "https://localhost./hook"))
          .isInstanceOf(OutboundHttp.Failure.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TLS", "HTTP "));
    }
  }

  @Test
  void refusesLoopbackAndHttpByDefault() {
    try (OutboundHttp strict = guard(List.of(), false)) {
      assertThatThrownBy(() -> get(strict, allowedUrl("/ok")))
          .isInstanceOf(OutboundHttp.Refused.class)
          .hasMessageContaining("only https");
      assertThatThrownBy(() -> strict.check("https://127.0.0.1/hook"))
          .isInstanceOf(OutboundHttp.Refused.class)
          .hasMessageContaining("loopback");
      assertThatThrownBy(() -> strict.check("https://169.254.169.254/latest/meta-data/"))
          .hasMessageContaining("link-local");
      assertThatThrownBy(() -> strict.check("https://[::ffff:10.0.0.1]/"))
          .hasMessageContaining("private");
      assertThatThrownBy(() -> strict.check("https://100.64.0.1/")).hasMessageContaining("CGNAT");
      assertThatThrownBy(() -> strict.check("https://user:pw@hooks.example.org/"))
          .hasMessageContaining("user name");
      assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("https");
      // other spellings of 127.0.0.1 are the same address once resolved
      assertThatThrownBy(() -> strict.check("https://2130706433/"))
          .hasMessageContaining("loopback");
      // (and a host java.net.URI cannot read is no host at all)
      assertThatThrownBy(() -> strict.check("https://127.1/"))
          .isInstanceOf(OutboundHttp.Refused.class);
      assertThatThrownBy(() -> strict.check("https://[0:0:0:0:0:ffff:7f00:1]/"))
          .hasMessageContaining("loopback");
    }
    try (OutboundHttp httpsAllowedLoopback = guard(List.of(), true)) {
      assertThatThrownBy(() -> get(httpsAllowedLoopback, allowedUrl("/ok")))
          .isInstanceOf(OutboundHttp.Refused.class)
          .hasMessageContaining("loopback");
    }
    assertThat(allowedSeen).isEmpty();
  }

  @Test
  void anAllowListedRangeIsReachedAndNothingElse() {
    try (OutboundHttp h = guard(List.of("127.0.0.1/32"), true)) {
      assertThat(get(h, allowedUrl("/ok")).status()).isEqualTo(200);
      assertThatThrownBy(() -> get(h, internalUrl("/metadata")))
          .isInstanceOf(OutboundHttp.Refused.class)
          .hasMessageContaining("127.0.0.2 is or resolves to a loopback address");
      // the same address written as IPv4-mapped IPv6 is the same address
      assertThatThrownBy(() -> get(h, "http://[::ffff:127.0.0.2]:" + port(internal) + "/metadata"))
          .isInstanceOf(OutboundHttp.Refused.class);
    }
    assertThat(allowedSeen).hasSize(1);
    assertThat(internalSeen).isEmpty();
  }

  @Test
  void everyRedirectIsCheckedAndCredentialsStayWithTheirOrigin() {
    try (OutboundHttp h = guard(List.of("127.0.0.1/32"), true)) {
      assertThatThrownBy(
              () ->
                  h.exchange(
                      OutboundHttp.Request.get(URI.create(allowedUrl("/redirect-internal")), T)
                          .with("Authorization", "Bearer s3cret"),
                      1000))
          .isInstanceOf(OutboundHttp.Refused.class)
          .hasMessageContaining("127.0.0.2");
      assertThat(internalSeen).isEmpty();

      // localhost is another origin than 127.0.0.1: followed (127.0.0.1 is allowed), without the
      // token; ::1, if localhost also resolves to it, is not allowed and refuses the name
      try {
        OutboundHttp.Response r =
            h.exchange(
                OutboundHttp.Request.get(URI.create(allowedUrl("/redirect-here")), T)
                    .with("Authorization", "Bearer s3cret"),
                1000);
        assertThat(r.status()).isEqualTo(200);
        assertThat(allowedSeen.get(allowedSeen.size() - 1)).startsWith("/ok").endsWith("auth=null");
      } catch (OutboundHttp.Refused e) {
        assertThat(e).hasMessageContaining("localhost");
      }
      assertThat(allowedSeen.get(1)).contains("auth=Bearer s3cret");

      assertThatThrownBy(() -> get(h, allowedUrl("/loop")))
          .isInstanceOf(OutboundHttp.Failure.class)
          .hasMessageContaining("redirect not followed");
    }
  }

  @Test
  void theAddressCheckedIsTheAddressConnectedTo() throws Exception {
    // a name whose DNS answer changes between the check on save and the connection (rebinding)
    AtomicInteger lookups = new AtomicInteger();
    InetAddress good = InetAddress.getByName("127.0.0.1");
    InetAddress bad = InetAddress.getByName("127.0.0.2");
    try (OutboundHttp h =
        guard(host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? good : bad})) {
      URI hook = URI.create("http://rebind.test:" + port(internal) + "/metadata");
      assertThat(h.check(hook.toString())).isEqualTo(hook);
      assertThatThrownBy(() -> get(h, hook.toString()))
          .isInstanceOf(OutboundHttp.Refused.class)
          .hasMessageContaining("rebind.test is or resolves to a loopback address");
    }
    assertThat(internalSeen).isEmpty();
    // and a name that resolves to the allowed address is connected to at that address, by name
    try (OutboundHttp h = guard(host -> new InetAddress[] {good})) {
      assertThat(get(h, "http://partner.test:" + port(allowed) + "/ok").status()).isEqualTo(200);
    }
    assertThat(allowedSeen).anyMatch(s -> s.contains("host=partner.test:" + port(allowed)));
    // one refused address among several refuses the name
    try (OutboundHttp h = guard(host -> new InetAddress[] {good, bad})) {
      assertThatThrownBy(() -> get(h, "http://mixed.test:" + port(allowed) + "/ok"))
          .isInstanceOf(OutboundHttp.Refused.class);
    }
  }

  @Test
  void aRemotesErrorBodyIsNeverRepeated() {
    try (OutboundHttp h = guard(List.of("127.0.0.1/32"), true)) {
      TaxiiClient client = new TaxiiClient(h, allowedUrl("/error/"), "c", TaxiiClient.Auth.NONE);
      assertThatThrownBy(() -> client.objects(null, null))
          .isInstanceOf(TaxiiClient.Failure.class)
          .hasMessage("HTTP 500 from " + allowedUrl("/error/"))
          .hasMessageNotContaining("hunter2");
      TaxiiClient refused = new TaxiiClient(h, internalUrl("/taxii/"), "c", TaxiiClient.Auth.NONE);
      assertThatThrownBy(() -> refused.objects(null, null))
          .hasMessageContaining("destination refused");
    }
    assertThat(internalSeen).isEmpty();
  }

  @Test
  void aRangeThatIsNotACidrStopsTheStart() {
    assertThatThrownBy(
            () ->
                new OutboundProperties(
                    List.of("partner.example/24"), false, T, 3, Duration.ofMinutes(10), T))
        .hasMessageContaining("renkei.outbound.allow-ranges: not an IP address");
  }

  @Test
  void postsKeepTheirBodyAndHeaders() {
    try (OutboundHttp h = guard(List.of("127.0.0.1/32"), true)) {
      OutboundHttp.Response r =
          h.exchange(
              new OutboundHttp.Request(
                  "POST",
                  URI.create(allowedUrl("/ok")),
                  Map.of("Content-Type", "application/json"),
                  "{}".getBytes(StandardCharsets.UTF_8),
                  T),
              0);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEmpty();
      assertThat(r.tooLarge()).isTrue();
    }
  }

  /**
   * A destination that answers a byte every 50 ms, each well inside the read timeout, for up to a
   * minute: the whole exchange ends at its deadline (the configured one, or the caller's earlier
   * one), the connection closed, and no part of the body is taken as the answer (feedpoll30).
   */
  @Test
  void aTricklingAnswerIsCutOffAtTheDeadline() throws Exception {
    AtomicInteger cut = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean stopping =
        new java.util.concurrent.atomic.AtomicBoolean();
    HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    slow.createContext(
        "/",
        ex -> {
          ex.sendResponseHeaders(
              200, ex.getRequestURI().getPath().startsWith("/chunked") ? 0 : 5000);
          try {
            for (int i = 0; i < 1200 && !stopping.get(); i++) {
              ex.getResponseBody().write('x');
              ex.getResponseBody().flush();
              Thread.sleep(50);
            }
          } catch (java.io.IOException e) {
            cut.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            ex.close();
          }
        });
    slow.start();
    try (OutboundHttp configured =
            new OutboundHttp(
                new OutboundProperties(
                    List.of("127.0.0.1/32"), true, T, 3, Duration.ofSeconds(1), T),
                Set.of());
        OutboundHttp h = guard(List.of("127.0.0.1/32"), true)) {
      String base = "http://127.0.0.1:" + port(slow);
      for (String path : List.of("/length", "/chunked")) {
        assertThatThrownBy(
                () ->
                    configured.exchange(OutboundHttp.Request.get(URI.create(base + path), T), 100))
            .as(path)
            .isInstanceOf(OutboundHttp.Overdue.class)
            .hasMessageStartingWith("no complete answer before the exchange's deadline");
        // the caller's own deadline, earlier than the configured 10 minutes
        assertThatThrownBy(
                () ->
                    h.exchange(
                        OutboundHttp.Request.get(URI.create(base + path), T),
                        100,
                        false,
                        java.time.Instant.now().plusMillis(500)))
            .as(path)
            .isInstanceOf(OutboundHttp.Overdue.class);
      }
      // the connections were closed by the hub, not left to trickle on
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (cut.get() < 4 && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(cut.get()).isEqualTo(4);
    } finally {
      stopping.set(true);
      slow.stop(0);
    }
  }

  /**
   * A name lookup that never answers fails the request after {@code dns-timeout} (harden32): a real
   * DNS server on 127.0.0.1 receives the query and stays silent; the JDK resolver would block the
   * caller's thread for as long as the system's resolver waits.
   */
  @Test
  void aNameLookupThatNeverAnswersFailsTheRequestAfterTheDnsTimeout() {
    try (jp.renkei.server.support.SilentResolver dns =
            jp.renkei.server.support.SilentResolver.start();
        OutboundHttp h = Guards.withLookup(dns.lookup(), Duration.ofSeconds(1))) {
      assertThatThrownBy(
              () ->
                  h.exchange(OutboundHttp.Request.get(URI.create("http://feed.example/"), T), 100))
          .isInstanceOf(OutboundHttp.Unreachable.class)
          .hasMessage("name lookup of feed.example did not answer within 1 s");
      assertThatThrownBy(() -> h.checkedAddresses("probe.example", Duration.ofMillis(1500)))
          .isInstanceOf(OutboundHttp.Unreachable.class)
          .hasMessage("name lookup of probe.example did not answer within 1 s");
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> dns.queries() >= 2);
    }
  }
}
