package jp.renkei.server.exposure;

import java.util.HashSet;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditIds;
import jp.renkei.server.audit.AuditTargets;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Component;

/**
 * Audit entries about an organisation's findings ({@code exposure_findings}, by organisation id) or
 * one finding ({@code exposure_finding}) are shown to whoever may see those details now, as {@link
 * ExposureAccess} decides: once the organisation stops sharing with the reader's organisation, the
 * reads its people made are no longer shown to it.
 */
@Component
class ExposureAuditTargets implements AuditTargets {

  private final ExposureAccess access;

  ExposureAuditTargets(ExposureAccess access) {
    this.access = access;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("exposure_findings", "exposure_finding");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    Set<String> out = new HashSet<>();
    for (Long id : AuditIds.numeric(ids)) {
      try {
        if (targetType.equals("exposure_findings")) {
          access.detailOf(viewer, id);
        } else {
          access.visibleFinding(viewer, id);
        }
        out.add(String.valueOf(id));
      } catch (NotFound e) {
        // outside the viewer's audience now, or gone
      }
    }
    return out;
  }
}
