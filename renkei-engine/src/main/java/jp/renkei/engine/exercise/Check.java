package jp.renkei.engine.exercise;

/**
 * What the hub can see a team do, so that an expected action is checked without an evaluator.
 * Evidence of these kinds comes only from objects created inside the run.
 */
public enum Check {
  /** The team's organisation files a 情報連絡 (its 第一報 counts) in the exercise. */
  REPORT_FILED,
  /**
   * The team's organisation forwards (or, as a CEPTOAR, relays) a 情報連絡 of the exercise on its
   * route, e.g. one a simulated_report inject sent into its inbox.
   */
  REPORT_FORWARDED,
  /** The team's organisation issues a 情報提供 in the exercise. */
  ADVISORY_ISSUED,
  /** The team's organisation confirms receipt (疎通確認) of an exercise advisory. */
  ADVISORY_CONFIRMED,
  /** The team's players open the inject in their inbox. */
  INJECT_READ
}
