package jp.renkei.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import jp.renkei.server.config.WebLimitsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds REST bodies (JSON and the like) to {@code renkei.web.max-body}: a larger Content-Length is
 * answered 413 before anything is read; a chunked body is stopped where it passes the limit, which
 * the error translators render as 413. Forms posted (POST), multipart uploads, mail analysis and
 * TAXII have their own limits and are left to them (mail: 25 MB, read whole by MailApi before
 * analysis); a form body of PUT, PATCH or DELETE, which Tomcat's form limit does not cover, is held
 * to this one.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimit extends OncePerRequestFilter {

  private final long max;
  private final MessageSource messages;

  RequestBodyLimit(WebLimitsProperties limits, MessageSource messages) {
    this.max = limits.maxBody().toBytes();
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    return path.startsWith("/taxii2/")
        || path.equals("/api/v1/mail/analyze")
        || path.equals("/api/v1/c4tap")
        || type.startsWith("multipart/")
        // Tomcat reads (and limits) form parameters of POST alone; a form body of another method
        // is a body like any other (attack36)
        || (type.startsWith("application/x-www-form-urlencoded")
            && "POST".equals(request.getMethod()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > max && EarlyRefusal.page(request)) {
      EarlyRefusal.writePage(
          request,
          response,
          413,
          "error.page.bodyTooLarge",
          TooLargeForm.megabytes(length),
          TooLargeForm.megabytes(max));
      return;
    }
    if (length > max) {
      EarlyRefusal.write(
          request,
          response,
          messages,
          413,
          "Content Too Large",
          "error.bodyTooLarge",
          String.valueOf(length),
          String.valueOf(max));
      return;
    }
    chain.doFilter(length >= 0 ? request : new Limited(request, max), response);
  }

  /** A request whose body stops with {@link BodyTooLarge} past the limit. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream in;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        ServletInputStream raw = super.getInputStream();
        in =
            new ServletInputStream() {
              long count;

              @Override
              public int read() throws IOException {
                int b = raw.read();
                if (b >= 0 && ++count > max) {
                  throw new BodyTooLarge(max);
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = raw.read(buf, off, len);
                if (n > 0 && (count += n) > max) {
                  throw new BodyTooLarge(max);
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return raw.isFinished();
              }

              @Override
              public boolean isReady() {
                return raw.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                raw.setReadListener(listener);
              }
            };
      }
      return in;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
    }
  }
}
