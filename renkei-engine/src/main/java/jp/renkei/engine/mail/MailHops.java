package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailDomains.registrable;

import java.util.List;
import java.util.Locale;

/**
 * The receiver's own Received hops and the hop that handed the message to the receiver (issue 19):
 * the one reading of the trace that {@link MailEnvelope#writtenByLastSender}, {@link
 * MailEnvelope#isBoundary} and {@link MailListResigned#handedBy} share.
 *
 * <p>Each server prepends its Received header (RFC 5321 §4.4), so the trace is read from the top:
 * the top hop was written by the reader's last server, and every header below it by the host the
 * header above names as its sender ("from"). A header can be believed only while the hosts that
 * wrote it belong to the receiver's own administrative domain (RFC 8601 §5: only one's own ADMD's
 * results and trace are trusted); the first hop whose sender is outside was written by the
 * receiver's boundary server and names the host that handed the message in. Everything below it was
 * written by hosts outside, the sender's own or forged, and is never read here.
 *
 * <p>A hop is <b>internal</b> (the receiver's own) when its sending host is the receiver's:
 *
 * <ul>
 *   <li>its "from" host is in the receiver's registrable domain (an inner relay, the boundary
 *       handing to the mailbox server, or the reader's own delivery to the mailbox, "from
 *       mail.lfdr.de by lfdr with LMTP"), whatever its "by" says (Microsoft 365 names the same host
 *       *.prod.outlook.com in one hop and *.outlook.office365.com in the next); or
 *   <li>it names no sending host and its "by" is the receiver's (in its registrable domain, or a
 *       local name: without a dot or an address, as Google's "by 2002:a05:…" and "by
 *       10.143.160.8"): a server's own pickup or filter step; or
 *   <li>every address it records is a loopback address (127.0.0.0/8, ::1): a content filter on the
 *       same machine handing the message back ("from localhost (localhost [127.0.0.1])").
 * </ul>
 *
 * <p>A sending host without a dot that is not loopback ("from unknown", a bare HELO name) is not
 * the receiver's: it stops the walk, so a boundary that could not name its peer never lets a header
 * written below it be believed.
 *
 * <p>The "from" name is the one the peer gave (HELO), which any sender may choose, and the walk
 * goes by it: a receiver's own servers at a hosting provider carry the provider's reverse names
 * ("from hotel.example.com (23-95-222-152-host.colocrossing.com [23.95.222.152] (may be forged))"),
 * which no header tells from a sender's. Where the receiving host's own record of the connection
 * contradicts the name ({@link #contradicted}), {@link #vouched} is false, and the one thing that
 * would let a lower header outweigh the receiver's own, its boundary server's results ({@link
 * MailEnvelope#isBoundary}), may only fill in what the receiver's own results left out (attack39: a
 * sender greeting with the receiver's boundary's name had the Authentication-Results it wrote below
 * believed over the receiver's real failure).
 */
final class MailHops {

  private MailHops() {}

  /**
   * The index in {@code hops} (top first) of the hop that handed the message to the receiver of
   * registrable domain {@code own}: the first that is not {@link #internal}; -1 when every hop is
   * internal or {@code own} is null.
   */
  static int handedIn(List<MailReport.Hop> hops, String own) {
    if (own == null) {
      return -1;
    }
    for (int k = 0; k < hops.size(); k++) {
      if (!internal(hops.get(k), own)) {
        return k;
      }
    }
    return -1;
  }

  /** Whether {@code hop} is the receiver's own, its domain being {@code own} (class javadoc). */
  static boolean internal(MailReport.Hop hop, String own) {
    if (hop.from() == null) {
      return hop.by() != null && (localName(hop.by()) || own.equals(domainOf(hop.by())));
    }
    return (dotted(hop.from()) && own.equals(domainOf(hop.from()))) || loopback(hop.ips());
  }

  /**
   * Whether none of the first {@code k} hops (the receiver's internal ones above the handing hop)
   * is {@link #contradicted} by its receiving host's own record, the receiver's domain being {@code
   * own}: only then may a header written below them be the receiver's boundary's.
   */
  static boolean vouched(List<MailReport.Hop> hops, int k, String own) {
    for (int i = 0; i < k && i < hops.size(); i++) {
      if (contradicted(hops.get(i), own)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the receiving host's own record of the connection says the sender of {@code hop} is not
   * of domain {@code own}, whatever name it gave: a reverse name outside {@code own}, "unknown" (no
   * reverse name found) or "may be forged" (sendmail's mark for a name that does not match the
   * address), unless every address the hop records is private or loopback (a relay inside the
   * receiver's own network, whose reverse names are often the network's, not the domain's).
   */
  static boolean contradicted(MailReport.Hop hop, String own) {
    String peer = hop.peer();
    if (peer == null || (!hop.ips().isEmpty() && hop.ips().stream().allMatch(MailStix::internal))) {
      return false;
    }
    return peer.equals(FORGED)
        || peer.equals("unknown")
        || (dotted(peer) && !own.equals(domainOf(peer)));
  }

  /** {@link MailReport.Hop#peer} of a header whose receiver marked the sender's name as forged. */
  static final String FORGED = "(may be forged)";

  /**
   * The name a receiving host recorded for its peer, read from what a Received header writes
   * between the sender's given name and "by" ({@code between}): Postfix's, sendmail's and Google's
   * "(PEER [address])" (a trailing dot dropped), "unknown" when it found no reverse name, {@link
   * #FORGED} when sendmail marked the name "may be forged"; null when it recorded none (Exim and
   * Microsoft write the address alone, or the checked name first and the HELO after "helo=").
   */
  static String peer(String between) {
    if (between == null) {
      return null;
    }
    if (between.toLowerCase(Locale.ROOT).contains("may be forged")) {
      return FORGED;
    }
    java.util.regex.Matcher m = PEER.matcher(between);
    if (!m.lookingAt()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static final java.util.regex.Pattern PEER =
      java.util.regex.Pattern.compile("\\s*\\(\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s+\\[");

  /**
   * The receiver's registrable domain as its own top hops name it: the first "by" from the top that
   * is no {@link #localName}, or, above it, the sending host of a delivery under a local name
   * ("from mail.lfdr.de by lfdr": the reader's MTA handing the message to its mailbox); by-only
   * hops under a local name (Google's "by 2002:a05:…", "by 10.143.160.8") are passed over. Null
   * when the top hops name no such host.
   */
  static String receiverOf(List<MailReport.Hop> hops) {
    for (MailReport.Hop h : hops) {
      if (h.by() == null) {
        return null;
      }
      if (!localName(h.by())) {
        return domainOf(h.by());
      }
      if (h.from() != null) {
        return dotted(h.from()) ? domainOf(h.from()) : null;
      }
    }
    return null;
  }

  /** The registrable domain of a host name as written in a Received header (any case). */
  static String domainOf(String host) {
    return registrable(host.toLowerCase(Locale.ROOT));
  }

  /** Whether a host name has a dot after its first character (a domain, not a local name). */
  static boolean dotted(String host) {
    return host != null && host.indexOf('.') > 0;
  }

  /**
   * Whether a receiving host is written as a local name: without a dot ("lfdr", Google's IPv6
   * "2002:a05:6a10:…"), or as an IPv4 address (Google's older "by 10.143.160.8 with SMTP id").
   */
  static boolean localName(String by) {
    return !dotted(by) || IPV4.matcher(by).matches();
  }

  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile("\\[?\\d{1,3}(?:\\.\\d{1,3}){3}\\]?");

  static boolean loopback(List<String> ips) {
    if (ips.isEmpty()) {
      return false;
    }
    for (String ip : ips) {
      if (!ip.startsWith("127.") && !ip.equals("::1")) {
        return false;
      }
    }
    return true;
  }
}
