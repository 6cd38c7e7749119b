package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.token.Base32;
import jp.renkei.engine.token.Totp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TotpService;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.StatementLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in tells nothing by the work it does (accounts29): a wrong password, a right password with a
 * wrong or missing second-factor code, a right password on a disabled account and a login that
 * names nobody send the database the same statements, in the same order, and get the same answer
 * (status, redirect, headers, cookies, body). Asserted on the statements the real hub sends to the
 * real PostgreSQL ({@link StatementLog}), never on a time; docs/benchmarks.md (accounts29) has the
 * timings over HTTP.
 */
@Import(StatementLog.class)
class SignInSamePathIT extends ServerTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired TotpService totp;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;

  /** What one sign-in did and answered. */
  record Attempt(
      List<String> statements,
      int status,
      String location,
      String body,
      Map<String, String> headers) {}

  private Attempt attempt(String login, String password, String code) {
    Http client = http();
    Matcher m = CSRF.matcher(client.get("/login").body());
    assertThat(m.find()).isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", m.group(1));
    form.put("login", login);
    form.put("password", password);
    if (code != null) {
      form.put("code", code);
    }
    StatementLog.start();
    HttpResponse<String> r = client.postFormRaw("/login", form);
    List<String> statements = StatementLog.stop();
    Map<String, String> headers = new TreeMap<>();
    r.headers()
        .map()
        .forEach(
            (name, values) ->
                headers.put(
                    name.toLowerCase(java.util.Locale.ROOT),
                    name.equalsIgnoreCase("date")
                        ? "(a date)"
                        // a session cookie's value is new each time; its name and attributes count
                        : String.join("\n", values).replaceAll("=[0-9A-Za-z_-]{16,};", "=(id);")));
    return new Attempt(
        statements,
        r.statusCode(),
        r.headers().firstValue("Location").orElse(""),
        r.body(),
        headers);
  }

  private UserAccount withSecondFactor() {
    UserAccount person = fixtures.user("op-sakura-bank", Role.ANALYST);
    Actor self = fixtures.actor(person);
    byte[] key = Base32.decode(totp.start(self).secret());
    totp.confirm(self, Totp.code(key, Totp.step(Instant.now())));
    return person;
  }

  private void forgetFailures(String login) {
    jdbc.sql("delete from sign_in_failure where login_key = sha256(convert_to(?, 'UTF8'))")
        .param(login)
        .update();
  }

  @Test
  void everyRefusedSignInDoesTheSameWorkAndGetsTheSameAnswer() {
    UserAccount guarded = withSecondFactor();
    UserAccount plain = fixtures.user("op-sakura-bank", Role.MEMBER);
    UserAccount disabled = fixtures.user("op-sakura-bank", Role.MEMBER);
    users.setEnabled(Actor.cli(), disabled.id(), false);
    String nobody = "nobody-" + plain.login();

    Map<String, Attempt> tried = new LinkedHashMap<>();
    tried.put("a login that names nobody", attempt(nobody, "guess-guess-1", null));
    tried.put("a wrong password", attempt(plain.login(), "guess-guess-1", null));
    tried.put("a wrong password, second factor", attempt(guarded.login(), "guess-guess-1", null));
    tried.put("a wrong password and a code", attempt(guarded.login(), "guess-guess-1", "123456"));
    tried.put("a right password, no code", attempt(guarded.login(), Fixtures.PASSWORD, null));
    tried.put(
        "a right password, a wrong code", attempt(guarded.login(), Fixtures.PASSWORD, "123456"));
    tried.put(
        "a right password, a wrong recovery code",
        attempt(guarded.login(), Fixtures.PASSWORD, "abcd-efgh-ijkl-mnop"));
    tried.put("a right password, disabled", attempt(disabled.login(), Fixtures.PASSWORD, null));

    Attempt first = tried.values().iterator().next();
    assertThat(first.statements()).isNotEmpty();
    assertThat(first.location()).endsWith("/login?error=bad");
    tried.forEach(
        (what, a) -> {
          assertThat(a.statements()).as(what).isEqualTo(first.statements());
          assertThat(a.status()).as(what).isEqualTo(first.status());
          assertThat(a.location()).as(what).isEqualTo(first.location());
          assertThat(a.headers()).as(what).isEqualTo(first.headers());
          assertThat(a.body()).as(what).isEqualTo(first.body());
        });
  }

  @Test
  void aDisabledAccountsRightPasswordIsCountedAndLockedAsAWrongOne() {
    UserAccount disabled = fixtures.user("op-sakura-bank", Role.MEMBER);
    users.setEnabled(Actor.cli(), disabled.id(), false);
    String nobody = "nobody-" + disabled.login();
    forgetFailures(disabled.login());
    for (int i = 0; i < 5; i++) {
      attempt(disabled.login(), Fixtures.PASSWORD, null);
      attempt(nobody, Fixtures.PASSWORD, null);
    }
    assertThat(failures(disabled.login())).hasSize(2).isEqualTo(failures(nobody));
    // locked now: the same statements again for both
    assertThat(attempt(disabled.login(), Fixtures.PASSWORD, null).statements())
        .isEqualTo(attempt(nobody, Fixtures.PASSWORD, null).statements());
  }

  private List<Map<String, Object>> failures(String login) {
    return jdbc.sql(
            "select client_key, failures, locked_until > now() as locked from sign_in_failure"
                + " where login_key = sha256(convert_to(?, 'UTF8')) order by client_key")
        .param(login)
        .query()
        .listOfRows();
  }
}
