package jp.renkei.server.monitor;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jp.renkei.server.database.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes raw probe results in batches from one thread, so probing never waits on the database. The
 * queue is bounded: when the database falls behind by more than its capacity, results are dropped
 * and counted (the judgement, alerts and state in memory are not affected). Thread-safe.
 */
final class ResultWriter implements AutoCloseable {

  /** One raw result row. */
  record Row(
      long siteId,
      long vantageId,
      Instant at,
      boolean ok,
      String judged,
      int status,
      Double dns,
      Double connect,
      Double tls,
      Double ttfb,
      Double transfer,
      Double total,
      int attempts,
      String error,
      Instant certNotAfter) {}

  private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);
  private static final int BATCH = 1000;
  private static final String INSERT =
      "insert into monitor_result (site_id, vantage_id, at, ok, judged, status, dns_ms, connect_ms,"
          + " tls_ms, ttfb_ms, transfer_ms, total_ms, attempts, error, cert_not_after)"
          + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  private final JdbcTemplate jdbc;
  private final BlockingQueue<Row> queue;
  private final Thread thread;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean open = true;

  ResultWriter(JdbcTemplate jdbc, int capacity) {
    this.jdbc = jdbc;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "renkei-monitor-writer");
    thread.setDaemon(true);
    thread.start();
  }

  void add(Row r) {
    if (queue.offer(r)) {
      accepted.incrementAndGet();
    } else {
      dropped.incrementAndGet();
    }
  }

  long dropped() {
    return dropped.get();
  }

  /** Waits until everything accepted so far is written (tests, shutdown). */
  void flush(long timeoutMillis) {
    long target = accepted.get();
    long end = System.currentTimeMillis() + timeoutMillis;
    while (written.get() + failedRows.get() < target && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private final AtomicLong failedRows = new AtomicLong();

  private void run() {
    List<Row> batch = new ArrayList<>(BATCH);
    while (open || !queue.isEmpty()) {
      try {
        Row first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
        written.addAndGet(batch.size());
      } catch (InterruptedException e) {
        open = false;
      } catch (RuntimeException e) {
        failedRows.addAndGet(batch.size());
        log.warn("{} probe results not written: {}", batch.size(), e.getClass().getSimpleName());
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Row> batch) {
    jdbc.batchUpdate(
        INSERT,
        batch,
        batch.size(),
        (PreparedStatement ps, Row r) -> {
          ps.setLong(1, r.siteId());
          ps.setLong(2, r.vantageId());
          ps.setObject(3, Rows.utc(r.at()));
          ps.setBoolean(4, r.ok());
          ps.setString(5, r.judged());
          if (r.status() > 0) {
            ps.setInt(6, r.status());
          } else {
            ps.setNull(6, Types.INTEGER);
          }
          real(ps, 7, r.dns());
          real(ps, 8, r.connect());
          real(ps, 9, r.tls());
          real(ps, 10, r.ttfb());
          real(ps, 11, r.transfer());
          real(ps, 12, r.total());
          ps.setInt(13, r.attempts());
          ps.setString(14, r.error());
          ps.setObject(15, r.certNotAfter() == null ? null : Rows.utc(r.certNotAfter()));
        });
  }

  private static void real(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.REAL);
    } else {
      ps.setFloat(i, v.floatValue());
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
