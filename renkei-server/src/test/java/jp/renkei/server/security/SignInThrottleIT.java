package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Per-address throttling at 3 failures, in a context of its own (every test is 127.0.0.1). */
@TestPropertySource(properties = "renkei.security.client-failure-limit=3")
class SignInThrottleIT extends ServerTest {

  @Test
  void aClientAddressThatFailsTooOftenIsThrottledWithoutStoppingTokens() {
    var person = fixtures.user("op-sakura-bank", Role.ANALYST);
    String token = fixtures.token(person);
    for (int i = 0; i < 3; i++) {
      http().signIn("nobody-" + i, "wrong-password-" + i);
    }
    HttpResponse<String> r = http().signIn(person.login(), Fixtures.PASSWORD);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("error=throttled");
    assertThat(http().bearer(token).get("/api/v1/me").statusCode()).isEqualTo(200);
  }
}
