package jp.renkei.server.exposure.discovery;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.renkei.engine.discovery.Scope;
import jp.renkei.engine.notice.Cidr;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.Role;
import jp.renkei.server.exposure.ExposureAccess;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's declared scope (domains, IP ranges) and its verification: a domain by a DNS TXT
 * record the organisation publishes ({@code _renkei-challenge.<domain>} holding {@code
 * renkei-verification=<token>}), a domain or range by a platform admin's confirmation. Only the
 * verified part becomes the {@link Scope} discovery may touch. Reads of another organisation's
 * scope go through the exposure details audience ({@link ExposureAccess}).
 */
@Service
public class ScopeService {

  static final String CHALLENGE_PREFIX = "_renkei-challenge.";
  static final String TXT_PREFIX = "renkei-verification=";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A declared scope entry. */
  public record ScopeRow(
      long id,
      long organisationId,
      String kind,
      String value,
      String token,
      String verifiedHow,
      Instant verifiedAt) {

    /** Where and what to publish for DNS verification (domains only). */
    public String challengeName() {
      return "domain".equals(kind) ? CHALLENGE_PREFIX + value : null;
    }

    public String challengeValue() {
      return "domain".equals(kind) ? TXT_PREFIX + token : null;
    }
  }

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final ExposureAccess exposure;
  private final DnsLookup dns;

  ScopeService(
      JdbcClient jdbc, AuditLog audit, ExposureAccess exposure, DiscoveryProperties props) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.exposure = exposure;
    this.dns = DnsLookup.of(props.dnsServer(), props.timeout());
  }

  private static final String COLUMNS =
      "select id, organisation_id, kind, value, token, verified_how, verified_at from exposure_scope";

  private static ScopeRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ScopeRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
  }

  private long ownOrganisation(Actor actor) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    return actor.organisationId();
  }

  /** Declares a domain or range of the actor's organisation (unverified until verified). */
  @Transactional
  public ScopeRow declare(Actor actor, String kind, String value) {
    long org = ownOrganisation(actor);
    String normal;
    if ("domain".equals(kind)) {
      try {
        normal = Scope.normalise(value == null ? "" : value);
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("value", "notice.scope.error.domain", String.valueOf(value));
      }
      if (normal.length() > 253 || !normal.contains(".") || normal.startsWith("*")) {
        throw new InvalidInput("value", "notice.scope.error.domain", normal);
      }
    } else if ("range".equals(kind)) {
      try {
        normal = Cidr.parse(value).toString();
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("value", "notice.scope.error.range", e.getMessage());
      }
    } else {
      throw new InvalidInput("kind", "notice.scope.error.kind", String.valueOf(kind));
    }
    String token = HexFormat.of().formatHex(bytes());
    jdbc.sql(
            "insert into exposure_scope (organisation_id, kind, value, token, declared_by)"
                + " values (?, ?, ?, ?, ?) on conflict (organisation_id, kind, value) do nothing")
        .params(org, kind, normal, token, actor.auditName())
        .update();
    ScopeRow r =
        jdbc.sql(COLUMNS + " where organisation_id = ? and kind = ? and value = ?")
            .params(org, kind, normal)
            .query((rs, i) -> row(rs))
            .single();
    audit.record(
        actor,
        AuditLog.Event.success(
            "scope.declare", "exposure_scope", r.id(), Detail.of("scope.declare", kind, normal)));
    return r;
  }

  private static byte[] bytes() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The scope of an organisation whose exposure details the actor may see. */
  public List<ScopeRow> list(Actor actor, long orgId) {
    exposure.inventory(actor, orgId);
    return jdbc.sql(COLUMNS + " where organisation_id = ? order by kind, value")
        .param(orgId)
        .query((rs, i) -> row(rs))
        .list();
  }

  private ScopeRow own(Actor actor, long id) {
    long org = ownOrganisation(actor);
    return jdbc.sql(COLUMNS + " where id = ? and organisation_id = ?")
        .params(id, org)
        .query((rs, i) -> row(rs))
        .optional()
        .orElseThrow(() -> new NotFound("scope", id));
  }

  /** Verifies a declared domain by its TXT record (the configured resolver). */
  @Transactional
  public ScopeRow verifyByDns(Actor actor, long id) {
    return verifyByDns(actor, id, dns);
  }

  @Transactional
  ScopeRow verifyByDns(Actor actor, long id, DnsLookup lookup) {
    ScopeRow r = own(actor, id);
    if (!"domain".equals(r.kind())) {
      throw new InvalidInput("kind", "notice.scope.error.dns-range");
    }
    List<String> txt = lookup.txt(r.challengeName());
    if (!txt.contains(r.challengeValue())) {
      // on its own: the refusal below rolls this transaction back
      audit.recordAlone(
          actor,
          AuditLog.Event.failure(
              "scope.verify", "exposure_scope", id, Detail.of("scope.verify.txtMissing")));
      throw new InvalidInput(
          "value", "notice.scope.error.txt", r.challengeName(), r.challengeValue());
    }
    return mark(actor, r, "dns");
  }

  /** A platform admin confirms a declared domain or range (after checking it by other means). */
  @Transactional
  public ScopeRow confirm(Actor actor, long id) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new NotFound("scope", id);
    }
    ScopeRow r =
        jdbc.sql(COLUMNS + " where id = ?")
            .param(id)
            .query((rs, i) -> row(rs))
            .optional()
            .orElseThrow(() -> new NotFound("scope", id));
    return mark(actor, r, "admin");
  }

  private ScopeRow mark(Actor actor, ScopeRow r, String how) {
    jdbc.sql(
            "update exposure_scope set verified_how = ?, verified_by = ?, verified_at = now()"
                + " where id = ?")
        .params(how, actor.auditName(), r.id())
        .update();
    audit.record(
        actor,
        AuditLog.Event.success(
            "scope.verify", "exposure_scope", r.id(), Detail.of("scope.verify", how)));
    return jdbc.sql(COLUMNS + " where id = ?").param(r.id()).query((rs, i) -> row(rs)).single();
  }

  /** The verified scope of an organisation: what discovery may touch, and nothing else. */
  public Scope verified(long orgId) {
    List<Cidr> ranges = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    jdbc.sql(
            "select kind, value from exposure_scope where organisation_id = ? and verified_at is not null")
        .param(orgId)
        .query(
            (rs, i) -> {
              if ("range".equals(rs.getString(1))) {
                ranges.add(Cidr.parse(rs.getString(2)));
              } else {
                domains.add(rs.getString(2));
              }
              return null;
            })
        .list();
    return new Scope(orgId, ranges, domains);
  }

  DnsLookup dns() {
    return dns;
  }
}
