package jp.renkei.engine.policy;

/** The answer of the policy, with the rule that decided it (for audit and for explaining). */
public record Decision(boolean allowed, Reason reason) {

  /** Which rule decided. */
  public enum Reason {
    ORIGINATOR,
    EXCLUDED,
    PUBLIC_MARKING,
    NAMED_PERSON,
    RECIPIENT_ORGANISATION,
    CLIENT_OF_RECIPIENT,
    COMMUNITY,
    C4TAP_STANDING,
    MODE_GATED,
    OUTSIDE_SCOPE,
    NOT_ADDRESSED
  }

  static Decision allow(Reason r) {
    return new Decision(true, r);
  }

  static Decision deny(Reason r) {
    return new Decision(false, r);
  }
}
