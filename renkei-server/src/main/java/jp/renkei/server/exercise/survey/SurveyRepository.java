package jp.renkei.server.exercise.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SurveyRepository {

  record SurveyRow(long runId, String questions, String state, String runState, String runTitle) {}

  /** One answer with what the tally needs: its author's team and organisation, and consent. */
  record AnswerRow(
      long userId,
      String answers,
      boolean named,
      String displayName,
      String team,
      String organisationNameJa,
      Instant updatedAt,
      String organisationNameEn) {

    String organisationName(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) ? organisationNameEn : organisationNameJa;
    }
  }

  record MyAnswer(String answers, boolean named) {}

  /** A questionnaire a player may answer: open, its run ended. */
  record Pending(long runId, String runTitle, boolean answered) {}

  private final JdbcClient jdbc;

  SurveyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<SurveyRow> survey(long runId) {
    return jdbc.sql(
            "select s.run_id, s.questions::text as questions, s.state, r.state as run_state,"
                + " r.title as run_title from exercise_survey s"
                + " join exercise_run r on r.id = s.run_id where s.run_id = ?")
        .param(runId)
        .query(Rows.of(SurveyRow.class))
        .optional();
  }

  /** Attaches the questionnaire; false if the run has one already. */
  boolean attach(long runId, String questions, long userId) {
    return jdbc.sql(
                "insert into exercise_survey (run_id, questions, created_by)"
                    + " values (?, cast(? as jsonb), ?) on conflict (run_id) do nothing")
            .params(runId, questions, userId)
            .update()
        == 1;
  }

  boolean setState(long runId, String state, Instant at) {
    return jdbc.sql("update exercise_survey set state = ?, closed_at = ? where run_id = ?")
            .params(state, "closed".equals(state) ? Rows.utc(at) : null, runId)
            .update()
        == 1;
  }

  /** Stores the player's answer, replacing an earlier one. */
  void answer(long runId, long userId, String answers, boolean named, Instant at) {
    jdbc.sql(
            "insert into exercise_survey_answer (run_id, user_id, answers, named, updated_at)"
                + " values (?, ?, cast(? as jsonb), ?, ?) on conflict (run_id, user_id) do update"
                + " set answers = excluded.answers, named = excluded.named,"
                + " updated_at = excluded.updated_at")
        .params(runId, userId, answers, named, Rows.utc(at))
        .update();
  }

  Optional<MyAnswer> answerOf(long runId, long userId) {
    return jdbc.sql(
            "select answers::text as answers, named from exercise_survey_answer"
                + " where run_id = ? and user_id = ?")
        .params(runId, userId)
        .query(Rows.of(MyAnswer.class))
        .optional();
  }

  /**
   * The run's answers by its players (an answer of someone no longer a player is left out), each
   * with its author's team and organisation.
   */
  List<AnswerRow> answers(long runId) {
    return jdbc.sql(
            "select a.user_id, a.answers::text as answers, a.named, u.display_name, m.team,"
                + " o.name_ja as organisation_name_ja, a.updated_at,"
                + " o.name_en as organisation_name_en from exercise_survey_answer a"
                + " join exercise_member m on m.run_id = a.run_id and m.user_id = a.user_id"
                + " and m.role = 'player' join app_user u on u.id = a.user_id"
                + " join organisation o on o.id = u.organisation_id where a.run_id = ?")
        .param(runId)
        .query(Rows.of(AnswerRow.class))
        .list();
  }

  int players(long runId) {
    return jdbc.sql("select count(*) from exercise_member where run_id = ? and role = 'player'")
        .param(runId)
        .query(Integer.class)
        .single();
  }

  /** Open questionnaires of ended runs the user plays in, newest run first. */
  List<Pending> pendingFor(long userId, int limit) {
    return jdbc.sql(
            "select s.run_id, r.title as run_title, (a.user_id is not null) as answered"
                + " from exercise_survey s join exercise_run r on r.id = s.run_id"
                + " join exercise_member m on m.run_id = s.run_id and m.user_id = ?"
                + " and m.role = 'player'"
                + " left join exercise_survey_answer a on a.run_id = s.run_id and a.user_id = ?"
                + " where s.state = 'open' and r.state = 'STOPPED'"
                + " order by s.created_at desc limit ?")
        .params(userId, userId, limit)
        .query(Rows.of(Pending.class))
        .list();
  }
}
