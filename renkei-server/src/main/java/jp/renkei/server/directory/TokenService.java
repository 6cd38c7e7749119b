package jp.renkei.server.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.renkei.engine.token.ApiTokens;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.database.Rows;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: created by their owner (shown once, stored as a SHA-256), listed and revoked by their
 * owner, and resolved to their owner on every API request. A token acts with its owner's current
 * role and organisation, narrowed to the {@link TokenScope}s it was made with, so disabling the
 * person disables their tokens. Every token expires ({@code renkei.security.token-lifetime} unless
 * its maker chooses, never beyond {@code token-max-lifetime}). A locked account's tokens keep
 * working: the lock stops password guessing, and anyone can cause it.
 */
@Service
public class TokenService {

  static final int MAX_ACTIVE_PER_USER = 20;
  private static final String SELECT =
      "select id, user_id, name, display_prefix, created_at, expires_at, last_used_at,"
          + " revoked_at, scopes from api_token";
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  /** A token just created: the secret is here and nowhere else. */
  public record Created(ApiToken token, String secret) {}

  /** A presented token that is good: its owner as they are now, and what it may do. */
  /**
   * A token's owner, its scopes and when it expires (null: never, a token made before expiry
   * existed), which bounds the tokens it mints (attack29b).
   */
  public record Authenticated(UserAccount owner, Set<TokenScope> scopes, Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final SecurityProperties security;
  private final Clock clock;

  TokenService(
      JdbcClient jdbc, AuditLog audit, SecurityProperties security, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.security = security;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The longest a token may live, in days. */
  public int maxDays() {
    return (int) security.tokenMaxLifetime().toDays();
  }

  /** The life of a token whose maker does not choose one, in days. */
  public int defaultDays() {
    return (int) security.tokenLifetime().toDays();
  }

  /**
   * Creates a token for the actor.
   *
   * @param validDays days until it expires, or null for the default lifetime
   * @param scopes what it may do (at least one)
   * @param granting the scopes of the caller: a token cannot give more than it has
   */
  @Transactional
  public Created create(
      Actor owner,
      String name,
      Integer validDays,
      Set<TokenScope> scopes,
      TokenScope.Granting granting) {
    String trimmed = name == null ? "" : name.strip();
    // every error of the form at once (issue 14)
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      errors.add(new InvalidInput("name", "validation.required.max", 100));
    }
    if (validDays != null && (validDays < 1 || validDays > maxDays())) {
      errors.add(new InvalidInput("validDays", "validation.token.days", maxDays()));
    }
    if (scopes == null || scopes.isEmpty()) {
      errors.add(new InvalidInput("scopes", "validation.token.scopes"));
    }
    errors.throwIfAny();
    for (TokenScope s : scopes) {
      if (!granting.scopes().contains(s)) {
        throw new Forbidden("error.token.scopeNotHeld", s.code());
      }
    }
    if (owner.userId() != null && !AGENT_SCOPES.containsAll(scopes) && agent(owner.userId())) {
      throw new Forbidden("monitor.error.agentToken");
    }
    if (list(owner).stream().filter(t -> t.activeAt(clock.instant())).count()
        >= MAX_ACTIVE_PER_USER) {
      throw new InvalidInput("name", "validation.token.tooMany", MAX_ACTIVE_PER_USER);
    }
    String secret = ApiTokens.generate();
    Instant expires =
        clock.instant().plus(Duration.ofDays(validDays == null ? defaultDays() : validDays));
    if (granting.until() != null && granting.until().isBefore(expires)) {
      // a token never outlives the token that minted it (attack29b): a leaked token of a few
      // days' life must not become one of a year
      expires = granting.until();
    }
    String[] codes = scopes.stream().sorted().map(TokenScope::code).toArray(String[]::new);
    long id =
        jdbc.sql(
                "insert into api_token (user_id, name, display_prefix, token_hash, expires_at,"
                    + " scopes) values (?,?,?,?,?,?::text[]) returning id")
            .params(
                owner.userId(),
                trimmed,
                ApiTokens.displayPrefix(secret),
                ApiTokens.hash(secret),
                expires.atOffset(ZoneOffset.UTC),
                "{" + String.join(",", codes) + "}")
            .query(Long.class)
            .single();
    audit.record(
        owner,
        AuditLog.Event.success(
            "token.create",
            "api_token",
            id,
            Detail.of(
                "token.create",
                trimmed,
                ApiTokens.displayPrefix(secret),
                String.join(",", codes),
                owner.channel())));
    return new Created(byId(id).orElseThrow(), secret);
  }

  public List<ApiToken> list(Actor owner) {
    return jdbc.sql(SELECT + " where user_id = ? order by created_at desc, id desc")
        .param(owner.userId())
        .query(TokenService::token)
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
      audit.record(
          owner,
          AuditLog.Event.success(
              "token.revoke", "api_token", id, Detail.of("token.name", t.name())));
    }
    return byId(id).orElseThrow();
  }

  /**
   * Revokes every live token of a person, for an admin's reset of their credentials (someone who
   * took over the account may have made tokens). Returns how many were revoked; audited as one
   * event on the person, whose detail is {@code why}'s code with the count before its arguments.
   */
  @Transactional
  public int revokeAllOf(Actor actor, long userId, Detail why) {
    int revoked =
        jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null")
            .param(userId)
            .update();
    if (revoked > 0) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "token.revoke.all",
              "user",
              userId,
              new AuditLog.Detail(why.code(), revokedFirst(revoked, why))));
    }
    return revoked;
  }

  private static java.util.List<String> revokedFirst(int revoked, Detail why) {
    java.util.List<String> args = new java.util.ArrayList<>();
    args.add(String.valueOf(revoked));
    args.addAll(why.args());
    return args;
  }

  /**
   * The enabled person a presented token belongs to, with the token's scopes, if the token is well
   * formed, known, not revoked and not expired. Whether the owner is locked out of password sign-in
   * does not matter. Last use is written at most once a minute per token.
   */
  public Optional<Authenticated> authenticate(String presented) {
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
    // an agent's token reports probe results and does nothing else, whatever it was stored with
    Set<TokenScope> scopes =
        found.get().agent()
            ? AGENT_SCOPES.stream()
                .filter(t.scopes()::contains)
                .collect(java.util.stream.Collectors.toUnmodifiableSet())
            : t.scopes();
    return Optional.of(found.get().owner())
        .filter(UserAccount::enabled)
        .filter(u -> !scopes.isEmpty())
        .map(u -> new Authenticated(u, scopes, t.expiresAt()));
  }

  /** All a token of an agent's account (a probe agent's) may do. */
  static final Set<TokenScope> AGENT_SCOPES = java.util.EnumSet.of(TokenScope.PROBE);

  private boolean agent(long userId) {
    return jdbc.sql("select count(*) from app_user where id = ? and kind = 'agent'")
            .param(userId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** A token with its owner as they are now. */
  private record Owned(ApiToken token, UserAccount owner, boolean agent) {}

  // every token request reads this: token and owner in one query, mapped by hand (see Rows)
  private static final String OWNED =
      "select t.id as token_id, t.name as token_name, t.display_prefix,"
          + " t.created_at as token_created_at, t.expires_at, t.last_used_at, t.revoked_at,"
          + " t.scopes, u.kind = 'agent' as agent, "
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
            Rows.instant(rs, "revoked_at"),
            scopes(rs)),
        owner,
        rs.getBoolean("agent"));
  }

  private static ApiToken token(ResultSet rs, int n) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        rs.getString("display_prefix"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "expires_at"),
        Rows.instant(rs, "last_used_at"),
        Rows.instant(rs, "revoked_at"),
        scopes(rs));
  }

  private static Set<TokenScope> scopes(ResultSet rs) throws SQLException {
    Set<TokenScope> set = EnumSet.noneOf(TokenScope.class);
    java.sql.Array a = rs.getArray("scopes");
    for (Object code : (Object[]) a.getArray()) {
      TokenScope.fromCode((String) code).ifPresent(set::add);
    }
    return Collections.unmodifiableSet(set);
  }

  private Optional<ApiToken> byId(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(TokenService::token).optional();
  }
}
