package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's malformed or oversized body, wherever it is found — including before a controller is
 * chosen, where the controller advices do not apply (a multipart body is parsed first): 400 for
 * multipart that cannot be read, 413 past a size limit, as problem+json under {@code /api/} and as
 * the themed page elsewhere; 400 for more parameters than the container takes. Logged in one line
 * at INFO: a client's mistake is not the hub's fault.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientInputErrors implements HandlerExceptionResolver {

  private static final Logger log = LoggerFactory.getLogger(ClientInputErrors.class);
  private final MessageSource messages;
  private final JsonMapper json = JsonMapper.builder().build();

  /** Tomcat's limit of parameters in one request (query and form together). */
  private final int maxParameters;

  ClientInputErrors(MessageSource messages, org.springframework.core.env.Environment env) {
    this.messages = messages;
    this.maxParameters = env.getProperty("server.tomcat.max-parameter-count", Integer.class, 1000);
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    int status;
    String key;
    Object[] args;
    if (clientGone(e)) {
      // nothing can reach a client that closed its connection; it is no fault of the hub's
      // (attack35's held uploads: an ERROR with a stack trace for each client that gave up)
      log.info(
          "{} {}: the client went away before its request was read ({})",
          request.getMethod(),
          request.getRequestURI(),
          e.getClass().getSimpleName());
      return new ModelAndView();
    }
    BodyTooLarge tooLarge = BodyTooLarge.in(e);
    if (tooLarge != null) {
      status = 413;
      key = "error.bodyTooLarge.read";
      args = new Object[] {String.valueOf(tooLarge.limit())};
    } else if (e instanceof MaxUploadSizeExceededException max) {
      status = 413;
      key = "error.uploadTooLarge";
      args = new Object[] {String.valueOf(max.getMaxUploadSize())};
    } else if (e instanceof MultipartException) {
      status = 400;
      key = "error.badMultipart";
      args = new Object[0];
    } else if (e.getClass()
        .getName()
        .equals("org.apache.tomcat.util.http.InvalidParameterException")) {
      // more parameters than Tomcat takes (server.tomcat.max-parameter-count): it throws when the
      // first handler reads them, which was a 500 with a stack trace
      status = 400;
      key = "error.tooManyParameters";
      args = new Object[] {String.valueOf(maxParameters)};
    } else {
      return null;
    }
    log.info(
        "{} {}: {} ({})",
        request.getMethod(),
        request.getRequestURI(),
        status,
        e.getClass().getSimpleName());
    response.setHeader("Connection", "close");
    if (request.getRequestURI().startsWith("/api/")) {
      try {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status == 413 ? "Content Too Large" : "Bad Request");
        body.put("status", status);
        body.put("detail", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
        body.put("code", key);
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
        return new ModelAndView();
      } catch (IOException | RuntimeException written) {
        return new ModelAndView();
      }
    }
    if (status == 413 && UiErrors.isMailUpload(request.getRequestURI())) {
      return UiErrors.mailUploadTooLarge(response);
    }
    if (e instanceof MaxUploadSizeExceededException max && max.getMaxUploadSize() > 0) {
      // a page's upload: what was sent and the limit in megabytes, not bytes (ux36)
      long sent = request.getContentLengthLong();
      return UiErrors.page(
          response,
          status,
          sent > 0 ? "error.tooLarge.files" : "error.tooLarge.files.unknown",
          new Object[] {
            TooLargeForm.megabytes(sent), TooLargeForm.megabytes(max.getMaxUploadSize())
          });
    }
    return UiErrors.page(response, status, key, args);
  }

  /** Whether {@code e} or a cause is the container's word that the client closed the connection. */
  static boolean clientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException")) {
        return true;
      }
    }
    return false;
  }
}
