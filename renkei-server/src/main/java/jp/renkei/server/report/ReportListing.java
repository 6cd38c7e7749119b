package jp.renkei.server.report;

import static jp.renkei.server.database.Rows.longs;
import static jp.renkei.server.database.Rows.utc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
   * A candidate: the report, its newest version's title, severity and number (null and 0 when the
   * query did not need them), and the delivered organisations the policy consults for the viewer.
   */
  record Candidate(
      ReportRecords.Report report,
      String title,
      String severity,
      int versions,
      List<Long> deliveredTo) {}

  /** Sort key to SQL expression (ascending); ties are broken by id. */
  private static final Map<String, String> ORDER =
      Map.of(
          "submitted", "coalesce(r.submitted_at, r.created_at)",
          "title", "l.title",
          "severity", "l.severity_code",
          "tlp",
              "case r.tlp when 'clear' then 0 when 'green' then 1 when 'amber' then 2"
                  + " when 'amber_strict' then 3 else 4 end",
          "status", "r.status",
          "sector", "r.sector_code");

  private final JdbcTemplate streaming;

  ReportListing(JdbcTemplate jdbc) {
    this.streaming = new JdbcTemplate(jdbc.getDataSource());
    this.streaming.setFetchSize(1_000);
  }

  /** Sort keys this list accepts, the default first. */
  static String[] sorts() {
    return new String[] {"submitted", "title", "severity", "tlp", "status", "sector"};
  }

  /**
   * Candidates for the query, drafts only of {@code organisationId}, and only rows the viewer's
   * {@link Reach} admits (a necessary condition of the policy, so no visible row is left out); call
   * inside a transaction (the rows are fetched 1,000 at a time) and close the stream.
   */
  Stream<Candidate> candidates(long organisationId, Reach reach, ListQuery q) {
    // the newest version is joined only when a filter or the order needs it; otherwise the page
    // reads the titles of its own rows (ReportService#search)
    boolean version =
        !q.text().isEmpty()
            || q.chosen("severity").isPresent()
            || q.chosen("type").isPresent()
            || q.chosen("cause").isPresent()
            || q.sort().equals("title")
            || q.sort().equals("severity");
    StringBuilder sql =
        new StringBuilder(
            "select r.id, r.originator_org_id, r.originator_user_id, r.sector_code, r.route,"
                + " r.ceptoar_id, r.anonymise, r.tlp, r.scope_sectors, r.scope_types,"
                + " r.excluded_org_ids, r.recipient_user_ids, r.status, r.created_at,"
                + " r.submitted_at, r.presented_originator, r.exercise_run_id,"
                + (version
                    ? " l.title, l.severity_code, l.version_no,"
                    : " null as title, null as severity_code, 0 as version_no,")
                // of the delivered organisations, those the policy consults for this viewer: the
                // decision is the same (Reach#consultedPart), the array mostly empty
                + " array(select h.recipient_org_id from report_hop h where h.report_id = r.id"
                + " and h.delivered_at is not null and h.recipient_org_id = any(?)) as delivered"
                + " from report r"
                + (version
                    ? " cross join lateral (select v.title, v.severity_code,"
                        + " v.version_no, v.incident_type_code, v.cause_codes from report_version v"
                        + " where v.report_id = r.id order by v.version_no desc limit 1) l"
                    : "")
                + " where (r.status <> 'draft' or r.originator_org_id = ?)");
    List<Object> args = new ArrayList<>();
    args.add(reach.consultedOrganisations().toArray(Long[]::new));
    args.add(organisationId);
    // only narrows: a row outside this condition is one the policy refuses whatever else holds
    // (Reach#admits, with ReportAccess#audience's marking never wider than the stored TLP and its
    // recipients the delivered hops); every row left is still judged by the policy
    sql.append(
        " and (r.originator_org_id = ? or r.tlp in ('clear', 'green')"
            + " or r.originator_user_id = ? or ? = any(r.recipient_user_ids)"
            + " or exists (select 1 from report_hop p where p.report_id = r.id"
            + " and p.delivered_at is not null and p.recipient_org_id = any(?)))");
    args.add(reach.organisationId() == null ? -1L : reach.organisationId());
    args.add(reach.personId() == null ? -1L : reach.personId());
    args.add(reach.personId() == null ? -1L : reach.personId());
    args.add(reach.consultedOrganisations().toArray(Long[]::new));
    q.chosen("sector").ifPresent(v -> and(sql, args, "r.sector_code = ?", v));
    q.chosen("tlp").ifPresent(v -> and(sql, args, "r.tlp = ?", v));
    q.chosen("status").ifPresent(v -> and(sql, args, "r.status = ?", v));
    q.chosen("severity").ifPresent(v -> and(sql, args, "l.severity_code = ?", v));
    q.chosen("type").ifPresent(v -> and(sql, args, "l.incident_type_code = ?", v));
    q.chosen("cause").ifPresent(v -> and(sql, args, "? = any(l.cause_codes)", v));
    if (!q.text().isEmpty()) {
      and(sql, args, "strpos(lower(l.title), lower(?)) > 0", q.text());
    }
    if (q.fromInstant() != null) {
      and(sql, args, "coalesce(r.submitted_at, r.created_at) >= ?", utc(q.fromInstant()));
    }
    if (q.toExclusive() != null) {
      and(sql, args, "coalesce(r.submitted_at, r.created_at) < ?", utc(q.toExclusive()));
    }
    String dir = q.descending() ? " desc" : " asc";
    sql.append(" order by ").append(ORDER.get(q.sort())).append(dir).append(", r.id").append(dir);
    return streaming.queryForStream(
        sql.toString(),
        (rs, i) ->
            new Candidate(
                ReportRepository.report(rs, i),
                rs.getString("title"),
                rs.getString("severity_code"),
                rs.getInt("version_no"),
                longs(rs.getArray("delivered"))),
        args.toArray());
  }

  private static void and(StringBuilder sql, List<Object> args, String condition, Object value) {
    sql.append(" and ").append(condition);
    args.add(value);
  }
}
