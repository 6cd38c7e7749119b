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
 * RequestBodyLimit}, {@link LargeFormLimit}): problem+json naming the limit in the client's
 * language, the hub's security headers (no chain wrote them yet), and the connection closed, since
 * the unread body makes it unfit for another request.
 */
final class EarlyRefusal {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EarlyRefusal() {}

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
