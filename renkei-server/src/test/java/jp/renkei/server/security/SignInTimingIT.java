package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * A measurement, not a test of speed (no timing is asserted): how long the hub on 127.0.0.1 takes
 * to answer each kind of refused sign-in over HTTP — a login that names nobody, a wrong password, a
 * right password with a wrong second-factor code, a right password on a disabled account — as the
 * median and quartiles of {@value #DEFAULT_ROUNDS} rounds (each round: every kind once, in a
 * shuffled order, the failure counts forgotten before each so no lock is reached), and each median
 * as a ratio to a wrong password's. docs/benchmarks.md (accounts29) records it before and after the
 * paths were made the same; the measurement of record takes {@code -Drenkei.timing.signins=400}.
 * {@link SignInSamePathIT} asserts the paths themselves.
 */
@Import(StatementLog.class)
class SignInTimingIT extends ServerTest {

  static final int DEFAULT_ROUNDS = 20;
  static final int ROUNDS = Integer.getInteger("renkei.timing.signins", DEFAULT_ROUNDS);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired TotpService totp;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;

  private record Kind(String name, String login, String password, String code) {}

  private long timed(Kind k) {
    jdbc.sql("delete from sign_in_failure where login_key = sha256(convert_to(?, 'UTF8'))")
        .param(k.login())
        .update();
    Http client = http();
    Matcher m = CSRF.matcher(client.get("/login").body());
    assertThat(m.find()).isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", m.group(1));
    form.put("login", k.login());
    form.put("password", k.password());
    if (k.code() != null) {
      form.put("code", k.code());
    }
    long start = System.nanoTime();
    HttpResponse<String> r = client.postFormRaw("/login", form);
    long took = System.nanoTime() - start;
    assertThat(r.headers().firstValue("Location"))
        .as(k.name())
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));
    return took;
  }

  @Test
  void measuresEachRefusedSignInOverHttp() {
    UserAccount guarded = fixtures.user("op-sakura-bank", Role.ANALYST);
    Actor self = fixtures.actor(guarded);
    byte[] key = Base32.decode(totp.start(self).secret());
    totp.confirm(self, Totp.code(key, Totp.step(Instant.now())));
    UserAccount plain = fixtures.user("op-sakura-bank", Role.MEMBER);
    UserAccount disabled = fixtures.user("op-sakura-bank", Role.MEMBER);
    users.setEnabled(Actor.cli(), disabled.id(), false);
    List<Kind> kinds =
        List.of(
            new Kind("wrong password", plain.login(), "guess-guess-1", null),
            new Kind("unknown login", "nobody-" + plain.login(), "guess-guess-1", null),
            new Kind("wrong password, 2FA account", guarded.login(), "guess-guess-1", "123456"),
            new Kind("right password, wrong code", guarded.login(), Fixtures.PASSWORD, "123456"),
            new Kind("right password, disabled", disabled.login(), Fixtures.PASSWORD, null));
    Map<String, List<Long>> times = new LinkedHashMap<>();
    kinds.forEach(k -> times.put(k.name(), new ArrayList<>()));
    List<Kind> order = new ArrayList<>(kinds);
    Random random = new Random(29);
    for (int warm = 0; warm < 3; warm++) {
      kinds.forEach(this::timed);
    }
    for (int round = 0; round < ROUNDS; round++) {
      Collections.shuffle(order, random);
      for (Kind k : order) {
        times.get(k.name()).add(timed(k));
      }
    }
    double base = quantile(times.get("wrong password"), 0.5);
    StringBuilder out = new StringBuilder("sign-in timing, " + ROUNDS + " rounds (ms):\n");
    times.forEach(
        (name, t) ->
            out.append(
                String.format(
                    java.util.Locale.ROOT,
                    "  %-28s median %.3f  q1 %.3f  q3 %.3f  ratio %.3f%n",
                    name,
                    quantile(t, 0.5) / 1e6,
                    quantile(t, 0.25) / 1e6,
                    quantile(t, 0.75) / 1e6,
                    quantile(t, 0.5) / base)));
    System.out.println(out);
  }

  private static double quantile(List<Long> values, double q) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double at = q * (sorted.size() - 1);
    int lo = (int) Math.floor(at);
    int hi = (int) Math.ceil(at);
    return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (at - lo);
  }
}
