package jp.renkei.server.intel;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sightings at the hub: the organisation's own indicators that operators reported seeing (only in
 * aggregate), filtered, sorted and paged, and one indicator's sightings looked up by id (what the
 * reader may see of them).
 */
@Controller
class SightingPages {

  static final ListSpec SPEC =
      ListSpec.builder()
          .text()
          .period()
          .sort("last", "sighting.col.last")
          .sort("first", "sighting.col.first")
          .sort("reports", "sighting.col.reports")
          .sort("count", "sighting.col.count")
          .sort("indicator", "sighting.col.indicator")
          .build();

  private final SightingService sightings;

  SightingPages(SightingService sightings) {
    this.sightings = sightings;
  }

  @GetMapping("/intel/sightings")
  String page(
      Actor actor,
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    // the lookup's own parameter is not one of the list's
    ListQuery query = SPEC.parse(params, response);
    model.addAttribute(
        "page",
        ListPage.of(
            query,
            query.valid()
                ? sightings.ofPublisher(actor, ListSpec.CAP + 1)
                : java.util.List.<SightingService.Sighted>of(),
            o ->
                query.textMatches(o.indicator(), o.name())
                    && query.inPeriod(o.summary().lastSeen()),
            Map.of(
                "last",
                    ListPage.<SightingService.Sighted, java.time.Instant>by(
                        o -> o.summary().lastSeen()),
                "first",
                    ListPage.<SightingService.Sighted, java.time.Instant>by(
                        o -> o.summary().firstSeen()),
                "reports",
                    ListPage.<SightingService.Sighted, Integer>by(o -> o.summary().sightings()),
                "count", ListPage.<SightingService.Sighted, Long>by(o -> o.summary().count()),
                "indicator", ListPage.by(SightingService.Sighted::indicator)),
            SightingService.Sighted::indicator));
    String indicator = params.get("indicator");
    if (indicator != null && !indicator.isBlank()) {
      String id = indicator.strip();
      model.addAttribute("indicator", id);
      try {
        model.addAttribute("summary", sightings.of(actor, id));
      } catch (NotFound e) {
        // unknown and not visible read the same
        model.addAttribute("notFound", true);
      }
    }
    return "intel/sightings";
  }
}
