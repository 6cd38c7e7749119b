package jp.renkei.server.exercise;

import static jp.renkei.server.database.Rows.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExerciseRepository {

  record ScenarioRow(long id, long ownerOrgId, String title, String document, Instant createdAt) {}

  record RunRow(
      long id,
      long scenarioId,
      long ownerOrgId,
      String title,
      String state,
      int speed,
      String segments,
      boolean emailAllowed,
      Instant createdAt,
      Instant startAt) {}

  record Member(
      long userId,
      String login,
      String displayName,
      String email,
      long organisationId,
      String organisationNameJa,
      String organisationType,
      String sector,
      String role,
      String team,
      String playedRole,
      String organisationNameEn) {

    /** The member's organisation in the reader's language. */
    public String organisationName(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) ? organisationNameEn : organisationNameJa;
    }
  }

  record InjectState(String injectKey, String state, Instant at, Long exerciseOffsetSeconds) {}

  record Delivery(
      long id,
      String injectKey,
      long userId,
      Instant deliveredAt,
      long exerciseOffsetSeconds,
      Instant readAt) {}

  record Mark(String expectationKey, String team, String outcome, String note, Instant markedAt) {}

  private static final String RUN =
      "select id, scenario_id, owner_org_id, title, state, speed, segments::text as segments,"
          + " email_allowed, created_at, start_at from exercise_run";

  private final JdbcClient jdbc;

  ExerciseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertScenario(long ownerOrg, long userId, String title, String document) {
    return jdbc.sql(
            "insert into exercise_scenario (owner_org_id, title, document, created_by)"
                + " values (?,?,?::jsonb,?) returning id")
        .params(ownerOrg, title, document, userId)
        .query(Long.class)
        .single();
  }

  void updateScenario(long id, String title, String document) {
    jdbc.sql(
            "update exercise_scenario set title = ?, document = ?::jsonb, updated_at = now()"
                + " where id = ?")
        .params(title, document, id)
        .update();
  }

  /** Whether a run of the scenario has started (its document is then history). */
  boolean scenarioPlayed(long id) {
    return jdbc.sql(
            "select exists (select 1 from exercise_run where scenario_id = ?"
                + " and state <> 'NOT_STARTED')")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  Optional<ScenarioRow> scenario(long id) {
    return jdbc.sql(
            "select id, owner_org_id, title, document::text as document, created_at"
                + " from exercise_scenario where id = ?")
        .param(id)
        .query(Rows.of(ScenarioRow.class))
        .optional();
  }

  List<ScenarioRow> scenariosOf(long ownerOrg) {
    return jdbc.sql(
            "select id, owner_org_id, title, document::text as document, created_at"
                + " from exercise_scenario where owner_org_id = ? order by created_at desc, id")
        .param(ownerOrg)
        .query(Rows.of(ScenarioRow.class))
        .list();
  }

  long insertRun(
      long scenarioId, long ownerOrg, long userId, String title, int speed, boolean email) {
    return jdbc.sql(
            "insert into exercise_run (scenario_id, owner_org_id, title, state, speed,"
                + " email_allowed, created_by) values (?,?,?,'NOT_STARTED',?,?,?) returning id")
        .params(scenarioId, ownerOrg, title, speed, email, userId)
        .query(Long.class)
        .single();
  }

  Optional<RunRow> run(long id) {
    return jdbc.sql(RUN + " where id = ?").param(id).query(Rows.of(RunRow.class)).optional();
  }

  /** The user who created the run (its first controller), if still known. */
  Optional<Long> creator(long runId) {
    return jdbc.sql("select created_by from exercise_run where id = ? and created_by is not null")
        .param(runId)
        .query(Long.class)
        .optional();
  }

  /** The run, locked for a transition or a tick (ticks of several instances queue here). */
  Optional<RunRow> lockRun(long id) {
    return jdbc.sql(RUN + " where id = ? for update")
        .param(id)
        .query(Rows.of(RunRow.class))
        .optional();
  }

  /** Running runs no other instance is ticking right now. */
  List<RunRow> lockRunning() {
    return jdbc.sql(RUN + " where state = 'RUNNING' order by id for update skip locked")
        .query(Rows.of(RunRow.class))
        .list();
  }

  /** Runs the user is a member of, or that the organisation owns, newest first. */
  List<RunRow> runsFor(long userId, long orgId) {
    return jdbc.sql(
            RUN
                + " where owner_org_id = ? or id in (select run_id from exercise_member"
                + " where user_id = ?) order by created_at desc, id")
        .params(orgId, userId)
        .query(Rows.of(RunRow.class))
        .list();
  }

  /** Runs not started whose scheduled start has come, no other instance is starting now. */
  List<RunRow> lockDueToStart(Instant now) {
    return jdbc.sql(
            RUN
                + " where state = 'NOT_STARTED' and start_at is not null and start_at <= ?"
                + " order by start_at, id for update skip locked")
        .param(utc(now))
        .query(Rows.of(RunRow.class))
        .list();
  }

  void scheduleStart(long runId, Instant at) {
    jdbc.sql("update exercise_run set start_at = ? where id = ?")
        .params(at == null ? null : utc(at), runId)
        .update();
  }

  void saveClock(long runId, String state, int speed, String segments) {
    jdbc.sql(
            "update exercise_run set state = ?, speed = ?, segments = ?::jsonb,"
                + " start_at = case when ? = 'NOT_STARTED' then start_at end where id = ?")
        .params(state, speed, segments, state, runId)
        .update();
  }

  void upsertMember(long runId, long userId, String role, String team, String playedRole) {
    jdbc.sql(
            "insert into exercise_member (run_id, user_id, role, team, played_role)"
                + " values (?,?,?,?,?) on conflict (run_id, user_id) do update set role ="
                + " excluded.role, team = excluded.team, played_role = excluded.played_role")
        .params(runId, userId, role, team, playedRole)
        .update();
  }

  /** Every enabled user of the organisations a player in its organisation's team, but one. */
  int addPlayersOf(long runId, Map<Long, String> teamByOrganisation, long except) {
    if (teamByOrganisation.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "insert into exercise_member (run_id, user_id, role, team, played_role)"
                + " select ?, u.id, 'player', t.team, '' from app_user u"
                + " join unnest(?::bigint[], ?::text[]) as t(org, team) on t.org = u.organisation_id"
                + " where u.enabled and u.id <> ? on conflict (run_id, user_id) do update set role ="
                + " excluded.role, team = excluded.team, played_role = excluded.played_role")
        .params(
            runId,
            teamByOrganisation.keySet().toArray(Long[]::new),
            teamByOrganisation.values().stream().map(String::strip).toArray(String[]::new),
            except)
        .update();
  }

  // Members and deliveries are read by position: a run has thousands of them, and the generic
  // record mapper looks each column up by its camel-case name first, the driver answering every
  // miss with a thrown (and caught) exception per column and row — the national console's cost.
  private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Member(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12));
  }

  private static Instant at(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    java.time.OffsetDateTime t = rs.getObject(i, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Delivery delivery(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Delivery(
        rs.getLong(1), rs.getString(2), rs.getLong(3), at(rs, 4), rs.getLong(5), at(rs, 6));
  }

  List<Member> members(long runId) {
    return jdbc.sql(
            "select u.id as user_id, u.login, u.display_name, u.email, o.id as organisation_id,"
                + " o.name_ja as organisation_name, o.type_code as organisation_type,"
                + " coalesce(o.sector_code, '') as sector, m.role, m.team, m.played_role,"
                + " o.name_en as organisation_name_en"
                + " from exercise_member m join app_user u on u.id = m.user_id"
                + " join organisation o on o.id = u.organisation_id where m.run_id = ?"
                + " order by m.role, m.team, u.login")
        .param(runId)
        .query(ExerciseRepository::member)
        .list();
  }

  /** One member of the run (the play page's own row), without reading the whole member list. */
  Optional<Member> member(long runId, long userId) {
    return jdbc.sql(
            "select u.id as user_id, u.login, u.display_name, u.email, o.id as organisation_id,"
                + " o.name_ja as organisation_name, o.type_code as organisation_type,"
                + " coalesce(o.sector_code, '') as sector, m.role, m.team, m.played_role,"
                + " o.name_en as organisation_name_en"
                + " from exercise_member m join app_user u on u.id = m.user_id"
                + " join organisation o on o.id = u.organisation_id"
                + " where m.run_id = ? and m.user_id = ?")
        .params(runId, userId)
        .query(ExerciseRepository::member)
        .optional();
  }

  /**
   * Whether the user has answered the run's 事後アンケート: the answer is tallied by the player's role and
   * team, so these stay as they were when it was given ({@link ExerciseService#addMember}).
   */
  boolean answeredSurvey(long runId, long userId) {
    return jdbc.sql("select 1 from exercise_survey_answer where run_id = ? and user_id = ?")
        .params(runId, userId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  Optional<String> roleOf(long runId, long userId) {
    return jdbc.sql("select role from exercise_member where run_id = ? and user_id = ?")
        .params(runId, userId)
        .query(String.class)
        .optional();
  }

  List<InjectState> injectStates(long runId) {
    return jdbc.sql(
            "select inject_key, state, at, exercise_offset_seconds from exercise_inject_state"
                + " where run_id = ?")
        .param(runId)
        .query(Rows.of(InjectState.class))
        .list();
  }

  /** Releases an on-command inject; does nothing if it was already released, sent or skipped. */
  boolean command(long runId, String key, Instant at) {
    return jdbc.sql(
                "insert into exercise_inject_state (run_id, inject_key, state, at)"
                    + " values (?,?,'commanded',?) on conflict do nothing")
            .params(runId, key, utc(at))
            .update()
        == 1;
  }

  void settleInject(long runId, String key, String state, Instant at, long offsetSeconds) {
    jdbc.sql(
            "insert into exercise_inject_state (run_id, inject_key, state, at,"
                + " exercise_offset_seconds) values (?,?,?,?,?) on conflict (run_id, inject_key)"
                + " do update set state = excluded.state, at = excluded.at,"
                + " exercise_offset_seconds = excluded.exercise_offset_seconds")
        .params(runId, key, state, utc(at), offsetSeconds)
        .update();
  }

  /**
   * Records why the inject's simulated advisory or report could not be issued (shown on the console
   * in the reader's language): the refusals as JSON, each a message key and arguments.
   */
  void failInject(long runId, String key, List<jp.renkei.server.failure.Refusal> refusals) {
    String json = ExerciseService.JSON.writeValueAsString(refusals);
    jdbc.sql(
            "update exercise_inject_state set failure_reason = ? where run_id = ? and inject_key = ?")
        .params(json, runId, key)
        .update();
  }

  /**
   * Why injects of the run failed, by inject key. A reason recorded as plain text (before the
   * refusals were kept as keys) is one refusal showing that text.
   */
  java.util.Map<String, List<jp.renkei.server.failure.Refusal>> injectFailures(long runId) {
    java.util.Map<String, List<jp.renkei.server.failure.Refusal>> out = new java.util.TreeMap<>();
    jdbc.sql(
            "select inject_key, failure_reason from exercise_inject_state where run_id = ?"
                + " and failure_reason is not null")
        .param(runId)
        .query(
            rs -> {
              out.put(rs.getString(1), refusals(rs.getString(2)));
            });
    return out;
  }

  static List<jp.renkei.server.failure.Refusal> refusals(String stored) {
    if (stored.startsWith("[")) {
      try {
        return List.of(
            ExerciseService.JSON.readValue(stored, jp.renkei.server.failure.Refusal[].class));
      } catch (RuntimeException e) {
        // not ours: shown as it is, below
      }
    }
    return List.of(jp.renkei.server.failure.Refusal.of("exercise.failure.text", stored));
  }

  /** Delivers the inject to every user given, in one statement (a national inject: ~6,600). */
  void deliver(long runId, String key, List<Long> userIds, Instant at, long offsetSeconds) {
    if (userIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into exercise_delivery (run_id, inject_key, user_id, delivered_at,"
                + " exercise_offset_seconds) select ?, ?, u, ?, ? from unnest(?::bigint[]) as u"
                + " order by u on conflict do nothing")
        .params(runId, key, utc(at), offsetSeconds, userIds.toArray(Long[]::new))
        .update();
  }

  List<Delivery> deliveries(long runId) {
    return jdbc.sql(
            "select id, inject_key, user_id, delivered_at, exercise_offset_seconds, read_at"
                + " from exercise_delivery where run_id = ? order by delivered_at, id")
        .param(runId)
        .query(ExerciseRepository::delivery)
        .list();
  }

  List<Delivery> deliveriesTo(long runId, long userId) {
    return jdbc.sql(
            "select id, inject_key, user_id, delivered_at, exercise_offset_seconds, read_at"
                + " from exercise_delivery where run_id = ? and user_id = ?"
                + " order by delivered_at desc, id desc")
        .params(runId, userId)
        .query(ExerciseRepository::delivery)
        .list();
  }

  void markRead(long runId, long userId, Instant at) {
    jdbc.sql(
            "update exercise_delivery set read_at = ? where run_id = ? and user_id = ?"
                + " and read_at is null")
        .params(utc(at), runId, userId)
        .update();
  }

  void upsertMark(
      long runId, String key, String team, String outcome, String note, long userId, Instant at) {
    jdbc.sql(
            "insert into exercise_mark (run_id, expectation_key, team, outcome, note, marked_by,"
                + " marked_at) values (?,?,?,?,?,?,?) on conflict (run_id, expectation_key, team)"
                + " do update set outcome = excluded.outcome, note = excluded.note,"
                + " marked_by = excluded.marked_by, marked_at = excluded.marked_at")
        .params(runId, key, team, outcome, note, userId, utc(at))
        .update();
  }

  List<Mark> marks(long runId) {
    return jdbc.sql(
            "select expectation_key, team, outcome, note, marked_at from exercise_mark"
                + " where run_id = ?")
        .param(runId)
        .query(Rows.of(Mark.class))
        .list();
  }
}
