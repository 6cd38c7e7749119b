package jp.renkei.server.intel;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Feed health for platform admins: what each subscription last did and when it polls next. */
@Controller
class FeedPages {

  private final TaxiiFeeds feeds;
  private final IntelService intel;

  FeedPages(TaxiiFeeds feeds, IntelService intel) {
    this.feeds = feeds;
    this.intel = intel;
  }

  @GetMapping("/admin/feeds")
  String list(Actor actor, Model model) {
    model.addAttribute("feeds", feeds.list(actor));
    model.addAttribute("collections", intel.allCollections());
    return "intel/feeds";
  }

  @PostMapping("/admin/feeds/{id}/credential")
  String credential(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String secret) {
    feeds.replaceCredential(
        actor,
        id,
        new TaxiiFeeds.NewCredential(
            username == null || username.isBlank() ? null : username, secret));
    return "redirect:/admin/feeds";
  }

  @PostMapping("/admin/feeds/{id}/poll")
  String poll(Actor actor, @PathVariable long id) {
    feeds.pollNow(actor, id);
    return "redirect:/admin/feeds";
  }
}
