package jp.renkei.server.exercise.drill;

import static jp.renkei.server.database.Rows.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.database.Rows;
import jp.renkei.server.directory.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DrillRepository {

  record Drill(
      long id,
      long runId,
      String kind,
      long ownerOrgId,
      long createdBy,
      int fiscalYear,
      Instant startedAt) {}

  record Participant(long organisationId, String level, String dutyEmail) {}

  record SelfCheck(long organisationId, List<Boolean> answers, Instant answeredAt) {}

  private static final String DRILL =
      "select id, run_id, kind, owner_org_id, created_by, fiscal_year, started_at"
          + " from exercise_drill";

  private final JdbcClient jdbc;

  DrillRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long runId,
      String kind,
      long ownerOrg,
      long userId,
      int fiscalYear,
      List<String> sectors,
      Instant at) {
    return jdbc.sql(
            "insert into exercise_drill (run_id, kind, owner_org_id, created_by, fiscal_year,"
                + " sectors, started_at) values (?,?,?,?,?,?,?) returning id")
        .params(runId, kind, ownerOrg, userId, fiscalYear, sectors.toArray(String[]::new), utc(at))
        .query(Long.class)
        .single();
  }

  /** The participants at their levels with their duty addresses now, in one statement. */
  void addParticipants(long drillId, java.util.Map<Organisation, String> levels) {
    if (levels.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into exercise_drill_participant (drill_id, organisation_id, level, duty_email)"
                + " select ?, t.org, t.level, t.duty from unnest(?::bigint[], ?::text[], ?::text[])"
                + " as t(org, level, duty) on conflict do nothing")
        .params(
            drillId,
            levels.keySet().stream().map(Organisation::id).toArray(Long[]::new),
            levels.values().toArray(String[]::new),
            levels.keySet().stream().map(Organisation::dutyEmail).toArray(String[]::new))
        .update();
  }

  Optional<Drill> drill(long id) {
    return jdbc.sql(DRILL + " where id = ?").param(id).query(Rows.of(Drill.class)).optional();
  }

  /** The drills of a run's members: those whose run the user is a member of, newest first. */
  List<Drill> drillsOf(long userId) {
    return jdbc.sql(
            DRILL
                + " where run_id in (select run_id from exercise_member where user_id = ?)"
                + " order by started_at desc, id desc")
        .param(userId)
        .query(Rows.of(Drill.class))
        .list();
  }

  /** Earlier drills of the same kind by the same organisation, oldest first. */
  List<Drill> earlier(Drill d) {
    return jdbc.sql(
            DRILL
                + " where owner_org_id = ? and kind = ? and started_at < ?"
                + " order by started_at, id")
        .params(d.ownerOrgId(), d.kind(), utc(d.startedAt()))
        .query(Rows.of(Drill.class))
        .list();
  }

  List<Participant> participants(long drillId) {
    return jdbc.sql(
            "select organisation_id, level, duty_email from exercise_drill_participant"
                + " where drill_id = ? order by level, organisation_id")
        .param(drillId)
        .query(Rows.of(Participant.class))
        .list();
  }

  void saveSelfCheck(long drillId, long orgId, List<Boolean> answers, long userId, Instant at) {
    jdbc.sql(
            "insert into exercise_drill_selfcheck (drill_id, organisation_id, answers, answered_by,"
                + " answered_at) values (?,?,?,?,?) on conflict (drill_id, organisation_id) do update"
                + " set answers = excluded.answers, answered_by = excluded.answered_by,"
                + " answered_at = excluded.answered_at")
        .params(drillId, orgId, answers.toArray(Boolean[]::new), userId, utc(at))
        .update();
  }

  List<SelfCheck> selfChecks(long drillId) {
    return jdbc.sql(
            "select organisation_id, answers, answered_at from exercise_drill_selfcheck"
                + " where drill_id = ?")
        .param(drillId)
        .query(
            (rs, i) ->
                new SelfCheck(
                    rs.getLong(1),
                    List.of((Boolean[]) rs.getArray(2).getArray()),
                    rs.getTimestamp(3).toInstant()))
        .list();
  }
}
