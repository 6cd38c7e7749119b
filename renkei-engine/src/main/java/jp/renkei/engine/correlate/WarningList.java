package jp.renkei.engine.correlate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * Values that must not make correlations (MISP's warning lists): private and reserved address
 * ranges, very common domains, well-known hashes (the empty file). A domain entry covers its
 * subdomains and the URLs on them; a CIDR covers its addresses. Built on the matcher's own index,
 * so "covers" means what a match means.
 */
public final class WarningList {

  /** One entry: a value of an observable type, as an analyst writes it. */
  public record Entry(ObservableType type, String value) {}

  private final IndicatorIndex index;

  private WarningList(IndicatorIndex index) {
    this.index = index;
  }

  /** Entries that do not parse are skipped (the server validates them when they are added). */
  public static WarningList of(List<Entry> entries) {
    IndicatorIndex.Builder b = IndicatorIndex.builder(entries.size());
    int n = 0;
    for (Entry e : entries) {
      try {
        Observable o = Observables.parse(e.type(), e.value());
        b.add("warning-" + n++, o.type(), o.value());
      } catch (InvalidObservable ignored) {
        // not usable; validated on entry
      }
    }
    return new WarningList(b.build());
  }

  /** Whether a normalised observable value is covered by an entry. */
  public boolean covers(ObservableType type, String value) {
    return switch (type) {
      case DOMAIN -> domain(value);
      case URL -> {
        String host = host(value);
        yield host != null && (domain(host) || ip(host));
      }
      case IPV4 -> ip(value);
      case CIDR -> {
        int slash = value.indexOf('/');
        String network = slash < 0 ? value : value.substring(0, slash);
        yield network.contains(":") ? index.matchExact("ipv6-addr", network) >= 0 : ip(network);
      }
      default -> index.matchExact(type.code(), value) >= 0;
    };
  }

  private boolean domain(String host) {
    byte[] b = host.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return index.matchDomain(b, 0, b.length) >= 0;
  }

  private boolean ip(String text) {
    if (text.contains(":")) {
      return index.matchExact("ipv6-addr", text) >= 0;
    }
    String[] p = text.split("\\.", -1);
    if (p.length != 4) {
      return false;
    }
    int a = 0;
    for (String s : p) {
      int v;
      try {
        v = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        return false;
      }
      if (v < 0 || v > 255) {
        return false;
      }
      a = a << 8 | v;
    }
    return index.matchIpv4(a) >= 0;
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? null : h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
