package jp.renkei.server.directory;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person changes their own password (the current one is required). */
@Controller
class PasswordPages {

  private final UserService users;

  PasswordPages(UserService users) {
    this.users = users;
  }

  @GetMapping("/account/password")
  String form() {
    return "account/password";
  }

  @PostMapping("/account/password")
  String change(
      Actor actor,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      Model model) {
    try {
      users.changeOwnPassword(actor, currentPassword, newPassword);
      model.addAttribute("changed", true);
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
    }
    return "account/password";
  }
}
