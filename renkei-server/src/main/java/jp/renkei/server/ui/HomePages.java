package jp.renkei.server.ui;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the home page (who you are, your organisation). */
@Controller
class HomePages {

  private final DirectoryService directory;

  HomePages(DirectoryService directory) {
    this.directory = directory;
  }

  @GetMapping("/login")
  String login(@RequestParam(name = "error", required = false) String error, Model model) {
    if (error != null) {
      model.addAttribute(
          "errorKey",
          switch (error) {
            case "locked", "disabled", "throttled" -> "login.error." + error;
            default -> "login.error.bad";
          });
    }
    return "login";
  }

  @GetMapping("/")
  String home(Actor actor, Model model) {
    model.addAttribute("org", directory.detail(actor.organisationId()));
    return "home";
  }
}
