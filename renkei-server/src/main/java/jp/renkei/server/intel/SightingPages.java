package jp.renkei.server.intel;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sightings at the hub: the organisation's own indicators that operators reported seeing (only in
 * aggregate), and one indicator's sightings looked up by id (what the reader may see of them).
 */
@Controller
class SightingPages {

  static final int MAX_OWN = 100;

  private final SightingService sightings;

  SightingPages(SightingService sightings) {
    this.sightings = sightings;
  }

  @GetMapping("/intel/sightings")
  String page(Actor actor, @RequestParam(required = false) String indicator, Model model) {
    model.addAttribute("own", sightings.ofPublisher(actor, MAX_OWN));
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
