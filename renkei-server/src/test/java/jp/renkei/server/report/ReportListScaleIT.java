package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The report list past the counted total (ListSpec#COUNTED): an operator with more matching reports
 * than are counted sees "n件以上", pages on past the counted rows in the same order (the walk reads
 * its candidates in keyset batches), and sees the same page and the same total after another
 * organisation files a report it may not see — a hidden report never moves a count, a page or where
 * the walk stops. The newest version's title and severity the list filters and sorts by (kept on
 * the report, V182) follow a 続報 and a draft whose versions are replaced.
 */
class ReportListScaleIT extends ServerTest {

  static final Pattern LINK = Pattern.compile("href=\"/reports/(\\d+)\"");
  static final Pattern TOTAL = Pattern.compile("id=\"list-total\">全?([\\d,]+)件(以上)?");

  @Autowired JdbcClient jdbc;

  private final List<Long> orgs = new ArrayList<>();

  @AfterEach
  void removeTheBulkReports() {
    for (long org : orgs) {
      jdbc.sql("delete from report where originator_org_id = ?").param(org).update();
    }
  }

  /** {@code n} submitted AMBER+STRICT reports of {@code org} (only it may see them), in SQL. */
  private void bulk(Organisation org, String marker, int n, int from) {
    bulk(org, marker, n, from, "amber_strict");
  }

  private void bulk(Organisation org, String marker, int n, int from, String tlp) {
    orgs.add(org.id());
    jdbc.sql(
            "with made as (insert into report (originator_org_id, sector_code, route, tlp, status,"
                + " created_at, submitted_at) select ?, ?, 'hotline', ?, 'submitted',"
                + " timestamptz '2026-01-01' + g * interval '1 minute',"
                + " timestamptz '2026-01-01' + g * interval '1 minute'"
                + " from generate_series(?, ?) g returning id, created_at)"
                + " insert into report_version (report_id, version_no, kind, title, summary,"
                + " detected_at, incident_type_code, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code)"
                + " select id, 1, 'first', ? || ' ' || to_char(created_at, 'YYYYMMDDHH24MI'), '概要',"
                + " created_at, 'unavailability', 'no', 'level2', 'no', 'case3' from made")
        .params(org.id(), org.sectorCode(), tlp, from, from + n - 1, marker)
        .update();
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

  private static String total(String body) {
    Matcher m = TOTAL.matcher(body);
    return m.find() ? m.group(0).replaceAll(".*>", "") : "";
  }

  @Test
  void pastTheCountedTotalTheListSaysMoreAndHiddenReportsMoveNothing() {
    String marker = Fixtures.unique("件数");
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("gas");
    bulk(mine, marker, 1_030, 0);
    Http web = signedIn(fixtures.user(mine, Role.ANALYST));
    String q = "/reports?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);

    String first = web.get(q).body();
    assertThat(total(first)).isEqualTo("1,000件以上");
    assertThat(first).contains("id=\"page-next\"").contains("1〜25件目 (1ページ目)");
    // the last counted page links on; the page after it walks as deep as its own rows
    assertThat(web.get(q + "&page=40").body()).contains("id=\"page-next\"");
    String deep = web.get(q + "&page=41").body();
    assertThat(ids(deep)).hasSize(25);
    assertThat(total(deep)).isEqualTo("1,025件以上");
    String last = web.get(q + "&page=42").body();
    assertThat(ids(last)).hasSize(5);
    assertThat(total(last)).isEqualTo("全1,030件");
    assertThat(last).doesNotContain("id=\"page-next\"");

    // pages in a row are the rows of one walk in order (newest first, then by title ascending)
    List<Long> walked = new ArrayList<>();
    for (int page = 1; page <= 11; page++) {
      walked.addAll(ids(web.get(q + "&size=100&page=" + page).body()));
    }
    assertThat(walked).hasSize(1_030).doesNotHaveDuplicates();
    assertThat(walked)
        .isEqualTo(
            jdbc.sql(
                    "select id from report where originator_org_id = ?"
                        + " order by submitted_at desc, id desc")
                .param(mine.id())
                .query(Long.class)
                .list());
    List<Long> byTitle = new ArrayList<>();
    for (int page = 1; page <= 11; page++) {
      byTitle.addAll(ids(web.get(q + "&sort=title&dir=asc&size=100&page=" + page).body()));
    }
    assertThat(byTitle).hasSize(1_030);
    List<Long> reversed = new ArrayList<>(walked);
    java.util.Collections.reverse(reversed);
    assertThat(byTitle).isEqualTo(reversed);

    // another organisation's reports with the same words, newer and older, change nothing
    bulk(other, marker, 40, 2_000);
    bulk(other, marker, 40, -100);
    assertThat(ids(web.get(q).body())).isEqualTo(ids(first));
    assertThat(total(web.get(q).body())).isEqualTo("1,000件以上");
    assertThat(ids(web.get(q + "&page=41").body())).isEqualTo(ids(deep));
    assertThat(total(web.get(q + "&page=41").body())).isEqualTo("1,025件以上");
    assertThat(total(web.get(q + "&page=42").body())).isEqualTo("全1,030件");
  }

  @Test
  void theInboxWalksPastDeliveriesTheViewerMayNotSeeAndNeverCountsThem() {
    String marker = Fixtures.unique("受信");
    Organisation inbox = fixtures.operator("gas");
    Organisation sender = fixtures.operator("gas");
    // 30 GREEN reports, then 1,010 newer RED ones naming no person of the inbox's organisation,
    // all delivered to it: the RED ones are hidden from its analyst though delivered
    bulk(sender, marker, 30, 0, "green");
    bulk(sender, marker, 1_010, 100, "red");
    jdbc.sql(
            "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at)"
                + " select id, 1, 'ceptoar', ?, submitted_at from report where originator_org_id = ?")
        .params(inbox.id(), sender.id())
        .update();
    Http web = signedIn(fixtures.user(inbox, Role.ANALYST));
    for (String q :
        List.of("/inbox", "/inbox?status=unread", "/inbox?tlp=green", "/inbox?page=2")) {
      String body = web.get(q).body();
      assertThat(total(body)).as(q).isEqualTo("全30件");
      // two pages of 25, counted exactly: no "以上", and no page after the second
      assertThat(body).as(q).contains(q.endsWith("page=2") ? "(2/2ページ)" : "(1/2ページ)");
    }
    assertThat(web.get("/inbox?page=2").body()).doesNotContain("id=\"page-next\"");
    assertThat(ids(web.get("/inbox?size=50").body())).hasSize(30);
    for (String q : List.of("/inbox?tlp=red", "/inbox?status=read", "/inbox?status=awaiting")) {
      assertThat(web.get(q).body()).as(q).contains("id=\"list-empty\"");
    }
  }

  /**
   * The inbox in title, TLP and oldest-first order is read in that order from SQL and stops at the
   * counted total (branch hub7): RED reports delivered to the same inbox, with titles before, among
   * (equal titles) and after the visible ones, move no total, no row and no page boundary.
   */
  @Test
  void theInboxInTitleOrderCountsAndPagesOnlyWhatTheViewerMaySee() {
    String marker = Fixtures.unique("順序");
    Organisation inbox = fixtures.operator("gas");
    Organisation sender = fixtures.operator("gas");
    bulk(sender, marker, 1_030, 0, "green");
    String deliver =
        "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at)"
            + " select id, 1, 'ceptoar', ?, submitted_at from report r where originator_org_id = ?"
            + " and not exists (select 1 from report_hop x where x.report_id = r.id)";
    jdbc.sql(deliver).params(inbox.id(), sender.id()).update();
    Http web = signedIn(fixtures.user(inbox, Role.ANALYST));
    List<String> pages = new ArrayList<>();
    for (String q :
        List.of(
            "/inbox?sort=title&dir=asc",
            "/inbox?sort=title&dir=asc&page=41",
            "/inbox?sort=title&dir=asc&page=42",
            "/inbox?sort=title&dir=desc&page=3",
            "/inbox?sort=tlp",
            "/inbox?sort=tlp&dir=asc&page=41",
            "/inbox?sort=delivered&dir=asc&page=40")) {
      pages.add(q + " " + total(web.get(q).body()) + " " + ids(web.get(q).body()));
    }
    assertThat(pages.get(0)).contains("1,000件以上");
    assertThat(pages.get(1)).contains("1,025件以上");
    assertThat(pages.get(2)).contains("全1,030件");
    // the pages in a row are the visible reports by title, then id (the order SQL reads them in)
    List<Long> byTitle = new ArrayList<>();
    for (int page = 1; page <= 11; page++) {
      byTitle.addAll(ids(web.get("/inbox?sort=title&dir=asc&size=100&page=" + page).body()));
    }
    List<Long> expected =
        jdbc.sql(
                "select id from report where originator_org_id = ?"
                    + " order by coalesce(current_title, ''), id")
            .param(sender.id())
            .query(Long.class)
            .list();
    assertThat(byTitle).hasSize(1_030).isEqualTo(expected);

    // RED reports delivered to the same inbox, titled before, equal to and after visible ones
    bulk(sender, marker, 40, -100, "red");
    bulk(sender, marker, 40, 500, "red");
    bulk(sender, marker, 40, 2_000, "red");
    jdbc.sql(deliver).params(inbox.id(), sender.id()).update();
    List<String> again = new ArrayList<>();
    for (String p : pages) {
      String q = p.substring(0, p.indexOf(' '));
      again.add(q + " " + total(web.get(q).body()) + " " + ids(web.get(q).body()));
    }
    assertThat(again).isEqualTo(pages);
    List<Long> byTitleAgain = new ArrayList<>();
    for (int page = 1; page <= 11; page++) {
      byTitleAgain.addAll(ids(web.get("/inbox?sort=title&dir=asc&size=100&page=" + page).body()));
    }
    assertThat(byTitleAgain).isEqualTo(byTitle);
  }

  @Test
  void theListedTitleAndSeverityAreTheNewestVersions() {
    String marker = Fixtures.unique("続報");
    Organisation org = fixtures.operator("water");
    orgs.add(org.id());
    UserAccount analyst = fixtures.user(org, Role.ANALYST);
    Http api = http().bearer(fixtures.token(analyst));
    String content =
        "{\"title\":\"%s\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
            + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
            + "\"severity\":\"%s\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
            + "\"observables\":[]}";
    var made =
        api.postJson(
            "/api/v1/reports?submit=false",
            "{\"content\":"
                + content.formatted(marker + " 第一報", "level1")
                + ",\"route\":\"hotline\",\"tlp\":\"amber_strict\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long id = Long.parseLong(made.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    Http web = signedIn(analyst);
    String q = "/reports?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
    assertThat(ids(web.get(q + "&severity=level1").body())).containsExactly(id);

    // a draft edited: its versions are replaced, the list follows
    var edited =
        api.putJson("/api/v1/reports/" + id + "/draft", content.formatted(marker + " 改", "level4"));
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(ids(web.get(q + "&severity=level1").body())).isEmpty();
    assertThat(ids(web.get(q + "&severity=level4").body())).containsExactly(id);
    assertThat(web.get(q).body()).contains(marker + " 改");

    // submitted, then a 続報: the newest version is what the list filters and sorts by
    assertThat(api.postJson("/api/v1/reports/" + id + "/submit", "{}").statusCode()).isEqualTo(200);
    var followup =
        api.postJson(
            "/api/v1/reports/" + id + "/versions",
            "{\"kind\":\"followup\",\"content\":"
                + content.formatted(marker + " 続報", "level5")
                + "}");
    assertThat(followup.statusCode()).as(followup.body()).isEqualTo(200);
    assertThat(ids(web.get(q + "&severity=level4").body())).isEmpty();
    assertThat(ids(web.get(q + "&severity=level5").body())).containsExactly(id);
    assertThat(web.get(q).body()).contains(marker + " 続報");
    assertThat(
            jdbc.sql("select current_version_no from report where id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }
}
