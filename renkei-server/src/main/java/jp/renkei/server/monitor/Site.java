package jp.renkei.server.monitor;

import java.time.Instant;
import java.util.Set;
import jp.renkei.engine.monitor.SiteSharing;
import jp.renkei.server.sharing.Markings;

/**
 * A registered site as stored, with what the sharing policy needs (its owner's sector and the
 * coordinators its details are addressed to).
 */
public record Site(
    long id,
    long organisationId,
    String organisationNameJa,
    String organisationNameEn,
    String sectorCode,
    String name,
    String url,
    int expectedStatus,
    String expectedText,
    int intervalSeconds,
    String stateTlp,
    String detailTlp,
    boolean detailToCoordinators,
    boolean enabled,
    String state,
    boolean regional,
    Instant stateSince,
    Set<Long> coordinators) {

  public SiteSharing sharing() {
    return new SiteSharing(
        organisationId, Markings.tlp(stateTlp), Markings.tlp(detailTlp), coordinators);
  }
}
