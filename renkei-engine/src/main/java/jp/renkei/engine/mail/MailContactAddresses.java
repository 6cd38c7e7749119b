package jp.renkei.engine.mail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses a message's {@code mailto:} links write to, and which of them are an indicator
 * (ux40): a callback lure whose only links are {@code mailto:} a Gmail address has its reader write
 * there, and the report listed neither link nor address. An address at a free-mail domain ({@link
 * MailHosts#FREEMAIL}) or at a domain a look-alike sign named is the attacker's mailbox; a
 * company's own {@code mailto:support@…} is no indicator, nor is a recipient's own address. Read
 * from the HTML's anchors; the signs do not read them (nothing judged changes).
 */
final class MailContactAddresses {

  private MailContactAddresses() {}

  /** Addresses kept from one message's mailto: links, at most. */
  static final int MAX = 20;

  private static final Pattern ADDRESS =
      Pattern.compile("[a-z0-9!#$%&'*+/=^_`{|}~.-]++@[a-z0-9](?:[a-z0-9-]*+\\.)++[a-z]{2,63}");

  /** Keeps the addresses of one {@code mailto:} link ({@code href} as written). */
  static void mailto(String href, MailState st) {
    if (href.length() < 8 || !href.regionMatches(true, 0, "mailto:", 0, 7)) {
      return;
    }
    String to = href.substring(7);
    int query = to.indexOf('?');
    if (query >= 0) {
      to = to.substring(0, query);
    }
    try {
      to = URLDecoder.decode(to.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a broken %-escape: the address as written
    }
    for (String one : to.split("[,;]")) {
      String a = one.strip().toLowerCase(Locale.ROOT);
      if (st.mailto.size() >= MAX) {
        return;
      }
      if (ADDRESS.matcher(a).matches()) {
        st.mailto.add(a);
      }
    }
  }

  /**
   * The mailto: addresses that are an indicator: at a free-mail domain or at one a {@link
   * RedFlag#LOOKALIKE_DOMAIN} finding names, none of the message's recipients.
   */
  static List<String> shared(MailState st) {
    List<String> out = new ArrayList<>();
    for (String a : st.mailto) {
      String domain = a.substring(a.lastIndexOf('@') + 1);
      String registrable = MailDomains.registrable(domain);
      boolean free =
          MailHosts.FREEMAIL.contains(domain)
              || (registrable != null && MailHosts.FREEMAIL.contains(registrable));
      boolean lookalike =
          st.findings.stream()
              .anyMatch(
                  f ->
                      f.flag() == RedFlag.LOOKALIKE_DOMAIN && namesLookalike(f.evidence(), domain));
      if ((free || lookalike)
          && st.recipients.stream().noneMatch(a::equalsIgnoreCase)
          && st.forwardedAddresses.stream().noneMatch(a::equalsIgnoreCase)
          && st.deliveredTo.stream().noneMatch(a::equalsIgnoreCase)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Whether a LOOKALIKE_DOMAIN evidence names {@code domain} as the look-alike: as a host (not
   * inside a longer name, nor as a mailbox's local part, "paypal.com@evil.example") in what it says
   * before " ≈ ", the imitated domain or brand being written after it
   * ("https://sakura-bannk.example/ ≈ www.sakura-bank.co.jp"): the genuine domain's address is no
   * indicator (attack41).
   */
  static boolean namesLookalike(String evidence, String domain) {
    String e = evidence.toLowerCase(Locale.ROOT);
    int same = e.indexOf(" ≈ ");
    String side = same < 0 ? e : e.substring(0, same);
    for (int at = side.indexOf(domain); at >= 0; at = side.indexOf(domain, at + 1)) {
      int end = at + domain.length();
      boolean startsHost = at == 0 || !hostChar(side.charAt(at - 1)) || side.charAt(at - 1) == '.';
      boolean endsHost =
          end == side.length()
              || (!hostChar(side.charAt(end))
                  && side.charAt(end) != '.'
                  && side.charAt(end) != '@');
      if (startsHost && endsHost) {
        return true;
      }
    }
    return false;
  }

  private static boolean hostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }
}
