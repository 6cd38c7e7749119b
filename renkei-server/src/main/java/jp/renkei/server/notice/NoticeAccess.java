package jp.renkei.server.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.notice.MonthlyFigures;
import jp.renkei.engine.notice.NoticeSharing;
import jp.renkei.engine.notice.Outcome;
import jp.renkei.engine.policy.Decision;
import jp.renkei.engine.policy.Dominance;
import jp.renkei.engine.policy.SmallCounts;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.ExposureProperties;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every read of NOTICE notifications, through the sharing policy ({@link SharingGate}) with the
 * audiences of {@link NoticeSharing}: a notification's details by its holder only — an id outside
 * one's audience is "not found", exactly as an id that never existed — and the monthly statistics
 * counting only notifications whose count audience admits the viewer (the national coordinator and
 * the reporting organisation see the national figures; a holder its own; anyone else nothing).
 */
@Service
public class NoticeAccess {

  private final JdbcClient jdbc;
  private final SharingGate gate;
  private final NoticeProperties props;
  private final SmallCounts smallCounts;
  private final Dominance dominance;

  NoticeAccess(
      JdbcClient jdbc, SharingGate gate, NoticeProperties props, ExposureProperties exposure) {
    this.jdbc = jdbc;
    this.gate = gate;
    this.props = props;
    // one k for every figure over other organisations (renkei.exposure.minimum-count)
    this.smallCounts = new SmallCounts(exposure.minimumCount());
    this.dominance = new Dominance(props.dominanceN(), props.dominancePercent());
  }

  /** k of the small-number rule the statistics obey. */
  int k() {
    return smallCounts.k();
  }

  /** The dominance rule the statistics obey. */
  Dominance dominance() {
    return dominance;
  }

  private Set<Long> niscs() {
    return new HashSet<>(
        jdbc.sql("select id from organisation where type_code = 'nisc' and active")
            .query(Long.class)
            .list());
  }

  NoticeSharing sharing(long holder, Long reporter, Set<Long> niscs) {
    Set<Long> counters = new HashSet<>(niscs);
    if (reporter != null) {
      counters.add(reporter);
    }
    counters.remove(holder);
    return new NoticeSharing(holder, counters);
  }

  /** One notification, or NotFound when it does not exist or the actor may not see it. */
  NoticeRow notice(Actor actor, long id) {
    java.util.Optional<NoticeRow> found =
        jdbc.sql("select " + NoticeRow.COLUMNS + " where n.id = ?")
            .param(id)
            .query((rs, i) -> NoticeRow.of(rs))
            .optional();
    return gate.visible(
            actor, found, n -> sharing(n.holderId(), n.reporterId(), Set.of()).detailAudience())
        .orElseThrow(() -> new NotFound("notice", id));
  }

  /**
   * Filters on the holder's notifications: {@code state} null (all), {@code open} (no outcome yet)
   * or an outcome code; {@code source} null or survey/partner/hub; {@code text} part of the
   * address, range or observation; observed in [{@code from}, {@code to}).
   */
  record Filter(String state, String source, String text, Instant from, Instant to) {
    static final Filter ALL = new Filter(null, null, null, null, null);

    static Filter open(boolean openOnly) {
      return openOnly ? new Filter("open", null, null, null, null) : ALL;
    }
  }

  /** One page of a holder's notifications and how many match in all. */
  record Held(List<NoticeRow> rows, int total) {}

  /** Sort keys of the list: column names. */
  static final Map<String, String> SORTS =
      Map.of(
          "notified", "n.created_at",
          "observed", "n.observed_at",
          "address", "n.address",
          "outcome", "coalesce(n.outcome, '')");

  /**
   * A page of the notifications the actor's organisation holds. The details audience of every
   * notification of one holder is the same (the holder alone, {@link
   * NoticeSharing#detailAudience}), so the policy decides once for the list and the database pages
   * it: no cap, an exact total.
   */
  Held held(Actor actor, Filter f, String sort, boolean descending, int offset, int size) {
    if (actor.organisationId() == null
        || !gate.canView(actor, sharing(actor.organisationId(), null, Set.of()).detailAudience())) {
      return new Held(List.of(), 0);
    }
    StringBuilder where = new StringBuilder(" where n.holder_id = ?");
    List<Object> params = new java.util.ArrayList<>();
    params.add(actor.organisationId());
    if ("open".equals(f.state())) {
      where.append(" and n.outcome is null");
    } else if (f.state() != null) {
      where.append(" and n.outcome = ?");
      params.add(f.state());
    }
    if (f.source() != null) {
      where.append(" and s.source = ?");
      params.add(f.source());
    }
    if (f.text() != null && !f.text().isBlank()) {
      String like =
          "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" and (n.address ilike ? or n.matched_range ilike ? or n.observation ilike ?)");
      params.add(like);
      params.add(like);
      params.add(like);
    }
    if (f.from() != null) {
      where.append(" and n.observed_at >= ?");
      params.add(Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      where.append(" and n.observed_at < ?");
      params.add(Timestamp.from(f.to()));
    }
    int total =
        jdbc.sql("select count(*) from notice n join notice_survey s on s.id = n.survey_id" + where)
            .params(params)
            .query(Integer.class)
            .single();
    String dir = descending ? " desc" : " asc";
    List<Object> paged = new java.util.ArrayList<>(params);
    paged.add(size);
    paged.add(offset);
    List<NoticeRow> rows =
        jdbc.sql(
                "select "
                    + NoticeRow.COLUMNS
                    + where
                    + " order by "
                    + SORTS.getOrDefault(sort, "n.created_at")
                    + dir
                    + ", n.id"
                    + dir
                    + " limit ? offset ?")
            .params(paged)
            .query((rs, i) -> NoticeRow.of(rs))
            .list();
    return new Held(rows, total);
  }

  /** The first {@code renkei.notice.max-listed} notifications held, newest first (the API's). */
  List<NoticeRow> held(Actor actor, boolean openOnly) {
    return held(actor, Filter.open(openOnly), "notified", true, 0, props.maxListed()).rows();
  }

  /**
   * The statistics the actor may see, per month and per fiscal year: notifications counted where
   * their count audience admits the actor (one policy decision per holder and reporter); ISPs
   * participating (the range registry's, {@code notice_participation}) and addresses surveyed only
   * in the national view (NISC, or a reporter for its own surveys), where the small-number and
   * dominance rules and secondary suppression apply ({@link MonthlyFigures}). Every way the figures
   * go out (API, CSV, page) takes this one answer; it takes no filter.
   */
  MonthlyFigures.Table statistics(Actor actor) {
    SharingGate.Check check = gate.check(actor);
    Set<Long> niscs = niscs();
    boolean nisc = actor.organisationId() != null && niscs.contains(actor.organisationId());
    Long viewer = actor.organisationId();
    record Group(long holder, Long reporter, java.time.LocalDate month, String outcome, int n) {}
    List<Group> groups =
        jdbc.sql(
                "select n.holder_id, s.reporter_id, n.month, n.outcome, count(*)"
                    + " from notice n join notice_survey s on s.id = n.survey_id"
                    + " group by 1, 2, 3, 4")
            .query(
                (rs, i) ->
                    new Group(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getString(4),
                        rs.getInt(5)))
            .list();
    Map<List<Object>, Boolean> decided = new HashMap<>();
    boolean national = nisc;
    MonthlyFigures nationalFigures = new MonthlyFigures(smallCounts, dominance);
    MonthlyFigures own = new MonthlyFigures(null, null);
    boolean reporterView = false;
    for (Group g : groups) {
      boolean allowed =
          decided.computeIfAbsent(
              java.util.Arrays.asList(g.holder(), g.reporter()),
              k -> {
                Decision d = check.decide(sharing(g.holder(), g.reporter(), niscs).countAudience());
                return d.allowed();
              });
      if (!allowed) {
        continue;
      }
      YearMonth m = YearMonth.from(g.month());
      boolean holderView = viewer != null && viewer == g.holder();
      MonthlyFigures target = holderView && !nisc ? own : nationalFigures;
      if (!holderView && viewer != null && viewer.equals(g.reporter())) {
        reporterView = true;
      }
      Outcome o = g.outcome() == null ? null : Outcome.fromCode(g.outcome()).orElse(null);
      for (int i = 0; i < g.n(); i++) {
        target.notification(m, g.holder(), o);
      }
    }
    if (national || reporterView) {
      // addresses surveyed: every survey for NISC, one's own for a reporter
      jdbc.sql(
              "select month, sum(surveyed) from notice_survey"
                  + (national ? "" : " where reporter_id = ?")
                  + " group by month")
          .params(national ? List.of() : List.of(viewer))
          .query(
              (rs, i) -> {
                nationalFigures.survey(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2));
                return null;
              })
          .list();
      participants(nationalFigures);
      return nationalFigures.table();
    }
    return own.table();
  }

  /**
   * 参加ISP数: each ISP of the range registry counts in every month (Japan time) that ends after it
   * joined — the ISPs taking part, whether or not an address of theirs was notified that month.
   */
  private void participants(MonthlyFigures figures) {
    List<Object[]> joined =
        jdbc.sql("select isp_id, since from notice_participation")
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()})
            .list();
    for (YearMonth m : List.copyOf(figures.months())) {
      Instant end = m.plusMonths(1).atDay(1).atStartOfDay(JST).toInstant();
      for (Object[] j : joined) {
        if (((Instant) j[1]).isBefore(end)) {
          figures.isp(m, (Long) j[0]);
        }
      }
    }
  }

  private static final java.time.ZoneId JST = java.time.ZoneId.of("Asia/Tokyo");

  /** A range of the registry as the ranges page shows it. */
  record RangeView(long ispId, String ispName, String cidr, Instant importedAt) {}

  /** At most this many ranges are listed on one page (the registry itself has no limit). */
  static final int MAX_RANGES_SHOWN = 5000;

  /**
   * The registry's ranges the actor may see: platform admins every ISP's (or one, {@code isp}); an
   * organisation's members its own. Another ISP's id answers exactly as an unknown one (NotFound).
   */
  List<RangeView> ranges(Actor actor, Long isp) {
    Long org = actor.organisationId();
    boolean admin = actor.is(Role.PLATFORM_ADMIN);
    if (isp != null && !admin && !isp.equals(org)) {
      throw new NotFound("isp", isp);
    }
    if (org == null && !admin) {
      return List.of();
    }
    Long only = isp != null ? isp : admin ? null : org;
    return jdbc.sql(
            "select r.isp_id, o.name_ja || ' (' || o.code || ')', r.cidr, r.created_at"
                + " from notice_range r join organisation o on o.id = r.isp_id"
                + " where cast(? as bigint) is null or r.isp_id = ?"
                + " order by o.code, r.cidr limit ?")
        .params(only, only, MAX_RANGES_SHOWN)
        .query(
            (rs, i) ->
                new RangeView(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** One import of the registry. */
  record RangeImport(int ranges, int isps, String importedBy, Instant importedAt) {}

  /** The last imports of the registry (platform admins only). */
  List<RangeImport> rangeImports(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      return List.of();
    }
    return jdbc.sql(
            "select ranges, isps, imported_by, imported_at from notice_range_import"
                + " order by imported_at desc, id desc limit 20")
        .query(
            (rs, i) ->
                new RangeImport(
                    rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** Whether the actor's organisation is a reporter: {@code survey}, {@code partner} or null. */
  String reporterSource(Actor actor) {
    if (actor.organisationId() == null) {
      return null;
    }
    return jdbc.sql("select source from notice_reporter where organisation_id = ?")
        .param(actor.organisationId())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** One submission as its reporter sees it: how many of its observations were routed. */
  record SurveyView(
      String label, long surveyed, int notified, int unrouted, String by, Instant at) {}

  /**
   * The submissions of the actor's organisation (its own reports only, newest first, at most 200):
   * what it sent and how many were routed — never to whom, nor what became of them.
   */
  List<SurveyView> surveys(Actor actor) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    return jdbc.sql(
            "select label, surveyed, notified, unrouted, submitted_by, created_at from notice_survey"
                + " where reporter_id = ? order by created_at desc, id limit 200")
        .param(actor.organisationId())
        .query(
            (rs, i) ->
                new SurveyView(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** A registered reporter. */
  record ReporterView(String name, String code, String source, Instant addedAt) {}

  /** Registered reporters (platform admins only). */
  List<ReporterView> reporters(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      return List.of();
    }
    return jdbc.sql(
            "select o.name_ja, o.code, r.source, r.added_at from notice_reporter r"
                + " join organisation o on o.id = r.organisation_id order by o.code")
        .query(
            (rs, i) ->
                new ReporterView(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** A reminder e-mail the outbox gave up on. */
  record FailedReminder(
      String holderName, String target, int attempts, String lastError, Instant queuedAt) {}

  /**
   * Reminders the outbox gave up on, newest first (at most 100): every holder's for a platform
   * admin, its own organisation's for an organisation admin, nothing for anyone else.
   */
  List<FailedReminder> failedReminders(Actor actor) {
    if (actor.organisationId() == null || !actor.is(Role.ORG_ADMIN)) {
      return List.of();
    }
    Long org = actor.is(Role.PLATFORM_ADMIN) ? null : actor.organisationId();
    return jdbc.sql(
            "select o.name_ja || ' (' || o.code || ')', x.target, x.attempts, x.last_error,"
                + " x.created_at from outbox x join notice_reminder r on r.id = x.notice_reminder_id"
                + " join organisation o on o.id = r.holder_id where x.status = 'failed'"
                + " and (cast(? as bigint) is null or r.holder_id = ?)"
                + " order by x.created_at desc, x.id limit 100")
        .params(org, org)
        .query(
            (rs, i) ->
                new FailedReminder(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** Holders of notifications without an outcome that are due a reminder (not a read path). */
  Map<Long, Integer> dueReminders(Instant now) {
    Instant before = now.minusSeconds(props.reminderDays() * 86_400L);
    Map<Long, Integer> out = new HashMap<>();
    jdbc.sql(
            "select holder_id, count(*) from notice where outcome is null and reminders < ?"
                + " and created_at < ? and (reminded_at is null or reminded_at < ?)"
                + " group by holder_id")
        .params(props.maxReminders(), Timestamp.from(before), Timestamp.from(before))
        .query(
            (rs, i) -> {
              out.put(rs.getLong(1), rs.getInt(2));
              return null;
            })
        .list();
    return out;
  }
}
