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
 * organisation originated it; or, the viewer's organisation not being excluded from it, its marking
 * is not TLP (C4TAP ranges are judged by standing); it is TLP:CLEAR; the viewer is its originating
 * person or a named recipient; one of {@link #consultedOrganisations} is among its recipient
 * organisations; or it is TLP:GREEN, the viewer is signed in and its organisation's sector and type
 * are within the object's scope (an empty scope holds every sector or type).
 *
 * @param organisationId the viewer's organisation (null: the public)
 * @param personId the viewer (null: the public)
 * @param consultedOrganisations the only organisations whose presence among an object's recipient
 *     organisations the policy ever asks about for this viewer: its own and the CEPTOARs it is a
 *     member of. An audience holding only these of its recipients gets the same decision.
 * @param sector the viewer's organisation's sector (null: none, or the public)
 * @param organisationType the viewer's organisation's type (null: the public)
 */
public record Reach(
    Long organisationId,
    Long personId,
    Set<Long> consultedOrganisations,
    String sector,
    String organisationType) {

  public Reach {
    consultedOrganisations = Set.copyOf(consultedOrganisations);
  }

  /** The reach of {@code viewer} under {@link SharingPolicy} (the public consults none). */
  public static Reach of(Viewer viewer) {
    if (viewer.isPublic()) {
      return new Reach(null, null, Set.of(), null, null);
    }
    Set<Long> consulted = new HashSet<>(viewer.ceptoars());
    consulted.add(viewer.organisationId());
    return new Reach(
        viewer.organisationId(),
        viewer.personId(),
        consulted,
        viewer.sector(),
        viewer.organisationType());
  }

  /**
   * False only when the policy refuses {@code a} to this viewer in every mode; true says nothing
   * (ask the policy).
   */
  public boolean admits(Audience a) {
    if (organisationId != null && organisationId == a.originatorOrganisation()) {
      return true;
    }
    // the policy refuses an excluded organisation whatever the marking
    if (organisationId != null && a.excludedOrganisations().contains(organisationId)) {
      return false;
    }
    if (!(a.marking() instanceof Marking.OfTlp t)) {
      return true;
    }
    if (t.level() == Tlp.CLEAR) {
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
    return t.level() == Tlp.GREEN && inGreenScope(a);
  }

  /**
   * Whether a TLP:GREEN object's scope holds this viewer: signed in, its sector among the scope's
   * sectors and its type among the scope's types (an empty list holds all). The GREEN community's
   * mode gate is not part of it (a reach holds in every mode).
   */
  public boolean inGreenScope(Audience a) {
    return organisationId != null
        && (a.scopeSectors().isEmpty() || (sector != null && a.scopeSectors().contains(sector)))
        && (a.scopeTypes().isEmpty()
            || (organisationType != null && a.scopeTypes().contains(organisationType)));
  }

  /** {@code a} with only the recipient organisations the policy consults for this viewer. */
  public Audience consultedPart(Audience a) {
    Set<Long> kept = new HashSet<>(a.recipientOrganisations());
    kept.retainAll(consultedOrganisations);
    return a.withRecipientOrganisations(kept);
  }
}
