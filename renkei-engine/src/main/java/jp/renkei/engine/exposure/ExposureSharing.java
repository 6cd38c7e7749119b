package jp.renkei.engine.exposure;

import java.util.Set;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;

/**
 * Who learns what about an organisation's exposure, as two audiences the sharing policy judges:
 *
 * <ul>
 *   <li><em>counted</em>: that the organisation is among the operators exposed to a vulnerability,
 *       counted (never named) in the sector figures of the national coordinator and its sector's
 *       ministry — TLP:AMBER+STRICT addressed to them;
 *   <li><em>details</em>: its inventory and findings — TLP:AMBER+STRICT, the organisation only,
 *       unless it shares them with its coordinators (its CEPTOARs, its sector's ministry, NISC).
 * </ul>
 *
 * @param owner the organisation
 * @param counters the organisations whose sector figures count it (NISC, its sector's ministry)
 * @param detailRecipients the organisations it shares its details with (empty: none)
 */
public record ExposureSharing(long owner, Set<Long> counters, Set<Long> detailRecipients) {

  public ExposureSharing {
    counters = Set.copyOf(counters);
    detailRecipients = Set.copyOf(detailRecipients);
  }

  public Audience countAudience() {
    return Audience.of(Marking.tlp(Tlp.AMBER_STRICT), owner, null)
        .withRecipientOrganisations(counters);
  }

  public Audience detailAudience() {
    return Audience.of(Marking.tlp(Tlp.AMBER_STRICT), owner, null)
        .withRecipientOrganisations(detailRecipients);
  }
}
