package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.renkei.server.config.MailProperties;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analysis gate over HTTP: analyses held open inside the gate (their message is a stream that
 * waits) stand for slow ones, so what a further request gets does not depend on timing.
 */
class MailGateIT extends ServerTest {

  @Autowired MailService mail;
  @Autowired MailProperties properties;

  /**
   * A message that blocks its reader until {@code release} opens, then reads as a real message (an
   * empty upload is refused as no message); {@code reading} says the reading began.
   */
  static InputStream waiting(CountDownLatch reading, CountDownLatch release) {
    InputStream rest = new java.io.ByteArrayInputStream(MailIT.message());
    return new InputStream() {
      boolean waited;

      @Override
      public int read() throws IOException {
        if (!waited) {
          reading.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          waited = true;
        }
        return rest.read();
      }
    };
  }

  CompletableFuture<?> holdSlot(UserAccount u, CountDownLatch release) throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CompletableFuture<?> f =
        CompletableFuture.runAsync(
            () -> mail.analyze(fixtures.actor(u), waiting(reading, release)));
    assertThat(reading.await(10, TimeUnit.SECONDS)).as("the analysis is inside the gate").isTrue();
    return f;
  }

  @Test
  void aSecondAnalysisOfTheSamePersonIs429WithRetryAfterAndTheFormKept() throws Exception {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<?> first = holdSlot(u, release);
    try {
      HttpResponse<String> api =
          new Http(port)
              .bearer(fixtures.token(u))
              .postBytes("/api/v1/mail/analyze", "message/rfc822", MailIT.message());
      assertThat(api.statusCode()).isEqualTo(429);
      assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(api.body()).contains("\"code\":\"mail.error.oneAtATime\"", "\"status\":429");

      Http browser = new Http(port);
      browser.signIn(u.login(), Fixtures.PASSWORD);
      HttpResponse<String> page =
          browser.upload("/mail", "/mail", "message", "a.eml", MailIT.message());
      assertThat(page.statusCode()).isEqualTo(429);
      assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(page.body()).contains("id=\"mail-error\"", "5 秒ほど", "id=\"mail-form\"");
    } finally {
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void whenEverySlotIsTakenOthersGet503WithRetryAfter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<CompletableFuture<?>> held = new ArrayList<>();
    try {
      for (int i = 0; i < properties.slots(); i++) {
        held.add(holdSlot(fixtures.user(fixtures.operator("finance"), Role.MEMBER), release));
      }
      UserAccount other = fixtures.user(fixtures.operator("gas"), Role.MEMBER);
      HttpResponse<String> r =
          new Http(port)
              .bearer(fixtures.token(other))
              .postBytes("/api/v1/mail/analyze", "message/rfc822", MailIT.message());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(r.body()).contains("\"code\":\"mail.error.busy\"");
    } finally {
      release.countDown();
      for (CompletableFuture<?> f : held) {
        f.get(10, TimeUnit.SECONDS);
      }
    }
    // and once they are done, the same request is analysed
    UserAccount later = fixtures.user(fixtures.operator("gas"), Role.MEMBER);
    assertThat(
            new Http(port)
                .bearer(fixtures.token(later))
                .postBytes("/api/v1/mail/analyze", "message/rfc822", MailIT.message())
                .statusCode())
        .isEqualTo(200);
  }
}
