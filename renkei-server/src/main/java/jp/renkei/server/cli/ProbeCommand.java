package jp.renkei.server.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import jp.renkei.engine.monitor.Phase;
import jp.renkei.server.config.OutboundProperties;
import jp.renkei.server.monitor.HttpProbe;
import jp.renkei.server.monitor.ProbeScheduler;
import jp.renkei.server.outbound.OutboundHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A probe agent: a vantage point at a partner site or in another region. It asks the hub for its
 * assigned sites, probes them on their intervals with the same phase-timed probe as the hub, and
 * posts the results back, authenticated by a token of scope {@code probe} (RENKEI_PROBE_TOKEN).
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description =
        "Run as a probe agent (vantage point) of a hub: probe the sites it assigns and report the"
            + " results. The token (scope 'probe', of an account registered as a vantage point)"
            + " comes from the environment variable RENKEI_PROBE_TOKEN.")
final class ProbeCommand implements Callable<Integer> {

  @Option(
      names = "--hub",
      required = true,
      paramLabel = "URL",
      description = "The hub's base URL, e.g. https://hub.example.jp/")
  URI hub;

  @Option(
      names = "--allow-range",
      paramLabel = "CIDR",
      description =
          "Ranges this agent may probe although private or loopback (default none: like the hub,"
              + " the agent refuses private, loopback and link-local destinations).")
  List<String> allowRanges = new ArrayList<>();

  @Option(
      names = "--allow-http",
      description = "Probe plain http:// sites too (default: yes).",
      negatable = true,
      defaultValue = "true")
  boolean allowHttp;

  @Option(
      names = "--threads",
      defaultValue = "16",
      description = "Probe threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--max-threads",
      defaultValue = "512",
      description =
          "Probe threads the agent may grow to while sites stall (default ${DEFAULT-VALUE}).")
  int maxThreads;

  @Option(
      names = "--timeout",
      defaultValue = "10s",
      description = "Timeout of one attempt (default ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration timeout;

  @Option(
      names = "--retries",
      defaultValue = "1",
      description =
          "Further attempts after a failed one, each recorded (default ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--duration",
      description = "Stop after this long (default: run until stopped).",
      converter = DurationConverter.class)
  Duration duration;

  @Option(
      names = "--refresh",
      defaultValue = "60s",
      description = "How often the assignments are asked again (default ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration refresh;

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final BlockingQueue<Map<String, Object>> outbox = new ArrayBlockingQueue<>(100_000);
  private final Map<Long, HttpProbe.Target> targets = new ConcurrentHashMap<>();
  private final Map<Long, Integer> intervals = new ConcurrentHashMap<>();

  @Override
  public Integer call() throws Exception {
    String token = System.getenv("RENKEI_PROBE_TOKEN");
    if (token == null || token.isBlank()) {
      System.err.println("renkei probe: set RENKEI_PROBE_TOKEN to a token of scope 'probe'");
      return 2;
    }
    if (retries < 0 || retries > 3) {
      System.err.println("renkei probe: --retries must be between 0 and 3, not " + retries);
      return 2;
    }
    OutboundHttp guard =
        new OutboundHttp(
            new OutboundProperties(allowRanges, allowHttp, timeout, 0),
            OutboundHttp.interfaceAddresses());
    HttpProbe probe = HttpProbe.guarded(guard, timeout);
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    try (ProbeScheduler scheduler =
        new ProbeScheduler(threads, maxThreads, 10_000, site -> probeOne(probe, site))) {
      long nextRefresh = 0;
      while (System.nanoTime() < end) {
        if (System.nanoTime() >= nextRefresh) {
          assign(token, scheduler);
          nextRefresh = System.nanoTime() + refresh.toNanos();
        }
        Thread.sleep(1000);
        post(token);
      }
      Thread.sleep(200);
      post(token);
      ProbeScheduler.Stats s = scheduler.stats();
      System.err.printf(
          "renkei probe: %d probes, slip p99 %d µs%n", s.started(), s.slipP99Micros());
    } finally {
      guard.close();
    }
    return 0;
  }

  private void probeOne(HttpProbe probe, long site) {
    HttpProbe.Target t = targets.get(site);
    if (t == null) {
      return;
    }
    HttpProbe.Attempts a =
        probe.probe(
            t,
            retries,
            HttpProbe.attemptTimeout(timeout, intervals.getOrDefault(site, 60), retries));
    HttpProbe.Result r = a.result();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("siteId", site);
    m.put("at", r.at().toString());
    m.put("ok", r.ok());
    if (r.status() > 0) {
      m.put("status", r.status());
    }
    put(m, "dnsMs", r.millis().get(Phase.DNS));
    put(m, "connectMs", r.millis().get(Phase.CONNECT));
    put(m, "tlsMs", r.millis().get(Phase.TLS));
    put(m, "ttfbMs", r.millis().get(Phase.TTFB));
    put(m, "transferMs", r.millis().get(Phase.TRANSFER));
    put(m, "totalMs", r.millis().get(Phase.TOTAL));
    m.put("attempts", a.attempts());
    if (a.error() != null) {
      m.put("error", a.error());
    }
    if (r.certNotAfter() != null) {
      m.put("certNotAfter", r.certNotAfter().toString());
    }
    outbox.offer(m);
  }

  private static void put(Map<String, Object> m, String k, Double v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private void assign(String token, ProbeScheduler scheduler) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(hub.resolve("/api/v1/probe/assignments"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      System.err.println(
          "renkei probe: the hub answered HTTP " + r.statusCode() + " to the assignments");
      return;
    }
    JsonNode body = json.readTree(r.body());
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (JsonNode s : body.get("sites")) {
      long id = s.get("id").asLong();
      seen.add(id);
      HttpProbe.Target t =
          new HttpProbe.Target(
              URI.create(s.get("url").asString()),
              s.get("expectedStatus").asInt(),
              s.hasNonNull("expectedText") ? s.get("expectedText").asString() : null);
      intervals.put(id, s.get("intervalSeconds").asInt());
      if (!t.equals(targets.put(id, t))) {
        long interval = s.get("intervalSeconds").asLong() * 1000;
        scheduler.schedule(
            id, interval, ThreadLocalRandom.current().nextLong(Math.min(interval, 2000)));
      }
    }
    for (Long id : new ArrayList<>(targets.keySet())) {
      if (!seen.contains(id)) {
        targets.remove(id);
        intervals.remove(id);
        scheduler.cancel(id);
      }
    }
    System.err.printf(
        "renkei probe: vantage point %s, %d sites%n", body.get("vantage").asString(), seen.size());
  }

  private void post(String token) throws Exception {
    while (!outbox.isEmpty()) {
      List<Map<String, Object>> batch = new ArrayList<>();
      outbox.drainTo(batch, 1000);
      String body = json.writeValueAsString(Map.of("results", batch));
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(hub.resolve("/api/v1/probe/results"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        System.err.println("renkei probe: the hub answered HTTP " + r.statusCode() + " to results");
        return;
      }
    }
  }

  /** Parses 10s, 5m, 1h, 500ms. */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String v) {
      String s = v.strip().toLowerCase(java.util.Locale.ROOT);
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      return switch (s.charAt(s.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new IllegalArgumentException("not a duration: " + v + " (e.g. 10s, 5m)");
      };
    }
  }
}
