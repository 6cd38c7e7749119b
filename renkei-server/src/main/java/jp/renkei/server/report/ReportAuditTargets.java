package jp.renkei.server.report;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditIds;
import jp.renkei.server.audit.AuditTargets;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.stereotype.Component;

/**
 * Audit entries about a report (its creation, submission, versions, reads, relay) are shown to
 * whoever may see that report now, judged by the report's own audience: a draft its author's, an
 * anonymised original its CEPTOAR's, a relay copy the copy's. An entry written before reports had
 * random ids names the report by its old id ({@code legacy_id}).
 */
@Component
class ReportAuditTargets implements AuditTargets {

  private final ReportRepository reports;
  private final SharingGate gate;

  ReportAuditTargets(ReportRepository reports, SharingGate gate) {
    this.reports = reports;
    this.gate = gate;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("report");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    List<Long> numeric = AuditIds.numeric(ids);
    if (numeric.isEmpty()) {
      return Set.of();
    }
    SharingGate.Check check = gate.check(viewer);
    Map<Long, Long> legacy = reports.byLegacyId(numeric);
    Map<Long, ReportRecords.Report> found =
        reports.reports(numeric.stream().map(id -> legacy.getOrDefault(id, id)).toList());
    Map<Long, List<ReportRecords.Hop>> hops = reports.hopsFor(List.copyOf(found.keySet()));
    Set<Long> allowed = new HashSet<>();
    for (ReportRecords.Report r : found.values()) {
      if (check.allows(ReportService.audience(r, hops.getOrDefault(r.id(), List.of())))) {
        allowed.add(r.id());
      }
    }
    Set<String> out = new HashSet<>();
    for (Long id : numeric) {
      if (allowed.contains(legacy.getOrDefault(id, id))) {
        out.add(String.valueOf(id));
      }
    }
    return out;
  }

  /** The newest version's title of each visible one, judged by {@link #visible} first. */
  @Override
  public Map<String, String> titles(Actor viewer, String targetType, Set<String> ids) {
    return AuditIds.titles(
        visible(viewer, targetType, ids),
        reports::byLegacyId,
        current ->
            reports.latest(current).entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().title())));
  }
}
