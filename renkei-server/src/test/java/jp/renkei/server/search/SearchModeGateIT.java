package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.sharing.ModeService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mode-gated viewer (a disaster-management agency in normal mode) may not see GREEN reports of
 * the community, though its reach admits them in some mode. Its search must not read them as
 * candidates: they filled the walk's bound of {@value SearchService#WALK} candidates silently, so
 * that many GREEN reports naming a domain, newer than a CLEAR one the viewer may see, made the
 * CLEAR one vanish from its answer; what the viewer saw then told it that thousands of reports it
 * may not see name the domain.
 */
class SearchModeGateIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired SearchService search;
  @Autowired DirectoryService directory;
  @Autowired ModeService modes;

  private final List<Long> orgs = new ArrayList<>();

  @AfterEach
  void removeWhatWasMade() {
    if (modes.current() != SystemMode.NORMAL) {
      modes.switchTo(Actor.cli(), "normal", "test cleanup");
    }
    for (long org : orgs) {
      jdbc.sql("delete from report where originator_org_id = ?").param(org).update();
    }
  }

  /** {@code n} reports of {@code by} at {@code tlp}, each naming {@code host} as an observable. */
  private void reports(Organisation by, String tlp, String host, int n) {
    jdbc.sql(
            "with made as (insert into report (originator_org_id, sector_code, route, tlp, status,"
                + " submitted_at) select ?, ?, 'hotline', ?, 'submitted', now()"
                + " from generate_series(1, ?) returning id), v as (insert into report_version"
                + " (report_id, version_no, kind, title, summary, detected_at, incident_type_code,"
                + " service_outage, severity_code, cascade_possibility, reporting_case_code)"
                + " select id, 1, 'first', '区分試験', '概要', now(), 'unavailability', 'no',"
                + " 'level2', 'no', 'case3' from made returning id)"
                + " insert into report_observable (version_id, position, type, value, original)"
                + " select id, 0, 'domain-name', ?, ? from v")
        .params(by.id(), by.sectorCode(), tlp, n, host, host)
        .update();
  }

  private static List<String> reportIds(SearchResult r) {
    return r.groups().stream()
        .filter(g -> g.kind() == SearchResult.Kind.REPORT)
        .flatMap(g -> g.hits().stream())
        .map(SearchResult.Hit::id)
        .toList();
  }

  @Test
  void greenReportsAModeGatedViewerMayNotSeeDoNotPushItsOwnHitsOut() {
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
    Actor viewer = fixtures.actor(fixtures.user(agency, Role.ANALYST));
    String crowded = "lv" + SearchLeakIT.ascii() + ".top";
    String quiet = "lv" + SearchLeakIT.ascii() + ".top";
    reports(other, "clear", "v." + crowded, 1);
    reports(other, "clear", "v." + quiet, 1);
    // newer than the CLEAR one, more than a walk's bound, none of them for the viewer now
    reports(other, "green", "g." + crowded, SearchService.WALK + 1);
    jdbc.sql("analyze report_version").update();

    List<String> a = reportIds(search.search(viewer, crowded, SearchResult.Kind.REPORT));
    List<String> b = reportIds(search.search(viewer, quiet, SearchResult.Kind.REPORT));
    assertThat(a).as("the CLEAR report under the crowded domain").hasSize(1);
    assertThat(a).hasSameSizeAs(b);

    // in large-scale mode the community's GREEN reaches the agency: then they are its hits
    modes.switchTo(Actor.cli(), "large_scale", "test");
    assertThat(reportIds(search.search(viewer, crowded, SearchResult.Kind.REPORT)))
        .hasSize(SearchService.MAX_ONE_KIND)
        .doesNotContainAnyElementsOf(a);
  }
}
