package jp.renkei.engine.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a wrapped link says it leads (issue 19, share38): a mail service's click tracker, a mail
 * gateway's rewritten link or a big site's open redirect that writes the real address into the link
 * itself. The analyst reads the target beside the wrapper, and a share names the target, not the
 * wrapping service. Reading only: nothing is fetched, and the signs do not use this class (they
 * judge redirects in {@link MailRedirects}).
 *
 * <p>Read: everything {@link MailRedirects#redirectTarget} reads (Google, YouTube, Facebook,
 * DuckDuckGo, LinkedIn, Bing, Outlook Safe Links, Proofpoint v2/v3, Mimecast's host), Amazon SES
 * click tracking ({@code *.awstrack.me/L0/<url-encoded target>/…}), Symantec ClickTime ({@code
 * clicktime.symantec.com/…?u=}), Barracuda ({@code linkprotect.cudasvc.com/url?a=}), Trend Micro
 * ({@code …trendmicro.com/wis/clicktime/…?url=}), Cisco ({@code secure-web.cisco.com/<key>/<url-
 * encoded target>}) and Sophos ({@code …protection.sophos.com/?…&u=<base64>}), up to {@value
 * #DEPTH} wrappers inside each other. Mailchimp, SendGrid, HubSpot and most trackers keep the
 * target on their servers: their links have none to read.
 */
public final class MailLinkTargets {

  private MailLinkTargets() {}

  /** Wrappers read inside each other at most. */
  static final int DEPTH = 3;

  /** Longest link read (a longer one is no wrapper of a real address). */
  static final int MAX_LENGTH = 8192;

  /**
   * The address {@code url} leads to by what the link itself writes, after every wrapper it can
   * read; null when it is no wrapper, or the address written is not an http(s) link with a host.
   */
  public static String target(String url) {
    if (url == null || url.length() > MAX_LENGTH) {
      return null;
    }
    String found = null;
    String at = url;
    for (int i = 0; i < DEPTH; i++) {
      String next = once(at);
      if (next == null || next.equals(at)) {
        break;
      }
      found = next;
      at = next;
    }
    return found;
  }

  /** The registrable domain of the service that wrapped {@code url} (awstrack.me), or null. */
  public static String wrapper(String url) {
    if (target(url) == null) {
      return null;
    }
    String host = MailLinks.host(url);
    return host == null ? null : MailDomains.registrable(host.toLowerCase(Locale.ROOT));
  }

  private static String once(String url) {
    String host = MailLinks.host(url);
    if (host == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    String value = MailRedirects.redirectTarget(url, host);
    if (value != null
        && value.indexOf('*') >= 0
        && (host.equals("urldefense.com") || host.endsWith(".urldefense.com"))) {
      value = proofpointStars(url, value);
    }
    if (value == null) {
      value = tracked(url, host);
    }
    return web(value);
  }

  private static String tracked(String url, String host) {
    String path = rawPath(url);
    if (host.endsWith(".awstrack.me") && path.startsWith("/L0/")) {
      int end = path.indexOf('/', 4);
      return decode(path.substring(4, end < 0 ? path.length() : end));
    }
    if (host.equals("clicktime.symantec.com")) {
      return param(url, "u");
    }
    if (host.equals("linkprotect.cudasvc.com") && path.startsWith("/url")) {
      return param(url, "a");
    }
    if (host.endsWith(".trendmicro.com") && path.contains("/clicktime/")) {
      return param(url, "url");
    }
    if (host.equals("secure-web.cisco.com")) {
      int last = path.lastIndexOf('/');
      return last < 0 ? null : decode(path.substring(last + 1));
    }
    if (host.endsWith(".protection.sophos.com")) {
      String u = param(url, "u");
      if (u == null) {
        return null;
      }
      try {
        return new String(
            java.util.Base64.getDecoder().decode(u.replace('-', '+').replace('_', '/')),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** The run lengths of Proofpoint v3's "**" runs: A is 2, B 3, … '_' 65. */
  private static final String RUNS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /**
   * A Proofpoint URL Defense v3 target ({@code written}, as {@link MailRedirects} reads it between
   * "/v3/__" and "__;") with its stars filled (share39): v3 writes some characters of the target as
   * '*' and lists them, base64url-encoded, between "__;" and "!!"; one '*' stands for the next of
   * them, "**" and a run letter ({@link #RUNS}) for that many. Unfilled, the same target read out
   * of another wrapper would be a second object. {@code written} as it was when the list does not
   * fit.
   */
  static String proofpointStars(String url, String written) {
    int at = url.indexOf(written);
    int start = at < 0 ? -1 : url.indexOf("__;", at + written.length());
    int end = start < 0 ? -1 : url.indexOf("!!", start + 3);
    if (end < 0) {
      return written;
    }
    int[] chars;
    try {
      chars =
          new String(
                  java.util.Base64.getUrlDecoder().decode(url.substring(start + 3, end)),
                  StandardCharsets.UTF_8)
              .codePoints()
              .toArray();
    } catch (IllegalArgumentException e) {
      return written;
    }
    StringBuilder b = new StringBuilder(written.length() + chars.length);
    int next = 0;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c != '*') {
        b.append(c);
        continue;
      }
      int n = 1;
      if (i + 2 < written.length() && written.charAt(i + 1) == '*') {
        n = RUNS.indexOf(written.charAt(i + 2)) + 2;
        if (n < 2) {
          return written;
        }
        i += 2;
      }
      if (next + n > chars.length) {
        return written;
      }
      for (int k = 0; k < n; k++) {
        b.appendCodePoint(chars[next++]);
      }
    }
    return next == chars.length ? b.toString() : written;
  }

  /** An http(s) address with a host, without surrounding spaces; null otherwise. */
  private static String web(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))
        || v.length() > MAX_LENGTH
        || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return null;
    }
    return MailLinks.host(v) == null ? null : v;
  }

  private static String rawPath(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return "";
    }
    int slash = url.indexOf('/', scheme + 3);
    if (slash < 0) {
      return "";
    }
    int end = slash;
    while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
      end++;
    }
    return url.substring(slash, end);
  }

  private static String decode(String s) {
    return MailText.percentDecoded(s, true);
  }

  /** A query parameter's value, a '+' in it kept as written (a base64 or unencoded target). */
  private static String param(String url, String name) {
    return MailText.param(url, name, true);
  }
}
