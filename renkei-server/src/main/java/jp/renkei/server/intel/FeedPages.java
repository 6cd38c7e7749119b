package jp.renkei.server.intel;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feed health for platform admins: what each subscription last did and when it polls next; adding
 * and editing a subscription (its secret is never shown back).
 */
@Controller
class FeedPages {

  private static final java.util.List<String> AUTH_KINDS =
      java.util.List.of("none", "basic", "bearer");
  private static final java.util.List<String> TLPS =
      java.util.List.of("clear", "green", "amber", "amber+strict", "red");

  private final TaxiiFeeds feeds;
  private final IntelService intel;
  private final org.springframework.beans.factory.ObjectProvider<FeedPoller> poller;

  FeedPages(
      TaxiiFeeds feeds,
      IntelService intel,
      org.springframework.beans.factory.ObjectProvider<FeedPoller> poller) {
    this.feeds = feeds;
    this.intel = intel;
    this.poller = poller;
  }

  @GetMapping("/admin/feeds")
  String list(Actor actor, Model model) {
    model.addAttribute("feeds", feeds.list(actor));
    model.addAttribute("collections", feeds.pageTargets(actor));
    model.addAttribute("authKinds", AUTH_KINDS);
    model.addAttribute("tlps", TLPS);
    return "intel/feeds";
  }

  @PostMapping("/admin/feeds/{id}/credential")
  String credential(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String secret) {
    feeds.replaceCredential(actor, id, new TaxiiFeeds.NewCredential(username, secret));
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
            username,
            secret,
            localCollection,
            null,
            defaultTlp,
            widestTlp,
            null);
    try {
      Integer interval = interval(pollIntervalSeconds, () -> feeds.check(actor, form));
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
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("form", form);
      model.addAttribute("formInterval", pollIntervalSeconds);
      return list(actor, model);
    }
  }

  /**
   * The interval typed, as a number; one that is no number is listed with the errors {@code others}
   * finds in the other fields.
   */
  private static Integer interval(String typed, FieldErrors.Check others) {
    try {
      return Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      FieldErrors errors = new FieldErrors();
      errors.check(others);
      errors.add(new InvalidInput("pollIntervalSeconds", "error.feed.interval", typed));
      errors.throwIfAny();
      return null;
    }
  }

  @GetMapping("/admin/feeds/{id}")
  String edit(Actor actor, @PathVariable long id, Model model) {
    TaxiiFeeds.Feed f = feeds.get(actor, id);
    model.addAttribute("feed", f);
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form",
          new TaxiiFeeds.NewFeed(
              f.name(),
              f.apiRoot(),
              f.remoteCollection(),
              f.authKind(),
              f.username(),
              null,
              f.localCollection().toString(),
              null,
              code(f.defaultTlp()),
              code(f.widestTlp()),
              f.pollIntervalSeconds()));
      model.addAttribute("formInterval", String.valueOf(f.pollIntervalSeconds()));
    }
    model.addAttribute("collection", intel.collection(f.localCollection()).orElse(null));
    model.addAttribute("authKinds", AUTH_KINDS);
    model.addAttribute("tlps", TLPS);
    return "intel/feed";
  }

  @PostMapping("/admin/feeds/{id}")
  String update(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String apiRoot,
      @RequestParam(defaultValue = "") String remoteCollection,
      @RequestParam(defaultValue = "none") String authKind,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String secret,
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
            username,
            secret,
            null,
            null,
            defaultTlp,
            widestTlp,
            null);
    try {
      Integer interval =
          interval(
              pollIntervalSeconds, () -> feeds.checkUpdate(actor, id, withInterval(form, 300)));
      feeds.update(actor, id, withInterval(form, interval));
      return "redirect:/admin/feeds";
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      // what was typed comes back, never the secret
      model.addAttribute("form", withInterval(form, null).withoutSecret());
      model.addAttribute("formInterval", pollIntervalSeconds);
      return edit(actor, id, model);
    }
  }

  /** A TLP as the form's options name it ({@code amber+strict}). */
  private static String code(jp.renkei.engine.policy.Tlp tlp) {
    return tlp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '+');
  }

  private static TaxiiFeeds.NewFeed withInterval(TaxiiFeeds.NewFeed f, Integer interval) {
    return new TaxiiFeeds.NewFeed(
        f.name(),
        f.apiRoot(),
        f.remoteCollection(),
        f.authKind(),
        f.username(),
        f.secret(),
        f.localCollection(),
        f.originatorOrg(),
        f.defaultTlp(),
        f.widestTlp(),
        interval);
  }

  @PostMapping("/admin/feeds/{id}/enabled")
  String enabled(Actor actor, @PathVariable long id, @RequestParam boolean enabled) {
    feeds.setEnabled(actor, id, enabled);
    return "redirect:/admin/feeds";
  }

  /** Hands the poll to the poller's thread; the list says where its result will show. */
  @PostMapping("/admin/feeds/{id}/poll")
  String poll(
      Actor actor,
      @PathVariable long id,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    TaxiiFeeds.Feed f = poller.getObject().pollSoon(actor, id);
    redirect.addFlashAttribute("pollStarted", f.name());
    // whole seconds, at least 1: the longest the poll may take before its result shows
    redirect.addFlashAttribute("pollDeadline", Math.max(1, feeds.pollDeadline().toSeconds()));
    return "redirect:/admin/feeds#feed-" + id;
  }
}
