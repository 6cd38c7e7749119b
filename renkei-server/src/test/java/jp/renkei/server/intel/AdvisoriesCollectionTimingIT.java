package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A measurement, not a test of speed (no timing is asserted): what listing the advisories
 * collection over TAXII costs a reader when {@value #CROWD} objects of an advisory it may not see
 * lie there, against the same listing with none there, as the median of pairs (each pair: the crowd
 * moved into the collection and the listing timed, moved out and timed again). Printed as a ratio;
 * docs/benchmarks.md (attack23) records it on main and after V353. In the build it times {@value
 * #DEFAULT_PAIRS} pairs after one to warm up, which is enough to see that listing works with the
 * crowd there and to print a rough ratio; the measurement of record takes 15 pairs after two:
 * {@code -Drenkei.timing.pairs=15} (docs/benchmarks.md, ci25, has the command).
 */
class AdvisoriesCollectionTimingIT extends ServerTest {

  static final int CROWD = 1_000;
  static final int DEFAULT_PAIRS = 3;
  static final int PAIRS = Integer.getInteger("renkei.timing.pairs", DEFAULT_PAIRS);
  static final int WARM_UP = PAIRS >= 15 ? 2 : 1;
  static final String TAXII = "application/taxii+json;version=2.1";
  static final String ADVISORIES = "md5('renkei:collection:advisories')::uuid";

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired IntelService intel;

  private final List<Long> orgs = new ArrayList<>();

  @AfterEach
  void removeWhatWasMade() {
    for (long org : orgs) {
      jdbc.sql("delete from advisory where issuer_org_id = ?").param(org).update();
      jdbc.sql("delete from stix_object where originator_org = ?").param(org).update();
    }
  }

  static long advisory(JdbcClient jdbc, Organisation by, String tlp) {
    return jdbc.sql(
            "with made as (insert into advisory (issuer_org_id, tlp, status, audience_all)"
                + " values (?, ?, 'active', true) returning id) insert into advisory_version"
                + " (advisory_id, version_no, kind, title, body, observables) select id, 1,"
                + " 'initial', '一覧試験', '本文', '[]' from made returning advisory_id")
        .params(by.id(), tlp)
        .query(Long.class)
        .single();
  }

  /** {@code n} domain objects published with {@code advisory}, named &lt;i&gt;.{@code domain}. */
  static List<String> publish(
      IntelService intel,
      long advisory,
      Organisation by,
      UserAccount person,
      String domain,
      int n) {
    List<String> objects = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "domain-name--" + UUID.randomUUID();
      ids.add(id);
      objects.add(
          "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\""
              + id
              + "\",\"value\":\"s"
              + i
              + "."
              + domain
              + "\"}");
    }
    var stored =
        intel.publishAdvisory(
            advisory,
            by.id(),
            person.id(),
            "{\"type\":\"bundle\",\"id\":\"bundle--"
                + UUID.randomUUID()
                + "\",\"objects\":["
                + String.join(",", objects)
                + "]}");
    assertThat(stored.failures()).as(stored.outcomes().toString()).isZero();
    return ids;
  }

  /** The whole collection as the reader lists it, every page followed; nanoseconds taken. */
  static long listAll(Http reader, String collection) {
    long start = System.nanoTime();
    String next = null;
    do {
      HttpResponse<String> r =
          reader.get(
              "/taxii2/api/collections/"
                  + collection
                  + "/objects/?limit=1000"
                  + (next == null ? "" : "&next=" + next),
              "Accept",
              TAXII);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      var m = java.util.regex.Pattern.compile("\"next\":\"([^\"]+)\"").matcher(r.body());
      next =
          m.find()
              ? java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8)
              : null;
    } while (next != null);
    return System.nanoTime() - start;
  }

  @Test
  void listingTheAdvisoriesCollectionWithAThousandHiddenObjectsAgainstNone() {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("finance");
    orgs.add(other.id());
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    UserAccount stranger = fixtures.user(other, Role.ANALYST);
    // what the reader sees there: a CLEAR advisory's objects, besides what the hub holds already
    publish(intel, advisory(jdbc, other, "clear"), other, stranger, "seen.example", 20);
    long hidden = advisory(jdbc, other, "amber");
    publish(intel, hidden, other, stranger, "hidden.example", CROWD);
    String parking = intel.collectionOfOrganisation(other.id()).orElseThrow().id().toString();
    String advisories =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.ADVISORIES)
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    Http reader = http().bearer(fixtures.token(me));
    double[] ratios = new double[PAIRS];
    long[] with = new long[PAIRS];
    long[] without = new long[PAIRS];
    for (int i = -WARM_UP; i < PAIRS; i++) {
      move(hidden, ADVISORIES);
      long a = listAll(reader, advisories);
      move(hidden, "cast('" + parking + "' as uuid)");
      long b = listAll(reader, advisories);
      if (i >= 0) {
        with[i] = a;
        without[i] = b;
        ratios[i] = (double) a / b;
      }
    }
    Arrays.sort(ratios);
    Arrays.sort(with);
    Arrays.sort(without);
    System.out.printf(
        "advisories collection listing, %d hidden vs none: median of %d pairs %.2fx"
            + " (median %.1f ms vs %.1f ms)%n",
        CROWD, PAIRS, ratios[PAIRS / 2], with[PAIRS / 2] / 1e6, without[PAIRS / 2] / 1e6);
  }

  /** The hidden advisory's objects moved into a collection (SQL), tables analysed. */
  private void move(long advisory, String collection) {
    jdbc.sql("update stix_object set collection_id = " + collection + " where source_advisory = ?")
        .param(advisory)
        .update();
    jdbc.sql("vacuum analyze stix_object").update();
  }
}
