package jp.renkei.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.renkei.server.config.WebLimitsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The places each person has for uploads in progress, {@code renkei.web.uploads-per-person} of them
 * (attack35). Taken by {@link MultipartGate} for a multipart body, before anything reads it, and by
 * the web layer's upload gate for any other upload, before a controller reads it; a request holds
 * at most one place, recorded on the request, and gives it back once. Thread-safe.
 */
@Component
@ConditionalOnWebApplication
public final class UploadPlaces {

  private static final String HELD = UploadPlaces.class.getName() + ".held";

  /**
   * Request attribute set on a page's upload refused for the person's uploads at once: an {@link
   * AtOnce}. The error page ({@code ErrorPages}) reads it to answer with the themed page (the mail
   * page's form, for the mail upload) instead of problem+json.
   */
  public static final String REFUSED_AT_ONCE = UploadPlaces.class.getName() + ".refusedAtOnce";

  /**
   * A page's upload refused for the person's uploads at once ({@link #REFUSED_AT_ONCE}): how many
   * one person may send at once, and the path the upload was sent to (without the context path).
   */
  public record AtOnce(int perPerson, String path) {}

  private final int perPerson;
  private final Map<Long, Integer> running = new ConcurrentHashMap<>();

  UploadPlaces(WebLimitsProperties limits) {
    this.perPerson = limits.uploadsPerPerson();
  }

  /** How many uploads one person may have in progress at once. */
  public int perPerson() {
    return perPerson;
  }

  /** Whether {@code request} holds a place already. */
  public boolean holds(HttpServletRequest request) {
    return request.getAttribute(HELD) != null;
  }

  /**
   * Takes one of {@code person}'s places for {@code request}; false, taking nothing, when all are
   * taken.
   */
  public boolean take(HttpServletRequest request, long person) {
    boolean[] admitted = new boolean[1];
    running.compute(
        person,
        (k, n) -> {
          int now = n == null ? 0 : n;
          admitted[0] = now < perPerson;
          return admitted[0] ? now + 1 : n;
        });
    if (admitted[0]) {
      request.setAttribute(HELD, person);
    }
    return admitted[0];
  }

  /** Gives back the place {@code request} holds, if any (once, however often it is called). */
  public void giveBack(HttpServletRequest request) {
    if (request.getAttribute(HELD) instanceof Long person) {
      request.removeAttribute(HELD);
      running.computeIfPresent(person, (k, n) -> n <= 1 ? null : n - 1);
    }
  }
}
