package jp.renkei.server.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
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
  private final SignInFailures failures;
  private final AuditLog audit;
  private final SecurityProperties security;
  private final ResetNotices resetNotices;
  private final Clock clock;

  UserService(
      UserRepository users,
      OrganisationRepository organisations,
      Passwords passwords,
      TotpService totp,
      TokenService tokens,
      SignInFailures failures,
      AuditLog audit,
      SecurityProperties security,
      ResetNotices resetNotices,
      Optional<Clock> clock) {
    this.users = users;
    this.organisations = organisations;
    this.passwords = passwords;
    this.totp = totp;
    this.tokens = tokens;
    this.failures = failures;
    this.audit = audit;
    this.security = security;
    this.resetNotices = resetNotices;
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
    java.util.Optional<UserAccount> found = users.byId(id);
    // read whether or not the account exists: another organisation's person and an id never used
    // do the same work (attack30b)
    boolean agent = users.isAgent(id);
    UserAccount u = found.filter(x -> !agent).orElseThrow(() -> new NotFound("user", id));
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

  /** The person an audit entry names by id, under the id it had when the entry was written. */
  public Optional<UserAccount> byAuditedId(long id) {
    return users.byAuditedId(id);
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
    requireLoginOf(actor, u.login(), org);
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
            Detail.of("user.create", u.login(), u.role().code(), org.code())));
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
    audit.record(
        actor,
        AuditLog.Event.success("user.agent.create", "user", id, Detail.of("user.login", login)));
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
            Detail.of("user.role.change", u.login(), u.role().code(), role.code())));
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
        AuditLog.Event.success(
            enabled ? "user.enable" : "user.disable",
            "user",
            id,
            Detail.of("user.login", u.login())));
    return users.byId(id).orElseThrow();
  }

  /** What an admin's password reset did: the new password (shown once) and the tokens revoked. */
  public record PasswordReset(String password, int tokensRevoked) {}

  /**
   * Sets a new random password, to hand to the person once. Ends all the person's sessions and
   * revokes their API tokens: a reset is how an account taken over is recovered, and whoever held
   * it may have made tokens. The person is told by e-mail ({@link ResetNotices}), without the
   * password. Not for one's own account: a person changes their own password with the current one.
   */
  @Transactional
  public PasswordReset resetPassword(Actor actor, long id) {
    UserAccount u = requireOtherManaged(actor, id, "error.users.resetSelf");
    String password = Passwords.generate();
    users.updatePassword(id, passwords.hash(password));
    audit.record(
        actor,
        AuditLog.Event.success(
            "user.password.reset", "user", id, Detail.of("user.login", u.login())));
    resetNotices.queue(actor, u, ResetNotices.Kind.PASSWORD, clock.instant());
    return new PasswordReset(
        password, tokens.revokeAllOf(actor, id, Detail.of("token.revoke.all.passwordReset")));
  }

  /**
   * Removes a person's second factor (a lost phone and lost recovery codes), so that they sign in
   * with their password and enrol again; ends their sessions. Where second factors are required of
   * platform admins, such a person is sent to enrolment at once. The person is told by e-mail
   * ({@link ResetNotices}). Not for one's own account.
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
            "user.totp.reset",
            "user",
            id,
            had
                ? Detail.of("user.login", u.login())
                : Detail.of("user.totp.reset.none", u.login())));
    resetNotices.queue(actor, u, ResetNotices.Kind.SECOND_FACTOR, clock.instant());
    return had;
  }

  /**
   * Whether a reset notice to the person is mailed ({@code MAILED}), and if not why ({@code
   * NO_ADDRESS}, {@code DISABLED}: the person or their organisation is disabled).
   */
  public String resetNoticeReach(UserAccount person) {
    return resetNotices.reach(person).name();
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
          actor,
          AuditLog.Event.failure(
              "user.password.change", "user", id, Detail.of("user.password.change.wrongCurrent")));
      errors.add(new InvalidInput("currentPassword", "validation.password.current"));
    }
    errors.check(() -> passwords.check("newPassword", next, actor.login()));
    errors.throwIfAny();
    int epoch = users.updatePassword(id, passwords.hash(next));
    audit.record(actor, AuditLog.Event.success("user.password.change", "user", id));
    return epoch;
  }

  public void changeLocale(long userId, String locale) {
    if (!"ja".equals(locale) && !"en".equals(locale)) {
      throw new InvalidInput("lang", "validation.locale", String.valueOf(locale));
    }
    users.updateLocale(userId, locale);
  }

  /** Failures older than this, with no lock still running, are forgotten. */
  static final java.time.Duration FORGET_FAILURES_AFTER = java.time.Duration.ofDays(1);

  /**
   * Checks a password (and, for a person who has one, the second-factor code) at sign-in and keeps
   * the lockout counts: {@code maxFailedLogins} wrong passwords or codes in a row lock the login
   * for {@code lockout}, for every client except those the login signed in from within {@code
   * knownClientFor}, each of which is locked only by its own failures (so strangers cannot keep the
   * account's own people out by failing on purpose). The lock stops password sign-in only, never
   * tokens or open sessions.
   *
   * <p>An unknown login takes the same path as a real one: a stand-in hash is checked, the same two
   * counts are written (an unknown login locks as a real one would) and the same audit entry is
   * made, naming the login only when it has a login's form. What the person is told is the same for
   * every failure, and so is the work done (accounts29): the second factor is looked at whatever
   * the password ({@link TotpService#check}, spent by {@link TotpService#use} only on a right
   * password), and a disabled account's right password is counted and written as a wrong one. Only
   * a running lock answers without the counting write. {@code client} is the key the client address
   * is counted under.
   */
  @Transactional
  public SignInResult signIn(
      Actor attempt, String client, String login, String password, String code) {
    String normalised = normalise(login);
    byte[] key = SignInFailures.key(normalised);
    String clientKey =
        client == null || client.isBlank() || client.length() > 64
            ? SignInFailures.NO_ADDRESS
            : client;
    Instant now = clock.instant();
    Optional<UserRepository.Credentials> found = users.credentials(normalised);
    boolean known = failures.known(key, clientKey, now.minus(security.knownClientFor()));
    Instant lockedUntil = failures.lockedUntil(key, known ? clientKey : SignInFailures.ACCOUNT);
    boolean passwordOk =
        passwords.matchesAtSignIn(
            password, found.map(UserRepository.Credentials::passwordHash).orElse(null));
    Long id = found.map(UserRepository.Credentials::id).orElse(null);
    // the second factor is looked at whatever the password and whoever the login: a right password
    // with a wrong code must cost what a wrong password costs (accounts29)
    TotpService.Check second = totp.check(id, code);
    Actor actor =
        new Actor(
            null,
            id != null || LOGIN.matcher(normalised).matches() ? normalised : "(not a login)",
            null,
            null,
            "web",
            attempt.clientAddress());
    if (lockedUntil != null && lockedUntil.isAfter(now)) {
      audit.record(
          actor,
          AuditLog.Event.failure(
              "auth.login", "user", id, reason(id, Detail.of("auth.login.locked"))));
      return SignInResult.LOCKED;
    }
    String why = null;
    if (!passwordOk) {
      why = "wrong password";
    } else if (!found.get().enabled()) {
      // counted and written as any failure, so a disabled account's right password answers after
      // the same work as a wrong one (accounts29)
      why = "disabled";
    } else if (second.required() && !(second.accepted() && totp.use(second))) {
      why = code == null || code.isBlank() ? "second factor missing" : "wrong second factor";
    }
    if (why != null) {
      SignInFailures.Counts n =
          failures.failure(
              key,
              clientKey,
              !known,
              security.maxFailedLogins(),
              now,
              now.plus(security.lockout()),
              now.minus(FORGET_FAILURES_AFTER));
      int count = known ? n.client() : n.account();
      boolean locked = count >= security.maxFailedLogins();
      audit.record(
          actor,
          AuditLog.Event.failure("auth.login", "user", id, reason(id, failed(why, count, locked))));
      if ("disabled".equals(why)) {
        return SignInResult.DISABLED;
      }
      return locked ? SignInResult.LOCKED : SignInResult.BAD_CREDENTIALS;
    }
    failures.success(key, clientKey, known, now);
    users.registerSuccess(id, now);
    UserAccount u = users.byId(id).orElseThrow();
    audit.record(
        new Actor(u.id(), u.login(), u.organisationId(), u.role(), "web", attempt.clientAddress()),
        AuditLog.Event.success("auth.login", "user", u.id()));
    return SignInResult.OK;
  }

  /** The audit's reason: for a login that names nobody, that it is unknown, and nothing else. */
  private static Detail reason(Long id, Detail why) {
    return id == null ? Detail.of("auth.login.unknown") : why;
  }

  /** A refused sign-in's reason, the failures counted and whether they locked the account. */
  private static Detail failed(String why, int count, boolean locked) {
    return switch (why) {
      case "wrong password" ->
          locked
              ? Detail.of("auth.login.wrongPassword.locked", count)
              : Detail.of("auth.login.wrongPassword", count);
      case "disabled" ->
          locked
              ? Detail.of("auth.login.disabled.locked", count)
              : Detail.of("auth.login.disabled", count);
      case "second factor missing" ->
          locked
              ? Detail.of("auth.login.secondFactorMissing.locked", count)
              : Detail.of("auth.login.secondFactorMissing", count);
      default ->
          locked
              ? Detail.of("auth.login.wrongSecondFactor.locked", count)
              : Detail.of("auth.login.wrongSecondFactor", count);
    };
  }

  /**
   * Logins are unique hub-wide (sign-in takes a login alone), so whether a login can be given tells
   * whether someone holds it. An organisation's admin therefore gives only logins ending in "." and
   * its organisation's code, and such a login is given to nobody else: the answer "taken" then
   * speaks only of the admin's own people, never of another organisation's (oracle33). Platform
   * administrators, who see every person, choose freely outside other organisations' endings.
   */
  private void requireLoginOf(Actor actor, String login, Organisation org) {
    int dot = login.lastIndexOf('.');
    String ending = dot < 1 ? "" : login.substring(dot + 1);
    if (ending.equals(org.code())) {
      return;
    }
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new InvalidInput("login", "validation.user.loginOrganisation", org.code());
    }
    if (!ending.isEmpty() && organisations.byCode(ending).isPresent()) {
      throw new InvalidInput("login", "validation.user.loginOtherOrganisation", ending);
    }
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
