package jp.renkei.server.exposure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditIds;
import jp.renkei.server.audit.AuditTargets;
import jp.renkei.server.failure.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Audit entries about an organisation's findings ({@code exposure_findings}, by organisation id),
 * one finding ({@code exposure_finding}) or a declared address scope ({@code exposure_scope}:
 * declared, verified) are shown to whoever may see those details now, as {@link ExposureAccess}
 * decides: once the organisation stops sharing with the reader's organisation, the reads its people
 * made are no longer shown to it.
 */
@Component
class ExposureAuditTargets implements AuditTargets {

  private final ExposureAccess access;
  private final JdbcClient jdbc;

  ExposureAuditTargets(ExposureAccess access, JdbcClient jdbc) {
    this.access = access;
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("exposure_findings", "exposure_finding", "exposure_scope");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    Set<String> out = new HashSet<>();
    if (targetType.equals("exposure_scope")) {
      Map<Long, Boolean> seen = new HashMap<>();
      jdbc.sql("select id, organisation_id from exposure_scope where id = any(?)")
          .param(AuditIds.numeric(ids).toArray(Long[]::new))
          .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
          .list()
          .forEach(
              s -> {
                if (seen.computeIfAbsent(s.getValue(), org -> detailVisible(viewer, org))) {
                  out.add(String.valueOf(s.getKey()));
                }
              });
      return out;
    }
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

  private boolean detailVisible(Actor viewer, long org) {
    try {
      access.detailOf(viewer, org);
      return true;
    } catch (NotFound e) {
      return false;
    }
  }
}
