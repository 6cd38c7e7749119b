package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-login lock attacked with other spellings of the login (reach16): a login typed in upper
 * case, with spaces (ASCII or ideographic) around it, in full width or with invisible characters
 * either reaches the account and is counted and locked with it, or reaches nobody. And a locked
 * unknown login answers as a locked real one. Clients are told apart by {@code X-Forwarded-For},
 * each test its own addresses (the per-address throttle is not what is tested).
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class SignInLockoutEvasionIT extends ServerTest {

  /** Each ASCII character of {@code s} in its full-width form (ＡＢＣ．１２３). */
  private static String fullWidth(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c > 0x20 && c < 0x7f ? (char) (c + 0xfee0) : (char) c));
    return b.toString();
  }

  /** Spellings that name the same person: case and surrounding white space. */
  private static List<String> sameLogin(String login) {
    return List.of(
        login.toUpperCase(Locale.ROOT),
        "  " + login + " ",
        "\t" + login.toUpperCase(Locale.ROOT),
        "\u3000" + login + "\u3000",
        login.substring(0, 1).toUpperCase(Locale.ROOT) + login.substring(1));
  }

  /**
   * Spellings that look the same to a person but are other logins: full width (NFKC would fold it),
   * a no-break or zero-width space, a Cyrillic 'у' for the Latin 'u'.
   */
  private static List<String> lookAlikes(String login) {
    return List.of(
        fullWidth(login),
        fullWidth(login.toUpperCase(Locale.ROOT)),
        "\u00a0" + login,
        login + "\u200b",
        "\u0443" + login.substring(1));
  }

  private static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void anotherSpellingOfTheLoginIsLockedWithItOrNamesNobody() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    String login = person.login();
    assertThat(login).matches("[a-z0-9.]+").startsWith("u");
    // unlocked: each spelling of the same login signs in with the password, from its own address
    int n = 10;
    for (String s : sameLogin(login)) {
      assertThat(location(http().from("192.0.2." + n++).signIn(s, Fixtures.PASSWORD)))
          .as("[%s]", s)
          .doesNotContain("error");
    }
    // and a look-alike names nobody: the right password does not sign in with it
    for (String s : lookAlikes(login)) {
      assertThat(location(http().from("192.0.2." + n++).signIn(s, Fixtures.PASSWORD)))
          .as("[%s]", s)
          .endsWith("error=bad");
    }

    var target = fixtures.user("op-sakura-bank", Role.ANALYST);
    String attacker = "203.0.113.161";
    // five wrong passwords, each under another spelling, from a client the account never used
    List<String> spellings = sameLogin(target.login());
    for (int i = 0; i < 5; i++) {
      assertThat(location(http().from(attacker).signIn(spellings.get(i), "guess-" + i)))
          .endsWith("error=bad");
    }
    // the login is locked under every spelling, from the attacker and from any unknown client
    for (String s : spellings) {
      assertThat(location(http().from(attacker).signIn(s, Fixtures.PASSWORD)))
          .as("[%s]", s)
          .endsWith("error=bad");
    }
    assertThat(location(http().from("203.0.113.162").signIn(target.login(), Fixtures.PASSWORD)))
        .endsWith("error=bad");
    for (String s : lookAlikes(target.login())) {
      assertThat(location(http().from("203.0.113.163").signIn(s, Fixtures.PASSWORD)))
          .as("[%s]", s)
          .endsWith("error=bad");
    }
  }

  /** The parts of a sign-in's answer an outsider sees: status, where it leads, header names. */
  private static String answer(HttpResponse<String> r) {
    return r.statusCode()
        + " "
        + r.headers().firstValue("Location").orElse("")
        + " "
        + new TreeSet<>(r.headers().map().keySet())
        + " "
        + r.body().length();
  }

  @Test
  void aLockedUnknownLoginAnswersAsALockedRealOne() {
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    String ghost = "ghost." + person.login();
    String a = "203.0.113.171";
    String b = "203.0.113.172";
    for (int i = 0; i < 6; i++) {
      String real = answer(http().from(a).signIn(person.login(), "guess-" + i));
      String unknown = answer(http().from(b).signIn(ghost, "guess-" + i));
      assertThat(unknown).as("failure %d", i + 1).isEqualTo(real);
    }
    // locked: the right password for the real login, any for the unknown one, from a third client
    String c = "203.0.113.173";
    String real = answer(http().from(c).signIn(person.login(), Fixtures.PASSWORD));
    String unknown = answer(http().from(c).signIn(ghost, Fixtures.PASSWORD));
    assertThat(real).contains("error=bad").isEqualTo(unknown);
  }

  @Test
  void aKnownClientsSuccessDoesNotGiveStrangersMoreGuesses() {
    var secretariat = fixtures.user("nisc", Role.ANALYST);
    String office = "198.51.100.181";
    String stranger = "203.0.113.181";
    assertThat(location(http().from(office).signIn(secretariat.login(), Fixtures.PASSWORD)))
        .doesNotContain("error");
    // four guesses, the person signs in at the office, one more guess: five from strangers
    for (int i = 0; i < 4; i++) {
      location(http().from(stranger).signIn(secretariat.login(), "guess-" + i));
    }
    assertThat(location(http().from(office).signIn(secretariat.login(), Fixtures.PASSWORD)))
        .doesNotContain("error");
    location(http().from(stranger).signIn(secretariat.login(), "guess-4"));
    // the office's success proved nothing about the strangers: their count was not started again
    assertThat(location(http().from(stranger).signIn(secretariat.login(), Fixtures.PASSWORD)))
        .endsWith("error=bad");
    assertThat(location(http().from(office).signIn(secretariat.login(), Fixtures.PASSWORD)))
        .doesNotContain("error");
  }

  @Test
  void typingMistakesAtAKnownClientDoNotLockThePersonsOtherClients() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    String office = "198.51.100.191";
    assertThat(location(http().from(office).signIn(person.login(), Fixtures.PASSWORD)))
        .doesNotContain("error");
    // five mistakes at the office lock the office only (its own count)
    for (int i = 0; i < 5; i++) {
      location(http().from(office).signIn(person.login(), "typo-" + i));
    }
    assertThat(location(http().from(office).signIn(person.login(), Fixtures.PASSWORD)))
        .endsWith("error=bad");
    // a client the person never used was not failed at: the account-wide count is the strangers'
    assertThat(location(http().from("192.0.2.191").signIn(person.login(), Fixtures.PASSWORD)))
        .doesNotContain("error");
  }
}
