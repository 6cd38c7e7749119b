package jp.renkei.server.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.monitor.Phase;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What probe agents ({@code renkei probe}) use, with a token of scope {@code probe} whose owner is
 * registered as a vantage point: the sites to probe, and posting results (at most {@link #MAX} per
 * request; each bad entry is named by its index, the good ones are recorded).
 */
@RestController
class ProbeApi {

  static final int MAX = 1000;

  /** A site to probe. */
  record Assignment(
      long id, String url, int expectedStatus, String expectedText, int intervalSeconds) {}

  record Assignments(String vantage, List<Assignment> sites) {}

  /** One result as an agent posts it. */
  record ResultRepresentation(
      Long siteId,
      Instant at,
      Boolean ok,
      Integer status,
      Double dnsMs,
      Double connectMs,
      Double tlsMs,
      Double ttfbMs,
      Double transferMs,
      Double totalMs,
      Integer attempts,
      String error,
      Instant certNotAfter) {}

  record Results(List<ResultRepresentation> results) {}

  record Accepted(int accepted, List<String> rejected) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<MonitorRuntime> runtime;
  private final VantageService vantages;

  ProbeApi(JdbcClient jdbc, ObjectProvider<MonitorRuntime> runtime, VantageService vantages) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.vantages = vantages;
  }

  private record Vantage(long id, String code) {}

  private Vantage vantage(Actor actor) {
    if (actor.userId() == null) {
      throw new Forbidden("error.forbidden");
    }
    Vantage v =
        jdbc.sql("select id, code from monitor_vantage where user_id = ?")
            .param(actor.userId())
            .query((rs, n) -> new Vantage(rs.getLong(1), rs.getString(2)))
            .optional()
            .orElseThrow(() -> new Forbidden("monitor.error.notVantage"));
    jdbc.sql("update monitor_vantage set last_seen_at = now() where id = ?").param(v.id()).update();
    return v;
  }

  @GetMapping("/api/v1/probe/assignments")
  Assignments assignments(Actor actor) {
    Vantage v = vantage(actor);
    MonitorRuntime r = runtime.getObject();
    java.util.Optional<java.util.Set<Long>> only = vantages.assigned(v.id());
    return new Assignments(
        v.code(),
        r.assignments().stream()
            .filter(s -> only.isEmpty() || only.get().contains(s.id()))
            .map(
                s ->
                    new Assignment(
                        s.id(), s.url(), s.expectedStatus(), s.expectedText(), s.intervalSeconds()))
            .toList());
  }

  @PostMapping("/api/v1/probe/results")
  Accepted results(Actor actor, @RequestBody Results body) {
    Vantage v = vantage(actor);
    if (body == null || body.results() == null) {
      throw new InvalidInput("results", "validation.required");
    }
    if (body.results().size() > MAX) {
      throw new InvalidInput("results", "monitor.error.tooManyResults", MAX);
    }
    MonitorRuntime r = runtime.getObject();
    java.util.Optional<java.util.Set<Long>> only = vantages.assigned(v.id());
    int accepted = 0;
    List<String> rejected = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < body.results().size(); i++) {
      ResultRepresentation x = body.results().get(i);
      String why = problem(x, now);
      if (why != null) {
        rejected.add("results[" + i + "]: " + why);
        continue;
      }
      Map<Phase, Double> ms = new EnumMap<>(Phase.class);
      put(ms, Phase.DNS, x.dnsMs());
      put(ms, Phase.CONNECT, x.connectMs());
      put(ms, Phase.TLS, x.tlsMs());
      put(ms, Phase.TTFB, x.ttfbMs());
      put(ms, Phase.TRANSFER, x.transferMs());
      put(ms, Phase.TOTAL, x.totalMs());
      String error =
          x.error() == null
              ? null
              : x.error().length() > 300 ? x.error().substring(0, 300) : x.error();
      HttpProbe.Result res =
          new HttpProbe.Result(
              x.at(), x.ok(), x.status() == null ? 0 : x.status(), ms, error, x.certNotAfter());
      // a site not assigned to this vantage point is answered exactly like an unknown one
      if ((only.isEmpty() || only.get().contains(x.siteId()))
          && r.record(x.siteId(), v.id(), res, x.attempts() == null ? 1 : x.attempts(), error)) {
        accepted++;
      } else {
        rejected.add("results[" + i + "]: site " + x.siteId() + " is not monitored");
      }
    }
    return new Accepted(accepted, rejected);
  }

  private static String problem(ResultRepresentation x, Instant now) {
    if (x == null) {
      return "empty";
    }
    if (x.siteId() == null || x.at() == null || x.ok() == null) {
      return "siteId, at and ok are required";
    }
    if (x.at().isAfter(now.plusSeconds(60)) || x.at().isBefore(now.minusSeconds(3600))) {
      return "at is not within the last hour";
    }
    for (Double d :
        new Double[] {
          x.dnsMs(), x.connectMs(), x.tlsMs(), x.ttfbMs(), x.transferMs(), x.totalMs()
        }) {
      if (d != null && (!Double.isFinite(d) || d < 0 || d > 600_000)) {
        return "a timing is not between 0 and 600000 ms";
      }
    }
    if (x.attempts() != null && (x.attempts() < 1 || x.attempts() > 10)) {
      return "attempts is not between 1 and 10";
    }
    return null;
  }

  private static void put(Map<Phase, Double> ms, Phase p, Double v) {
    if (v != null) {
      ms.put(p, v);
    }
  }
}
