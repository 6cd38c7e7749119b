package jp.renkei.engine.policy;

import java.util.Objects;
import java.util.Set;

/**
 * Who may read one object (report, version, advisory, indicator, sighting, attachment, comment,
 * statistic): its marking, whom the originator addressed, how the originator scoped the community,
 * and whom the originator excluded.
 *
 * @param marking how widely it may be shared
 * @param originatorOrganisation the organisation that created it; always sees it
 * @param originatorPerson the person who created it, if known
 * @param recipientOrganisations organisations addressed directly (hops on the route, advisory
 *     recipients); under AMBER their clients (a CEPTOAR's members) may also read
 * @param recipientPeople people addressed directly; the only readers under TLP:RED
 * @param scopeSectors for GREEN: only organisations of these sectors (empty: every sector)
 * @param scopeTypes for GREEN: only organisations of these types (empty: every type)
 * @param excludedOrganisations never read it, whatever else says so (e.g. the supervisory ministry
 *     the provider excluded under the Cybersecurity Council's rules)
 */
public record Audience(
    Marking marking,
    long originatorOrganisation,
    Long originatorPerson,
    Set<Long> recipientOrganisations,
    Set<Long> recipientPeople,
    Set<String> scopeSectors,
    Set<String> scopeTypes,
    Set<Long> excludedOrganisations) {

  public Audience {
    Objects.requireNonNull(marking, "marking");
    recipientOrganisations = Set.copyOf(recipientOrganisations);
    recipientPeople = Set.copyOf(recipientPeople);
    scopeSectors = Set.copyOf(scopeSectors);
    scopeTypes = Set.copyOf(scopeTypes);
    excludedOrganisations = Set.copyOf(excludedOrganisations);
    if (excludedOrganisations.contains(originatorOrganisation)) {
      throw new IllegalArgumentException("the originator cannot be excluded from its own object");
    }
  }

  /** An audience with only a marking and its originator, to be refined with the withers. */
  public static Audience of(Marking marking, long originatorOrganisation, Long originatorPerson) {
    return new Audience(
        marking,
        originatorOrganisation,
        originatorPerson,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of());
  }

  public Audience withRecipientOrganisations(Set<Long> organisations) {
    return new Audience(
        marking,
        originatorOrganisation,
        originatorPerson,
        organisations,
        recipientPeople,
        scopeSectors,
        scopeTypes,
        excludedOrganisations);
  }

  public Audience withRecipientPeople(Set<Long> people) {
    return new Audience(
        marking,
        originatorOrganisation,
        originatorPerson,
        recipientOrganisations,
        people,
        scopeSectors,
        scopeTypes,
        excludedOrganisations);
  }

  public Audience withScope(Set<String> sectors, Set<String> types) {
    return new Audience(
        marking,
        originatorOrganisation,
        originatorPerson,
        recipientOrganisations,
        recipientPeople,
        sectors,
        types,
        excludedOrganisations);
  }

  public Audience withExcluded(Set<Long> organisations) {
    return new Audience(
        marking,
        originatorOrganisation,
        originatorPerson,
        recipientOrganisations,
        recipientPeople,
        scopeSectors,
        scopeTypes,
        organisations);
  }

  public Audience withMarking(Marking newMarking) {
    return new Audience(
        newMarking,
        originatorOrganisation,
        originatorPerson,
        recipientOrganisations,
        recipientPeople,
        scopeSectors,
        scopeTypes,
        excludedOrganisations);
  }
}
