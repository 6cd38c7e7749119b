package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.renkei.server.config.WebLimitsProperties;
import jp.renkei.server.failure.Busy;
import jp.renkei.server.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits at most {@code renkei.web.uploads-per-person} uploads of one person at once (attack35): a
 * further one is refused with 429 and Retry-After before a controller reads its body. An upload is
 * a request whose body is multipart, of unannounced length, or at least {@code
 * renkei.web.upload-size} long, to a controller; it holds its place until its answer is written or
 * its client goes away. Requests of nobody signed in are left to the security chain. Thread-safe.
 */
final class UploadGate implements HandlerInterceptor {

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private static final String HELD = UploadGate.class.getName() + ".held";

  private final int perPerson;
  private final long size;
  private final Map<Long, Integer> running = new ConcurrentHashMap<>();

  UploadGate(WebLimitsProperties limits) {
    this.perPerson = limits.uploadsPerPerson();
    this.size = limits.uploadSize().toBytes();
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
    // only controllers read bodies (a static resource or the error page reads none, and the
    // error translators answer for controllers alone)
    if (!(h instanceof org.springframework.web.method.HandlerMethod)
        || request.getAttribute(HELD) != null
        || !upload(request)) {
      return true;
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
      return true;
    }
    Long person = user.account().id();
    boolean[] admitted = new boolean[1];
    running.compute(
        person,
        (k, n) -> {
          int now = n == null ? 0 : n;
          admitted[0] = now < perPerson;
          return admitted[0] ? now + 1 : n;
        });
    if (!admitted[0]) {
      throw new Busy(true, RETRY_AFTER, "error.uploadsAtOnce", perPerson, RETRY_AFTER.toSeconds());
    }
    request.setAttribute(HELD, person);
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object h, Exception e) {
    if (request.getAttribute(HELD) instanceof Long person) {
      request.removeAttribute(HELD);
      running.computeIfPresent(person, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private boolean upload(HttpServletRequest request) {
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/")) {
      return true;
    }
    long length = request.getContentLengthLong();
    if (length >= 0) {
      return length >= size;
    }
    return request.getHeader("Transfer-Encoding") != null;
  }
}
