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
    Set<String> visible = visible(viewer, targetType, ids);
    List<Long> numeric = AuditIds.numeric(visible);
    Map<Long, Long> legacy = numeric.isEmpty() ? Map.of() : advisories.byLegacyId(numeric);
    var found =
        numeric.isEmpty()
            ? Map.<Long, String>of()
            : advisories
                .headlines(numeric.stream().map(id -> legacy.getOrDefault(id, id)).toList())
                .entrySet()
                .stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().title()));
    Map<String, String> out = new java.util.HashMap<>();
    for (String id : visible) {
      Long key = AuditIds.numeric(Set.of(id)).stream().findFirst().orElse(null);
      out.put(id, key == null ? null : found.get(legacy.getOrDefault(key, key)));
    }
    return out;
  }
}
