package jp.renkei.engine.monitor;

/**
 * An alert that does not flap: raised after the condition held for {@code raiseAfter} evaluations
 * in a row, cleared after it was absent for {@code clearAfter} evaluations in a row. Not
 * thread-safe.
 */
public final class Hysteresis {

  /** What an evaluation changed. */
  public enum Change {
    NONE,
    RAISED,
    CLEARED
  }

  private final int raiseAfter;
  private final int clearAfter;
  private boolean active;
  private int streak;

  public Hysteresis(int raiseAfter, int clearAfter) {
    if (raiseAfter < 1 || clearAfter < 1) {
      throw new IllegalArgumentException("raiseAfter and clearAfter >= 1");
    }
    this.raiseAfter = raiseAfter;
    this.clearAfter = clearAfter;
  }

  /** Starts from a known state (after a restart, from the open alerts). */
  public Hysteresis(int raiseAfter, int clearAfter, boolean active) {
    this(raiseAfter, clearAfter);
    this.active = active;
  }

  public boolean active() {
    return active;
  }

  public Change update(boolean condition) {
    if (condition == active) {
      streak = 0;
      return Change.NONE;
    }
    streak++;
    if (streak < (active ? clearAfter : raiseAfter)) {
      return Change.NONE;
    }
    streak = 0;
    active = condition;
    return active ? Change.RAISED : Change.CLEARED;
  }
}
