package jp.renkei.server.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search?q=…[&kind=report|advisory|stix|c4tap|exposure]}. See docs/api.md. */
@RestController
@RequestMapping("/api/v1/search")
class SearchApi {

  private final SearchService search;

  SearchApi(SearchService search) {
    this.search = search;
  }

  /** The answer: what the query was taken as, and the hits per kind. */
  record SearchRepresentation(
      String query, String recognisedAs, List<GroupRepresentation> groups) {}

  record GroupRepresentation(
      String kind, List<HitRepresentation> hits, boolean more, boolean incomplete) {}

  record HitRepresentation(
      String id,
      String collection,
      String title,
      String excerpt,
      String match,
      String marking,
      String detail,
      Instant at) {}

  @GetMapping
  SearchRepresentation get(
      Actor actor, @RequestParam String q, @RequestParam(required = false) String kind) {
    SearchResult r = search.search(actor, q, kind(kind));
    return new SearchRepresentation(
        r.query().value(),
        r.query().kind().code(),
        r.groups().stream()
            .map(
                g ->
                    new GroupRepresentation(
                        g.kind().code(),
                        g.hits().stream()
                            .map(
                                h ->
                                    new HitRepresentation(
                                        h.id(),
                                        h.collection(),
                                        h.title(),
                                        h.snippet().before()
                                            + h.snippet().match()
                                            + h.snippet().after(),
                                        h.snippet().match().isEmpty() ? null : h.snippet().match(),
                                        h.marking(),
                                        h.detail(),
                                        h.at()))
                            .toList(),
                        g.more(),
                        g.incomplete()))
            .toList());
  }

  static SearchResult.Kind kind(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    for (SearchResult.Kind k : SearchResult.Kind.values()) {
      if (k.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new InvalidInput("kind", "search.invalidKind", code);
  }
}
