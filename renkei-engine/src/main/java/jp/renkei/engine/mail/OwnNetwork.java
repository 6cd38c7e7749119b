package jp.renkei.engine.mail;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import jp.renkei.engine.notice.Cidr;

/**
 * The analysing organisation's own network as its directory entry gives it: the IPv4 and IPv6
 * ranges its servers send and receive from ({@code identity.ipRanges}), and its domains. An input
 * to the analysis from outside the message, because one question about a message cannot be answered
 * from the message: whether a server that greeted the receiver's top server with a name in the
 * receiver's domain, under a reverse name elsewhere ({@link MailHops#contradicted}), was the
 * receiver's own boundary server (at a hosting provider) or a sender outside writing forged
 * "boundary" Received and Authentication-Results headers below its hop (attack39, attack40,
 * attack41; docs/security.md). The address the receiver's server recorded for that hop tells them
 * apart where the receiver's ranges are known.
 *
 * <p>{@link #UNKNOWN} (no ranges: the command line, the bench, an organisation whose directory
 * entry has none) leaves the analysis exactly as it is without this input. With ranges, a
 * contradicted boundary hop of a receiver in the organisation's domains (of every receiver, when it
 * names no domain) is believed only when every address it recorded is in the ranges; otherwise the
 * results written below it are not read at all. A message received at another organisation's server
 * (a sample a secretariat analyses for a member) is judged as without ranges: this organisation's
 * ranges say nothing about that receiver.
 *
 * <p>Immutable and thread-safe.
 */
public final class OwnNetwork {

  /** No ranges known: the analysis as it is without them. */
  public static final OwnNetwork UNKNOWN = new OwnNetwork(List.of(), List.of());

  /** At most this many ranges and domains each (a directory entry holds far fewer). */
  public static final int MAX_VALUES = 1000;

  private final List<Cidr> ranges;
  private final List<String> domains;

  private OwnNetwork(List<Cidr> ranges, List<String> domains) {
    this.ranges = ranges;
    this.domains = domains;
  }

  /**
   * The network of {@code ranges} (CIDR literals, {@code 192.0.2.0/24}; a single address is one
   * host) and {@code domains} (the organisation's domains; none for every receiver). No range gives
   * {@link #UNKNOWN}, whatever the domains.
   *
   * @throws IllegalArgumentException naming the value that is no CIDR range, or when there are more
   *     than {@link #MAX_VALUES} of either
   */
  public static OwnNetwork of(Collection<String> ranges, Collection<String> domains) {
    List<String> r = ranges == null ? List.of() : List.copyOf(ranges);
    List<String> d = domains == null ? List.of() : List.copyOf(domains);
    if (r.size() > MAX_VALUES || d.size() > MAX_VALUES) {
      throw new IllegalArgumentException(
          "more than " + MAX_VALUES + " ranges or domains for the analysing organisation");
    }
    List<Cidr> parsed = new ArrayList<>();
    for (String s : r) {
      if (s == null || s.isBlank()) {
        continue;
      }
      try {
        parsed.add(Cidr.parse(s));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "own range \"" + clip(s) + "\" is no CIDR range: " + e.getMessage(), e);
      }
    }
    if (parsed.isEmpty()) {
      return UNKNOWN;
    }
    List<String> own = new ArrayList<>();
    for (String s : d) {
      if (s != null && !s.isBlank()) {
        String host = s.strip().toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        own.add(MailDomains.registrable(host));
      }
    }
    return new OwnNetwork(List.copyOf(parsed), List.copyOf(own));
  }

  /** Whether any range is known (else the analysis is as without this input). */
  public boolean known() {
    return !ranges.isEmpty();
  }

  /**
   * Whether these ranges speak for a receiver of registrable domain {@code receiver}: ranges are
   * known, and the organisation names no domain or names {@code receiver}'s.
   */
  boolean speaksFor(String receiver) {
    return known() && (domains.isEmpty() || (receiver != null && domains.contains(receiver)));
  }

  /**
   * The receiver's own servers' word on the first {@code k} hops (the receiver's internal ones
   * above the hop that handed the message in, its domain being {@code own}): {@link Word#UNSAID}
   * when the ranges do not speak for this receiver ({@link #speaksFor}) or no hop is {@link
   * MailHops#contradicted}; else {@link Word#OWN} when every contradicted hop came from an address
   * in the ranges ({@link #fromOwn}), {@link Word#OUTSIDE} when one did not.
   */
  Word boundary(List<MailReport.Hop> hops, int k, String own) {
    if (!speaksFor(own)) {
      return Word.UNSAID;
    }
    Word word = Word.UNSAID;
    for (int i = 0; i < k && i < hops.size(); i++) {
      if (MailHops.contradicted(hops.get(i), own)) {
        if (!fromOwn(hops.get(i))) {
          return Word.OUTSIDE;
        }
        word = Word.OWN;
      }
    }
    return word;
  }

  /** What the ranges say of a receiver's contradicted boundary hops. */
  enum Word {
    /** Nothing: no ranges for this receiver, or no hop contradicted. */
    UNSAID,
    /** Every contradicted hop came from the organisation's own ranges: its own servers. */
    OWN,
    /** A contradicted hop came from outside the ranges: not the receiver's boundary. */
    OUTSIDE
  }

  /**
   * Whether the receiving server recorded {@code hop}'s peer at an address in the ranges: of the
   * addresses the hop records, those the peer did not give itself as its HELO name ({@code from
   * [192.0.2.5]} is the sender's word) are one at least in the ranges and every other one in them
   * or private (a receiving server's own inside address written after "by"). An address that does
   * not parse as a literal is outside.
   */
  boolean fromOwn(MailReport.Hop hop) {
    String helo = hop.from() == null ? "" : hop.from().toLowerCase(Locale.ROOT);
    boolean inRange = false;
    for (String ip : hop.ips()) {
      if (helo.contains(ip.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (holds(ip)) {
        inRange = true;
      } else if (!MailStix.internal(ip)) {
        return false;
      }
    }
    return inRange;
  }

  private boolean holds(String ip) {
    InetAddress a;
    try {
      a = Cidr.address(ip.startsWith("IPv6:") || ip.startsWith("ipv6:") ? ip.substring(5) : ip);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (Cidr c : ranges) {
      if (c.contains(a)) {
        return true;
      }
    }
    return false;
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  @Override
  public String toString() {
    return "OwnNetwork" + ranges + domains;
  }
}
