package jp.renkei.server.taxii;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1 error messages (§3.6.1) for the TAXII endpoints: a title, the precise description and
 * the HTTP status as a string. Unexpected failures carry only an incident id.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = TaxiiApi.class)
class TaxiiErrors {

  private static final Logger log = LoggerFactory.getLogger(TaxiiErrors.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final org.springframework.context.MessageSource messages;

  TaxiiErrors(org.springframework.context.MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(TaxiiException.class)
  ResponseEntity<String> taxii(TaxiiException e) {
    return error(e.status, e.title, e.getMessage());
  }

  /** 429 or 503 with Retry-After (e.g. the person's uploads at once, {@code UploadGate}). */
  @ExceptionHandler(jp.renkei.server.failure.Busy.class)
  ResponseEntity<String> busy(jp.renkei.server.failure.Busy e) {
    return ResponseEntity.status(e.status())
        .header(HttpHeaders.CONTENT_TYPE, TaxiiApi.TAXII)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
        .body(
            body(
                e.status(),
                e.status() == 429 ? "Too many requests" : "Service unavailable",
                messages.getMessage(
                    e.messageKey(),
                    e.args(),
                    e.messageKey(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale())));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
    String incident = UUID.randomUUID().toString();
    log.error(
        "TAXII {} {} failed (incident {})",
        request.getMethod(),
        request.getRequestURI(),
        incident,
        e);
    return error(500, "Internal error", "the server failed; incident " + incident);
  }

  static ResponseEntity<String> error(int status, String title, String description) {
    return ResponseEntity.status(status)
        .header(HttpHeaders.CONTENT_TYPE, TaxiiApi.TAXII)
        .body(body(status, title, description));
  }

  static String body(int status, String title, String description) {
    ObjectNode e = JSON.createObjectNode();
    e.put("title", title);
    e.put("description", description);
    e.put("http_status", String.valueOf(status));
    return e.toString();
  }
}
