package jp.renkei.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/**
 * The test server's threads (it runs in the test's JVM) seen by the method they are in: how a test
 * knows that the hub is reading a body it holds open, without timing.
 */
public final class HubThreads {

  private HubThreads() {}

  /** How many threads have {@code frame} ({@code class.method}) on their stack now. */
  public static long in(String frame) {
    return Thread.getAllStackTraces().values().stream()
        .filter(
            st ->
                Arrays.stream(st)
                    .anyMatch(f -> frame.equals(f.getClassName() + "." + f.getMethodName())))
        .count();
  }

  /**
   * Waits until exactly {@code n} threads are in {@code frame} (at most 30 s: a wait, not a timing
   * assertion), then asserts it, described as {@code what}.
   */
  public static void awaitIn(String frame, long n, String what) throws InterruptedException {
    for (int i = 0; i < 600 && in(frame) != n; i++) {
      Thread.sleep(50);
    }
    assertThat(in(frame)).as(what).isEqualTo(n);
  }
}
