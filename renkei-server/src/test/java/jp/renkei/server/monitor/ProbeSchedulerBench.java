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
 * site. Prints slip (due → the probe starts on a thread) percentiles apart from the probes' own
 * connect and total times (a server that falls behind shows there, not as slip), probes done
 * against turns due, heap after GC and threads. The sites are {@link BenchSites} (non-blocking
 * accept, pooled answers). Run with {@code -Dit.test=ProbeSchedulerBench -Dbench.seconds=120} (see
 * docs/benchmarks.md).
 */
class ProbeSchedulerBench {

  static final int SLOW_SITES = Integer.getInteger("bench.sites60", 10_000);
  static final int FAST_SITES = Integer.getInteger("bench.sites10", 1_000);
  static final int SECONDS = Integer.getInteger("bench.seconds", 120);
  static final int WARMUP = 10;
  static final int THREADS = Integer.getInteger("bench.threads", 64);
  static final int MAX_THREADS = Integer.getInteger("bench.maxThreads", 1024);

  /**
   * With {@code -Dbench.stalled=N}, a second pooled run (instead of the naive one) where the first
   * N of the 60-second sites are served by a loopback site that accepts, reads the request and
   * never answers (the first run, all healthy, is its baseline in the same process).
   */
  static final int STALLED = Integer.getInteger("bench.stalled", 0);

  /** The probes' own times, recorded by both schedulers' probe calls. */
  static final class Timings {
    final ConcurrentHistogram connect = new ConcurrentHistogram(3_600_000_000L, 3);
    final ConcurrentHistogram total = new ConcurrentHistogram(3_600_000_000L, 3);
    final AtomicLong failures = new AtomicLong();

    void record(HttpProbe.Result r) {
      if (!r.ok()) {
        failures.incrementAndGet();
      }
      Double c = r.millis().get(jp.renkei.engine.monitor.Phase.CONNECT);
      Double t = r.millis().get(jp.renkei.engine.monitor.Phase.TOTAL);
      if (c != null) {
        connect.recordValue((long) (c * 1000));
      }
      if (t != null) {
        total.recordValue((long) (t * 1000));
      }
    }

    void reset() {
      connect.reset();
      total.reset();
      failures.set(0);
    }

    String describe() {
      return String.format(
          "connect p50 %.2f p99 %.1f max %.1f ms; probe total p50 %.2f p99 %.1f max %.1f ms",
          connect.getValueAtPercentile(50) / 1000.0,
          connect.getValueAtPercentile(99) / 1000.0,
          connect.getMaxValue() / 1000.0,
          total.getValueAtPercentile(50) / 1000.0,
          total.getValueAtPercentile(99) / 1000.0,
          total.getMaxValue() / 1000.0);
    }
  }

  /** Turns due in {@code seconds} for the configured sites. */
  static long due(long seconds) {
    return SLOW_SITES * seconds / 60 + FAST_SITES * seconds / 10;
  }

  record Outcome(
      String name,
      long probes,
      long due,
      long failures,
      long p50,
      long p99,
      long max,
      long heapMiB,
      int threads) {
    @Override
    public String toString() {
      return String.format(
          "BENCH %-28s probes %7d of %7d due (%.1f/s) failures %d  slip p50 %6.1f ms  p99 %7.1f ms  max %8.1f ms  heap after GC %4d MiB  peak threads %5d",
          name,
          probes,
          due,
          probes / (double) (SECONDS - WARMUP),
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
    List<BenchSites> servers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      servers.add(new BenchSites(2));
    }
    List<HttpProbe.Target> targets = new ArrayList<>();
    List<Long> intervals = new ArrayList<>();
    for (int i = 0; i < SLOW_SITES + FAST_SITES; i++) {
      BenchSites s = servers.get(i % servers.size());
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
      if (STALLED > 0) {
        try (LoopbackSite stall = LoopbackSite.http()) {
          stall.mode = LoopbackSite.Mode.STALL;
          List<HttpProbe.Target> stalled = new ArrayList<>(targets);
          for (int i = 0; i < STALLED; i++) {
            stalled.set(
                i,
                new HttpProbe.Target(
                    URI.create("http://127.0.0.1:" + stall.port() + "/stall" + i), 200, "OK"));
          }
          System.out.printf("BENCH stalled: %d of the 60-second sites never answer%n", STALLED);
          System.out.println(pooled(probe, stalled, intervals));
        }
      } else {
        System.out.println(naive(probe, targets, intervals));
      }
    } finally {
      for (BenchSites s : servers) {
        s.close();
      }
    }
  }

  Outcome pooled(HttpProbe probe, List<HttpProbe.Target> targets, List<Long> intervals)
      throws Exception {
    Timings timings = new Timings();
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    try (ProbeScheduler sch =
        new ProbeScheduler(
            THREADS,
            MAX_THREADS,
            20_000,
            site -> {
              int i = (int) site;
              timings.record(
                  probe
                      .probe(
                          targets.get(i),
                          1,
                          HttpProbe.attemptTimeout(
                              Duration.ofSeconds(10), (int) (intervals.get(i) / 1000), 1))
                      .result());
            })) {
      for (int i = 0; i < targets.size(); i++) {
        long interval = intervals.get(i);
        sch.schedule(i, interval, ThreadLocalRandom.current().nextLong(interval));
      }
      // the first 10 s (JIT, the loopback servers' threads) are not measured
      Thread.sleep(TimeUnit.SECONDS.toMillis(WARMUP));
      sch.resetStats();
      timings.reset();
      Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS - WARMUP));
      ProbeScheduler.Stats s = sch.stats();
      System.out.printf(
          "BENCH ProbeScheduler: skipped %d, shed %d, largest pool %d; %s%n",
          s.skipped(), s.shed(), sch.largestPool(), timings.describe());
      int threads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
      return new Outcome(
          "ProbeScheduler (" + THREADS + " to " + MAX_THREADS + " threads)",
          s.started(),
          due(SECONDS - WARMUP),
          timings.failures.get(),
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
    Timings timings = new Timings();
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    long begin = System.nanoTime();
    long measureFrom = begin + TimeUnit.SECONDS.toNanos(WARMUP);
    long end = begin + TimeUnit.SECONDS.toNanos(SECONDS);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      HttpProbe.Target t = targets.get(i);
      long interval = TimeUnit.MILLISECONDS.toNanos(intervals.get(i));
      Duration limit =
          HttpProbe.attemptTimeout(Duration.ofSeconds(10), (int) (intervals.get(i) / 1000), 1);
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
                    long late = System.nanoTime() - due;
                    HttpProbe.Result r = probe.probe(t, 1, limit).result();
                    if (due >= measureFrom) {
                      slip.recordValue(Math.max(0, late / 1000));
                      probes.incrementAndGet();
                      timings.record(r);
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
    int count = ManagementFactory.getThreadMXBean().getPeakThreadCount();
    long heap = heap();
    for (Thread th : threads) {
      th.join(15_000);
    }
    System.out.printf("BENCH naive: %s%n", timings.describe());
    return new Outcome(
        "naive thread per site",
        probes.get(),
        due(SECONDS - WARMUP),
        timings.failures.get(),
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
