package jp.renkei.server.exercise.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FollowUpRepository {

  public record Lesson(long id, String category, String body, Instant createdAt) {}

  record Issue(
      long id,
      long runId,
      String runTitle,
      String title,
      long ownerOrgId,
      String ownerNameJa,
      String ownerNameEn,
      LocalDate dueOn,
      String state,
      Instant closedAt,
      String progressNote,
      Instant progressAt) {}

  private static final String ISSUE =
      "select i.id, i.run_id, r.title as run_title, i.title, i.owner_org_id,"
          + " o.name_ja as owner_name_ja, o.name_en as owner_name_en, i.due_on, i.state, i.closed_at,"
          + " p.note as progress_note, p.updated_at as progress_at from exercise_issue i"
          + " join exercise_run r on r.id = i.run_id join organisation o on o.id = i.owner_org_id"
          + " left join exercise_issue_progress p on p.issue_id = i.id";

  private final JdbcClient jdbc;

  FollowUpRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void addLesson(long runId, String category, String body, long userId) {
    jdbc.sql("insert into exercise_lesson (run_id, category, body, created_by) values (?,?,?,?)")
        .params(runId, category, body, userId)
        .update();
  }

  List<Lesson> lessons(long runId) {
    return jdbc.sql(
            "select id, category, body, created_at from exercise_lesson where run_id = ?"
                + " order by category, id")
        .param(runId)
        .query(Rows.of(Lesson.class))
        .list();
  }

  void addIssue(long runId, String title, long ownerOrg, LocalDate due, long userId) {
    jdbc.sql(
            "insert into exercise_issue (run_id, title, owner_org_id, due_on, created_by)"
                + " values (?,?,?,?,?)")
        .params(runId, title, ownerOrg, due, userId)
        .update();
  }

  List<Issue> issues(long runId) {
    return jdbc.sql(
            ISSUE + " where i.run_id = ? order by i.state desc, i.due_on, i.created_at, i.id")
        .param(runId)
        .query(Rows.of(Issue.class))
        .list();
  }

  /** Sets an issue of the run open or closed; false if the run has no such issue. */
  boolean setState(long runId, long issueId, String state, Instant at) {
    return jdbc.sql(
                "update exercise_issue set state = ?, closed_at = ? where id = ? and run_id = ?")
            .params(state, "closed".equals(state) ? Rows.utc(at) : null, issueId, runId)
            .update()
        == 1;
  }

  /** Open issues of the runs the user controls or evaluates, earliest due first. */
  List<Issue> openIssuesFollowedBy(long userId, int limit) {
    return jdbc.sql(
            ISSUE
                + " join exercise_member m on m.run_id = i.run_id and m.user_id = ?"
                + " and m.role in ('controller', 'evaluator') where i.state = 'open'"
                + " order by i.due_on, i.created_at, i.id limit ?")
        .params(userId, limit)
        .query(Rows.of(Issue.class))
        .list();
  }

  /** The 課題 owned by the organisation, open ones first, earliest due first. */
  List<Issue> ownedBy(long organisationId, boolean openOnly, int limit) {
    return jdbc.sql(
            ISSUE
                + " where i.owner_org_id = ?"
                + (openOnly ? " and i.state = 'open'" : "")
                + " order by i.state desc, i.due_on, i.created_at, i.id limit ?")
        .params(organisationId, limit)
        .query(Rows.of(Issue.class))
        .list();
  }

  /** The 課題 if the organisation owns it. */
  java.util.Optional<Issue> owned(long issueId, long organisationId) {
    return jdbc.sql(ISSUE + " where i.id = ? and i.owner_org_id = ?")
        .params(issueId, organisationId)
        .query(Rows.of(Issue.class))
        .optional();
  }

  /** Sets an issue open or closed, as its owner does. */
  void setOwnedState(long issueId, String state, Instant at) {
    jdbc.sql(
            "update exercise_issue set state = ?,"
                + " closed_at = case when ? = 'closed' then coalesce(closed_at, ?) end where id = ?")
        .params(state, state, Rows.utc(at), issueId)
        .update();
  }

  void setProgress(long issueId, String note, long userId, Instant at) {
    jdbc.sql(
            "insert into exercise_issue_progress (issue_id, note, updated_by, updated_at)"
                + " values (?,?,?,?) on conflict (issue_id) do update set note = excluded.note,"
                + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
        .params(issueId, note, userId, Rows.utc(at))
        .update();
  }
}
