package jp.renkei.server.monitor;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform administrator's pages of vantage points (計測地点). */
@Controller
class VantagePages {

  private final VantageService vantages;

  VantagePages(VantageService vantages) {
    this.vantages = vantages;
  }

  @GetMapping("/monitor/vantage")
  String list(Actor actor, Model model) {
    model.addAttribute("vantages", vantages.list(actor));
    return "monitor/vantage";
  }

  @PostMapping("/monitor/vantage")
  String create(
      Actor actor,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String region,
      Model model) {
    try {
      return issued(model, vantages.create(actor, code, region));
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("code", code);
      model.addAttribute("region", region);
      return list(actor, model);
    }
  }

  @PostMapping("/monitor/vantage/{id}/token")
  String issue(Actor actor, @PathVariable long id, Model model) {
    return issued(model, vantages.issue(actor, id));
  }

  private static String issued(Model model, VantageService.Issued issued) {
    model.addAttribute("issued", issued);
    model.addAttribute(
        "hub",
        org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .build()
                .toUriString()
            + "/");
    return "monitor/vantage-token";
  }

  @PostMapping("/monitor/vantage/{id}/revoke")
  String revoke(Actor actor, @PathVariable long id) {
    vantages.revoke(actor, id);
    return "redirect:/monitor/vantage";
  }

  @GetMapping("/monitor/vantage/{id}")
  String sites(Actor actor, @PathVariable long id, Model model) {
    VantageService.Vantage v = vantages.get(actor, id);
    model.addAttribute("v", v);
    if (!model.containsAttribute("siteIds")) {
      model.addAttribute(
          "siteIds",
          String.join(
              "\n", vantages.assignedIds(actor, id).stream().map(String::valueOf).toList()));
    }
    return "monitor/vantage-sites";
  }

  @PostMapping("/monitor/vantage/{id}/sites")
  String assign(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "true") boolean all,
      @RequestParam(defaultValue = "") String siteIds,
      Model model) {
    try {
      vantages.assign(actor, id, all, ids(siteIds));
      return "redirect:/monitor/vantage";
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("siteIds", siteIds);
      return sites(actor, id, model);
    }
  }

  /** Site ids separated by new lines, commas or spaces; every one that is not a number named. */
  static List<Long> ids(String text) {
    List<Long> ids = new ArrayList<>();
    List<InvalidInput> errors = new ArrayList<>();
    String[] parts = text.strip().isEmpty() ? new String[0] : text.strip().split("[\\s,]+");
    for (int i = 0; i < parts.length; i++) {
      try {
        ids.add(Long.parseLong(parts[i]));
      } catch (NumberFormatException e) {
        errors.add(new InvalidInput("siteIds[" + i + "]", "monitor.error.number", parts[i]));
      }
    }
    if (!errors.isEmpty()) {
      jp.renkei.server.failure.FieldErrors all = new jp.renkei.server.failure.FieldErrors();
      errors.forEach(all::add);
      all.throwIfAny();
    }
    return ids;
  }
}
