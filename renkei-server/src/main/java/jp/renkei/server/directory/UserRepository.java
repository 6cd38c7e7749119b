package jp.renkei.server.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  /**
   * What {@link #account} reads, from {@code app_user u} joined with {@code organisation o}. A
   * person of an inactive organisation (one that left the partnership) is read as disabled: signed
   * out at the next request, refused at sign-in, their tokens 401 (attack27) — whatever their own
   * flag, which stays as it was for when the organisation is active again.
   */
  static final String COLUMNS =
      """
      u.id, u.login, u.display_name, u.email, u.organisation_id,
      o.code as organisation_code, o.name_ja as organisation_name_ja,
      o.name_en as organisation_name_en, upper(u.role) as role, u.locale,
      (u.enabled and o.active) as enabled,
      (select f.locked_until from sign_in_failure f
        where f.login_key = sha256(convert_to(u.login, 'UTF8')) and f.client_key = '*')
        as locked_until,
      u.last_login_at, u.created_at, u.credential_epoch,
      u.totp_enabled_at is not null as totp_enabled
      """;

  private static final String SELECT =
      "select " + COLUMNS + " from app_user u join organisation o on o.id = u.organisation_id";

  /** What sign-in needs: the hash and whether the person may sign in. */
  record Credentials(long id, String passwordHash, boolean enabled) {}

  /**
   * Ends every failure count and lock of a person's login (an admin's enabling, a new password).
   */
  private static final String UNLOCK =
      "delete from sign_in_failure where login_key ="
          + " (select sha256(convert_to(login, 'UTF8')) from app_user where id = ?)";

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<UserAccount> all() {
    return jdbc.sql(SELECT + " where u.kind = 'person' order by o.name_ja, u.login")
        .query(Rows.of(UserAccount.class))
        .list();
  }

  List<UserAccount> ofOrganisation(long organisationId) {
    return jdbc.sql(SELECT + " where u.organisation_id = ? and u.kind = 'person' order by u.login")
        .param(organisationId)
        .query(Rows.of(UserAccount.class))
        .list();
  }

  Optional<UserAccount> byId(long id) {
    // read on every request of a signed-in person or token: mapped by hand (see Rows)
    return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserRepository::account).optional();
  }

  /**
   * The person an audit entry's {@code user:id} names: entries written before people had random ids
   * (V408) name the old id, kept as {@code legacy_id}; old ids are below 2^52 and new ones at or
   * above it, so one number never names two people.
   */
  Optional<UserAccount> byAuditedId(long id) {
    return jdbc.sql(SELECT + " where u.id = ? or u.legacy_id = ?")
        .params(id, id)
        .query(UserRepository::account)
        .optional();
  }

  static UserAccount account(ResultSet rs, int n) throws SQLException {
    return new UserAccount(
        rs.getLong("id"),
        rs.getString("login"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getLong("organisation_id"),
        rs.getString("organisation_code"),
        rs.getString("organisation_name_ja"),
        rs.getString("organisation_name_en"),
        Role.valueOf(rs.getString("role")),
        rs.getString("locale"),
        rs.getBoolean("enabled"),
        Rows.instant(rs, "locked_until"),
        Rows.instant(rs, "last_login_at"),
        Rows.instant(rs, "created_at"),
        rs.getInt("credential_epoch"),
        rs.getBoolean("totp_enabled"));
  }

  Optional<UserAccount> byLogin(String login) {
    return jdbc.sql(SELECT + " where u.login = ? and u.kind = 'person'")
        .param(login)
        .query(Rows.of(UserAccount.class))
        .optional();
  }

  Optional<Credentials> credentials(String login) {
    return jdbc.sql(
            "select u.id, u.password_hash, u.enabled and o.active from app_user u"
                + " join organisation o on o.id = u.organisation_id"
                + " where u.login = ? and u.kind = 'person'")
        .param(login)
        .query((rs, i) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
        .optional();
  }

  Optional<String> passwordHash(long id) {
    return jdbc.sql("select password_hash from app_user where id = ? and kind = 'person'")
        .param(id)
        .query(String.class)
        .optional();
  }

  long insert(NewUser u, long organisationId, String passwordHash) {
    return jdbc.sql(
            "insert into app_user (login, display_name, email, organisation_id, role,"
                + " password_hash) values (?,?,?,?,?,?) returning id")
        .params(
            u.login(), u.displayName(), u.email(), organisationId, u.role().code(), passwordHash)
        .query(Long.class)
        .single();
  }

  /** An account that is not a person (a probe agent): a member, no password, no e-mail. */
  long insertAgent(String login, String displayName, long organisationId) {
    return jdbc.sql(
            "insert into app_user (login, display_name, organisation_id, role, kind,"
                + " password_hash) values (?,?,?,'member','agent',null) returning id")
        .params(login, displayName, organisationId)
        .query(Long.class)
        .single();
  }

  /** Whether the account is an agent rather than a person. */
  boolean isAgent(long id) {
    return jdbc.sql("select count(*) from app_user where id = ? and kind = 'agent'")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  void updateRole(long id, Role role) {
    jdbc.sql("update app_user set role = ? where id = ?").params(role.code(), id).update();
  }

  void updateEnabled(long id, boolean enabled) {
    jdbc.sql(UNLOCK).param(id).update();
    jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, id).update();
  }

  /** Sets the password and moves the credential epoch on; returns the new epoch. */
  int updatePassword(long id, String hash) {
    jdbc.sql(UNLOCK).param(id).update();
    return jdbc.sql(
            "update app_user set password_hash = ?,"
                + " credential_epoch = credential_epoch + 1 where id = ? returning credential_epoch")
        .params(hash, id)
        .query(Integer.class)
        .single();
  }

  /** Moves the credential epoch on: every session of the person ends at its next request. */
  void endSessions(long id) {
    jdbc.sql("update app_user set credential_epoch = credential_epoch + 1 where id = ?")
        .param(id)
        .update();
  }

  void updateLocale(long id, String locale) {
    jdbc.sql("update app_user set locale = ? where id = ?").params(locale, id).update();
  }

  /** Counts a wrong password; locks the account once {@code max} is reached. Returns the count. */
  void registerSuccess(long id, Instant at) {
    jdbc.sql("update app_user set last_login_at = ? where id = ?")
        .params(at.atOffset(ZoneOffset.UTC), id)
        .update();
  }

  int enabledPlatformAdmins() {
    return jdbc.sql("select count(*) from app_user where role = 'platform_admin' and enabled")
        .query(Integer.class)
        .single();
  }

  boolean loginExists(String login) {
    return jdbc.sql("select count(*) from app_user where login = ?")
            .param(login)
            .query(Integer.class)
            .single()
        > 0;
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
