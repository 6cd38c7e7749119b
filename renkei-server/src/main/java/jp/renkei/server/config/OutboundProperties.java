package jp.renkei.server.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the hub may connect on a user's behalf (advisory webhooks set by organisation admins, TAXII
 * feeds set by platform admins). Every connection resolves the host once, checks every address it
 * resolved to, and connects to exactly those; every redirect is checked the same way. Refused
 * unless allowed here: loopback, link-local (169.254.0.0/16, fe80::/10), private (RFC 1918,
 * fc00::/7), shared (100.64.0.0/10), multicast, unspecified and reserved addresses, their
 * IPv4-mapped forms, and the hub's own addresses. See docs/security.md.
 *
 * @param allowRanges CIDR ranges (or single addresses) the hub may connect to although they are
 *     refused by default, e.g. {@code 10.20.0.0/16} for a partner hub on a private network (default
 *     none)
 * @param allowHttp whether plain {@code http://} destinations are accepted (default false: https
 *     only)
 * @param connectTimeout how long to wait for a connection (default 10s)
 * @param maxRedirects redirects followed per request, each checked as the first (default 3; 0
 *     follows none)
 * @param maxExchangeTime how long one request may take as a whole, redirects and the whole body
 *     included (default 10m): the read timeout bounds only the wait for each next byte, so a
 *     destination that trickles its answer a byte at a time is cut off here (feedpoll30)
 * @param dnsTimeout how long a name lookup may take (default 10s): the JDK resolver blocks its
 *     thread for as long as the system's resolver waits, so every lookup of the guard runs on a
 *     bounded pool and is given up after this (a monitor probe waits at most what is left of its
 *     attempt), the request failing with {@code name lookup of … did not answer within … s}
 *     (harden32)
 */
@Validated
@ConfigurationProperties("renkei.outbound")
public record OutboundProperties(
    @NotNull @DefaultValue({}) List<String> allowRanges,
    @DefaultValue("false") boolean allowHttp,
    @NotNull @DefaultValue("10s") Duration connectTimeout,
    @Min(0) @Max(10) @DefaultValue("3") int maxRedirects,
    @NotNull @DefaultValue("10m") Duration maxExchangeTime,
    @NotNull @DefaultValue("10s") Duration dnsTimeout) {

  /** Refuses a range that is not a literal CIDR at start-up, naming it. */
  public OutboundProperties {
    allowRanges = allowRanges == null ? List.of() : List.copyOf(allowRanges);
    if (maxExchangeTime == null || maxExchangeTime.isNegative() || maxExchangeTime.isZero()) {
      throw new IllegalArgumentException(
          "renkei.outbound.max-exchange-time: must be positive, was " + maxExchangeTime);
    }
    if (dnsTimeout == null || dnsTimeout.isNegative() || dnsTimeout.isZero()) {
      throw new IllegalArgumentException(
          "renkei.outbound.dns-timeout: must be positive, was " + dnsTimeout);
    }
    for (String r : allowRanges) {
      if (!r.isBlank()) {
        try {
          jp.renkei.engine.net.AddressPolicy.Range.parse(r);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("renkei.outbound.allow-ranges: " + e.getMessage(), e);
        }
      }
    }
  }
}
