package jp.renkei.server.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins and the clients an account has signed in from (V296), kept by the SHA-256 of the
 * normalised login so that an unknown login is counted, locked and timed exactly as a real one and
 * nothing an outsider typed is stored. {@link #ACCOUNT} is the row of every client together.
 */
@Repository
class SignInFailures {

  /** The client key of the account-wide count; an address key never has this form. */
  static final String ACCOUNT = "*";

  /** The client key used when the client's address is not known. */
  static final String NO_ADDRESS = "-";

  /** The two counts after a failure: every client's, and this client's. */
  record Counts(int account, int client) {}

  private final JdbcClient jdbc;

  SignInFailures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static byte[] key(String normalisedLogin) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(normalisedLogin.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the login signed in successfully from this client after {@code since}. */
  boolean known(byte[] login, String client, Instant since) {
    return jdbc.sql(
                "select count(*) from sign_in_client"
                    + " where login_key = ? and client_key = ? and last_success_at > ?")
            .params(login, client, since.atOffset(ZoneOffset.UTC))
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Until when the row {@code client} ({@link #ACCOUNT} or a client key) is locked, or null. */
  Instant lockedUntil(byte[] login, String client) {
    List<OffsetDateTime> until =
        jdbc.sql("select locked_until from sign_in_failure where login_key = ? and client_key = ?")
            .params(login, client)
            .query(OffsetDateTime.class)
            .list();
    return until.isEmpty() || until.get(0) == null ? null : until.get(0).toInstant();
  }

  /**
   * Counts one more failure in this client's row and, when {@code account} (the client is not one
   * the login signed in from lately), in the account-wide row, in one statement the same for every
   * login (a known client's failure writes the account-wide row unchanged); locks each that reaches
   * {@code max} until {@code lockUntil}. A count whose last failure is older than {@code
   * forgetBefore} starts again.
   */
  Counts failure(
      byte[] login,
      String client,
      boolean account,
      int max,
      Instant now,
      Instant lockUntil,
      Instant forgetBefore) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    OffsetDateTime until = lockUntil.atOffset(ZoneOffset.UTC);
    OffsetDateTime forget = forgetBefore.atOffset(ZoneOffset.UTC);
    int added = account ? 1 : 0;
    List<Object[]> rows =
        jdbc.sql(
                "insert into sign_in_failure as f"
                    + " (login_key, client_key, failures, locked_until, last_failure_at)"
                    + " values (?, ?, ?, case when cast(? as int) >= ? then ? end, ?),"
                    + " (?, ?, 1, case when 1 >= ? then ? end, ?)"
                    + " on conflict (login_key, client_key) do update set"
                    + " failures = case when excluded.failures = 0 then f.failures"
                    + " when f.last_failure_at < ? then 1 else f.failures + 1 end,"
                    + " locked_until = case when excluded.failures > 0 and (case when"
                    + " f.last_failure_at < ? then 1 else f.failures + 1 end) >= ? then ?"
                    + " else f.locked_until end,"
                    + " last_failure_at = case when excluded.failures = 0 then f.last_failure_at"
                    + " else excluded.last_failure_at end"
                    + " returning client_key, failures")
            .params(
                login, ACCOUNT, added, added, max, until, at, login, client, max, until, at, forget,
                forget, max, until)
            .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)})
            .list();
    int accountCount = 0;
    int mine = 0;
    for (Object[] r : rows) {
      if (ACCOUNT.equals(r[0])) {
        accountCount = (Integer) r[1];
      } else {
        mine = (Integer) r[1];
      }
    }
    return new Counts(accountCount, mine);
  }

  /**
   * A success from {@code client}: its count starts again; the account-wide one (the count of the
   * clients the login has not used) starts again only when {@code client} was not {@code known}
   * before and it is not locking, so a known client's success neither opens a running lock for the
   * others nor gives strangers more guesses. The client is known from now.
   */
  void success(byte[] login, String client, boolean known, Instant now) {
    jdbc.sql(
            "delete from sign_in_failure where login_key = ? and (client_key = ?"
                + " or (not ? and client_key = ? and (locked_until is null or locked_until <= ?)))")
        .params(login, client, known, ACCOUNT, now.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql(
            "insert into sign_in_client (login_key, client_key, last_success_at) values (?, ?, ?)"
                + " on conflict (login_key, client_key) do update set"
                + " last_success_at = excluded.last_success_at")
        .params(login, client, now.atOffset(ZoneOffset.UTC))
        .update();
  }

  /** An admin's unlock (enabling, a new password): every count and lock of the login ends. */
  void clear(String normalisedLogin) {
    jdbc.sql("delete from sign_in_failure where login_key = ?")
        .param(key(normalisedLogin))
        .update();
  }

  /** Forgets counts no longer locking and last added to before {@code before}. */
  int forget(Instant before) {
    OffsetDateTime b = before.atOffset(ZoneOffset.UTC);
    return jdbc.sql(
            "delete from sign_in_failure where last_failure_at < ?"
                + " and (locked_until is null or locked_until < ?)")
        .params(b, b)
        .update();
  }
}
