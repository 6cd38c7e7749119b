package jp.renkei.engine.exercise.drill;

import java.time.Duration;
import java.time.Instant;

/**
 * One participant at one level of a drill: when the drill's message reached it (null: never) and
 * when it confirmed (疎通確認; null: not confirmed).
 *
 * @param organisationId the participant
 * @param level ministry, ceptoar, operator or nisc
 */
public record Contact(long organisationId, String level, Instant reachedAt, Instant confirmedAt) {

  /** Whether the participant confirmed. */
  public boolean confirmed() {
    return confirmedAt != null;
  }

  /** From reaching to confirming, never negative; null unless both happened. */
  public Duration timeToConfirm() {
    if (reachedAt == null || confirmedAt == null) {
      return null;
    }
    Duration d = Duration.between(reachedAt, confirmedAt);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
