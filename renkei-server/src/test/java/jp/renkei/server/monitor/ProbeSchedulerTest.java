package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's growing pool: sites whose probes hang do not take the turns of healthy sites. The
 * probe here is a stand-in that sleeps (the real stalls, against loopback servers, are in MonitorIT
 * and ProbeSchedulerBench); what is asserted is which sites were probed, not how fast.
 */
class ProbeSchedulerTest {

  @Test
  void stallingSitesMoveToTheSlowLaneAndHealthySitesKeepTheirTurns() throws Exception {
    Map<Long, AtomicLong> probes = new ConcurrentHashMap<>();
    long stallMillis = 3_500;
    // two workers kept, four sites that hang for 3.5 s at a 1 s interval: with a fixed pool of two
    // they would hold both workers all the time
    try (ProbeScheduler scheduler =
        new ProbeScheduler(
            2,
            8,
            1_000,
            site -> {
              probes.computeIfAbsent(site, s -> new AtomicLong()).incrementAndGet();
              if (site >= 10) {
                try {
                  Thread.sleep(stallMillis);
                } catch (InterruptedException x) {
                  Thread.currentThread().interrupt();
                }
              }
            })) {
      for (long stalling = 10; stalling < 14; stalling++) {
        scheduler.schedule(stalling, 1_000, 0);
      }
      scheduler.schedule(1, 200, 50);
      scheduler.schedule(2, 200, 100);

      Thread.sleep(1_000);
      long before1 = count(probes, 1);
      long before2 = count(probes, 2);
      Thread.sleep(4_000);

      assertThat(scheduler.largestPool())
          .as("the pool grew past its two kept workers")
          .isGreaterThan(2);
      // 20 turns each in 4 s; sharing the two workers with the hanging sites, far fewer
      assertThat(count(probes, 1) - before1).isGreaterThanOrEqualTo(10);
      assertThat(count(probes, 2) - before2).isGreaterThanOrEqualTo(10);
      assertThat(count(probes, 10)).as("a hanging site is still probed").isGreaterThanOrEqualTo(2);
      assertThat(scheduler.stats().shed()).isZero();
    }
  }

  private static long count(Map<Long, AtomicLong> probes, long site) {
    AtomicLong n = probes.get(site);
    return n == null ? 0 : n.get();
  }
}
