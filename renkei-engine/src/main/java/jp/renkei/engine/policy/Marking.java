package jp.renkei.engine.policy;

/** How widely an object may be shared: a TLP 2.0 level or a C4TAP range. */
public sealed interface Marking permits Marking.OfTlp, Marking.OfC4tap {

  static Marking tlp(Tlp level) {
    return new OfTlp(level);
  }

  static Marking c4tap(C4tapRange range) {
    return new OfC4tap(range);
  }

  /**
   * Whether this marking shares no more widely than {@code other}. Markings of different sets are
   * not comparable, so neither is narrower than the other.
   */
  boolean atMostAsWideAs(Marking other);

  /** A TLP 2.0 marking. */
  record OfTlp(Tlp level) implements Marking {
    public OfTlp {
      java.util.Objects.requireNonNull(level, "level");
    }

    @Override
    public boolean atMostAsWideAs(Marking other) {
      return other instanceof OfTlp o && level.compareTo(o.level) <= 0;
    }
  }

  /** A C4TAP range. */
  record OfC4tap(C4tapRange range) implements Marking {
    public OfC4tap {
      java.util.Objects.requireNonNull(range, "range");
    }

    @Override
    public boolean atMostAsWideAs(Marking other) {
      return other instanceof OfC4tap o && range.compareTo(o.range) <= 0;
    }
  }
}
