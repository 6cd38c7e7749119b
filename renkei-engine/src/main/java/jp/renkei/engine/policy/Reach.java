package jp.renkei.engine.policy;

import java.util.HashSet;
import java.util.Set;

/**
 * What {@link SharingPolicy#decide} can consult about one viewer, stated so that a store may narrow
 * its candidates before asking the policy: a <em>necessary</em> condition for the policy to allow,
 * never a sufficient one. Every object a caller shows must still be judged by the policy; this only
 * lets it skip rows the policy is certain to refuse (a list of 100,000 reports need not hand the
 * policy every hidden one), and load only the recipients the policy would look at.
 *
 * <p>An object can be allowed only if one of these holds ({@link #admits}): the viewer's
 * organisation originated it; its marking is not TLP (C4TAP ranges are judged by standing); it is
 * TLP:CLEAR or TLP:GREEN; the viewer is its originating person or a named recipient; or one of
 * {@link #consultedOrganisations} is among its recipient organisations.
 *
 * @param organisationId the viewer's organisation (null: the public)
 * @param personId the viewer (null: the public)
 * @param consultedOrganisations the only organisations whose presence among an object's recipient
 *     organisations the policy ever asks about for this viewer: its own and the CEPTOARs it is a
 *     member of. An audience holding only these of its recipients gets the same decision.
 */
public record Reach(Long organisationId, Long personId, Set<Long> consultedOrganisations) {

  public Reach {
    consultedOrganisations = Set.copyOf(consultedOrganisations);
  }

  /** The reach of {@code viewer} under {@link SharingPolicy} (the public consults none). */
  public static Reach of(Viewer viewer) {
    if (viewer.isPublic()) {
      return new Reach(null, null, Set.of());
    }
    Set<Long> consulted = new HashSet<>(viewer.ceptoars());
    consulted.add(viewer.organisationId());
    return new Reach(viewer.organisationId(), viewer.personId(), consulted);
  }

  /**
   * False only when the policy refuses {@code a} to this viewer in every mode; true says nothing
   * (ask the policy).
   */
  public boolean admits(Audience a) {
    if (organisationId != null && organisationId == a.originatorOrganisation()) {
      return true;
    }
    if (!(a.marking() instanceof Marking.OfTlp t)) {
      return true;
    }
    if (t.level() == Tlp.CLEAR || t.level() == Tlp.GREEN) {
      return true;
    }
    if (personId != null
        && (personId.equals(a.originatorPerson()) || a.recipientPeople().contains(personId))) {
      return true;
    }
    for (Long org : consultedOrganisations) {
      if (a.recipientOrganisations().contains(org)) {
        return true;
      }
    }
    return false;
  }

  /** {@code a} with only the recipient organisations the policy consults for this viewer. */
  public Audience consultedPart(Audience a) {
    Set<Long> kept = new HashSet<>(a.recipientOrganisations());
    kept.retainAll(consultedOrganisations);
    return a.withRecipientOrganisations(kept);
  }
}
