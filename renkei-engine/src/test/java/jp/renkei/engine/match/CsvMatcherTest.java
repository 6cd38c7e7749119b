package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.observable.ObservableType;
import org.junit.jupiter.api.Test;

class CsvMatcherTest {

  @Test
  void columnsNamedByTheHeaderAreMatchedThroughTheMapping() throws Exception {
    IndicatorIndex index =
        IndicatorIndex.builder(4)
            .add("i1", ObservableType.DOMAIN, "evil.example")
            .add("i2", ObservableType.CIDR, "203.0.113.0/24")
            .add("i3", ObservableType.URL, "http://dl.other.example/a~b")
            .build();
    String log =
        "\uFEFFtime,src_ip,dest_host,dest_ip,request_url,action\n"
            + "2026-11-20T01:00:00Z,10.0.0.5,cdn.evil.example,198.51.100.1,\"http://cdn.evil.example/x?a=1,2\",allow\n"
            + "2026-11-20T01:00:01Z,10.0.0.6,ok.example,203.0.113.9,http://ok.example/,allow\n"
            + "2026-11-20T01:00:02Z,10.0.0.7,ok.example,198.51.100.2,http://dl.other.example:80/a%7Eb,allow\n"
            + "2026-11-20T01:00:03Z,10.0.0.8,\"broken\n"
            + "2026-11-20T01:00:04Z,10.0.0.9,too,few\n";
    CsvMatcher m =
        new CsvMatcher(
            index,
            FieldMatcher.Fields.parse(
                "host=dest_host,host=dest_ip,url=request_url,client=src_ip,time=time"));
    List<Hit> hits = new ArrayList<>();
    MatchStats stats =
        m.match(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), hits::add);
    assertThat(hits)
        .extracting(h -> h.client() + " " + index.indicator(h.indicator()).id() + " " + h.field())
        .containsExactlyInAnyOrder(
            "10.0.0.5 i1 dest_host",
            "10.0.0.5 i1 request_url",
            "10.0.0.6 i2 dest_ip",
            "10.0.0.7 i3 request_url");
    assertThat(stats.badLines()).isEqualTo(2);
  }
}
