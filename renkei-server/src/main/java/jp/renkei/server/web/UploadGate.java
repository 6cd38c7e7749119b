package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import jp.renkei.server.config.WebLimitsProperties;
import jp.renkei.server.failure.Busy;
import jp.renkei.server.security.CurrentUser;
import jp.renkei.server.security.UploadPlaces;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits at most {@code renkei.web.uploads-per-person} uploads of one person at once (attack35): a
 * further one is refused with 429 and Retry-After before a controller reads its body. An upload is
 * a request whose body is multipart, of unannounced length, or at least {@code
 * renkei.web.upload-size} long, to a controller; it holds its place ({@link UploadPlaces}) until
 * its answer is written or its client goes away. A multipart body has taken its place earlier, in
 * the security chain ({@code MultipartGate}), before anything reads it. Requests of nobody signed
 * in are left to the security chain. Thread-safe.
 */
final class UploadGate implements HandlerInterceptor {

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final UploadPlaces places;
  private final long size;

  UploadGate(WebLimitsProperties limits, UploadPlaces places) {
    this.places = places;
    this.size = limits.uploadSize().toBytes();
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
    // only controllers read bodies (a static resource or the error page reads none, and the
    // error translators answer for controllers alone)
    if (!(h instanceof org.springframework.web.method.HandlerMethod)
        // the container's error page (ErrorPages, a handler method too) reads no body: an upload
        // refused before its handler is answered there, not refused a second time (ux37)
        || request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR
        || places.holds(request)
        || !upload(request)) {
      return true;
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
      return true;
    }
    if (!places.take(request, user.account().id())) {
      int perPerson = places.perPerson();
      throw new Busy(true, RETRY_AFTER, "error.uploadsAtOnce", perPerson, RETRY_AFTER.toSeconds());
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object h, Exception e) {
    places.giveBack(request);
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
