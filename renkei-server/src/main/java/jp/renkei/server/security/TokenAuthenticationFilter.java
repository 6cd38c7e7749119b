package jp.renkei.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import jp.renkei.server.directory.TokenService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer rk_...} requests. A bearer request never gets a
 * session; a bad, revoked or expired token is a 401 at once (never a fall-through to anonymous); a
 * good one without the scope the request needs ({@link TokenScopeRules}) is a 403.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

  private final TokenService tokens;
  private final ProblemResponses problems;

  TokenAuthenticationFilter(TokenService tokens, ProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  static boolean hasBearer(HttpServletRequest request) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasBearer(request)) {
      chain.doFilter(request, response);
      return;
    }
    String presented = request.getHeader("Authorization").substring(7).strip();
    Optional<TokenService.Authenticated> owner = tokens.authenticate(presented);
    if (owner.isEmpty()) {
      // RFC 6750 §3.1: a token presented and refused is named as the reason
      response.setHeader("WWW-Authenticate", "Bearer realm=\"renkei\", error=\"invalid_token\"");
      problems.write(request, response, 401, "error.token.invalid");
      return;
    }
    TokenScopeRules.Rule rule = TokenScopeRules.rule(request);
    if (!rule.allows(owner.get().scopes())) {
      problems.write(request, response, 403, "error.token.scope", rule.needed());
      return;
    }
    CurrentUser user =
        new CurrentUser(
            owner.get().owner(), "token", owner.get().scopes(), owner.get().expiresAt());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    SecurityContextHolder.setContext(context);
    try {
      // a write by a token that may not read is answered without the object (attack28)
      chain.doFilter(
          request,
          WithheldAnswer.applies(rule, owner.get().scopes())
              ? new WithheldAnswer(request, response)
              : response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
