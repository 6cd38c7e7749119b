package jp.renkei.server.intel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What judging the stored identities costs on a store of realistic size (docs/benchmarks.md,
 * identity29): {@code bench.identities} identities stored by {@code bench.storers} organisations,
 * one in a hundred named as another organisation (half its whole name, half a unit of it), and
 * {@code bench.objects} indicators each naming one of the identities as {@code created_by_ref} (a
 * tenth also in an {@code x_opencti_created_by_ref}), written straight into {@code stix_object}.
 * Each round times the start-up judging ({@link StoredIdentityNames#misnamed}, what {@code
 * ApplicationReadyEvent} runs), and the platform admins' list ({@link MisnamedIdentities#list}: the
 * judging, then one pass over the objects counting references), printing wall seconds and the JVM
 * thread's CPU seconds (PostgreSQL's own time is in the wall figure only). Not part of the test
 * run; run it with
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dspotless.skip=true -Djacoco.skip=true -Dit.test=MisnamedIdentitiesBench \
 *     -Dbench.identities=30000 -Dbench.objects=60000 -Dbench.storers=40 -Dbench.rounds=3
 * </pre>
 *
 * It asserts nothing about time.
 */
class MisnamedIdentitiesBench extends ServerTest {

  static final int IDENTITIES = Integer.getInteger("bench.identities", 30000);
  static final int OBJECTS = Integer.getInteger("bench.objects", 60000);
  static final int STORERS = Integer.getInteger("bench.storers", 40);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  @Autowired StoredIdentityNames stored;
  @Autowired MisnamedIdentities misnamed;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  @Test
  void judgingTheStore() {
    seed();
    for (int r = 1; r <= ROUNDS; r++) {
      time("round " + r + " start-up judging (misnamed)", () -> stored.misnamed().size());
      time(
          "round " + r + " admins' list (judging + references)",
          () -> {
            List<MisnamedIdentities.Flagged> l = misnamed.list(Actor.cli());
            return l.size()
                + " flagged, refs "
                + l.stream().mapToLong(MisnamedIdentities.Flagged::createdBy).sum();
          });
    }
  }

  /** Writes the bench's store (see the class comment). */
  private void seed() {
    List<Organisation> storers = new ArrayList<>();
    for (int i = 0; i < STORERS; i++) {
      storers.add(fixtures.operator(i % 2 == 0 ? "gas" : "finance"));
    }
    UUID gas = StoredRows.sectorCollection(intel, "gas");
    long seeded = System.nanoTime();
    // identity i: stored by storers[i % n]; every hundredth named as storers[(i + 1) % n]
    List<String> ids = new ArrayList<>(IDENTITIES);
    for (int i = 0; i < IDENTITIES; i++) {
      Organisation by = storers.get(i % STORERS);
      Organisation other = storers.get((i + 1) % STORERS);
      String name =
          i % 100 == 0
              ? other.nameEn()
              : i % 100 == 50 ? other.nameJa() + " SOC" : "Vendor response team " + i;
      ids.add(StoredRows.identity(jdbc, gas, by, name, i % 3 == 0 ? null : "organization"));
    }
    for (int i = 0; i < OBJECTS; i++) {
      String author = ids.get((i * 7) % IDENTITIES);
      Organisation by = storers.get(((i * 7) % IDENTITIES) % STORERS);
      StoredRows.object(
          jdbc,
          gas,
          by,
          "indicator",
          ",\"created_by_ref\":\""
              + author
              + "\""
              + (i % 10 == 0 ? ",\"x_opencti_created_by_ref\":\"" + author + "\"" : "")
              + ",\"pattern\":\"[domain-name:value = 'h"
              + i
              + ".example']\",\"pattern_type\":\"stix\",\"valid_from\":\"2025-06-01T00:00:00Z\"",
          false);
    }
    System.out.printf(
        "BENCH seeded %d identities, %d objects, %d storers in %.1f s%n",
        IDENTITIES, OBJECTS, STORERS, (System.nanoTime() - seeded) / 1e9);
    jdbc.sql("analyze stix_object").update();
  }

  /**
   * identity30: the reference pass ({@link MisnamedIdentities#references}, one jsonb pass over
   * every object that mentions an identity) against the cheaper query an index allows for its main
   * part, the {@code created_by_ref} count read from the column {@code stix_object.created_by_ref}
   * (V8) through an index on it, in the same run and interleaved. Run with {@code
   * -Dit.test=MisnamedIdentitiesBench#referencePassAgainstAnIndex}; it asserts nothing about time.
   */
  @Test
  void referencePassAgainstAnIndex() {
    seed();
    List<StoredIdentityNames.Named> found = stored.named();
    String[] flagged = found.stream().map(n -> n.misnamed().stixId()).toArray(String[]::new);
    // the rows were written straight into stix_object: fill the column as ingest does
    jdbc.sql(
            "update stix_object set created_by_ref = body::jsonb ->> 'created_by_ref'"
                + " where created_by_ref is null and strpos(body, '\"created_by_ref\"') > 0")
        .update();
    jdbc.sql(
            "create index if not exists bench_created_by_ref on stix_object (created_by_ref)"
                + " where created_by_ref is not null")
        .update();
    jdbc.sql("analyze stix_object").update();
    for (int r = 1; r <= ROUNDS; r++) {
      time("round " + r + " start-up judging (misnamed)", () -> stored.misnamed().size());
      time(
          "round " + r + " reference pass (today, no index)",
          () -> {
            Map<String, long[]> c = misnamed.references(found);
            return c.values().stream().mapToLong(x -> x[0]).sum() + " created_by_ref";
          });
      time(
          "round " + r + " created_by_ref from the column, with an index",
          () ->
              jdbc.sql(
                          "select count(distinct stix_id) from stix_object where not revoked"
                              + " and created_by_ref = any(?)")
                      .param(flagged)
                      .query(Long.class)
                      .single()
                  + " created_by_ref");
    }
    jdbc.sql("drop index bench_created_by_ref").update();
  }

  private static void time(String what, Supplier<Object> work) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu = mx.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    Object out = work.get();
    System.out.printf(
        "BENCH %s: %s; wall %.2f s, JVM thread CPU %.2f s%n",
        what, out, (System.nanoTime() - wall) / 1e9, (mx.getCurrentThreadCpuTime() - cpu) / 1e9);
  }
}
