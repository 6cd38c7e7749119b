package jp.renkei.server.exercise.review;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReviewRepository {

  record EarlierRun(long id, String title, Instant createdAt) {}

  /** An organisation of the run's members (the console lists them). */
  public record MemberOrganisation(long id, String nameJa, String nameEn) {
    /** The organisation's name in the reader's language. */
    public String name(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
  }

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

  /**
   * The organisations of the run's members by their name in the reader's language (English names in
   * English, Japanese names otherwise), then id.
   */
  List<MemberOrganisation> memberOrganisations(long runId, java.util.Locale locale) {
    String name = "en".equals(locale.getLanguage()) ? "o.name_en" : "o.name_ja";
    return jdbc.sql(
            "select distinct o.id, o.name_ja, o.name_en from exercise_member m"
                + " join app_user u on u.id = m.user_id join organisation o on o.id ="
                + " u.organisation_id where m.run_id = ? order by "
                + name
                + ", o.id")
        .param(runId)
        .query(Rows.of(MemberOrganisation.class))
        .list();
  }

  /** Whether a member of the run belongs to the organisation (a 課題 may be given to it). */
  boolean isMemberOrganisation(long runId, long organisationId) {
    return jdbc.sql(
            "select exists (select 1 from exercise_member m join app_user u on u.id = m.user_id"
                + " where m.run_id = ? and u.organisation_id = ?)")
        .params(runId, organisationId)
        .query(Boolean.class)
        .single();
  }
}
