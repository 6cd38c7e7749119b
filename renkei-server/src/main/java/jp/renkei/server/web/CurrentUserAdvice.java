package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.security.CurrentUser;
import jp.renkei.server.sharing.ModeService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in person ({@code me}), the hub's mode ({@code systemMode}) and the current path
 * into every page's model.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

  private final ModeService modes;

  CurrentUserAdvice(ModeService modes) {
    this.modes = modes;
  }

  @ModelAttribute("systemMode")
  String systemMode() {
    return me() == null ? null : modes.currentCode();
  }

  @ModelAttribute("me")
  UserAccount me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u.account() : null;
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    String q = request.getQueryString();
    return request.getRequestURI() + (q == null ? "" : "?" + q);
  }
}
