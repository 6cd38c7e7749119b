package jp.renkei.server.mail;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.renkei.server.failure.Busy;

/**
 * Admits analyses: one at a time per person (a second is 429), and at most {@code slots} at once on
 * the instance (a request waits up to {@code wait} for a slot, then is 503). Both with Retry-After.
 * Thread-safe.
 */
final class AnalysisGate {

  private final Semaphore slots;
  private final Duration wait;
  private final Duration retryAfter;
  private final Set<Object> running = ConcurrentHashMap.newKeySet();

  AnalysisGate(int slots, Duration wait, Duration retryAfter) {
    this.slots = new Semaphore(slots, true);
    this.wait = wait;
    this.retryAfter = retryAfter;
  }

  <T> T run(Object who, Supplier<T> work) {
    if (!running.add(who)) {
      throw new Busy(true, retryAfter, "mail.error.oneAtATime", retryAfter.toSeconds());
    }
    try {
      if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Busy(false, retryAfter, "mail.error.busy", retryAfter.toSeconds());
      }
      try {
        return work.get();
      } finally {
        slots.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(false, retryAfter, "mail.error.busy", retryAfter.toSeconds());
    } finally {
      running.remove(who);
    }
  }
}
