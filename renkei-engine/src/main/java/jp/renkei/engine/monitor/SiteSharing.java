package jp.renkei.engine.monitor;

import java.util.Set;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;

/**
 * Who learns what about a registered site, as two audiences the sharing policy judges: its
 * <em>state</em> (that it exists, its owner, name and sector, and whether it is up, slow or down —
 * counted in the sector views) and its <em>details</em> (URL, phase timings, errors, charts,
 * alerts). The owner always sees both. Details are never shared wider than the state.
 *
 * @param owner the organisation that registered the site
 * @param state the marking of the state (default TLP:GREEN: the community)
 * @param detail the marking of the details (default TLP:AMBER+STRICT: the owner, and the
 *     coordinators when addressed)
 * @param coordinators organisations addressed as recipients of both (the owner's CEPTOARs and NISC
 *     when the owner chose to share details with them), empty otherwise
 */
public record SiteSharing(long owner, Tlp state, Tlp detail, Set<Long> coordinators) {

  public SiteSharing {
    coordinators = Set.copyOf(coordinators);
    if (state == Tlp.RED || state == Tlp.CLEAR || detail == Tlp.RED || detail == Tlp.CLEAR) {
      throw new IllegalArgumentException("a site is shared at AMBER+STRICT, AMBER or GREEN");
    }
    if (detail.compareTo(state) > 0) {
      throw new IllegalArgumentException("details cannot be shared wider than the state");
    }
  }

  public Audience stateAudience() {
    return Audience.of(Marking.tlp(state), owner, null).withRecipientOrganisations(coordinators);
  }

  public Audience detailAudience() {
    return Audience.of(Marking.tlp(detail), owner, null).withRecipientOrganisations(coordinators);
  }
}
