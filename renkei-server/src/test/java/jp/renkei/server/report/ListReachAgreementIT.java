package jp.renkei.server.report;

import static jp.renkei.server.support.RandomPicks.pick;
import static jp.renkei.server.support.RandomPicks.someOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.listing.Section;
import jp.renkei.server.mail.C4tapService;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lists, their totals, facets, pages, counted sections and statistics against the policy, on
 * random audiences: for every viewer, every number and every row a list shows of the objects made
 * here is exactly what the engine's policy lets it read of them ({@code visibleAmong}, asked of
 * every object), never what the SQL narrowing in front of the policy (the report list's reach
 * condition, the inbox's and advisories' delivery reads) admits. A count one too high, a page
 * boundary moved by a hidden row or a "more" said of hidden rows tells the viewer that an object
 * outside its audience exists.
 *
 * <p>Objects: reports of every TLP, scope, exclusion, named recipients, anonymised, drafts, closed,
 * with delivered and undelivered hops (to CEPTOARs made here, so their inboxes and work queues hold
 * only these); advisories of every TLP to everyone or scoped with recipient organisations; C4TAP
 * shares of every range; and reports and advisories of an exercise run, delivered to the same
 * organisations, which no real list may show or count. Viewers: members and analysts of operators,
 * CEPTOARs, ministries, NISC and JPCERT, and the public.
 */
class ListReachAgreementIT extends ServerTest {

  private static final long SEED = 17_2026_12_02L;
  private static final String[] TLPS = {"clear", "green", "amber", "amber_strict", "red"};
  private static final String[] SECTORS = {"finance", "electricity", "gas", "ict"};
  private static final String[] TYPES = {"operator", "ceptoar", "ministry", "nisc"};
  private static final String[] STATUSES = {"draft", "submitted", "closed"};

  /** When the objects made here happen: later than anything else in the test database. */
  private static final Instant BASE = Instant.parse("2031-05-01T00:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired ReportService reports;
  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired C4tapService c4tap;
  @Autowired ReferenceData reference;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
  @Autowired jp.renkei.server.sharing.SharingGate gate;

  private final List<Long> madeReports = new ArrayList<>();
  private final List<Long> madeAdvisories = new ArrayList<>();
  private final List<Long> madeShares = new ArrayList<>();
  private Long run;
  private Long scenario;

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
    if (run != null) {
      jdbc.sql("delete from exercise_run where id = ?").param(run).update();
      jdbc.sql("delete from exercise_scenario where id = ?").param(scenario).update();
    }
  }

  /** What the test knows of a report it made (to filter and order the policy's answer). */
  private record Made(
      long id,
      String tlp,
      String sector,
      String status,
      int minute,
      long origin,
      Set<Long> route) {}

  /** A delivery of an advisory made here: to whom, when, confirmed or not. */
  private record Delivery(long advisory, long org, int minute, boolean confirmed) {}

  @Test
  void everyListCountAndPageHoldsExactlyWhatThePolicyLetsEachViewerRead() {
    Random r = new Random(SEED);
    List<String> ceptoarCodes = new ArrayList<>(List.of("c-bank", "c-power"));
    List<Organisation> own = new ArrayList<>();
    for (String sector : List.of("finance", "electricity")) {
      String code = Fixtures.unique("cep");
      Organisation c =
          directory.create(
              Actor.cli(),
              new NewOrganisation(
                  code,
                  "テストセプター " + code,
                  "Test CEPTOAR " + code,
                  "ceptoar",
                  sector,
                  null,
                  null,
                  List.of()));
      own.add(c);
      ceptoarCodes.add(code);
    }
    List<Organisation> operators = new ArrayList<>();
    for (String sector : SECTORS) {
      for (int k = 0; k < 2; k++) {
        Organisation op = fixtures.operator(sector);
        operators.add(op);
        for (String c : ceptoarCodes) {
          if (r.nextInt(3) == 0) {
            jdbc.sql("insert into ceptoar_membership (ceptoar_id, member_id) values (?, ?)")
                .params(directory.organisation(c).id(), op.id())
                .update();
          }
        }
      }
    }
    List<Organisation> orgs = new ArrayList<>(operators);
    orgs.addAll(own);
    for (String code : List.of("c-bank", "c-power", "nisc", "meti", "fsa", "jpcert")) {
      orgs.add(directory.organisation(code));
    }
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
    scenario =
        jdbc.sql(
                "insert into exercise_scenario (owner_org_id, title, document) values (?,"
                    + " '一覧試験', '{}') returning id")
            .param(directory.organisation("nisc").id())
            .query(Long.class)
            .single();
    run =
        jdbc.sql(
                "insert into exercise_run (scenario_id, owner_org_id, title, state, speed)"
                    + " values (?, ?, '一覧試験の実施', 'STOPPED', 1) returning id")
            .params(scenario, directory.organisation("nisc").id())
            .query(Long.class)
            .single();

    String word = Fixtures.unique("zq").replace("-", "");
    List<Made> made = new ArrayList<>();
    // the delivered hops of real reports, by recipient organisation
    Map<Long, Set<Long>> deliveredTo = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      boolean exercise = i % 10 == 9;
      Organisation origin = pick(r, orgs);
      String sector = origin.sectorCode() == null ? pick(r, List.of(SECTORS)) : origin.sectorCode();
      UserAccount by = r.nextInt(4) == 0 ? null : pick(r, people.get(origin.id()));
      boolean anonymise = r.nextInt(6) == 0;
      String status = r.nextInt(8) == 0 ? "draft" : r.nextInt(6) == 0 ? "closed" : "submitted";
      Long ceptoar = anonymise ? directory.organisation(pick(r, ceptoarCodes)).id() : null;
      List<Long> excluded = new ArrayList<>();
      Organisation left = pick(r, orgs);
      if (r.nextInt(4) == 0 && left.id() != origin.id()) {
        excluded.add(left.id());
      }
      List<Long> named = new ArrayList<>();
      for (int k = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0; k > 0; k--) {
        named.add(pick(r, everyone).id());
      }
      String tlp = pick(r, List.of(TLPS));
      // some share a time, so the keyset's tie on the id is walked too
      int minute = i / 2;
      long id =
          jdbc.sql(
                  "insert into report (originator_org_id, originator_user_id, sector_code, route,"
                      + " ceptoar_id, anonymise, tlp, scope_sectors, scope_types, excluded_org_ids,"
                      + " recipient_user_ids, status, created_at, submitted_at, exercise_run_id)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? + ? * interval '1 minute',"
                      + " case when ? = 'draft' then null else ? + ? * interval '1 minute' end,"
                      + " ?) returning id")
              .params(
                  origin.id(),
                  by == null ? null : by.id(),
                  sector,
                  anonymise ? "ceptoar" : "hotline",
                  ceptoar,
                  anonymise,
                  tlp,
                  someOf(r, SECTORS),
                  someOf(r, TYPES),
                  excluded.toArray(Long[]::new),
                  named.toArray(Long[]::new),
                  status,
                  at(0),
                  minute,
                  status,
                  at(0),
                  minute,
                  exercise ? run : null)
              .query(Long.class)
              .single();
      madeReports.add(id);
      jdbc.sql(
              "insert into report_version (report_id, version_no, kind, title, summary,"
                  + " detected_at, incident_type_code, service_outage, severity_code,"
                  + " cascade_possibility, reporting_case_code) values (?, 1, 'first', ?, '概要',"
                  + " ?, 'unavailability', 'no', 'level2', 'no', 'case3')")
          .params(id, "一覧試験 " + word + " " + i, at(minute))
          .update();
      List<Organisation> to = new ArrayList<>(hopTargets);
      java.util.Collections.shuffle(to, r);
      Set<Long> route = new TreeSet<>();
      if (exercise) {
        // an exercise's reports reach the CEPTOARs made here too: their real inbox and work
        // queue must neither show nor count them
        to.removeAll(own);
        to.addAll(0, own);
      }
      for (int k = 0, hops = exercise ? own.size() : r.nextInt(4); k < hops; k++) {
        Organisation h = to.get(k);
        route.add(h.id());
        String kind =
            switch (h.typeCode()) {
              case "ceptoar" -> "ceptoar";
              case "ministry" -> "ministry";
              default -> "nisc";
            };
        boolean delivered = exercise || r.nextInt(4) > 0;
        jdbc.sql(
                "insert into report_hop (report_id, hop_order, kind, recipient_org_id,"
                    + " delivered_at) values (?, ?, ?, ?, case when ? then ? + ? * interval '1"
                    + " minute' end)")
            .params(id, k + 1, kind, h.id(), delivered, at(0), minute)
            .update();
        if (delivered && !exercise) {
          deliveredTo.computeIfAbsent(h.id(), x -> new TreeSet<>()).add(id);
        }
      }
      if (!exercise) {
        made.add(new Made(id, tlp, sector, status, minute, origin.id(), route));
      }
    }

    List<Long> realAdvisories = new ArrayList<>();
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      boolean exercise = i % 6 == 5;
      Organisation issuer = pick(r, orgs);
      UserAccount by = r.nextInt(3) == 0 ? null : pick(r, people.get(issuer.id()));
      long id =
          jdbc.sql(
                  "insert into advisory (issuer_org_id, issuer_user_id, tlp, audience_all,"
                      + " audience_sectors, audience_types, status, created_at, exercise_run_id)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ? + ? * interval '1 minute', ?)"
                      + " returning id")
              .params(
                  issuer.id(),
                  by == null ? null : by.id(),
                  pick(r, List.of(TLPS)),
                  r.nextInt(3) == 0,
                  someOf(r, SECTORS),
                  someOf(r, TYPES),
                  r.nextInt(8) == 0 ? "withdrawn" : "active",
                  at(0),
                  i,
                  exercise ? run : null)
              .query(Long.class)
              .single();
      madeAdvisories.add(id);
      if (!exercise) {
        realAdvisories.add(id);
      }
      jdbc.sql(
              "insert into advisory_version (advisory_id, version_no, kind, title, body)"
                  + " values (?, 1, 'initial', ?, '本文')")
          .params(id, "一覧試験 " + word + " " + i)
          .update();
      List<Organisation> to = new ArrayList<>(orgs);
      java.util.Collections.shuffle(to, r);
      if (exercise) {
        // an exercise's advisories reach the CEPTOARs made here, unconfirmed: their receipts to
        // confirm must not count them
        to.removeAll(own);
        to.addAll(0, own);
      }
      for (int k = exercise ? own.size() : r.nextInt(5); k > 0; k--) {
        Organisation o = to.get(exercise ? k - 1 : k);
        String level =
            switch (o.typeCode()) {
              case "ceptoar" -> "ceptoar";
              case "ministry" -> "ministry";
              case "operator" -> "operator";
              default -> "other";
            };
        boolean confirmed = !exercise && r.nextInt(3) == 0;
        // an exercise's deliveries are the newest: a real list that read them first and then
        // left them out would show fewer than the real ones it has
        int minute = exercise ? 100_000 + i : i;
        jdbc.sql(
                "insert into advisory_recipient (advisory_id, organisation_id, level,"
                    + " delivered_at, version_no, acknowledged_at) values (?, ?, ?,"
                    + " ? + ? * interval '1 minute', 1, case when ? then ? end)")
            .params(id, o.id(), level, at(0), minute, confirmed, at(minute))
            .update();
        if (!exercise) {
          deliveries.add(new Delivery(id, o.id(), minute, confirmed));
        }
      }
    }

    List<Long> shares = new ArrayList<>();
    String[] ranges = {"RED", "AMBER", "YELLOW", "GREEN", "WHITE"};
    for (int i = 0; i < 60; i++) {
      Organisation origin = pick(r, orgs);
      UserAccount by = r.nextInt(5) == 0 ? null : pick(r, people.get(origin.id()));
      String status = r.nextInt(5) == 0 ? "draft" : "shared";
      long id =
          jdbc.sql(
                  "insert into c4tap_submission (originator_org, originator_person, range_code,"
                      + " status, created_at, shared_at, subject, verdict, score, removed,"
                      + " bundle) values (?, ?, ?, ?, ? + ? * interval '1 minute', case when ? ="
                      + " 'shared' then ? + ? * interval '1 minute' end, ?, 'SUSPICIOUS', 50,"
                      + " '[]', '{}') returning id")
              .params(
                  origin.id(),
                  by == null ? null : by.id(),
                  ranges[r.nextInt(ranges.length)],
                  status,
                  at(0),
                  i,
                  status,
                  at(0),
                  i,
                  "一覧試験 " + word + " " + i)
              .query(Long.class)
              .single();
      madeShares.add(id);
      shares.add(id);
    }

    List<Actor> viewers = new ArrayList<>();
    everyone.forEach(u -> viewers.add(fixtures.actor(u)));
    viewers.add(Actor.anonymous("", "127.0.0.1"));
    Set<Long> ownIds = own.stream().map(Organisation::id).collect(Collectors.toSet());
    Set<Long> mine = new java.util.HashSet<>(madeReports);
    Set<Long> mineAdvisories = new java.util.HashSet<>(madeAdvisories);
    Set<Long> mineShares = new java.util.HashSet<>(shares);
    Map<Long, Made> byId = new HashMap<>();
    made.forEach(m -> byId.put(m.id(), m));
    // newest first (submitted, else created), then the id: the list's default order
    Comparator<Made> newest =
        Comparator.comparingInt(Made::minute).thenComparingLong(Made::id).reversed();
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    int seen = 0;
    for (Actor viewer : viewers) {
      String who = viewer.login() + "@" + viewer.organisationId();
      Set<Long> readable =
          reports.visibleAmong(viewer, made.stream().map(Made::id).toList()).stream()
              .map(ReportService.Summary::id)
              .collect(Collectors.toCollection(TreeSet::new));
      compared += made.size();
      seen += readable.size();
      List<Made> visible = made.stream().filter(m -> readable.contains(m.id())).toList();

      // the report list: total, "more", and every page of it, unfiltered and per facet
      List<Map<String, String>> queries = new ArrayList<>();
      queries.add(Map.of());
      for (String t : TLPS) {
        queries.add(Map.of("tlp", t));
      }
      for (String s : SECTORS) {
        queries.add(Map.of("sector", s));
      }
      for (String s : STATUSES) {
        queries.add(Map.of("status", s));
      }
      for (Map<String, String> facet : queries) {
        List<Long> expected =
            visible.stream()
                .filter(
                    m ->
                        facet.getOrDefault("tlp", m.tlp()).equals(m.tlp())
                            && facet.getOrDefault("sector", m.sector()).equals(m.sector())
                            && facet.getOrDefault("status", m.status()).equals(m.status()))
                .sorted(newest)
                .map(Made::id)
                .toList();
        List<Long> listed = new ArrayList<>();
        for (int page = 1; ; page++) {
          Map<String, String> params = new LinkedHashMap<>(facet);
          params.put("q", word);
          params.put("page", String.valueOf(page));
          ListPage<ReportService.Summary> p =
              reports.search(viewer, ReportPages.listSpec(reference).parse(params));
          if (p.total() != expected.size() || p.capped()) {
            mismatches.add(
                who
                    + " report list "
                    + facet
                    + " total "
                    + p.total()
                    + (p.capped() ? "+" : "")
                    + ", readable "
                    + expected.size());
          }
          p.rows().forEach(s -> listed.add(s.id()));
          if (!p.hasNext() || p.rows().isEmpty() || page > 20) {
            break;
          }
        }
        if (!listed.equals(expected)) {
          mismatches.add(who + " report list " + facet + " rows " + diff(listed, expected));
        }
      }

      // the reporter and recipient filters (names as the pages show them), newest first
      Organisation reporter = operators.get(viewers.indexOf(viewer) % operators.size());
      Organisation receiver = own.get(viewers.indexOf(viewer) % own.size());
      Map<Map<String, String>, java.util.function.Predicate<Made>> named = new LinkedHashMap<>();
      named.put(
          Map.of("org", reporter.code()),
          m -> directory.organisation(m.origin()).nameJa().contains(reporter.code()));
      named.put(
          Map.of("recipient", receiver.code()),
          m ->
              m.route().stream()
                  .anyMatch(o -> directory.organisation(o).nameJa().contains(receiver.code())));
      named.forEach(
          (filter, keep) -> {
            List<Long> expected =
                visible.stream().filter(keep).sorted(newest).map(Made::id).toList();
            List<Long> listed = walk(viewer, word, filter, expected.size(), who, mismatches);
            if (!listed.equals(expected)) {
              mismatches.add(who + " report list " + filter + " rows " + diff(listed, expected));
            }
          });
      // every other order, both ways: the pages hold every readable report once
      for (String sort : List.of("title", "severity", "tlp", "status", "sector")) {
        for (String dir : List.of("asc", "desc")) {
          Map<String, String> order = Map.of("sort", sort, "dir", dir);
          List<Long> listed = walk(viewer, word, order, readable.size(), who, mismatches);
          if (listed.size() != new TreeSet<>(listed).size()
              || !new TreeSet<>(listed).equals(readable)) {
            mismatches.add(
                who + " report list " + order + " rows " + diff(listed, List.copyOf(readable)));
          }
        }
      }
      // the list's SQL narrowing, in both its forms (the viewer's delivered reports as a list,
      // and each row's own hops looked up, as for NISC with more than HOPPED_LIST), keeps every
      // readable report: narrower, the list would hide one; wider only costs rows
      for (int hoppedList : List.of(ReportListing.HOPPED_LIST, 0)) {
        Set<Long> candidates = new TreeSet<>();
        new ReportListing(jdbcTemplate, hoppedList)
            .candidates(
                viewer.organisationId() == null ? -1 : viewer.organisationId(),
                gate.reach(viewer),
                ReportPages.listSpec(reference).parse(Map.of("q", word)),
                null,
                ListSpec.CAP)
            .forEachRemaining(c -> candidates.add(c.report().id()));
        if (!candidates.containsAll(readable)) {
          Set<Long> hidden = new TreeSet<>(readable);
          hidden.removeAll(candidates);
          mismatches.add(who + " list SQL (hopped list " + hoppedList + ") leaves out " + hidden);
        }
      }
      // the API's list (newest first, as the policy's scan reads every report)
      Set<Long> api =
          reports.list(viewer, 100_000).stream()
              .map(ReportService.Summary::id)
              .filter(mine::contains)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!api.equals(readable)) {
        mismatches.add(who + " report API list " + diff(List.copyOf(api), List.copyOf(readable)));
      }

      // the statistics over the period of the reports made here (no other report is in it)
      ReportStatistics stats =
          reports.statistics(
              viewer,
              new StatisticsFilter(
                  java.time.LocalDate.of(2031, 5, 1), java.time.LocalDate.of(2031, 5, 31), null));
      long counted = visible.stream().filter(m -> !"draft".equals(m.status())).count();
      long open = visible.stream().filter(m -> "submitted".equals(m.status())).count();
      Map<String, Long> bySector =
          visible.stream()
              .filter(m -> !"draft".equals(m.status()))
              .collect(
                  Collectors.groupingBy(
                      Made::sector, java.util.TreeMap::new, Collectors.counting()));
      Map<String, Long> statsBySector = new java.util.TreeMap<>();
      stats.bySector().rows().forEach(row -> statsBySector.put(row.code(), row.total()));
      if (stats.total() != counted || stats.open() != open || !statsBySector.equals(bySector)) {
        mismatches.add(
            who
                + " statistics total "
                + stats.total()
                + " open "
                + stats.open()
                + " "
                + statsBySector
                + ", readable "
                + counted
                + " open "
                + open
                + " "
                + bySector);
      }

      // the report inbox (its walks newest first, oldest first, by TLP, and a TLP filter)
      Long org = viewer.organisationId();
      Set<Long> deliveredHere = org == null ? Set.of() : deliveredTo.getOrDefault(org, Set.of());
      List<Long> inboxExpected =
          visible.stream()
              .filter(m -> deliveredHere.contains(m.id()))
              .sorted(newest)
              .map(Made::id)
              .toList();
      List<Long> inbox =
          reports.inbox(viewer, 100_000, false).stream()
              .map(ReportService.InboxItem::reportId)
              .filter(mine::contains)
              .toList();
      if (!new TreeSet<>(inbox).equals(new TreeSet<>(inboxExpected))
          || inbox.size() != inboxExpected.size()) {
        mismatches.add(who + " inbox " + diff(inbox, inboxExpected));
      }
      ListSpec inboxSpec =
          ListSpec.builder()
              .text()
              .organisation()
              .recipient()
              .tlp(reference)
              .period()
              .sorts("delivered", "title", "tlp", "from")
              .build();
      for (String t : TLPS) {
        ListQuery q = inboxSpec.parse(Map.of("tlp", t));
        Set<Long> got =
            reports
                .inbox(
                    viewer,
                    100_000,
                    false,
                    reports.inboxNarrowing(q),
                    i -> q.allows("tlp", i.tlp()))
                .stream()
                .map(ReportService.InboxItem::reportId)
                .filter(mine::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> want =
            inboxExpected.stream()
                .filter(id -> byId.get(id).tlp().equals(t))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!got.equals(want)) {
          mismatches.add(who + " inbox tlp=" + t + " " + diff(List.copyOf(got), List.copyOf(want)));
        }
      }
      if (org != null && ownIds.contains(org)) {
        // a CEPTOAR made here: its inbox, work queue and relay count hold only these reports
        for (String sort : List.of("title", "tlp")) {
          List<ReportService.InboxItem> ordered =
              reports.inboxInOrder(
                  viewer, 100_000, false, InboxNarrowing.NONE, i -> true, sort, false);
          if (ordered != null) {
            Set<Long> got =
                ordered.stream()
                    .map(ReportService.InboxItem::reportId)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!got.equals(new TreeSet<>(inboxExpected)) || ordered.size() != got.size()) {
              mismatches.add(
                  who + " inbox by " + sort + " " + diff(List.copyOf(got), inboxExpected));
            }
          }
        }
        List<Long> first3 =
            reports.inbox(viewer, 3, false).stream()
                .map(ReportService.InboxItem::reportId)
                .toList();
        if (first3.size() != Math.min(3, inboxExpected.size())) {
          mismatches.add(who + " inbox limit 3 " + first3 + ", readable " + inboxExpected);
        }
        Section<ReportService.InboxItem> waiting = reports.waiting(viewer, 3, 1_000);
        if (waiting.count() != inboxExpected.size() || waiting.capped()) {
          mismatches.add(
              who + " work queue count " + waiting.count() + ", readable " + inboxExpected.size());
        }
        long relays =
            visible.stream()
                .filter(
                    m ->
                        deliveredHere.contains(m.id())
                            && !"draft".equals(m.status())
                            && reportAnonymised(m.id())
                            && hopKind(m.id(), org).equals("ceptoar"))
                .count();
        if (reports.awaitingRelay(viewer) != relays) {
          mismatches.add(
              who + " awaiting relay " + reports.awaitingRelay(viewer) + ", readable " + relays);
        }
      }

      // advisories: the list, the inbox (whole and its first rows) and the receipts to confirm
      Set<Long> readableAdvisories =
          advisories.visibleAmong(viewer, realAdvisories).stream()
              .map(AdvisoryService.Summary::id)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<Long> listedAdvisories =
          advisories.list(viewer, ListSpec.CAP + 1).stream()
              .map(AdvisoryService.Summary::id)
              .filter(mineAdvisories::contains)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!listedAdvisories.equals(readableAdvisories)) {
        mismatches.add(
            who
                + " advisory list "
                + diff(List.copyOf(listedAdvisories), List.copyOf(readableAdvisories)));
      }
      List<Delivery> toOrg =
          deliveries.stream()
              .filter(
                  d -> org != null && d.org() == org && readableAdvisories.contains(d.advisory()))
              .sorted(Comparator.comparingInt(Delivery::minute).reversed())
              .toList();
      List<Long> advisoryInboxExpected = toOrg.stream().map(Delivery::advisory).toList();
      List<Long> advisoryInbox =
          advisories.inbox(viewer, 100_000).stream()
              .map(AdvisoryService.Summary::id)
              .filter(mineAdvisories::contains)
              .toList();
      if (!advisoryInbox.equals(advisoryInboxExpected)) {
        mismatches.add(who + " advisory inbox " + diff(advisoryInbox, advisoryInboxExpected));
      }
      // the advisories made here are the newest deliveries of every organisation
      List<Long> firstThree =
          advisories.inbox(viewer, 3).stream().map(AdvisoryService.Summary::id).toList();
      List<Long> firstThreeExpected =
          advisoryInboxExpected.subList(0, Math.min(3, advisoryInboxExpected.size()));
      if (!firstThree.equals(firstThreeExpected)) {
        mismatches.add(
            who + " advisory inbox limit 3 " + firstThree + ", readable " + firstThreeExpected);
      }
      if (org != null && ownIds.contains(org)) {
        long unconfirmed = toOrg.stream().filter(d -> !d.confirmed()).count();
        Section<AdvisoryService.Summary> confirm = advisories.toConfirm(viewer, 3, 1_000);
        if (confirm.count() != unconfirmed || confirm.capped()) {
          mismatches.add(
              who + " advisories to confirm " + confirm.count() + ", readable " + unconfirmed);
        }
      }

      // C4TAP shares: the list
      Set<Long> readableShares =
          c4tap.visibleIn(viewer, shares).stream()
              .map(C4tapService.Submission::id)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<Long> listedShares =
          c4tap.list(viewer, 100_000).stream()
              .map(C4tapService.Submission::id)
              .filter(mineShares::contains)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!listedShares.equals(readableShares)) {
        mismatches.add(
            who + " C4TAP list " + diff(List.copyOf(listedShares), List.copyOf(readableShares)));
      }
    }
    assertThat(mismatches).as("seed " + SEED).isEmpty();
    // the data is not trivial: many pairs are refused, many allowed
    assertThat(seen).isGreaterThan(compared / 10).isLessThan(compared * 9 / 10);
  }

  /**
   * Every page of the report list for the text {@code word} and {@code filter}, checking each
   * page's total against {@code expected}; the rows of all pages in order.
   */
  private List<Long> walk(
      Actor viewer,
      String word,
      Map<String, String> filter,
      int expected,
      String who,
      List<String> mismatches) {
    List<Long> listed = new ArrayList<>();
    for (int page = 1; page <= 20; page++) {
      Map<String, String> params = new LinkedHashMap<>(filter);
      params.put("q", word);
      params.put("page", String.valueOf(page));
      ListPage<ReportService.Summary> p =
          reports.search(viewer, ReportPages.listSpec(reference).parse(params));
      if (p.total() != expected || p.capped()) {
        mismatches.add(
            who
                + " report list "
                + filter
                + " page "
                + page
                + " total "
                + p.total()
                + (p.capped() ? "+" : "")
                + ", readable "
                + expected);
      }
      p.rows().forEach(x -> listed.add(x.id()));
      if (!p.hasNext() || p.rows().isEmpty()) {
        break;
      }
    }
    return listed;
  }

  private static java.time.OffsetDateTime at(int minute) {
    return BASE.plusSeconds(60L * minute).atOffset(java.time.ZoneOffset.UTC);
  }

  private boolean reportAnonymised(long id) {
    return jdbc.sql("select anonymise from report where id = ?")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  private String hopKind(long report, long org) {
    return jdbc.sql(
            "select kind from report_hop where report_id = ? and recipient_org_id = ?"
                + " and delivered_at is not null")
        .params(report, org)
        .query(String.class)
        .single();
  }

  private static String diff(List<Long> found, List<Long> policy) {
    Set<Long> missing = new TreeSet<>(policy);
    missing.removeAll(found);
    Set<Long> extra = new TreeSet<>(found);
    extra.removeAll(policy);
    return "missing though readable "
        + missing
        + ", shown though not readable "
        + extra
        + (missing.isEmpty() && extra.isEmpty() ? ", order " + found + " vs " + policy : "");
  }
}
