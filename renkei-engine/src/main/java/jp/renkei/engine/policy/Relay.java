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
 * collection is read by its originator organisation (the subscription's) alone. RED, for the people
 * it was served to, is kept at RED.
 */
public final class Relay {

  private Relay() {}

  /**
   * The TLP a relayed object is kept at.
   *
   * @param remote the object's own TLP marking, if it has one
   * @param granular the TLPs its granular markings give parts of it
   * @param unmarked the TLP of an object without one (the subscription's choice)
   * @param widest nothing is kept wider than this (the subscription's choice)
   */
  public static Tlp kept(Optional<Tlp> remote, Collection<Tlp> granular, Tlp unmarked, Tlp widest) {
    if (remote.orElse(null) == Tlp.AMBER_STRICT || granular.contains(Tlp.AMBER_STRICT)) {
      return Tlp.RED;
    }
    Tlp t = remote.orElse(unmarked);
    return t.compareTo(widest) <= 0 ? t : widest;
  }
}
