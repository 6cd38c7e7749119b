package jp.renkei.engine.policy;

import java.util.Optional;

/**
 * Changing an object's audience: any hop may narrow it; only the originator may widen it (the
 * Cybersecurity Council's rule). "Narrower" means every part is: the marking no wider (and of the
 * same set), no new recipients, no wider scope, no fewer exclusions, the same originator.
 */
public final class AudienceChange {

  /** Why a proposed audience is not a narrowing: the first part found wider. */
  public record Widening(String field, String explanation) {}

  private AudienceChange() {}

  /** The first way {@code after} is wider than {@code before}, if any. */
  public static Optional<Widening> widening(Audience before, Audience after) {
    if (before.originatorOrganisation() != after.originatorOrganisation()
        || !java.util.Objects.equals(before.originatorPerson(), after.originatorPerson())) {
      return Optional.of(new Widening("originator", "the originator cannot change"));
    }
    if (!after.marking().atMostAsWideAs(before.marking())) {
      return Optional.of(new Widening("marking", "the marking would be wider or of another set"));
    }
    if (!before.recipientOrganisations().containsAll(after.recipientOrganisations())) {
      return Optional.of(new Widening("recipientOrganisations", "organisations would be added"));
    }
    if (!before.recipientPeople().containsAll(after.recipientPeople())) {
      return Optional.of(new Widening("recipientPeople", "people would be added"));
    }
    if (wider(before.scopeSectors(), after.scopeSectors())) {
      return Optional.of(new Widening("scopeSectors", "the sector scope would be wider"));
    }
    if (wider(before.scopeTypes(), after.scopeTypes())) {
      return Optional.of(new Widening("scopeTypes", "the type scope would be wider"));
    }
    if (!after.excludedOrganisations().containsAll(before.excludedOrganisations())) {
      return Optional.of(new Widening("excludedOrganisations", "an exclusion would be lifted"));
    }
    return Optional.empty();
  }

  /**
   * Checks a change proposed by someone of {@code actorOrganisation}: a narrowing is always
   * allowed; a widening only for the originator.
   *
   * @throws WideningRefused naming the widened field otherwise
   */
  public static Audience apply(Audience before, Audience after, long actorOrganisation) {
    Optional<Widening> w = widening(before, after);
    if (w.isPresent() && actorOrganisation != before.originatorOrganisation()) {
      throw new WideningRefused(w.get());
    }
    if (w.isPresent() && "originator".equals(w.get().field())) {
      throw new WideningRefused(w.get());
    }
    return after;
  }

  /** An empty scope means "everyone", so any non-empty scope is narrower than it. */
  private static boolean wider(java.util.Set<String> before, java.util.Set<String> after) {
    if (before.isEmpty()) {
      return false;
    }
    return after.isEmpty() || !before.containsAll(after);
  }

  /** A non-originator tried to widen an audience. */
  public static final class WideningRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Widening widening;

    WideningRefused(Widening widening) {
      super(widening.field() + ": " + widening.explanation());
      this.widening = widening;
    }

    public Widening widening() {
      return widening;
    }
  }
}
