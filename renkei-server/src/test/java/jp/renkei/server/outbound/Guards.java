package jp.renkei.server.outbound;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import jp.renkei.server.config.OutboundProperties;

/** Outbound guards for tests of other packages, with the name lookup given. */
public final class Guards {

  private Guards() {}

  /** A guard allowing 127.0.0.1 and http, names looked up by {@code lookup}. */
  public static OutboundHttp withLookup(
      Function<String, InetAddress[]> lookup, Duration dnsTimeout) {
    Duration t = Duration.ofSeconds(5);
    return new OutboundHttp(
        new OutboundProperties(
            List.of("127.0.0.1/32"), true, t, 3, Duration.ofMinutes(10), dnsTimeout),
        Set.of(),
        lookup);
  }
}
