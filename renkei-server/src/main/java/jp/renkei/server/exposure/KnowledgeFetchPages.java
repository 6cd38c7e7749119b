package jp.renkei.server.exposure;

import jp.renkei.server.audit.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A platform admin's "fetch now" of one configured knowledge source, run on the fetch thread; the
 * outcome is shown in the fetch table of {@code /admin/exposure} (the last attempt of each source,
 * failures included) when it ends.
 */
@Controller
class KnowledgeFetchPages {

  private final ObjectProvider<KnowledgeFetchScheduler> scheduler;

  KnowledgeFetchPages(ObjectProvider<KnowledgeFetchScheduler> scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Hands the fetch to the fetch thread and answers at once (outbound31): a fetch may take many
   * minutes (NVD pages, 64 MB documents), and it held the request for as long.
   */
  @PostMapping("/admin/exposure/fetch")
  String fetchNow(
      Actor actor, @RequestParam(defaultValue = "") String source, RedirectAttributes redirect) {
    if (scheduler.getObject().fetchSoon(actor, source)) {
      redirect.addFlashAttribute("fetchStarted", source);
    }
    return "redirect:/admin/exposure#fetches";
  }
}
