package jp.renkei.server.exercise;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.sharing.ExerciseScope;
import org.springframework.stereotype.Component;

/**
 * Who may create objects inside a run, as the report and advisory features ask it (kept apart from
 * {@link ExerciseService}, which reads those features for its scores).
 */
@Component
class ExercisePlay implements ExerciseScope.Play {

  private final ExerciseRepository repo;

  ExercisePlay(ExerciseRepository repo) {
    this.repo = repo;
  }

  @Override
  public void requirePlaying(Actor actor, long runId) {
    requireRole(repo, actor, runId, "player", "controller");
    String state = repo.run(runId).orElseThrow().state();
    if (!state.equals("RUNNING") && !state.equals("PAUSED")) {
      throw new Conflict("exercise", "exercise.error.notRunning");
    }
  }

  @Override
  public void requireMember(Actor actor, long runId) {
    requireRole(repo, actor, runId, "player", "controller", "evaluator", "observer");
  }

  @Override
  public boolean emailAllowed(long runId) {
    return repo.run(runId).map(ExerciseRepository.RunRow::emailAllowed).orElse(false);
  }

  /**
   * The actor's role in the run if it is one of {@code allowed}; {@link NotFound} for anyone not in
   * the run (whether it exists or not), {@link Forbidden} for a member in another role.
   */
  static String requireRole(ExerciseRepository repo, Actor actor, long runId, String... allowed) {
    if (actor.userId() == null) {
      throw new NotFound("exercise_run", runId);
    }
    String role =
        repo.roleOf(runId, actor.userId()).orElseThrow(() -> new NotFound("exercise_run", runId));
    for (String a : allowed) {
      if (a.equals(role)) {
        return role;
      }
    }
    throw new Forbidden("exercise.error.role");
  }
}
