package jp.renkei.server.directory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import jp.renkei.engine.token.ApiTokens;
import jp.renkei.engine.token.Base32;
import jp.renkei.engine.token.Totp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.crypto.CredentialVault;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's second factor: a TOTP secret (RFC 6238, sealed with the hub's credential key, bound to
 * the person) and ten one-time recovery codes (stored as SHA-256: each has 80 random bits). A
 * person enrols from a signed-in session: the secret is shown as text and as an {@code otpauth://}
 * URI, and enrolment completes with a code from the app, which also shows the recovery codes once.
 */
@Service
public class TotpService {

  static final int RECOVERY_CODES = 10;

  /** An enrolment begun: the secret to type into an app, and the same as a URI. */
  public record Enrolment(String secret, String uri) {}

  private final JdbcClient jdbc;
  private final CredentialVault vault;
  private final AuditLog audit;
  private final SecurityProperties security;
  private final Clock clock;
  private final String standIn;

  TotpService(
      JdbcClient jdbc,
      CredentialVault vault,
      AuditLog audit,
      SecurityProperties security,
      Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.vault = vault;
    this.audit = audit;
    this.security = security;
    this.clock = clock.orElse(Clock.systemUTC());
    this.standIn = vault.seal(Base32.encode(Totp.newSecret()), place(NOBODY));
  }

  /** The id the sign-in check reads for a login that names nobody: no row has it. */
  private static final long NOBODY = -1;

  /**
   * A person's factor. {@code sealedFor} is the id its secret is sealed to: the person's id before
   * people had random ids (V408, {@code legacy_id}) for those who had an id then, so a factor
   * enrolled before still opens; otherwise the person's id.
   */
  private record State(String sealedSecret, boolean enabled, long lastStep, long sealedFor) {}

  private static final String STATE =
      "select totp_secret, totp_enabled_at is not null, totp_last_step, coalesce(legacy_id, id)"
          + " from app_user where id = ?";

  private static State state(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new State(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4));
  }

  private State state(long userId) {
    return jdbc.sql(STATE).param(userId).query(TotpService::state).single();
  }

  public boolean enabled(long userId) {
    return state(userId).enabled();
  }

  public int recoveryCodesLeft(long userId) {
    return jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  /** Starts (or starts again) enrolment with a new secret; refused while a factor is in use. */
  @Transactional
  public Enrolment start(Actor actor) {
    long id = actor.userId();
    State s = state(id);
    if (s.enabled()) {
      throw new Conflict("code", "error.totp.alreadyEnabled");
    }
    byte[] secret = Totp.newSecret();
    jdbc.sql("update app_user set totp_secret = ?, totp_last_step = 0 where id = ?")
        .params(vault.seal(Base32.encode(secret), place(s.sealedFor())), id)
        .update();
    audit.record(actor, AuditLog.Event.success("user.totp.start", "user", id));
    return new Enrolment(
        Base32.encode(secret), Totp.uri(security.totpIssuer(), actor.login(), secret));
  }

  /**
   * Completes enrolment with a code from the app; returns the recovery codes, shown once.
   *
   * @throws InvalidInput {@code code} when it is not the app's current code
   */
  @Transactional
  public List<String> confirm(Actor actor, String code) {
    long id = actor.userId();
    State s = state(id);
    if (s.enabled()) {
      throw new Conflict("code", "error.totp.alreadyEnabled");
    }
    if (s.sealedSecret() == null || !acceptCode(id, s, code)) {
      throw new InvalidInput("code", "validation.totp.code");
    }
    jdbc.sql("update app_user set totp_enabled_at = ? where id = ?")
        .params(clock.instant().atOffset(ZoneOffset.UTC), id)
        .update();
    jdbc.sql("delete from recovery_code where user_id = ?").param(id).update();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String c = recoveryCode();
      codes.add(c);
      jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)")
          .params(id, ApiTokens.hash(canonical(c)))
          .update();
    }
    audit.record(actor, AuditLog.Event.success("user.totp.enable", "user", id));
    return codes;
  }

  /** Turns the second factor off, given a current code or a recovery code. */
  @Transactional
  public void disable(Actor actor, String code) {
    long id = actor.userId();
    if (security.requireTotpForAdmins() && actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.totp.requiredForAdmins");
    }
    if (!state(id).enabled() || !verify(id, code)) {
      throw new InvalidInput("code", "validation.totp.code");
    }
    clear(id);
    audit.record(actor, AuditLog.Event.success("user.totp.disable", "user", id));
  }

  /** Removes a person's second factor and recovery codes; whether there was one. Not audited. */
  boolean clear(long userId) {
    boolean had = state(userId).sealedSecret() != null;
    jdbc.sql(
            "update app_user set totp_secret = null, totp_enabled_at = null, totp_last_step = 0"
                + " where id = ?")
        .param(userId)
        .update();
    jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
    return had;
  }

  /**
   * What sign-in found of a second-factor code before anything is used up: {@code required} when
   * the person has a factor, {@code accepted} when the code is its current TOTP code or one of its
   * unused recovery codes. {@link #use} then spends it.
   */
  public record Check(long userId, boolean required, boolean accepted, long step, String hash) {}

  /**
   * Looks at {@code code} for sign-in the same way whoever {@code userId} is (null: a login that
   * names nobody), whether they have a factor and whatever the password was: the same two reads,
   * one sealed secret opened (a stand-in when the person has none) and one TOTP computed, and
   * nothing written, so a wrong password and a right one with a wrong code cost the same
   * (accounts29). Nothing is used up; {@link #use} does that.
   */
  public Check check(Long userId, String code) {
    long id = userId == null ? NOBODY : userId;
    Optional<State> found = jdbc.sql(STATE).param(id).query(TotpService::state).optional();
    State s = found.orElse(new State(null, false, 0, NOBODY));
    boolean own = s.sealedSecret() != null;
    Optional<String> secret =
        vault.open(own ? s.sealedSecret() : standIn, place(own ? s.sealedFor() : NOBODY));
    String typed = code == null ? "" : code;
    OptionalLong step =
        secret.isEmpty()
            ? OptionalLong.empty()
            : Totp.verify(Base32.decode(secret.get()), typed, clock.instant(), s.lastStep());
    String hash = ApiTokens.hash(canonical(typed));
    boolean recovery =
        jdbc.sql(
                "select exists (select 1 from recovery_code where user_id = ? and code_hash = ?"
                    + " and used_at is null)")
            .params(id, hash)
            .query(Boolean.class)
            .single();
    boolean usable = s.enabled() && own && !typed.isBlank();
    return new Check(
        id,
        s.enabled(),
        usable && (step.isPresent() || recovery),
        usable && step.isPresent() ? step.getAsLong() : -1,
        usable && step.isEmpty() && recovery ? hash : null);
  }

  /**
   * Spends what {@link #check} accepted: the TOTP step (each accepted once) or the recovery code.
   * False when another sign-in spent it first.
   */
  @Transactional
  public boolean use(Check c) {
    if (!c.accepted()) {
      return false;
    }
    if (c.step() >= 0) {
      // a concurrent use of the same code loses here
      return jdbc.sql("update app_user set totp_last_step = ? where id = ? and totp_last_step < ?")
              .params(c.step(), c.userId(), c.step())
              .update()
          == 1;
    }
    return jdbc.sql(
                "update recovery_code set used_at = now() where user_id = ? and code_hash = ?"
                    + " and used_at is null")
            .params(c.userId(), c.hash())
            .update()
        == 1;
  }

  /**
   * Whether {@code code} is the person's current TOTP code (each accepted once) or one of their
   * unused recovery codes (then used up). False when the person has no second factor.
   */
  @Transactional
  public boolean verify(long userId, String code) {
    State s = state(userId);
    if (!s.enabled() || code == null || code.isBlank()) {
      return false;
    }
    if (acceptCode(userId, s, code)) {
      return true;
    }
    return jdbc.sql(
                "update recovery_code set used_at = now() where user_id = ? and code_hash = ?"
                    + " and used_at is null")
            .params(userId, ApiTokens.hash(canonical(code)))
            .update()
        == 1;
  }

  private boolean acceptCode(long userId, State s, String code) {
    Optional<String> secret = vault.open(s.sealedSecret(), place(s.sealedFor()));
    if (secret.isEmpty()) {
      return false;
    }
    OptionalLong step =
        Totp.verify(Base32.decode(secret.get()), code, clock.instant(), s.lastStep());
    if (step.isEmpty()) {
      return false;
    }
    // a concurrent use of the same code loses here
    return jdbc.sql("update app_user set totp_last_step = ? where id = ? and totp_last_step < ?")
            .params(step.getAsLong(), userId, step.getAsLong())
            .update()
        == 1;
  }

  private static String place(long userId) {
    return "totp:user:" + userId;
  }

  private static String recoveryCode() {
    String raw = Base32.encode(Totp.newSecret()).substring(0, 16).toLowerCase(Locale.ROOT);
    return raw.substring(0, 4)
        + "-"
        + raw.substring(4, 8)
        + "-"
        + raw.substring(8, 12)
        + "-"
        + raw.substring(12, 16);
  }

  private static String canonical(String code) {
    return code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
  }
}
