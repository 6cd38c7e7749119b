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
  @Autowired SearchService search;

  private final List<Long> orgs = new ArrayList<>();

  @AfterEach
  void removeTheBulkReports() {
    for (long org : orgs) {
      jdbc.sql("delete from report where originator_org_id = ?").param(org).update();
      jdbc.sql("delete from advisory where issuer_org_id = ?").param(org).update();
      jdbc.sql("delete from c4tap_submission where originator_org = ?").param(org).update();
    }
  }

  /**
   * {@code n} submitted AMBER+STRICT reports of {@code org} (only it may see them), titled {@code
   * words}, filed a minute apart from {@code from} minutes after 2026-01-01, in SQL.
   */
  private void bulk(Organisation org, String words, int n, int from) {
    bulk(org, words, n, from, "amber_strict", new String[0], new Long[0]);
  }

  /**
   * {@code n} submitted reports of {@code org} at {@code tlp}, scoped to {@code sectors} (none:
   * every sector) and not to the organisations {@code excluded}, as {@link #bulk(Organisation,
   * String, int, int)}.
   */
  private void bulk(
      Organisation org,
      String words,
      int n,
      int from,
      String tlp,
      String[] sectors,
      Long[] excluded) {
    orgs.add(org.id());
    jdbc.sql(
            "with made as (insert into report (originator_org_id, sector_code, route, tlp, status,"
                + " scope_sectors, excluded_org_ids, created_at, submitted_at)"
                + " select ?, ?, 'hotline', ?, 'submitted', ?, ?,"
                + " timestamptz '2026-01-01' + g * interval '1 minute',"
                + " timestamptz '2026-01-01' + g * interval '1 minute'"
                + " from generate_series(?, ?) g returning id, created_at)"
                + " insert into report_version (report_id, version_no, kind, title, summary,"
                + " detected_at, incident_type_code, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code)"
                + " select id, 1, 'first', ?, '概要', created_at, 'unavailability', 'no', 'level2',"
                + " 'no', 'case3' from made")
        .params(org.id(), org.sectorCode(), tlp, sectors, excluded, from, from + n - 1, words)
        .update();
  }

  /**
   * {@code n} active advisories issued by {@code org} at {@code tlp} to {@code sectors} (none and
   * {@code all}: everyone), titled {@code words}, a minute apart from {@code from}, with no
   * recipient rows (none was delivered), in SQL.
   */
  private void advisories(
      Organisation org, String words, int n, int from, String tlp, boolean all, String[] sectors) {
    orgs.add(org.id());
    jdbc.sql(
            "with made as (insert into advisory (issuer_org_id, tlp, audience_all,"
                + " audience_sectors, status, created_at) select ?, ?, ?, ?, 'active',"
                + " timestamptz '2026-01-01' + g * interval '1 minute'"
                + " from generate_series(?, ?) g returning id)"
                + " insert into advisory_version (advisory_id, version_no, kind, title, body)"
                + " select id, 1, 'initial', ?, '本文' from made")
        .params(org.id(), tlp, all, sectors, from, from + n - 1, words)
        .update();
  }

  /**
   * {@code n} C4TAP shares of {@code org} at {@code range} ({@code status} shared or draft, by
   * {@code person}), with the subject {@code words}, a minute apart from {@code from}, in SQL.
   */
  private void shares(
      Organisation org, Long person, String status, String words, int n, int from, String range) {
    orgs.add(org.id());
    jdbc.sql(
            "insert into c4tap_submission (originator_org, originator_person, range_code, status,"
                + " created_at, shared_at, subject, verdict, score, removed, bundle)"
                + " select ?, ?, ?, ?, timestamptz '2026-01-01' + g * interval '1 minute',"
                + " case when ? = 'shared' then timestamptz '2026-01-01' + g * interval '1 minute'"
                + " end, ?, 'SUSPICIOUS', 50, '[]', '{}' from generate_series(?, ?) g")
        .params(org.id(), person, range, status, status, words, from, from + n - 1)
        .update();
  }

  /** The candidate rows {@code u}'s search for {@code words} read, over every kind. */
  private long rowsRead(UserAccount u, String words) {
    long before = search.candidatesRead();
    search.search(fixtures.actor(u), words, null);
    return search.candidatesRead() - before;
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
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    Http analyst = viewer(me);
    long readBefore = rowsRead(me, word);

    String before = analyst.get("/api/v1/search?q=" + SearchLeakIT.q(word)).body();
    String beforeReports = reportAnswer(analyst, word);
    String beforePage = analyst.get("/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(API_ID, before)).containsExactly(Long.toString(visible));

    // 2,100 newer reports with the word, none of which the analyst may see
    bulk(other, "深さ試験 " + word, 2_100, 10);

    String after = analyst.get("/api/v1/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(API_ID, after)).containsExactly(Long.toString(visible));
    assertThat(after).isEqualTo(before).doesNotContain("\"more\":true");
    // and the hub read and judged no more rows for it than before they existed
    assertThat(rowsRead(me, word)).isEqualTo(readBefore).isEqualTo(1);
    assertThat(reportAnswer(analyst, word)).isEqualTo(beforeReports);
    String page = analyst.get("/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(REPORT_LINK, page)).containsExactly(Long.toString(visible));
    assertThat(page).doesNotContain("id=\"search-none\"").doesNotContain("search-more");
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

  /**
   * What a narrow viewer's search costs does not grow with the matches it may not see, of any kind
   * the SQL can tell: another organisation's AMBER+STRICT reports, its TLP:GREEN reports scoped to
   * another sector and its TLP:CLEAR reports that exclude the viewer; advisories at AMBER to no one
   * and at GREEN to another sector; C4TAP shares at a range the viewer may not read, and a
   * colleague's drafts. The answer is the one before they existed, and the rows the search read and
   * judged for it are the same (its own report, a GREEN advisory to everyone, its own share); the
   * hidden objects' audience finds them, so they do hold the word.
   */
  @Test
  void hiddenMatchesOfEveryKindAreNeitherReadNorJudgedForAViewerOutsideTheirAudience() {
    Organisation mine = fixtures.operator("gas");
    Organisation other = fixtures.operator("finance");
    Organisation issuer = fixtures.operator("gas");
    String word = SearchLeakIT.ascii();
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    UserAccount colleague = fixtures.user(mine, Role.ANALYST);
    bulk(mine, "費用試験 " + word, 1, 0);
    advisories(issuer, "費用試験 " + word, 1, 0, "green", true, new String[0]);
    shares(mine, me.id(), "shared", "費用試験 " + word, 1, 0, "AMBER");
    Http analyst = viewer(me);
    String before = analyst.get("/api/v1/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(API_ID, before)).hasSize(3);
    long readBefore = rowsRead(me, word);
    assertThat(readBefore).isEqualTo(3);

    bulk(other, "費用試験 " + word, 1_000, 10);
    bulk(other, "費用試験 " + word, 300, 2_000, "green", new String[] {"finance"}, new Long[0]);
    bulk(other, "費用試験 " + word, 300, 3_000, "clear", new String[0], new Long[] {mine.id()});
    advisories(other, "費用試験 " + word, 300, 10, "amber", false, new String[] {"gas"});
    advisories(other, "費用試験 " + word, 300, 400, "green", false, new String[] {"finance"});
    shares(other, null, "shared", "費用試験 " + word, 300, 10, "RED");
    shares(mine, colleague.id(), "draft", "費用試験 " + word, 300, 400, "AMBER");

    String after = analyst.get("/api/v1/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(after).isEqualTo(before);
    assertThat(rowsRead(me, word)).isEqualTo(readBefore);
    // the hidden ones hold the word: their audience finds them
    UserAccount theirs = fixtures.user(other, Role.ANALYST);
    String found = viewer(theirs).get("/api/v1/search?q=" + SearchLeakIT.q(word)).body();
    assertThat(all(API_ID, found)).hasSizeGreaterThanOrEqualTo(3 * SearchService.PER_KIND);
    // and the colleague its own drafts
    assertThat(rowsRead(colleague, word)).isGreaterThan(readBefore);
  }
}
