package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailDomains.label;
import static jp.renkei.engine.mail.MailDomains.registrable;

import java.util.Locale;

/**
 * Redirectors and mail gateways (issue 19): where a tracking, safe-links or opaque redirect link
 * really goes, Proofpoint's encoded URLs, and the mail security gateways that rewrite links.
 */
final class MailRedirects {

  private MailRedirects() {}

  /**
   * Where a big site's open redirect sends its reader: Google's /url?q= (and url=), YouTube's and
   * Facebook's redirect pages, DuckDuckGo's /l/?uddg=, LinkedIn's /redir/redirect?url=, Bing's
   * /ck/a?u=a1 followed by the destination in base64; null for other links or when the destination
   * cannot be read. A lure's link then shows a trusted host and leads elsewhere.
   */
  static String redirectTarget(String url, String host) {
    if (host == null) {
      return null;
    }
    String path = path(url);
    String reg = registrable(host);
    String value = null;
    if (label(host).equals("google") && (path.equals("/url") || path.equals("/url/"))) {
      value = param(url, "q");
      if (value == null) {
        value = param(url, "url");
      }
    } else if (reg.equals("youtube.com") && path.equals("/redirect")) {
      value = param(url, "q");
    } else if (reg.equals("facebook.com") && path.equals("/l.php")) {
      value = param(url, "u");
    } else if (reg.equals("duckduckgo.com") && path.startsWith("/l/")) {
      value = param(url, "uddg");
    } else if (reg.equals("linkedin.com") && path.equals("/redir/redirect")) {
      value = param(url, "url");
    } else if (host.endsWith(".safelinks.protection.outlook.com")) {
      // Microsoft Defender for Office 365 Safe Links: the original address in url=
      value = param(url, "url");
    } else if (reg.equals("proofpoint.com")
        && host.startsWith("urldefense.")
        && path.startsWith("/v2/url")) {
      value = proofpointV2(param(url, "u"));
    } else if (reg.equals("urldefense.com") && path.startsWith("/v3/__")) {
      // Proofpoint v3 writes the original between "/v3/__" and "__;" (a few characters starred)
      int start = url.indexOf("/v3/__") + 6;
      int end = url.indexOf("__;", start);
      value = end < 0 ? null : url.substring(start, end);
    } else if (((reg.equals("mimecast.com") && host.startsWith("protect"))
            || reg.equals("mimecastprotect.com"))
        && path.startsWith("/s/")) {
      // Mimecast's rewritten link names only the target's host, in domain=
      String d = param(url, "domain");
      value = d == null || !d.matches("[A-Za-z0-9.-]{1,253}") ? null : "https://" + d + "/";
    } else if (reg.equals("bing.com") && path.equals("/ck/a")) {
      String u = param(url, "u");
      if (u != null && u.startsWith("a1") && u.length() > 2) {
        try {
          String b = u.substring(2).replace('+', '-').replace('/', '_');
          value =
              new String(
                  java.util.Base64.getUrlDecoder().decode(b.replace("=", "")),
                  java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    if (value == null) {
      return null;
    }
    String v = value.toLowerCase(Locale.ROOT);
    return v.startsWith("http://") || v.startsWith("https://") ? value : null;
  }

  /**
   * A host of a mail security gateway that rewrites every link of the mail its customers receive
   * (Microsoft Safe Links, Proofpoint URL Defense, Mimecast): the wrapper is the recipient's
   * organisation's choice, not the sender's, unlike an open redirect a phisher picks.
   */
  static boolean mailGateway(String host) {
    if (host == null) {
      return false;
    }
    String reg = registrable(host);
    return host.endsWith(".safelinks.protection.outlook.com")
        || (reg.equals("proofpoint.com") && host.startsWith("urldefense."))
        || reg.equals("urldefense.com")
        || (reg.equals("mimecast.com") && host.startsWith("protect"))
        || reg.equals("mimecastprotect.com");
  }

  /**
   * Proofpoint URL Defense v2's u= value decoded: "-XX" is the character of hex XX, "_" a slash
   * (https-3A__host_path → https://host/path). Null when it is not in that form.
   */
  static String proofpointV2(String u) {
    if (u == null || u.length() > 4096) {
      return null;
    }
    StringBuilder b = new StringBuilder(u.length());
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == '-') {
        if (i + 2 >= u.length()
            || !java.util.HexFormat.isHexDigit(u.charAt(i + 1))
            || !java.util.HexFormat.isHexDigit(u.charAt(i + 2))) {
          return null;
        }
        b.append((char) java.util.HexFormat.fromHexDigits(u, i + 1, i + 3));
        i += 2;
      } else if (c == '_') {
        b.append('/');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A redirect of a big site whose destination is a code only the site can read (LinkedIn's
   * /slink?code=): the reader cannot see where it leads before following it.
   */
  static boolean opaqueRedirect(String url, String host) {
    return host != null
        && registrable(host).equals("linkedin.com")
        && path(url).equals("/slink")
        && param(url, "code") != null;
  }

  private static String path(String url) {
    java.net.URI u = MailLinks.uri(url);
    String p = u == null ? null : u.getRawPath();
    return p == null ? "" : p.toLowerCase(Locale.ROOT);
  }

  /** A query parameter's value, form-decoded (a '+' is a space). */
  private static String param(String url, String name) {
    return MailText.param(url, name, false);
  }
}
