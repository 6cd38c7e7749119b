package jp.renkei.server.monitor;

import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.HdrHistogram.Recorder;

/**
 * Runs each scheduled site's probe at a fixed rate: one dispatcher thread keeps a queue ordered by
 * due time and hands due probes to a small fixed pool of workers through a bounded queue. A probe
 * still running when its next turn comes is not started twice (that turn is counted as skipped); a
 * full work queue refuses a turn rather than buffering without bound (counted as shed). Slip — how
 * late a probe starts against its due time — is recorded in a histogram. Thread-safe.
 *
 * <p>The pool grows before it queues. A stalled site holds its worker until the attempt's deadline
 * (up to 80 % of its interval, twice with a retry), so when many sites stall at once — the moment
 * the cross-organisation view matters most — a fixed pool would spend every worker waiting on them
 * and the healthy sites' turns would be skipped. Instead a due probe that finds every worker busy
 * gets a new thread, up to {@code maxThreads}; only beyond that do probes wait in the bounded
 * queue. Threads above {@code threads} end after a minute idle. Measured in ProbeSchedulerBench
 * with 2,000 of 11,000 sites stalling (docs/benchmarks.md).
 */
public final class ProbeScheduler implements AutoCloseable {

  /** What happened so far; slip in microseconds. */
  public record Stats(
      long started,
      long skipped,
      long shed,
      long slipP50Micros,
      long slipP99Micros,
      long slipMaxMicros) {}

  private static final class Entry {
    final long site;
    final long intervalNanos;
    long due;
    volatile boolean cancelled;

    Entry(long site, long intervalNanos, long due) {
      this.site = site;
      this.intervalNanos = intervalNanos;
      this.due = due;
    }
  }

  private final LongConsumer probe;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private final Map<Long, Boolean> running = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor workers;
  private final Thread dispatcher;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Recorder slip = new Recorder(3_600_000_000L, 3);
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final org.HdrHistogram.Histogram total =
      new org.HdrHistogram.Histogram(3_600_000_000L, 3);

  /**
   * @param threads the workers always kept
   * @param queueCapacity how many due probes may wait for a worker
   * @param probe runs one probe of the given site on a worker thread
   */
  public ProbeScheduler(int threads, int queueCapacity, LongConsumer probe) {
    this(threads, threads, queueCapacity, probe);
  }

  /**
   * @param threads the workers always kept
   * @param maxThreads how many workers the pool may grow to while probes hang (at least threads)
   * @param queueCapacity how many due probes may wait once the pool is at its largest
   * @param probe runs one probe of the given site on a worker thread
   */
  public ProbeScheduler(int threads, int maxThreads, int queueCapacity, LongConsumer probe) {
    this.probe = probe;
    GrowFirstQueue backlog = new GrowFirstQueue(queueCapacity);
    this.workers =
        new ThreadPoolExecutor(
            threads,
            Math.max(threads, maxThreads),
            60,
            TimeUnit.SECONDS,
            backlog,
            r -> {
              Thread t = new Thread(r, "renkei-probe");
              t.setDaemon(true);
              return t;
            },
            (r, pool) -> {
              if (pool.isShutdown() || !backlog.queue(r)) {
                throw new RejectedExecutionException("probe queue full");
              }
            });
    backlog.pool = workers;
    this.dispatcher = new Thread(this::dispatch, "renkei-probe-dispatcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /**
   * A work queue that declines a task while the pool may still grow and has no idle worker, so that
   * the executor starts a thread for it; the executor's rejection handler then queues it for real
   * once the pool is at its largest.
   */
  private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    transient volatile ThreadPoolExecutor pool;

    GrowFirstQueue(int capacity) {
      super(capacity);
    }

    @Override
    public boolean offer(Runnable r) {
      ThreadPoolExecutor p = pool;
      if (p != null
          && p.getPoolSize() < p.getMaximumPoolSize()
          && p.getActiveCount() >= p.getPoolSize()) {
        return false;
      }
      return super.offer(r);
    }

    boolean queue(Runnable r) {
      return super.offer(r);
    }
  }

  /** The most workers the pool has had at once. */
  public int largestPool() {
    return workers.getLargestPoolSize();
  }

  /**
   * Probes {@code site} every {@code intervalMillis}, the first time after {@code delayMillis}
   * (spread first turns over the interval so sites do not all start at once). Replaces an earlier
   * schedule of the same site.
   */
  public void schedule(long site, long intervalMillis, long delayMillis) {
    Entry e =
        new Entry(
            site,
            TimeUnit.MILLISECONDS.toNanos(intervalMillis),
            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis));
    Entry old = entries.put(site, e);
    if (old != null) {
      old.cancelled = true;
    }
    synchronized (queue) {
      queue.add(e);
      queue.notifyAll();
    }
  }

  public void cancel(long site) {
    Entry old = entries.remove(site);
    if (old != null) {
      old.cancelled = true;
    }
  }

  /** Whether the site has turns scheduled. */
  public boolean has(long site) {
    return entries.containsKey(site);
  }

  public int scheduled() {
    return entries.size();
  }

  private void dispatch() {
    while (open.get()) {
      Entry e;
      synchronized (queue) {
        e = queue.peek();
        long wait = e == null ? 1_000_000_000L : e.due - System.nanoTime();
        if (wait > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(queue, wait);
          } catch (InterruptedException x) {
            return;
          }
          continue;
        }
        queue.poll();
        if (e.cancelled) {
          continue;
        }
        long due = e.due;
        e.due += e.intervalNanos;
        queue.add(e);
        submit(e.site, due);
      }
    }
  }

  private void submit(long site, long due) {
    if (running.putIfAbsent(site, Boolean.TRUE) != null) {
      skipped.incrementAndGet();
      return;
    }
    try {
      workers.execute(
          () -> {
            long late = System.nanoTime() - due;
            slip.recordValue(Math.max(0, Math.min(late / 1000, 3_600_000_000L)));
            started.incrementAndGet();
            try {
              probe.accept(site);
            } catch (RuntimeException x) {
              // the probe records its own failures; a bug in one site's probe spares the others
            } finally {
              running.remove(site);
            }
          });
    } catch (RejectedExecutionException x) {
      running.remove(site);
      shed.incrementAndGet();
    }
  }

  /** Counts and slip percentiles since the scheduler started. */
  public synchronized Stats stats() {
    total.add(slip.getIntervalHistogram());
    return new Stats(
        started.get(),
        skipped.get(),
        shed.get(),
        total.getValueAtPercentile(50),
        total.getValueAtPercentile(99),
        total.getMaxValue());
  }

  /** Forgets the slip recorded so far (a benchmark's warm-up). */
  public synchronized void resetStats() {
    slip.getIntervalHistogram();
    total.reset();
    started.set(0);
    skipped.set(0);
    shed.set(0);
  }

  @Override
  public void close() {
    open.set(false);
    dispatcher.interrupt();
    workers.shutdownNow();
  }
}
