package jp.renkei.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  static final AddressPolicy STRICT = new AddressPolicy(List.of(), List.of());

  static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByAddress(AddressPolicy.literal(literal));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "169.254.169.254",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "64:ff9b::a9fe:a9fe",
        "2002:0a00:0001::1"
      })
  void refusesInternalAddressesInEveryForm(String literal) throws Exception {
    assertThat(STRICT.refusal(ip(literal))).as(literal).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.113.10",
        "8.8.8.8",
        "172.32.0.1",
        "100.128.0.1",
        "2001:db8::1",
        "2606:4700::1111",
        "::ffff:8.8.8.8"
      })
  void allowsPublicAddresses(String literal) throws Exception {
    assertThat(STRICT.refusal(ip(literal))).as(literal).isEmpty();
  }

  @Test
  void namesWhyAnAddressIsRefused() throws Exception {
    assertThat(STRICT.refusal(ip("169.254.169.254"))).contains("link-local");
    assertThat(STRICT.refusal(ip("100.64.1.1"))).contains("shared (CGNAT)");
    assertThat(STRICT.refusal(ip("::ffff:192.168.0.1")).orElseThrow()).startsWith("private");
    assertThat(STRICT.refusal(ip("64:ff9b::c0a8:1"))).contains("private (in IPv6 form)");
  }

  @Test
  void anAllowedRangeWinsOverEveryRefusal() throws Exception {
    AddressPolicy p =
        new AddressPolicy(
            List.of(
                AddressPolicy.Range.parse("127.0.0.1"), AddressPolicy.Range.parse("10.20.0.0/16")),
            List.of(ip("10.20.0.5")));
    assertThat(p.refusal(ip("127.0.0.1"))).isEmpty();
    assertThat(p.refusal(ip("127.0.0.2"))).contains("loopback");
    assertThat(p.refusal(ip("10.20.30.40"))).isEmpty();
    assertThat(p.refusal(ip("10.20.0.5"))).isEmpty();
    assertThat(p.refusal(ip("10.21.0.1"))).contains("private");
  }

  @Test
  void refusesTheHubsOwnAddresses() throws Exception {
    AddressPolicy p = new AddressPolicy(List.of(), List.of(ip("203.0.113.7")));
    assertThat(p.refusal(ip("203.0.113.7"))).contains("an address of this hub");
    assertThat(p.refusal(ip("203.0.113.8"))).isEmpty();
  }

  @Test
  void rangesParseOnlyLiteralAddresses() {
    assertThat(AddressPolicy.Range.parse("192.168.0.0/16").toString()).isEqualTo("192.168.0.0/16");
    assertThat(AddressPolicy.Range.parse("[fd00::]/8").prefix()).isEqualTo(8);
    assertThat(AddressPolicy.Range.parse("10.0.0.1").prefix()).isEqualTo(32);
    assertThatThrownBy(() -> AddressPolicy.Range.parse("example.org/8"))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> AddressPolicy.Range.parse("10.0.0.0/33"))
        .hasMessageContaining("prefix out of range");
    assertThatThrownBy(() -> AddressPolicy.Range.parse("10.0.0/8"))
        .hasMessageContaining("not an IP address");
  }
}
