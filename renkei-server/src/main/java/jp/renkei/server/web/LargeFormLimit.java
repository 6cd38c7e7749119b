package jp.renkei.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import jp.renkei.server.config.WebLimitsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads at most {@code renkei.web.large-forms-at-once} large form bodies at once on the instance
 * (attack35). The container reads a form body into one array of its announced length (up to {@code
 * server.tomcat.max-http-form-post-size}, 10 MB) as soon as any parameter is asked for, and Spring
 * Security asks for the CSRF token of every form post, the sign-in form's too: without this, every
 * connection that announced a large form, signed in or not, held that much of the heap for as long
 * as it sent slowly. A form body of at least {@code renkei.web.upload-size}, or of unannounced
 * length, past the limit is answered 503 with Retry-After before anything of it is read. Runs
 * before the security chain, as {@link RequestBodyLimit} does.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 21)
class LargeFormLimit extends OncePerRequestFilter {

  static final long RETRY_AFTER_SECONDS = 5;

  private final Semaphore reading;
  private final int max;
  private final long size;
  private final MessageSource messages;

  LargeFormLimit(WebLimitsProperties limits, MessageSource messages) {
    this.max = limits.largeFormsAtOnce();
    this.reading = new Semaphore(max);
    this.size = limits.uploadSize().toBytes();
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      return true;
    }
    long length = request.getContentLengthLong();
    return length >= 0 ? length < size : request.getHeader("Transfer-Encoding") == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!reading.tryAcquire()) {
      response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      if (EarlyRefusal.page(request)) {
        EarlyRefusal.writePage(
            request, response, 503, "error.page.largeFormsAtOnce", RETRY_AFTER_SECONDS);
        return;
      }
      EarlyRefusal.write(
          request,
          response,
          messages,
          503,
          "Service Unavailable",
          "error.largeFormsAtOnce",
          max,
          RETRY_AFTER_SECONDS);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      reading.release();
    }
  }
}
