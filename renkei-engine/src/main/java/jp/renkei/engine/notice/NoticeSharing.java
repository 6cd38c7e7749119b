package jp.renkei.engine.notice;

import java.util.Set;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;

/**
 * Who learns what about a NOTICE notification, as two audiences the sharing policy judges:
 *
 * <ul>
 *   <li><em>details</em> (the address, its evidence, the 注意喚起 and its outcome): TLP:AMBER+STRICT,
 *       the holder of the address only — the ISP holding the range, or the operator whose verified
 *       scope contains it. The subscriber behind an address is the ISP's customer, not the hub's.
 *   <li><em>counted</em>: the notification counted (never listed) in the monthly statistics of the
 *       national coordinator and of the organisation that reported it (the survey operator or the
 *       partner) — TLP:AMBER+STRICT addressed to them.
 * </ul>
 *
 * @param holder the organisation responsible for the address
 * @param counters who counts it in aggregates (NISC, the reporting organisation)
 */
public record NoticeSharing(long holder, Set<Long> counters) {

  public NoticeSharing {
    counters = Set.copyOf(counters);
  }

  public Audience detailAudience() {
    return Audience.of(Marking.tlp(Tlp.AMBER_STRICT), holder, null);
  }

  public Audience countAudience() {
    return Audience.of(Marking.tlp(Tlp.AMBER_STRICT), holder, null)
        .withRecipientOrganisations(counters);
  }
}
