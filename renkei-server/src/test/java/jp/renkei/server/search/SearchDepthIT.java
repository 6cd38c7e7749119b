package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * Search behind many newer hidden matches: an operator's analyst whose only match of a word is one
 * of its own organisation's reports finds it although another organisation filed 2,100 newer
 * reports with the same word (more than the 2,000 candidates search used to look at); and those
 * hidden reports change nothing the analyst sees — the answer is the one before they existed, and
 * the one for a word only the visible report holds — while their own organisation finds them.
 */
class SearchDepthIT extends ServerTest {

  static final Pattern REPORT_LINK = Pattern.compile("href=\"/reports/(\\d+)\"");
  static final Pattern API_ID = Pattern.compile("\"id\":\"(\\d+)\"");

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  private final List<Long> orgs = new ArrayList<>();

  @AfterEach
  void removeTheBulkReports() {
    for (long org : orgs) {
      jdbc.sql("delete from report where originator_org_id = ?").param(org).update();
    }
  }

  /**
   * {@code n} submitted AMBER+STRICT reports of {@code org} (only it may see them), titled {@code
   * words}, filed a minute apart from {@code from} minutes after 2026-01-01, in SQL.
   */
  private void bulk(Organisation org, String words, int n, int from) {
    orgs.add(org.id());
    jdbc.sql(
            "with made as (insert into report (originator_org_id, sector_code, route, tlp, status,"
                + " created_at, submitted_at) select ?, ?, 'hotline', 'amber_strict', 'submitted',"
                + " timestamptz '2026-01-01' + g * interval '1 minute',"
                + " timestamptz '2026-01-01' + g * interval '1 minute'"
                + " from generate_series(?, ?) g returning id, created_at)"
                + " insert into report_version (report_id, version_no, kind, title, summary,"
                + " detected_at, incident_type_code, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code)"
                + " select id, 1, 'first', ?, '概要', created_at, 'unavailability', 'no', 'level2',"
                + " 'no', 'case3' from made")
        .params(org.id(), org.sectorCode(), from, from + n - 1, words)
        .update();
  }

  private Http viewer(UserAccount u) {
    Http h = http().bearer(fixtures.token(u));
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  private static List<String> all(Pattern p, String body) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(body);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * The API's answer for reports to {@code query}, with the query's echo, the excerpt's highlight
   * and the {@code words} left out.
   */
  private static String reportAnswer(Http viewer, String query, String... words) {
    HttpResponse<String> r = viewer.get("/api/v1/search?kind=report&q=" + SearchLeakIT.q(query));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String out =
        r.body()
            .replaceFirst("\"query\":\"[^\"]*\"", "\"query\":\"?\"")
            .replaceAll("\"match\":\"[^\"]*\"", "\"match\":\"?\"");
    for (String w : words) {
      out = out.replace(w, "?");
    }
    return out;
  }

  @Test
  void visibleMatchesBehindThousandsOfNewerHiddenOnesAreFoundAndTheHiddenChangeNothing() {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("gas");
    String word = SearchLeakIT.ascii();
    String only = SearchLeakIT.ascii();
    bulk(mine, "深さ試験 " + word + " " + only, 1, 0);
    long visible =
        jdbc.sql("select id from report where originator_org_id = ?")
            .param(mine.id())
            .query(Long.class)
            .single();
    Http analyst = viewer(fixtures.user(mine, Role.ANALYST));

    String before = analyst.get("/api/v1/search?q=" + SearchLeakIT.q(word)).body();
    String beforeReports = reportAnswer(analyst, word);
    String beforePage = analyst.get("/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(API_ID, before)).containsExactly(Long.toString(visible));

    // 2,100 newer reports with the word, none of which the analyst may see
    bulk(other, "深さ試験 " + word, 2_100, 10);

    String after = analyst.get("/api/v1/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(API_ID, after)).containsExactly(Long.toString(visible));
    assertThat(after)
        .isEqualTo(before)
        .doesNotContain("\"more\":true")
        .doesNotContain("\"narrowed\":true");
    assertThat(reportAnswer(analyst, word)).isEqualTo(beforeReports);
    String page = analyst.get("/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(REPORT_LINK, page)).containsExactly(Long.toString(visible));
    assertThat(page)
        .doesNotContain("id=\"search-none\"")
        .doesNotContain("search-narrowed")
        .doesNotContain("search-more");
    assertThat(SearchLeakIT.comparable(page, word))
        .isEqualTo(SearchLeakIT.comparable(beforePage, word));
    // the same as a word only the visible report holds
    assertThat(reportAnswer(analyst, word, word, only))
        .isEqualTo(reportAnswer(analyst, only, word, only));

    // the hidden reports' own organisation finds them (newest first), and more of them
    Http owner = viewer(fixtures.user(other, Role.ANALYST));
    String theirs = owner.get("/api/v1/search?kind=report&q=" + SearchLeakIT.q(word)).body();
    assertThat(all(API_ID, theirs)).hasSize(SearchService.MAX_ONE_KIND);
    assertThat(theirs).contains("\"more\":true");
    assertThat(all(API_ID, theirs)).doesNotContain(Long.toString(visible));
  }
}
