package jp.renkei.server.advisory;

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
 * Audit entries about an advisory are shown to whoever may see that advisory now. An entry written
 * before advisories had random ids names the advisory by its old id ({@code legacy_id}).
 */
@Component
class AdvisoryAuditTargets implements AuditTargets {

  private final AdvisoryRepository advisories;
  private final SharingGate gate;

  AdvisoryAuditTargets(AdvisoryRepository advisories, SharingGate gate) {
    this.advisories = advisories;
    this.gate = gate;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("advisory");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    List<Long> numeric = AuditIds.numeric(ids);
    if (numeric.isEmpty()) {
      return Set.of();
    }
    SharingGate.Check check = gate.check(viewer);
    Map<Long, Long> legacy = advisories.byLegacyId(numeric);
    List<AdvisoryRepository.Advisory> found =
        advisories.advisories(numeric.stream().map(id -> legacy.getOrDefault(id, id)).toList());
    Map<Long, Set<Long>> recipients =
        advisories.recipientOrgs(found.stream().map(AdvisoryRepository.Advisory::id).toList());
    Set<Long> allowed = new HashSet<>();
    for (AdvisoryRepository.Advisory a : found) {
      if (check.allows(AdvisoryService.audience(a, recipients.get(a.id())))) {
        allowed.add(a.id());
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
        advisories::byLegacyId,
        current ->
            advisories.headlines(current).entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().title())));
  }
}
