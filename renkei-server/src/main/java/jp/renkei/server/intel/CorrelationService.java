package jp.renkei.server.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.renkei.engine.correlate.WarningList;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Correlations as the national coordinator's analysts see them: a value shared by objects of two or
 * more organisations, with only the member objects the reader may see — and only when those visible
 * members alone come from two or more organisations, so a correlation never reveals an object its
 * reader may not see.
 */
@Service
public class CorrelationService {

  public static final int MAX_PAGE = 100;

  /** One object a correlation links. */
  public record Member(
      String stixId, String type, String name, String collection, String sector, Instant added) {}

  /** A correlation as one reader sees it. */
  public record View(
      long id,
      String kind,
      String value,
      boolean overLimit,
      int organisations,
      List<String> sectors,
      List<Member> members,
      Instant firstSeen,
      Instant lastSeen) {}

  /** A page, newest first; {@code nextBefore} continues it. */
  public record Page(List<View> items, Long nextBefore) {}

  private final JdbcClient jdbc;
  private final IntelService intel;
  private final SharingGate gate;
  private final WarningLists warningLists;

  CorrelationService(
      JdbcClient jdbc, IntelService intel, SharingGate gate, WarningLists warningLists) {
    this.jdbc = jdbc;
    this.intel = intel;
    this.gate = gate;
    this.warningLists = warningLists;
  }

  /** Whether the actor is one of the national coordinator's analysts. */
  public boolean mayRead(Actor actor) {
    return actor.is(Role.ANALYST) && "nisc".equals(gate.viewer(actor).organisationType());
  }

  /** The most correlations a reader's list holds (the list page's cap, plus one to say "more"). */
  static final int LISTED = 5_001;

  /** Newest first by what the reader is shown (first seen among its members), then by id. */
  static final java.util.Comparator<View> NEWEST_FIRST =
      java.util.Comparator.comparing(View::firstSeen).thenComparingLong(View::id).reversed();

  /**
   * Correlations newest first by the first time among the members the reader sees (then id), after
   * the one {@code before} names (null: from the newest). Ids are random, so they order nothing by
   * themselves; {@code nextBefore} is the last item returned, and is set only when the reader has
   * another visible item to come, so the page never tells whether hidden correlations lie beyond
   * it. A {@code before} the reader does not see (hidden members, warned of, or none) is an empty
   * page, never the page after it.
   *
   * <p>The order is computed from what the reader sees, over the {@value #LISTED} visible
   * correlations first stored most recently (as the list page reads them): the stored first time
   * also counts members the reader may not see, and ordered by it, a correlation first stored from
   * hidden objects and seen only later came after ones seen earlier, telling that it had such
   * members and since when.
   */
  public Page list(Actor actor, Long before, int limit) {
    if (!mayRead(actor)) {
      throw new Forbidden("error.correlation.forbidden");
    }
    int want = Math.max(1, Math.min(limit, MAX_PAGE));
    List<View> all = new ArrayList<>(collect(actor, LISTED));
    all.sort(NEWEST_FIRST);
    int from = 0;
    if (before != null) {
      int at = 0;
      while (at < all.size() && all.get(at).id() != before) {
        at++;
      }
      if (at == all.size()) {
        return new Page(List.of(), null);
      }
      from = at + 1;
    }
    List<View> page = all.subList(from, Math.min(all.size(), from + want));
    boolean more = all.size() > from + want;
    return new Page(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
  }

  /**
   * The correlations the reader may see, newest first, at most {@code max}: the same judgement as
   * {@link #list}, for a list page that filters, sorts and pages them itself.
   */
  public List<View> visible(Actor actor, int max) {
    if (!mayRead(actor)) {
      throw new Forbidden("error.correlation.forbidden");
    }
    return collect(actor, max);
  }

  private record Row(long id, String kind, String value, boolean overLimit, Instant firstSeen) {}

  private static final String COLUMNS =
      "select id, kind, value, over_limit, first_seen from correlation";

  private static final org.springframework.jdbc.core.RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getBoolean(4),
              rs.getObject(5, java.time.OffsetDateTime.class).toInstant());

  /** Up to {@code max} visible correlations, the most recently first stored first. */
  private List<View> collect(Actor actor, int max) {
    IntelService.ObjectCheck check = intel.objectCheck(actor);
    Row last = null;
    WarningList warned = warningLists.current();
    List<View> out = new ArrayList<>();
    while (out.size() < max) {
      List<Row> rows =
          last == null
              ? jdbc.sql(
                      COLUMNS
                          + " where org_count >= 2 order by first_seen desc, id desc limit "
                          + BATCH)
                  .query(ROW)
                  .list()
              : jdbc.sql(
                      COLUMNS
                          + " where org_count >= 2 and (first_seen, id) < (?, ?)"
                          + " order by first_seen desc, id desc limit "
                          + BATCH)
                  .params(last.firstSeen().atOffset(java.time.ZoneOffset.UTC), last.id())
                  .query(ROW)
                  .list();
      views(rows, check, warned, out, max);
      if (!rows.isEmpty()) {
        last = rows.get(rows.size() - 1);
      }
      if (rows.size() < BATCH) {
        break;
      }
    }
    return out;
  }

  /**
   * The correlations that link any of the stored objects {@code seqs} (the caller passes only
   * objects the actor may see), as {@link #list} shows them and in its order; none for a reader who
   * may not read correlations.
   */
  public List<View> ofObjects(Actor actor, List<Long> seqs) {
    if (!mayRead(actor) || seqs.isEmpty()) {
      return List.of();
    }
    IntelService.ObjectCheck check = intel.objectCheck(actor);
    WarningList warned = warningLists.current();
    Long[] objects = seqs.toArray(Long[]::new);
    // read in batches until MAX_PAGE are visible: the policy judges the members after the read, so
    // one read of MAX_PAGE let correlations the reader may not see push the visible ones off
    List<View> out = new ArrayList<>();
    Row last = null;
    while (out.size() < MAX_PAGE) {
      String sql =
          "select distinct c.id, c.kind, c.value, c.over_limit, c.first_seen from correlation c"
              + " join correlation_member m on m.correlation_id = c.id where m.seq = any(?)"
              + " and c.org_count >= 2"
              + (last == null ? "" : " and (c.first_seen, c.id) < (?, ?)")
              + " order by c.first_seen desc, c.id desc limit "
              + BATCH;
      var q = jdbc.sql(sql).param(objects);
      if (last != null) {
        q = q.param(last.firstSeen().atOffset(java.time.ZoneOffset.UTC)).param(last.id());
      }
      List<Row> rows = q.query(ROW).list();
      views(rows, check, warned, out, MAX_PAGE);
      if (rows.size() < BATCH) {
        break;
      }
      last = rows.get(rows.size() - 1);
    }
    out.sort(NEWEST_FIRST);
    return out;
  }

  /** Correlations read per statement of a walk. */
  private static final int BATCH = 200;

  /**
   * Adds to {@code out} the views of {@code rows} the reader may see (not warned of, two or more
   * organisations among the members it sees), until it holds {@code max}. The members of all the
   * rows are read at once, not one query per correlation.
   */
  private void views(
      List<Row> rows, IntelService.ObjectCheck check, WarningList warned, List<View> out, int max) {
    java.util.Map<Long, List<M>> members = members(rows.stream().map(Row::id).toList());
    for (Row r : rows) {
      if (out.size() >= max) {
        return;
      }
      ObservableType type = ObservableType.fromCode(r.kind()).orElse(null);
      if (type != null && warned.covers(type, r.value())) {
        continue;
      }
      View v =
          view(
              r.id(),
              r.kind(),
              r.value(),
              r.overLimit(),
              members.getOrDefault(r.id(), List.of()),
              check);
      if (v != null) {
        out.add(v);
      }
    }
  }

  /** A stored member of a correlation, with what the policy needs to judge it. */
  private record M(
      long correlation,
      UUID collection,
      Tlp tlp,
      long org,
      Long person,
      String stixId,
      String type,
      String name,
      String title,
      String sector,
      Instant added,
      Long advisory) {}

  /** The members of many correlations in one query, by correlation, each in stored order. */
  private java.util.Map<Long, List<M>> members(List<Long> correlations) {
    java.util.Map<Long, List<M>> by = new java.util.HashMap<>();
    if (correlations.isEmpty()) {
      return by;
    }
    jdbc.sql(
            "select m.correlation_id, o.collection_id, o.tlp, o.originator_org,"
                + " o.originator_person, o.stix_id, o.type, o.body::jsonb ->> 'name', c.title_en,"
                + " g.sector_code, o.date_added, o.source_advisory"
                + " from correlation_member m join stix_object o on o.seq = m.seq"
                + " join stix_collection c on c.id = o.collection_id"
                + " join organisation g on g.id = o.originator_org"
                + " where m.correlation_id = any(?) order by m.correlation_id, o.seq")
        .param(correlations.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new M(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    Tlp.valueOf(rs.getString(3)),
                    rs.getLong(4),
                    rs.getObject(5, Long.class),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getTimestamp(11).toInstant(),
                    rs.getObject(12, Long.class)))
        .list()
        .forEach(m -> by.computeIfAbsent(m.correlation(), x -> new ArrayList<>()).add(m));
    return by;
  }

  private View view(
      long id,
      String kind,
      String value,
      boolean overLimit,
      List<M> members,
      IntelService.ObjectCheck check) {
    Set<Long> orgs = new LinkedHashSet<>();
    Set<String> sectors = new LinkedHashSet<>();
    List<Member> visible = new ArrayList<>();
    for (M m : members) {
      if (check.allows(m.collection(), m.tlp(), m.org(), m.person(), m.advisory(), null)) {
        orgs.add(m.org());
        if (m.sector() != null) {
          sectors.add(m.sector());
        }
        visible.add(new Member(m.stixId(), m.type(), m.name(), m.title(), m.sector(), m.added()));
      }
    }
    if (orgs.size() < 2) {
      return null;
    }
    // what the reader is told is made of the members it sees only: the stored first/last seen and
    // the over-limit flag also count members it may not see (a hidden object would move them)
    Instant seenFirst = visible.stream().map(Member::added).min(Instant::compareTo).orElseThrow();
    Instant seenLast = visible.stream().map(Member::added).max(Instant::compareTo).orElseThrow();
    return new View(
        id,
        kind,
        value,
        overLimit && visible.size() > Correlator.MEMBER_CAP,
        orgs.size(),
        List.copyOf(sectors),
        List.copyOf(visible),
        seenFirst,
        seenLast);
  }
}
