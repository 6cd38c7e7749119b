package jp.renkei.server.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.database.Rows;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.TokenService;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vantage points (計測地点), managed by the platform administrator: registering one makes its account
 * ({@code probe-CODE}, an agent's account, not a person: never listed among people, no password,
 * only tokens of scope probe — see {@link UserService#createAgent}) and a token of scope {@code
 * probe} for {@code renkei probe}, shown once; the token can be revoked and a new one issued. Each
 * vantage point probes every monitored site (the default) or only the sites assigned to it; an
 * agent never receives, and may not report on, other sites.
 */
@Service
public class VantageService {

  static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,55}$");
  static final int MAX_ASSIGNED = 10_000;

  /** A vantage point as the administrator sees it. */
  public record Vantage(
      long id,
      String code,
      String region,
      String login,
      boolean allSites,
      int assignedSites,
      int activeTokens,
      Instant lastSeenAt,
      Instant createdAt) {
    public boolean hub() {
      return "hub".equals(code);
    }
  }

  /** A token just issued: the secret is here and nowhere else. */
  public record Issued(Vantage vantage, String token, Instant expiresAt) {}

  private static final String SELECT =
      "select v.id, v.code, v.region, u.login, v.all_sites,"
          + " (select count(*) from monitor_vantage_site a where a.vantage_id = v.id)"
          + " as assigned_sites,"
          + " (select count(*) from api_token t where t.user_id = v.user_id"
          + "  and t.revoked_at is null and t.expires_at > now()) as active_tokens,"
          + " v.last_seen_at, v.created_at"
          + " from monitor_vantage v left join app_user u on u.id = v.user_id";

  private final JdbcClient jdbc;
  private final UserService users;
  private final TokenService tokens;
  private final MonitorService monitor;
  private final AuditLog audit;
  private final org.springframework.beans.factory.ObjectProvider<MonitorRuntime> runtime;

  VantageService(
      JdbcClient jdbc,
      UserService users,
      TokenService tokens,
      MonitorService monitor,
      AuditLog audit,
      org.springframework.beans.factory.ObjectProvider<MonitorRuntime> runtime) {
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.users = users;
    this.tokens = tokens;
    this.monitor = monitor;
    this.audit = audit;
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.forbidden");
    }
  }

  public List<Vantage> list(Actor actor) {
    requireAdmin(actor);
    return jdbc.sql(SELECT + " order by v.id").query(VantageService::vantage).list();
  }

  public Vantage get(Actor actor, long id) {
    requireAdmin(actor);
    return byId(id).orElseThrow(() -> new NotFound("vantage", id));
  }

  private Optional<Vantage> byId(long id) {
    return jdbc.sql(SELECT + " where v.id = ?").param(id).query(VantageService::vantage).optional();
  }

  /** Registers a vantage point with its account and first token. */
  @Transactional
  public Issued create(Actor actor, String code, String region) {
    requireAdmin(actor);
    if (actor.organisationId() == null) {
      throw new Forbidden("error.forbidden");
    }
    String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    String r = region == null ? "" : region.strip();
    FieldErrors errors = new FieldErrors();
    errors.check(
        () -> {
          if (!CODE.matcher(c).matches() || "hub".equals(c)) {
            throw new InvalidInput("code", "monitor.vantage.error.code", c);
          }
          if (jdbc.sql("select count(*) from monitor_vantage where code = ?")
                  .param(c)
                  .query(Integer.class)
                  .single()
              > 0) {
            throw new InvalidInput("code", "monitor.vantage.error.taken", c);
          }
        });
    errors.check(
        () -> {
          if (r.isEmpty() || r.length() > 100) {
            throw new InvalidInput("region", "validation.required.max", 100);
          }
        });
    errors.throwIfAny();
    long userId = users.createAgent(actor, "probe-" + c, "計測地点 probe " + c);
    long id =
        jdbc.sql("insert into monitor_vantage (code, region, user_id) values (?,?,?) returning id")
            .params(c, r, userId)
            .query(Long.class)
            .single();
    audit.record(
        actor,
        AuditLog.Event.success(
            "monitor.vantage.create", "vantage", id, Detail.of("monitor.vantage", c)));
    return issue(actor, id);
  }

  /** Revokes the vantage point's tokens and issues a new one (shown once). */
  @Transactional
  public Issued issue(Actor actor, long id) {
    Vantage v = agent(actor, id);
    long userId = userOf(id);
    tokens.revokeAllOf(actor, userId, Detail.of("token.revoke.all.vantageToken", v.code()));
    Actor agent =
        new Actor(userId, v.login(), null, Role.MEMBER, actor.channel(), actor.clientAddress());
    TokenService.Created t =
        tokens.create(
            agent,
            "renkei probe " + v.code(),
            null,
            EnumSet.of(TokenScope.PROBE),
            TokenScope.Granting.SESSION);
    audit.record(
        actor,
        AuditLog.Event.success(
            "monitor.vantage.token",
            "vantage",
            id,
            Detail.of("monitor.vantage.token", v.code(), t.token().displayPrefix())));
    return new Issued(byId(id).orElseThrow(), t.secret(), t.token().expiresAt());
  }

  /** Revokes every token of the vantage point: its agent is refused from now on. */
  @Transactional
  public Vantage revoke(Actor actor, long id) {
    Vantage v = agent(actor, id);
    tokens.revokeAllOf(actor, userOf(id), Detail.of("token.revoke.all.vantageRevoked", v.code()));
    audit.record(
        actor,
        AuditLog.Event.success(
            "monitor.vantage.revoke", "vantage", id, Detail.of("monitor.vantage", v.code())));
    return byId(id).orElseThrow();
  }

  /**
   * Which sites the vantage point probes: all monitored sites, or exactly {@code siteIds} (none
   * when empty). Each id must name a site the administrator may see; every wrong one is named by
   * its index. The hub is a vantage point like the others here: it probes all sites (the default),
   * only those assigned to it, or none; the N of M rule counts only the vantage points that
   * reported on a site recently, so a site the hub does not probe is judged by the agents alone.
   */
  @Transactional
  public Vantage assign(Actor actor, long id, boolean all, List<Long> siteIds) {
    Vantage v = get(actor, id);
    Set<Long> ids = new LinkedHashSet<>();
    if (!all) {
      FieldErrors errors = new FieldErrors();
      List<Long> given = siteIds == null ? List.of() : siteIds;
      if (given.size() > MAX_ASSIGNED) {
        throw new InvalidInput("siteIds", "monitor.vantage.error.tooMany", MAX_ASSIGNED);
      }
      for (int i = 0; i < given.size(); i++) {
        Long site = given.get(i);
        String field = "siteIds[" + i + "]";
        errors.check(
            () -> {
              if (site == null) {
                throw new InvalidInput(field, "validation.required");
              }
              try {
                monitor.site(actor, site);
              } catch (NotFound e) {
                throw new InvalidInput(field, "monitor.vantage.error.site", String.valueOf(site));
              }
              ids.add(site);
            });
      }
      errors.throwIfAny();
    }
    jdbc.sql("update monitor_vantage set all_sites = ? where id = ?").params(all, id).update();
    jdbc.sql("delete from monitor_vantage_site where vantage_id = ?").param(id).update();
    for (Long site : ids) {
      jdbc.sql("insert into monitor_vantage_site (vantage_id, site_id) values (?,?)")
          .params(id, site)
          .update();
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "monitor.vantage.assign",
            "vantage",
            id,
            all
                ? Detail.of("monitor.vantage.assign.all", v.code())
                : Detail.of("monitor.vantage.assign", v.code(), ids.size())));
    if (v.hub()) {
      runtime.ifAvailable(MonitorRuntime::hubAssignmentChanged);
    }
    return byId(id).orElseThrow();
  }

  /** The ids of the sites assigned to a vantage point, or empty when it probes all. */
  Optional<Set<Long>> assigned(long vantageId) {
    Boolean all =
        jdbc.sql("select all_sites from monitor_vantage where id = ?")
            .param(vantageId)
            .query(Boolean.class)
            .single();
    if (all) {
      return Optional.empty();
    }
    return Optional.of(
        new java.util.HashSet<>(
            jdbc.sql("select site_id from monitor_vantage_site where vantage_id = ?")
                .param(vantageId)
                .query(Long.class)
                .list()));
  }

  /** The site ids assigned to a vantage point, for its page. */
  public List<Long> assignedIds(Actor actor, long id) {
    requireAdmin(actor);
    return new ArrayList<>(
        jdbc.sql("select site_id from monitor_vantage_site where vantage_id = ? order by site_id")
            .param(id)
            .query(Long.class)
            .list());
  }

  /** A vantage point other than the hub (the hub has no agent or token). */
  private Vantage agent(Actor actor, long id) {
    Vantage v = get(actor, id);
    if (v.hub() || v.login() == null) {
      throw new InvalidInput("id", "monitor.vantage.error.hub");
    }
    return v;
  }

  private long userOf(long id) {
    return jdbc.sql("select user_id from monitor_vantage where id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private static Vantage vantage(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Vantage(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("region"),
        rs.getString("login"),
        rs.getBoolean("all_sites"),
        rs.getInt("assigned_sites"),
        rs.getInt("active_tokens"),
        Rows.instant(rs, "last_seen_at"),
        Rows.instant(rs, "created_at"));
  }
}
