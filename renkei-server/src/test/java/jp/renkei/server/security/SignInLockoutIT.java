package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The account lock and the login oracle attacked (attack16), with clients told apart by {@code
 * X-Forwarded-For} as behind the production proxy (docs/security.md).
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class SignInLockoutIT extends ServerTest {

  private static final String SECRETARIAT = "198.51.100.7";
  private static final String STRANGER = "203.0.113.9";

  @Autowired JdbcClient jdbc;

  private String location(Http client, String login, String password) {
    return client.signIn(login, password).headers().firstValue("Location").orElseThrow();
  }

  @Test
  void strangersFailingOnPurposeDoNotLockOutThePersonWhereTheySignIn() {
    var secretariat = fixtures.user("nisc", Role.ANALYST);
    assertThat(location(http().from(SECRETARIAT), secretariat.login(), Fixtures.PASSWORD))
        .doesNotContain("error");
    // five wrong passwords every 15 minutes kept the account locked for ever, for everyone
    for (int i = 0; i < 12; i++) {
      assertThat(location(http().from(STRANGER), secretariat.login(), "guess-" + i))
          .endsWith("error=bad");
    }
    assertThat(location(http().from(SECRETARIAT), secretariat.login(), Fixtures.PASSWORD))
        .doesNotContain("error");
    // the stranger, and any client the account never signed in from, is still held by the lock
    assertThat(location(http().from(STRANGER), secretariat.login(), Fixtures.PASSWORD))
        .endsWith("error=bad");
    assertThat(location(http().from("192.0.2.44"), secretariat.login(), Fixtures.PASSWORD))
        .endsWith("error=bad");
  }

  @Test
  void aKnownClientIsLockedByItsOwnFailures() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    assertThat(location(http().from(SECRETARIAT), person.login(), Fixtures.PASSWORD))
        .doesNotContain("error");
    for (int i = 0; i < 5; i++) {
      location(http().from(SECRETARIAT), person.login(), "guess-" + i);
    }
    assertThat(location(http().from(SECRETARIAT), person.login(), Fixtures.PASSWORD))
        .endsWith("error=bad");
  }

  @Test
  void anUnknownLoginIsCountedAndLockedExactlyAsARealOne() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    String ghost = "ghost-" + person.login();
    for (int i = 0; i < 5; i++) {
      location(http().from(STRANGER), person.login(), "guess-" + i);
      location(http().from(STRANGER), ghost, "guess-" + i);
    }
    // the same rows, written by the same statements, whether or not the login names someone
    List<Map<String, Object>> real = failures(person.login());
    List<Map<String, Object>> unknown = failures(ghost);
    assertThat(real).hasSize(2).isEqualTo(unknown);
    assertThat(real).allSatisfy(r -> assertThat(r.get("failures")).isEqualTo(5));
    assertThat(real).allSatisfy(r -> assertThat(r.get("locked")).isEqualTo(true));
  }

  @Test
  void theAuditKeepsNoTextAnOutsiderTypedThatIsNotALogin() {
    // people type their password into the login field; an attacker types whatever it likes
    String typed = "Tr0ub4dor&3 correct horse\u202e";
    location(http().from(STRANGER), typed, "whatever-it-was-1");
    location(http().from(STRANGER), "no.such.person.a16", "whatever-it-was-1");
    List<String> actors =
        jdbc.sql(
                "select actor from audit_event where action = 'auth.login'"
                    + " and client_address = ? order by seq desc limit 2")
            .param(STRANGER)
            .query(String.class)
            .list();
    assertThat(actors).containsExactly("web:no.such.person.a16", "web:(not a login)");
    assertThat(
            jdbc.sql("select count(*) from audit_event where actor like '%Tr0ub4dor%'")
                .query(Integer.class)
                .single())
        .isZero();
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
