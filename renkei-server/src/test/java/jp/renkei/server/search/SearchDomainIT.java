package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.engine.search.SearchQuery;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.sharing.SharingGate;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A domain search is a pivot (V316): it finds every subdomain of the domain, in reports' texts and
 * observables, advisories, STIX objects and C4TAP shares, and in URLs and e-mail addresses on it;
 * never a lookalike that only ends with the same letters, never an object outside the viewer's
 * audience, and the hidden versions naming a subdomain are not read (EXPLAIN of the candidate
 * statement).
 */
class SearchDomainIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired SearchService search;
  @Autowired SearchRepository index;
  @Autowired SharingGate gate;
  @Autowired IntelService intel;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  private final List<Long> orgs = new ArrayList<>();

  @AfterEach
  void removeWhatWasMade() {
    for (long org : orgs) {
      jdbc.sql("delete from report where originator_org_id = ?").param(org).update();
      jdbc.sql("delete from advisory where issuer_org_id = ?").param(org).update();
      jdbc.sql("delete from c4tap_submission where originator_org = ?").param(org).update();
    }
  }

  private Organisation operator(String sector) {
    Organisation o = fixtures.operator(sector);
    orgs.add(o.id());
    return o;
  }

  /** A submitted report of {@code by} whose summary is {@code text}, naming {@code domains}. */
  private long report(Organisation by, String tlp, String text, String... domains) {
    long id =
        jdbc.sql(
                "insert into report (originator_org_id, sector_code, route, tlp, status,"
                    + " submitted_at) values (?, ?, 'hotline', ?, 'submitted', now()) returning id")
            .params(by.id(), by.sectorCode(), tlp)
            .query(Long.class)
            .single();
    long version =
        jdbc.sql(
                "insert into report_version (report_id, version_no, kind, title, summary,"
                    + " detected_at, incident_type_code, service_outage, severity_code,"
                    + " cascade_possibility, reporting_case_code) values (?, 1, 'first', '領域試験',"
                    + " ?, now(), 'unavailability', 'no', 'level2', 'no', 'case3') returning id")
            .params(id, text)
            .query(Long.class)
            .single();
    for (int i = 0; i < domains.length; i++) {
      jdbc.sql(
              "insert into report_observable (version_id, position, type, value, original)"
                  + " values (?, ?, 'domain-name', ?, ?)")
          .params(version, i, domains[i], domains[i])
          .update();
    }
    return id;
  }

  private long advisory(Organisation by, String domain) {
    long a =
        jdbc.sql(
                "insert into advisory (issuer_org_id, tlp, status) values (?, 'amber', 'active')"
                    + " returning id")
            .param(by.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into advisory_version (advisory_id, version_no, kind, title, body,"
                + " observables) values (?, 1, 'initial', '領域試験', '本文', cast(? as jsonb))")
        .params(a, "[{\"type\":\"domain-name\",\"value\":\"" + domain + "\"}]")
        .update();
    return a;
  }

  private long share(Organisation by, String range, String domain) {
    return jdbc.sql(
            "insert into c4tap_submission (originator_org, range_code, status, created_at,"
                + " shared_at, subject, verdict, score, removed, bundle) values (?, ?,"
                + " 'shared', now(), now(), '領域試験', 'SUSPICIOUS', 50, '[]', ?)"
                + " returning id")
        .params(
            by.id(),
            range,
            "{\"type\":\"bundle\",\"objects\":[{\"type\":\"domain-name\",\"value\":\""
                + domain
                + "\"}]}")
        .query(Long.class)
        .single();
  }

  private String stix(UserAccount owner, String domain) {
    String id = "domain-name--" + UUID.randomUUID();
    fixtures.ingest(
        owner,
        intel.collectionOfOrganisation(owner.organisationId()).orElseThrow(),
        "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"value\":\""
            + domain
            + "\"}");
    return id;
  }

  private static List<String> ids(SearchResult r, SearchResult.Kind kind) {
    return r.groups().stream()
        .filter(g -> g.kind() == kind)
        .flatMap(g -> g.hits().stream())
        .map(SearchResult.Hit::id)
        .toList();
  }

  @Test
  void aDomainFindsItsSubdomainsInEveryKindButNotLookalikesNorHiddenOnes() {
    Organisation mine = operator("gas");
    Organisation other = operator("finance");
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    UserAccount stranger = fixtures.user(other, Role.ANALYST);
    Actor analyst = fixtures.actor(me);
    String domain = "lv" + SearchLeakIT.ascii() + ".top";
    String sub = "bank.co.jp." + domain;

    long observed = report(mine, "amber_strict", "概要", sub);
    long inUrl = report(mine, "amber_strict", "偽サイト https://secure." + sub + "/login?id=1");
    long inMail = report(mine, "amber_strict", "送信元 info@mail." + domain + " から");
    long itself = report(mine, "amber_strict", "概要", domain);
    long lookalike =
        report(mine, "amber_strict", "偽 evil-" + domain + " x" + domain, "evil" + domain);
    long hiddenReport = report(other, "amber_strict", "概要", sub);
    long visibleAdvisory = advisory(mine, "cdn." + domain);
    long hiddenAdvisory = advisory(other, "cdn." + domain);
    long visibleShare = share(mine, "RED", sub);
    long hiddenShare = share(other, "RED", sub);
    String visibleStix = stix(me, "www." + domain);
    String hiddenStix = stix(stranger, "www." + domain);

    SearchResult r = search.search(analyst, domain, null);
    assertThat(r.query().kind()).isEqualTo(SearchQuery.Kind.DOMAIN);
    assertThat(ids(r, SearchResult.Kind.REPORT))
        .containsExactlyInAnyOrder(
            Long.toString(observed),
            Long.toString(inUrl),
            Long.toString(inMail),
            Long.toString(itself))
        .doesNotContain(Long.toString(lookalike), Long.toString(hiddenReport));
    assertThat(ids(r, SearchResult.Kind.ADVISORY))
        .containsExactly(Long.toString(visibleAdvisory))
        .doesNotContain(Long.toString(hiddenAdvisory));
    assertThat(ids(r, SearchResult.Kind.C4TAP))
        .containsExactly(Long.toString(visibleShare))
        .doesNotContain(Long.toString(hiddenShare));
    assertThat(ids(r, SearchResult.Kind.STIX))
        .containsExactly(visibleStix)
        .doesNotContain(hiddenStix);

    // a middle level finds what lies under it, not what lies beside it
    SearchResult middle = search.search(analyst, "co.jp." + domain, null);
    assertThat(ids(middle, SearchResult.Kind.REPORT))
        .containsExactlyInAnyOrder(Long.toString(observed), Long.toString(inUrl));
    assertThat(ids(middle, SearchResult.Kind.ADVISORY)).isEmpty();
    assertThat(ids(middle, SearchResult.Kind.C4TAP)).containsExactly(Long.toString(visibleShare));
    // the other organisation finds its own, and not this one's
    SearchResult theirs = search.search(fixtures.actor(stranger), domain, null);
    assertThat(ids(theirs, SearchResult.Kind.REPORT)).containsExactly(Long.toString(hiddenReport));
    assertThat(ids(theirs, SearchResult.Kind.C4TAP)).containsExactly(Long.toString(hiddenShare));
    assertThat(ids(theirs, SearchResult.Kind.STIX)).containsExactly(hiddenStix);
  }

  /** Versions of report_version the candidate statement read (EXPLAIN ANALYZE), every scan. */
  private long versionsRead(Actor viewer, String query) {
    SearchQuery q = SearchService.parse(query);
    // as SearchService runs it: in a transaction, through the keyed plan
    String json =
        transactions.execute(
            tx ->
                index.keyedPlan(
                    () ->
                        index
                            .reportsStatement(
                                "explain (analyze, format json) ",
                                q,
                                index.terms(q),
                                viewer.organisationId(),
                                gate.reach(viewer),
                                null,
                                200)
                            .query(String.class)
                            .single()));
    long read = 0;
    for (JsonNode scan : JsonMapper.builder().build().readTree(json).findParents("Relation Name")) {
      if (scan.path("Relation Name").asString().equals("report_version")) {
        assertThat(scan.path("Node Type").asString()).as(json).isEqualTo("Bitmap Heap Scan");
        read +=
            scan.path("Actual Rows").asLong()
                + scan.path("Rows Removed by Filter").asLong()
                + scan.path("Rows Removed by Index Recheck").asLong();
      }
    }
    return read;
  }

  /** How many report versions {@code viewer}'s reach keys let the index hand over at all. */
  private long reachable(Actor viewer) {
    SearchKeys k = SearchKeys.of(gate.reach(viewer));
    return jdbc.sql(
            "select count(*) from report_version v where v.reach_keys && cast(? as text[]) and"
                + " v.reach_allow && cast(? as text[])")
        .params(k.keys(), k.allow())
        .query(Long.class)
        .single();
  }

  /** {@code n} AMBER+STRICT reports of {@code by} naming {@code value} as an observable. */
  private void hidden(Organisation by, String type, String value, int n) {
    jdbc.sql(
            "with made as (insert into report (originator_org_id, sector_code, route, tlp, status,"
                + " submitted_at) select ?, ?, 'hotline', 'amber_strict', 'submitted', now()"
                + " from generate_series(1, ?) returning id), v as (insert into report_version"
                + " (report_id, version_no, kind, title, summary, detected_at, incident_type_code,"
                + " service_outage, severity_code, cascade_possibility, reporting_case_code)"
                + " select id, 1, 'first', '領域試験', '概要', now(), 'unavailability', 'no',"
                + " 'level2', 'no', 'case3' from made returning id)"
                + " insert into report_observable (version_id, position, type, value, original)"
                + " select id, 0, ?, ?, ? from v")
        .params(by.id(), by.sectorCode(), n, type, value, value)
        .update();
  }

  @Test
  void anObservableSearchReadsNoHiddenVersionsHowManyEverNameIt() {
    Organisation mine = operator("gas");
    Organisation other = operator("electricity");
    Actor analyst = fixtures.actor(fixtures.user(mine, Role.ANALYST));
    String domain = "lv" + SearchLeakIT.ascii() + ".top";
    String ip = SearchLeakIT.ip();
    report(mine, "amber_strict", "概要", "a." + domain);
    long withIp = report(mine, "amber_strict", "概要"); // its observable added below, as an address
    jdbc.sql(
            "insert into report_observable (version_id, position, type, value, original) select"
                + " v.id, 0, 'ipv4-addr', ?, ? from report_version v where v.report_id = ?")
        .params(ip, ip, withIp)
        .update();
    long reach = reachable(analyst);
    hidden(other, "domain-name", "b." + domain, 1_000);
    hidden(other, "ipv4-addr", ip, 1_000);
    jdbc.sql("analyze report_version").update();
    // the index hands over the viewer's own version naming it, or (the planner's other choice on
    // the same index) the versions the viewer's keys reach; never one of the hidden
    assertThat(versionsRead(analyst, domain)).isBetween(1L, reachable(analyst));
    assertThat(versionsRead(analyst, ip)).isBetween(1L, reachable(analyst));
    hidden(other, "domain-name", "c." + domain, 2_000);
    hidden(other, "ipv4-addr", ip, 2_000);
    jdbc.sql("analyze report_version").update();
    assertThat(reachable(analyst)).as("the hidden are outside the keys").isEqualTo(reach);
    assertThat(versionsRead(analyst, domain)).isBetween(1L, reachable(analyst));
    assertThat(versionsRead(analyst, ip)).isBetween(1L, reachable(analyst));
    // the organisation that holds them finds its own (the planner may scan the table for it: half
    // of the versions are its own)
    Actor owner = fixtures.actor(fixtures.user(other, Role.ANALYST));
    assertThat(
            ids(search.search(owner, domain, SearchResult.Kind.REPORT), SearchResult.Kind.REPORT))
        .hasSize(SearchService.MAX_ONE_KIND);
  }

  /**
   * Through the API and the page, a domain only hidden objects name in subdomains (a report's
   * observable, an advisory's, a C4TAP share's, a STIX object's, a URL in a report's text) is
   * answered as a domain nobody named.
   */
  @Test
  void aDomainOnlyHiddenSubdomainsNameIsAnsweredAsOneNeverNamed() {
    Organisation mine = operator("gas");
    Organisation other = operator("finance");
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    UserAccount stranger = fixtures.user(other, Role.ANALYST);
    String domain = "lv" + SearchLeakIT.ascii() + ".top";
    report(other, "amber_strict", "概要", "bank.co.jp." + domain);
    report(other, "red", "偽サイト https://secure." + domain + "/login");
    advisory(other, "cdn." + domain);
    share(other, "RED", "mail." + domain);
    stix(stranger, "www." + domain);
    jp.renkei.server.support.Http viewer = http().bearer(fixtures.token(me));
    var in = viewer.signIn(me.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    SearchLeakIT.sameAsNeverExisted(viewer, domain, "lv" + SearchLeakIT.ascii() + ".top");
    jp.renkei.server.support.Http owner = http().bearer(fixtures.token(stranger));
    assertThat(SearchLeakIT.finds(owner, domain, "www." + domain)).isTrue();
  }
}
