package jp.renkei.server.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.renkei.engine.policy.Reach;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.search.SearchQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search index's side of a search: candidates whose indexed text (V110) contains every term of
 * the query, or whose stored observables equal the query's observable, newest first and at most a
 * page at a time. Candidates are not results: who may see one is decided afterwards by the sharing
 * policy of the feature it belongs to. The SQL only narrows them to rows the policy could allow
 * ({@link Reach#admits} for reports and advisories, the readable ranges for C4TAP shares, the
 * readable collections, the markings that reach the viewer there and the advisories its reach
 * admits for STIX objects), so that the index's matches outside the viewer's audience are neither
 * handed to the service nor judged for it.
 */
@Repository
class SearchRepository {

  /**
   * STIX objects: a search looks at this many index candidates the viewer may see, at most (each
   * checked against the query's words, bigram order); when there are more, it says so.
   */
  static final int RECHECK = 5000;

  private final JdbcClient jdbc;

  SearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The index terms of the query's words (empty: nothing can match): its words as the index takes a
   * text apart (V316's search_words), without the parent domains the index adds to a text's
   * domains, so a domain asks for itself and is found in its subdomains.
   */
  String[] terms(SearchQuery q) {
    return jdbc.sql("select search_words(?)")
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

  /** A candidate and its place in its kind's order (the key the next page starts after). */
  record Candidate(long id, OffsetDateTime at) {}

  /**
   * Where a page of candidates starts: after {@code after}'s key and id in the order {@code key}
   * desc, id desc (none: from the newest). Written as a bound on the key, then the tie, as the
   * report list's keyset does.
   */
  private static String after(String key, String id, Candidate after) {
    return after == null
        ? ""
        : " and " + key + " <= :at and (" + key + " < :at or " + id + " < :afterId)";
  }

  private static JdbcClient.StatementSpec keyset(JdbcClient.StatementSpec sql, Candidate after) {
    return after == null ? sql : sql.param("at", after.at()).param("afterId", after.id());
  }

  private static Candidate candidate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Candidate(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
  }

  /**
   * {@link Reach#admits} of a TLP:GREEN object scoped by {@code sectors} and {@code types} (text
   * arrays; empty holds all), in SQL: the viewer signed in, its sector and type within the scope.
   */
  private static String greenScope(String sectors, String types) {
    return ":signedIn and (cardinality("
        + sectors
        + ") = 0 or cast(:sector as text) = any("
        + sectors
        + ")) and (cardinality("
        + types
        + ") = 0 or cast(:type as text) = any("
        + types
        + "))";
  }

  /**
   * {@link Reach#admits} of a report's audience (ReportAccess#audience), in SQL: its organisation;
   * or, the viewer's organisation not excluded, TLP:CLEAR (not an anonymised original, which is
   * never wider than AMBER+STRICT), the viewer as its originating person or named recipient, a
   * delivered hop to an organisation the policy consults for the viewer, or TLP:GREEN (not an
   * anonymised original) scoped to the viewer. Only narrows: a row outside it is one the policy
   * refuses whatever else holds; each row inside is still judged by the policy. With the exercise
   * reports left out (ExerciseScope), as the policy's callers do.
   */
  private static final String REPORT_REACH =
      " and r.exercise_run_id is null and (r.originator_org_id = :org"
          + " or (not (:org = any(r.excluded_org_ids)) and ((r.tlp = 'clear' and not r.anonymise)"
          + " or r.originator_user_id = :person or :person = any(r.recipient_user_ids)"
          + " or exists (select 1 from report_hop p where p.report_id = r.id"
          + " and p.delivered_at is not null and p.recipient_org_id = any(:consulted))"
          + " or (r.tlp = 'green' and not r.anonymise and "
          + greenScope("r.scope_sectors", "r.scope_types")
          + "))))";

  /**
   * {@link Reach#admits} of an advisory's audience (AdvisoryService#audience), in SQL: its issuing
   * organisation or person, TLP:CLEAR, a recipient organisation the policy consults for the viewer,
   * or TLP:GREEN to everyone or scoped to the viewer. Only narrows, as {@link #REPORT_REACH};
   * exercise advisories left out as every real read path does.
   */
  private static final String ADVISORY_REACH =
      " and a.exercise_run_id is null and (a.issuer_org_id = :org or a.tlp = 'clear'"
          + " or a.issuer_user_id = :person or exists (select 1 from advisory_recipient x"
          + " where x.advisory_id = a.id and x.organisation_id = any(:consulted))"
          + " or (a.tlp = 'green' and (a.audience_all and :signedIn or "
          + greenScope("a.audience_sectors", "a.audience_types")
          + ")))";

  /**
   * Reports the viewer's {@code reach} admits ({@link #REPORT_REACH}), newest first: their
   * versions' text, or (observables) their observables; one page of at most {@code limit}, after
   * {@code after}. The matches are gathered first from the GIN index of terms and reach keys (V297:
   * versions sharing none of the viewer's {@link SearchKeys} are never read), materialised so that
   * the planner reads them from that index rather than walking the table in date order and
   * computing every row's terms, then narrowed to the reach and sorted.
   */
  List<Candidate> reports(
      SearchQuery q,
      String[] terms,
      long organisation,
      Reach reach,
      boolean community,
      Candidate after,
      int limit) {
    return keyedPlan(
        () ->
            reportsStatement("", q, terms, organisation, reach, community, after, limit)
                .query(SearchRepository::candidate)
                .list());
  }

  /**
   * Runs {@code statement} with the table walk ruled out, so that report versions are found only
   * through the GIN index of terms and reach keys. The planner otherwise weighs a walk of
   * report_version against that index by how many versions hold the term, hidden ones included:
   * when many hidden versions name an observable it walked the table and read every one of them
   * (SearchDomainIT), so the plan, and the time, depended on what the viewer may not see. For the
   * caller's transaction only (search runs in one); set back after the statement.
   */
  <T> T keyedPlan(java.util.function.Supplier<T> statement) {
    jdbc.sql("set local enable_seqscan = off").update();
    try {
      return statement.get();
    } finally {
      jdbc.sql("set local enable_seqscan to default").update();
    }
  }

  /** The statement of {@link #reports}, after {@code prefix} (tests: "explain ..."). */
  JdbcClient.StatementSpec reportsStatement(
      String prefix,
      SearchQuery q,
      String[] terms,
      long organisation,
      Reach reach,
      Candidate after,
      int limit) {
    return reportsStatement(prefix, q, terms, organisation, reach, true, after, limit);
  }

  /** As above, with the community's GREEN keys only when {@code community} ({@link SearchKeys}). */
  JdbcClient.StatementSpec reportsStatement(
      String prefix,
      SearchQuery q,
      String[] terms,
      long organisation,
      Reach reach,
      boolean community,
      Candidate after,
      int limit) {
    String exact =
        q.exact() && q.kind().observableType().isPresent()
            ? " union select v.report_id from report_version v where v.observable_terms @>"
                + " cast(:terms as text[]) and v.reach_keys && cast(:keys as text[]) and"
                + " v.reach_allow && cast(:allow as text[])"
                + (terms.length == 1
                    ? ""
                    : " and exists (select 1 from report_observable o where o.version_id = v.id"
                        + " and search_terms(o.value) @> cast(:terms as text[]))")
            : "";
    SearchKeys keys = SearchKeys.of(reach, community);
    return keyset(
            reach(
                jdbc.sql(
                    prefix
                        + "with m as materialized (select v.report_id from report_version v where"
                        + " search_terms("
                        + REPORT_TEXT
                        + ") @> cast(:terms as text[]) and v.reach_keys && cast(:keys as text[])"
                        + " and v.reach_allow && cast(:allow as text[]) and "
                        + recheck(REPORT_TEXT, q, terms)
                        + exact
                        + ") select r.id, r.created_at from report r where r.id in (select"
                        + " report_id from m) and (r.status <> 'draft' or r.originator_org_id ="
                        + " :draftOrg)"
                        + REPORT_REACH
                        + after("r.created_at", "r.id", after)
                        + " order by r.created_at desc, r.id desc limit :limit"),
                reach),
            after)
        .param("terms", terms)
        .param("keys", keys.keys())
        .param("allow", keys.allow())
        .param("words", q.words().toArray(String[]::new))
        .param("kind", q.kind().code())
        .param("value", q.value())
        .param("draftOrg", organisation)
        .param("limit", limit);
  }

  /** What a reach condition asks of the viewer: its organisation, person, sector, type. */
  private static JdbcClient.StatementSpec reach(JdbcClient.StatementSpec sql, Reach reach) {
    return sql.param("org", reach.organisationId() == null ? -1L : reach.organisationId())
        .param("person", reach.personId() == null ? -1L : reach.personId())
        .param("consulted", reach.consultedOrganisations().toArray(Long[]::new))
        .param("signedIn", reach.organisationId() != null)
        .param("sector", reach.sector(), java.sql.Types.VARCHAR)
        .param("type", reach.organisationType(), java.sql.Types.VARCHAR);
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

  /**
   * Advisories the viewer's {@code reach} admits, newest first; one page of at most {@code limit},
   * after {@code after} ({@link #ADVISORY_REACH}).
   */
  List<Candidate> advisories(
      SearchQuery q, String[] terms, Reach reach, boolean community, Candidate after, int limit) {
    return keyset(
            reach(
                jdbc.sql(
                    "with m as materialized (select v.advisory_id from advisory_version v where"
                        + " search_terms("
                        + ADVISORY_TEXT
                        + ") @> cast(:terms as text[]) and v.reach_keys && cast(:keys as text[]) and "
                        + recheck(ADVISORY_TEXT, q, terms)
                        + ") select a.id, a.created_at from advisory a where a.id in (select"
                        + " advisory_id from m)"
                        + ADVISORY_REACH
                        + after("a.created_at", "a.id", after)
                        + " order by a.created_at desc, a.id desc limit :limit"),
                reach),
            after)
        .param("terms", terms)
        .param("keys", SearchKeys.of(reach, community).keys())
        .param("words", q.words().toArray(String[]::new))
        .param("limit", limit)
        .query(SearchRepository::candidate)
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

  /**
   * A STIX object published with an advisory (the advisories collection, which everyone reads) is a
   * candidate only if the viewer's reach admits that advisory: its versions share one of the
   * viewer's {@link SearchKeys} (without the community's GREEN when the policy refuses it now) and
   * {@link #ADVISORY_REACH} holds. Objects of no advisory are judged by their collection alone.
   * Only narrows: IntelService#objectCheck still judges each row by the advisory's audience.
   * Without it, objects of advisories the viewer may not see were read, refused one by one, and
   * past {@value SearchService#WALK} of them pushed the viewer's own hits out
   * (StixAdvisoryCrowdIT).
   */
  private static final String ADVISORY_OBJECT_REACH =
      " and (o.source_advisory is null or exists (select 1 from advisory a where a.id ="
          + " o.source_advisory and exists (select 1 from advisory_version v where v.advisory_id ="
          + " a.id and v.reach_keys && cast(:keys as text[]))"
          + ADVISORY_REACH
          + "))";

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
      String label,
      boolean matches) {}

  /**
   * What an analyst knows a STIX object by: its name (an indicator's, a malware's, a
   * vulnerability's CVE), else its value (an address, a domain, a URL), its pattern, or a file's
   * hash; null when it has none of these (it is then shown by its id).
   */
  static final String LABEL =
      "coalesce(c.body::jsonb ->> 'name', c.body::jsonb ->> 'value', c.body::jsonb ->> 'pattern',"
          + " c.body::jsonb -> 'hashes' ->> 'SHA-256', c.body::jsonb -> 'hashes' ->> 'MD5')";

  /**
   * STIX objects without granular markings in the given collections (those the viewer may read:
   * only narrows, every row is still judged by the policy) whose index terms hold the query's,
   * newest stored first: a page of at most {@code limit} after the stored sequence {@code after}
   * (null: from the newest). Each row says whether it matches: not revoked and, for words, holding
   * them in their order ({@code matches}); the index's terms of a longer Japanese word are its
   * bigrams.
   */
  /**
   * What a STIX search may read: the collections the viewer reads, the markings at which others'
   * objects there reach it ({@code "<collection>:<TLP>"}, IntelService#othersMarkings), and its
   * reach, for objects published with advisories ({@link #ADVISORY_OBJECT_REACH}).
   */
  record StixReach(UUID[] collections, String[] markings, Reach reach, boolean community) {}

  /**
   * A STIX object is a candidate only if the viewer's own organisation or person stored it, or its
   * marking in its collection reaches the viewer ({@link StixReach#markings}): the page's own SQL
   * pre-selection. Only narrows, as {@link #ADVISORY_OBJECT_REACH}.
   */
  private static final String OBJECT_MARKING =
      " and (o.originator_org = :org or o.originator_person = :person"
          + " or (o.collection_id::text || ':' || o.tlp) = any(:markings))";

  List<StixRow> stix(SearchQuery q, String[] terms, StixReach r, Long after, int limit) {
    UUID[] collections = r.collections();
    Reach reach = r.reach();
    String before = after == null ? "" : " and o.seq < :after";
    String exact =
        q.exact() && q.kind().observableType().isPresent()
            ? " union select b.seq from stix_observable b join stix_object o on o.seq = b.seq"
                + " where b.kind = :kind and b.value = :value and not o.granular"
                + " and o.collection_id = any(:collections)"
                + OBJECT_MARKING
                + ADVISORY_OBJECT_REACH
                + before
            : "";
    JdbcClient.StatementSpec sql =
        reach(
                jdbc.sql(
                    "with m as materialized (select o.seq from stix_object o where not o.granular and"
                        + " array[o.collection_id::text] && cast(:collectionKeys as text[]) and"
                        + " o.collection_id = any(:collections) and"
                        + " search_terms(stix_search_text(o.body)) @> cast(:terms as text[])"
                        + OBJECT_MARKING
                        + ADVISORY_OBJECT_REACH
                        + before
                        + exact
                        + "), page as (select seq from m order by seq desc limit :limit)"
                        + " select c.seq, c.collection_id, c.stix_id, c.type, c.tlp, c.originator_org,"
                        + " c.originator_person, c.source_advisory, c.added_us, c.t, "
                        + LABEL
                        + ", not c.revoked and "
                        + (q.exact() ? "true" : recheck("c.t", q, terms))
                        + " from (select o.*, stix_search_text(o.body) as t from stix_object o join"
                        + " page n on n.seq = o.seq) c order by c.seq desc"),
                reach)
            .param("terms", terms)
            .param("keys", SearchKeys.of(reach, r.community()).keys())
            .param("markings", r.markings())
            .param("words", q.words().toArray(String[]::new))
            .param("kind", q.kind().code())
            .param("value", q.value())
            .param("collections", collections)
            .param(
                "collectionKeys",
                java.util.Arrays.stream(collections).map(UUID::toString).toArray(String[]::new))
            .param("limit", limit);
    if (after != null) {
      sql = sql.param("after", after);
    }
    return sql.query(
            (rs, n) ->
                new StixRow(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    Tlp.valueOf(rs.getString(5)),
                    rs.getLong(6),
                    rs.getObject(7, Long.class),
                    rs.getObject(8, Long.class),
                    micros(rs.getLong(9)),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getBoolean(12)))
        .list();
  }

  /**
   * C4TAP shares the viewer may read by their range, and its own drafts, newest first; never one
   * made in an exercise (the service leaves those out as well); one page of at most {@code limit},
   * after {@code after}. {@code ranges} are the ranges the policy lets the viewer read of another
   * organisation's share (SearchService asks the policy), so a share is a candidate only if its own
   * organisation or its range lets the viewer read it: the policy's whole rule for a C4TAP marking,
   * which still judges every row.
   */
  List<Candidate> c4tap(
      SearchQuery q,
      String[] terms,
      long organisation,
      long person,
      String[] ranges,
      Candidate after,
      int limit) {
    return c4tapStatement("", q, terms, organisation, person, ranges, after, limit)
        .query(SearchRepository::candidate)
        .list();
  }

  /** The statement of {@link #c4tap}, after {@code prefix} (tests: "explain ..."). */
  JdbcClient.StatementSpec c4tapStatement(
      String prefix,
      SearchQuery q,
      String[] terms,
      long organisation,
      long person,
      String[] ranges,
      Candidate after,
      int limit) {
    String text = "c4tap_search_text(s.subject, s.bundle)";
    String key = "coalesce(s.shared_at, s.created_at)";
    return keyset(
            jdbc.sql(
                prefix
                    + "with m as materialized (select s.id from c4tap_submission s where search_terms("
                    + text
                    + ") @> cast(:terms as text[]) and c4tap_reach_keys(s.status,"
                    + " s.originator_person, s.originator_org, s.range_code, s.exercise_run_id)"
                    + " && cast(:keys as text[]) and "
                    + recheck(text, q, terms)
                    + ") select s.id, "
                    + key
                    + " from c4tap_submission s where s.id in (select id from m)"
                    + " and s.exercise_run_id is null"
                    + " and (s.status <> 'draft' or s.originator_person = :person)"
                    + " and (s.originator_org = :org or s.range_code = any(:ranges))"
                    + after(key, "s.id", after)
                    + " order by "
                    + key
                    + " desc, s.id desc limit :limit"),
            after)
        .param("terms", terms)
        .param("words", q.words().toArray(String[]::new))
        .param("org", organisation)
        .param("person", person)
        .param("ranges", ranges)
        .param("keys", c4tapKeys(organisation, person, ranges))
        .param("limit", limit);
  }

  /**
   * A viewer's keys for C4TAP shares (V297's c4tap_reach_keys): its organisation's shares and the
   * ranges it may read, and the same of its own drafts.
   */
  static String[] c4tapKeys(long organisation, long person, String[] ranges) {
    List<String> keys = new ArrayList<>();
    keys.add("o:" + organisation);
    keys.add("d:" + person + ":o:" + organisation);
    for (String r : ranges) {
      keys.add("r:" + r);
      keys.add("d:" + person + ":r:" + r);
    }
    return keys.toArray(String[]::new);
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
