package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal a filter writes before the security chain runs and before the body is read ({@link
 * RequestBodyLimit}, {@link LargeFormLimit}): for the API, the actuator and TAXII, problem+json
 * naming the limit in the client's language with the hub's security headers (no chain wrote them
 * yet); for a page, the themed error page in the person's words ({@link Page}, rendered by {@code
 * ErrorPages}; share38: a browser was answered raw JSON). The connection is closed either way,
 * since the unread body makes it unfit for another request.
 */
final class EarlyRefusal {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EarlyRefusal() {}

  /**
   * Request attribute set on a page's request refused here: a {@link Page}, which the error page
   * ({@code ErrorPages}) renders as the themed page.
   */
  static final String PAGE = EarlyRefusal.class.getName() + ".page";

  /** A page's refusal: the page's message key (no setting named) and its arguments. */
  record Page(String key, Object[] args) {}

  /** Whether {@code request} is for the pages (not the API, the actuator or TAXII). */
  static boolean page(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String path =
        uri.startsWith(request.getContextPath())
            ? uri.substring(request.getContextPath().length())
            : uri;
    return !(path.startsWith("/api/")
        || path.startsWith("/actuator/")
        || path.startsWith("/taxii2/"));
  }

  /**
   * Answers a page's request with the themed error page, its body unread: {@code pageKey} and
   * {@code pageArgs} say it to the person. The CSRF filter has not run (it would read the body), so
   * the page's own forms (sign-out, language) get the session's token as it would give it.
   */
  static void writePage(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String pageKey,
      Object... pageArgs)
      throws IOException {
    request.setAttribute(PAGE, new Page(pageKey, pageArgs));
    org.springframework.security.web.csrf.DeferredCsrfToken token =
        new org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository()
            .loadDeferredToken(request, response);
    new org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler()
        .handle(request, response, token::get);
    response.setHeader("Connection", "close");
    response.sendError(status);
  }

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      MessageSource messages,
      int status,
      String title,
      String key,
      Object... args)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", messages.getMessage(key, args, key, request.getLocale()));
    body.put("code", key);
    body.put("instance", request.getRequestURI());
    response.setStatus(status);
    jp.renkei.server.security.SecurityHeaders.writeTo(response);
    response.setHeader("Connection", "close");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
