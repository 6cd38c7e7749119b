package jp.renkei.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import jp.renkei.server.directory.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Which role the admin pages ({@code /admin/**}) need, and the answer to a signed-in person without
 * it: a 403 whose page says, in their language, which role the page is for, their own role, and
 * whom to ask ({@code ErrorPages} reads the attributes set here). The pages' own checks stay; this
 * only decides earlier and says more. Nothing here depends on any object, only on the path asked
 * for and the person's own role.
 */
public final class AdminPageRefusal {

  /** Request attribute: the {@link Role} the refused page needs. */
  public static final String NEEDED = AdminPageRefusal.class.getName() + ".needed";

  /** Request attribute: the refused person's own {@link Role}. */
  public static final String HELD = AdminPageRefusal.class.getName() + ".held";

  /** Admin pages only platform admins may open (the rest of {@code /admin/**}: org admins). */
  static final List<String> PLATFORM_PAGES =
      List.of(
          "/admin/organisations/**",
          "/admin/feeds/**",
          "/admin/warning-lists/**",
          "/admin/misnamed-identities/**",
          "/admin/exposure/**");

  private AdminPageRefusal() {}

  /** The role an admin page needs; null for a path outside {@code /admin/}. */
  public static Role neededFor(String path) {
    if (path == null || !(path.equals("/admin") || path.startsWith("/admin/"))) {
      return null;
    }
    for (String p : PLATFORM_PAGES) {
      String prefix = p.substring(0, p.length() - "/**".length());
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return Role.PLATFORM_ADMIN;
      }
    }
    return Role.ORG_ADMIN;
  }

  /** The UI chain's answer to a refused request (the anonymous are sent to sign in before this). */
  static AccessDeniedHandler handler() {
    return (request, response, e) -> {
      Role needed = neededFor(path(request));
      Authentication a = SecurityContextHolder.getContext().getAuthentication();
      // only the refusal for the role (not a missing CSRF token, refused the same way)
      if (needed != null
          && !(e instanceof org.springframework.security.web.csrf.CsrfException)
          && a != null
          && a.getPrincipal() instanceof CurrentUser u
          && !u.account().role().includes(needed)) {
        request.setAttribute(NEEDED, needed);
        request.setAttribute(HELD, u.account().role());
      }
      response.sendError(403);
    };
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.toLowerCase(Locale.ROOT);
  }
}
