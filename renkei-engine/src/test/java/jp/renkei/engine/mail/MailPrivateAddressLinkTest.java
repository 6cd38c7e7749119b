package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A link to a private, loopback or link-local IPv4 address opens the reader's own machine or lab
 * board (list members write "http://192.168.10.2" to each other): no attacker's server answers
 * there, so it is no SUSPICIOUS_LINK. A public address, the edges of the ranges and a host merely
 * named like a private address still are.
 */
class MailPrivateAddressLinkTest {

  static MailReport withLink(String url) {
    return TestMail.mail()
        .from("Taro <taro@lab.example.org>")
        .to("hanako@example.jp")
        .subject("Re: streaming stops after a few packets")
        .base64(
            "text/plain",
            "Set the device address to the one below and try again:\n" + url + "\nRegards, Taro")
        .analyze();
  }

  @Test
  void aPublicAddressStaysSuspicious() {
    for (String url :
        new String[] {
          "http://45.77.12.9/login", "http://172.32.0.1/", "http://192.169.1.1/", "http://11.0.0.1/"
        }) {
      assertThat(TestMail.flags(withLink(url))).as(url).contains(RedFlag.SUSPICIOUS_LINK);
    }
  }

  @Test
  void aLoginPageOnAPrivateAddressStaysSuspicious() {
    // written out, a device's page is a device under discussion (MailWrappedAndInternalLinkTest
    // keeps one hidden behind words counted); one asking to log in is a lure's link
    assertThat(TestMail.flags(withLink("http://192.168.1.20/login.php")))
        .contains(RedFlag.SUSPICIOUS_LINK);
    assertThat(TestMail.flags(withLink("http://10.4.1.12:1639/index.htm")))
        .doesNotContain(RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void aHostNamedLikeAPrivateAddressIsNoPrivateAddress() {
    assertThat(MailDomains.internalIp("192.168.1.1.example.net")).isFalse();
    assertThat(MailDomains.internalIp("192.168.1.300")).isFalse();
  }

  @Test
  void privateLoopbackAndLinkLocalAddressesAreNotCounted() {
    for (String url :
        new String[] {
          "http://192.168.10.2", "http://10.0.0.5/", "http://127.0.0.1/8",
          "http://172.16.1.102/16", "http://172.31.255.1/", "http://169.254.0.1/24"
        }) {
      assertThat(TestMail.flags(withLink(url))).as(url).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    }
  }
}
