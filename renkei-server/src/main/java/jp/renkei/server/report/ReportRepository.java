package jp.renkei.server.report;

import static jp.renkei.server.database.Rows.instant;
import static jp.renkei.server.database.Rows.longs;
import static jp.renkei.server.database.Rows.strings;
import static jp.renkei.server.database.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

  private static final String REPORT_COLUMNS =
      "id, originator_org_id, originator_user_id, sector_code, route, ceptoar_id,"
          + " anonymise, tlp, scope_sectors, scope_types, excluded_org_ids, recipient_user_ids,"
          + " status, created_at, submitted_at, presented_originator, exercise_run_id";
  private static final String REPORT = "select " + REPORT_COLUMNS + " from report";
  private static final String VERSION =
      "select * from report_version where report_id = ? order by version_no";

  private final JdbcClient jdbc;

  ReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A real report's draft (not in an exercise). */
  long insert(
      long originatorOrg,
      long originatorUser,
      String sector,
      String route,
      Long ceptoarId,
      boolean anonymise,
      String tlp,
      List<String> scopeSectors,
      List<String> scopeTypes,
      List<Long> excluded,
      List<Long> recipientUsers) {
    return insert(
        originatorOrg,
        originatorUser,
        sector,
        route,
        ceptoarId,
        anonymise,
        tlp,
        scopeSectors,
        scopeTypes,
        excluded,
        recipientUsers,
        null);
  }

  long insert(
      long originatorOrg,
      long originatorUser,
      String sector,
      String route,
      Long ceptoarId,
      boolean anonymise,
      String tlp,
      List<String> scopeSectors,
      List<String> scopeTypes,
      List<Long> excluded,
      List<Long> recipientUsers,
      Long exerciseRunId) {
    return jdbc.sql(
            "insert into report (originator_org_id, originator_user_id, sector_code, route,"
                + " ceptoar_id, anonymise, tlp, scope_sectors, scope_types, excluded_org_ids,"
                + " recipient_user_ids, status, exercise_run_id)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,'draft',?) returning id")
        .params(
            originatorOrg,
            originatorUser,
            sector,
            route,
            ceptoarId,
            anonymise,
            tlp,
            scopeSectors.toArray(String[]::new),
            scopeTypes.toArray(String[]::new),
            excluded.toArray(Long[]::new),
            recipientUsers.toArray(Long[]::new),
            exerciseRunId)
        .query(Long.class)
        .single();
  }

  /** An anonymised copy, issued by the CEPTOAR, already submitted. */
  long insertRelayCopy(
      long ceptoarOrg,
      long ceptoarUser,
      String sector,
      String tlp,
      List<String> scopeSectors,
      List<String> scopeTypes,
      List<Long> excluded,
      List<Long> recipientUsers,
      String presented,
      Instant at) {
    return jdbc.sql(
            "insert into report (originator_org_id, originator_user_id, sector_code, route,"
                + " anonymise, tlp, scope_sectors, scope_types, excluded_org_ids, recipient_user_ids,"
                + " status, submitted_at, presented_originator)"
                + " values (?,?,?,'relay',false,?,?,?,?,?,'submitted',?,?) returning id")
        .params(
            ceptoarOrg,
            ceptoarUser,
            sector,
            tlp,
            scopeSectors.toArray(String[]::new),
            scopeTypes.toArray(String[]::new),
            excluded.toArray(Long[]::new),
            recipientUsers.toArray(Long[]::new),
            utc(at),
            presented)
        .query(Long.class)
        .single();
  }

  /** Every report of exercise run {@code runId}, newest first (ids only: judged in batches). */
  List<Long> ofExercise(long runId) {
    return jdbc.sql(
            "select id from report where exercise_run_id = ?"
                + " order by coalesce(submitted_at, created_at) desc, id desc")
        .param(runId)
        .query(Long.class)
        .list();
  }

  void markRelayed(long hopId, long copyId) {
    jdbc.sql("update report_hop set relayed_as_report_id = ? where id = ?")
        .params(copyId, hopId)
        .update();
    // the anonymised copy of an exercise report belongs to the same exercise
    jdbc.sql(
            "update report set exercise_run_id = (select o.exercise_run_id from report_hop h"
                + " join report o on o.id = h.report_id where h.id = ?) where id = ?")
        .params(hopId, copyId)
        .update();
  }

  /**
   * Stores a version written at {@code at} (the filing service's clock, the same clock that stamps
   * the report's submission, so that a report's steps read in the order they happened even when
   * several are written in one transaction, as the demo does).
   */
  long insertVersion(
      long reportId, int number, String kind, ReportContent c, long userId, Instant at) {
    long id =
        jdbc.sql(
                "insert into report_version (report_id, version_no, kind, title, summary,"
                    + " occurred_at, detected_at, incident_type_code, cause_codes, service_outage,"
                    + " severity_code, response_status, cascade_possibility, cascade_note,"
                    + " reporting_case_code, contact_unit, contact_person, contact_phone,"
                    + " contact_email, created_by, created_at, observable_terms)"
                    + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                    // the terms its observables' trigger would write (V320): written once
                    + " (select coalesce(array_agg(distinct t), '{}'::text[])"
                    + " from unnest(cast(? as text[])) o(value), unnest(search_terms(o.value)) t))"
                    + " returning id")
            .params(
                reportId,
                number,
                kind,
                c.title(),
                c.summary(),
                utc(c.occurredAt()),
                utc(c.detectedAt()),
                c.incidentType(),
                c.causes().toArray(String[]::new),
                c.serviceOutage(),
                c.severity(),
                c.responseStatus(),
                c.cascadePossibility(),
                c.cascadeNote(),
                c.reportingCase(),
                c.contactUnit(),
                c.contactPerson(),
                c.contactPhone(),
                c.contactEmail(),
                userId,
                utc(at),
                c.observables().stream()
                    .map(ReportContent.ObservableEntry::value)
                    .toArray(String[]::new))
            .query(Long.class)
            .single();
    // one statement: its trigger (V316) computes the version's observable terms once, and leaves
    // the version as it is when they are those given above (V320)
    if (!c.observables().isEmpty()) {
      jdbc.sql(
              "insert into report_observable (version_id, position, type, value, original)"
                  + " select ?, o.n - 1, o.type, o.value, o.original from unnest(cast(? as"
                  + " text[]), cast(? as text[]), cast(? as text[])) with ordinality as"
                  + " o(type, value, original, n)")
          .params(
              id,
              c.observables().stream()
                  .map(ReportContent.ObservableEntry::type)
                  .toArray(String[]::new),
              c.observables().stream()
                  .map(ReportContent.ObservableEntry::value)
                  .toArray(String[]::new),
              c.observables().stream()
                  .map(ReportContent.ObservableEntry::original)
                  .toArray(String[]::new))
          .update();
    }
    return id;
  }

  void deleteVersions(long reportId) {
    jdbc.sql("delete from report_version where report_id = ?").param(reportId).update();
  }

  /** Many reports at once, by id. */
  java.util.Map<Long, ReportRecords.Report> reports(List<Long> ids) {
    java.util.Map<Long, ReportRecords.Report> by = new java.util.HashMap<>();
    jdbc.sql(REPORT + " where id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query(ReportRepository::report)
        .list()
        .forEach(r -> by.put(r.id(), r));
    return by;
  }

  /**
   * A report as a walk over deliveries judges it: the organisations it has been delivered to among
   * {@code consulted} (the viewer's {@code Reach}: the policy's decision is the same, see {@code
   * Reach#consultedPart}) and the orders of all its hops (whether a hop has a next one).
   */
  record Judged(ReportRecords.Report report, List<Long> deliveredTo, List<Long> hopOrders) {}

  /**
   * {@link Judged} reports by id, in one statement: what {@link #reports} and {@link #hopsFor}
   * give, without reading and mapping every hop row.
   */
  java.util.Map<Long, Judged> judged(List<Long> ids, java.util.Set<Long> consulted) {
    return judged(ids, consulted, null, true);
  }

  /**
   * {@link Judged} reports by id, for a walk whose every report has a hop delivered to {@code
   * recipient} (the viewer's organisation; null: not known). When the viewer's Reach consults that
   * organisation alone (NISC, a ministry, an operator in no CEPTOAR), the delivered organisations
   * it consults are that one, known without reading a hop. Without {@code hopOrders} the hop orders
   * are left empty (a walk that only judges and counts). The two per-report hop lookups were most
   * of the statement's time: for NISC's work queue, 1,000 reports judged in 50-530 ms under load
   * with them, 8-30 ms without.
   */
  java.util.Map<Long, Judged> judged(
      List<Long> ids, java.util.Set<Long> consulted, Long recipient, boolean hopOrders) {
    java.util.Map<Long, Judged> by = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return by;
    }
    boolean known = recipient != null && consulted.equals(java.util.Set.of(recipient));
    StringBuilder sql = new StringBuilder("select ").append(REPORT_COLUMNS);
    List<Object> args = new ArrayList<>();
    if (!known) {
      sql.append(
          ", array(select x.recipient_org_id from report_hop x where x.report_id = r.id"
              + " and x.delivered_at is not null and x.recipient_org_id = any(?)) as delivered");
      args.add(consulted.toArray(Long[]::new));
    }
    if (hopOrders) {
      sql.append(
          ", array(select x.hop_order::bigint from report_hop x where x.report_id = r.id"
              + " order by x.hop_order) as hop_orders");
    }
    sql.append(" from report r where r.id = any(?)");
    args.add(ids.stream().distinct().toArray(Long[]::new));
    List<Long> onlyRecipient = known ? List.of(recipient) : null;
    jdbc.sql(sql.toString())
        .params(args)
        .query(
            (rs, i) ->
                new Judged(
                    report(rs, i),
                    known ? onlyRecipient : longs(rs.getArray("delivered")),
                    hopOrders ? longs(rs.getArray("hop_orders")) : List.of()))
        .list()
        .forEach(j -> by.put(j.report().id(), j));
    return by;
  }

  /** Of the hops {@code hopIds}, those their report's route has a next hop after. */
  java.util.Set<Long> withNextHop(List<Long> hopIds) {
    if (hopIds.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                "select h.id from report_hop h where h.id = any(?) and exists (select 1 from"
                    + " report_hop n where n.report_id = h.report_id"
                    + " and n.hop_order = h.hop_order + 1)")
            .param(hopIds.stream().distinct().toArray(Long[]::new))
            .query(Long.class)
            .list());
  }

  /** A hop row (the columns every hop query selects), mapped by hand: walks map thousands. */
  static ReportRecords.Hop hop(ResultSet rs, int row) throws SQLException {
    long relayed = rs.getLong("relayed_as_report_id");
    Long relayedAs = rs.wasNull() ? null : relayed;
    return new ReportRecords.Hop(
        rs.getLong("id"),
        rs.getLong("report_id"),
        rs.getInt("hop_order"),
        rs.getString("kind"),
        rs.getLong("recipient_org_id"),
        instant(rs, "delivered_at"),
        instant(rs, "read_at"),
        instant(rs, "forwarded_at"),
        relayedAs);
  }

  Optional<ReportRecords.Report> report(long id) {
    return jdbc.sql(REPORT + " where id = ?").param(id).query(ReportRepository::report).optional();
  }

  /**
   * Reports newest first (creation time, then id), after {@code last} (null: from the newest):
   * drafts only of the given organisation. Ids are random, so they order nothing by themselves.
   */
  List<ReportRecords.Report> batch(long organisationId, ReportRecords.Report last, int size) {
    if (last == null) {
      return jdbc.sql(
              REPORT
                  + " where (status <> 'draft' or originator_org_id = ?)"
                  + " order by created_at desc, id desc limit ?")
          .params(organisationId, size)
          .query(ReportRepository::report)
          .list();
    }
    return jdbc.sql(
            REPORT
                + " where (created_at, id) < (?, ?) and (status <> 'draft' or originator_org_id = ?)"
                + " order by created_at desc, id desc limit ?")
        .params(utc(last.createdAt()), last.id(), organisationId, size)
        .query(ReportRepository::report)
        .list();
  }

  /** Of {@code ids}, those recorded before reports had random ids (V90): old id to current id. */
  java.util.Map<Long, Long> byLegacyId(List<Long> ids) {
    java.util.Map<Long, Long> by = new java.util.HashMap<>();
    jdbc.sql("select legacy_id, id from report where legacy_id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query((rs, i) -> java.util.Map.entry(rs.getLong(1), rs.getLong(2)))
        .list()
        .forEach(e -> by.put(e.getKey(), e.getValue()));
    return by;
  }

  /**
   * The number a report's STIX ids are derived from: its id before V90 gave it a random one, so
   * STIX objects published earlier keep their ids.
   */
  long stixKey(long id) {
    return jdbc.sql("select coalesce(legacy_id, id) from report where id = ?")
        .param(id)
        .query(Long.class)
        .optional()
        .orElse(id);
  }

  /** Marks an exercise report as sent by a simulated sender (shown in place of its reporter). */
  void setSimulatedSender(long id, String sender) {
    jdbc.sql(
            "update report set presented_originator = ? where id = ?"
                + " and exercise_run_id is not null and route <> 'relay'")
        .params(sender, id)
        .update();
  }

  void submit(long id, Instant at) {
    jdbc.sql("update report set status = 'submitted', submitted_at = ? where id = ?")
        .params(utc(at), id)
        .update();
  }

  void close(long id) {
    jdbc.sql("update report set status = 'closed' where id = ?").param(id).update();
  }

  void updateTlp(long id, String tlp) {
    jdbc.sql("update report set tlp = ? where id = ?").params(tlp, id).update();
  }

  List<ReportView.Version> versions(long reportId) {
    List<ReportView.Version> list = new ArrayList<>();
    jdbc.sql(VERSION)
        .param(reportId)
        .query(
            (rs, i) -> {
              list.add(
                  new ReportView.Version(
                      rs.getInt("version_no"),
                      rs.getString("kind"),
                      content(rs, observables(rs.getLong("id"))),
                      instant(rs, "created_at")));
              return null;
            })
        .list();
    return list;
  }

  private List<ReportContent.ObservableEntry> observables(long versionId) {
    return jdbc.sql(
            "select type, value, original from report_observable where version_id = ?"
                + " order by position")
        .param(versionId)
        .query(
            (rs, i) ->
                new ReportContent.ObservableEntry(
                    rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  void insertHop(long reportId, int order, String kind, long orgId) {
    jdbc.sql(
            "insert into report_hop (report_id, hop_order, kind, recipient_org_id)"
                + " values (?,?,?,?)")
        .params(reportId, order, kind, orgId)
        .update();
  }

  List<ReportRecords.Hop> hops(long reportId) {
    return jdbc.sql(
            "select id, report_id, hop_order, kind, recipient_org_id, delivered_at, read_at,"
                + " forwarded_at, relayed_as_report_id from report_hop where report_id = ?"
                + " order by hop_order")
        .param(reportId)
        .query(ReportRepository::hop)
        .list();
  }

  /**
   * The inbox's narrowing of delivered hops {@code h}: status, TLP (by {@code tlpClause}, which
   * reads the report as the caller's statement joins it or not), recipients and period. SQL only
   * narrows; every hop kept is still judged by the sharing policy.
   */
  private static void narrowHops(
      StringBuilder sql, List<Object> args, InboxNarrowing narrow, String tlpClause) {
    if (narrow.status() != null) {
      sql.append(
          switch (narrow.status()) {
            case "forwarded" -> " and h.forwarded_at is not null";
            case "read" -> " and h.forwarded_at is null and h.read_at is not null";
            case "unread" -> " and h.forwarded_at is null and h.read_at is null";
            default -> " and false"; // awaiting: only the hops awaitingRelay finds
          });
    }
    if (narrow.tlp() != null) {
      sql.append(tlpClause);
      args.add(narrow.tlp());
    }
    if (narrow.recipients() != null) {
      sql.append(" and ").append(recipientHop("h.report_id"));
      args.add(narrow.recipients().toArray(Long[]::new));
    }
    if (narrow.from() != null) {
      sql.append(" and h.delivered_at >= ?");
      args.add(utc(narrow.from()));
    }
    if (narrow.toExclusive() != null) {
      sql.append(" and h.delivered_at < ?");
      args.add(utc(narrow.toExclusive()));
    }
  }

  /**
   * The SQL condition (one parameter: the organisations' ids) that the report {@code reportId}
   * names has a hop to one of the organisations, or one of its anonymised copies has: what the
   * recipient filter of the report list and the inbox narrows to before {@code
   * ReportService#recipientMatches} decides.
   */
  static String recipientHop(String reportId) {
    return ("exists (select 1 from report_hop rh where rh.recipient_org_id = any(?)"
            + " and (rh.report_id = %1$s or rh.report_id in (select x.relayed_as_report_id"
            + " from report_hop x join report o on o.id = x.report_id and o.anonymise"
            + " where x.report_id = %1$s)))")
        .formatted(reportId);
  }

  /** Hops delivered to the organisation, newest first. */
  List<ReportRecords.Hop> inbox(long orgId, int limit) {
    return inbox(orgId, limit, null, InboxNarrowing.NONE);
  }

  /**
   * Hops delivered to the organisation, newest first, after {@code after} (null: from the newest),
   * narrowed by the inbox page's filters on the hop and the report's TLP (only narrowed: the page
   * still applies its own filters to what the policy lets through).
   */
  List<ReportRecords.Hop> inbox(
      long orgId, int limit, ReportRecords.Hop after, InboxNarrowing narrow) {
    StringBuilder sql =
        new StringBuilder(
            "select h.id, h.report_id, h.hop_order, h.kind, h.recipient_org_id, h.delivered_at,"
                + " h.read_at, h.forwarded_at, h.relayed_as_report_id from report_hop h"
                + " where h.recipient_org_id = ? and h.delivered_at is not null");
    List<Object> args = new ArrayList<>(List.of(orgId));
    if (after != null) {
      sql.append(" and (h.delivered_at, h.id) < (?, ?)");
      args.add(utc(after.deliveredAt()));
      args.add(after.id());
    }
    narrowHops(
        sql,
        args,
        narrow,
        " and exists (select 1 from report r where r.id = h.report_id and r.tlp = ?)");
    sql.append(" order by h.delivered_at desc, h.id desc limit ?");
    args.add(limit);
    return jdbc.sql(sql.toString()).params(args).query(ReportRepository::hop).list();
  }

  /** A hop of the inbox walk in another order, with the value of its sort key (the keyset). */
  record OrderedHop(ReportRecords.Hop hop, Object key) {}

  /**
   * Sort key of the inbox (as the inbox page names it) to SQL expression; ties broken by the
   * report's id (one hop per report and recipient). Title and TLP are the report list's own
   * expressions, served by the same indexes (V182) through the hop's (report, recipient) key.
   */
  static final Map<String, String> INBOX_ORDER =
      Map.of(
          "delivered", "h.delivered_at",
          "title", "coalesce(r.current_title, '')",
          "tlp",
              "case r.tlp when 'clear' then 0 when 'green' then 1 when 'amber' then 2"
                  + " when 'amber_strict' then 3 else 4 end");

  /**
   * Hops delivered to the organisation in the order of {@code sort} ({@link #INBOX_ORDER}), after
   * {@code after} (null: from the first), narrowed like {@link #inbox(long, int, ReportRecords.Hop,
   * InboxNarrowing)}. Only narrows: every hop is still judged by the policy.
   */
  List<OrderedHop> inboxInOrder(
      long orgId,
      int limit,
      String sort,
      boolean descending,
      OrderedHop after,
      InboxNarrowing narrow) {
    String order = INBOX_ORDER.get(sort);
    StringBuilder sql =
        new StringBuilder(
            "select h.id, h.report_id, h.hop_order, h.kind, h.recipient_org_id, h.delivered_at,"
                + " h.read_at, h.forwarded_at, h.relayed_as_report_id, "
                + order
                + " as sort_key from report_hop h join report r on r.id = h.report_id"
                + " where h.recipient_org_id = ? and h.delivered_at is not null");
    List<Object> args = new ArrayList<>(List.of(orgId));
    narrowHops(sql, args, narrow, " and r.tlp = ?");
    String dir = descending ? " desc" : " asc";
    if (after != null) {
      // (key, report) after the last hop's, as a bound on the key and then the tie (as the report
      // list writes it, so the planner estimates the bound from the key's statistics)
      String op = descending ? " < " : " > ";
      Object key = after.key();
      sql.append(" and ").append(order).append(descending ? " <= ?" : " >= ?");
      sql.append(" and (").append(order).append(op).append("? or r.id").append(op).append("?)");
      args.add(key);
      args.add(key);
      args.add(after.hop().reportId());
    }
    sql.append(" order by ").append(order).append(dir).append(", r.id").append(dir);
    sql.append(" limit ?");
    args.add(limit);
    return jdbc.sql(sql.toString())
        .params(args)
        .query(
            (rs, i) ->
                new OrderedHop(
                    hop(rs, i),
                    sort.equals("delivered")
                        ? rs.getObject("sort_key", OffsetDateTime.class)
                        : rs.getObject("sort_key")))
        .list();
  }

  /**
   * The CEPTOAR hops of anonymised reports delivered to the organisation that hold a version not
   * yet relayed (more versions than their anonymised copy, or no copy yet), newest first.
   */
  List<ReportRecords.Hop> awaitingRelay(long orgId) {
    return jdbc.sql(
            "select h.id, h.report_id, h.hop_order, h.kind, h.recipient_org_id, h.delivered_at,"
                + " h.read_at, h.forwarded_at, h.relayed_as_report_id from report_hop h"
                + " join report r on r.id = h.report_id"
                + " where h.recipient_org_id = ? and h.kind = 'ceptoar' and r.anonymise"
                + " and h.delivered_at is not null and r.status <> 'draft'"
                + " and (select count(*) from report_version v where v.report_id = r.id)"
                + " > (select count(*) from report_version c where c.report_id = h.relayed_as_report_id)"
                + " order by h.delivered_at desc, h.id desc")
        .param(orgId)
        .query(ReportRepository::hop)
        .list();
  }

  /**
   * Hops delivered to the organisation that still wait on it: not yet read, or read but not passed
   * on to a next hop (NISC, always last, passes nothing on), newest first, at most {@code limit}.
   */
  List<ReportRecords.Hop> open(long orgId, int limit) {
    return jdbc.sql(
            "select h.id, h.report_id, h.hop_order, h.kind, h.recipient_org_id, h.delivered_at,"
                + " h.read_at, h.forwarded_at, h.relayed_as_report_id from report_hop h"
                + " where h.recipient_org_id = ? and h.delivered_at is not null"
                + " and (h.read_at is null or (h.forwarded_at is null and h.kind <> 'nisc'"
                + " and exists (select 1 from report_hop n where n.report_id = h.report_id"
                + " and n.hop_order = h.hop_order + 1)))"
                + " order by h.delivered_at desc, h.id desc limit ?")
        .params(orgId, limit)
        .query(ReportRepository::hop)
        .list();
  }

  /**
   * A comment another organisation wrote since {@code since} on a report the organisation filed or
   * received on its route; {@code originalId}: for a comment on the anonymised copy of a report the
   * organisation filed, that original (the reporter reads the copy's comments there).
   */
  record RecentComment(
      long id, long reportId, long orgId, String body, Instant createdAt, Long originalId) {}

  /**
   * {@link RecentComment}s, newest first. The hop to the organisation is looked up per comment (a
   * scalar subquery, one probe of the report's hops): written as EXISTS, a generic plan (the driver
   * prepares the statement on the server after five runs) hashed every hop delivered to the
   * organisation instead, 97,782 for NISC, 355 ms against 1-14 ms.
   */
  List<RecentComment> recentComments(long orgId, Instant since, int limit) {
    return jdbc.sql(
            "select c.id, c.report_id, c.org_id, c.body, c.created_at, x.original_id"
                + " from report_comment c"
                + " left join lateral (select h.report_id as original_id from report_hop h"
                + " join report o on o.id = h.report_id where h.relayed_as_report_id = c.report_id"
                + " and o.originator_org_id = :org limit 1) x on true"
                + " where c.created_at >= :since and c.org_id <> :org"
                + " and (x.original_id is not null"
                + " or exists (select 1 from report r where r.id = c.report_id"
                + " and r.originator_org_id = :org)"
                + " or (select true from report_hop h where h.report_id = c.report_id"
                + " and h.recipient_org_id = :org and h.delivered_at is not null limit 1))"
                + " order by c.created_at desc, c.id desc limit :limit")
        .param("org", orgId)
        .param("since", utc(since))
        .param("limit", limit)
        .query(Rows.of(RecentComment.class))
        .list();
  }

  /** The hops of many reports at once, by report id. */
  java.util.Map<Long, List<ReportRecords.Hop>> hopsFor(List<Long> reportIds) {
    java.util.Map<Long, List<ReportRecords.Hop>> byReport = new java.util.HashMap<>();
    for (Long id : reportIds) {
      byReport.put(id, new ArrayList<>());
    }
    jdbc.sql(
            "select id, report_id, hop_order, kind, recipient_org_id, delivered_at, read_at,"
                + " forwarded_at, relayed_as_report_id from report_hop where report_id = any(?)"
                + " order by report_id, hop_order")
        .param(reportIds.toArray(Long[]::new))
        .query(ReportRepository::hop)
        .list()
        .forEach(h -> byReport.get(h.reportId()).add(h));
    return byReport;
  }

  /** Title, severity and number of the newest version of each report (kept on it, V182). */
  record Latest(long reportId, String title, String severityCode, int versionNo) {}

  java.util.Map<Long, Latest> latest(List<Long> reportIds) {
    java.util.Map<Long, Latest> byReport = new java.util.HashMap<>();
    jdbc.sql(
            "select id as report_id, current_title as title, current_severity_code as"
                + " severity_code, current_version_no as version_no from report"
                + " where id = any(?) and current_version_no > 0")
        .param(reportIds.toArray(Long[]::new))
        .query(Rows.of(Latest.class))
        .list()
        .forEach(l -> byReport.put(l.reportId(), l));
    return byReport;
  }

  /** What statistics need of each report: latest classification, first detection time. */
  record Facts(
      long reportId, String incidentTypeCode, List<String> causeCodes, Instant detectedAt) {}

  java.util.Map<Long, Facts> facts(List<Long> reportIds) {
    java.util.Map<Long, Facts> byReport = new java.util.HashMap<>();
    jdbc.sql(
            "select l.report_id, l.incident_type_code, l.cause_codes, f.detected_at from"
                + " (select distinct on (report_id) report_id, incident_type_code, cause_codes"
                + " from report_version where report_id = any(?) order by report_id, version_no desc) l"
                + " join report_version f on f.report_id = l.report_id and f.version_no = 1")
        .param(reportIds.toArray(Long[]::new))
        .query(
            (rs, i) ->
                new Facts(
                    rs.getLong(1),
                    rs.getString(2),
                    strings(rs.getArray(3)),
                    instant(rs, "detected_at")))
        .list()
        .forEach(f -> byReport.put(f.reportId(), f));
    return byReport;
  }

  void deliver(long hopId, Instant at) {
    jdbc.sql("update report_hop set delivered_at = ? where id = ? and delivered_at is null")
        .params(utc(at), hopId)
        .update();
  }

  void markRead(long hopId, Instant at) {
    jdbc.sql("update report_hop set read_at = ? where id = ? and read_at is null")
        .params(utc(at), hopId)
        .update();
  }

  void markForwarded(long hopId, long userId, Instant at) {
    jdbc.sql("update report_hop set forwarded_at = ?, forwarded_by = ? where id = ?")
        .params(utc(at), userId, hopId)
        .update();
  }

  /** The terms the relaying secretariat hides in an anonymised report, in the order it gave. */
  List<String> redactionTerms(long reportId) {
    return jdbc.sql("select term from report_redaction_term where report_id = ? order by position")
        .param(reportId)
        .query(String.class)
        .list();
  }

  void replaceRedactionTerms(long reportId, List<String> terms) {
    jdbc.sql("delete from report_redaction_term where report_id = ?").param(reportId).update();
    int position = 0;
    for (String t : terms) {
      jdbc.sql("insert into report_redaction_term (report_id, position, term) values (?,?,?)")
          .params(reportId, position++, t)
          .update();
    }
  }

  /** Removes a draft with its versions (cascade); the status check keeps a sent report. */
  void deleteDraft(long reportId) {
    jdbc.sql("delete from report where id = ? and status = 'draft'").param(reportId).update();
  }

  /** Stores a comment made at {@code at} (the services' clock, as the report's other steps). */
  void insertComment(long reportId, long orgId, long userId, String body, Instant at) {
    jdbc.sql(
            "insert into report_comment (report_id, org_id, user_id, body, created_at)"
                + " values (?,?,?,?,?)")
        .params(reportId, orgId, userId, body, utc(at))
        .update();
  }

  List<ReportRecords.Comment> comments(long reportId) {
    return jdbc.sql(
            "select id, report_id, org_id, body, created_at from report_comment"
                + " where report_id = ? order by created_at, id")
        .param(reportId)
        .query(Rows.of(ReportRecords.Comment.class))
        .list();
  }

  static ReportRecords.Report report(ResultSet rs, int row) throws SQLException {
    long user = rs.getLong("originator_user_id");
    Long originatorUser = rs.wasNull() ? null : user;
    long ceptoar = rs.getLong("ceptoar_id");
    Long ceptoarId = rs.wasNull() ? null : ceptoar;
    return new ReportRecords.Report(
        rs.getLong("id"),
        rs.getLong("originator_org_id"),
        originatorUser,
        rs.getString("sector_code"),
        rs.getString("route"),
        ceptoarId,
        rs.getBoolean("anonymise"),
        rs.getString("tlp"),
        strings(rs.getArray("scope_sectors")),
        strings(rs.getArray("scope_types")),
        longs(rs.getArray("excluded_org_ids")),
        longs(rs.getArray("recipient_user_ids")),
        rs.getString("status"),
        instant(rs, "created_at"),
        instant(rs, "submitted_at"),
        rs.getString("presented_originator"),
        rs.getObject("exercise_run_id", Long.class));
  }

  private static ReportContent content(ResultSet rs, List<ReportContent.ObservableEntry> obs)
      throws SQLException {
    return new ReportContent(
        rs.getString("title"),
        rs.getString("summary"),
        instant(rs, "occurred_at"),
        instant(rs, "detected_at"),
        rs.getString("incident_type_code"),
        strings(rs.getArray("cause_codes")),
        rs.getString("service_outage"),
        rs.getString("severity_code"),
        rs.getString("response_status"),
        rs.getString("cascade_possibility"),
        rs.getString("cascade_note"),
        rs.getString("reporting_case_code"),
        rs.getString("contact_unit"),
        rs.getString("contact_person"),
        rs.getString("contact_phone"),
        rs.getString("contact_email"),
        obs);
  }
}
