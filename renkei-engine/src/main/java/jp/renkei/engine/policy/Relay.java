package jp.renkei.engine.policy;

import java.util.Collection;
import java.util.Optional;

/**
 * The marking under which this hub keeps an object that another hub or a feed served it (a relay).
 * Whoever served it judged its audience there; here it may only narrow. TLP 2.0 lets a recipient
 * share CLEAR with anyone, GREEN with its community and AMBER with its clients on need-to-know, and
 * these are kept as the subscription maps them. AMBER+STRICT is for the recipient organisation
 * only: kept at any other marking it would reach whoever this hub's collection names for it (a
 * sector's CEPTOAR secretariat, the national coordinator, a configured collection's members), and
 * so would a part of an object marked AMBER+STRICT by a granular marking, which the collection's
 * community is judged for when the object is served. Such an object is kept at RED, which in a
 * collection is read by its originator organisation (the subscription's) alone.
 *
 * <p>RED is for the individual recipients the peer named, no further disclosure. The peer served it
 * to a subscription's token, which names no person here; kept at RED in a collection it would be
 * read by the subscription's whole organisation (the originator organisation always reads its own
 * objects), and a feed's configurer is a platform administrator, usually of another organisation.
 * So an object that is RED, or has a part marked RED, is not kept at all (attack29c).
 *
 * <p>A marking this hub cannot read (not TLP: a C4TAP range, a statement, a peer's own definition)
 * may narrow the audience in a way nobody here can judge; the object is not "unmarked", and the
 * subscription's choice for unmarked objects does not apply to it. An object with such a marking
 * and no TLP marking beside it, or with a part (granular marking) under such a marking, which the
 * collection's readers would otherwise be shown, is kept at RED too, for the subscription's
 * organisation alone.
 */
public final class Relay {

  private Relay() {}

  /**
   * The TLP a relayed object is kept at, or empty when it is not kept (RED, for named people).
   *
   * @param remote the object's own TLP marking, if it has one
   * @param granular the TLPs its granular markings give parts of it
   * @param unreadable whether a marking that is no TLP marking is all it has (no TLP marking beside
   *     it) or marks a part of it
   * @param unmarked the TLP of an object without one (the subscription's choice)
   * @param widest nothing is kept wider than this (the subscription's choice)
   */
  public static Optional<Tlp> kept(
      Optional<Tlp> remote,
      Collection<Tlp> granular,
      boolean unreadable,
      Tlp unmarked,
      Tlp widest) {
    if (remote.orElse(null) == Tlp.RED || granular.contains(Tlp.RED)) {
      return Optional.empty();
    }
    if (remote.orElse(null) == Tlp.AMBER_STRICT || granular.contains(Tlp.AMBER_STRICT)) {
      return Optional.of(Tlp.RED);
    }
    if (unreadable) {
      return Optional.of(Tlp.RED);
    }
    Tlp t = remote.orElse(unmarked);
    return Optional.of(t.compareTo(widest) <= 0 ? t : widest);
  }
}
