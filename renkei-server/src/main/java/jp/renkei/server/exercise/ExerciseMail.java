package jp.renkei.server.exercise;

import java.util.List;
import jp.renkei.engine.exercise.Inject;
import jp.renkei.server.sharing.ExerciseScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * E-mail injects, only for runs that allow e-mail, always marked 【訓練】 at the start of the subject
 * and body. The text is written once, in the delivery's transaction, and one outbox row is queued
 * per player reached who has an address: the outbox sends them after the commit and retries a
 * failed send with backoff, as every real e-mail of the hub.
 */
@Component
class ExerciseMail {

  private final JdbcClient jdbc;

  ExerciseMail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the inject's e-mail to the players reached that have an address; returns how many. */
  int queue(ExerciseRepository.RunRow run, Inject inject, List<ExerciseRepository.Member> reached) {
    if (!run.emailAllowed()) {
      return 0;
    }
    List<ExerciseRepository.Member> to =
        reached.stream().filter(m -> m.email() != null && !m.email().isBlank()).toList();
    if (to.isEmpty()) {
      return 0;
    }
    Long mailId =
        jdbc.sql(
                "insert into exercise_mail (run_id, inject_key, subject, body) values (?,?,?,?)"
                    + " on conflict (run_id, inject_key) do nothing returning id")
            .params(run.id(), inject.key(), subject(run.title(), inject), body(inject))
            .query(Long.class)
            .optional()
            .orElse(null);
    if (mailId == null) {
      return 0; // delivered before: the outbox has it already
    }
    return jdbc.sql(
            "insert into outbox (exercise_mail_id, version_no, organisation_id, channel, target,"
                + " purpose) select ?, 0, o, 'email', t, 'delivery'"
                + " from unnest(?::bigint[], ?::text[]) as x(o, t) on conflict do nothing")
        .params(
            mailId,
            to.stream().map(ExerciseRepository.Member::organisationId).toArray(Long[]::new),
            to.stream().map(m -> m.email().strip()).toArray(String[]::new))
        .update();
  }

  static String subject(String runTitle, Inject inject) {
    return ExerciseScope.MARK + runTitle + ": " + inject.title();
  }

  static String body(Inject inject) {
    return ExerciseScope.MARK
        + " これは演習（訓練）の状況付与です。実際の事案ではありません。\n\n"
        + "発信元: "
        + inject.sender()
        + "\n件名: "
        + inject.title()
        + "\n\n"
        + inject.content()
        + "\n";
  }
}
