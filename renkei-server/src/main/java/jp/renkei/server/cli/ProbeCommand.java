package jp.renkei.server.cli;

import java.net.URI;
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

  @Option(
      names = "--connect-timeout",
      defaultValue = "10s",
      description = "How long to wait for a connection to the hub (default ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration connectTimeout;

  @Option(
      names = "--answer-timeout",
      defaultValue = "30s",
      description =
          "How long to wait for the hub to begin its answer to the assignments or the results"
              + " (default ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration answerTimeout;

  @Option(
      names = "--deadline",
      defaultValue = "2m",
      description =
          "How long one request to the hub may take as a whole, its answer read to the end"
              + " (default ${DEFAULT-VALUE}).",
      converter = DurationConverter.class)
  Duration deadline;

  private final JsonMapper json = JsonMapper.builder().build();
  private HubRequests client;
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
    try {
      client = new HubRequests("renkei probe", connectTimeout, answerTimeout, deadline);
    } catch (IllegalArgumentException e) {
      System.err.println("renkei probe: " + e.getMessage());
      return 2;
    }
    OutboundHttp guard =
        new OutboundHttp(
            new OutboundProperties(
                allowRanges, allowHttp, timeout, 0, java.time.Duration.ofMinutes(10), timeout),
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
                .GET());
    if (r.statusCode() != 200) {
      System.err.println(
          "renkei probe: the hub answered HTTP " + r.statusCode() + " to the assignments");
      return;
    }
    Assignments body;
    try {
      body = assignments(r.body());
    } catch (IllegalArgumentException e) {
      System.err.println("renkei probe: " + e.getMessage());
      return;
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Assignment s : body.sites()) {
      seen.add(s.id());
      intervals.put(s.id(), s.intervalSeconds());
      if (!s.target().equals(targets.put(s.id(), s.target()))) {
        long interval = s.intervalSeconds() * 1000L;
        scheduler.schedule(
            s.id(), interval, ThreadLocalRandom.current().nextLong(Math.min(interval, 2000)));
      }
    }
    for (Long id : new ArrayList<>(targets.keySet())) {
      if (!seen.contains(id)) {
        targets.remove(id);
        intervals.remove(id);
        scheduler.cancel(id);
      }
    }
    System.err.printf("renkei probe: vantage point %s, %d sites%n", body.vantage(), seen.size());
  }

  record Assignment(long id, HttpProbe.Target target, int intervalSeconds) {}

  record Assignments(String vantage, List<Assignment> sites) {}

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * The hub's assignments, refused when they are not JSON, give a key twice in one object (JSON
   * readers differ in which value they take: a second "url" would have the probe call another
   * address than the hub's page shows) or lack a site's field, saying where; the sites being probed
   * then stay as they were.
   */
  static Assignments assignments(String body) {
    JsonNode root;
    try {
      root = STRICT.readTree(body);
    } catch (tools.jackson.core.JacksonException e) {
      String twice = jp.renkei.server.failure.DuplicateKeys.key(e);
      var at = e.getLocation();
      String where =
          "line "
              + (at == null ? 0 : at.getLineNr())
              + ", column "
              + (at == null ? 0 : at.getColumnNr());
      throw new IllegalArgumentException(
          (twice != null
                  ? "the hub's assignments give the key \""
                      + twice.replaceAll("\\p{Cntrl}", "?")
                      + "\" twice ("
                  : "the hub's assignments are not JSON (")
              + where
              + "); the sites stay as they were");
    }
    JsonNode sites = root == null ? null : root.get("sites");
    if (sites == null || !sites.isArray()) {
      throw new IllegalArgumentException(
          "the hub's assignments have no \"sites\" list; the sites stay as they were");
    }
    List<Assignment> out = new ArrayList<>();
    int i = 0;
    for (JsonNode s : sites) {
      for (String field : List.of("id", "url", "expectedStatus", "intervalSeconds")) {
        if (!s.hasNonNull(field)) {
          throw new IllegalArgumentException(
              "the hub's assignments: site "
                  + (i + 1)
                  + " has no \""
                  + field
                  + "\"; the sites stay as they were");
        }
      }
      URI url;
      try {
        url = URI.create(s.get("url").asString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the hub's assignments: site "
                + (i + 1)
                + " has no valid \"url\"; the sites stay as"
                + " they were");
      }
      out.add(
          new Assignment(
              s.get("id").asLong(),
              new HttpProbe.Target(
                  url,
                  s.get("expectedStatus").asInt(),
                  s.hasNonNull("expectedText") ? s.get("expectedText").asString() : null),
              Math.max(1, s.get("intervalSeconds").asInt())));
      i++;
    }
    JsonNode vantage = root.get("vantage");
    return new Assignments(vantage == null ? "" : vantage.asString(), List.copyOf(out));
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
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
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
