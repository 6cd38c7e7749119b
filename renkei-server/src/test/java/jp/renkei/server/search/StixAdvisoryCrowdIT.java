package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.sharing.ModeService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The advisories collection is read by everyone, and each of its objects under its advisory's
 * audience. More than a walk's bound ({@value SearchService#WALK}) of objects published with
 * advisories the viewer may not see, naming a domain and newer than the viewer's own object under
 * it, must not push that object out of the viewer's answer, nor change "more" or "incomplete": were
 * they read as candidates and refused one by one, they would fill the walk silently, and the
 * missing hit would tell the viewer that thousands of objects it may not see name the domain. Two
 * viewers: a member, and a mode-gated agency in normal mode (GREEN advisories to everyone). The
 * same of RED objects of another organisation in the hub collection, which every member reads.
 */
class StixAdvisoryCrowdIT extends ServerTest {

  static final String ADVISORIES = "md5('renkei:collection:advisories')::uuid";

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired SearchService search;
  @Autowired IntelService intel;
  @Autowired DirectoryService directory;
  @Autowired ModeService modes;

  private final List<Long> orgs = new ArrayList<>();

  @AfterEach
  void removeWhatWasMade() {
    if (modes.current() != SystemMode.NORMAL) {
      modes.switchTo(Actor.cli(), "normal", "test cleanup");
    }
    for (long org : orgs) {
      jdbc.sql("delete from advisory where issuer_org_id = ?").param(org).update();
      jdbc.sql("delete from stix_object where originator_org = ?").param(org).update();
    }
  }

  /** An advisory of {@code by} at {@code tlp} (GREEN: to everyone), with no recipients. */
  private long advisory(Organisation by, String tlp) {
    return jdbc.sql(
            "with made as (insert into advisory (issuer_org_id, tlp, status, audience_all)"
                + " values (?, ?, 'active', true) returning id) insert into advisory_version"
                + " (advisory_id, version_no, kind, title, body, observables) select id, 1,"
                + " 'initial', '群衆試験', '本文', '[]' from made returning advisory_id")
        .params(by.id(), tlp)
        .query(Long.class)
        .single();
  }

  /**
   * {@code n} domain objects published with {@code advisory} (its issuer {@code by}), named
   * s&lt;i&gt;.p.{@code domain}: written in one statement, as the hub's publication stores them.
   */
  private void published(long advisory, Organisation by, String domain, int n) {
    stored(ADVISORIES, "AMBER", advisory, by, domain, n);
  }

  /** {@code n} domain objects of {@code by} in {@code collection} (SQL) at {@code tlp}. */
  private void stored(
      String collection, String tlp, Long advisory, Organisation by, String domain, int n) {
    jdbc.sql(
            "with o as (select i, 'domain-name--' || gen_random_uuid() as id,"
                + " clock_timestamp() as at from generate_series(1, ?) i)"
                + " insert into stix_object (collection_id, stix_id, type, spec_version, version,"
                + " date_added, tlp, originator_org, body, source_advisory, version_us, added_us,"
                + " granular) select "
                + collection
                + ", o.id, 'domain-name', '2.1', o.at, o.at, ?, ?,"
                + " json_build_object('type', 'domain-name', 'spec_version', '2.1', 'id', o.id,"
                + " 'value', 's' || o.i || '.p.' || ?)::text, ?,"
                + " (extract(epoch from o.at) * 1000000)::bigint,"
                + " (extract(epoch from o.at) * 1000000)::bigint, false from o order by o.i")
        .param(n)
        .param(tlp)
        .param(by.id())
        .param(domain)
        .param(new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.BIGINT, advisory))
        .update();
  }

  private void mine(UserAccount me, String domain) {
    fixtures.ingest(
        me,
        intel.collectionOfOrganisation(me.organisationId()).orElseThrow(),
        "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--"
            + UUID.randomUUID()
            + "\",\"value\":\"www."
            + domain
            + "\"}");
  }

  private static List<String> stix(SearchResult r) {
    return r.groups().stream()
        .filter(g -> g.kind() == SearchResult.Kind.STIX)
        .flatMap(g -> g.hits().stream().map(h -> h.title() + " " + g.more() + " " + g.incomplete()))
        .toList();
  }

  /** The viewer's own hit under the crowded domain, and the same answer as under the quiet one. */
  private void assertUnmoved(Actor viewer, String crowded, String quiet) {
    for (SearchResult.Kind only : new SearchResult.Kind[] {SearchResult.Kind.STIX, null}) {
      List<String> a = stix(search.search(viewer, crowded, only));
      List<String> b = stix(search.search(viewer, quiet, only));
      assertThat(a).as("kind %s", only).containsExactly("www." + crowded + " false false");
      assertThat(b).as("kind %s", only).containsExactly("www." + quiet + " false false");
    }
  }

  @Test
  void objectsOfAdvisoriesAMemberMayNotSeeDoNotPushItsOwnStixHitOut() {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("finance");
    orgs.add(other.id());
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    String crowded = "lv" + SearchLeakIT.ascii() + ".top";
    String quiet = "lv" + SearchLeakIT.ascii() + ".top";
    mine(me, crowded);
    mine(me, quiet);
    published(advisory(other, "amber"), other, crowded, SearchService.WALK + 1);
    jdbc.sql("analyze stix_object").update();

    assertUnmoved(fixtures.actor(me), crowded, quiet);
    // the crowd is real and indexed: its issuer finds it
    assertThat(
            stix(search.search(fixtures.actor(fixtures.user(other, Role.ANALYST)), crowded, null)))
        .hasSize(SearchService.PER_KIND)
        .allSatisfy(h -> assertThat(h).matches("s\\d+\\.p\\..* true false"));
  }

  @Test
  void greenAdvisoriesAModeGatedViewerMayNotSeeDoNotPushItsOwnStixHitOut() {
    if (modes.current() != SystemMode.NORMAL) {
      modes.switchTo(Actor.cli(), "normal", "test");
    }
    Organisation other = fixtures.operator("gas");
    orgs.add(other.id());
    String code = Fixtures.unique("dm");
    Organisation agency =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "防災試験 " + code,
                "Disaster test " + code,
                "disaster_management",
                null,
                null,
                null,
                List.of()));
    UserAccount me = fixtures.user(agency, Role.ANALYST);
    Actor viewer = fixtures.actor(me);
    String crowded = "lv" + SearchLeakIT.ascii() + ".top";
    String quiet = "lv" + SearchLeakIT.ascii() + ".top";
    mine(me, crowded);
    mine(me, quiet);
    published(advisory(other, "green"), other, crowded, SearchService.WALK + 1);
    jdbc.sql("analyze stix_object").update();

    assertUnmoved(viewer, crowded, quiet);
    // in large-scale mode the GREEN advisory reaches the agency: then its objects are hits
    modes.switchTo(Actor.cli(), "large_scale", "test");
    assertThat(stix(search.search(viewer, crowded, SearchResult.Kind.STIX)))
        .hasSize(SearchService.MAX_ONE_KIND)
        .allSatisfy(h -> assertThat(h).matches("s\\d+\\.p\\..* true false"));
  }

  @Test
  void redObjectsOfAnotherOrganisationInTheHubCollectionDoNotPushAMembersOwnStixHitOut() {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("finance");
    orgs.add(other.id());
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    String crowded = "lv" + SearchLeakIT.ascii() + ".top";
    String quiet = "lv" + SearchLeakIT.ascii() + ".top";
    mine(me, crowded);
    mine(me, quiet);
    // the hub collection: every organisation reads it, a RED object there is its originator's
    stored(
        "(select id from stix_collection where kind = 'hub')",
        "RED",
        null,
        other,
        crowded,
        SearchService.WALK + 1);
    jdbc.sql("analyze stix_object").update();

    assertUnmoved(fixtures.actor(me), crowded, quiet);
  }
}
