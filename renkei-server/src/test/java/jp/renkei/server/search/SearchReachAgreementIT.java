package jp.renkei.server.search;

import static jp.renkei.server.support.RandomPicks.pick;
import static jp.renkei.server.support.RandomPicks.someOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.mail.C4tapService;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search's SQL narrowing (SearchRepository's report and advisory reach) against the policy, on
 * random audiences: for every viewer, what search finds of a word is exactly what the policy lets
 * it read of the objects holding the word (the same judgement the report and advisory lists use,
 * {@code visibleAmong}, asked of every object, not of search's candidates). A narrower SQL would
 * hide a readable report from search; a wider one only costs rows.
 *
 * <p>Reports: every TLP, scopes of sectors and organisation types, excluded organisations, named
 * recipients, anonymised originals, drafts, closed reports, delivered and undelivered hops to
 * CEPTOARs, ministries and NISC. Advisories: every TLP, to everyone or scoped, with recipient
 * organisations. C4TAP shares: every range, shared and drafts, with and without their person.
 * Viewers: operators with and without CEPTOAR memberships, CEPTOARs, ministries, NISC, JPCERT,
 * members and analysts, operators with a recorded C4TAP standing, and the public.
 */
class SearchReachAgreementIT extends ServerTest {

  private static final long SEED = 16_2026_12_02L;
  private static final String[] TLPS = {"clear", "green", "amber", "amber_strict", "red"};
  private static final String[] SECTORS = {"finance", "electricity", "gas", "ict"};
  private static final String[] TYPES = {"operator", "ceptoar", "ministry", "nisc"};
  private static final int BUCKETS = 6;

  @Autowired JdbcClient jdbc;
  @Autowired SearchService search;
  @Autowired ReportService reports;
  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired C4tapService c4tap;

  private final List<Long> madeReports = new ArrayList<>();
  private final List<Long> madeAdvisories = new ArrayList<>();
  private final List<Long> madeShares = new ArrayList<>();

  @AfterEach
  void removeWhatWasMade() {
    jdbc.sql("delete from report where id = any(?)")
        .param(madeReports.toArray(Long[]::new))
        .update();
    jdbc.sql("delete from c4tap_submission where id = any(?)")
        .param(madeShares.toArray(Long[]::new))
        .update();
    jdbc.sql("delete from advisory where id = any(?)")
        .param(madeAdvisories.toArray(Long[]::new))
        .update();
  }

  @Test
  void searchFindsExactlyWhatThePolicyLetsEachViewerRead() {
    Random r = new Random(SEED);
    // organisations: new operators of four sectors with random CEPTOAR memberships, and the demo's
    List<Organisation> operators = new ArrayList<>();
    List<String> ceptoars = List.of("c-bank", "c-power", "c-gas", "c-telecom");
    for (String sector : SECTORS) {
      for (int k = 0; k < 2; k++) {
        Organisation op = fixtures.operator(sector);
        operators.add(op);
        for (String c : ceptoars) {
          if (r.nextInt(3) == 0) {
            jdbc.sql("insert into ceptoar_membership (ceptoar_id, member_id) values (?, ?)")
                .params(directory.organisation(c).id(), op.id())
                .update();
          }
        }
      }
    }
    // some operators with a recorded C4TAP standing other than their type's
    String[] standings = {"SECRETARIAT_OR_ANALYST", "OBSERVER", "COUNCIL_PARTY", "NONE"};
    for (Organisation op : operators) {
      if (r.nextInt(3) == 0) {
        jdbc.sql("insert into c4tap_standing (organisation_id, standing) values (?, ?)")
            .params(op.id(), standings[r.nextInt(standings.length)])
            .update();
      }
    }
    List<Organisation> orgs = new ArrayList<>(operators);
    for (String code : List.of("c-bank", "c-power", "c-gas", "c-telecom", "nisc", "meti", "fsa")) {
      orgs.add(directory.organisation(code));
    }
    orgs.add(directory.organisation("jpcert"));
    List<Organisation> hopTargets =
        orgs.stream().filter(o -> !"operator".equals(o.typeCode())).toList();
    Map<Long, List<UserAccount>> people = new HashMap<>();
    List<UserAccount> everyone = new ArrayList<>();
    for (Organisation o : orgs) {
      for (Role role : List.of(Role.ANALYST, Role.MEMBER)) {
        UserAccount u = fixtures.user(o, role);
        people.computeIfAbsent(o.id(), x -> new ArrayList<>()).add(u);
        everyone.add(u);
      }
    }

    String word = SearchLeakIT.ascii();
    List<String> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      buckets.add(SearchLeakIT.ascii());
    }
    Map<String, List<Long>> reportsOf = new HashMap<>();
    Map<String, List<Long>> advisoriesOf = new HashMap<>();

    for (int i = 0; i < 180; i++) {
      Organisation origin = pick(r, orgs);
      String sector = origin.sectorCode() == null ? "finance" : origin.sectorCode();
      UserAccount by = r.nextInt(4) == 0 ? null : pick(r, people.get(origin.id()));
      boolean anonymise = r.nextInt(6) == 0;
      String status = r.nextInt(8) == 0 ? "draft" : r.nextInt(6) == 0 ? "closed" : "submitted";
      Long ceptoar = anonymise ? directory.organisation(pick(r, ceptoars)).id() : null;
      List<Long> excluded = new ArrayList<>();
      Organisation left = pick(r, orgs);
      if (r.nextInt(4) == 0 && left.id() != origin.id()) {
        // the originator is never excluded from its own report (the policy refuses that audience)
        excluded.add(left.id());
      }
      List<Long> named = new ArrayList<>();
      for (int k = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0; k > 0; k--) {
        named.add(pick(r, everyone).id());
      }
      String bucket = pick(r, buckets);
      long id =
          jdbc.sql(
                  "insert into report (originator_org_id, originator_user_id, sector_code, route,"
                      + " ceptoar_id, anonymise, tlp, scope_sectors, scope_types, excluded_org_ids,"
                      + " recipient_user_ids, status, created_at, submitted_at) values (?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?, ?, ?, ?, timestamptz '2026-03-01' + ? * interval '1"
                      + " minute', case when ? = 'draft' then null else timestamptz '2026-03-01'"
                      + " + ? * interval '1 minute' end) returning id")
              .params(
                  origin.id(),
                  by == null ? null : by.id(),
                  sector,
                  anonymise ? "ceptoar" : "hotline",
                  ceptoar,
                  anonymise,
                  pick(r, List.of(TLPS)),
                  someOf(r, SECTORS),
                  someOf(r, TYPES),
                  excluded.toArray(Long[]::new),
                  named.toArray(Long[]::new),
                  status,
                  // some share a time, so the keyset's tie on the id is walked too
                  i / 2,
                  status,
                  i / 2)
              .query(Long.class)
              .single();
      madeReports.add(id);
      jdbc.sql(
              "insert into report_version (report_id, version_no, kind, title, summary,"
                  + " detected_at, incident_type_code, service_outage, severity_code,"
                  + " cascade_possibility, reporting_case_code) values (?, 1, 'first', ?, '概要',"
                  + " now(), 'unavailability', 'no', 'level2', 'no', 'case3')")
          .params(id, "到達試験 " + word + " " + bucket)
          .update();
      int hops = r.nextInt(3);
      List<Organisation> to = new ArrayList<>(hopTargets);
      java.util.Collections.shuffle(to, r);
      for (int k = 0; k < hops; k++) {
        Organisation h = to.get(k);
        String kind =
            switch (h.typeCode()) {
              case "ceptoar" -> "ceptoar";
              case "ministry" -> "ministry";
              default -> "nisc";
            };
        jdbc.sql(
                "insert into report_hop (report_id, hop_order, kind, recipient_org_id,"
                    + " delivered_at) values (?, ?, ?, ?, case when ? then now() end)")
            .params(id, k + 1, kind, h.id(), r.nextInt(3) > 0)
            .update();
      }
      reportsOf.computeIfAbsent(bucket, x -> new ArrayList<>()).add(id);
    }

    for (int i = 0; i < 100; i++) {
      Organisation issuer = pick(r, orgs);
      UserAccount by = r.nextInt(3) == 0 ? null : pick(r, people.get(issuer.id()));
      String bucket = pick(r, buckets);
      long id =
          jdbc.sql(
                  "insert into advisory (issuer_org_id, issuer_user_id, tlp, audience_all,"
                      + " audience_sectors, audience_types, status, created_at) values (?, ?, ?,"
                      + " ?, ?, ?, ?, timestamptz '2026-03-01' + ? * interval '1 minute')"
                      + " returning id")
              .params(
                  issuer.id(),
                  by == null ? null : by.id(),
                  pick(r, List.of(TLPS)),
                  r.nextInt(3) == 0,
                  someOf(r, SECTORS),
                  someOf(r, TYPES),
                  r.nextInt(8) == 0 ? "withdrawn" : "active",
                  i / 2)
              .query(Long.class)
              .single();
      madeAdvisories.add(id);
      jdbc.sql(
              "insert into advisory_version (advisory_id, version_no, kind, title, body)"
                  + " values (?, 1, 'initial', ?, '本文')")
          .params(id, "到達試験 " + word + " " + bucket)
          .update();
      List<Organisation> to = new ArrayList<>(orgs);
      java.util.Collections.shuffle(to, r);
      for (int k = r.nextInt(4); k > 0; k--) {
        Organisation o = to.get(k);
        String level =
            switch (o.typeCode()) {
              case "ceptoar" -> "ceptoar";
              case "ministry" -> "ministry";
              case "operator" -> "operator";
              default -> "other";
            };
        jdbc.sql(
                "insert into advisory_recipient (advisory_id, organisation_id, level,"
                    + " delivered_at, version_no) values (?, ?, ?, now(), 1)")
            .params(id, o.id(), level)
            .update();
      }
      advisoriesOf.computeIfAbsent(bucket, x -> new ArrayList<>()).add(id);
    }

    Map<String, List<Long>> sharesOf = new HashMap<>();
    String[] ranges = {"RED", "AMBER", "YELLOW", "GREEN", "WHITE"};
    for (int i = 0; i < 80; i++) {
      Organisation origin = pick(r, orgs);
      UserAccount by = r.nextInt(5) == 0 ? null : pick(r, people.get(origin.id()));
      String status = r.nextInt(5) == 0 ? "draft" : "shared";
      String bucket = pick(r, buckets);
      long id =
          jdbc.sql(
                  "insert into c4tap_submission (originator_org, originator_person, range_code,"
                      + " status, created_at, shared_at, subject, verdict, score, removed,"
                      + " bundle) values (?, ?, ?, ?, timestamptz '2026-03-01' + ? * interval '1"
                      + " minute', case when ? = 'shared' then timestamptz '2026-03-01' + ? *"
                      + " interval '1 minute' end, ?, 'SUSPICIOUS', 50, '[]', '{}')"
                      + " returning id")
              .params(
                  origin.id(),
                  by == null ? null : by.id(),
                  ranges[r.nextInt(ranges.length)],
                  status,
                  i / 2,
                  status,
                  i / 2,
                  "到達試験 " + word + " " + bucket)
              .query(Long.class)
              .single();
      madeShares.add(id);
      sharesOf.computeIfAbsent(bucket, x -> new ArrayList<>()).add(id);
    }

    List<Actor> viewers = new ArrayList<>();
    everyone.forEach(u -> viewers.add(fixtures.actor(u)));
    viewers.add(Actor.anonymous("", "127.0.0.1"));
    int compared = 0;
    int seen = 0;
    List<String> mismatches = new ArrayList<>();
    for (Actor viewer : viewers) {
      for (String bucket : buckets) {
        String q = word + " " + bucket;
        List<Long> allReports = reportsOf.getOrDefault(bucket, List.of());
        Set<Long> policy =
            reports.visibleAmong(viewer, allReports).stream()
                .map(ReportService.Summary::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> found = found(viewer, q, SearchResult.Kind.REPORT);
        if (!found.equals(policy)) {
          mismatches.add(
              viewer.login() + "@" + viewer.organisationId() + " reports " + diff(found, policy));
        }
        List<Long> allAdvisories = advisoriesOf.getOrDefault(bucket, List.of());
        Set<Long> policyAdvisories =
            advisories.visibleAmong(viewer, allAdvisories).stream()
                .map(AdvisoryService.Summary::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> foundAdvisories = found(viewer, q, SearchResult.Kind.ADVISORY);
        if (!foundAdvisories.equals(policyAdvisories)) {
          mismatches.add(
              viewer.login()
                  + "@"
                  + viewer.organisationId()
                  + " advisories "
                  + diff(foundAdvisories, policyAdvisories));
        }
        List<Long> allShares = sharesOf.getOrDefault(bucket, List.of());
        Set<Long> policyShares =
            c4tap.visibleIn(viewer, allShares).stream()
                .map(C4tapService.Submission::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> foundShares = found(viewer, q, SearchResult.Kind.C4TAP);
        if (!foundShares.equals(policyShares)) {
          mismatches.add(
              viewer.login()
                  + "@"
                  + viewer.organisationId()
                  + " shares "
                  + diff(foundShares, policyShares));
        }
        compared += allReports.size() + allAdvisories.size() + allShares.size();
        seen += policy.size() + policyAdvisories.size() + policyShares.size();
      }
    }
    assertThat(mismatches).as("seed " + SEED).isEmpty();
    // the data is not trivial: most pairs are refused, many allowed
    assertThat(seen).isGreaterThan(compared / 10).isLessThan(compared * 9 / 10);
  }

  private static String diff(Set<Long> found, Set<Long> policy) {
    Set<Long> missing = new TreeSet<>(policy);
    missing.removeAll(found);
    Set<Long> extra = new TreeSet<>(found);
    extra.removeAll(policy);
    return "not found though readable " + missing + ", found though not readable " + extra;
  }

  private Set<Long> found(Actor viewer, String q, SearchResult.Kind kind) {
    SearchResult.Group g = search.search(viewer, q, kind).groups().get(0);
    assertThat(g.more()).as("a bucket fits in one answer").isFalse();
    return g.hits().stream()
        .map(h -> Long.parseLong(h.id()))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
