package jp.renkei.engine.discovery;

import java.net.IDN;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.engine.notice.Cidr;

/**
 * An organisation's <em>verified</em> scope, and the one gate every probe passes: discovery may
 * touch an address only when a verified range holds it, and a name only when it is in a verified
 * domain <em>and</em> every address it resolves to is in a verified range (a name of one's own
 * domain pointed at someone else's server is refused). Declared but unverified ranges and domains
 * are simply not in here. Immutable and thread-safe.
 *
 * <p>The only way to obtain an {@link Admitted} target, which is what {@link Probes} accepts.
 */
public final class Scope {

  private final long organisationId;
  private final List<Cidr> ranges;
  private final List<String> domains;

  /**
   * @param ranges verified ranges
   * @param domains verified domains (a domain includes its subdomains)
   */
  public Scope(long organisationId, List<Cidr> ranges, List<String> domains) {
    this.organisationId = organisationId;
    this.ranges = List.copyOf(ranges);
    this.domains = domains.stream().map(Scope::normalise).toList();
  }

  public long organisationId() {
    return organisationId;
  }

  public List<Cidr> ranges() {
    return ranges;
  }

  public List<String> domains() {
    return domains;
  }

  /** Lower-case ASCII (IDNA) form without a trailing dot. */
  public static String normalise(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    return IDN.toASCII(n, IDN.USE_STD3_ASCII_RULES);
  }

  /** Whether the name is one of the verified domains or below one. */
  public boolean inDomains(String name) {
    String n;
    try {
      n = normalise(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (String d : domains) {
      if (n.equals(d) || n.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  public boolean inRanges(InetAddress a) {
    for (Cidr r : ranges) {
      if (r.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** An address to probe, or why not. */
  public Verdict admit(InetAddress address) {
    if (!inRanges(address)) {
      return Verdict.refused(address.getHostAddress() + " is outside the verified ranges");
    }
    return Verdict.admitted(new Admitted(organisationId, null, address));
  }

  /** A name and one of its resolved addresses to probe, or why not. */
  public Verdict admit(String name, List<InetAddress> resolved) {
    if (!inDomains(name)) {
      return Verdict.refused(name + " is outside the verified domains");
    }
    if (resolved.isEmpty()) {
      return Verdict.refused(name + " has no address");
    }
    for (InetAddress a : resolved) {
      if (!inRanges(a)) {
        return Verdict.refused(
            name + " resolves to " + a.getHostAddress() + ", outside the verified ranges");
      }
    }
    return Verdict.admitted(new Admitted(organisationId, normalise(name), resolved.get(0)));
  }

  /** The answer of the gate: an admitted target, or the reason it was refused. */
  public record Verdict(Optional<Admitted> target, String refusal) {
    static Verdict admitted(Admitted a) {
      return new Verdict(Optional.of(a), null);
    }

    static Verdict refused(String why) {
      return new Verdict(Optional.empty(), why);
    }

    public boolean allowed() {
      return target.isPresent();
    }
  }
}
