package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.renkei.server.failure.Busy;
import org.junit.jupiter.api.Test;

class AnalysisGateTest {

  /** Starts work for {@code who} that holds its slot until {@code release} opens. */
  static CompletableFuture<String> holding(
      AnalysisGate gate, Object who, CountDownLatch started, CountDownLatch release) {
    return CompletableFuture.supplyAsync(
        () ->
            gate.run(
                who,
                () -> {
                  started.countDown();
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return "done";
                }));
  }

  @Test
  void aPersonRunsOneAnalysisAtATime() throws Exception {
    AnalysisGate gate = new AnalysisGate(4, Duration.ofSeconds(1), Duration.ofSeconds(7));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = holding(gate, 1L, started, release);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> gate.run(1L, () -> "second"))
        .isInstanceOfSatisfying(
            Busy.class,
            b -> {
              assertThat(b.status()).isEqualTo(429);
              assertThat(b.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            });
    // someone else is not held up by it
    assertThat(gate.run(2L, () -> "other")).isEqualTo("other");
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(gate.run(1L, () -> "again")).isEqualTo("again");
  }

  @Test
  void whenEverySlotIsTakenOthersWaitBrieflyThenAreTurnedAway() throws Exception {
    AnalysisGate gate = new AnalysisGate(1, Duration.ofMillis(100), Duration.ofSeconds(5));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = holding(gate, 1L, started, release);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> gate.run(2L, () -> "second"))
        .isInstanceOfSatisfying(Busy.class, b -> assertThat(b.status()).isEqualTo(503));
    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    // the refused person holds nothing afterwards, and the slot is free again
    assertThat(gate.run(2L, () -> "later")).isEqualTo("later");
  }

  @Test
  void aFailingAnalysisGivesItsSlotBack() {
    AnalysisGate gate = new AnalysisGate(1, Duration.ofMillis(10), Duration.ofSeconds(5));
    assertThatThrownBy(
            () ->
                gate.run(
                    1L,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(gate.run(1L, () -> "ok")).isEqualTo("ok");
  }
}
