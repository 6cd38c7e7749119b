package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.engine.observable.Observable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StixObservablesTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static String values(String json) {
    return StixObservables.of(JSON.readTree(json)).stream()
        .map(o -> o.type().code() + "=" + o.value())
        .sorted()
        .reduce((a, b) -> a + " " + b)
        .orElse("");
  }

  @Test
  void scosIndicatorsAndFilesNameTheirValuesInNormalForm() {
    assertThat(values("{\"type\":\"domain-name\",\"value\":\"Evil.Example.NET\"}"))
        .isEqualTo("domain-name=evil.example.net");
    assertThat(values("{\"type\":\"ipv4-addr\",\"value\":\"198.51.100.7/24\"}"))
        .isEqualTo("cidr=198.51.100.0/24");
    assertThat(
            values(
                "{\"type\":\"file\",\"hashes\":{\"SHA-256\":\"AB"
                    + "0".repeat(62)
                    + "\",\"MD5\":\"d41d8cd98f00b204e9800998ecf8427e\"}}"))
        .isEqualTo("md5=d41d8cd98f00b204e9800998ecf8427e sha256=ab" + "0".repeat(62));
    assertThat(
            values(
                "{\"type\":\"indicator\",\"pattern_type\":\"stix\",\"pattern\":"
                    + "\"[ipv4-addr:value = '203.0.113.9'] OR [url:value = 'http://x.example/a']\"}"))
        .isEqualTo("ipv4-addr=203.0.113.9 url=http://x.example/a");
  }

  @Test
  void unparseableValuesAreLeftOut() {
    assertThat(
            StixObservables.of(JSON.readTree("{\"type\":\"ipv4-addr\",\"value\":\"999.1.1.1\"}")))
        .extracting(Observable::value)
        .isEmpty();
    assertThat(values("{\"type\":\"indicator\",\"pattern_type\":\"sigma\",\"pattern\":\"x\"}"))
        .isEmpty();
  }
}
