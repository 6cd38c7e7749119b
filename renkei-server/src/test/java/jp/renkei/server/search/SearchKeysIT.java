package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.search.SearchQuery;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.sharing.SharingGate;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reach keys searched versions carry (V297) against the reach condition they stand for, through
 * every change of a report's or an advisory's audience: at each step, the versions a viewer's keys
 * let the index hand over are exactly those of the objects the reach condition admits for it (a
 * stale key either hides a readable object from search or lets a hidden one be read), and search
 * finds what the policy lets it read. And what the index hands over for a word does not grow with
 * the hidden versions holding it: they are not read at all (EXPLAIN of the candidate statement).
 */
class SearchKeysIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired SearchService search;
  @Autowired SearchRepository index;
  @Autowired SharingGate gate;
  @Autowired TransactionTemplate tx;

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

  private long report(Organisation by, String tlp, String status, String words) {
    long id =
        jdbc.sql(
                "insert into report (originator_org_id, sector_code, route, tlp, status,"
                    + " submitted_at) values (?, ?, 'hotline', ?, ?, now()) returning id")
            .params(by.id(), by.sectorCode(), tlp, status)
            .query(Long.class)
            .single();
    version(id, 1, words);
    return id;
  }

  private void version(long report, int no, String words) {
    jdbc.sql(
            "insert into report_version (report_id, version_no, kind, title, summary,"
                + " detected_at, incident_type_code, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code) values (?, ?, ?, ?, '概要', now(),"
                + " 'unavailability', 'no', 'level2', 'no', 'case3')")
        .params(report, no, no == 1 ? "first" : "followup", "鍵試験 " + words)
        .update();
  }

  private void set(long report, String assignment, Object value) {
    jdbc.sql("update report set " + assignment + " where id = ?").params(value, report).update();
  }

  /** Whether {@code viewer}'s keys reach a version of {@code report} holding {@code word}. */
  private boolean keysReach(Actor viewer, long report, String word) {
    SearchKeys k = SearchKeys.of(gate.reach(viewer));
    return jdbc.sql(
                "select count(*) from report_version v where v.report_id = ? and v.reach_keys &&"
                    + " cast(? as text[]) and v.reach_allow && cast(? as text[]) and"
                    + " search_terms(report_search_text(v.title, v.summary, v.response_status,"
                    + " v.cascade_note)) @> search_terms(?)")
            .params(report, k.keys(), k.allow(), word)
            .query(Long.class)
            .single()
        > 0;
  }

  private boolean found(Actor viewer, long report, String word) {
    return search.search(viewer, word, SearchResult.Kind.REPORT).groups().get(0).hits().stream()
        .anyMatch(h -> h.id().equals(Long.toString(report)));
  }

  /** Asserts that the keys and search both see {@code report} for {@code viewer}, or neither. */
  private void sees(Actor viewer, long report, String word, boolean expected, String step) {
    assertThat(found(viewer, report, word)).as("search, " + step).isEqualTo(expected);
    assertThat(keysReach(viewer, report, word)).as("keys, " + step).isEqualTo(expected);
  }

  @Test
  void reportKeysFollowEveryChangeOfItsAudience() {
    Organisation mine = operator("gas");
    Organisation other = operator("finance");
    UserAccount me = fixtures.user(mine, Role.ANALYST);
    Actor analyst = fixtures.actor(me);
    Actor theirs = fixtures.actor(fixtures.user(other, Role.ANALYST));
    String word = SearchLeakIT.ascii();
    long r = report(other, "amber", "submitted", word);
    sees(analyst, r, word, false, "AMBER to no one");
    sees(theirs, r, word, true, "its own organisation");

    // a hop to the analyst's organisation: a recipient once delivered, not before
    jdbc.sql(
            "insert into report_hop (report_id, hop_order, kind, recipient_org_id) values (?, 1,"
                + " 'ministry', ?)")
        .params(r, mine.id())
        .update();
    sees(analyst, r, word, false, "a hop not yet delivered");
    jdbc.sql("update report_hop set delivered_at = now() where report_id = ?").param(r).update();
    sees(analyst, r, word, true, "delivered");
    // a new version (続報) carries the keys too, with its own words
    String later = SearchLeakIT.ascii();
    version(r, 2, later);
    sees(analyst, r, later, true, "a new version");
    sees(
        fixtures.actor(fixtures.user(operator("gas"), Role.ANALYST)),
        r,
        later,
        false,
        "another operator");
    jdbc.sql("delete from report_hop where report_id = ?").param(r).update();
    sees(analyst, r, later, false, "the hop removed");

    // the marking
    set(r, "tlp = ?", "clear");
    sees(analyst, r, word, true, "TLP:CLEAR");
    sees(Actor.anonymous("", "127.0.0.1"), r, word, true, "TLP:CLEAR, public");
    set(r, "anonymise = ?", true);
    sees(analyst, r, word, false, "an anonymised original");
    set(r, "anonymise = ?", false);
    set(r, "tlp = ?", "red");
    sees(analyst, r, word, false, "TLP:RED");
    set(r, "recipient_user_ids = ?", new Long[] {me.id()});
    sees(analyst, r, word, true, "TLP:RED naming the analyst");
    set(r, "recipient_user_ids = ?", new Long[0]);
    sees(analyst, r, word, false, "TLP:RED, the name removed");

    // a GREEN scope, and the viewer's organisation moving into it
    set(r, "tlp = ?", "green");
    set(r, "scope_sectors = ?", new String[] {"finance"});
    sees(analyst, r, word, false, "GREEN to finance");
    set(r, "scope_sectors = ?", new String[] {"finance", "gas"});
    sees(analyst, r, word, true, "GREEN to finance and gas");
    set(r, "scope_types = ?", new String[] {"ministry"});
    sees(analyst, r, word, false, "GREEN to ministries of those sectors");
    set(r, "scope_types = ?", new String[0]);
    set(r, "scope_sectors = ?", new String[] {"finance"});
    jdbc.sql("update organisation set sector_code = 'finance' where id = ?")
        .param(mine.id())
        .update();
    sees(analyst, r, word, true, "the analyst's organisation now in finance");
    jdbc.sql("update organisation set sector_code = 'gas' where id = ?").param(mine.id()).update();

    // exclusions: of the analyst's organisation, of others, of both
    set(r, "tlp = ?", "clear");
    set(r, "excluded_org_ids = ?", new Long[] {mine.id()});
    sees(analyst, r, word, false, "CLEAR excluding the analyst's organisation");
    sees(Actor.anonymous("", "127.0.0.1"), r, word, true, "excluded, public");
    sees(theirs, r, word, true, "the originator excluding another");
    Organisation third = operator("gas");
    Actor neighbour = fixtures.actor(fixtures.user(third, Role.ANALYST));
    sees(neighbour, r, word, true, "CLEAR excluding someone else");
    set(r, "excluded_org_ids = ?", new Long[] {third.id(), mine.id(), mine.id() + 1});
    sees(analyst, r, word, false, "excluded among three");
    sees(neighbour, r, word, false, "excluded among three, the neighbour");
    set(r, "excluded_org_ids = ?", new Long[] {third.id()});
    sees(analyst, r, word, true, "the exclusion lifted");

    // a draft is its organisation's alone; submitted, its audience's
    long draft = report(other, "clear", "draft", word);
    sees(analyst, draft, word, false, "a draft");
    sees(theirs, draft, word, true, "its own draft");
    set(draft, "status = ?", "submitted");
    sees(analyst, draft, word, true, "submitted");
  }

  @Test
  void advisoryKeysFollowItsRecipientsAndMarking() {
    Organisation mine = operator("gas");
    Organisation issuer = operator("finance");
    Actor analyst = fixtures.actor(fixtures.user(mine, Role.ANALYST));
    String word = SearchLeakIT.ascii();
    long a =
        jdbc.sql(
                "insert into advisory (issuer_org_id, tlp, status) values (?, 'amber', 'active')"
                    + " returning id")
            .param(issuer.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into advisory_version (advisory_id, version_no, kind, title, body) values (?,"
                + " 1, 'initial', ?, '本文')")
        .params(a, "鍵試験 " + word)
        .update();
    java.util.function.Supplier<Boolean> found =
        () ->
            search.search(analyst, word, SearchResult.Kind.ADVISORY).groups().get(0).hits().stream()
                .anyMatch(h -> h.id().equals(Long.toString(a)));
    java.util.function.Supplier<Boolean> keys =
        () ->
            jdbc.sql(
                        "select count(*) from advisory_version where advisory_id = ? and"
                            + " reach_keys && cast(? as text[])")
                    .params(a, SearchKeys.of(gate.reach(analyst)).keys())
                    .query(Long.class)
                    .single()
                > 0;
    assertThat(found.get()).isFalse();
    assertThat(keys.get()).isFalse();
    jdbc.sql(
            "insert into advisory_recipient (advisory_id, organisation_id, level, delivered_at,"
                + " version_no) values (?, ?, 'operator', now(), 1)")
        .params(a, mine.id())
        .update();
    assertThat(found.get()).as("a recipient").isTrue();
    assertThat(keys.get()).isTrue();
    jdbc.sql("delete from advisory_recipient where advisory_id = ?").param(a).update();
    assertThat(found.get()).as("no longer a recipient").isFalse();
    assertThat(keys.get()).isFalse();
    jdbc.sql("update advisory set tlp = 'green', audience_sectors = '{finance}' where id = ?")
        .param(a)
        .update();
    assertThat(found.get()).as("GREEN to finance").isFalse();
    assertThat(keys.get()).isFalse();
    jdbc.sql("update advisory set audience_all = true where id = ?").param(a).update();
    assertThat(found.get()).as("GREEN to everyone").isTrue();
    assertThat(keys.get()).isTrue();
    jdbc.sql("update advisory set tlp = 'red' where id = ?").param(a).update();
    assertThat(found.get()).as("RED").isFalse();
    assertThat(keys.get()).isFalse();
  }

  /**
   * The allow keys against exclusions on random sets of ids of every bit length: a viewer shares
   * one with an object's exclusions exactly when it is not excluded or is the originator.
   */
  @Test
  void allowKeysLeaveOutExactlyTheExcluded() {
    java.util.Random r = new java.util.Random(17);
    int checked = 0;
    for (int round = 0; round < 300; round++) {
      int bits = 1 + r.nextInt(40);
      long base = 1L << (bits - 1);
      java.util.function.LongSupplier id =
          () -> base + (bits == 1 ? 0 : Math.floorMod(r.nextLong(), Math.min(base, 64L)));
      List<Long> excluded = new ArrayList<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        excluded.add(r.nextInt(5) == 0 ? 1L + r.nextInt(1_000_000) : id.getAsLong());
      }
      long originator = r.nextBoolean() && !excluded.isEmpty() ? excluded.get(0) : id.getAsLong();
      List<Long> viewers = new ArrayList<>(excluded);
      for (int k = 0; k < 6; k++) {
        viewers.add(id.getAsLong());
      }
      viewers.add(1L + r.nextInt(1_000_000));
      viewers.add(originator);
      for (long v : viewers) {
        boolean shares =
            jdbc.sql("select reach_allow(cast(? as bigint[]), ?) && cast(? as text[])")
                .params(excluded.toArray(Long[]::new), originator, SearchKeys.allow(v))
                .query(Boolean.class)
                .single();
        assertThat(shares)
            .as("viewer %d, excluded %s, originator %d", v, excluded, originator)
            .isEqualTo(v == originator || !excluded.contains(v));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(2_000);
  }

  /** Hidden reports of every kind the keys tell, {@code n} of each, holding {@code word}. */
  private void hidden(Organisation by, Organisation viewer, String word, int n) {
    for (String[] kind :
        new String[][] {
          {"amber", "{}", "{}"},
          {"amber_strict", "{}", "{}"},
          {"red", "{}", "{}"},
          {"green", "{finance}", "{}"},
          {"clear", "{}", "{" + viewer.id() + "}"}
        }) {
      jdbc.sql(
              "with made as (insert into report (originator_org_id, sector_code, route, tlp,"
                  + " status, scope_sectors, excluded_org_ids, submitted_at) select ?, ?,"
                  + " 'hotline', ?, 'submitted', cast(? as text[]), cast(? as bigint[]), now()"
                  + " from generate_series(1, ?) returning id)"
                  + " insert into report_version (report_id, version_no, kind, title, summary,"
                  + " detected_at, incident_type_code, service_outage, severity_code,"
                  + " cascade_possibility, reporting_case_code) select id, 1, 'first', ?, '概要',"
                  + " now(), 'unavailability', 'no', 'level2', 'no', 'case3' from made")
          .params(by.id(), by.sectorCode(), kind[0], kind[1], kind[2], n, "鍵試験 " + word)
          .update();
    }
  }

  /**
   * The versions the index hands over to the report candidate statement for {@code word}, by
   * EXPLAIN ANALYZE of that statement: the actual rows of its scan of report_version, which must be
   * the search index.
   */
  private long versionsRead(Actor viewer, String word) throws Exception {
    SearchQuery q = SearchService.parse(word);
    String json =
        serial(
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
                    .single());
    List<JsonNode> scans = new ArrayList<>();
    JsonMapper.builder().build().readTree(json).findParents("Relation Name").stream()
        .filter(n -> n.path("Relation Name").asString().equals("report_version"))
        .forEach(scans::add);
    List<JsonNode> indexScans = new ArrayList<>();
    JsonMapper.builder().build().readTree(json).findParents("Index Name").stream()
        .filter(n -> n.path("Index Name").asString().equals("report_version_search_idx"))
        .forEach(indexScans::add);
    assertThat(indexScans).as(json).hasSize(1);
    assertThat(scans).as(json).hasSize(1);
    // rows the heap scan read: those returned plus those its filters and recheck removed
    JsonNode scan = scans.get(0);
    return scan.path("Actual Rows").asLong()
        + scan.path("Rows Removed by Filter").asLong()
        + scan.path("Rows Removed by Index Recheck").asLong();
  }

  /** {@code n} C4TAP shares of {@code org} at {@code range} with the subject {@code words}. */
  private void shares(Organisation org, String range, String words, int n) {
    jdbc.sql(
            "insert into c4tap_submission (originator_org, range_code, status, created_at,"
                + " shared_at, subject, verdict, score, removed, bundle) select ?, ?,"
                + " 'shared', now(), now(), ?, 'SUSPICIOUS', 50, '[]', '{}'"
                + " from generate_series(1, ?)")
        .params(org.id(), range, "鍵試験 " + words, n)
        .update();
  }

  /**
   * {@code explain} run without parallel workers: a parallel scan reports its rows as the average
   * per worker, rounded, so the rows read were off by one now and then once the shared test
   * database grew large enough for the planner to go parallel (the merged verify of session 39:
   * 1,999 of 2,000). The plan's reading is the same; only the counting becomes exact.
   */
  private String serial(java.util.function.Supplier<String> explain) {
    return tx.execute(
        status -> {
          jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
          return explain.get();
        });
  }

  /** As {@link #versionsRead}, for the C4TAP candidate statement (RED not readable). */
  private long sharesRead(Actor viewer, String word) {
    SearchQuery q = SearchService.parse(word);
    String json =
        serial(
            () ->
                index
                    .c4tapStatement(
                        "explain (analyze, format json) ",
                        q,
                        index.terms(q),
                        viewer.organisationId(),
                        viewer.userId(),
                        new String[] {"AMBER", "YELLOW", "GREEN", "WHITE"},
                        null,
                        200)
                    .query(String.class)
                    .single());
    JsonNode plan = JsonMapper.builder().build().readTree(json);
    List<JsonNode> scans =
        plan.findParents("Relation Name").stream()
            .filter(n -> n.path("Relation Name").asString().equals("c4tap_submission"))
            .filter(n -> n.path("Node Type").asString().equals("Bitmap Heap Scan"))
            .toList();
    assertThat(plan.findParents("Index Name").stream())
        .as(json)
        .anyMatch(n -> n.path("Index Name").asString().equals("c4tap_submission_search_idx"));
    assertThat(scans).as(json).hasSize(1);
    return scans.get(0).path("Actual Rows").asLong()
        + scans.get(0).path("Rows Removed by Filter").asLong();
  }

  @Test
  void theIndexHandsOverNoHiddenSharesHowManyEverHoldTheWord() {
    Organisation mine = operator("gas");
    Organisation other = operator("electricity");
    Actor analyst = fixtures.actor(fixtures.user(mine, Role.ANALYST));
    String word = SearchLeakIT.ascii();
    shares(mine, "RED", word, 1);
    shares(other, "RED", word, 2_000);
    jdbc.sql("analyze c4tap_submission").update();
    assertThat(sharesRead(analyst, word)).isEqualTo(1);
    shares(other, "RED", word, 3_000);
    jdbc.sql("analyze c4tap_submission").update();
    assertThat(sharesRead(analyst, word)).isEqualTo(1);
    shares(other, "AMBER", word, 3);
    assertThat(sharesRead(analyst, word)).isEqualTo(4);
  }

  @Test
  void theIndexHandsOverNoHiddenVersionsHowManyEverHoldTheWord() throws Exception {
    Organisation mine = operator("gas");
    Organisation other = operator("electricity");
    Actor analyst = fixtures.actor(fixtures.user(mine, Role.ANALYST));
    String word = SearchLeakIT.ascii();
    report(mine, "amber_strict", "submitted", word);
    hidden(other, mine, word, 400);
    jdbc.sql("analyze report_version").update();
    long few = versionsRead(analyst, word);
    assertThat(few).isEqualTo(1);
    hidden(other, mine, word, 1_000);
    jdbc.sql("analyze report_version").update();
    assertThat(versionsRead(analyst, word)).isEqualTo(few);
    // a word only the hidden reports hold: nothing is read
    String hiddenOnly = SearchLeakIT.ascii();
    hidden(other, mine, hiddenOnly, 400);
    jdbc.sql("analyze report_version").update();
    assertThat(versionsRead(analyst, hiddenOnly)).isZero();
    // while their own organisation's search reads them all
    Actor owner = fixtures.actor(fixtures.user(other, Role.ANALYST));
    assertThat(versionsRead(owner, hiddenOnly)).isEqualTo(5 * 400);
  }
}
