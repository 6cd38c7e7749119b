package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.Set;

/**
 * A link whose words are the name of the file it opens ("detector.sv" over
 * github.com/…/detector.sv, "README.md", "setup.py"): a file name whose extension happens to be a
 * country's top-level domain (.sv, .md, .py, .rs, .pl, .sh) reads as a host name, but the words
 * name the file at the end of the link's own path, not a site the link was meant to lead to, so
 * LINK_TEXT_MISMATCH does not count it (hamout41). The words must be one name with one dot and no
 * "www.", equal to the link path's last segment; a name ending in a generic top-level domain
 * (paypal.com over evil.example/paypal.com) or whose name part is a brand's domain label
 * (paypal.de) is read as a site's name, as before.
 */
final class MailLinkFileNames {

  private MailLinkFileNames() {}

  /** Generic top-level domains: a name ending so is read as a site whatever the path says. */
  static final Set<String> SITE_ENDINGS =
      Set.of(
          "com", "net", "org", "info", "biz", "io", "co", "app", "dev", "online", "site", "xyz",
          "top", "shop", "store", "live", "me", "gov", "edu");

  /** Whether {@code text}, a link's words, is the name of the file {@code href} leads to. */
  static boolean namesLinkedFile(String text, String href) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int dot = t.indexOf('.');
    if (dot <= 0
        || dot != t.lastIndexOf('.')
        || dot == t.length() - 1
        || t.indexOf('/') >= 0
        || t.indexOf(':') >= 0
        || t.startsWith("www")
        || SITE_ENDINGS.contains(t.substring(dot + 1))
        || !t.equals(lower(lastSegment(href)))) {
      return false;
    }
    String name = t.substring(0, dot);
    return MailBrands.BRANDS.stream().noneMatch(b -> b.labels().contains(name));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** The last segment of a URL's path (before any query or fragment), or null when it has none. */
  static String lastSegment(String href) {
    int scheme = href.indexOf("://");
    if (scheme < 0) {
      return null;
    }
    int path = href.indexOf('/', scheme + 3);
    if (path < 0) {
      return null;
    }
    int end = href.length();
    for (char c : new char[] {'?', '#'}) {
      int at = href.indexOf(c, path);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String segment = href.substring(href.lastIndexOf('/', end - 1) + 1, end);
    return segment.isEmpty() ? null : segment;
  }
}
