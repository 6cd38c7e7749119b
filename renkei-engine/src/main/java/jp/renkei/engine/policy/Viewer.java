package jp.renkei.engine.policy;

import java.util.Objects;
import java.util.Set;

/**
 * Whoever asks to read: a person of a member organisation, an organisation as a whole (its duty
 * mailbox or webhook, which the hub writes to without knowing who reads it), or the public (the
 * anonymous feed).
 *
 * @param personId the person, or null for an organisation as a whole and for the public
 * @param organisationId the person's organisation, or null for the public
 * @param organisationType the organisation's type code (reference data, e.g. {@code operator})
 * @param sector the organisation's sector code, or null
 * @param ceptoars the CEPTOARs the organisation is a member of
 * @param c4tap the person's standing in the C4TAP arrangement
 */
public record Viewer(
    Long personId,
    Long organisationId,
    String organisationType,
    String sector,
    Set<Long> ceptoars,
    C4tapStanding c4tap) {

  /** The public: sees only what is marked TLP:CLEAR or C4TAP White. */
  public static final Viewer PUBLIC =
      new Viewer(null, null, null, null, Set.of(), C4tapStanding.NONE);

  public Viewer {
    ceptoars = Set.copyOf(ceptoars);
    c4tap = Objects.requireNonNullElse(c4tap, C4tapStanding.NONE);
    if (personId != null && organisationId == null) {
      throw new IllegalArgumentException(
          "a viewer is a person of an organisation, an organisation, or the public");
    }
  }

  /**
   * An organisation as a whole: what reaches its duty mailbox or webhook. It is no named person, so
   * it never reads what only named people may (TLP:RED), whoever in it reads the mailbox.
   */
  public static Viewer organisation(
      long organisationId,
      String organisationType,
      String sector,
      Set<Long> ceptoars,
      C4tapStanding c4tap) {
    return new Viewer(null, organisationId, organisationType, sector, ceptoars, c4tap);
  }

  public boolean isPublic() {
    return organisationId == null;
  }
}
