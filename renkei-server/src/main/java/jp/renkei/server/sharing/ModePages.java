package jp.renkei.server.sharing;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

  /**
   * Switches, then sends the browser to the mode page (post/redirect/get): the page, its header
   * badge and its button are read after the switch has committed. Rendering the answer to the post
   * itself showed the mode read before the switch (every page's mode is read ahead of the handler).
   */
  @PostMapping("/mode")
  String switchMode(
      Actor actor,
      @RequestParam(defaultValue = "") String mode,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      RedirectAttributes redirect) {
    try {
      modes.switchTo(actor, mode, reason);
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("formReason", reason);
      return page(actor, model);
    }
    redirect.addFlashAttribute("switched", true);
    return "redirect:/mode";
  }
}
