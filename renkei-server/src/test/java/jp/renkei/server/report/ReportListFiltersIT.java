package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An adversary's test of the report list's filters, order, paging and totals: for several viewers
 * (two operators of one sector, one of another, NISC), every filtered page lists exactly the
 * reports the access service lets the viewer see that match, the total counts only those, a filter
 * on what the viewer cannot see looks like a filter on nothing, the order of a column shows no gaps
 * of hidden rows, and bad parameters get a 400 page saying which parameter was wrong.
 */
class ReportListFiltersIT extends ServerTest {

  static final Pattern LINK = Pattern.compile("href=\"/reports/(\\d+)\"");
  static final Pattern TOTAL = Pattern.compile("id=\"list-total\">全([\\d,]+)件");
  static final String[] TLPS = {"clear", "green", "amber", "amber_strict", "red"};

  @Autowired ReportService reports;

  record Filed(long id, String title, String sector, String tlp, String status, String severity) {}

  private final List<Filed> filed = new ArrayList<>();
  private final Map<String, Http> apis = new java.util.HashMap<>();

  private void file(
      UserAccount u, String sector, String marker, int n, String tlp, boolean submit) {
    String severity = "level" + (1 + n % 3);
    String title = marker + " " + String.format("%02d", n) + " " + sector + " " + tlp;
    String body =
        "{\"content\":{\"title\":\""
            + title
            + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
            + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
            + "\"severity\":\""
            + severity
            + "\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\",\"observables\":[]},"
            + "\"route\":\"hotline\",\"tlp\":\""
            + tlp
            + "\",\"scopeSectors\":[\""
            + sector
            + "\"]"
            + ("red".equals(tlp) ? ",\"recipientLogins\":[\"" + u.login() + "\"]" : "")
            + "}";
    HttpResponse<String> r =
        apis.computeIfAbsent(u.login(), l -> http().bearer(fixtures.token(u)))
            .postJson("/api/v1/reports?submit=" + submit, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    filed.add(new Filed(id, title, sector, tlp, submit ? "submitted" : "draft", severity));
  }

  private Http signedIn(UserAccount u) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  private static List<Long> ids(String body) {
    List<Long> ids = new ArrayList<>();
    Matcher m = LINK.matcher(body);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private static int total(String body) {
    Matcher m = TOTAL.matcher(body);
    return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
  }

  @Test
  void filtersSortsAndTotalsShowOnlyWhatTheViewerMaySee() {
    String marker = Fixtures.unique("絞込");
    Organisation a = fixtures.operator("finance");
    Organisation b = fixtures.operator("electricity");
    Organisation c = fixtures.operator("finance");
    UserAccount ua = fixtures.user(a, Role.ANALYST);
    UserAccount ub = fixtures.user(b, Role.ANALYST);
    UserAccount uc = fixtures.user(c, Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    int n = 0;
    for (String tlp : TLPS) {
      file(ua, "finance", marker, n++, tlp, true);
      file(ub, "electricity", marker, n++, tlp, true);
    }
    file(ua, "finance", marker, n++, "amber", false);
    file(ub, "electricity", marker, n++, "green", false);

    Map<String, Predicate<Filed>> queries =
        Map.of(
            "", f -> true,
            "&sector=finance", f -> f.sector().equals("finance"),
            "&sector=electricity", f -> f.sector().equals("electricity"),
            "&tlp=red", f -> f.tlp().equals("red"),
            "&tlp=amber_strict&sector=electricity",
                f -> f.tlp().equals("amber_strict") && f.sector().equals("electricity"),
            "&status=draft", f -> f.status().equals("draft"),
            "&severity=level2", f -> f.severity().equals("level2"),
            // a TLP other than CLEAR/GREEN drops that alternative of the Reach in SQL, CLEAR/GREEN
            // the whole Reach: neither may show another organisation's AMBER row or count it
            "&tlp=amber&severity=level1",
                f -> f.tlp().equals("amber") && f.severity().equals("level1"),
            "&tlp=green", f -> f.tlp().equals("green"),
            "&tlp=clear&severity=level2",
                f -> f.tlp().equals("clear") && f.severity().equals("level2"));
    String q = "/reports?size=100&q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
    for (UserAccount viewer : List.of(ua, ub, uc, nisc)) {
      var actor = fixtures.actor(viewer);
      Http web = signedIn(viewer);
      List<Filed> visible = filed.stream().filter(f -> reports.canSee(actor, f.id())).toList();
      queries.forEach(
          (filter, keep) -> {
            String body = web.get(q + filter).body();
            List<Filed> expected = visible.stream().filter(keep).toList();
            assertThat(ids(body))
                .as(viewer.login() + " " + filter)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Filed::id).toList());
            assertThat(total(body))
                .as(viewer.login() + " total " + filter)
                .isEqualTo(expected.size());
            if (expected.isEmpty()) {
              // a filter on what the viewer cannot see reads like a filter on nothing at all
              assertThat(body).contains("id=\"list-empty\"").doesNotContain("id=\"list-total\"");
            }
          });
      // in column order, the rows are the visible ones sorted by that column alone
      List<Long> byTitle =
          visible.stream().sorted(Comparator.comparing(Filed::title)).map(Filed::id).toList();
      assertThat(ids(web.get(q + "&sort=title&dir=asc").body())).isEqualTo(byTitle);
      List<Long> reversed = new ArrayList<>(byTitle);
      java.util.Collections.reverse(reversed);
      assertThat(ids(web.get(q + "&sort=title&dir=desc").body())).isEqualTo(reversed);
      // no report of another organisation is named by a filter on a sector with no reports
      String water = web.get(q + "&sector=water").body();
      assertThat(ids(water)).isEmpty();
      assertThat(water).contains("id=\"list-empty\"");
    }
    // the ministry-free NISC, the other operator of the sector and the reporter differ
    assertThat(filed.stream().filter(f -> reports.canSee(fixtures.actor(uc), f.id())).count())
        .isLessThan(filed.size());
  }

  @Autowired ReportListing listing;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
  @Autowired jp.renkei.server.sharing.SharingGate gate;
  @Autowired jp.renkei.server.reference.ReferenceData reference;

  /**
   * The walk passes a viewer's delivered reports to SQL as a list when they are few, and looks each
   * row's hops up when they are many; a TLP filter shortens the Reach condition. Whatever the form,
   * the candidates are the same rows in the same order, and every report the viewer may see that
   * matches is among them (the SQL only narrows).
   */
  @Test
  void theReachConditionReadsTheSameCandidatesInEveryForm() {
    String marker = Fixtures.unique("候補");
    Organisation a = fixtures.operator("finance");
    Organisation b = fixtures.operator("electricity");
    UserAccount ua = fixtures.user(a, Role.ANALYST);
    UserAccount ub = fixtures.user(b, Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    int n = 0;
    for (String tlp : TLPS) {
      file(ua, "finance", marker, n++, tlp, true);
      file(ub, "electricity", marker, n++, tlp, true);
      file(ub, "electricity", marker, n++, tlp, true);
    }
    file(ua, "finance", marker, n++, "amber", false);
    var spec =
        jp.renkei.server.listing.ListSpec.builder()
            .text()
            .sectors(reference)
            .tlp(reference)
            .vocabulary("severity", "lists.filter.severity", reference, "severity")
            .sorts(ReportService.sorts())
            .build();
    ReportListing perRow = new ReportListing(jdbcTemplate, 0);
    ReportListing listed = new ReportListing(jdbcTemplate, Integer.MAX_VALUE);
    List<String> filters =
        List.of(
            "",
            "tlp=clear",
            "tlp=green",
            "tlp=amber",
            "tlp=amber_strict",
            "tlp=red",
            "tlp=amber&severity=level1",
            "tlp=green&sector=electricity",
            "sort=title&dir=asc&tlp=red");
    for (UserAccount viewer : List.of(ua, ub, nisc)) {
      var actor = fixtures.actor(viewer);
      var reach = gate.reach(actor);
      List<Filed> visible = filed.stream().filter(f -> reports.canSee(actor, f.id())).toList();
      for (String filter : filters) {
        Map<String, String> params = new java.util.HashMap<>();
        params.put("q", marker);
        for (String kv : filter.split("&")) {
          if (!kv.isEmpty()) {
            params.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
          }
        }
        var q = spec.parse(params);
        assertThat(q.valid()).as(filter).isTrue();
        List<Long> viaBean = candidates(listing, actor, reach, q);
        assertThat(candidates(perRow, actor, reach, q))
            .as(viewer.login() + " per row " + filter)
            .isEqualTo(viaBean);
        assertThat(candidates(listed, actor, reach, q))
            .as(viewer.login() + " listed " + filter)
            .isEqualTo(viaBean);
        List<Long> matching =
            visible.stream()
                .filter(
                    f ->
                        (!params.containsKey("tlp") || f.tlp().equals(params.get("tlp")))
                            && (!params.containsKey("severity")
                                || f.severity().equals(params.get("severity")))
                            && (!params.containsKey("sector")
                                || f.sector().equals(params.get("sector"))))
                .map(Filed::id)
                .toList();
        assertThat(viaBean).as(viewer.login() + " " + filter).containsAll(matching);
        assertThat(ids(signedIn(viewer).get("/reports?size=100&" + query(params)).body()))
            .as(viewer.login() + " page " + filter)
            .containsExactlyInAnyOrderElementsOf(matching);
      }
    }
  }

  @Autowired ReportRepository repository;

  /**
   * The inbox and the work queue judge reports whose hop to the viewer's organisation they have
   * just read; when the viewer's Reach consults that organisation alone, the delivered
   * organisations are known without reading hops, and counting reads no hop orders. The policy's
   * inputs stay the same as reading every hop.
   */
  @Test
  void aWalkOverDeliveriesJudgesWithTheSameInputsWithoutReadingHops() {
    String marker = Fixtures.unique("判定");
    Organisation a = fixtures.operator("finance");
    UserAccount ua = fixtures.user(a, Role.ANALYST);
    int n = 0;
    for (String tlp : TLPS) {
      file(ua, "finance", marker, n++, tlp, true);
    }
    var actor = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    long org = actor.organisationId();
    java.util.Set<Long> consulted = gate.reach(actor).consultedOrganisations();
    assertThat(consulted).containsExactly(org);
    List<Long> ids = repository.inbox(org, 200).stream().map(ReportRecords.Hop::reportId).toList();
    assertThat(ids).containsAnyElementsOf(filed.stream().map(Filed::id).toList());
    var full = repository.judged(ids, consulted);
    var counted = repository.judged(ids, consulted, org, false);
    var shown = repository.judged(ids, consulted, org, true);
    // a Reach consulting another organisation too reads the hops
    java.util.Set<Long> wider = java.util.Set.of(org, a.id());
    var widerFull = repository.judged(ids, wider);
    var widerWalk = repository.judged(ids, wider, org, false);
    assertThat(counted.keySet()).isEqualTo(full.keySet()).isEqualTo(shown.keySet());
    assertThat(widerWalk.keySet()).isEqualTo(widerFull.keySet()).isEqualTo(full.keySet());
    for (long id : full.keySet()) {
      assertThat(counted.get(id).report()).isEqualTo(full.get(id).report());
      assertThat(java.util.Set.copyOf(counted.get(id).deliveredTo()))
          .as("report " + id)
          .isEqualTo(java.util.Set.copyOf(full.get(id).deliveredTo()))
          .containsExactly(org);
      assertThat(counted.get(id).hopOrders()).isEmpty();
      assertThat(shown.get(id).hopOrders()).isEqualTo(full.get(id).hopOrders()).isNotEmpty();
      assertThat(java.util.Set.copyOf(widerWalk.get(id).deliveredTo()))
          .isEqualTo(java.util.Set.copyOf(widerFull.get(id).deliveredTo()));
    }
  }

  private static String query(Map<String, String> params) {
    StringBuilder s = new StringBuilder();
    params.forEach(
        (k, v) ->
            s.append(s.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return s.toString();
  }

  private static List<Long> candidates(
      ReportListing l,
      jp.renkei.server.audit.Actor actor,
      jp.renkei.engine.policy.Reach reach,
      jp.renkei.server.listing.ListQuery q) {
    List<Long> ids = new ArrayList<>();
    l.candidates(actor.organisationId() == null ? -1 : actor.organisationId(), reach, q, null, 2)
        .forEachRemaining(c -> ids.add(c.report().id()));
    return ids;
  }

  @Test
  void pagesWalkAStableOrderAndAPagePastTheEndSaysSo() {
    String marker = Fixtures.unique("頁送");
    Organisation a = fixtures.operator("water");
    UserAccount ua = fixtures.user(a, Role.ANALYST);
    for (int i = 0; i < 30; i++) {
      file(ua, "water", marker, i, "amber_strict", true);
    }
    Http web = signedIn(ua);
    String q = "/reports?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
    String first = web.get(q).body();
    String second = web.get(q + "&page=2").body();
    assertThat(total(first)).isEqualTo(30);
    assertThat(ids(first)).hasSize(25);
    assertThat(ids(second)).hasSize(5).doesNotContainAnyElementsOf(ids(first));
    List<Long> walked = new ArrayList<>(ids(first));
    walked.addAll(ids(second));
    assertThat(walked).isEqualTo(ids(web.get(q + "&size=50").body()));
    assertThat(first).contains("id=\"page-next\"").doesNotContain("id=\"page-prev\"");
    HttpResponse<String> past = web.get(q + "&page=3");
    assertThat(past.statusCode()).isEqualTo(200);
    assertThat(ids(past.body())).isEmpty();
    assertThat(past.body()).contains("id=\"list-past-end\"");
  }

  @Test
  void badParametersAreNamedOnThePageNeverAServerError() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Http web = signedIn(u);
    for (String bad :
        List.of(
            "from=2026-13-45",
            "sector=atlantis",
            "page=-1",
            "page=99999999999",
            "sort=DROP%20TABLE%20report",
            "dir=sideways",
            "size=7",
            "tlp=%3Cscript%3E",
            "from=2026-11-30&to=2026-11-01",
            "q=" + "x".repeat(201))) {
      HttpResponse<String> r = web.get("/reports?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body())
          .as(bad)
          .contains("id=\"list-problems\"", "id=\"list-filters\"")
          .doesNotContain("Exception", "<script>", "id=\"report-list\"");
    }
    assertThat(web.get("/reports?sort=DROP%20TABLE%20report").body()).contains("DROP TABLE report");
  }
}
