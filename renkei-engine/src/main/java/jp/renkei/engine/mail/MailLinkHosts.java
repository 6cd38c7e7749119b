package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The old tricks that write a link's host so that a reader, or a filter, does not see where it
 * leads (DISGUISED_LINK_HOST): a familiar name before an {@code @} that the browser takes for a
 * user name (http://www.bank.example@203.0.113.9/), a host spelled in percent-codes
 * (http://%77%77%77.evil.example/), or an IP address written as hexadecimal, octal or a short
 * dotted form (http://0xcb.0x0.0x71.0x9/). Mail written by people and by mailing software does not
 * write links like these; browsers still follow them.
 */
final class MailLinkHosts {

  private MailLinkHosts() {}

  /** Why a link's host is disguised, in English and Japanese. */
  record Disguise(String evidence, String evidenceJa) {}

  /** A domain name in the part before {@code @}: a label, a dot and a top-level-like word. */
  private static final Pattern DOMAIN_LIKE =
      Pattern.compile("(?i)(?:[a-z0-9-]+\\.){1,127}[a-z]{2,}(?![a-z0-9])");

  private static final Pattern PERCENT_CODE = Pattern.compile("%[0-9a-fA-F]{2}");

  /** One to four numeric parts, each decimal, octal (leading 0) or hexadecimal (0x). */
  private static final Pattern NUMERIC_HOST =
      Pattern.compile("(?i)(?:0x[0-9a-f]+|\\d+)(?:\\.(?:0x[0-9a-f]+|\\d+)){0,3}");

  /** At most this much of a link is read and shown (links in mail can be very long). */
  static final int MAX_SHOWN = 80;

  /** How the link's host is disguised, or null when it is written plainly. */
  static Disguise disguise(String url) {
    String lower = url.length() > 8 ? url.substring(0, 8).toLowerCase(Locale.ROOT) : "";
    int start = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
    if (start < 0) {
      return null;
    }
    int end = start;
    while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    String host = authority.substring(at + 1);
    if (at > 0) {
      String shown = decode(authority.substring(0, at));
      if (DOMAIN_LIKE.matcher(shown).find()) {
        String leads = cut(decode(host));
        return new Disguise(
            cut(url) + " (shows " + cut(shown) + ", leads to " + leads + ")",
            cut(url) + " (見た目は " + cut(shown) + "、実際の行き先は " + leads + ")");
      }
    }
    if (PERCENT_CODE.matcher(host).find()) {
      String decoded = cut(decode(host));
      return new Disguise(
          cut(url) + " (host in percent-codes: " + decoded + ")",
          cut(url) + " (ホスト名がパーセント符号で書かれています: " + decoded + ")");
    }
    int colon = host.indexOf(':');
    String name = colon >= 0 ? host.substring(0, colon) : host;
    String address = numericAddress(name);
    if (address != null) {
      return new Disguise(
          cut(url) + " (IP address " + address + " written as " + name + ")",
          cut(url) + " (IP アドレス " + address + " を " + name + " と書き換えたもの)");
    }
    return null;
  }

  /**
   * The dotted-decimal address a host written in another form means, the way browsers read it (each
   * part decimal, octal with a leading 0, or hexadecimal with 0x; the last part fills the remaining
   * bytes), or null when the host is a plain dotted-decimal address, a bare decimal number (counted
   * as an IP address link already), or no address at all.
   */
  static String numericAddress(String host) {
    if (host.isEmpty() || !NUMERIC_HOST.matcher(host).matches()) {
      return null;
    }
    String[] parts = host.split("\\.");
    boolean plain = true;
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].toLowerCase(Locale.ROOT);
      int radix = 10;
      String digits = p;
      if (p.startsWith("0x")) {
        radix = 16;
        digits = p.substring(2);
        plain = false;
      } else if (p.length() > 1 && p.startsWith("0")) {
        radix = 8;
        digits = p.substring(1);
        plain = false;
      }
      if (digits.isEmpty()) {
        digits = "0";
      }
      if (digits.length() > 12) {
        return null;
      }
      try {
        values[i] = Long.parseLong(digits, radix);
      } catch (NumberFormatException e) {
        return null; // an 8 or 9 in an octal part: not an address
      }
    }
    if (plain && (parts.length == 4 || parts.length == 1)) {
      return null;
    }
    long address = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        return null;
      }
      address = (address << 8) | values[i];
    }
    int rest = 4 - (parts.length - 1);
    long last = values[parts.length - 1];
    if (last >= (1L << (8 * rest))) {
      return null;
    }
    address = (address << (8 * rest)) | last;
    return ((address >> 24) & 255)
        + "."
        + ((address >> 16) & 255)
        + "."
        + ((address >> 8) & 255)
        + "."
        + (address & 255);
  }

  /** Percent-codes decoded byte by byte as Latin-1 (enough to show a host), the rest kept. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int high = hex(s.charAt(i + 1));
        int low = hex(s.charAt(i + 2));
        if (high >= 0 && low >= 0) {
          out.append((char) (high * 16 + low));
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  private static String cut(String s) {
    return jp.renkei.engine.text.Names.cut(s, MAX_SHOWN);
  }
}
