package jp.renkei.server.exposure;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A platform admin's "fetch now" of one configured knowledge source; the outcome is shown in the
 * fetch table of {@code /admin/exposure} (the last attempt of each source, failures included).
 */
@Controller
class KnowledgeFetchPages {

  private final KnowledgeFetcher fetcher;

  KnowledgeFetchPages(KnowledgeFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @PostMapping("/admin/exposure/fetch")
  String fetchNow(Actor actor, @RequestParam(defaultValue = "") String source) {
    fetcher.fetchNow(actor, source);
    return "redirect:/admin/exposure#fetches";
  }
}
