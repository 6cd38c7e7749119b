package jp.renkei.server.monitor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditIds;
import jp.renkei.server.audit.AuditTargets;
import org.springframework.stereotype.Component;

/**
 * Audit entries about a monitored site (registered, changed, paused, deleted) carry its URL, a
 * detail only the site's own organisation sees: they are shown to that organisation's admins, also
 * after the site is deleted, and to nobody else — a platform admin elsewhere included.
 */
@Component
class MonitorAuditTargets implements AuditTargets {

  private final SiteRepository sites;

  MonitorAuditTargets(SiteRepository sites) {
    this.sites = sites;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("monitor_site");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    List<Long> numeric = AuditIds.numeric(ids);
    if (numeric.isEmpty() || viewer.organisationId() == null) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (Long id : sites.ofOrganisation(numeric, viewer.organisationId())) {
      out.add(String.valueOf(id));
    }
    return out;
  }
}
