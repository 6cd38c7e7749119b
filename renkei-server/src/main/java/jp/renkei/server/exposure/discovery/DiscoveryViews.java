package jp.renkei.server.exposure.discovery;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the scope and discovery pages read besides {@link ScopeService} and {@link
 * DiscoveryService}: the platform admins' queue of declarations waiting for confirmation, and an
 * organisation's own recent runs with their refusals. Nobody reads another organisation's runs.
 */
@Service
public class DiscoveryViews {

  /** A declaration waiting for a platform admin. */
  public record Pending(
      long id, String organisation, String kind, String value, String declaredBy, Instant at) {}

  /** One run of the actor's organisation. */
  public record RunView(
      long id,
      String kind,
      Instant startedAt,
      Instant finishedAt,
      int probes,
      int found,
      int refused,
      List<String> refusals,
      Instant interruptedAt,
      String interruption) {

    /** Neither finished nor interrupted: in progress. */
    public boolean running() {
      return finishedAt == null && interruptedAt == null;
    }

    /** Interrupted because the server stopped (rather than by an error, whose words are kept). */
    public boolean byRestart() {
      return "restart".equals(interruption);
    }
  }

  private final JdbcClient jdbc;

  DiscoveryViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Unverified declarations of every organisation, oldest first (platform admins only). */
  public List<Pending> pending(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      return List.of();
    }
    return jdbc.sql(
            "select s.id, o.name_ja || ' (' || o.code || ')', s.kind, s.value, s.declared_by,"
                + " s.declared_at from exposure_scope s join organisation o on o.id = s.organisation_id"
                + " where s.verified_at is null order by s.declared_at, s.id limit 500")
        .query(
            (rs, i) ->
                new Pending(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** The last 20 runs of the actor's own organisation, newest first. */
  public List<RunView> runs(Actor actor) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    return jdbc.sql(
            "select id, kind, started_at, finished_at, probes, found, refused, refusals,"
                + " interrupted_at, interruption"
                + " from discovery_run where organisation_id = ? order by started_at desc, id desc"
                + " limit 20")
        .param(actor.organisationId())
        .query(
            (rs, i) ->
                new RunView(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getString(8) == null || rs.getString(8).isEmpty()
                        ? List.of()
                        : List.of(rs.getString(8).split("\n")),
                    rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                    rs.getString(10)))
        .list();
  }
}
