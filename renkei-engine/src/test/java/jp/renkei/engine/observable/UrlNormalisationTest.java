package jp.renkei.engine.observable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlNormalisationTest {

  static String url(String s) {
    return Observables.parse(ObservableType.URL, s).value();
  }

  @Test
  void defaultPortsAndPercentEncodingAreNormalised() {
    assertThat(url("HTTP://Evil.Example:80/a%7eb/%2fc?x=%41%3d"))
        .isEqualTo("http://evil.example/a~b/%2Fc?x=A%3D");
    assertThat(url("https://evil.example:443/")).isEqualTo("https://evil.example/");
    assertThat(url("https://evil.example:8443/")).isEqualTo("https://evil.example:8443/");
    assertThat(url("http://evil.example/100%")).isEqualTo("http://evil.example/100%");
    assertThat(url("http://evil.example/%e3%81%82")).isEqualTo("http://evil.example/%E3%81%82");
  }
}
