package jp.renkei.server.web;

import java.io.IOException;

/** Thrown while reading a request body past its limit; rendered as 413, never logged as a fault. */
public final class BodyTooLarge extends IOException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public BodyTooLarge(long limit) {
    super("the request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  /** The BodyTooLarge in {@code e}'s causes, or null. */
  public static BodyTooLarge in(Throwable e) {
    return jp.renkei.server.failure.Causes.find(e, BodyTooLarge.class);
  }
}
