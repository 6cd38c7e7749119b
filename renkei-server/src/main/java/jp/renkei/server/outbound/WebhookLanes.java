package jp.renkei.server.outbound;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.renkei.server.config.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries off the scheduling thread, so that a slow receiver delays only itself
 * (outbound31). Before, the outbox sender and the monitor notifier posted every webhook on the one
 * scheduling thread: each slow receiver held it up to 3 × {@code renkei.notify.webhook-timeout},
 * and every advisory e-mail behind it waited.
 *
 * <ul>
 *   <li>A bounded pool of {@code renkei.notify.webhook-threads} workers and no queue: a delivery is
 *       handed over only when a worker is free to start it at once, so a claimed row never waits in
 *       memory while its lease runs (the lease, 5 min, is far longer than one exchange, 15 s). When
 *       every worker is busy the senders leave webhook rows in the database for a later tick and go
 *       on with e-mail.
 *   <li>One delivery at a time per receiver (organisation): a receiver with many rows queued cannot
 *       take every worker.
 *   <li>A receiver whose delivery failed slowly (after at least {@code
 *       renkei.notify.webhook-timeout}: it kept a worker waiting) is left alone for a back-off, 30
 *       s doubling with each further failure up to 15 min, and reset by a success: its other rows
 *       are not claimed meanwhile, so ten rows to a dead receiver do not cost ten timeouts in a
 *       row. The back-off is the failed address's: an organisation that registers another webhook
 *       is not held. Each row keeps its own backoff and attempt count as before.
 * </ul>
 *
 * The senders' claims exclude {@link #held()} receivers, and their rows stay {@code pending} with
 * their lease while in flight, so at-least-once (a crash loses nothing; the lease expires and the
 * row is retried) and a withdrawal's wait for an earlier version in flight are as they were. The
 * back-off is kept in the database ({@code webhook_backoff}, V405, harden32), on the database's
 * clock: every instance of the hub leaves a backing-off receiver alone, and a restart does not
 * forget it. Deliveries in flight are this instance's: two instances may each deliver one to the
 * same receiver at the same time. Thread-safe; {@link #start} is called from the scheduled jobs'
 * threads (the outbox's and the monitor notifier's, each on its own since harden33): two starts
 * racing for the last worker leave one of them refused, its row put back.
 */
@Component
public class WebhookLanes implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookLanes.class);

  /** The first back-off of a receiver after a failure; doubles with each further one. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);

  /** The longest back-off of a receiver. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  private final ThreadPoolExecutor pool;
  private final int threads;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

  private final JdbcClient jdbc;

  /** A failure that took at least this long (the webhook timeout) backs its receiver off. */
  private final Duration slow;

  WebhookLanes(NotifyProperties notify, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.slow = notify.webhookTimeout();
    int threads = notify.webhookThreads();
    this.threads = threads;
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "webhook-delivery");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Whether a worker is free for a delivery now. */
  public boolean hasRoom() {
    return inFlight.size() < threads;
  }

  /**
   * How long the back-off read from the database is used before it is read again. The claims ask
   * {@link #held()} for every row (up to 200 a tick, and once more per webhook handed over): read
   * each time, the back-off cost a query per claim (harden33, docs/benchmarks.md). This instance's
   * own changes are seen at once (each outcome forgets what was read); another instance's back-off
   * and an expiry are seen within this time, far less than the first back-off (30 s).
   */
  static final Duration BACKOFF_FRESH = Duration.ofSeconds(1);

  /**
   * The receivers backing off, as read from the database at {@code readAt} (nanoTime) when this
   * instance had made {@code changes} changes to the back-off.
   */
  private record BackedOff(Set<Long> receivers, long readAt, long changes) {}

  private volatile BackedOff backedOff;

  /** This instance's changes to the back-off: a read begun before one is not used after it. */
  private final java.util.concurrent.atomic.AtomicLong changes =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * The receivers whose rows must not be claimed now: one is in flight, or it is backing off after
   * a failure. A snapshot.
   */
  public Set<Long> held() {
    Set<Long> held = new HashSet<>(inFlight);
    held.addAll(backingOff());
    return held;
  }

  private Set<Long> backingOff() {
    BackedOff read = backedOff;
    long now = System.nanoTime();
    long changed = changes.get();
    if (read != null
        && read.changes() == changed
        && now - read.readAt() < BACKOFF_FRESH.toNanos()) {
      return read.receivers();
    }
    // the back-off is the failed address's: an organisation that registered another one since is
    // not held (its new receiver has done nothing wrong)
    Set<Long> receivers =
        Set.copyOf(
            jdbc.sql(
                    "select b.organisation_id from webhook_backoff b"
                        + " join organisation o on o.id = b.organisation_id"
                        + " where b.held_until > now() and o.webhook_url = b.target")
                .query(Long.class)
                .list());
    backedOff = new BackedOff(receivers, now, changed);
    return receivers;
  }

  /**
   * A claim's SQL condition (beginning with {@code and}, or empty) that leaves alone the webhook
   * rows no worker could take now: all of them when every worker is busy, else those of the held
   * receivers. The receivers are numbers; the column names are the caller's constants.
   */
  public String claimCondition(String channelColumn, String organisationColumn) {
    if (!hasRoom()) {
      return " and " + channelColumn + " <> 'webhook'";
    }
    Set<Long> held = held();
    if (held.isEmpty()) {
      return "";
    }
    StringBuilder in = new StringBuilder();
    for (long id : held) {
      in.append(in.isEmpty() ? "" : ",").append(id);
    }
    return " and ("
        + channelColumn
        + " <> 'webhook' or "
        + organisationColumn
        + " not in ("
        + in
        + "))";
  }

  /**
   * Starts a delivery to the organisation's webhook on a worker.
   *
   * @param target the address it is sent to (a failure backs off this address of the organisation)
   * @param delivery sends, records the outcome, and returns the error or null when delivered; it
   *     must not throw
   * @return false when no worker is free or the receiver is held: nothing was started, the caller
   *     puts the row back
   */
  public boolean start(long organisationId, String target, Supplier<String> delivery) {
    if (!hasRoom() || held().contains(organisationId) || !inFlight.add(organisationId)) {
      return false;
    }
    try {
      pool.execute(
          () -> {
            String error = "not delivered";
            long began = System.nanoTime();
            try {
              error = delivery.get();
            } catch (RuntimeException e) {
              error = e.getClass().getSimpleName();
              log.warn("Webhook delivery to organisation {} ended in {}", organisationId, error);
            } finally {
              // the back-off first: the receiver is never free between its failure and its wait
              outcome(organisationId, target, error, Duration.ofNanos(System.nanoTime() - began));
              inFlight.remove(organisationId);
            }
          });
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      inFlight.remove(organisationId);
      return false;
    }
  }

  private void outcome(long organisationId, String target, String error, Duration took) {
    if (error == null) {
      jdbc.sql("delete from webhook_backoff where organisation_id = ?")
          .param(organisationId)
          .update();
      changes.incrementAndGet();
      return;
    }
    if (took.compareTo(slow) < 0) {
      // a quick refusal (an HTTP error, a refused connection) held no worker: its rows are
      // retried on their own backoff as before
      return;
    }
    // FIRST_BACKOFF doubling with each further slow failure of the same address, at most
    // MAX_BACKOFF; another address starts again at the first
    jdbc.sql(
            "insert into webhook_backoff as b (organisation_id, target, failures, held_until)"
                + " values (:org, :target, 1, now() + make_interval(secs => :first))"
                + " on conflict (organisation_id) do update set"
                + " failures = case when b.target = excluded.target then b.failures + 1 else 1 end,"
                + " target = excluded.target,"
                + " held_until = now() + make_interval(secs => least(:most,"
                + " :first * power(2, least(10, case when b.target = excluded.target"
                + " then b.failures else 0 end))))")
        .param("org", organisationId)
        .param("target", target)
        .param("first", (double) FIRST_BACKOFF.toSeconds())
        .param("most", (double) MAX_BACKOFF.toSeconds())
        .update();
    changes.incrementAndGet();
  }

  /** Deliveries in flight now (tests, the status page). */
  public int inFlight() {
    return inFlight.size();
  }

  /**
   * Stops taking deliveries; those in flight end within their exchange's deadline, and a row not
   * marked by then is retried after its lease by this or another instance.
   */
  @Override
  public void close() {
    ExecutorService p = pool;
    p.shutdown();
    try {
      p.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
