package jp.renkei.server.monitor;

import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monitor's pages: sites and the sector view, registering a site, a site, alerts. */
@Controller
class MonitorPages {

  private final MonitorService monitor;
  private final MonitorAlerts alerts;
  private final FirstReport firstReport;
  private final SiteCharts siteCharts;
  private final jp.renkei.server.reference.ReferenceData reference;

  MonitorPages(
      MonitorService monitor,
      MonitorAlerts alerts,
      FirstReport firstReport,
      SiteCharts siteCharts,
      jp.renkei.server.reference.ReferenceData reference) {
    this.monitor = monitor;
    this.alerts = alerts;
    this.firstReport = firstReport;
    this.siteCharts = siteCharts;
    this.reference = reference;
  }

  @GetMapping("/monitor")
  String overview(
      Actor actor,
      @RequestParam(defaultValue = "0") String offset,
      @RequestParam(defaultValue = "" + MonitorService.DEFAULT_PAGE) String limit,
      @RequestParam(defaultValue = "") String sort,
      @RequestParam(defaultValue = "") String dir,
      Model model,
      java.util.Locale locale) {
    MonitorService.Order order = MonitorService.Order.of(sort, dir, locale);
    java.util.Map<String, String> sectorNames = new java.util.HashMap<>();
    reference.sectors().forEach(x -> sectorNames.put(x.code(), x.label(locale)));
    sectorNames.put("-", "-");
    model.addAttribute("sectorNames", sectorNames);
    List<MonitorService.Listed> walked = monitor.walk(actor);
    MonitorService.Page page =
        monitor.page(actor, walked, number("offset", offset), number("limit", limit), order);
    model.addAttribute("page", page);
    model.addAttribute("order", order);
    model.addAttribute("sites", page.items());
    model.addAttribute("siteCount", page.total());
    model.addAttribute("view", monitor.sectors(walked));
    return "monitor/overview";
  }

  @GetMapping("/monitor/sites/new")
  String form(Model model) {
    return "monitor/form";
  }

  @PostMapping("/monitor/sites")
  String register(
      Actor actor,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "200") String expectedStatus,
      @RequestParam(defaultValue = "") String expectedText,
      @RequestParam(defaultValue = "60") String intervalSeconds,
      @RequestParam(defaultValue = "green") String stateTlp,
      @RequestParam(defaultValue = "amber_strict") String detailTlp,
      @RequestParam(defaultValue = "false") boolean detailToCoordinators,
      Model model) {
    try {
      long id =
          monitor.register(
              actor,
              new NewSite(
                  name.strip(),
                  url.strip(),
                  number("expectedStatus", expectedStatus),
                  expectedText.isBlank() ? null : expectedText,
                  number("intervalSeconds", intervalSeconds),
                  stateTlp,
                  detailTlp,
                  detailToCoordinators,
                  true,
                  null));
      return "redirect:/monitor/sites/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      // everything typed stays in the form, to be corrected rather than typed again
      model.addAttribute("name", name);
      model.addAttribute("url", url);
      model.addAttribute("expectedStatus", expectedStatus);
      model.addAttribute("expectedText", expectedText);
      model.addAttribute("intervalSeconds", intervalSeconds);
      model.addAttribute("stateTlp", stateTlp);
      model.addAttribute("detailTlp", detailTlp);
      model.addAttribute("detailToCoordinators", detailToCoordinators);
      return "monitor/form";
    }
  }

  static int number(String field, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput(field, "monitor.error.number", text);
    }
  }

  @GetMapping("/monitor/sites/{id}")
  String site(Actor actor, @PathVariable long id, Model model) {
    MonitorService.Visible v = monitor.site(actor, id);
    model.addAttribute("v", v);
    if (v.detail()) {
      Site s = v.site();
      Instant now = Instant.now();
      SiteCharts.Charts charts = siteCharts.of(s, now);
      List<MonitorService.ResultPoint> recent = charts.recent();
      model.addAttribute("recentChart", charts.recentSvg());
      model.addAttribute("baseline", charts.baseline());
      model.addAttribute("seasonal", charts.seasonal());
      model.addAttribute("monthChart", charts.monthSvg());
      model.addAttribute("monthHours", charts.monthHours());
      model.addAttribute("results", recent.size() > 50 ? recent.subList(0, 50) : recent);
      model.addAttribute("alerts", alerts.ofSites(java.util.Set.of(id), 20));
    }
    return "monitor/site";
  }

  @PostMapping("/monitor/sites/{id}/enabled")
  String enable(
      Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled) {
    monitor.setEnabled(actor, id, enabled);
    return "redirect:/monitor/sites/" + id;
  }

  @GetMapping("/monitor/alerts")
  String alerts(Actor actor, Model model) {
    model.addAttribute("alerts", alerts.ofSites(monitor.detailIds(actor), 200));
    return "monitor/alerts";
  }

  /** Opens a prefilled 第一報 draft from an alert of one's own site. */
  @PostMapping("/monitor/alerts/{id}/report")
  String report(Actor actor, @PathVariable long id) {
    java.util.Optional<MonitorAlerts.Alert> a = alerts.byId(id);
    MonitorService.Visible v;
    try {
      // its site is asked for whether or not the alert exists (a site nobody has when it does
      // not): a hidden alert and a missing one do the same work (attack30b)
      v = monitor.site(actor, a.map(MonitorAlerts.Alert::siteId).orElse(-1L));
    } catch (NotFound e) {
      throw new NotFound("alert", id);
    }
    if (a.isEmpty() || !v.detail()) {
      throw new NotFound("alert", id);
    }
    long report = firstReport.draft(actor, v.site(), a.get());
    return "redirect:/reports/" + report + "/edit";
  }
}
