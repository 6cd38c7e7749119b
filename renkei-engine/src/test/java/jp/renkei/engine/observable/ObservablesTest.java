package jp.renkei.engine.observable;

import static jp.renkei.engine.observable.ObservableType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservablesTest {

  @ParameterizedTest
  @CsvSource({
    "ipv4-addr, 192.0.2.1, 192.0.2.1",
    "ipv4-addr, 203.0.113[.]7, 203.0.113.7",
    "ipv6-addr, 2001:DB8:0:0:0:0:0:1, 2001:db8::1",
    "ipv6-addr, 2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "ipv6-addr, ::1, ::1",
    "ipv6-addr, ::ffff:192.0.2.1, ::ffff:192.0.2.1",
    "cidr, 192.0.2.77/24, 192.0.2.0/24",
    "cidr, 2001:db8::1/32, 2001:db8::/32",
    "cidr, 10.0.0.1/32, 10.0.0.1/32",
    "domain-name, Evil.Example.COM., evil.example.com",
    "domain-name, xn--eckwd4c7c.xn--zckzah, xn--eckwd4c7c.xn--zckzah",
    "domain-name, c2[.]example(.)net, c2.example.net",
    "url, hxxp://Bad.Example[.]com/a/b?x=1#f, http://bad.example.com/a/b?x=1#f",
    "url, https://[2001:DB8::1]:8443/p, https://[2001:db8::1]:8443/p",
    "url, http://198.51.100.5:8080, http://198.51.100.5:8080",
    "email-addr, Attacker[@]Phish.Example, Attacker@phish.example",
    "md5, D41D8CD98F00B204E9800998ECF8427E, d41d8cd98f00b204e9800998ecf8427e",
    "sha256, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  })
  void normalisesValidValues(String type, String input, String expected) {
    ObservableType t = ObservableType.fromCode(type).orElseThrow();
    Observable o = Observables.parse(t, input);
    assertThat(o.value()).isEqualTo(expected);
    assertThat(o.original()).isEqualTo(input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ipv4-addr | 256.1.1.1 | dotted-quad",
        "ipv4-addr | 1.2.3 | dotted-quad",
        "ipv4-addr | 01.2.3.4 | dotted-quad",
        "ipv4-addr | 1.2.3.4.5 | dotted-quad",
        "ipv6-addr | 2001:db8::zz | IPv6",
        "ipv6-addr | fe80::1%eth0 | IPv6",
        "ipv6-addr | example.com | IPv6",
        "cidr | 10.0.0.0 | missing '/prefix'",
        "cidr | 10.0.0.0/33 | 0 to 32",
        "cidr | 2001:db8::/129 | 0 to 128",
        "cidr | host/24 | neither IPv4 nor IPv6",
        "domain-name | -bad.example | labels",
        "domain-name | bad..example | labels",
        "domain-name | 例え.テスト | punycode",
        "domain-name | 192.0.2.1 | an IP address",
        "domain-name | 999.1.1.1 | all digits",
        "url | example.com/path | no scheme",
        "url | http://exa mple.com/ | spaces",
        "url | http://bad_host!/ | neither a domain",
        "url | http://example.com:99999/ | port out of range",
        "email-addr | no-at-sign.example | local-part@domain",
        "email-addr | a@-bad.example | not a domain",
        "md5 | xyz | 32 hexadecimal",
        "sha1 | d41d8cd98f00b204e9800998ecf8427e | 40 hexadecimal",
      })
  void rejectsInvalidValuesSayingWhy(String type, String input, String reason) {
    ObservableType t = ObservableType.fromCode(type).orElseThrow();
    assertThatThrownBy(() -> Observables.parse(t, input))
        .isInstanceOf(InvalidObservable.class)
        .hasMessageContaining(type)
        .hasMessageContaining(reason);
  }

  @Test
  void emptyAndOversizedValuesAreRefused() {
    assertThatThrownBy(() -> Observables.parse(DOMAIN, "  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Observables.parse(URL, "http://a.example/" + "x".repeat(3000)))
        .hasMessageContaining("longer than 2048");
  }

  @Test
  void detectsTheTypeOfPastedValues() {
    assertThat(Observables.detect("198.51.100.9")).hasValue(IPV4);
    assertThat(Observables.detect("198.51.100.0/24")).hasValue(CIDR);
    assertThat(Observables.detect("2001:db8::5")).hasValue(IPV6);
    assertThat(Observables.detect("hxxps://x.example/login")).hasValue(URL);
    assertThat(Observables.detect("ceo@corp.example")).hasValue(EMAIL);
    assertThat(Observables.detect("d41d8cd98f00b204e9800998ecf8427e")).hasValue(MD5);
    assertThat(Observables.detect("da39a3ee5e6b4b0d3255bfef95601890afd80709")).hasValue(SHA1);
    assertThat(Observables.detect("update-check.example[.]org")).hasValue(DOMAIN);
    assertThat(Observables.detect("not an indicator")).isEmpty();
    assertThat(Observables.detect("localhost")).isEmpty();
    assertThat(Observables.detect("999.1.1.1")).isEmpty();
  }

  @Test
  void neverResolvesNamesWhileParsing() {
    // a name that would hang or leak a DNS query if it were looked up
    assertThatThrownBy(() -> Observables.parse(IPV6, "renkei-test.invalid"))
        .isInstanceOf(InvalidObservable.class);
    assertThatThrownBy(() -> Observables.parse(CIDR, "renkei-test.invalid/24"))
        .isInstanceOf(InvalidObservable.class);
  }

  @Test
  void ipv6TextFormIsTheInetAddressGroupsCompressedAsRfc5952Says() {
    java.util.Random rnd = new java.util.Random(5952);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[16];
      for (int i = 0; i < 16; i += 2) {
        switch (rnd.nextInt(4)) {
          case 0, 1 -> {} // runs of zero groups, of every length and place
          case 2 -> b[i + 1] = (byte) rnd.nextInt(256);
          default -> {
            b[i] = (byte) rnd.nextInt(256);
            b[i + 1] = (byte) rnd.nextInt(256);
          }
        }
      }
      String text = Observables.compress(b);
      assertThat(text).isEqualTo(text.toLowerCase(java.util.Locale.ROOT));
      assertThat(text).doesNotContain(":::");
      // the same 16 bytes back (the JDK gives an IPv4-mapped address as its four bytes), "::"
      // exactly when two or more groups are zero, and no group written with a leading zero
      byte[] back;
      try {
        back = java.net.InetAddress.getByName(text).getAddress();
      } catch (java.net.UnknownHostException e) {
        throw new AssertionError(text, e);
      }
      assertThat(back).isEqualTo(back.length == 4 ? java.util.Arrays.copyOfRange(b, 12, 16) : b);
      assertThat(text.contains("::")).as(text).isEqualTo(zeroRun(b) >= 2);
      if (back.length == 16) {
        assertThat(Observables.ipv6(text)).contains(text);
      }
      for (String group : text.split(":")) {
        assertThat(group.length() <= 1 || group.charAt(0) != '0').as(text).isTrue();
      }
    }
  }

  static int zeroRun(byte[] b) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < 16; i += 2) {
      run = b[i] == 0 && b[i + 1] == 0 ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
