package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A page that refreshes itself does not keep an unattended screen signed in: only what the person
 * does counts against the idle limit (here 5 s, a context of its own on the same cluster).
 */
@TestPropertySource(properties = "renkei.security.session-idle=5s")
class SessionIdleIT extends ServerTest {

  private static final String BACKGROUND = "X-Renkei-Background";

  @Test
  void backgroundRefreshesDoNotKeepAnIdleSessionAlive() throws InterruptedException {
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http screen = http();
    screen.signIn(analyst.login(), Fixtures.PASSWORD);
    assertThat(screen.get("/reports").statusCode()).isEqualTo(200);

    HttpResponse<String> poll = null;
    for (int i = 0; i < 15; i++) {
      Thread.sleep(700);
      poll = screen.get("/", BACKGROUND, "1", "HX-Request", "true");
      if (poll.statusCode() != 200) {
        break;
      }
    }
    assertThat(poll.statusCode()).isEqualTo(401);
    assertThat(poll.headers().firstValue("HX-Redirect")).hasValue("/login?expired");
    assertThat(poll.body()).doesNotContain(analyst.login());
    // the session is gone, not only that one answer
    HttpResponse<String> next = screen.get("/reports");
    assertThat(next.statusCode()).isEqualTo(302);
    assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/login");
  }

  @Test
  void aPersonAtWorkStaysSignedInPastTheIdleLimit() throws InterruptedException {
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http browser = http();
    browser.signIn(analyst.login(), Fixtures.PASSWORD);
    for (int i = 0; i < 12; i++) {
      Thread.sleep(600);
      assertThat(browser.get("/reports").statusCode()).isEqualTo(200);
    }
  }
}
