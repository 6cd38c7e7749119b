package jp.renkei.server.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Numeric target ids as entries record them; an id that is not a number names nothing. */
public final class AuditIds {

  private AuditIds() {}

  public static List<Long> numeric(Set<String> ids) {
    return ids.stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
  }

  /**
   * The title of each of {@code visible} (ids already judged visible), for objects whose entries
   * written before random ids name them by their old id: {@code byLegacyId} maps old ids to current
   * ones, {@code titles} reads the current ones' titles. An id that names nothing maps to null.
   */
  public static Map<String, String> titles(
      Set<String> visible,
      Function<List<Long>, Map<Long, Long>> byLegacyId,
      Function<List<Long>, Map<Long, String>> titles) {
    List<Long> numeric = numeric(visible);
    Map<Long, Long> legacy = numeric.isEmpty() ? Map.of() : byLegacyId.apply(numeric);
    Map<Long, String> found =
        numeric.isEmpty()
            ? Map.of()
            : titles.apply(numeric.stream().map(id -> legacy.getOrDefault(id, id)).toList());
    Map<String, String> out = new HashMap<>();
    for (String id : visible) {
      Long key = numeric(Set.of(id)).stream().findFirst().orElse(null);
      out.put(id, key == null ? null : found.get(legacy.getOrDefault(key, key)));
    }
    return out;
  }
}
