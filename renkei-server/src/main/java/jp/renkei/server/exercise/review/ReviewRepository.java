package jp.renkei.server.exercise.review;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReviewRepository {

  record EarlierRun(long id, String title, Instant createdAt) {}

  private final JdbcClient jdbc;

  ReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Earlier runs of the same scenario that the user controlled or evaluated, newest first (each is
   * read again through the console's own access check before anything of it is shown).
   */
  List<EarlierRun> earlierRuns(long runId, long userId, int limit) {
    return jdbc.sql(
            "select e.id, e.title, e.created_at from exercise_run r join exercise_run e"
                + " on e.scenario_id = r.scenario_id and e.created_at < r.created_at"
                + " join exercise_member m on m.run_id = e.id and m.user_id = ?"
                + " and m.role in ('controller', 'evaluator')"
                + " where r.id = ? order by e.created_at desc, e.id limit ?")
        .params(userId, runId, limit)
        .query(Rows.of(EarlierRun.class))
        .list();
  }
}
