package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.CorrelationService;
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
  private final CorrelationService correlations;

  CurrentUserAdvice(ModeService modes, CorrelationService correlations) {
    this.modes = modes;
    this.correlations = correlations;
  }

  @ModelAttribute("systemMode")
  String systemMode(HttpServletRequest request) {
    return me() == null || notAPage(request) ? null : modes.currentCode();
  }

  /** Whether the navigation offers the correlations (the national coordinator's analysts). */
  @ModelAttribute("mayCorrelate")
  boolean mayCorrelate(HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return !notAPage(request)
        && auth != null
        && auth.getPrincipal() instanceof CurrentUser u
        && correlations.mayRead(u.actor(request.getRemoteAddr()));
  }

  /** JSON and TAXII answers have no model: spare them the page attributes' queries. */
  private static boolean notAPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/taxii2/");
  }

  @ModelAttribute("me")
  UserAccount me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u.account() : null;
  }

  /**
   * The same attributes for a page an exception handler renders (the error page keeps the
   * navigation and the mode badge): exception handlers do not run the model attribute methods.
   */
  void addTo(org.springframework.web.servlet.ModelAndView mv, HttpServletRequest request) {
    mv.addObject("me", me());
    mv.addObject("systemMode", systemMode(request));
    mv.addObject("mayCorrelate", mayCorrelate(request));
    mv.addObject("currentPath", currentPath(request));
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    String q = request.getQueryString();
    return request.getRequestURI() + (q == null ? "" : "?" + q);
  }
}
