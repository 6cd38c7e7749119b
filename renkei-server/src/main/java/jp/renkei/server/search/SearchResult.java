package jp.renkei.server.search;

import java.time.Instant;
import java.util.List;
import jp.renkei.engine.search.SearchQuery;
import jp.renkei.engine.search.Snippets;

/**
 * What one search shows one viewer: for each kind of object (reports, advisories, STIX objects,
 * C4TAP shares) the newest hits the viewer may see, and whether more of them exist that the viewer
 * may see. Nothing in it depends on objects outside the viewer's audience: no totals, no timing, no
 * hint of candidates the policy turned down.
 */
public record SearchResult(SearchQuery query, List<Group> groups) {

  public SearchResult {
    groups = List.copyOf(groups);
  }

  /** The kinds, in the order a page shows them; the codes name the UI texts and the API field. */
  public enum Kind {
    REPORT("report"),
    ADVISORY("advisory"),
    STIX("stix"),
    C4TAP("c4tap"),
    EXPOSURE("exposure");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /**
   * The hits of one kind; {@code more}: the viewer may see further hits of it; {@code incomplete}:
   * the search stopped at its bound of candidates the viewer may see before it had looked at all of
   * them, so further hits may exist (narrow the search). Said only of candidates the viewer may
   * see: candidates it may not see never make a kind incomplete nor keep it from being so.
   */
  public record Group(Kind kind, List<Hit> hits, boolean more, boolean incomplete) {
    public Group {
      hits = List.copyOf(hits);
    }

    public Group(Kind kind, List<Hit> hits, boolean more) {
      this(kind, hits, more, false);
    }
  }

  /**
   * One hit. {@code id}: the report, advisory or share id, or the STIX id; {@code collection}: the
   * STIX object's collection (null otherwise); {@code detail}: e.g. the STIX type or the report's
   * sector; {@code at}: when it was submitted, issued, stored or shared.
   */
  public record Hit(
      String id,
      String collection,
      String title,
      Snippets.Snippet snippet,
      String marking,
      String detail,
      Instant at) {}

  public int total() {
    return groups.stream().mapToInt(g -> g.hits().size()).sum();
  }
}
