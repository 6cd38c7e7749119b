package jp.renkei.server.monitor;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's scale run, not part of the normal build: 10,000 sites every 60 s and 1,000 every 10 s
 * (about 267 probes/s) against loopback sites, probed with the real {@link HttpProbe}, scheduled by
 * {@link ProbeScheduler} and, in the same run, by a naive scheduler with one sleeping thread per
 * site. Prints slip percentiles, probes done, heap after GC and threads. Run with {@code
 * -Dit.test=ProbeSchedulerBench -Dbench.seconds=120} (see docs/benchmarks.md).
 */
class ProbeSchedulerBench {

  static final int SLOW_SITES = Integer.getInteger("bench.sites60", 10_000);
  static final int FAST_SITES = Integer.getInteger("bench.sites10", 1_000);
  static final int SECONDS = Integer.getInteger("bench.seconds", 120);

  record Outcome(
      String name,
      long probes,
      long failures,
      long p50,
      long p99,
      long max,
      long heapMiB,
      int threads) {
    @Override
    public String toString() {
      return String.format(
          "%-28s probes %7d (%.1f/s) failures %d  slip p50 %6.1f ms  p99 %7.1f ms  max %8.1f ms  heap after GC %4d MiB  threads %5d",
          name,
          probes,
          probes / (double) SECONDS,
          failures,
          p50 / 1000.0,
          p99 / 1000.0,
          max / 1000.0,
          heapMiB,
          threads);
    }
  }

  /**
   * The same run without JUnit: {@code java -cp ... jp.renkei.server.monitor.ProbeSchedulerBench}.
   */
  public static void main(String[] args) throws Exception {
    new ProbeSchedulerBench().schedulers();
    System.exit(0);
  }

  @Test
  void schedulers() throws Exception {
    List<LoopbackSite> servers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      servers.add(LoopbackSite.http());
    }
    List<HttpProbe.Target> targets = new ArrayList<>();
    List<Long> intervals = new ArrayList<>();
    for (int i = 0; i < SLOW_SITES + FAST_SITES; i++) {
      LoopbackSite s = servers.get(i % servers.size());
      targets.add(
          new HttpProbe.Target(
              URI.create("http://127.0.0.1:" + s.port() + "/site" + i), 200, "OK"));
      intervals.add(i < SLOW_SITES ? 60_000L : 10_000L);
    }
    HttpProbe probe =
        new HttpProbe(
            host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, Duration.ofSeconds(10));
    try {
      System.out.println(pooled(probe, targets, intervals));
      System.gc();
      Thread.sleep(2000);
      System.out.println(naive(probe, targets, intervals));
    } finally {
      for (LoopbackSite s : servers) {
        s.close();
      }
    }
  }

  Outcome pooled(HttpProbe probe, List<HttpProbe.Target> targets, List<Long> intervals)
      throws Exception {
    AtomicLong failures = new AtomicLong();
    try (ProbeScheduler sch =
        new ProbeScheduler(
            64,
            20_000,
            site -> {
              if (!probe.probe(targets.get((int) site)).ok()) {
                failures.incrementAndGet();
              }
            })) {
      for (int i = 0; i < targets.size(); i++) {
        long interval = intervals.get(i);
        sch.schedule(i, interval, ThreadLocalRandom.current().nextLong(interval));
      }
      // the first 10 s (JIT, the loopback servers' threads) are not measured
      Thread.sleep(10_000);
      sch.resetStats();
      Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS - 10));
      ProbeScheduler.Stats s = sch.stats();
      System.out.printf("ProbeScheduler: skipped %d, shed %d%n", s.skipped(), s.shed());
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      return new Outcome(
          "ProbeScheduler (64 threads)",
          s.started(),
          failures.get(),
          s.slipP50Micros(),
          s.slipP99Micros(),
          s.slipMaxMicros(),
          heap(),
          threads);
    }
  }

  Outcome naive(HttpProbe probe, List<HttpProbe.Target> targets, List<Long> intervals)
      throws Exception {
    ConcurrentHistogram slip = new ConcurrentHistogram(3_600_000_000L, 3);
    AtomicLong probes = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      HttpProbe.Target t = targets.get(i);
      long interval = TimeUnit.MILLISECONDS.toNanos(intervals.get(i));
      long first = System.nanoTime() + ThreadLocalRandom.current().nextLong(interval);
      Thread th =
          new Thread(
              () -> {
                long due = first;
                try {
                  while (due < end) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    slip.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    probes.incrementAndGet();
                    if (!probe.probe(t).ok()) {
                      failures.incrementAndGet();
                    }
                    due += interval;
                  }
                } catch (InterruptedException e) {
                  // the run is over
                }
              },
              "naive-" + i);
      th.setDaemon(true);
      th.start();
      threads.add(th);
    }
    long started = System.nanoTime();
    System.out.printf(
        "naive: starting %d threads took %.1f s of the %d s run%n",
        threads.size(), (started - (end - TimeUnit.SECONDS.toNanos(SECONDS))) / 1e9, SECONDS);
    Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) - 1000));
    int count = ManagementFactory.getThreadMXBean().getThreadCount();
    long heap = heap();
    for (Thread th : threads) {
      th.join(15_000);
    }
    return new Outcome(
        "naive thread per site",
        probes.get(),
        failures.get(),
        slip.getValueAtPercentile(50),
        slip.getValueAtPercentile(99),
        slip.getMaxValue(),
        heap,
        count);
  }

  static long heap() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
  }
}
