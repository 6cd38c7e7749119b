package jp.renkei.server.exposure.discovery;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.renkei.engine.discovery.Admitted;
import jp.renkei.engine.discovery.Probes;
import jp.renkei.engine.discovery.Scope;
import jp.renkei.engine.notice.Cidr;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.exposure.ExposureAccess;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.notice.NoticeHubChecks;
import jp.renkei.server.outbound.OutboundHttp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discovery within an organisation's verified scope ({@link Scope} admits every target, there is no
 * other way to a probe): <em>discovery</em> resolves the names of the verified domains and follows
 * the certificate names of TLS handshakes with its own hosts; <em>enumeration</em> checks the
 * common ports of the addresses of verified ranges and of its admitted hosts, at a polite rate,
 * with banners and TLS facts. Results grow the inventory as "discovered" until the owner confirms
 * or dismisses them.
 */
@Service
public class DiscoveryService {

  /** What one run did. */
  public record Run(long id, String kind, int probes, int found, List<String> refusals) {}

  /** A discovered host or service. */
  public record Found(
      long id, String kind, String value, int port, String facts, String state, Instant lastSeen) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final ScopeService scopes;
  private final ExposureAccess exposure;
  private final DiscoveryProperties props;

  /** The hub's outbound address guard, applied on top of the verified scope. */
  private final OutboundHttp outbound;

  private final NoticeHubChecks hubChecks;

  DiscoveryService(
      JdbcClient jdbc,
      ScopeService scopes,
      ExposureAccess exposure,
      DiscoveryProperties props,
      OutboundHttp outbound,
      NoticeHubChecks hubChecks) {
    this.outbound = outbound;
    this.hubChecks = hubChecks;
    this.jdbc = jdbc;
    this.scopes = scopes;
    this.exposure = exposure;
    this.props = props;
  }

  /**
   * Runs now on the actor's organisation (its analysts), with the configured ports and resolver.
   */
  public Run runNow(Actor actor, String kind) {
    long runId = begin(actor, kind);
    return execute(runId, actor.organisationId(), kind);
  }

  Run run(long orgId, String kind, List<Integer> ports, List<Integer> tlsPorts, DnsLookup dns) {
    return execute(begin(orgId, kind), orgId, kind, ports, tlsPorts, dns);
  }

  /**
   * Records a run of the organisation as in progress and returns its id, or refuses when one is
   * already in progress for the organisation (a second at once would probe the same scope twice):
   * {@code notice.discovery.error.running}. A run left in progress by a stopped server is marked
   * interrupted when the server starts again ({@link #markInterrupted}), so it never blocks.
   */
  public long begin(long orgId, String kind) {
    if (!kind.equals("discovery") && !kind.equals("enumeration")) {
      throw new InvalidInput("kind", "notice.scope.error.run-kind", kind);
    }
    return jdbc.sql(
            "insert into discovery_run (organisation_id, kind) values (?, ?)"
                + " on conflict (organisation_id) where finished_at is null and interrupted_at is null"
                + " do nothing returning id")
        .params(orgId, kind)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new InvalidInput("kind", "notice.discovery.error.running", kind));
  }

  /**
   * Begins a run of the actor's organisation (its analysts), to be executed with {@link #execute}.
   */
  public long begin(Actor actor, String kind) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    return begin(actor.organisationId(), kind);
  }

  /** Executes a run begun with {@link #begin} with the configured ports and resolver. */
  public Run execute(long runId, long orgId, String kind) {
    return execute(runId, orgId, kind, props.ports(), props.tlsPorts(), scopes.dns());
  }

  private Run execute(
      long runId,
      long orgId,
      String kind,
      List<Integer> ports,
      List<Integer> tlsPorts,
      DnsLookup dns) {
    try {
      return probe(runId, orgId, kind, ports, tlsPorts, dns);
    } catch (RuntimeException e) {
      // a run that fails half-way is not left "in progress" for ever
      jdbc.sql(
              "update discovery_run set interrupted_at = now(), interruption = ?"
                  + " where id = ? and finished_at is null")
          .params(
              clip(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), runId)
          .update();
      throw e;
    }
  }

  /**
   * Marks the runs left in progress by a stopped server as interrupted (at start-up, see {@link
   * DiscoveryRecovery}); they can be started again. Returns how many.
   */
  public int markInterrupted() {
    return jdbc.sql(
            "update discovery_run set interrupted_at = now(), interruption = 'restart'"
                + " where finished_at is null and interrupted_at is null")
        .update();
  }

  private static String clip(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
  }

  private Run probe(
      long runId,
      long orgId,
      String kind,
      List<Integer> ports,
      List<Integer> tlsPorts,
      DnsLookup dns) {
    Scope scope = scopes.verified(orgId);
    Instant started = Instant.now();
    Probes probes = new Probes(props.ratePerSecond(), props.timeout(), props.attemptDeadline());
    List<String> refusals = new ArrayList<>();
    int[] counts = new int[2]; // probes, found
    if (kind.equals("discovery")) {
      discover(scope, tlsPorts, dns, probes, refusals, counts);
    } else {
      enumerate(scope, ports, tlsPorts, dns, probes, refusals, counts);
    }
    List<String> kept = refusals.size() > 100 ? refusals.subList(0, 100) : refusals;
    jdbc.sql(
            "update discovery_run set finished_at = now(), probes = ?, found = ?, refused = ?,"
                + " refusals = ? where id = ?")
        .params(counts[0], counts[1], refusals.size(), String.join("\n", kept), runId)
        .update();
    if (kind.equals("enumeration")) {
      // risky services open on the organisation's addresses become NOTICE notifications
      hubChecks.fromEnumeration(orgId, runId, started);
    }
    return new Run(runId, kind, counts[0], counts[1], List.copyOf(kept));
  }

  private void discover(
      Scope scope,
      List<Integer> tlsPorts,
      DnsLookup dns,
      Probes probes,
      List<String> refusals,
      int[] counts) {
    Deque<String> queue = new ArrayDeque<>(scope.domains());
    jdbc
        .sql(
            "select value from discovery_asset where organisation_id = ? and kind = 'host' and state <> 'dismissed'")
        .param(scope.organisationId())
        .query(String.class)
        .list()
        .stream()
        .filter(v -> !v.matches("[0-9a-fA-F:.]+"))
        .forEach(queue::add);
    Set<String> seen = new LinkedHashSet<>();
    while (!queue.isEmpty() && seen.size() < props.maxNames()) {
      String name = queue.poll();
      if (!seen.add(name)) {
        continue;
      }
      List<InetAddress> addresses = dns.addresses(name);
      Scope.Verdict v = scope.admit(name, addresses);
      if (!v.allowed()) {
        refusals.add(v.refusal());
        continue;
      }
      Admitted t = v.target().orElseThrow();
      if (!hubMayReach(t, refusals)) {
        continue;
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("addresses", addresses.stream().map(InetAddress::getHostAddress).toList());
      upsert(scope.organisationId(), "host", name, 0, facts, counts);
      for (int port : tlsPorts) {
        counts[0]++;
        Probes.Attempt<Probes.TlsFacts> attempt = probes.tlsAttempt(t, port);
        if (attempt.cutOff()) {
          // something listens there and keeps the handshake going: a fact worth keeping
          upsert(
              scope.organisationId(),
              "service",
              name,
              port,
              Map.of("tlsCutOff", cutOff("TLS handshake")),
              counts);
        }
        Optional<Probes.TlsFacts> tls = attempt.value();
        if (tls.isEmpty()) {
          continue;
        }
        upsert(scope.organisationId(), "service", name, port, tlsFacts(tls.get()), counts);
        for (String certName : tls.get().dnsNames()) {
          if (!certName.startsWith("*.") && scope.inDomains(certName)) {
            queue.add(Scope.normalise(certName));
          }
        }
      }
    }
  }

  private void enumerate(
      Scope scope,
      List<Integer> ports,
      List<Integer> tlsPorts,
      DnsLookup dns,
      Probes probes,
      List<String> refusals,
      int[] counts) {
    Map<String, Admitted> targets = new LinkedHashMap<>();
    for (Cidr r : scope.ranges()) {
      if (r.size() > props.maxAddressesPerRange()) {
        refusals.add(
            r + " has more than " + props.maxAddressesPerRange() + " addresses: not enumerated");
        continue;
      }
      for (long i = 0; i < r.size(); i++) {
        InetAddress a = r.nth(i);
        scope.admit(a).target().ifPresent(t -> targets.putIfAbsent(a.getHostAddress(), t));
      }
    }
    for (String host :
        jdbc.sql(
                "select value from discovery_asset where organisation_id = ? and kind = 'host' and state <> 'dismissed'")
            .param(scope.organisationId())
            .query(String.class)
            .list()) {
      Scope.Verdict v = scope.admit(host, dns.addresses(host));
      if (v.allowed()) {
        targets.putIfAbsent(host, v.target().orElseThrow());
      } else {
        refusals.add(v.refusal());
      }
    }
    for (Map.Entry<String, Admitted> e : targets.entrySet()) {
      if (!hubMayReach(e.getValue(), refusals)) {
        continue;
      }
      for (int port : ports) {
        counts[0]++;
        if (!probes.open(e.getValue(), port)) {
          continue;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("open", true);
        if (tlsPorts.contains(port)) {
          Probes.Attempt<Probes.TlsFacts> tls = probes.tlsAttempt(e.getValue(), port);
          tls.value().ifPresent(f -> facts.putAll(tlsFacts(f)));
          if (tls.cutOff()) {
            facts.put("tlsCutOff", cutOff("TLS handshake"));
          }
        }
        if (!facts.containsKey("tlsProtocol")) {
          Probes.Attempt<String> banner = probes.bannerAttempt(e.getValue(), port);
          banner.value().ifPresent(b -> facts.put("banner", b));
          if (banner.cutOff()) {
            facts.put("bannerCutOff", cutOff("banner read"));
          }
        }
        upsert(scope.organisationId(), "service", e.getKey(), port, facts, counts);
      }
    }
  }

  /**
   * A verified scope is necessary, not sufficient: the hub's own outbound guard (no loopback,
   * private or own addresses unless allowed by configuration) applies as to every connection it
   * makes, so an admin who confirms a private range by mistake does not turn discovery into a scan
   * of the hub's own network.
   */
  private boolean hubMayReach(Admitted t, List<String> refusals) {
    Optional<String> why = outbound.refusal(t.address());
    if (why.isPresent()) {
      refusals.add(
          t
              + ": not probed, the hub's outbound guard refuses "
              + why.get()
              + " addresses (renkei.outbound.allow-ranges)");
      return false;
    }
    return true;
  }

  /** The fact of an attempt cut off at its whole deadline. */
  private String cutOff(String what) {
    return what
        + " cut off at the attempt's whole deadline of "
        + props.attemptDeadline().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
        + " (renkei.discovery.attempt-deadline)";
  }

  private static Map<String, Object> tlsFacts(Probes.TlsFacts f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tlsProtocol", f.protocol());
    m.put("cipherSuite", f.cipherSuite());
    m.put("subject", f.subject());
    m.put("certificateNames", f.dnsNames());
    m.put("certificateExpires", f.notAfter().toString());
    m.put("issuer", f.issuer());
    return m;
  }

  private void upsert(
      long org, String kind, String value, int port, Map<String, Object> facts, int[] counts) {
    jdbc.sql(
            "insert into discovery_asset (organisation_id, kind, value, port, facts) values (?, ?, ?, ?, ?)"
                + " on conflict (organisation_id, kind, value, port) do update"
                + " set facts = excluded.facts, last_seen = now()")
        .params(org, kind, value, port, JSON.writeValueAsString(facts))
        .update();
    counts[1]++;
  }

  /** What discovery found for an organisation whose exposure details the actor may see. */
  public List<Found> found(Actor actor, long orgId) {
    exposure.inventory(actor, orgId);
    return jdbc.sql(
            "select id, kind, value, port, facts, state, last_seen from discovery_asset"
                + " where organisation_id = ? order by kind, value, port")
        .param(orgId)
        .query(
            (rs, i) ->
                new Found(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  /** The owner confirms or dismisses a discovered host or service (its analysts). */
  public void decide(Actor actor, long id, boolean confirm) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      throw new NotFound("discovered", id);
    }
    int n =
        jdbc.sql("update discovery_asset set state = ? where id = ? and organisation_id = ?")
            .params(confirm ? "confirmed" : "dismissed", id, actor.organisationId())
            .update();
    if (n == 0) {
      throw new NotFound("discovered", id);
    }
  }

  /** Organisations with a verified scope whose last run of the kind is older than its cadence. */
  List<Long> due(String kind, Instant now) {
    int days = kind.equals("discovery") ? props.discoveryDays() : props.enumerationDays();
    return jdbc.sql(
            "select distinct s.organisation_id from exposure_scope s where s.verified_at is not null"
                + " and not exists (select 1 from discovery_run r where r.organisation_id = s.organisation_id"
                + " and r.kind = ? and r.started_at > ? and r.interrupted_at is null)")
        .params(kind, java.sql.Timestamp.from(now.minusSeconds(days * 86_400L)))
        .query(Long.class)
        .list();
  }

  DnsLookup scopesDns() {
    return scopes.dns();
  }

  DiscoveryProperties properties() {
    return props;
  }
}
