package jp.renkei.server.security;

import java.util.EnumSet;
import java.util.Set;
import jp.renkei.server.directory.TokenScope;

/**
 * Which scopes let a token make a request; one table for the API, TAXII and the actuator. The
 * person's role still decides after this: a scope never grants what the role does not.
 *
 * <p>Changing one's own credentials (password) is never done with a token: it needs the signed-in
 * session, whose password it changes. Minting tokens and administering people and organisations
 * need {@link TokenScope#ADMIN}.
 */
final class TokenScopeRules {

  private TokenScopeRules() {}

  /** Any one of {@code anyOf} is enough; none means no token at all (sessions only). */
  record Rule(Set<TokenScope> anyOf) {
    boolean allows(Set<TokenScope> held) {
      return anyOf.stream().anyMatch(held::contains);
    }

    /**
     * Whether this is the rule of a plain API write ({@link TokenScope#WRITE} alone), the write
     * whose reads need {@link TokenScope#READ}: a token without it is told nothing by the answer
     * ({@link WithheldAnswer}).
     */
    boolean isPlainWrite() {
      return anyOf.equals(EnumSet.of(TokenScope.WRITE));
    }

    /** What to name in the refusal. */
    String needed() {
      return anyOf.isEmpty()
          ? "-"
          : String.join(
              " / ", anyOf.stream().sorted().map(TokenScope::code).toArray(String[]::new));
    }
  }

  private static final Rule SESSION_ONLY = new Rule(EnumSet.noneOf(TokenScope.class));

  /**
   * The rule for a request, judged on its path as Spring MVC and the security matchers see it:
   * without the context path and with every {@code %XX} decoded. The raw URI is not that path: MVC
   * finds {@code /api/v1/%75sers} at the handler of {@code /api/v1/users}, so a token of scope
   * {@code read} listed people and one of scope {@code write} reset a colleague's password through
   * it. A path that cannot be decoded is taken by no token.
   */
  static Rule rule(jakarta.servlet.http.HttpServletRequest request) {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    String path;
    try {
      path =
          org.springframework.web.util.UriUtils.decode(
              raw, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return SESSION_ONLY;
    }
    return rule(request.getMethod(), path);
  }

  static Rule rule(String method, String path) {
    boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    if (path.startsWith("/taxii2/") || path.equals("/taxii2")) {
      if (read || ("POST".equals(method) && path.endsWith("/objects/"))) {
        return new Rule(EnumSet.of(TokenScope.TAXII, TokenScope.MATCH));
      }
      return new Rule(EnumSet.of(TokenScope.TAXII));
    }
    if (path.startsWith("/api/v1/probe/")) {
      return new Rule(EnumSet.of(TokenScope.PROBE));
    }
    if (path.equals("/api/v1/notice/observations")) {
      return new Rule(EnumSet.of(TokenScope.NOTICE));
    }
    if (path.startsWith("/actuator/")) {
      return new Rule(EnumSet.of(TokenScope.ADMIN));
    }
    if (path.startsWith("/api/v1/me/password") || path.startsWith("/api/v1/me/totp")) {
      return SESSION_ONLY;
    }
    if ("DELETE".equals(method) && path.startsWith("/api/v1/tokens/")) {
      // revoking one's own token is never a risk: any scope may, so a leaked token can be killed
      // with itself
      return new Rule(EnumSet.allOf(TokenScope.class));
    }
    if (path.startsWith("/api/v1/users")
        || path.startsWith("/api/v1/monitor/vantage-points")
        || ("POST".equals(method) && path.equals("/api/v1/tokens"))
        || (!read && path.startsWith("/api/v1/organisations"))) {
      return new Rule(EnumSet.of(TokenScope.ADMIN));
    }
    return new Rule(EnumSet.of(read ? TokenScope.READ : TokenScope.WRITE));
  }
}
