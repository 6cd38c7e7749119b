package jp.renkei.server.search;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page behind the search box in every page's header. */
@Controller
class SearchPages {

  private final SearchService search;

  SearchPages(SearchService search) {
    this.search = search;
  }

  @GetMapping("/search")
  String page(
      Actor actor,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String kind,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("incompleteBound", SearchRepository.RECHECK);
    if (q == null || q.isBlank()) {
      return "search/results";
    }
    try {
      SearchResult.Kind only = SearchApi.kind(kind);
      model.addAttribute("only", only);
      model.addAttribute("result", search.search(actor, q, only));
    } catch (InvalidInput e) {
      model.addAttribute("error", e.messageKey());
      model.addAttribute("errorArgs", e.args());
    }
    return "search/results";
  }
}
