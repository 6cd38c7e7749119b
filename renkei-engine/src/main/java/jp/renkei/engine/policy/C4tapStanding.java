package jp.renkei.engine.policy;

/**
 * A person's standing in the C4TAP sharing arrangement: the narrowest range they may read. Someone
 * with standing {@code PARTICIPANT} reads Amber and wider.
 */
public enum C4tapStanding {
  /** Secretariat staff and registered analysts: Red and wider. */
  SECRETARIAT_OR_ANALYST(C4tapRange.RED),
  /** CEPTOAR council members taking part: Amber and wider. */
  PARTICIPANT(C4tapRange.AMBER),
  /** Observers who agreed to the rules: Yellow and wider. */
  OBSERVER(C4tapRange.YELLOW),
  /** Council parties not taking part: Green and wider. */
  COUNCIL_PARTY(C4tapRange.GREEN),
  /** Everyone else: White only. */
  NONE(C4tapRange.WHITE);

  private final C4tapRange narrowestReadable;

  C4tapStanding(C4tapRange narrowestReadable) {
    this.narrowestReadable = narrowestReadable;
  }

  public boolean mayRead(C4tapRange range) {
    return range.compareTo(narrowestReadable) >= 0;
  }
}
