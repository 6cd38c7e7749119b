package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesMatcherTest {

  @Test
  void zeekJsonMatchesHostsQueriesAndRemoteAddresses() throws Exception {
    String log =
        """
        {"ts":1732252800.1,"uid":"C1","id.orig_h":"10.0.0.5","id.resp_h":"192.0.2.1","host":"dl.evil.example","uri":"/a"}
        {"ts":1732252800.2,"uid":"C2","id.orig_h":"10.0.0.6","id.resp_h":"198.51.100.7","host":"ok.example"}
        {"ts":1732252800.3,"id.orig_h":"10.0.0.7","query":"c2.bad.example","answers":["192.0.2.9"]}
        not json
        {"ts":1732252800.4,"id.orig_h":"10.0.0.8","host":"notevil.example"}
        """;
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits =
        DnsAndZeekMatcherTest.run(
            new JsonLinesMatcher(SquidMatcherTest.INDEX, FieldMatcher.Fields.ZEEK), log, stats);
    assertThat(DnsAndZeekMatcherTest.summary(hits))
        .isEqualTo("10.0.0.5 i-evil host|10.0.0.6 i-ip id.resp_h|10.0.0.7 i-c2 query");
    assertThat(hits.get(0).time()).isEqualTo("1732252800.1");
    assertThat(stats[0].badLines()).isEqualTo(1);
    assertThat(stats[0].firstBadLines()).containsExactly(4L);
  }

  @Test
  void anyJsonLogThroughAMapping() throws Exception {
    FieldMatcher.Fields f =
        FieldMatcher.Fields.parse("url=request_url, host=dst, client=src, time=@timestamp");
    String log =
        "{\"@timestamp\":\"2026-11-22T10:00:00Z\",\"src\":\"10.1.1.1\",\"request_url\":\"http://files.example/payload.exe\"}\n"
            + "{\"@timestamp\":\"2026-11-22T10:00:01Z\",\"src\":\"10.1.1.2\",\"request_url\":\"https://www.evil.example/x\"}\n"
            + "{\"@timestamp\":\"2026-11-22T10:00:02Z\",\"src\":\"10.1.1.3\",\"dst\":\"203.0.113.4\"}\n";
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits =
        DnsAndZeekMatcherTest.run(new JsonLinesMatcher(SquidMatcherTest.INDEX, f), log, stats);
    assertThat(DnsAndZeekMatcherTest.summary(hits))
        .isEqualTo("10.1.1.1 i-url request_url|10.1.1.2 i-evil request_url|10.1.1.3 i-net dst");
    assertThat(hits.get(1).time()).isEqualTo("2026-11-22T10:00:01Z");
  }

  @Test
  void aUrlFieldWithUserInfoHitsItsHostAndAnAtInThePathDoesNot() throws Exception {
    FieldMatcher.Fields f = FieldMatcher.Fields.parse("url=u, client=src");
    String log =
        """
        {"src":"10.2.0.1","u":"http://u@evil.example/"}
        {"src":"10.2.0.2","u":"https://u:p@www.evil.example:8443/x"}
        {"src":"10.2.0.3","u":"http://benign.example/@evil.example"}
        {"src":"10.2.0.4","u":"http://benign.example/?to=u@evil.example"}
        {"src":"10.2.0.5","u":"http://x@[2001:db8::1]/"}
        """;
    IndicatorIndex index =
        IndicatorIndex.builder(4)
            .add("i-evil", jp.renkei.engine.observable.ObservableType.DOMAIN, "evil.example")
            .add("i-v6", jp.renkei.engine.observable.ObservableType.CIDR, "2001:db8::/64")
            .build();
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = new java.util.ArrayList<>();
    stats[0] =
        new JsonLinesMatcher(index, f)
            .match(
                new java.io.ByteArrayInputStream(
                    log.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                hits::add);
    assertThat(hits)
        .extracting(h -> h.client() + " " + index.indicator(h.indicator()).id())
        .containsExactly("10.2.0.1 i-evil", "10.2.0.2 i-evil", "10.2.0.5 i-v6");
  }

  @Test
  void aBadMappingSaysWhatIsWrong() {
    assertThatThrownBy(() -> FieldMatcher.Fields.parse("dest=x"))
        .hasMessageContaining("role 'dest'");
    assertThatThrownBy(() -> FieldMatcher.Fields.parse("client=src"))
        .hasMessageContaining("no host or url");
    assertThatThrownBy(() -> FieldMatcher.Fields.parse("host"))
        .hasMessageContaining("expected role=field");
  }
}
