package jp.renkei.server.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their roles. Platform admins manage everyone; org admins manage the people of their
 * own organisation up to org admin; a person outside the caller's reach does not exist for them.
 */
@Service
public class UserService {

  static final Pattern LOGIN = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

  /** A new account and, when it was generated, its first password (shown once). */
  public record Created(UserAccount user, String generatedPassword) {}

  /** The outcome of checking a password at sign-in. */
  public enum SignInResult {
    OK,
    BAD_CREDENTIALS,
    LOCKED,
    DISABLED
  }

  private final UserRepository users;
  private final OrganisationRepository organisations;
  private final Passwords passwords;
  private final TotpService totp;
  private final TokenService tokens;
  private final AuditLog audit;
  private final SecurityProperties security;
  private final Clock clock;

  UserService(
      UserRepository users,
      OrganisationRepository organisations,
      Passwords passwords,
      TotpService totp,
      TokenService tokens,
      AuditLog audit,
      SecurityProperties security,
      Optional<Clock> clock) {
    this.users = users;
    this.organisations = organisations;
    this.passwords = passwords;
    this.totp = totp;
    this.tokens = tokens;
    this.audit = audit;
    this.security = security;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  public List<UserAccount> list(Actor actor) {
    if (actor.is(Role.PLATFORM_ADMIN)) {
      return users.all();
    }
    if (actor.is(Role.ORG_ADMIN)) {
      return users.ofOrganisation(actor.organisationId());
    }
    throw new Forbidden("error.users.forbidden");
  }

  /**
   * A person the actor may manage, or {@link NotFound}. An agent's account (a probe agent's) is
   * nobody's to manage here: not found, like an id never used.
   */
  public UserAccount get(Actor actor, long id) {
    UserAccount u =
        users
            .byId(id)
            .filter(x -> !users.isAgent(x.id()))
            .orElseThrow(() -> new NotFound("user", id));
    if (actor.is(Role.PLATFORM_ADMIN)
        || (actor.is(Role.ORG_ADMIN) && actor.organisationId() == u.organisationId())
        || (actor.userId() != null && actor.userId() == u.id())) {
      return u;
    }
    throw new NotFound("user", id);
  }

  public UserAccount byLogin(String login) {
    return users.byLogin(normalise(login)).orElseThrow(() -> new NotFound("user", login));
  }

  /** The person with this login, if any (for callers that must not tell the difference). */
  public Optional<UserAccount> findByLogin(String login) {
    return users.byLogin(normalise(login));
  }

  public Optional<UserAccount> byId(long id) {
    return users.byId(id);
  }

  @Transactional
  public Created create(Actor actor, NewUser input) {
    // every error of the form at once (issue 14)
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    if (input.login() == null || !LOGIN.matcher(input.login()).matches()) {
      errors.add(new InvalidInput("login", "validation.user.login", String.valueOf(input.login())));
    }
    boolean visible = true;
    try {
      DirectoryService.requireVisible("displayName", input.displayName());
    } catch (InvalidInput e) {
      errors.add(e);
      visible = false;
    }
    NewUser u =
        new NewUser(
            input.login(),
            jp.renkei.engine.text.Names.normalise(input.displayName()),
            input.email(),
            input.organisationCode(),
            input.role(),
            input.password());
    if (visible
        && (u.displayName() == null
            || u.displayName().isEmpty()
            || u.displayName().length() > DirectoryService.MAX_NAME)) {
      errors.add(
          new InvalidInput("displayName", "validation.required.max", DirectoryService.MAX_NAME));
    }
    if (u.email() != null && !DirectoryService.EMAIL.matcher(u.email()).matches()) {
      errors.add(new InvalidInput("email", "validation.email", u.email()));
    }
    if (u.role() == null) {
      errors.add(new InvalidInput("role", "validation.user.role"));
    }
    Optional<Organisation> found =
        organisations.byCode(u.organisationCode() == null ? "" : u.organisationCode());
    if (found.isEmpty()) {
      errors.add(
          new InvalidInput(
              "organisationCode",
              "validation.organisation.unknown",
              String.valueOf(u.organisationCode())));
    }
    errors.throwIfAny();
    Organisation org = found.orElseThrow();
    requireCanManage(actor, org.id(), u.role());
    String password = u.password() == null ? Passwords.generate() : u.password();
    if (u.password() != null) {
      passwords.check("password", password, u.login());
    }
    if (users.loginExists(u.login())) {
      throw new Conflict("login", "validation.user.loginTaken", u.login());
    }
    long id = users.insert(u, org.id(), passwords.hash(password));
    audit.record(
        actor,
        AuditLog.Event.success(
            "user.create",
            "user",
            id,
            u.login() + " role=" + u.role().code() + " org=" + org.code()));
    return new Created(users.byId(id).orElseThrow(), u.password() == null ? password : null);
  }

  /**
   * Makes the account of an agent (a vantage point's {@code renkei probe}), by a platform
   * administrator, in the administrator's organisation: a member that is not a person — not listed
   * among people, no password (it never signs in), not managed in the people pages; it holds only
   * tokens of scope probe ({@link TokenService}).
   */
  @Transactional
  public long createAgent(Actor actor, String login, String displayName) {
    if (!actor.is(Role.PLATFORM_ADMIN) || actor.organisationId() == null) {
      throw new Forbidden("error.forbidden");
    }
    if (login == null || !LOGIN.matcher(login).matches()) {
      throw new InvalidInput("login", "validation.user.login", String.valueOf(login));
    }
    if (users.loginExists(login)) {
      throw new Conflict("login", "validation.user.loginTaken", login);
    }
    long id = users.insertAgent(login, displayName, actor.organisationId());
    audit.record(actor, AuditLog.Event.success("user.agent.create", "user", id, login));
    return id;
  }

  @Transactional
  public UserAccount changeRole(Actor actor, long id, Role role) {
    UserAccount u = get(actor, id);
    if (role == null) {
      throw new InvalidInput("role", "validation.user.role");
    }
    requireCanManage(actor, u.organisationId(), u.role());
    requireCanManage(actor, u.organisationId(), role);
    if (actor.userId() != null && actor.userId() == id) {
      throw new Forbidden("error.users.ownRole");
    }
    if (u.role() == Role.PLATFORM_ADMIN
        && role != Role.PLATFORM_ADMIN
        && users.enabledPlatformAdmins() <= 1) {
      throw new Conflict("role", "error.users.lastPlatformAdmin");
    }
    users.updateRole(id, role);
    audit.record(
        actor,
        AuditLog.Event.success(
            "user.role.change",
            "user",
            id,
            u.login() + " " + u.role().code() + "->" + role.code()));
    return users.byId(id).orElseThrow();
  }

  @Transactional
  public UserAccount setEnabled(Actor actor, long id, boolean enabled) {
    UserAccount u = get(actor, id);
    requireCanManage(actor, u.organisationId(), u.role());
    if (!enabled && actor.userId() != null && actor.userId() == id) {
      throw new Forbidden("error.users.disableSelf");
    }
    if (!enabled && u.role() == Role.PLATFORM_ADMIN && users.enabledPlatformAdmins() <= 1) {
      throw new Conflict("enabled", "error.users.lastPlatformAdmin");
    }
    users.updateEnabled(id, enabled);
    audit.record(
        actor,
        AuditLog.Event.success(enabled ? "user.enable" : "user.disable", "user", id, u.login()));
    return users.byId(id).orElseThrow();
  }

  /** What an admin's password reset did: the new password (shown once) and the tokens revoked. */
  public record PasswordReset(String password, int tokensRevoked) {}

  /**
   * Sets a new random password, to hand to the person once. Ends all the person's sessions and
   * revokes their API tokens: a reset is how an account taken over is recovered, and whoever held
   * it may have made tokens. Not for one's own account: a person changes their own password with
   * the current one.
   */
  @Transactional
  public PasswordReset resetPassword(Actor actor, long id) {
    UserAccount u = requireOtherManaged(actor, id, "error.users.resetSelf");
    String password = Passwords.generate();
    users.updatePassword(id, passwords.hash(password));
    audit.record(actor, AuditLog.Event.success("user.password.reset", "user", id, u.login()));
    return new PasswordReset(password, tokens.revokeAllOf(actor, id, "password reset"));
  }

  /**
   * Removes a person's second factor (a lost phone and lost recovery codes), so that they sign in
   * with their password and enrol again; ends their sessions. Where second factors are required of
   * platform admins, such a person is sent to enrolment at once. Not for one's own account.
   *
   * @return whether the person had a second factor
   */
  @Transactional
  public boolean resetSecondFactor(Actor actor, long id) {
    UserAccount u = requireOtherManaged(actor, id, "error.users.resetSelf");
    boolean had = totp.clear(id);
    users.endSessions(id);
    audit.record(
        actor,
        AuditLog.Event.success(
            "user.totp.reset", "user", id, u.login() + (had ? "" : " (had none)")));
    return had;
  }

  private UserAccount requireOtherManaged(Actor actor, long id, String selfKey) {
    UserAccount u = get(actor, id);
    requireCanManage(actor, u.organisationId(), u.role());
    if (actor.userId() != null && actor.userId() == id) {
      throw new Forbidden(selfKey);
    }
    return u;
  }

  /**
   * Changes the actor's own password, given the current one. Returns the new credential epoch:
   * every session signed in before ends, except the one that records this epoch.
   */
  @Transactional
  public int changeOwnPassword(Actor actor, String current, String next) {
    long id = actor.userId();
    String hash = users.passwordHash(id).orElseThrow(() -> new NotFound("user", id));
    // both fields judged at once, so the form lists every error (the rules for a new password
    // are public; nothing about the current one is told but that it is wrong)
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    if (!passwords.matches(current, hash)) {
      audit.recordAlone(
          actor, AuditLog.Event.failure("user.password.change", "user", id, "wrong current"));
      errors.add(new InvalidInput("currentPassword", "validation.password.current"));
    }
    errors.check(() -> passwords.check("newPassword", next, actor.login()));
    errors.throwIfAny();
    int epoch = users.updatePassword(id, passwords.hash(next));
    audit.record(actor, AuditLog.Event.success("user.password.change", "user", id, null));
    return epoch;
  }

  public void changeLocale(long userId, String locale) {
    if (!"ja".equals(locale) && !"en".equals(locale)) {
      throw new InvalidInput("lang", "validation.locale", String.valueOf(locale));
    }
    users.updateLocale(userId, locale);
  }

  /**
   * Checks a password (and, for a person who has one, the second-factor code) at sign-in and keeps
   * the lockout count: {@code maxFailedLogins} wrong passwords or codes in a row lock the account
   * for {@code lockout}. The lock stops password sign-in only, never tokens or open sessions.
   * Audited either way; what the person is told is the same for every failure.
   */
  @Transactional
  public SignInResult signIn(Actor attempt, String login, String password, String code) {
    String normalised = normalise(login);
    Optional<UserRepository.Credentials> found = users.credentials(normalised);
    Instant now = clock.instant();
    if (found.isEmpty()) {
      passwords.burnTime(password);
      audit.record(attempt, AuditLog.Event.failure("auth.login", "user", null, "unknown login"));
      return SignInResult.BAD_CREDENTIALS;
    }
    UserRepository.Credentials c = found.get();
    if (c.lockedUntil() != null && c.lockedUntil().isAfter(now)) {
      passwords.burnTime(password);
      audit.record(attempt, AuditLog.Event.failure("auth.login", "user", c.id(), "locked"));
      return SignInResult.LOCKED;
    }
    if (!passwords.matches(password, c.passwordHash())) {
      int failures =
          users.registerFailure(c.id(), security.maxFailedLogins(), now.plus(security.lockout()));
      boolean locked = failures >= security.maxFailedLogins();
      audit.record(
          attempt,
          AuditLog.Event.failure(
              "auth.login",
              "user",
              c.id(),
              "wrong password (" + failures + ")" + (locked ? ", account locked" : "")));
      return locked ? SignInResult.LOCKED : SignInResult.BAD_CREDENTIALS;
    }
    if (!c.enabled()) {
      audit.record(attempt, AuditLog.Event.failure("auth.login", "user", c.id(), "disabled"));
      return SignInResult.DISABLED;
    }
    if (totp.enabled(c.id()) && !totp.verify(c.id(), code)) {
      int failures =
          users.registerFailure(c.id(), security.maxFailedLogins(), now.plus(security.lockout()));
      boolean locked = failures >= security.maxFailedLogins();
      audit.record(
          attempt,
          AuditLog.Event.failure(
              "auth.login",
              "user",
              c.id(),
              (code == null || code.isBlank() ? "second factor missing" : "wrong second factor")
                  + " ("
                  + failures
                  + ")"
                  + (locked ? ", account locked" : "")));
      return locked ? SignInResult.LOCKED : SignInResult.BAD_CREDENTIALS;
    }
    users.registerSuccess(c.id(), now);
    UserAccount u = users.byId(c.id()).orElseThrow();
    audit.record(
        new Actor(u.id(), u.login(), u.organisationId(), u.role(), "web", attempt.clientAddress()),
        AuditLog.Event.success("auth.login", "user", u.id(), null));
    return SignInResult.OK;
  }

  private void requireCanManage(Actor actor, long organisationId, Role role) {
    if (actor.is(Role.PLATFORM_ADMIN)) {
      return;
    }
    if (actor.is(Role.ORG_ADMIN)
        && actor.organisationId() == organisationId
        && Role.ORG_ADMIN.includes(role)) {
      return;
    }
    throw new Forbidden("error.users.forbidden");
  }

  static String normalise(String login) {
    return login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
