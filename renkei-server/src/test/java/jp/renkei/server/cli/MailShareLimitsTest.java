package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import jp.renkei.server.support.OutsideServer;
import org.junit.jupiter.api.Test;

/**
 * {@code renkei mail analyze --share} talks to a hub with three bounds (harden33): the connection
 * ({@code --connect-timeout}), the beginning of each answer ({@code --answer-timeout}) and each
 * request as a whole ({@code --deadline}). Real HTTP servers on 127.0.0.1 that answer slowly; each
 * bound stops the request with a message naming its option.
 */
class MailShareLimitsTest {

  @Test
  void aHubTricklingItsAnswerIsGivenUpAtTheDeadline() {
    try (OutsideServer hub =
        OutsideServer.start().trickling("/api/v1/c4tap", "application/json", 600)) {
      HubRequests calls =
          new HubRequests(
              "--share", Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1));
      String url = hub.url("/api/v1/c4tap?range=amber");
      IllegalArgumentException e =
          catchThrowableOfType(
              IllegalArgumentException.class,
              () -> MailCommand.Analyze.post(calls, url, "t", new byte[] {1}, 201));
      assertThat(e).as("given up").isNotNull();
      assertThat(e.getMessage())
          .isEqualTo("--share: " + url + " did not finish its answer within 1s (--deadline)");
      assertThat(hub.started()).as("the answer had begun").isEqualTo(1);
    }
  }

  @Test
  void aHubThatNeverBeginsItsAnswerIsGivenUpAtTheAnswerTimeout() {
    try (OutsideServer hub =
        OutsideServer.start()
            .on(
                "/api/v1/c4tap",
                ex -> {
                  try {
                    Thread.sleep(60_000);
                  } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                  }
                })) {
      HubRequests calls =
          new HubRequests(
              "--share", Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60));
      String url = hub.url("/api/v1/c4tap/5/send");
      IllegalArgumentException e =
          catchThrowableOfType(
              IllegalArgumentException.class,
              () -> MailCommand.Analyze.post(calls, url, "t", new byte[0], 200));
      assertThat(e.getMessage())
          .isEqualTo("--share: " + url + " did not begin to answer within 1s (--answer-timeout)");
    }
  }

  @Test
  void aHubThatAnswersInTimeIsRead() throws Exception {
    byte[] body = "{\"id\":3}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (OutsideServer hub =
        OutsideServer.start()
            .on("/api/v1/c4tap", ex -> OutsideServer.answer(ex, 201, "application/json", body))) {
      HubRequests calls =
          new HubRequests(
              "--share", Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
      assertThat(
              MailCommand.Analyze.post(calls, hub.url("/api/v1/c4tap"), "t", new byte[] {1}, 201))
          .isEqualTo("{\"id\":3}");
    }
  }

  @Test
  void aClosedPortCannotBeConnectedTo() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/api/v1/c4tap";
    HubRequests calls =
        new HubRequests(
            "--share", Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> MailCommand.Analyze.post(calls, url, "t", new byte[0], 201));
    assertThat(e.getMessage()).isEqualTo("--share: cannot connect to " + url);
  }

  @Test
  void aBoundOfZeroIsRefusedNamingItsOption() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () ->
                new HubRequests(
                    "--share", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO));
    assertThat(e.getMessage()).isEqualTo("--deadline must be longer than 0, not 0s");
  }
}
