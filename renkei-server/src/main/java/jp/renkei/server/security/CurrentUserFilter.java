package jp.renkei.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in person at the start of every session request, so a role change applies to
 * the next click and a disabled or locked person is signed out at once.
 */
class CurrentUserFilter extends OncePerRequestFilter {

  private final UserService users;

  CurrentUserFilter(UserService users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.getPrincipal() instanceof CurrentUser user
        && "web".equals(user.channel())) {
      Optional<UserAccount> fresh =
          users.byId(user.account().id()).filter(u -> u.enabled() && !u.lockedAt(Instant.now()));
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      if (fresh.isPresent()) {
        CurrentUser current = new CurrentUser(fresh.get(), "web");
        context.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                current, null, current.authorities()));
      } else {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      }
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
