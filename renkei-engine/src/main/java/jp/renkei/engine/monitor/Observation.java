package jp.renkei.engine.monitor;

import java.time.Instant;

/**
 * What one vantage point concluded from one probe of a site.
 *
 * @param vantage the vantage point's id
 * @param at when the probe started
 * @param state {@link State#UP}, {@link State#SLOW} (against that vantage point's own baseline of
 *     the site) or {@link State#DOWN} (no answer, or not the expected one, after the retries)
 */
public record Observation(long vantage, Instant at, State state) {

  /** A site's condition, from best to worst. */
  public enum State {
    UP,
    SLOW,
    DOWN
  }
}
