package jp.renkei.engine.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.engine.observable.ObservableType;
import org.junit.jupiter.api.Test;

class WarningListTest {

  final WarningList list =
      WarningList.of(
          List.of(
              new WarningList.Entry(ObservableType.CIDR, "10.0.0.0/8"),
              new WarningList.Entry(ObservableType.CIDR, "192.168.0.0/16"),
              new WarningList.Entry(ObservableType.CIDR, "fc00::/7"),
              new WarningList.Entry(ObservableType.DOMAIN, "windowsupdate.com"),
              new WarningList.Entry(ObservableType.MD5, "d41d8cd98f00b204e9800998ecf8427e"),
              new WarningList.Entry(ObservableType.DOMAIN, "not a domain!")));

  @Test
  void coversRangesDomainsWithTheirSubdomainsAndUrlsAndExactValues() {
    assertThat(list.covers(ObservableType.IPV4, "10.20.30.40")).isTrue();
    assertThat(list.covers(ObservableType.IPV4, "11.20.30.40")).isFalse();
    assertThat(list.covers(ObservableType.CIDR, "192.168.4.0/24")).isTrue();
    assertThat(list.covers(ObservableType.IPV6, "fd00::1")).isTrue();
    assertThat(list.covers(ObservableType.DOMAIN, "dl.delivery.mp.windowsupdate.com")).isTrue();
    assertThat(list.covers(ObservableType.DOMAIN, "windowsupdate.com.evil.example")).isFalse();
    assertThat(list.covers(ObservableType.DOMAIN, "notwindowsupdate.com")).isFalse();
    assertThat(list.covers(ObservableType.URL, "http://download.windowsupdate.com/a.cab")).isTrue();
    assertThat(list.covers(ObservableType.URL, "http://10.1.1.1:8080/x")).isTrue();
    assertThat(list.covers(ObservableType.URL, "http://evil.example/x")).isFalse();
    assertThat(list.covers(ObservableType.MD5, "d41d8cd98f00b204e9800998ecf8427e")).isTrue();
    assertThat(list.covers(ObservableType.EMAIL, "a@windowsupdate.com")).isFalse();
  }

  @Test
  void parentsStopAtPublicSuffixes() {
    assertThat(Domains.parents("a.b.evil.example.co.jp"))
        .containsExactly("b.evil.example.co.jp", "evil.example.co.jp", "example.co.jp");
    assertThat(Domains.parents("www.evil.com")).containsExactly("evil.com");
    assertThat(Domains.parents("evil.com")).isEmpty();
    assertThat(Domains.reversed("www.evil.example")).isEqualTo("example.evil.www");
  }
}
