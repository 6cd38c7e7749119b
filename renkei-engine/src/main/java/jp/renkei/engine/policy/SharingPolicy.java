package jp.renkei.engine.policy;

import java.util.Set;

/**
 * The one audience policy of Renkei (DESIGN.md §2). Every read path of the server — pages, API,
 * TAXII, exports, search, counts, charts, e-mail, webhooks — asks this, and nothing else, whether a
 * viewer may learn that an object exists.
 *
 * <p>Rules, first match wins:
 *
 * <ol>
 *   <li>The originating organisation always sees its own object.
 *   <li>An excluded organisation never sees it.
 *   <li>TLP:CLEAR and C4TAP White: everyone, the public included.
 *   <li>C4TAP ranges: by the viewer's C4TAP standing.
 *   <li>The public sees nothing else.
 *   <li>A named recipient person sees it at any TLP level.
 *   <li>TLP:RED: nobody else.
 *   <li>A recipient organisation sees it at AMBER+STRICT and wider.
 *   <li>At AMBER and wider, members of a recipient CEPTOAR (its clients, on need-to-know) too.
 *   <li>At GREEN: the community — member organisations within the scope's sectors and types; the
 *       mode-gated types (incident-response and disaster-management agencies by default) only in
 *       large-scale mode.
 * </ol>
 *
 * <p>Each level's audience contains the narrower level's audience for the same recipients and
 * scope, and large-scale mode only ever adds readers. Stateless and thread-safe.
 *
 * <p>{@link Reach} states what these rules consult about a viewer (a necessary condition to be
 * allowed, and the recipient organisations looked at); a change here changes it too, and the
 * property tests hold the two together.
 */
public final class SharingPolicy {

  /** Organisation types that receive GREEN only in large-scale mode unless addressed directly. */
  public static final Set<String> DEFAULT_MODE_GATED_TYPES =
      Set.of("incident_response", "disaster_management");

  private final Set<String> modeGatedTypes;

  public SharingPolicy() {
    this(DEFAULT_MODE_GATED_TYPES);
  }

  public SharingPolicy(Set<String> modeGatedTypes) {
    this.modeGatedTypes = Set.copyOf(modeGatedTypes);
  }

  /**
   * The organisation types that may not be reached in this mode unless addressed by name or by
   * their type: delivery to "everyone" (an advisory to all CI) leaves them out in normal mode, as
   * the GREEN community does.
   */
  public Set<String> gatedTypes(SystemMode mode) {
    return mode == SystemMode.LARGE_SCALE ? Set.of() : modeGatedTypes;
  }

  public boolean canView(Viewer viewer, Audience audience, SystemMode mode) {
    return decide(viewer, audience, mode).allowed();
  }

  public Decision decide(Viewer viewer, Audience a, SystemMode mode) {
    Long org = viewer.organisationId();
    if (org != null && org == a.originatorOrganisation()) {
      return Decision.allow(Decision.Reason.ORIGINATOR);
    }
    if (org != null && a.excludedOrganisations().contains(org)) {
      return Decision.deny(Decision.Reason.EXCLUDED);
    }
    if (a.marking() instanceof Marking.OfC4tap c) {
      if (c.range() == C4tapRange.WHITE) {
        return Decision.allow(Decision.Reason.PUBLIC_MARKING);
      }
      return viewer.c4tap().mayRead(c.range()) && !viewer.isPublic()
          ? Decision.allow(Decision.Reason.C4TAP_STANDING)
          : Decision.deny(Decision.Reason.C4TAP_STANDING);
    }
    Tlp level = ((Marking.OfTlp) a.marking()).level();
    if (level == Tlp.CLEAR) {
      return Decision.allow(Decision.Reason.PUBLIC_MARKING);
    }
    if (viewer.isPublic()) {
      return Decision.deny(Decision.Reason.NOT_ADDRESSED);
    }
    if (viewer.personId() != null
        && (a.recipientPeople().contains(viewer.personId())
            || viewer.personId().equals(a.originatorPerson()))) {
      return Decision.allow(Decision.Reason.NAMED_PERSON);
    }
    if (level == Tlp.RED) {
      return Decision.deny(Decision.Reason.NOT_ADDRESSED);
    }
    if (a.recipientOrganisations().contains(org)) {
      return Decision.allow(Decision.Reason.RECIPIENT_ORGANISATION);
    }
    if (level == Tlp.AMBER_STRICT) {
      return Decision.deny(Decision.Reason.NOT_ADDRESSED);
    }
    for (Long ceptoar : viewer.ceptoars()) {
      if (a.recipientOrganisations().contains(ceptoar)) {
        return Decision.allow(Decision.Reason.CLIENT_OF_RECIPIENT);
      }
    }
    if (level == Tlp.AMBER) {
      return Decision.deny(Decision.Reason.NOT_ADDRESSED);
    }
    // GREEN: the community, as scoped by the originator.
    if (!a.scopeSectors().isEmpty()
        && (viewer.sector() == null || !a.scopeSectors().contains(viewer.sector()))) {
      return Decision.deny(Decision.Reason.OUTSIDE_SCOPE);
    }
    if (!a.scopeTypes().isEmpty()
        && (viewer.organisationType() == null
            || !a.scopeTypes().contains(viewer.organisationType()))) {
      return Decision.deny(Decision.Reason.OUTSIDE_SCOPE);
    }
    if (viewer.organisationType() != null
        && modeGatedTypes.contains(viewer.organisationType())
        && mode != SystemMode.LARGE_SCALE) {
      return Decision.deny(Decision.Reason.MODE_GATED);
    }
    return Decision.allow(Decision.Reason.COMMUNITY);
  }
}
