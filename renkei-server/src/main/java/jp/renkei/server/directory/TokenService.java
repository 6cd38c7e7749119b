package jp.renkei.server.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.renkei.engine.token.ApiTokens;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.database.Rows;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: created by their owner (shown once, stored as a SHA-256), listed and revoked by their
 * owner, and resolved to their owner on every API request. A token acts with its owner's current
 * role and organisation, so disabling the person disables their tokens.
 */
@Service
public class TokenService {

  static final int MAX_ACTIVE_PER_USER = 20;
  static final int MAX_DAYS = 730;
  private static final String SELECT =
      "select id, user_id, name, display_prefix, created_at, expires_at, last_used_at,"
          + " revoked_at from api_token";
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  /** A token just created: the secret is here and nowhere else. */
  public record Created(ApiToken token, String secret) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  TokenService(JdbcClient jdbc, AuditLog audit, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * Creates a token for the actor.
   *
   * @param validDays days until it expires, or null for no expiry
   */
  @Transactional
  public Created create(Actor owner, String name, Integer validDays) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw new InvalidInput("name", "validation.required.max", 100);
    }
    if (validDays != null && (validDays < 1 || validDays > MAX_DAYS)) {
      throw new InvalidInput("validDays", "validation.token.days", MAX_DAYS);
    }
    if (list(owner).stream().filter(t -> t.activeAt(clock.instant())).count()
        >= MAX_ACTIVE_PER_USER) {
      throw new InvalidInput("name", "validation.token.tooMany", MAX_ACTIVE_PER_USER);
    }
    String secret = ApiTokens.generate();
    Instant expires = validDays == null ? null : clock.instant().plus(Duration.ofDays(validDays));
    long id =
        jdbc.sql(
                "insert into api_token (user_id, name, display_prefix, token_hash, expires_at)"
                    + " values (?,?,?,?,?) returning id")
            .params(
                owner.userId(),
                trimmed,
                ApiTokens.displayPrefix(secret),
                ApiTokens.hash(secret),
                expires == null ? null : expires.atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .single();
    audit.record(
        owner,
        AuditLog.Event.success(
            "token.create", "api_token", id, trimmed + " " + ApiTokens.displayPrefix(secret)));
    return new Created(byId(id).orElseThrow(), secret);
  }

  public List<ApiToken> list(Actor owner) {
    return jdbc.sql(SELECT + " where user_id = ? order by created_at desc, id desc")
        .param(owner.userId())
        .query(Rows.of(ApiToken.class))
        .list();
  }

  /** Revokes one of the actor's own tokens; anyone else's is {@link NotFound}. */
  @Transactional
  public ApiToken revoke(Actor owner, long id) {
    ApiToken t =
        byId(id)
            .filter(x -> owner.userId() != null && x.userId() == owner.userId())
            .orElseThrow(() -> new NotFound("api_token", id));
    if (t.revokedAt() == null) {
      jdbc.sql("update api_token set revoked_at = now() where id = ?").param(id).update();
      audit.record(owner, AuditLog.Event.success("token.revoke", "api_token", id, t.name()));
    }
    return byId(id).orElseThrow();
  }

  /**
   * The enabled, unlocked person a presented token belongs to, if the token is well formed, known,
   * not revoked and not expired.
   */
  public Optional<UserAccount> authenticate(String presented) {
    if (!ApiTokens.looksLikeToken(presented)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Owned> found =
        jdbc.sql(OWNED + " where t.token_hash = ?")
            .param(ApiTokens.hash(presented))
            .query(TokenService::owned)
            .optional()
            .filter(o -> o.token().activeAt(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken t = found.get().token();
    if (t.lastUsedAt() == null || t.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
      jdbc.sql("update api_token set last_used_at = ? where id = ?")
          .params(now.atOffset(ZoneOffset.UTC), t.id())
          .update();
    }
    return Optional.of(found.get().owner()).filter(u -> u.enabled() && !u.lockedAt(now));
  }

  /** A token with its owner as they are now. */
  private record Owned(ApiToken token, UserAccount owner) {}

  // every token request reads this: token and owner in one query, mapped by hand (see Rows)
  private static final String OWNED =
      "select t.id as token_id, t.name as token_name, t.display_prefix,"
          + " t.created_at as token_created_at, t.expires_at, t.last_used_at, t.revoked_at, "
          + UserRepository.COLUMNS
          + " from api_token t join app_user u on u.id = t.user_id"
          + " join organisation o on o.id = u.organisation_id";

  private static Owned owned(ResultSet rs, int n) throws SQLException {
    UserAccount owner = UserRepository.account(rs, n);
    return new Owned(
        new ApiToken(
            rs.getLong("token_id"),
            owner.id(),
            rs.getString("token_name"),
            rs.getString("display_prefix"),
            Rows.instant(rs, "token_created_at"),
            Rows.instant(rs, "expires_at"),
            Rows.instant(rs, "last_used_at"),
            Rows.instant(rs, "revoked_at")),
        owner);
  }

  private Optional<ApiToken> byId(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(Rows.of(ApiToken.class)).optional();
  }
}
