package jp.renkei.engine.exercise;

import java.util.Collection;

/** Where an expected action stands: not yet judged, or met, partially met or missed. */
public enum Outcome {
  PENDING,
  MISSED,
  PARTIAL,
  MET;

  /** Whether the outcome is final. */
  public boolean settled() {
    return this != PENDING;
  }

  /**
   * The outcome of many (one per team): pending while any is pending, otherwise the worst, so that
   * "met" means every team met it.
   */
  public static Outcome overall(Collection<Outcome> outcomes) {
    if (outcomes.isEmpty() || outcomes.contains(PENDING)) {
      return PENDING;
    }
    Outcome worst = MET;
    for (Outcome o : outcomes) {
      if (o.ordinal() < worst.ordinal()) {
        worst = o;
      }
    }
    return worst;
  }
}
