package jp.renkei.server.monitor;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: registered sites. Everyone reads what the sharing policy lets them see (state, and details
 * when shared); analysts and above register, change and delete their own organisation's sites. A
 * site outside the caller's view, or another organisation's site for a change, is 404 like one that
 * does not exist. Validation names every wrong field at once ({@code errors}).
 */
@RestController
@RequestMapping("/api/v1/monitor/sites")
class SiteApi {

  /**
   * A site to register or its new settings. Defaults: expectedStatus 200, intervalSeconds 60,
   * stateTlp green, detailTlp amber_strict, detailToCoordinators false, enabled true, owner the
   * caller.
   */
  record SiteRequest(
      String name,
      String url,
      Integer expectedStatus,
      String expectedText,
      Integer intervalSeconds,
      String owner,
      String stateTlp,
      String detailTlp,
      Boolean detailToCoordinators,
      Boolean enabled) {

    NewSite toNewSite() {
      return new NewSite(
          name == null ? null : name.strip(),
          url == null ? null : url.strip(),
          expectedStatus == null ? 200 : expectedStatus,
          expectedText == null || expectedText.isEmpty() ? null : expectedText,
          intervalSeconds == null ? 60 : intervalSeconds,
          stateTlp == null ? "green" : stateTlp,
          detailTlp == null ? "amber_strict" : detailTlp,
          Boolean.TRUE.equals(detailToCoordinators),
          enabled == null || enabled,
          owner);
    }
  }

  /** What the caller may see of a site: always its state; {@code details} only when shared. */
  record SiteRepresentation(
      long id,
      String organisationJa,
      String organisationEn,
      String sector,
      String name,
      String state,
      boolean regional,
      Instant stateSince,
      boolean own,
      Details details) {}

  /** The details; the sharing settings, owner and enabled flag only for the owning organisation. */
  record Details(
      String url,
      int expectedStatus,
      String expectedText,
      int intervalSeconds,
      String owner,
      String stateTlp,
      String detailTlp,
      Boolean detailToCoordinators,
      Boolean enabled) {}

  private final MonitorService monitor;
  private final SiteRepository sites;

  SiteApi(MonitorService monitor, SiteRepository sites) {
    this.monitor = monitor;
    this.sites = sites;
  }

  /**
   * One page of the sites whose state the caller may see, in the monitor page's order or by {@code
   * sort} ({@code name}, {@code state}, {@code since}, {@code organisation}) and {@code dir}
   * ({@code asc}, {@code desc}); {@code X-Total-Count} is how many the caller may see, {@code Link:
   * <…>; rel="next"} the next page (in the same order).
   */
  @GetMapping
  ResponseEntity<List<SiteRepresentation>> list(
      Actor actor,
      @RequestParam(defaultValue = "0") String offset,
      @RequestParam(defaultValue = "" + MonitorService.DEFAULT_PAGE) String limit,
      @RequestParam(defaultValue = "") String sort,
      @RequestParam(defaultValue = "") String dir,
      java.util.Locale locale) {
    MonitorService.Order order = MonitorService.Order.of(sort, dir, locale);
    MonitorService.Page page =
        monitor.page(
            actor,
            MonitorPages.number("offset", offset),
            MonitorPages.number("limit", limit),
            order);
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.ok().header("X-Total-Count", String.valueOf(page.total()));
    if (page.hasNext()) {
      answer.header(
          "Link",
          "</api/v1/monitor/sites?offset="
              + (page.offset() + page.items().size())
              + "&limit="
              + page.limit()
              + (order.equals(MonitorService.Order.DEFAULT)
                  ? ""
                  : "&sort=" + order.sort() + "&dir=" + order.dir())
              + ">; rel=\"next\"");
    }
    return answer.body(page.items().stream().map(v -> representation(v, null)).toList());
  }

  @GetMapping("/{id}")
  SiteRepresentation get(Actor actor, @PathVariable long id) {
    MonitorService.Visible v = monitor.site(actor, id);
    return representation(v, v.own() ? sites.ownerLogin(id).orElse(null) : null);
  }

  @PostMapping
  ResponseEntity<SiteRepresentation> create(Actor actor, @RequestBody SiteRequest body) {
    long id = monitor.register(actor, body.toNewSite());
    return ResponseEntity.created(URI.create("/api/v1/monitor/sites/" + id)).body(get(actor, id));
  }

  @PutMapping("/{id}")
  SiteRepresentation update(Actor actor, @PathVariable long id, @RequestBody SiteRequest body) {
    monitor.update(actor, id, body.toNewSite());
    return get(actor, id);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Actor actor, @PathVariable long id) {
    monitor.delete(actor, id);
    return ResponseEntity.noContent().build();
  }

  private static SiteRepresentation representation(MonitorService.Visible v, String owner) {
    Site s = v.site();
    Details d = null;
    if (v.detail()) {
      d =
          v.own()
              ? new Details(
                  s.url(),
                  s.expectedStatus(),
                  s.expectedText(),
                  s.intervalSeconds(),
                  owner,
                  s.stateTlp(),
                  s.detailTlp(),
                  s.detailToCoordinators(),
                  s.enabled())
              : new Details(
                  s.url(),
                  s.expectedStatus(),
                  s.expectedText(),
                  s.intervalSeconds(),
                  null,
                  null,
                  null,
                  null,
                  null);
    }
    return new SiteRepresentation(
        s.id(),
        s.organisationNameJa(),
        s.organisationNameEn(),
        s.sectorCode(),
        s.name(),
        s.state(),
        s.regional(),
        s.stateSince(),
        v.own(),
        d);
  }
}
