package jp.renkei.server.intel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditTargets;
import org.springframework.stereotype.Component;

/**
 * Audit entries about a STIX collection (created, ingested into) are shown to whoever may read that
 * collection; about a STIX object (deleted), to whoever may still see a version of it in a
 * collection they read — once every version is gone, nobody may see it, and the entry stays in the
 * chain only. Judged through {@link IntelService}'s own read path.
 */
@Component
class IntelAuditTargets implements AuditTargets {

  private final IntelService intel;

  IntelAuditTargets(IntelService intel) {
    this.intel = intel;
  }

  @Override
  public Set<String> targetTypes() {
    return Set.of("stix_collection", "stix_object");
  }

  @Override
  public Set<String> visible(Actor viewer, String targetType, Set<String> ids) {
    Set<String> out = new HashSet<>();
    if (targetType.equals("stix_collection")) {
      for (String id : ids) {
        uuid(id)
            .flatMap(u -> intel.collection(viewer, u))
            .filter(c -> intel.canRead(viewer, c))
            .ifPresent(c -> out.add(id));
      }
      return out;
    }
    List<StixCollection> readable =
        intel.collections(viewer).stream().filter(c -> intel.canRead(viewer, c)).toList();
    for (String id : ids) {
      ObjectQuery q =
          new ObjectQuery(null, null, List.of(id), List.of(), ObjectQuery.Versions.ALL, List.of());
      for (StixCollection c : readable) {
        if (!intel.page(viewer, c, q, 0, 1, false).objects().isEmpty()) {
          out.add(id);
          break;
        }
      }
    }
    return out;
  }

  private static java.util.Optional<UUID> uuid(String id) {
    try {
      return java.util.Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }
}
