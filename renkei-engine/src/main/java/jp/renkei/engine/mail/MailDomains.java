package jp.renkei.engine.mail;

import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registrable domains, labels and IP hosts (issue 19): the registrable domain of a host (Guava's
 * public suffix list, remembered), its first label, and the IP-literal, IP-named, private-address
 * and unusual-port hosts of links.
 */
final class MailDomains {

  private MailDomains() {}

  // the patterns of String.matches / replaceAll calls on hot paths, compiled once
  private static final Pattern IPV4_HOST = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
  private static final Pattern DECIMAL_HOST = Pattern.compile("\\d{8,10}");

  /**
   * The registrable domain by the Public Suffix List (example.co.jp), or the host itself. The rules
   * ask it of the same few hosts many times per message (each link's host by a dozen signs), so the
   * answers for hosts of at most {@link #REMEMBERED_HOST} characters are kept in {@link
   * #REGISTRABLE}.
   */
  static String registrable(String host) {
    if (host == null || host.isEmpty()) {
      return host;
    }
    if (host.length() > REMEMBERED_HOST) {
      return registrableOnce(host);
    }
    int hash = host.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (REGISTRABLE.length - 1);
    Registrable known = REGISTRABLE[slot];
    if (known != null && known.host().equals(host)) {
      return known.domain();
    }
    String domain = registrableOnce(host);
    REGISTRABLE[slot] = new Registrable(host, domain);
    return domain;
  }

  /** {@link #registrable}, worked out. */
  static String registrableOnce(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String plain = plainRegistrable(h);
    if (plain != null) {
      return plain;
    }
    return guavaRegistrable(h);
  }

  /** A host and its registrable domain. */
  private record Registrable(String host, String domain) {}

  /**
   * The last answers of {@link #registrable}, one per slot chosen by the host's hash (a later host
   * of the same slot replaces the earlier one): bounded at 1,024 hosts of at most {@link
   * #REMEMBERED_HOST} characters, whatever the mail. It is a pure function's table, shared by the
   * analyses of all threads: an entry is a record of final fields, so a thread reads either a whole
   * entry or none (then it works the answer out again). It holds host names of analysed mail and
   * nothing else, and no answer depends on which mail put an entry there.
   */
  private static final Registrable[] REGISTRABLE = new Registrable[1024];

  /** The longest host {@link #REGISTRABLE} keeps (the longest domain name DNS allows). */
  static final int REMEMBERED_HOST = 253;

  /** {@link #registrable} through Guava's {@code InternetDomainName}, for every host. */
  static String guavaRegistrable(String h) {
    try {
      InternetDomainName d = InternetDomainName.from(h);
      if (d.isUnderPublicSuffix()) {
        return d.topPrivateDomain().toString();
      }
      return h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return h.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * {@link #guavaRegistrable}'s answer for a host that is plainly a valid domain name in ASCII
   * (letters, digits and inner hyphens in labels of 1 to 63 characters, at most 127 labels and 253
   * characters, the last label not starting with a digit), found without building two {@code
   * InternetDomainName}s (splitting, validating and joining twice): the labels, lower-cased, are
   * looked up in the same Public Suffix List table Guava reads ({@code PublicSuffixPatterns.TRIE},
   * built once per JVM), and Guava's registrable domain is the label before the public suffix and
   * everything after it. Null for any other host (underscores, non-ASCII, full-width dots, empty or
   * over-long labels): Guava decides those. Agreement with Guava is tested on every host of the
   * test corpora and on random ones ({@code RegistrableTest}).
   */
  static String plainRegistrable(String h) {
    int n = h.length();
    if (n == 0 || n > 253) {
      return null;
    }
    List<String> labels = new java.util.ArrayList<>(6);
    boolean upper = false;
    int start = 0;
    for (int i = 0; i <= n; i++) {
      char c = i == n ? '.' : h.charAt(i);
      if (c == '.') {
        int length = i - start;
        if (length == 0
            || length > 63
            || h.charAt(start) == '-'
            || h.charAt(i - 1) == '-'
            || labels.size() == 127) {
          return null;
        }
        labels.add(h.substring(start, i));
        start = i + 1;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return null;
      }
    }
    char first = labels.get(labels.size() - 1).charAt(0);
    if (first >= '0' && first <= '9') {
      return null;
    }
    String lower = h;
    if (upper) {
      lower = h.toLowerCase(Locale.ROOT);
      for (int i = 0; i < labels.size(); i++) {
        labels.set(i, labels.get(i).toLowerCase(Locale.ROOT));
      }
    }
    int suffix =
        com.google.thirdparty.publicsuffix.PublicSuffixPatterns.TRIE.findSuffixIndex(labels);
    if (suffix <= 0) {
      // a public suffix itself, or no known suffix: not under one, the host as it is
      return lower;
    }
    int at = 0;
    for (int i = 0; i < suffix - 1; i++) {
      at += labels.get(i).length() + 1;
    }
    return lower.substring(at);
  }

  /** The first label of the registrable domain (paypal for www.paypal.co.jp). */
  static String label(String host) {
    String r = registrable(host);
    if (r == null) {
      return "";
    }
    int dot = r.indexOf('.');
    return dot < 0 ? r : r.substring(0, dot);
  }

  /**
   * A host name made of an IPv4 address, as hosting providers name their machines by default
   * (93.184.216.34.host.example.net, ec2-3-90-1-2.compute-1.amazonaws.com, ip-10-0-0-1): the server
   * of whoever rents it, a web site of nobody's, where a phishing kit is put up in minutes. An
   * address alone is {@link #isIpLiteral}.
   */
  static boolean ipNamedHost(String host) {
    return host != null && !isIpLiteral(host) && IP_NAMED_HOST.matcher(host).find();
  }

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";

  static final Pattern IP_NAMED_HOST =
      Pattern.compile(
          "(?:^|[.-])"
              + OCTET
              + "([.-])"
              + OCTET
              + "\\1"
              + OCTET
              + "\\1"
              + OCTET
              + "(?:[.-][a-z]|$)");

  /**
   * The e-mail address a link's fragment (after #) carries, plainly or in Base64
   * (https://host/login#user@example.com): the phishing kit's page reads it in the browser to show
   * the reader's own address on its fake sign-in form, and the fragment never reaches a server's
   * log. Null when the fragment holds none.
   */
  static String addressInFragment(String url) {
    int hash = url.indexOf('#');
    if (hash < 0 || hash == url.length() - 1) {
      return null;
    }
    String fragment = url.substring(hash + 1).replace("%40", "@");
    if (fragment.length() > 512) {
      return null;
    }
    Matcher m = FRAGMENT_ADDRESS.matcher(fragment);
    if (m.find()) {
      return m.group();
    }
    if (fragment.length() >= 8 && BASE64.matcher(fragment).matches()) {
      try {
        String plain =
            new String(
                java.util.Base64.getDecoder().decode(fragment.replace('-', '+').replace('_', '/')),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher d = FRAGMENT_ADDRESS.matcher(plain);
        if (d.matches()) {
          return d.group();
        }
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    return null;
  }

  private static final Pattern FRAGMENT_ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+");

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

  /**
   * An IP-literal host (isIpLiteral) that names a private, loopback, link-local or shared address
   * (10/8, 172.16/12, 192.168/16, 127/8, 169.254/16, 100.64/10, ::1, fe80::/10, fc00::/7): only
   * reachable inside a network. Decimal and other odd spellings are not internal.
   */
  static boolean internalIp(String host) {
    if (host == null) {
      return false;
    }
    String ip =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!(IPV4_HOST.matcher(ip).matches() || (host.startsWith("[") && ip.contains(":")))) {
      return false;
    }
    return MailStix.internal(ip) && !ip.equals("0.0.0.0") && validIp(ip);
  }

  private static boolean validIp(String ip) {
    try {
      jp.renkei.engine.observable.Observables.parse(
          ip.contains(":")
              ? jp.renkei.engine.observable.ObservableType.IPV6
              : jp.renkei.engine.observable.ObservableType.IPV4,
          ip);
      return true;
    } catch (jp.renkei.engine.observable.InvalidObservable e) {
      return false;
    }
  }

  static boolean isIpLiteral(String host) {
    return host != null
        && (IPV4_HOST.matcher(host).matches()
            || host.startsWith("[")
            || DECIMAL_HOST.matcher(host).matches());
  }
}
