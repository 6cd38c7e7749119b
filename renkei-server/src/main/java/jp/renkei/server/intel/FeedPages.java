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
    model.addAttribute("authKinds", java.util.List.of("none", "basic", "bearer"));
    model.addAttribute("tlps", java.util.List.of("clear", "green", "amber", "amber+strict", "red"));
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

  @PostMapping("/admin/feeds")
  String create(
      Actor actor,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String apiRoot,
      @RequestParam(defaultValue = "") String remoteCollection,
      @RequestParam(defaultValue = "none") String authKind,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String secret,
      @RequestParam(defaultValue = "") String localCollection,
      @RequestParam(defaultValue = "amber") String defaultTlp,
      @RequestParam(defaultValue = "green") String widestTlp,
      @RequestParam(defaultValue = "300") String pollIntervalSeconds,
      Model model) {
    TaxiiFeeds.NewFeed form =
        new TaxiiFeeds.NewFeed(
            name,
            apiRoot,
            remoteCollection,
            authKind,
            username == null || username.isBlank() ? null : username,
            secret == null || secret.isBlank() ? null : secret,
            localCollection,
            null,
            defaultTlp,
            widestTlp,
            null);
    try {
      // an interval that is no number is listed with the other fields' errors
      Integer interval = null;
      jp.renkei.server.failure.InvalidInput badInterval = null;
      try {
        interval = Integer.parseInt(pollIntervalSeconds.strip());
      } catch (NumberFormatException e) {
        badInterval =
            new jp.renkei.server.failure.InvalidInput(
                "pollIntervalSeconds", "error.feed.interval", pollIntervalSeconds);
      }
      if (badInterval != null) {
        jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
        errors.check(() -> feeds.check(actor, form));
        errors.add(badInterval);
        errors.throwIfAny();
      }
      feeds.create(
          actor,
          new TaxiiFeeds.NewFeed(
              form.name(),
              form.apiRoot(),
              form.remoteCollection(),
              form.authKind(),
              form.username(),
              form.secret(),
              form.localCollection(),
              null,
              form.defaultTlp(),
              form.widestTlp(),
              interval));
      return "redirect:/admin/feeds";
    } catch (jp.renkei.server.failure.InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("form", form);
      model.addAttribute("formInterval", pollIntervalSeconds);
      return list(actor, model);
    }
  }

  @PostMapping("/admin/feeds/{id}/enabled")
  String enabled(Actor actor, @PathVariable long id, @RequestParam boolean enabled) {
    feeds.setEnabled(actor, id, enabled);
    return "redirect:/admin/feeds";
  }

  @PostMapping("/admin/feeds/{id}/poll")
  String poll(Actor actor, @PathVariable long id) {
    feeds.pollNow(actor, id);
    return "redirect:/admin/feeds";
  }
}
