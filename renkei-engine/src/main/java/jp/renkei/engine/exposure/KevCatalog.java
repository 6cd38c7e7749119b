package jp.renkei.engine.exposure;

import java.util.List;

/**
 * A parsed KEV catalogue: the entries kept and the ones refused, each with its position and reason.
 */
public record KevCatalog(
    String catalogVersion, String dateReleased, List<KevEntry> entries, List<Rejected> rejected) {

  public KevCatalog {
    entries = List.copyOf(entries);
    rejected = List.copyOf(rejected);
  }
}
