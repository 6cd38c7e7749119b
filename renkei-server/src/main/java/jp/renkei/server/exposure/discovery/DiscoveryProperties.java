package jp.renkei.server.exposure.discovery;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scope verification and discovery (issue 16). See docs/notice.md.
 *
 * @param dnsServer the DNS server for TXT verification and name resolution ({@code host} or {@code
 *     host:port}); empty: the system's resolver
 * @param ratePerSecond polite rate: connections per second of one discovery run (default 5)
 * @param timeout connect and read timeout of each probe (default 3s)
 * @param attemptDeadline of each probe attempt as a whole: connect, TLS handshake and banner read
 *     (default 10s); a service that trickles its banner or handshake is cut off there and the
 *     asset's facts say so (harden33)
 * @param ports ports of the TCP connect check (common services)
 * @param tlsPorts ports where a TLS handshake is tried for certificate names and expiry
 * @param discoveryDays days between discovery runs (names, certificates) of an organisation, BOD
 *     23-01: 7
 * @param enumerationDays days between enumeration runs (ports, service facts), BOD 23-01: 14
 * @param maxAddressesPerRange a verified range larger than this is not enumerated (default 4096)
 * @param maxNames names followed in one discovery run at most (default 1000)
 * @param schedule whether the hub runs discovery on its cadence (default true)
 */
@Validated
@ConfigurationProperties("renkei.discovery")
public record DiscoveryProperties(
    @DefaultValue("") String dnsServer,
    @DecimalMin("0.1") @DecimalMax("1000") @DefaultValue("5") double ratePerSecond,
    @DefaultValue("3s") Duration timeout,
    @DefaultValue({
          "21", "22", "23", "25", "53", "80", "110", "143", "443", "445", "465", "587", "993",
          "995", "1723", "3306", "3389", "5432", "5900", "8080", "8443"
        })
        List<Integer> ports,
    @DefaultValue({"443", "465", "993", "995", "8443"}) List<Integer> tlsPorts,
    @Min(1) @Max(365) @DefaultValue("7") int discoveryDays,
    @Min(1) @Max(365) @DefaultValue("14") int enumerationDays,
    @Min(1) @Max(1_048_576) @DefaultValue("4096") int maxAddressesPerRange,
    @Min(1) @Max(100_000) @DefaultValue("1000") int maxNames,
    @DefaultValue("true") boolean schedule,
    @DefaultValue("10s") Duration attemptDeadline) {}
