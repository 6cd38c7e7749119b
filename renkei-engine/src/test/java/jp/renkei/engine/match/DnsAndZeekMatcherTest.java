package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsAndZeekMatcherTest {

  static List<Hit> run(LogMatcher m, String log, MatchStats[] stats) throws Exception {
    List<Hit> hits = new ArrayList<>();
    stats[0] = m.match(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), hits::add);
    return hits;
  }

  static String summary(List<Hit> hits) {
    return String.join(
        "|",
        hits.stream()
            .map(
                h ->
                    h.client()
                        + " "
                        + SquidMatcherTest.INDEX.indicator(h.indicator()).id()
                        + " "
                        + h.field())
            .toList());
  }

  @Test
  void bindDnsmasqAndUnboundQueriesMatchTheirNamesAndParents() throws Exception {
    String log =
        """
        22-Nov-2026 10:00:00.123 queries: info: client @0x7f00aa 10.0.0.5#53211 (www.evil.example): query: www.evil.example IN A +E(0)K (10.0.0.1)
        22-Nov-2026 10:00:01.123 queries: info: client @0x7f00aa 10.0.0.6#53212 (notevil.example): query: notevil.example IN A +E(0)K (10.0.0.1)
        Nov 22 10:00:02 dnsmasq[123]: query[A] x.c2.bad.example from 10.0.0.7
        Nov 22 10:00:02 dnsmasq[123]: forwarded x.c2.bad.example to 8.8.8.8
        [1732252800] unbound[123:0] info: 10.0.0.8 EVIL.example. AAAA IN
        [1732252800] unbound[123:0] info: start of service (unbound 1.17.1).
        """;
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = run(new DnsLogMatcher(SquidMatcherTest.INDEX), log, stats);
    assertThat(summary(hits))
        .isEqualTo("10.0.0.5 i-evil query|10.0.0.7 i-c2 query|10.0.0.8 i-evil query");
    assertThat(hits.get(0).time()).startsWith("22-Nov-2026 10:00:00.123");
    assertThat(stats[0].badLines()).isZero();
  }

  @Test
  void zeekColumnsComeFromTheFieldsHeader() throws Exception {
    String log =
        "#separator \\x09\n#path\thttp\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmethod\thost\turi\n"
            + "1732252800.1\tC1\t10.0.0.5\t50000\t192.0.2.1\t80\tGET\tdl.evil.example\t/a\n"
            + "1732252800.2\tC2\t10.0.0.6\t50001\t198.51.100.7\t80\tGET\tok.example\t/b\n"
            + "#path\tdns\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tquery\tanswers\n"
            + "1732252801.1\tC3\t10.0.0.7\t5353\t10.0.0.1\t53\tok.example\t192.0.2.9,203.0.113.5\n"
            + "1732252801.2\tC4\t10.0.0.8\t5353\t10.0.0.1\t53\tC2.BAD.example\t-\n";
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = run(new ZeekMatcher(SquidMatcherTest.INDEX), log, stats);
    assertThat(summary(hits))
        .isEqualTo(
            "10.0.0.5 i-evil host|10.0.0.6 i-ip id.resp_h|10.0.0.7 i-net answers|10.0.0.8 i-c2 query");
    assertThat(hits.get(0).time()).isEqualTo("1732252800.1");
  }

  @Test
  void zeekDataBeforeAHeaderIsBad() throws Exception {
    MatchStats[] stats = new MatchStats[1];
    run(new ZeekMatcher(SquidMatcherTest.INDEX), "1732252800.1\tC1\t10.0.0.5\n", stats);
    assertThat(stats[0].badLines()).isEqualTo(1);
    assertThat(stats[0].firstBadLines()).containsExactly(1L);
  }

  @Test
  void aZeekHeaderRepeatingAHostColumnMoreTimesThanThereAreHostColumnsIsRead() throws Exception {
    // found by the CI's fuzzing: four "host" columns overflowed a table sized for three names
    String log =
        "#fields\tts\tid.orig_h\thost\thost\tquery\thost\thost\n"
            + "1732252800.1\t10.0.0.5\tok.example\tok.example\tok.example\tok.example\tdl.evil.example\n";
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = run(new ZeekMatcher(SquidMatcherTest.INDEX), log, stats);
    assertThat(summary(hits)).isEqualTo("10.0.0.5 i-evil host");
    assertThat(stats[0].badLines()).isZero();
  }
}
