package jp.renkei.engine.notice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What came of a notification, as the holder records it after its 注意喚起. */
public enum Outcome {
  /** The subscriber fixed the device (credentials changed, firmware updated, unplugged). */
  REMEDIATED,
  /** The subscriber was warned; nothing fixed yet. */
  WARNED,
  /** The subscriber could not be reached (no contact, mail returned). */
  NOT_REACHABLE,
  /** The subscriber was reached but did not act or answer. */
  NO_RESPONSE,
  /** The address was not the holder's subscriber at that time, or the observation was wrong. */
  NOT_APPLICABLE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Outcome> fromCode(String code) {
    return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
  }

  /** Whether the subscriber was reached (the reach rate's numerator). */
  public boolean reached() {
    return this == REMEDIATED || this == WARNED || this == NO_RESPONSE;
  }
}
