package jp.renkei.server.directory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person changes their own password (the current one is required). Their other sessions end; this
 * one goes on under a new session id.
 */
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
      HttpServletRequest request,
      Model model) {
    try {
      keep(request, actor, users.changeOwnPassword(actor, currentPassword, newPassword));
      model.addAttribute("changed", true);
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
    }
    return "account/password";
  }

  /** This session stays signed in under the new credentials, with a new id. */
  static void keep(HttpServletRequest request, Actor actor, int epoch) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      request.changeSessionId();
      session.setAttribute(
          CredentialEpoch.SESSION_ATTRIBUTE, CredentialEpoch.value(actor.userId(), epoch));
    }
  }
}
