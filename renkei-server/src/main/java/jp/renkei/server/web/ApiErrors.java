package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import jp.renkei.server.failure.Busy;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.failure.RenkeiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * REST rendering of errors: {@code application/problem+json} with a localised {@code detail}, the
 * message {@code code}, and the {@code field} at fault where there is one. 5xx bodies carry only an
 * incident id that the log also has.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
  private final MessageSource messages;
  private final long maxJsonTokens;

  ApiErrors(MessageSource messages, jp.renkei.server.config.WebLimitsProperties limits) {
    this.messages = messages;
    this.maxJsonTokens = limits.maxJsonTokens();
  }

  @ExceptionHandler(RenkeiException.class)
  ResponseEntity<ProblemDetail> renkei(RenkeiException e, HttpServletRequest request) {
    HttpStatus status =
        e instanceof NotFound
            ? HttpStatus.NOT_FOUND
            : e instanceof Conflict
                ? HttpStatus.CONFLICT
                : e instanceof Forbidden ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            status,
            messages.getMessage(
                e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
    p.setProperty("code", e.messageKey());
    if (e instanceof InvalidInput invalid) {
      p.setProperty("field", invalid.field());
    }
    if (e instanceof jp.renkei.server.failure.InvalidInputs many) {
      // every field error at once: field, code and message of each, in the order of the form
      p.setProperty(
          "errors",
          many.all().stream()
              .map(
                  x ->
                      java.util.Map.of(
                          "field",
                          x.field(),
                          "code",
                          x.messageKey(),
                          "detail",
                          messages.getMessage(
                              x.messageKey(),
                              x.args(),
                              x.messageKey(),
                              LocaleContextHolder.getLocale())))
              .toList());
    }
    return respond(p, request);
  }

  /** 429 or 503 with Retry-After: the request may succeed unchanged later. */
  @ExceptionHandler(Busy.class)
  ResponseEntity<ProblemDetail> busy(Busy e, HttpServletRequest request) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatusCode.valueOf(e.status()),
            messages.getMessage(
                e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
    p.setProperty("code", e.messageKey());
    p.setInstance(java.net.URI.create(request.getRequestURI()));
    return ResponseEntity.status(e.status())
        .header(org.springframework.http.HttpHeaders.RETRY_AFTER, retryAfter(e))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  static String retryAfter(Busy e) {
    return String.valueOf(Math.max(1, e.retryAfter().toSeconds()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage(
                "error.badParameter",
                new Object[] {e.getName(), String.valueOf(e.getValue())},
                LocaleContextHolder.getLocale()));
    p.setProperty("field", e.getName());
    return respond(p, request);
  }

  /**
   * 413 naming the limit that was passed ({@code code} is the message key and the problem's code).
   */
  private ResponseEntity<Object> tooLarge(
      String code,
      long limit,
      org.springframework.web.context.request.WebRequest request,
      boolean closeConnection) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE,
            messages.getMessage(
                code, new Object[] {String.valueOf(limit)}, LocaleContextHolder.getLocale()));
    p.setProperty("code", code);
    if (request instanceof org.springframework.web.context.request.ServletWebRequest swr) {
      p.setInstance(java.net.URI.create(swr.getRequest().getRequestURI()));
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE);
    if (closeConnection) {
      answer.header("Connection", "close");
    }
    return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  /** Unreadable JSON: says where (line, column) and which field, never the parser's internals. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      org.springframework.http.converter.HttpMessageNotReadableException e,
      org.springframework.http.HttpHeaders headers,
      org.springframework.http.HttpStatusCode status,
      org.springframework.web.context.request.WebRequest request) {
    BodyTooLarge tooLarge = BodyTooLarge.in(e);
    if (tooLarge != null) {
      // the rest of the body is not read: the connection cannot carry another request
      return tooLarge("error.bodyTooLarge.read", tooLarge.limit(), request, true);
    }
    tools.jackson.core.exc.StreamConstraintsException tooComplex =
        jp.renkei.server.failure.Causes.find(
            e, tools.jackson.core.exc.StreamConstraintsException.class);
    if (tooComplex != null && tooComplex.getMessage().contains("Token count")) {
      return tooLarge("error.bodyTooManyTokens", maxJsonTokens, request, false);
    }
    String where = "-";
    String field = null;
    String twice = jp.renkei.server.failure.DuplicateKeys.key(e);
    if (twice != null) {
      var at = jp.renkei.server.failure.DuplicateKeys.refusal(e).getLocation();
      if (at != null && at.getLineNr() > 0) {
        where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
      }
    }
    if (twice != null) {
      ProblemDetail p =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              messages.getMessage(
                  "error.duplicateKey",
                  new Object[] {where, twice},
                  LocaleContextHolder.getLocale()));
      p.setProperty("code", "error.duplicateKey");
      p.setProperty("field", twice);
      if (request instanceof org.springframework.web.context.request.ServletWebRequest swr) {
        p.setInstance(java.net.URI.create(swr.getRequest().getRequestURI()));
      }
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException je) {
        if (je.getLocation() != null && je.getLocation().getLineNr() > 0) {
          where =
              "line " + je.getLocation().getLineNr() + ", column " + je.getLocation().getColumnNr();
        }
        if (je instanceof tools.jackson.databind.DatabindException de && !de.getPath().isEmpty()) {
          field =
              de.getPath().stream()
                  .map(
                      r ->
                          r.getPropertyName() != null
                              ? r.getPropertyName()
                              : "[" + r.getIndex() + "]")
                  .collect(java.util.stream.Collectors.joining("."));
          where = where + ", field " + field;
        }
        break;
      }
    }
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage(
                "error.badJson", new Object[] {where}, LocaleContextHolder.getLocale()));
    p.setProperty("code", "error.badJson");
    if (field != null) {
      p.setProperty("field", field);
    }
    if (request instanceof org.springframework.web.context.request.ServletWebRequest swr) {
      p.setInstance(java.net.URI.create(swr.getRequest().getRequestURI()));
    }
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (NulText.in(e)) {
      log.info(
          "{} {}: a text with NUL refused by the database",
          request.getMethod(),
          request.getRequestURI());
      ProblemDetail p =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              messages.getMessage("error.nulText", null, LocaleContextHolder.getLocale()));
      p.setProperty("code", "error.nulText");
      return respond(p, request);
    }
    String incident = UUID.randomUUID().toString();
    log.error(
        "Unhandled error on {} {} (incident {})",
        request.getMethod(),
        request.getRequestURI(),
        incident,
        e);
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            messages.getMessage(
                "error.internal", new Object[] {incident}, LocaleContextHolder.getLocale()));
    p.setProperty("incident", incident);
    return respond(p, request);
  }

  private static ResponseEntity<ProblemDetail> respond(
      ProblemDetail p, HttpServletRequest request) {
    p.setInstance(java.net.URI.create(request.getRequestURI()));
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }
}
