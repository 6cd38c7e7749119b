package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.audit.Actor;
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
 * Listing the advisories collection (TAXII objects and manifest, bundle export, the object browser:
 * all IntelService#page) must neither read the objects of advisories the reader may not see nor
 * answer differently because they are there: every organisation reads that collection, and before
 * V353 each hidden object was read and refused by the policy one by one, so a listing cost time in
 * proportion to them (AdvisoriesCollectionTimingIT measures it). Here: the rows handed to the
 * policy, and every answer (objects, pages, "more", "next", the date headers), with a thousand
 * hidden objects and with none; and the keys following an advisory's audience as it changes.
 */
class AdvisoriesCollectionCrowdIT extends ServerTest {

  static final int CROWD = 1_000;

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

  private StixCollection advisories() {
    return intel.allCollections().stream()
        .filter(c -> c.kind() == StixCollection.Kind.ADVISORIES)
        .findFirst()
        .orElseThrow();
  }

  /** Rows the policy was handed for the whole collection listed as one bundle, and the bundle. */
  private record Listed(long judged, String bundle) {}

  private Listed bundle(Actor reader) throws Exception {
    long before = intel.rowsJudged();
    var out = new java.io.ByteArrayOutputStream();
    intel.writeBundle(reader, advisories(), ObjectQuery.everything(), out);
    return new Listed(
        intel.rowsJudged() - before,
        out.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("bundle--[0-9a-f-]+", ""));
  }

  /** What a TAXII answer shows, its {@code next} token (sealed afresh each time) left out. */
  private static String shown(HttpResponse<String> r) {
    return r.statusCode()
        + " "
        + r.headers().firstValue("X-TAXII-Date-Added-First").orElse("-")
        + " "
        + r.headers().firstValue("X-TAXII-Date-Added-Last").orElse("-")
        + " "
        + r.body().replaceAll("\"next\":\"[^\"]+\"", "\"next\":\"N\"");
  }

  /** Every TAXII answer compared, each listing followed page by page to its end. */
  private List<String> answers(Http reader, String collection) {
    List<String> out = new ArrayList<>();
    for (String q :
        List.of(
            "objects/?limit=7",
            "manifest/?limit=7",
            "objects/?match[type]=domain-name&limit=5",
            "manifest/?match[type]=domain-name&match[version]=last&limit=5",
            "objects/?match[version]=first&limit=9")) {
      String next = null;
      int pages = 0;
      do {
        HttpResponse<String> r =
            reader.get(
                "/taxii2/api/collections/"
                    + collection
                    + "/"
                    + q
                    + (next == null ? "" : "&next=" + next),
                "Accept",
                AdvisoriesCollectionTimingIT.TAXII);
        out.add(q + " page " + pages++ + ": " + shown(r));
        var m = java.util.regex.Pattern.compile("\"next\":\"([^\"]+)\"").matcher(r.body());
        next =
            m.find()
                ? java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8)
                : null;
      } while (next != null && pages < 400);
    }
    return out;
  }

  private void move(long advisory, String collection) {
    jdbc.sql("update stix_object set collection_id = " + collection + " where source_advisory = ?")
        .param(advisory)
        .update();
    jdbc.sql("analyze stix_object").update();
  }

  private void moveAll(List<Long> advisories, String collection) {
    jdbc.sql(
            "update stix_object set collection_id = "
                + collection
                + " where source_advisory = any(cast(? as bigint[]))")
        .param(advisories.toArray(Long[]::new))
        .update();
    jdbc.sql("analyze stix_object").update();
  }

  @Test
  void aThousandHiddenObjectsAreNeverReadAndChangeNoAnswer() throws Exception {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("finance");
    orgs.add(other.id());
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    UserAccount stranger = fixtures.user(other, Role.ANALYST);
    Actor viewer = fixtures.actor(me);
    AdvisoriesCollectionTimingIT.publish(
        intel,
        AdvisoriesCollectionTimingIT.advisory(jdbc, other, "clear"),
        other,
        stranger,
        "seen.example",
        12);
    long hidden = AdvisoriesCollectionTimingIT.advisory(jdbc, other, "amber");
    AdvisoriesCollectionTimingIT.publish(intel, hidden, other, stranger, "hidden.example", CROWD);
    String parking =
        "cast('" + intel.collectionOfOrganisation(other.id()).orElseThrow().id() + "' as uuid)";
    Http reader = http().bearer(fixtures.token(me));
    String collection = advisories().id().toString();

    move(hidden, parking);
    Listed none = bundle(viewer);
    List<String> quiet = answers(reader, collection);
    move(hidden, AdvisoriesCollectionTimingIT.ADVISORIES);
    Listed crowd = bundle(viewer);
    List<String> crowded = answers(reader, collection);

    assertThat(crowd.bundle()).isEqualTo(none.bundle()).contains("seen.example");
    assertThat(crowd.bundle()).doesNotContain("hidden.example");
    assertThat(crowded).isEqualTo(quiet);
    // not one hidden object was read: the policy was handed as many rows either way
    assertThat(crowd.judged()).isEqualTo(none.judged());
    // the crowd is real: its issuer lists it
    assertThat(bundle(fixtures.actor(stranger)).bundle()).contains("s999.hidden.example");
  }

  private long shownOf(Actor viewer, List<String> ids) {
    var q = new ObjectQuery(null, null, ids, List.of(), ObjectQuery.Versions.ALL, List.of());
    return intel.page(viewer, advisories(), q, 0, 1000, false).objects().size();
  }

  @Test
  void anAdvisorysObjectsAreReadExactlyWhileItsAudienceHoldsTheReader() {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("finance");
    orgs.add(other.id());
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    UserAccount stranger = fixtures.user(other, Role.ANALYST);
    Actor viewer = fixtures.actor(me);
    long a = AdvisoriesCollectionTimingIT.advisory(jdbc, other, "amber");
    List<String> ids =
        AdvisoriesCollectionTimingIT.publish(intel, a, other, stranger, "keys.example", 3);
    long judged = intel.rowsJudged();
    assertThat(shownOf(viewer, ids)).isZero();
    assertThat(intel.rowsJudged()).as("hidden objects read").isEqualTo(judged);
    assertThat(shownOf(fixtures.actor(stranger), ids)).isEqualTo(3);

    // a recipient: the reader's organisation
    jdbc.sql(
            "insert into advisory_recipient (advisory_id, organisation_id, level, delivered_at,"
                + " version_no) values (?, ?, 'operator', now(), 1)")
        .params(a, mine.id())
        .update();
    assertThat(shownOf(viewer, ids)).isEqualTo(3);
    // published while the reader is a recipient
    ids = new ArrayList<>(ids);
    ids.addAll(AdvisoriesCollectionTimingIT.publish(intel, a, other, stranger, "keys.example", 1));
    assertThat(shownOf(viewer, ids)).isEqualTo(4);
    jdbc.sql("delete from advisory_recipient where advisory_id = ?").param(a).update();
    assertThat(shownOf(viewer, ids)).isZero();

    // the marking
    jdbc.sql("update advisory set tlp = 'clear' where id = ?").param(a).update();
    assertThat(shownOf(viewer, ids)).isEqualTo(4);
    jdbc.sql("update advisory set tlp = 'green', audience_all = true where id = ?")
        .param(a)
        .update();
    assertThat(shownOf(viewer, ids)).isEqualTo(4);
    jdbc.sql(
            "update advisory set audience_all = false, audience_sectors = '{railway}' where id = ?")
        .param(a)
        .update();
    assertThat(shownOf(viewer, ids)).isZero();
    jdbc.sql("update advisory set audience_sectors = '{gas}' where id = ?").param(a).update();
    assertThat(shownOf(viewer, ids)).isEqualTo(4);
    jdbc.sql("update advisory set tlp = 'amber' where id = ?").param(a).update();
    assertThat(shownOf(viewer, ids)).isZero();

    // an object moved out of the collection leaves its keys behind it, and back in takes them
    move(
        a, "cast('" + intel.collectionOfOrganisation(other.id()).orElseThrow().id() + "' as uuid)");
    assertThat(
            jdbc.sql(
                    "select count(*) from stix_reach x join stix_object o on o.seq = x.seq"
                        + " where o.source_advisory = ?")
                .param(a)
                .query(Long.class)
                .single())
        .isZero();
    move(a, AdvisoriesCollectionTimingIT.ADVISORIES);
    assertThat(shownOf(fixtures.actor(stranger), ids)).isEqualTo(4);
    assertThat(shownOf(viewer, ids)).isZero();
  }

  private static String identity(String id, int version) {
    return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\""
        + java.time.Instant.parse("2026-01-01T00:00:00Z")
            .plusSeconds(version)
            .toString()
            .replace("Z", ".000Z")
        + "\",\"name\":\"version "
        + version
        + "\",\"identity_class\":\"organization\"}";
  }

  private void publishOne(long advisory, Organisation by, UserAccount person, String object) {
    var stored =
        intel.publishAdvisory(
            advisory,
            by.id(),
            person.id(),
            "{\"type\":\"bundle\",\"id\":\"bundle--"
                + java.util.UUID.randomUUID()
                + "\",\"objects\":["
                + object
                + "]}");
    assertThat(stored.failures()).as(stored.outcomes().toString()).isZero();
  }

  /**
   * An issuer's identity is in every advisory it publishes, under one id: "last" and "first" are
   * chosen among the versions the reader may see, and the versions of advisories hidden from it are
   * never read for that either (nor do they change which version it is shown).
   */
  @Test
  void versionsOfOneIdInHiddenAdvisoriesAreNeverRead() throws Exception {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("finance");
    orgs.add(other.id());
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    UserAccount stranger = fixtures.user(other, Role.ANALYST);
    Actor viewer = fixtures.actor(me);
    String id = "identity--" + java.util.UUID.randomUUID();
    publishOne(
        AdvisoriesCollectionTimingIT.advisory(jdbc, other, "clear"),
        other,
        stranger,
        identity(id, 1));
    List<Long> hidden = new ArrayList<>();
    for (int i = 2; i <= 201; i++) {
      long a = AdvisoriesCollectionTimingIT.advisory(jdbc, other, "amber");
      hidden.add(a);
      publishOne(a, other, stranger, identity(id, i));
    }
    String parking =
        "cast('" + intel.collectionOfOrganisation(other.id()).orElseThrow().id() + "' as uuid)";
    Http reader = http().bearer(fixtures.token(me));
    String collection = advisories().id().toString();
    var last =
        new ObjectQuery(null, null, List.of(id), List.of(), ObjectQuery.Versions.LAST, List.of());

    moveAll(hidden, parking);
    long before = intel.rowsJudged();
    var quietPage = intel.page(viewer, advisories(), last, 0, 1000, true);
    long quietRead = intel.rowsJudged() - before;
    String quiet =
        shown(
            reader.get(
                "/taxii2/api/collections/" + collection + "/objects/" + id + "/",
                "Accept",
                AdvisoriesCollectionTimingIT.TAXII));
    moveAll(hidden, AdvisoriesCollectionTimingIT.ADVISORIES);
    before = intel.rowsJudged();
    var crowdPage = intel.page(viewer, advisories(), last, 0, 1000, true);
    long crowdRead = intel.rowsJudged() - before;
    String crowded =
        shown(
            reader.get(
                "/taxii2/api/collections/" + collection + "/objects/" + id + "/",
                "Accept",
                AdvisoriesCollectionTimingIT.TAXII));

    assertThat(quiet).contains("version 1").doesNotContain("version 2");
    assertThat(crowded).isEqualTo(quiet);
    assertThat(crowdPage.objects()).hasSize(1);
    assertThat(
            new String(crowdPage.objects().get(0).json(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            new String(quietPage.objects().get(0).json(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(crowdRead).as("rows read").isEqualTo(quietRead);
    // the issuer is shown its newest
    assertThat(
            new String(
                intel
                    .page(fixtures.actor(stranger), advisories(), last, 0, 1000, true)
                    .objects()
                    .get(0)
                    .json(),
                java.nio.charset.StandardCharsets.UTF_8))
        .contains("version 201");
  }
}
