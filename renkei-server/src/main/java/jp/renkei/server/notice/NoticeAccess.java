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
import jp.renkei.server.audit.Actor;
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

  NoticeAccess(JdbcClient jdbc, SharingGate gate, NoticeProperties props) {
    this.jdbc = jdbc;
    this.gate = gate;
    this.props = props;
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
    NoticeRow n =
        jdbc.sql("select " + NoticeRow.COLUMNS + " where n.id = ?")
            .param(id)
            .query((rs, i) -> NoticeRow.of(rs))
            .optional()
            .orElseThrow(() -> new NotFound("notice", id));
    if (!gate.canView(actor, sharing(n.holderId(), n.reporterId(), Set.of()).detailAudience())) {
      throw new NotFound("notice", id);
    }
    return n;
  }

  /** The notifications the actor's organisation holds, newest first, each judged by the policy. */
  List<NoticeRow> held(Actor actor, boolean openOnly) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    SharingGate.Check check = gate.check(actor);
    return jdbc
        .sql(
            "select "
                + NoticeRow.COLUMNS
                + " where n.holder_id = ?"
                + (openOnly ? " and n.outcome is null" : "")
                + " order by n.created_at desc, n.id limit ?")
        .params(actor.organisationId(), props.maxListed())
        .query((rs, i) -> NoticeRow.of(rs))
        .list()
        .stream()
        .filter(n -> check.allows(sharing(n.holderId(), n.reporterId(), Set.of()).detailAudience()))
        .toList();
  }

  /**
   * The monthly statistics the actor may see: notifications counted where their count audience
   * admits the actor (one policy decision per holder and reporter); ISPs participating and
   * addresses surveyed only in the national view (NISC, or a reporter for its own surveys).
   */
  List<MonthlyFigures.Row> statistics(Actor actor) {
    SharingGate.Check check = gate.check(actor);
    Set<Long> niscs = niscs();
    boolean nisc = actor.organisationId() != null && niscs.contains(actor.organisationId());
    Long viewer = actor.organisationId();
    record Group(
        long holder,
        Long reporter,
        String holderKind,
        java.time.LocalDate month,
        String outcome,
        int n) {}
    List<Group> groups =
        jdbc.sql(
                "select n.holder_id, s.reporter_id, n.holder_kind, n.month, n.outcome, count(*)"
                    + " from notice n join notice_survey s on s.id = n.survey_id"
                    + " group by 1, 2, 3, 4, 5")
            .query(
                (rs, i) ->
                    new Group(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getString(5),
                        rs.getInt(6)))
            .list();
    Map<List<Object>, Boolean> decided = new HashMap<>();
    boolean national = nisc;
    MonthlyFigures nationalFigures = new MonthlyFigures(true);
    MonthlyFigures own = new MonthlyFigures(false);
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
      if (!holderView && "isp".equals(g.holderKind())) {
        nationalFigures.isp(m, g.holder());
      }
      Outcome o = g.outcome() == null ? null : Outcome.fromCode(g.outcome()).orElse(null);
      for (int i = 0; i < g.n(); i++) {
        target.notification(m, o);
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
      return nationalFigures.rows();
    }
    return own.rows();
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
