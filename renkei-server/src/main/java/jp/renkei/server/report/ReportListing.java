package jp.renkei.server.report;

import static jp.renkei.server.database.Rows.longs;
import static jp.renkei.server.database.Rows.utc;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import jp.renkei.engine.policy.Reach;
import jp.renkei.server.listing.ListQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The candidate rows of the report list: every report whose columns match the list's filters, in
 * the order asked, with what the sharing policy needs to judge it (its delivered hops). The filters
 * only narrow; which of these rows a viewer sees is still {@link ReportAccess#audience} judged by
 * the sharing gate, row by row, in {@link ReportService#search}.
 */
@Repository
class ReportListing {

  /**
   * A candidate: the report, its newest version's title, severity and number (kept on the report,
   * V182), and the delivered organisations the policy consults for the viewer.
   */
  record Candidate(
      ReportRecords.Report report,
      String title,
      String severity,
      int versions,
      List<Long> deliveredTo) {}

  /**
   * Sort key to SQL expression (ascending), never null so that a keyset comparison holds; ties are
   * broken by id. Each has an index in the same order (V160, V182).
   */
  private static final Map<String, String> ORDER =
      Map.of(
          "submitted", "coalesce(r.submitted_at, r.created_at)",
          "title", "coalesce(r.current_title, '')",
          "severity", "coalesce(r.current_severity_code, '')",
          "tlp",
              "case r.tlp when 'clear' then 0 when 'green' then 1 when 'amber' then 2"
                  + " when 'amber_strict' then 3 else 4 end",
          "status", "r.status",
          "sector", "r.sector_code");

  /** Candidates read per query: the walk asks for the next batch after the last row's key. */
  static final int BATCH = 500;

  /** The fewest candidates a batch reads when the walk said how many it expects. */
  static final int MIN_BATCH = 50;

  /**
   * The most reports delivered to the viewer's consulted organisations that the walk passes to SQL
   * as a list; with more, each row looks its own hops up.
   */
  static final int HOPPED_LIST = 1_000;

  private final JdbcTemplate jdbc;

  /** At most this many delivered reports go to SQL as a list (see {@link #hoppedReports}). */
  private final int hoppedList;

  @org.springframework.beans.factory.annotation.Autowired
  ReportListing(JdbcTemplate jdbc) {
    this(jdbc, HOPPED_LIST);
  }

  /** A listing that passes at most {@code hoppedList} delivered reports as a list (tests). */
  ReportListing(JdbcTemplate jdbc, int hoppedList) {
    this.jdbc = jdbc;
    this.hoppedList = hoppedList;
  }

  /** Sort keys this list accepts, the default first. */
  static String[] sorts() {
    return new String[] {"submitted", "title", "severity", "tlp", "status", "sector"};
  }

  /**
   * Candidates for the query in its order, drafts only of {@code organisationId}, and only rows the
   * viewer's {@link Reach} admits (a necessary condition of the policy, so no visible row is left
   * out). Read lazily, at most {@value #BATCH} at a time, each batch after the last one's sort key
   * and id (keyset), so a walk that stops early reads little and each batch is served by the
   * order's index. A walk expecting to stop after about {@code wanted} candidates reads no more
   * than those still missing per batch, but at least {@value #MIN_BATCH} (for rows the policy or
   * the page's own filters leave out). {@code recipients}, when not null, are the organisations the
   * recipient filter names: only reports with a hop to one of them (or to one of their anonymised
   * copies) are candidates.
   */
  Iterator<Candidate> candidates(
      long organisationId, Reach reach, ListQuery q, List<Long> recipients, int wanted) {
    // With a text or a period, each batch is planned with its own values. After five runs of one
    // statement the driver prepares it on the server, and PostgreSQL may then keep a generic plan,
    // estimated without the values: for a period it assumed a few hundred rows and read the whole
    // period (33,000 of 100,000 reports) to sort it, where the walk in date order reads a few
    // thousand (NISC's text + period: 152-216 instead of 29-46 ms a batch). Not for the other
    // walks: forced for every walk, NISC's unfiltered pages measured 1.6-2.2x slower (paired,
    // unexplained; their plans were the same). For this transaction only (a no-op outside one).
    if (!q.text().isEmpty() || q.fromInstant() != null || q.toExclusive() != null) {
      jdbc.execute("set local plan_cache_mode = force_custom_plan");
    }
    Long[] hopped = hoppedReports(reach);
    return new Iterator<>() {
      private List<Row> batch = List.of();
      private int next;
      private Row last;
      private boolean exhausted;
      private long handed;

      @Override
      public boolean hasNext() {
        if (next < batch.size()) {
          return true;
        }
        if (exhausted) {
          return false;
        }
        int size = (int) Math.min(BATCH, Math.max(MIN_BATCH, wanted - handed));
        batch = batch(organisationId, reach, hopped, q, recipients, last, size);
        next = 0;
        exhausted = batch.size() < size;
        if (!batch.isEmpty()) {
          last = batch.get(batch.size() - 1);
        }
        return !batch.isEmpty();
      }

      @Override
      public Candidate next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        handed++;
        return batch.get(next++).candidate();
      }
    };
  }

  /** A candidate with the value of its sort key (where the next batch starts). */
  private record Row(Candidate candidate, Object key) {}

  /**
   * The reports delivered to an organisation {@code reach} consults, when there are at most {@link
   * #hoppedList} ({@value #HOPPED_LIST}) of them (an operator's, a ministry's); null when there are
   * more (NISC's, a busy CEPTOAR's): then each row looks its own hops up.
   */
  private Long[] hoppedReports(Reach reach) {
    if (reach.consultedOrganisations().isEmpty()) {
      return new Long[0];
    }
    List<Long> ids =
        jdbc.queryForList(
            "select report_id from report_hop where recipient_org_id = any(?)"
                + " and delivered_at is not null limit "
                + ((long) hoppedList + 1),
            Long.class,
            (Object) reach.consultedOrganisations().toArray(Long[]::new));
    return ids.size() > hoppedList ? null : ids.stream().distinct().toArray(Long[]::new);
  }

  /**
   * The condition {@link Reach#admits} puts on a row, in SQL (only narrows; see {@link #batch}), or
   * null when the query's TLP filter already implies it. A TLP filter other than CLEAR or GREEN
   * makes the "CLEAR or GREEN" alternative false, so it is left out: kept, the planner counted a
   * third of all rows as admitted (its estimate multiplies the conditions as if unrelated) and
   * walked all 100,000 reports in date order to find an operator's AMBER level-3 reports, of which
   * there were none (130-500 ms). The delivered hops are, for a viewer with few, the list of their
   * reports, which the planner estimates row by row.
   */
  private static String reachCondition(Reach reach, Long[] hopped, ListQuery q, List<Object> args) {
    String tlp = q.chosen("tlp").orElse(null);
    if ("clear".equals(tlp) || "green".equals(tlp)) {
      return null;
    }
    StringBuilder c = new StringBuilder("(r.originator_org_id = ?");
    args.add(reach.organisationId() == null ? -1L : reach.organisationId());
    if (tlp == null) {
      c.append(" or r.tlp in ('clear', 'green')");
    }
    c.append(" or r.originator_user_id = ? or ? = any(r.recipient_user_ids)");
    args.add(reach.personId() == null ? -1L : reach.personId());
    args.add(reach.personId() == null ? -1L : reach.personId());
    if (hopped != null) {
      c.append(" or r.id = any(?))");
      args.add(hopped);
    } else {
      c.append(
          " or (select true from report_hop p where p.report_id = r.id"
              + " and p.delivered_at is not null and p.recipient_org_id = any(?) limit 1))");
      args.add(reach.consultedOrganisations().toArray(Long[]::new));
    }
    return c.toString();
  }

  private List<Row> batch(
      long organisationId,
      Reach reach,
      Long[] hopped,
      ListQuery q,
      List<Long> recipients,
      Row after,
      int size) {
    String order = ORDER.get(q.sort());
    StringBuilder sql =
        new StringBuilder(
            "select r.id, r.originator_org_id, r.originator_user_id, r.sector_code, r.route,"
                + " r.ceptoar_id, r.anonymise, r.tlp, r.scope_sectors, r.scope_types,"
                + " r.excluded_org_ids, r.recipient_user_ids, r.status, r.created_at,"
                + " r.submitted_at, r.presented_originator, r.exercise_run_id,"
                + " r.current_title, r.current_severity_code, r.current_version_no, "
                + order
                + " as sort_key,"
                // of the delivered organisations, those the policy consults for this viewer: the
                // decision is the same (Reach#consultedPart), the array mostly empty
                + " array(select h.recipient_org_id from report_hop h where h.report_id = r.id"
                + " and h.delivered_at is not null and h.recipient_org_id = any(?)) as delivered"
                + " from report r"
                + " where (r.status <> 'draft' or r.originator_org_id = ?)");
    List<Object> args = new ArrayList<>();
    args.add(reach.consultedOrganisations().toArray(Long[]::new));
    args.add(organisationId);
    // only narrows: a row outside this condition is one the policy refuses whatever else holds
    // (Reach#admits, with ReportAccess#audience's marking never wider than the stored TLP and its
    // recipients the delivered hops); every row left is still judged by the policy. The hop is
    // looked up per row by the report's own hops (a scalar subquery): written as EXISTS it was
    // planned as a hash of every hop delivered to the viewer (95,000 for NISC), built again for
    // each batch, ~30-80 ms each
    String admitted = reachCondition(reach, hopped, q, args);
    if (admitted != null) {
      sql.append(" and ").append(admitted);
    }
    q.chosen("sector").ifPresent(v -> and(sql, args, "r.sector_code = ?", v));
    q.chosen("tlp").ifPresent(v -> and(sql, args, "r.tlp = ?", v));
    q.chosen("status").ifPresent(v -> and(sql, args, "r.status = ?", v));
    q.chosen("severity").ifPresent(v -> and(sql, args, "r.current_severity_code = ?", v));
    q.chosen("type").ifPresent(v -> and(sql, args, "r.current_incident_type_code = ?", v));
    q.chosen("cause").ifPresent(v -> and(sql, args, "? = any(r.current_cause_codes)", v));
    if (!q.text().isEmpty()) {
      and(sql, args, "strpos(lower(r.current_title), lower(?)) > 0", q.text());
    }
    if (recipients != null) {
      // a hop of the report, or of one of its anonymised copies, to an organisation the recipient
      // filter names: a superset of what ReportService#recipientMatches then decides
      and(sql, args, ReportRepository.recipientHop("r.id"), recipients.toArray(Long[]::new));
    }
    if (q.fromInstant() != null) {
      and(sql, args, "coalesce(r.submitted_at, r.created_at) >= ?", utc(q.fromInstant()));
    }
    if (q.toExclusive() != null) {
      and(sql, args, "coalesce(r.submitted_at, r.created_at) < ?", utc(q.toExclusive()));
    }
    String dir = q.descending() ? " desc" : " asc";
    if (after != null) {
      // (key, id) after the last row's, written as a bound on the key and then the tie: the same
      // rows as a row comparison, but the planner estimates a plain bound from the key's
      // statistics, where it took a row comparison for a handful of rows and sorted the whole
      // period instead of walking the order's index (text + period: 60-800 ms per batch)
      String op = q.descending() ? " < " : " > ";
      sql.append(" and ").append(order).append(q.descending() ? " <= ?" : " >= ?");
      sql.append(" and (").append(order).append(op).append("? or r.id").append(op).append("?)");
      args.add(after.key());
      args.add(after.key());
      args.add(after.candidate().report().id());
    }
    sql.append(" order by ").append(order).append(dir).append(", r.id").append(dir);
    sql.append(" limit ").append(size);
    return jdbc.query(
        sql.toString(),
        (rs, i) ->
            new Row(
                new Candidate(
                    ReportRepository.report(rs, i),
                    rs.getString("current_title"),
                    rs.getString("current_severity_code"),
                    rs.getInt("current_version_no"),
                    longs(rs.getArray("delivered"))),
                q.sort().equals("submitted")
                    ? rs.getObject("sort_key", OffsetDateTime.class)
                    : rs.getObject("sort_key")),
        args.toArray());
  }

  private static void and(StringBuilder sql, List<Object> args, String condition, Object value) {
    sql.append(" and ").append(condition);
    args.add(value);
  }
}
