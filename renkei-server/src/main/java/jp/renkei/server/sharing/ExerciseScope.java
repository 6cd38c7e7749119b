package jp.renkei.server.sharing;

/**
 * The one rule that keeps exercises (訓練) apart from real work. A report or advisory created inside
 * an exercise run carries the run's id; every read path of real work — lists, statistics, inboxes,
 * the work queue, search, TAXII collections and the STIX store behind correlations and sightings,
 * e-mail and webhook deliveries — keeps only what {@link #isReal} accepts. Inside the exercise the
 * sharing policy applies exactly as outside: the exercise id never widens an audience.
 */
public final class ExerciseScope {

  /** The subject prefix and banner every exercise message and page carries. */
  public static final String MARK = "【訓練】";

  /** The mark put before a simulated sender's name (an inject's 発信元) wherever it is shown. */
  public static final String SIMULATED_MARK_JA = "【模擬】";

  /** {@link #SIMULATED_MARK_JA} in English. */
  public static final String SIMULATED_MARK_EN = "[Simulated] ";

  private ExerciseScope() {}

  /** Whether an object with this exercise run id (null: none) is real work. */
  public static boolean isReal(Long exerciseRunId) {
    return exerciseRunId == null;
  }

  /** Whether an object belongs to the run {@code runId}. */
  public static boolean inRun(Long exerciseRunId, long runId) {
    return exerciseRunId != null && exerciseRunId == runId;
  }

  /**
   * Who may create objects inside a run: the exercise feature answers, the report and advisory
   * features ask (they may not call the exercise feature's internals).
   */
  public interface Play {
    /**
     * Refuses ({@code NotFound} for a run the actor is not in, {@code Conflict} for a run not
     * running) unless the actor plays in (or controls) run {@code runId} now.
     */
    void requirePlaying(jp.renkei.server.audit.Actor actor, long runId);

    /**
     * Refuses ({@code NotFound}, whether the run exists or not) unless the actor is a member of run
     * {@code runId} in any role: who may open the exercise's own lists.
     */
    void requireMember(jp.renkei.server.audit.Actor actor, long runId);

    /** Whether the run lets its messages go out by e-mail (always with {@link #MARK}). */
    boolean emailAllowed(long runId);
  }
}
