package jp.renkei.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 401 and 403 answers of the API, as {@code application/problem+json}, written before any
 * controller runs (so they cannot use the MVC error translator).
 */
@Component
class ProblemResponses {

  private final JsonMapper json;
  private final MessageSource messages;

  ProblemResponses(JsonMapper json, MessageSource messages) {
    this.json = json;
    this.messages = messages;
  }

  AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"renkei\"");
      write(request, response, 401, "error.unauthorized");
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) -> write(request, response, 403, "error.forbidden");
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String key,
      Object... args)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status == 401 ? "Unauthorized" : "Forbidden");
    body.put("status", status);
    body.put("detail", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
    body.put("instance", request.getRequestURI());
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
