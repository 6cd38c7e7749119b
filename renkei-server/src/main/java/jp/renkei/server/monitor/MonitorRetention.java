package jp.renkei.server.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.renkei.server.config.MonitorProperties;
import jp.renkei.server.database.Rows;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storage of the monitor over time: a partition of raw results per UTC day, made three days ahead;
 * hourly rollups of the raw results; raw days dropped whole after {@code
 * renkei.monitor.raw-retention}, rollups and state history deleted after {@code rollup-retention}.
 * Runs at start and every ten minutes, on one instance at a time (an advisory lock).
 */
@Component
@ConditionalOnWebApplication
class MonitorRetention {

  private static final long LOCK = 0x4d4f4e49544f52L; // "MONITOR"
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final MonitorProperties props;

  MonitorRetention(JdbcClient jdbc, TransactionTemplate tx, MonitorProperties props) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.props = props;
  }

  @Scheduled(initialDelayString = "10m", fixedDelayString = "10m")
  void run() {
    preparePartitions();
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    rollUp(hour.minus(2, ChronoUnit.HOURS), hour.plus(1, ChronoUnit.HOURS));
    expire();
  }

  /** Partitions for today and the next three days (UTC); rows already in the default move in. */
  void preparePartitions() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int d = 0; d <= 3; d++) {
      LocalDate day = today.plusDays(d);
      String name = "monitor_result_" + DAY.format(day);
      tx.executeWithoutResult(
          s -> {
            if (!locked()) {
              return;
            }
            boolean exists =
                jdbc.sql("select to_regclass(?) is not null")
                    .param(name)
                    .query(Boolean.class)
                    .single();
            if (exists) {
              return;
            }
            String from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            String to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            jdbc.sql(
                    "create table "
                        + name
                        + " (like monitor_result including defaults including constraints)")
                .update();
            jdbc.sql(
                    "with moved as (delete from monitor_result_default where at >= '"
                        + from
                        + "' and at < '"
                        + to
                        + "' returning *) insert into "
                        + name
                        + " select * from moved")
                .update();
            jdbc.sql(
                    "alter table monitor_result attach partition "
                        + name
                        + " for values from ('"
                        + from
                        + "') to ('"
                        + to
                        + "')")
                .update();
          });
    }
  }

  /** Hourly rollups of [from, to), recomputed (idempotent). */
  void rollUp(Instant from, Instant to) {
    tx.executeWithoutResult(
        s ->
            jdbc.sql(
                    "insert into monitor_rollup (site_id, vantage_id, hour, probes, failures, slow,"
                        + " dns_ms, connect_ms, tls_ms, ttfb_ms, transfer_ms, total_ms, total_p95)"
                        + " select r.site_id, r.vantage_id, date_trunc('hour', r.at), count(*),"
                        + " count(*) filter (where not r.ok), count(*) filter (where r.judged = 'slow'),"
                        + median("dns_ms")
                        + ","
                        + median("connect_ms")
                        + ","
                        + median("tls_ms")
                        + ","
                        + median("ttfb_ms")
                        + ","
                        + median("transfer_ms")
                        + ","
                        + median("total_ms")
                        + ", percentile_cont(0.95) within group (order by r.total_ms) filter (where r.ok)"
                        + " from monitor_result r join monitor_site s on s.id = r.site_id"
                        + " join monitor_vantage v on v.id = r.vantage_id"
                        + " where r.at >= ? and r.at < ? group by 1, 2, 3"
                        + " on conflict (site_id, vantage_id, hour) do update set probes = excluded.probes,"
                        + " failures = excluded.failures, slow = excluded.slow, dns_ms = excluded.dns_ms,"
                        + " connect_ms = excluded.connect_ms, tls_ms = excluded.tls_ms,"
                        + " ttfb_ms = excluded.ttfb_ms, transfer_ms = excluded.transfer_ms,"
                        + " total_ms = excluded.total_ms, total_p95 = excluded.total_p95")
                .params(Rows.utc(from), Rows.utc(to))
                .update());
  }

  private static String median(String column) {
    return " percentile_cont(0.5) within group (order by r." + column + ") filter (where r.ok)";
  }

  /** Drops raw days past their retention; deletes old rollups and state history. */
  void expire() {
    LocalDate oldestKept =
        LocalDate.now(ZoneOffset.UTC).minusDays(Math.max(1, props.rawRetention().toDays()));
    List<String> parts =
        jdbc.sql(
                "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                    + " where i.inhparent = 'monitor_result'::regclass"
                    + " and c.relname ~ '^monitor_result_[0-9]{8}$'")
            .query(String.class)
            .list();
    for (String p : parts) {
      LocalDate day = LocalDate.parse(p.substring("monitor_result_".length()), DAY);
      if (day.isBefore(oldestKept)) {
        tx.executeWithoutResult(
            s -> {
              if (locked()) {
                jdbc.sql("drop table " + p).update();
              }
            });
      }
    }
    Instant raw = oldestKept.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant rolled = Instant.now().minus(props.rollupRetention());
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("delete from monitor_result_default where at < ?").param(Rows.utc(raw)).update();
          jdbc.sql("delete from monitor_rollup where hour < ?").param(Rows.utc(rolled)).update();
          jdbc.sql("delete from monitor_state_change where at < ?")
              .param(Rows.utc(rolled))
              .update();
        });
  }

  private boolean locked() {
    return jdbc.sql("select pg_try_advisory_xact_lock(?)")
        .param(LOCK)
        .query(Boolean.class)
        .single();
  }
}
