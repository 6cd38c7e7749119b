package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The words of a 413 on a page that is not the mail upload: what was too big (the form's input, or
 * the files sent with it) and how big, and the limit, both in megabytes, with what to do instead.
 * The container's settings are the limits' source, never named to the person (ux35's review: the
 * page said {@code server.tomcat.max-http-form-post-size} to an analyst).
 */
final class TooLargeForm {

  private TooLargeForm() {}

  /** The message key and its arguments for the refused {@code request}. */
  static Object[] keyAndArgs(HttpServletRequest request, Environment env) {
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean files = type.startsWith("multipart/");
    DataSize limit =
        files
            ? size(env, "spring.servlet.multipart.max-request-size", DataSize.ofMegabytes(26))
            : size(env, "server.tomcat.max-http-form-post-size", DataSize.ofMegabytes(10));
    long sent = request.getContentLengthLong();
    String key =
        (files ? "error.tooLarge.files" : "error.tooLarge.form") + (sent > 0 ? "" : ".unknown");
    return new Object[] {key, new Object[] {megabytes(sent), megabytes(limit.toBytes())}};
  }

  /** A size as a person reads it: "10 MB", "10.5 MB" (1 MB = 1,048,576 bytes, as the limits). */
  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    if (mb == Math.rint(mb)) {
      return String.format(Locale.ROOT, "%d MB", (long) mb);
    }
    return String.format(Locale.ROOT, "%.1f MB", mb);
  }

  private static DataSize size(Environment env, String property, DataSize fallback) {
    String v = env.getProperty(property);
    try {
      return v == null || v.isBlank() ? fallback : DataSize.parse(v.strip());
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }
}
