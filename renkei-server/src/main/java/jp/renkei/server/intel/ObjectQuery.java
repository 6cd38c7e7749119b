package jp.renkei.server.intel;

import java.time.Instant;
import java.util.List;

/**
 * The TAXII 2.1 filters of an objects, manifest or versions request.
 *
 * @param addedAfter only objects added after this time
 * @param addedBefore only objects added before this time (exports; TAXII has no such filter)
 * @param ids {@code match[id]}; empty = any
 * @param types {@code match[type]}; empty = any
 * @param versions {@code match[version]}
 * @param specVersions {@code match[spec_version]}; empty = any (only 2.1 is stored)
 */
public record ObjectQuery(
    Instant addedAfter,
    Instant addedBefore,
    List<String> ids,
    List<String> types,
    Versions versions,
    List<String> specVersions) {

  public ObjectQuery {
    ids = List.copyOf(ids);
    types = List.copyOf(types);
    specVersions = List.copyOf(specVersions);
  }

  /** {@code match[version]}: any of first, last, all, or exact version timestamps. */
  public record Versions(boolean all, boolean first, boolean last, List<Instant> at) {
    public static final Versions LAST = new Versions(false, false, true, List.of());
    public static final Versions ALL = new Versions(true, false, false, List.of());

    public Versions {
      at = List.copyOf(at);
    }
  }

  public static ObjectQuery everything() {
    return new ObjectQuery(null, null, List.of(), List.of(), Versions.ALL, List.of());
  }
}
