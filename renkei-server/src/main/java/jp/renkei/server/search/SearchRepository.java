package jp.renkei.server.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.search.SearchQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search index's side of a search: candidates whose indexed text (V110) contains every term of
 * the query, or whose stored observables equal the query's observable, newest first and at most a
 * fixed number. Candidates are not results: who may see one is decided afterwards by the sharing
 * policy of the feature it belongs to. The only SQL narrowing that stands for visibility here is
 * the one the report list uses too (a draft is read only from its own organisation).
 */
@Repository
class SearchRepository {

  /**
   * STIX objects: the newest this many index candidates are checked against the query's words
   * (bigram order); older candidates of a very common word are not looked at.
   */
  static final int RECHECK = 5000;

  private final JdbcClient jdbc;

  SearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The index terms of the query's words (empty: nothing can match). */
  String[] terms(SearchQuery q) {
    return jdbc.sql("select search_terms(?)")
        .param(String.join(" ", q.words()))
        .query((rs, n) -> (String[]) rs.getArray(1).getArray())
        .single();
  }

  /** Whether every term of the query is a whole word of it: then no text check is needed. */
  private static boolean termsAreWords(SearchQuery q, String[] terms) {
    return terms.length == q.words().size() && List.of(terms).containsAll(q.words());
  }

  private static String recheck(String text, SearchQuery q, String[] terms) {
    return termsAreWords(q, terms)
        ? "true"
        : "not exists (select 1 from unnest(cast(:words as text[])) w where strpos(search_norm("
            + text
            + "), w) = 0)";
  }

  private static final String REPORT_TEXT =
      "report_search_text(v.title, v.summary, v.response_status, v.cascade_note)";

  /**
   * Reports, newest first: their versions' text, or (observables) their observables. The matches
   * are gathered first (materialised, so that the planner reads them from the GIN index rather than
   * walking the table in date order and computing every row's terms), then sorted.
   */
  List<Long> reports(SearchQuery q, String[] terms, long organisation, int limit) {
    String exact =
        q.exact() && q.kind().observableType().isPresent()
            ? " union select v.report_id from report_observable o join report_version v"
                + " on v.id = o.version_id where o.type = :kind and o.value = :value"
            : "";
    return jdbc.sql(
            "with m as materialized (select v.report_id from report_version v where search_terms("
                + REPORT_TEXT
                + ") @> cast(:terms as text[]) and "
                + recheck(REPORT_TEXT, q, terms)
                + exact
                + ") select r.id from report r where r.id in (select report_id from m)"
                + " and (r.status <> 'draft' or r.originator_org_id = :org)"
                + " order by r.created_at desc, r.id desc limit :limit")
        .param("terms", terms)
        .param("words", q.words().toArray(String[]::new))
        .param("kind", q.kind().code())
        .param("value", q.value())
        .param("org", organisation)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /** One matching text of each report (its newest matching version, else its newest). */
  Map<Long, String> reportTexts(SearchQuery q, List<Long> ids) {
    Map<Long, String> out = new HashMap<>();
    jdbc.sql(
            "select distinct on (v.report_id) v.report_id, v.summary from report_version v"
                + " where v.report_id = any(:ids) order by v.report_id,"
                + " (strpos(search_norm("
                + REPORT_TEXT
                + "), :first) > 0) desc, v.version_no desc")
        .param("ids", ids.toArray(Long[]::new))
        .param("first", q.words().get(0))
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static final String ADVISORY_TEXT =
      "advisory_search_text(v.title, v.body, v.actions, v.observables)";

  /** Advisories, newest first. */
  List<Long> advisories(SearchQuery q, String[] terms, int limit) {
    return jdbc.sql(
            "with m as materialized (select v.advisory_id from advisory_version v where"
                + " search_terms("
                + ADVISORY_TEXT
                + ") @> cast(:terms as text[]) and "
                + recheck(ADVISORY_TEXT, q, terms)
                + ") select a.id from advisory a where a.id in (select advisory_id from m)"
                + " order by a.created_at desc, a.id desc limit :limit")
        .param("terms", terms)
        .param("words", q.words().toArray(String[]::new))
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  Map<Long, String> advisoryTexts(SearchQuery q, List<Long> ids) {
    Map<Long, String> out = new HashMap<>();
    jdbc.sql(
            "select distinct on (v.advisory_id) v.advisory_id, v.body from advisory_version v"
                + " where v.advisory_id = any(:ids) order by v.advisory_id,"
                + " (strpos(search_norm("
                + ADVISORY_TEXT
                + "), :first) > 0) desc, v.version_no desc")
        .param("ids", ids.toArray(Long[]::new))
        .param("first", q.words().get(0))
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** One stored copy of a STIX object, with what the policy judges and what a result shows. */
  record StixRow(
      long seq,
      UUID collection,
      String stixId,
      String type,
      Tlp tlp,
      long originatorOrg,
      Long originatorPerson,
      Long sourceAdvisory,
      Instant added,
      String text,
      String label) {}

  /**
   * What an analyst knows a STIX object by: its name (an indicator's, a malware's, a
   * vulnerability's CVE), else its value (an address, a domain, a URL), its pattern, or a file's
   * hash; null when it has none of these (it is then shown by its id).
   */
  static final String LABEL =
      "coalesce(c.body::jsonb ->> 'name', c.body::jsonb ->> 'value', c.body::jsonb ->> 'pattern',"
          + " c.body::jsonb -> 'hashes' ->> 'SHA-256', c.body::jsonb -> 'hashes' ->> 'MD5')";

  /**
   * STIX rows, newest stored first, and whether the newest {@link #RECHECK} index candidates did
   * not hold them all ({@code cut}: older candidates were not looked at).
   */
  record StixCandidates(List<StixRow> rows, boolean cut) {}

  /**
   * STIX objects without granular markings in the given collections (those the viewer may read:
   * only narrows, every row is still judged by the policy), newest stored first.
   */
  StixCandidates stix(SearchQuery q, String[] terms, UUID[] collections, int limit) {
    String exact =
        q.exact() && q.kind().observableType().isPresent()
            ? " union select b.seq from stix_observable b join stix_object o on o.seq = b.seq"
                + " where b.kind = :kind and b.value = :value"
                + " and o.collection_id = any(:collections)"
            : "";
    boolean[] cut = {false};
    List<StixRow> rows = new ArrayList<>();
    jdbc.sql(
            "with m as materialized (select o.seq from stix_object o where not o.granular and"
                + " o.collection_id = any(:collections) and"
                + " search_terms(stix_search_text(o.body)) @> cast(:terms as text[])"
                + exact
                + "), newest as (select seq from m order by seq desc limit "
                + (RECHECK + 1)
                + ") select cut.v, c.seq, c.collection_id, c.stix_id, c.type, c.tlp,"
                + " c.originator_org, c.originator_person, c.source_advisory, c.added_us, c.t, "
                + LABEL
                + " from (select count(*) > "
                + RECHECK
                + " as v from newest) cut left join (select o.*,"
                + " stix_search_text(o.body) as t from stix_object o join newest n on n.seq = o.seq"
                + " where not o.granular and not o.revoked) c on "
                + (q.exact() ? "true" : recheck("c.t", q, terms))
                + " order by c.seq desc nulls last limit :limit")
        .param("terms", terms)
        .param("words", q.words().toArray(String[]::new))
        .param("kind", q.kind().code())
        .param("value", q.value())
        .param("collections", collections)
        .param("limit", limit)
        .query(
            rs -> {
              cut[0] = rs.getBoolean(1);
              if (rs.getObject(2) == null) {
                return;
              }
              rows.add(
                  new StixRow(
                      rs.getLong(2),
                      rs.getObject(3, UUID.class),
                      rs.getString(4),
                      rs.getString(5),
                      Tlp.valueOf(rs.getString(6)),
                      rs.getLong(7),
                      rs.getObject(8, Long.class),
                      rs.getObject(9, Long.class),
                      micros(rs.getLong(10)),
                      rs.getString(11),
                      rs.getString(12)));
            });
    return new StixCandidates(rows, cut[0]);
  }

  /**
   * C4TAP shares (and drafts of the searcher's own organisation), newest first; never one made in
   * an exercise (the service leaves those out as well).
   */
  List<Long> c4tap(SearchQuery q, String[] terms, long organisation, int limit) {
    String text = "c4tap_search_text(s.subject, s.bundle)";
    return jdbc.sql(
            "with m as materialized (select s.id from c4tap_submission s where search_terms("
                + text
                + ") @> cast(:terms as text[]) and "
                + recheck(text, q, terms)
                + ") select s.id from c4tap_submission s where s.id in (select id from m)"
                + " and s.exercise_run_id is null"
                + " and (s.status <> 'draft' or s.originator_org = :org) order by coalesce(s.shared_at, s.created_at) desc, s.id desc limit :limit")
        .param("terms", terms)
        .param("words", q.words().toArray(String[]::new))
        .param("org", organisation)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  private static Instant micros(long us) {
    return Instant.ofEpochSecond(
        Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000);
  }

  static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }
}
