package jp.renkei.server.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.ObjectQuery;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.sharing.SharingGate;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingest and serving benchmark of the STIX store and TAXII server (docs/benchmarks.md). Not part of
 * the test run (its name matches neither *Test nor *IT); run it with
 *
 * <pre>
 * ./mvnw -q -pl renkei-server verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=TaxiiBench -Dbench.objects=1000000
 * </pre>
 *
 * It prints its numbers; it asserts nothing about time.
 */
class TaxiiBench extends ServerTest {

  static final int OBJECTS = Integer.getInteger("bench.objects", 1_000_000);
  static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  static final String TAXII = "application/taxii+json;version=2.1";
  static final java.util.regex.Pattern NEXT =
      java.util.regex.Pattern.compile("^\\{\"more\":true,\"next\":\"([^\"]+)\"");

  @Autowired Fixtures fixtures;
  @Autowired IntelService intel;
  @Autowired SharingGate gate;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void ingestAndServe() throws Exception {
    Organisation publisher = fixtures.operator("electricity");
    Organisation readerOrg = fixtures.operator("electricity");
    UserAccount analyst = fixtures.user(publisher, Role.ANALYST);
    UserAccount reader = fixtures.user(readerOrg, Role.MEMBER);
    Actor publisherActor = fixtures.actor(analyst);
    Actor readerActor = fixtures.actor(reader);
    StixCollection c =
        intel.allCollections().stream()
            .filter(x -> "electricity".equals(x.sectorCode()))
            .findFirst()
            .orElseThrow();

    // ---- ingest: ATT&CK (real), then N generated indicators, through the full path ----------
    Path attack = Path.of("../../shared/data/attack").toAbsolutePath().normalize();
    if (Files.isDirectory(attack)) {
      StixCollection own = intel.collectionOfOrganisation(publisher.id()).orElseThrow();
      long t0 = System.nanoTime();
      int n = 0;
      for (String f : List.of("ics-attack.json", "mobile-attack-17.1.json")) {
        try (InputStream in = Files.newInputStream(attack.resolve(f))) {
          n +=
              intel.ingest(publisherActor, own, publisher.id(), Tlp.GREEN, in, x -> {}).successes();
        }
      }
      report("ingest ATT&CK ICS+Mobile: %d objects in %.2f s", n, secs(t0));
    }
    long t0 = System.nanoTime();
    IntelService.Ingest ingest =
        intel.ingest(publisherActor, c, publisher.id(), null, generated(OBJECTS), x -> {});
    double s = secs(t0);
    report(
        "ingest generated: %d indicators (1 in 3 TLP:RED) in %.1f s = %.0f objects/s, %d refused",
        ingest.successes(), s, ingest.successes() / s, ingest.failures());
    report(
        "storage: %s for stix_object, %s for stix_observable",
        jdbc.sql("select pg_size_pretty(pg_total_relation_size('stix_object'))")
            .query(String.class)
            .single(),
        jdbc.sql("select pg_size_pretty(pg_total_relation_size('stix_observable'))")
            .query(String.class)
            .single());

    // ---- serving: pages of 1000 for a filtered reader (a third of the rows are hidden) -------
    ObjectQuery q =
        new ObjectQuery(null, null, List.of(), List.of(), ObjectQuery.Versions.LAST, List.of());
    int pages = Math.min(200, OBJECTS * 2 / 3 / 1000);
    // warm up both paths
    walk(readerActor, c, q, 5);
    naive(readerActor, c, 2);
    long t1 = System.nanoTime();
    List<Long> cursors = walk(readerActor, c, q, pages);
    double ours = pages / secs(t1);
    int naivePages = Math.max(3, pages / 20);
    long t2 = System.nanoTime();
    naive(readerActor, c, naivePages);
    double naive = naivePages / secs(t2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long t5 = System.nanoTime();
    List<Future<List<Long>>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> walk(readerActor, c, q, pages)));
    }
    for (Future<List<Long>> f : runs) {
      f.get();
    }
    double oursTwo = 2 * pages / secs(t5);
    pool.shutdown();
    report("service pages of 1000, two threads: %.0f pages/s", oursTwo);
    report(
        "service pages of 1000 for a filtered reader: %.0f pages/s (%.1f ms/page); naive (one query"
            + " per object): %.1f pages/s (%.0f ms/page); ratio %.0fx",
        ours, 1000 / ours, naive, 1000 / naive, ours / naive);

    if (Boolean.getBoolean("bench.explain")) {
      jdbc.sql(
              "explain (analyze, buffers) select seq, stix_id, type, spec_version, version, date_added, tlp, originator_org, originator_person, body from stix_object o where o.collection_id = ? and o.seq > 5000 and (o.originator_org = ? or o.originator_person = ? or o.tlp in ('GREEN','CLEAR')) and (not o.multi_version or not exists (select 1 from stix_object n where n.collection_id = o.collection_id and n.stix_id = o.stix_id and n.version > o.version and (n.originator_org = ? or n.originator_person = ? or n.tlp in ('GREEN','CLEAR')))) order by o.seq limit 1001")
          .params(c.id(), readerOrg.id(), reader.id(), readerOrg.id(), reader.id())
          .query(String.class)
          .list()
          .forEach(l -> System.out.println("PLAN " + l));
    }
    if (Boolean.getBoolean("bench.detail")) {
      long d0 = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        gate.check(readerActor);
      }
      report("detail: gate.check %.2f ms", secs(d0) * 1000 / 50);
      String sql =
          "select seq, stix_id, type, spec_version, version, date_added, tlp, originator_org, originator_person, body from stix_object o where o.collection_id = ? and o.seq > 5000 and (o.originator_org = ? or o.originator_person = ? or o.tlp in ('GREEN','CLEAR')) order by o.seq limit 1001";
      for (int round = 0; round < 2; round++) {
        long d1 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
          jdbc.sql(sql)
              .params(c.id(), readerOrg.id(), reader.id())
              .query((rs, n) -> rs.getString("body"))
              .list();
        }
        report("detail: raw page query with bodies %.2f ms", secs(d1) * 1000 / 50);
        long d2 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
          jdbc.sql(sql.replace("body from", "null as body from"))
              .params(c.id(), readerOrg.id(), reader.id())
              .query((rs, n) -> rs.getString("body"))
              .list();
        }
        report("detail: raw page query without bodies %.2f ms", secs(d2) * 1000 / 50);
      }
    }
    // HTTP: the TAXII endpoint as a client sees it, one client and two in parallel
    String token = fixtures.token(reader);
    String first =
        "http://127.0.0.1:" + port + "/taxii2/api/collections/" + c.id() + "/objects/?limit=1000";
    httpWalk(token, first, 5);
    long t3 = System.nanoTime();
    List<Double> latencies = httpWalk(token, first, pages);
    double oneClient = pages / secs(t3);
    Collections.sort(latencies);
    ExecutorService two = Executors.newFixedThreadPool(2);
    long t4 = System.nanoTime();
    List<Future<List<Double>>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(two.submit(() -> httpWalk(token, first, pages)));
    }
    for (Future<List<Double>> f : both) {
      f.get();
    }
    double twoClients = 2 * pages / secs(t4);
    two.shutdown();
    report(
        "TAXII HTTP pages of 1000 (%d pages): p50 %.1f ms, p95 %.1f ms; %.0f pages/s with one client,"
            + " %.0f pages/s with two",
        pages,
        latencies.get(latencies.size() / 2),
        latencies.get(latencies.size() * 95 / 100),
        oneClient,
        twoClients);
    report(
        "(cursor after %d service pages: seq %d)", cursors.size(), cursors.get(cursors.size() - 1));
  }

  List<Long> walk(Actor actor, StixCollection c, ObjectQuery q, int pages) {
    List<Long> cursors = new ArrayList<>();
    long cursor = 0;
    for (int i = 0; i < pages; i++) {
      IntelService.Page p = intel.page(actor, c, q, cursor, 1000, true);
      cursor = p.lastSeq();
      cursors.add(cursor);
      if (!p.more()) {
        break;
      }
    }
    return cursors;
  }

  /** The naive way: list the rows' keys, then one query per object, then the policy per object. */
  void naive(Actor actor, StixCollection c, int pages) {
    SharingGate.Check check = gate.check(actor);
    long cursor = 0;
    for (int i = 0; i < pages; i++) {
      int got = 0;
      while (got < 1000) {
        List<Long> seqs =
            jdbc.sql(
                    "select seq from stix_object where collection_id = ? and seq > ? order by seq limit 1000")
                .params(c.id(), cursor)
                .query(Long.class)
                .list();
        if (seqs.isEmpty()) {
          return;
        }
        for (Long seq : seqs) {
          cursor = seq;
          var row =
              jdbc.sql(
                      "select tlp, originator_org, originator_person, body from stix_object where seq = ?")
                  .param(seq)
                  .query()
                  .singleRow();
          Audience a =
              Audience.of(
                      Marking.tlp(Tlp.valueOf((String) row.get("tlp"))),
                      (Long) row.get("originator_org"),
                      (Long) row.get("originator_person"))
                  .withScope(Set.of(c.sectorCode()), Set.of());
          if (check.allows(a) && ++got == 1000) {
            break;
          }
        }
      }
    }
  }

  List<Double> httpWalk(String token, String first, int pages) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<Double> ms = new ArrayList<>();
    String url = first;
    for (int i = 0; i < pages && url != null; i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", TAXII)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      // the envelope starts {"more":..,"next":"..": read only that, so the client's decoding
      // and JSON parsing do not take the CPU the server is measured on
      String start =
          new String(
              r.body(), 0, Math.min(200, r.body().length), java.nio.charset.StandardCharsets.UTF_8);
      var m = NEXT.matcher(start);
      ms.add((System.nanoTime() - t) / 1e6);
      if (r.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + start);
      }
      url = m.find() ? first + "&next=" + m.group(1) : null;
    }
    return ms;
  }

  /** N indicators as a bundle, generated while read (never held in memory). */
  static InputStream generated(int n) {
    Enumeration<InputStream> parts =
        new Enumeration<>() {
          int i = -1;

          @Override
          public boolean hasMoreElements() {
            return i <= n;
          }

          @Override
          public InputStream nextElement() {
            String s;
            if (i == -1) {
              s = "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[";
            } else if (i == n) {
              s = "]}";
            } else {
              s = (i == 0 ? "" : ",") + indicator(i);
            }
            i++;
            return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
          }
        };
    return new SequenceInputStream(parts);
  }

  static String indicator(int i) {
    String value =
        switch (i % 3) {
          case 0 -> "[domain-name:value = 'c2-" + i + ".example.net']";
          case 1 ->
              "[ipv4-addr:value = '"
                  + (11 + i % 200)
                  + "."
                  + (i >> 16 & 255)
                  + "."
                  + (i >> 8 & 255)
                  + "."
                  + (i & 255)
                  + "']";
          default -> "[url:value = 'http://dl-" + i + ".example.org/a/payload.bin']";
        };
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--"
        + new UUID(0x5a5a5a5a5a5a4a5aL, 0x8000000000000000L | i)
        + "\",\"created\":\"2026-03-01T00:00:00.000Z\",\"modified\":\"2026-03-01T00:00:00.000Z\","
        + "\"name\":\"generated "
        + i
        + "\",\"indicator_types\":[\"malicious-activity\"],"
        + "\"pattern_type\":\"stix\",\"pattern\":\""
        + value
        + "\","
        + "\"valid_from\":\"2026-03-01T00:00:00Z\",\"object_marking_refs\":[\""
        + (i % 3 == 2 ? RED : GREEN)
        + "\"]}";
  }

  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static void report(String format, Object... args) {
    System.out.println("BENCH " + String.format(format, args));
  }
}
