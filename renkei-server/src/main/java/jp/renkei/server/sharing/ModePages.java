package jp.renkei.server.sharing;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The mode page: the current mode and its history; NISC analysts switch it here. */
@Controller
class ModePages {

  private final ModeService modes;

  ModePages(ModeService modes) {
    this.modes = modes;
  }

  @GetMapping("/mode")
  String page(Actor actor, Model model) {
    model.addAttribute("history", modes.history(50));
    model.addAttribute("maySwitch", modes.maySwitch(actor));
    return "sharing/mode";
  }

  @PostMapping("/mode")
  String switchMode(
      Actor actor,
      @RequestParam(defaultValue = "") String mode,
      @RequestParam(defaultValue = "") String reason,
      Model model) {
    try {
      modes.switchTo(actor, mode, reason);
      model.addAttribute("switched", true);
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("formReason", reason);
    }
    return page(actor, model);
  }
}
