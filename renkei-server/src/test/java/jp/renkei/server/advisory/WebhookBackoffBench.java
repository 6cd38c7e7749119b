package jp.renkei.server.advisory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.renkei.server.directory.Role;
import jp.renkei.server.outbound.WebhookLanes;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the durable webhook back-off (V405 {@code webhook_backoff}) costs the outbox's claims: one
 * tick of 200 claims, each building the claim's condition from the held receivers and asking for
 * them again before the hand-over as {@link WebhookLanes#start} does: read from the database on
 * every call (main after harden32), through {@link WebhookLanes#held()} (the read reused up to 1 s,
 * harden33), and from memory (the in-memory back-off of outbound31: the baseline), in the same run
 * on the same database: 2,000 receivers with webhooks, 1,000 of them backing off, 20,000 pending
 * webhook rows (10 per receiver). Each claim's select runs as the outbox's does, in a transaction
 * rolled back so that every round sees the same rows. Not part of the test suite (no timing
 * assertions); run it with
 *
 * <pre>./mvnw -o -pl renkei-server verify -Dit.test=WebhookBackoffBench -Dit.forkCount=1 \
 *     -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dspotless.skip=true
 * </pre>
 *
 * and copy the printed lines into docs/benchmarks.md.
 */
class WebhookBackoffBench extends ServerTest {

  static final int RECEIVERS = 2_000;
  static final int HELD = 1_000;
  static final int ROWS_PER_RECEIVER = 10;
  static final int CLAIMS_PER_TICK = 200;
  static final int ROUNDS = 7;

  static {
    // the senders would deliver the bench rows while we measure: keep them asleep
    System.setProperty(SENDER_POLL_PROPERTY, "1h");
  }

  @Autowired WebhookLanes lanes;
  @Autowired AdvisoryRepository advisories;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  private static final String CLAIM =
      "select id, organisation_id from outbox where status = 'pending' and next_attempt_at <="
          + " now()";
  private static final String ORDER =
      " order by next_attempt_at, id limit 1 for update skip locked";

  @Test
  void durableBackOffAgainstInMemoryOnATickOfClaims() {
    jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code, webhook_url)"
                + " select 'hookbench-' || n, 'フック' || n, 'Hook ' || n, 'operator', 'chemical',"
                + " 'https://hook-' || n || '.bench.example/in' from generate_series(1, ?) n"
                + " on conflict do nothing")
        .param(RECEIVERS)
        .update();
    List<Long> orgs =
        jdbc.sql("select id from organisation where code like 'hookbench-%' order by id")
            .query(Long.class)
            .list();
    var issuer = fixtures.user("nisc", Role.ANALYST);
    long advisory =
        advisories.insert(
            issuer.organisationId(),
            issuer.id(),
            "green",
            false,
            List.of("chemical"),
            List.of(),
            List.of());
    advisories.insertVersion(
        advisory,
        1,
        "initial",
        "ベンチマーク",
        "本文",
        null,
        List.of(),
        List.of(),
        "normal",
        null,
        issuer.id());
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target, purpose,"
                + " round, next_attempt_at) select ?, 1, o.id, 'webhook', o.webhook_url, 'delivery',"
                + " r, now() - interval '1 hour' + (o.id % 600) * interval '1 second'"
                + " from organisation o, generate_series(1, ?) r where o.code like 'hookbench-%'")
        .params(advisory, ROWS_PER_RECEIVER)
        .update();
    // the first half of the receivers (their rows come first in claim order) back off
    jdbc.sql(
            "insert into webhook_backoff (organisation_id, target, failures, held_until)"
                + " select id, webhook_url, 3, now() + interval '1 hour' from organisation"
                + " where code like 'hookbench-%' order by id limit ?"
                + " on conflict (organisation_id) do update set held_until = excluded.held_until")
        .param(HELD)
        .update();
    jdbc.sql("analyze outbox").update();
    jdbc.sql("analyze webhook_backoff").update();
    Set<Long> inMemory = new HashSet<>(lanes.held());
    System.out.printf(
        "BENCH webhook back-off: %d receivers, %d held, %d pending webhook rows; %d claims a tick%n",
        orgs.size(), inMemory.size(), orgs.size() * ROWS_PER_RECEIVER, CLAIMS_PER_TICK);

    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    String[] names = {
      "read per claim (main: webhook_backoff read for each claim and each start)",
      "WebhookLanes now (the read reused for up to 1 s)",
      "in-memory baseline (the held set from the JVM, outbound31)"
    };
    List<List<double[]>> results = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int round = 0; round < ROUNDS + 1; round++) {
      for (int k = 0; k < 3; k++) {
        int variant = (round + k) % 3; // each goes first in turn
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long claimed = 0;
        for (int i = 0; i < CLAIMS_PER_TICK; i++) {
          claimed +=
              tx.execute(
                  s -> {
                    Set<Long> held =
                        switch (variant) {
                          case 0 -> readBackOff();
                          case 1 -> lanes.held();
                          default -> inMemory;
                        };
                    List<Long> row =
                        jdbc.sql(CLAIM + condition(held) + ORDER)
                            .query((rs, n) -> rs.getLong(2))
                            .list();
                    // start(): the held receivers asked once more before the hand-over
                    if (!row.isEmpty()) {
                      Set<Long> again =
                          switch (variant) {
                            case 0 -> readBackOff();
                            case 1 -> lanes.held();
                            default -> inMemory;
                          };
                      if (again.contains(row.get(0))) {
                        throw new IllegalStateException("a held receiver's row was claimed");
                      }
                    }
                    s.setRollbackOnly();
                    return (long) row.size();
                  });
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        double used = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        if (claimed != CLAIMS_PER_TICK) {
          throw new IllegalStateException("claimed " + claimed);
        }
        if (round > 0) { // the first round warms up
          results.get(variant).add(new double[] {wall, used});
        }
      }
    }
    double baseWall = median(results.get(2), 0);
    double baseCpu = median(results.get(2), 1);
    for (int v = 0; v < 3; v++) {
      double w = median(results.get(v), 0);
      double c = median(results.get(v), 1);
      System.out.printf(
          "BENCH %s: tick of %d claims, median wall %.1f ms (x%.2f of in-memory), JVM CPU %.1f ms"
              + " (x%.2f)%n",
          names[v], CLAIMS_PER_TICK, w, w / baseWall, c, c / baseCpu);
    }
    for (int r = 0; r < ROUNDS; r++) {
      System.out.printf(
          "BENCH round %d wall ms: read per claim %.1f, now %.1f, in-memory %.1f%n",
          r + 1, results.get(0).get(r)[0], results.get(1).get(r)[0], results.get(2).get(r)[0]);
    }
    jdbc.sql(
            "delete from webhook_backoff where organisation_id in (select id from organisation where code like 'hookbench-%')")
        .update();
    jdbc.sql("delete from outbox where advisory_id = ?").param(advisory).update();
  }

  /** The held receivers as main read them: from the database on every call. */
  private Set<Long> readBackOff() {
    return new HashSet<>(
        jdbc.sql(
                "select b.organisation_id from webhook_backoff b"
                    + " join organisation o on o.id = b.organisation_id"
                    + " where b.held_until > now() and o.webhook_url = b.target")
            .query(Long.class)
            .list());
  }

  private static String condition(Set<Long> held) {
    if (held.isEmpty()) {
      return "";
    }
    StringBuilder in = new StringBuilder();
    for (long id : held) {
      in.append(in.isEmpty() ? "" : ",").append(id);
    }
    return " and (channel <> 'webhook' or organisation_id not in (" + in + "))";
  }

  private static double median(List<double[]> xs, int k) {
    List<Double> v = new ArrayList<>();
    for (double[] x : xs) {
      v.add(x[k]);
    }
    Collections.sort(v);
    return v.get(v.size() / 2);
  }
}
