package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fan-out of one advisory to 10,000 recipient organisations (each with a duty e-mail address): all
 * inbox rows written and all e-mails queued, in one transaction. Compares Renkei's set-based
 * fan-out with a naive baseline that inserts one row per recipient, in the same run on the same
 * database. Not part of the test suite (no timing assertions); run it with
 *
 * <pre>./mvnw -q -pl renkei-server -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=FanOutBenchmark</pre>
 *
 * and copy the printed table into docs/benchmarks.md.
 */
class FanOutBenchmark extends ServerTest {

  static final int RECIPIENTS = 10_000;
  static final int ROUNDS = 5;

  static {
    // the outbox sender would mail the bench addresses while we measure: keep it asleep
    System.setProperty(SENDER_POLL_PROPERTY, "1h");
  }

  @Autowired AdvisoryRepository advisories;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void setBasedFanOutAgainstOneInsertPerRecipient() {
    jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code, duty_email)"
                + " select 'bench-' || n, 'ベンチ事業者' || n, 'Bench operator ' || n, 'operator', 'chemical',"
                + " 'duty-' || n || '@bench.example' from generate_series(1, ?) n on conflict do nothing")
        .param(RECIPIENTS)
        .update();
    var issuer = fixtures.user("nisc", Role.ANALYST);
    long issuerOrg = issuer.organisationId();
    // the audience: every chemical operator (the 10,000 plus the demo's own)
    List<Long> setBased = new ArrayList<>();
    List<Long> naive = new ArrayList<>();
    int recipients = 0;
    for (int round = 0; round < ROUNDS + 1; round++) {
      long a = advisory(issuerOrg, issuer.id());
      long t0 = System.nanoTime();
      tx.executeWithoutResult(
          s -> {
            AdvisoryRepository.Advisory adv = advisories.advisory(a).orElseThrow();
            advisories.fanOutRecipients(adv, 1, Instant.now(), java.util.Set.of());
            advisories.queueDeliveries(a, 1, "delivery", 0, false);
          });
      long setNanos = System.nanoTime() - t0;
      long b = advisory(issuerOrg, issuer.id());
      long t1 = System.nanoTime();
      tx.executeWithoutResult(s -> naiveFanOut(b, issuerOrg));
      long naiveNanos = System.nanoTime() - t1;
      int ra = count("advisory_recipient", a);
      int rb = count("advisory_recipient", b);
      assertThat(ra).isEqualTo(rb).isGreaterThanOrEqualTo(RECIPIENTS);
      assertThat(count("outbox", a)).isEqualTo(count("outbox", b)).isEqualTo(RECIPIENTS);
      recipients = ra;
      if (round > 0) { // the first round warms up the JIT and PostgreSQL's caches
        setBased.add(setNanos);
        naive.add(naiveNanos);
      }
    }
    long s = median(setBased);
    long n = median(naive);
    int queued =
        jdbc.sql("select count(*) from outbox where advisory_id = (select max(id) from advisory)")
            .query(Integer.class)
            .single();
    System.out.printf(
        "%nFAN-OUT BENCHMARK: %d recipients, %d e-mails queued, median of %d rounds%n",
        recipients, queued, ROUNDS);
    System.out.printf("| method | median ms | rounds (ms) |%n|---|---|---|%n");
    System.out.printf("| set-based (Renkei) | %d | %s |%n", s / 1_000_000, ms(setBased));
    System.out.printf(
        "| one insert per recipient (baseline) | %d | %s |%n", n / 1_000_000, ms(naive));
    System.out.printf("ratio baseline / set-based: %.1fx%n%n", (double) n / s);
    System.out.printf(
        "outbox rows sent during the run (should be 0): %d%n",
        jdbc.sql("select count(*) from outbox where status <> 'pending'")
            .query(Integer.class)
            .single());
  }

  private void naiveFanOut(long advisoryId, long issuerOrg) {
    List<Object[]> orgs =
        jdbc.sql(
                "select id, type_code, duty_email from organisation where active and id <> ?"
                    + " and (sector_code = 'chemical' or (type_code = 'ministry' and ministry_code in"
                    + " (select ministry_code from sector where code = 'chemical')))")
            .param(issuerOrg)
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
            .list();
    var now = Instant.now().atOffset(ZoneOffset.UTC);
    for (Object[] o : orgs) {
      jdbc.sql(
              "insert into advisory_recipient (advisory_id, organisation_id, level, delivered_at, version_no)"
                  + " values (?,?,?,?,1)")
          .params(advisoryId, o[0], level((String) o[1]), now)
          .update();
      if (o[2] != null) {
        jdbc.sql(
                "insert into outbox (advisory_id, version_no, organisation_id, channel, target, purpose)"
                    + " values (?,1,?,'email',?,'delivery')")
            .params(advisoryId, o[0], o[2])
            .update();
      }
    }
  }

  private static String level(String type) {
    return switch (type) {
      case "ministry", "ceptoar", "operator" -> type;
      default -> "other";
    };
  }

  private long advisory(long issuerOrg, long issuerUser) {
    long id =
        advisories.insert(
            issuerOrg, issuerUser, "amber", false, List.of("chemical"), List.of(), List.of());
    advisories.insertVersion(
        id, 1, "initial", "ベンチマーク", "本文", null, List.of(), List.of(), "normal", null, issuerUser);
    return id;
  }

  private int count(String table, long advisoryId) {
    return jdbc.sql("select count(*) from " + table + " where advisory_id = ?")
        .param(advisoryId)
        .query(Integer.class)
        .single();
  }

  private static long median(List<Long> xs) {
    List<Long> sorted = new ArrayList<>(xs);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static String ms(List<Long> xs) {
    return String.join(", ", xs.stream().map(x -> String.valueOf(x / 1_000_000)).toList());
  }
}
