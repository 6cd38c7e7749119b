package jp.renkei.server.failure;

import java.time.Duration;

/**
 * The work cannot be taken on now: the caller already has such work running (429), or the hub's
 * share of the cores for it is in use (503). Retriable after {@link #retryAfter()}.
 */
public class Busy extends RenkeiException {
  private static final long serialVersionUID = 1L;

  private final boolean caller;
  private final Duration retryAfter;

  /**
   * @param caller true when the caller's own work is what is in the way (429), false when the hub
   *     is busy (503)
   */
  public Busy(boolean caller, Duration retryAfter, String messageKey, Object... args) {
    super(messageKey, args);
    this.caller = caller;
    this.retryAfter = retryAfter;
  }

  /** 429 Too Many Requests for the caller's own work, 503 Service Unavailable otherwise. */
  public int status() {
    return caller ? 429 : 503;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
