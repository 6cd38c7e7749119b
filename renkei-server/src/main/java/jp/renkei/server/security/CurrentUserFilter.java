package jp.renkei.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import jp.renkei.server.config.SecurityProperties;
import jp.renkei.server.directory.CredentialEpoch;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in person at the start of every session request, so a role change applies to
 * the next click, a disabled person is signed out at once, and so is every session signed in before
 * the person's password was changed or reset (see {@link CredentialEpoch}). A sign-in lockout does
 * not end sessions: it stops guessing, and anyone can cause it. Where platform admins must use a
 * second factor, an admin who has not enrolled reaches only the enrolment page.
 *
 * <p>A browser session also ends after {@code renkei.security.session-idle} without the person
 * doing anything. A page's own background requests ({@value #BACKGROUND} header, e.g. the work
 * queue refreshing itself) do not count as doing something: otherwise an open page would keep an
 * unattended screen signed in forever.
 */
class CurrentUserFilter extends OncePerRequestFilter {

  /** The header that marks a request a page makes by itself, not the person. */
  static final String BACKGROUND = "X-Renkei-Background";

  private static final String LAST_ACTIVITY = "renkei.lastActivity";

  private final UserService users;
  private final SecurityProperties security;
  private final ProblemResponses problems;

  /**
   * @param problems how to refuse an API request (null in the UI chain, which redirects instead)
   */
  CurrentUserFilter(UserService users, SecurityProperties security, ProblemResponses problems) {
    this.users = users;
    this.security = security;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.getPrincipal() instanceof CurrentUser user
        && "web".equals(user.channel())) {
      HttpSession session = request.getSession(false);
      if (session != null && idle(session, request)) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        if (problems == null && request.getHeader(BACKGROUND) != null) {
          response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
          response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
          return;
        }
        chain.doFilter(request, response);
        return;
      }
      Optional<UserAccount> fresh =
          users
              .byId(user.account().id())
              .filter(UserAccount::enabled)
              .filter(u -> u.credentialEpoch() == signedInEpoch(session, user.account()));
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      if (fresh.isPresent()) {
        CurrentUser current = new CurrentUser(fresh.get(), "web");
        context.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                current, null, current.authorities()));
        if (session != null && session.getAttribute(CredentialEpoch.SESSION_ATTRIBUTE) == null) {
          session.setAttribute(
              CredentialEpoch.SESSION_ATTRIBUTE,
              CredentialEpoch.value(fresh.get().id(), fresh.get().credentialEpoch()));
        }
      } else if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.setContext(context);
      if (fresh.isPresent() && mustEnrolSecondFactor(fresh.get()) && !enrolmentPath(request)) {
        if (problems != null) {
          problems.write(request, response, 403, "error.totp.required");
        } else {
          response.sendRedirect(request.getContextPath() + "/account/totp");
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * The container's error page (an unknown path, an error before a controller) is drawn for the
   * person as they are now, like every other page: in the language they chose after signing in,
   * with their current role's menus, and not at all for a disabled person. Without this the error
   * dispatch saw the person as they signed in (the session's copy).
   */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  /**
   * Whether the person has done nothing for longer than the idle limit; records this request as
   * their latest activity unless the page made it by itself.
   */
  private boolean idle(HttpSession session, HttpServletRequest request) {
    long now = System.currentTimeMillis();
    Object last = session.getAttribute(LAST_ACTIVITY);
    if (last instanceof Long l && now - l > security.sessionIdle().toMillis()) {
      return true;
    }
    if (last == null || request.getHeader(BACKGROUND) == null) {
      session.setAttribute(LAST_ACTIVITY, now);
    }
    return false;
  }

  /** The epoch this session was signed in at: recorded in the session, else its principal's. */
  private static int signedInEpoch(HttpSession session, UserAccount principal) {
    Object recorded =
        session == null ? null : session.getAttribute(CredentialEpoch.SESSION_ATTRIBUTE);
    if (recorded instanceof String s && s.startsWith(principal.id() + ":")) {
      return Integer.parseInt(s.substring(s.indexOf(':') + 1));
    }
    return principal.credentialEpoch();
  }

  private boolean mustEnrolSecondFactor(UserAccount u) {
    return security.requireTotpForAdmins() && u.role() == Role.PLATFORM_ADMIN && !u.totpEnabled();
  }

  private static boolean enrolmentPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/account/totp")
        || path.equals("/logout")
        || path.equals("/error")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/img/")
        || path.startsWith("/webjars/")
        || path.equals("/settings/language");
  }
}
