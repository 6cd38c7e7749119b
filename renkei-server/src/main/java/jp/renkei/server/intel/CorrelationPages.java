package jp.renkei.server.intel;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The correlation page of the national coordinator's analysts. */
@Controller
class CorrelationPages {

  private final CorrelationService correlations;

  CorrelationPages(CorrelationService correlations) {
    this.correlations = correlations;
  }

  @GetMapping("/intel/correlations")
  String list(Actor actor, @RequestParam(required = false) Long before, Model model) {
    model.addAttribute("page", correlations.list(actor, before, 50));
    return "intel/correlations";
  }
}
