package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import jp.renkei.server.config.SecurityProperties;
import org.junit.jupiter.api.Test;

/**
 * The per-address sign-in throttle against an attacker who changes address: an IPv6 client is given
 * a whole /64 (a home line or a rented server has 2^64 addresses), so counting failures per exact
 * address let it guess without end, a fresh address for every try. Failures are counted per IPv6
 * /64, and an IPv4 address written as IPv4-mapped IPv6 is the IPv4 address.
 */
class ClientThrottleTest {

  private static ClientThrottle throttle(int limit) {
    return new ClientThrottle(
        new SecurityProperties(
            5,
            Duration.ofMinutes(15),
            Duration.ofDays(90),
            limit,
            Duration.ofMinutes(10),
            12,
            null,
            Duration.ofDays(90),
            Duration.ofDays(365),
            false,
            "Renkei",
            Duration.ofMinutes(30)),
        Optional.empty());
  }

  @Test
  void aFreshAddressOfTheSameIpv6SlashSixtyFourIsThrottledToo() {
    ClientThrottle t = throttle(3);
    t.failure("2001:db8:1:2::a");
    t.failure("2001:db8:1:2:0:0:0:b");
    t.failure("2001:0db8:0001:0002:ffff:1234:5678:9abc");
    assertThat(t.blocked("2001:db8:1:2::a")).isTrue();
    assertThat(t.blocked("2001:db8:1:2:dead:beef:0:1")).isTrue();
    assertThat(t.blocked("2001:db8:1:3::a")).isFalse(); // the next /64 is someone else
  }

  @Test
  void ipv4CountsPerAddressWhateverItsNotation() {
    ClientThrottle t = throttle(2);
    t.failure("192.0.2.7");
    t.failure("::ffff:192.0.2.7");
    assertThat(t.blocked("192.0.2.7")).isTrue();
    assertThat(t.blocked("::ffff:c000:207")).isTrue();
    assertThat(t.blocked("192.0.2.8")).isFalse();
  }

  @Test
  void somethingThatIsNoAddressIsCountedAsItIs() {
    ClientThrottle t = throttle(1);
    t.failure("unix:/run/renkei.sock");
    assertThat(t.blocked("unix:/run/renkei.sock")).isTrue();
    assertThat(t.blocked("unix:/run/other.sock")).isFalse();
  }
}
