package jp.renkei.engine.mail;

import java.util.Locale;

/**
 * What a quote does not vouch for (lists43, issue 19). A list answer that shows the conversation it
 * answers — a quoted line, an attribution, a quoting block ({@link MailRelayedPosts#readPart}) —
 * keeps the list's relief: members quote, discuss prices and deadlines, name companies and link
 * their pages. But the quote is the poster's to write: a lure with a thread's headers and "&gt; …"
 * under a made-up "… wrote:" line looks the same. What it cannot take from a member's answer is a
 * member's voice; its own part still asks to act as a lure does:
 *
 * <ul>
 *   <li>the author signs as a brand's desk ("DHL Express", "PayPal Service Team": {@link
 *       MailRelayedPosts#nameClaims}) from a domain that brand does not own — members are people,
 *       and a company's desk answering a thread writes from the company's domain;
 *   <li>a link whose words hide where it leads, to a host on none of the list's domains, that
 *       carries a recipient's or the list's address to the page (a kit filling in its victim), goes
 *       through a URL shortener, to hosting anyone can put a page on or to an IP address, or asks
 *       to log in on a host that is not the author's own.
 * </ul>
 *
 * Such an answer is read as its author's mail, as a post that starts no thread is. Links written
 * out (plain text, or words naming their host) keep the relief: members paste them.
 */
final class MailForgedQuotes {

  private MailForgedQuotes() {}

  /** Whether this answer's own part asks to act as a lure does, whatever it quotes. */
  static boolean asksAsALure(MailState st) {
    return desksName(st) || lureLink(st) != null;
  }

  /** The display name is a brand's desk that the From domain does not own. */
  static boolean desksName(MailState st) {
    if (st.fromName == null || st.senderDomain == null) {
      return false;
    }
    for (MailBrands.Brand b : MailRelayedPosts.nameClaims(st.fromName)) {
      if (!MailBrands.ownedBy(b, st.senderDomain)) {
        return true;
      }
    }
    return false;
  }

  /** The first link of the kinds above, or null. */
  static MailReport.Link lureLink(MailState st) {
    for (MailReport.Link l : st.links) {
      String h = MailLinks.host(l.url());
      if (h == null || MailLinks.addressShown(l, h) || !MailLinks.webLink(l.url())) {
        continue;
      }
      String reg = MailLinks.registrable(h);
      if (st.listDomains.contains(reg)) {
        continue;
      }
      if (MailDomains.addressInFragment(l.url()) != null
          || carriesAnAddress(l.url(), st)
          || MailHosts.SHORTENERS.contains(reg)
          || MailHosts.SHORTENERS.contains(h)
          || MailHosts.hostIn(h, MailHosts.ABUSED_HOSTING)
          || MailDomains.isIpLiteral(h)
          || MailDomains.ipNamedHost(h)
          || (st.loginLike(l) && !reg.equals(st.senderDomain))) {
        return l;
      }
    }
    return null;
  }

  /** The URL holds one of the message's recipients' addresses or the list's own. */
  static boolean carriesAnAddress(String url, MailState st) {
    if (url.indexOf('@') < 0 && url.indexOf('%') < 0) {
      return false;
    }
    String u = url.replace("%40", "@").replace("%2540", "@").toLowerCase(Locale.ROOT);
    for (String a : st.recipients) {
      if (u.contains(a.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    for (String a : st.listAddresses) {
      if (u.contains(a)) {
        return true;
      }
    }
    return false;
  }
}
