package jp.renkei.server.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The hub's security headers, one definition. Spring Security's header writer sends them with every
 * answer written after it in a filter chain ({@code SecurityConfiguration}); an answer written
 * before any chain runs (the request body limit's 413) writes them itself with {@link #writeTo}.
 */
public final class SecurityHeaders {

  /** A CSP without inline script, no plugins, no framing. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** Writes every header Spring Security's writer would, as it writes them. */
  public static void writeTo(HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Expires", "0");
  }
}
