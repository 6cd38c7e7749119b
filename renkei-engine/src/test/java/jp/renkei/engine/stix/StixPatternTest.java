package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.engine.observable.Observable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StixPatternTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[domain-name:value = 'Evil.Example'] | domain-name evil.example",
        "[ipv4-addr:value = '198.51.100.7'] | ipv4-addr 198.51.100.7",
        "[ipv4-addr:value ISSUBSET '203.0.113.0/24'] | cidr 203.0.113.0/24",
        "[url:value = 'http://x.example/a.exe'] OR [domain-name:value = 'c2.example'] | url http://x.example/a.exe, domain-name c2.example",
        "[domain-name:value IN ('a.example', 'b.example')] | domain-name a.example, domain-name b.example",
        "[domain-name:value LIKE '%.evil.example'] | domain-name evil.example",
        "[file:hashes.'SHA-256' = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855'] | sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e' OR email-addr:value = 'ceo@phish.example'] | md5 d41d8cd98f00b204e9800998ecf8427e, email-addr ceo@phish.example",
        "[domain-name:value = 'it\\'s.example'] | -",
      })
  void namesTheObservablesOfSupportedPatterns(String pattern, String expected) {
    StixPattern.Result r = StixPattern.parse(pattern);
    if (expected.equals("-")) {
      assertThat(r.supported()).isFalse();
      return;
    }
    assertThat(r.unsupported()).isNull();
    assertThat(
            String.join(
                ", ",
                r.observables().stream()
                    .map((Observable o) -> o.type().code() + " " + o.value())
                    .toList()))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[domain-name:value = 'a.example'] AND [ipv4-addr:value = '1.2.3.4'] | AND between observations",
        "[domain-name:value = 'a.example'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.4'] | FOLLOWEDBY",
        "[ipv4-addr:value = '1.2.3.4'] REPEATS 5 TIMES | qualifier REPEATS",
        "[url:value = 'http://a.example/' AND url:value = 'http://b.example/'] | AND inside an observation",
        "[process:name = 'evil.exe'] | object path process:name",
        "[domain-name:value LIKE 'evil%'] | only '%.domain'",
        "[ipv4-addr:value != '1.2.3.4'] | operator",
        "[domain-name:value = 'unterminated] | unterminated",
        "[ipv4-addr:value = '999.1.1.1'] | not valid",
        "domain-name:value = 'a.example' | expected '['",
      })
  void refusesEverythingElseSayingWhy(String pattern, String reason) {
    StixPattern.Result r = StixPattern.parse(pattern);
    assertThat(r.supported()).isFalse();
    assertThat(r.unsupported()).contains(reason);
  }
}
