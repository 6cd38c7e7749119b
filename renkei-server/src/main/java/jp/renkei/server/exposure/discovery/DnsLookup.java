package jp.renkei.server.exposure.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS questions of scope verification and discovery (dnsjava): TXT records, and the A and AAAA
 * addresses of a name — asked of one configured server (or the system's), without a cache, so a
 * verification sees the record as published now. Thread-safe.
 */
public final class DnsLookup {

  private final Resolver resolver;

  private DnsLookup(Resolver resolver) {
    this.resolver = resolver;
  }

  /** The configured server ({@code host[:port]}), or the system's resolver when blank. */
  static DnsLookup of(String server, Duration timeout) {
    try {
      SimpleResolver r;
      if (server == null || server.isBlank()) {
        r = new SimpleResolver();
      } else {
        int colon = server.lastIndexOf(':');
        boolean hasPort = colon > 0 && server.indexOf(':') == colon;
        r =
            new SimpleResolver(
                new InetSocketAddress(
                    InetAddress.getByName(hasPort ? server.substring(0, colon) : server),
                    hasPort ? Integer.parseInt(server.substring(colon + 1)) : 53));
      }
      r.setTimeout(timeout);
      return new DnsLookup(r);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("renkei.discovery.dns-server: " + e.getMessage(), e);
    }
  }

  /** A lookup asking the given server (a test's loopback server, an internal resolver). */
  public static DnsLookup at(InetSocketAddress server, Duration timeout) {
    SimpleResolver r = new SimpleResolver(server);
    r.setTimeout(timeout);
    return new DnsLookup(r);
  }

  private List<Record> ask(String name, int type) {
    try {
      Name n = Name.fromString(name.endsWith(".") ? name : name + ".");
      Message answer = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
      if (answer.getRcode() != Rcode.NOERROR) {
        return List.of();
      }
      return answer.getSection(Section.ANSWER);
    } catch (TextParseException e) {
      return List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The strings of the name's TXT records (each record's strings joined). */
  public List<String> txt(String name) {
    List<String> out = new ArrayList<>();
    for (Record r : ask(name, Type.TXT)) {
      if (r instanceof TXTRecord t) {
        out.add(String.join("", t.getStrings()));
      }
    }
    return out;
  }

  /** The name's IPv4 and IPv6 addresses (no CNAME chasing beyond what the server answers). */
  public List<InetAddress> addresses(String name) {
    List<InetAddress> out = new ArrayList<>();
    for (Record r : ask(name, Type.A)) {
      if (r instanceof ARecord a) {
        out.add(a.getAddress());
      }
    }
    for (Record r : ask(name, Type.AAAA)) {
      if (r instanceof AAAARecord a) {
        out.add(a.getAddress());
      }
    }
    return out;
  }
}
