package jp.renkei.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A multipart body is read by nobody before its sender is known and has a place for an upload
 * (attack36). The container spools a multipart body to temporary files the moment anything asks for
 * a parameter, and the CSRF check asks for its token in every non-bearer post, signed in or not:
 * each connection that announced a multipart body of up to 26 MB and sent slowly held a thread and
 * that much of the temporary directory, no account needed. Placed in each security chain after the
 * person is known (session or token) and before the CSRF check: a multipart body of nobody signed
 * in is answered at once, unread (the pages: to the sign-in page; the API and TAXII: 401), and one
 * of a person who has {@code renkei.web.uploads-per-person} uploads in progress already is 429 with
 * Retry-After, unread (the API: problem+json; the pages: the themed error page, or the mail page's
 * form with the refusal above it, ux37). An admitted body holds its place ({@link UploadPlaces})
 * until the chain returns; the web layer's upload gate gives it back when the answer is written.
 */
final class MultipartGate extends OncePerRequestFilter {

  /** Which chain the gate guards, for the form of its answers. */
  enum Chain {
    PAGES,
    API,
    TAXII
  }

  static final long RETRY_AFTER_SECONDS = 5;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where the pages' chain keeps its CSRF token (Spring Security's default, in the session). */
  private static final HttpSessionCsrfTokenRepository CSRF_TOKENS =
      new HttpSessionCsrfTokenRepository();

  private final UploadPlaces places;
  private final MessageSource messages;
  private final Chain chain;

  MultipartGate(UploadPlaces places, MessageSource messages, Chain chain) {
    this.places = places;
    this.messages = messages;
    this.chain = chain;
  }

  static boolean multipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !multipart(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain next)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    // the body is unread: the connection cannot carry another request
    if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
      response.setHeader("Connection", "close");
      unauthorized(request, response);
      return;
    }
    if (!places.holds(request) && !places.take(request, user.account().id())) {
      response.setHeader("Connection", "close");
      response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      if (chain == Chain.PAGES) {
        // a page's upload: the themed page in the person's language, its body still unread (the
        // error dispatch parses nothing: multipart is resolved lazily, the CSRF check is skipped)
        String uri = request.getRequestURI();
        String path =
            uri.startsWith(request.getContextPath())
                ? uri.substring(request.getContextPath().length())
                : uri;
        request.setAttribute(
            UploadPlaces.REFUSED_AT_ONCE, new UploadPlaces.AtOnce(places.perPerson(), path));
        // the CSRF filter has not run (it would read the body) and skips the error dispatch: the
        // page's forms (the upload to try again, sign-out, language) get the session's token as
        // it would give it, else they are refused when sent; nothing is checked here
        DeferredCsrfToken token = CSRF_TOKENS.loadDeferredToken(request, response);
        new XorCsrfTokenRequestAttributeHandler().handle(request, response, token::get);
        response.sendError(429);
        return;
      }
      refuse(
          request,
          response,
          429,
          "Too Many Requests",
          "error.uploadsAtOnce",
          places.perPerson(),
          RETRY_AFTER_SECONDS);
      return;
    }
    try {
      next.doFilter(request, response);
    } finally {
      places.giveBack(request);
    }
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (chain) {
      case PAGES -> response.sendRedirect(request.getContextPath() + "/login");
      case API -> {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"renkei\"");
        refuse(request, response, 401, "Unauthorized", "error.unauthorized");
      }
      case TAXII -> {
        response.setHeader("WWW-Authenticate", TaxiiAuthenticationFilter.CHALLENGE);
        refuse(request, response, 401, "Unauthorized", "error.unauthorized");
      }
    }
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String key,
      Object... args)
      throws IOException {
    String detail =
        messages.getMessage(
            key,
            args,
            key,
            chain == Chain.TAXII ? Locale.ENGLISH : LocaleContextHolder.getLocale());
    Map<String, Object> body = new LinkedHashMap<>();
    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    if (chain == Chain.TAXII) {
      body.put("title", title);
      body.put("description", detail);
      body.put("http_status", String.valueOf(status));
      response.setContentType("application/taxii+json;version=2.1");
    } else {
      body.put("type", "about:blank");
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      body.put("code", key);
      body.put("instance", request.getRequestURI());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
    JSON.writeValue(response.getOutputStream(), body);
  }
}
