package jp.renkei.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import jp.renkei.server.directory.TokenService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates TAXII requests with an API token, as TAXII clients send it: {@code Authorization:
 * Bearer rk_...}, or HTTP Basic with the token as the password (the user name, if given, must be
 * the token owner's login). Anything else is a TAXII 401 with both challenges. No sessions, no
 * cookies: a TAXII request stands alone.
 */
class TaxiiAuthenticationFilter extends OncePerRequestFilter {

  static final String CHALLENGE = "Basic realm=\"renkei-taxii\", Bearer realm=\"renkei-taxii\"";

  private final TokenService tokens;

  TaxiiAuthenticationFilter(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String h = request.getHeader("Authorization");
    Optional<TokenService.Authenticated> owner = Optional.empty();
    String why = "send an API token as Bearer, or as the password of HTTP Basic";
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      owner = tokens.authenticate(h.substring(7).strip());
      why = "the token is not valid (unknown, revoked, expired, or its owner is disabled)";
    } else if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
      why = "the token is not valid (unknown, revoked, expired, or its owner is disabled)";
      try {
        String pair =
            new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon >= 0) {
          String login = pair.substring(0, colon);
          owner =
              tokens
                  .authenticate(pair.substring(colon + 1))
                  .filter(a -> login.isEmpty() || a.owner().login().equals(login));
        }
      } catch (IllegalArgumentException e) {
        why = "the Basic credentials are not base64";
      }
    }
    if (owner.isEmpty()) {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", CHALLENGE);
      response.setContentType("application/taxii+json;version=2.1");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"title\":\"Unauthorized\",\"description\":\""
                  + why
                  + "\",\"http_status\":\"401\"}");
      return;
    }
    TokenScopeRules.Rule rule = TokenScopeRules.rule(request);
    if (!rule.allows(owner.get().scopes())) {
      response.setStatus(403);
      response.setContentType("application/taxii+json;version=2.1");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"title\":\"Forbidden\",\"description\":\"the token lacks the scope this"
                  + " request needs: "
                  + rule.needed()
                  + "\",\"http_status\":\"403\"}");
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
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
