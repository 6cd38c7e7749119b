package jp.renkei.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatchTopologyTest {

  static final MatchTopology.Topics TOPICS = MatchTopology.Topics.defaults();

  TopologyTestDriver driver;
  TestInputTopic<String, String> indicators;
  TestInputTopic<String, byte[]> logs;
  TestOutputTopic<String, String> sightings;
  TestOutputTopic<String, String> deadLetters;

  void start(String format, MatchTopology.BadRecordPolicy policy) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "renkei-match-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    driver =
        new TopologyTestDriver(MatchTopology.build(TOPICS, format, policy, Duration.ZERO), props);
    indicators =
        driver.createInputTopic(
            TOPICS.indicators(), new StringSerializer(), new StringSerializer());
    logs =
        driver.createInputTopic(TOPICS.logs(), new StringSerializer(), new ByteArraySerializer());
    sightings =
        driver.createOutputTopic(
            TOPICS.sightings(), new StringDeserializer(), new StringDeserializer());
    deadLetters =
        driver.createOutputTopic(
            TOPICS.deadLetter(), new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
  }

  static byte[] squid(String client, String url, String peer) {
    return ("1732252800.123    120 "
            + client
            + " TCP_MISS/200 5123 GET "
            + url
            + " - HIER_DIRECT/"
            + peer
            + " text/html")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void logEventsMatchIndicatorsHeldFromTheCompactedTopic() {
    start("squid", MatchTopology.BadRecordPolicy.CONTINUE);
    indicators.pipeInput("indicator--c2", "domain-name evil.example");
    indicators.pipeInput("indicator--net", "cidr 198.51.100.0/24");
    logs.pipeInput("proxy-1", squid("10.0.0.5", "http://www.evil.example/a", "192.0.2.1"));
    logs.pipeInput("proxy-1", squid("10.0.0.6", "http://notevil.example/", "192.0.2.1"));
    logs.pipeInput("proxy-2", squid("10.0.0.7", "http://ok.example/", "198.51.100.9"));
    List<KeyValue<String, String>> out = sightings.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key).containsExactly("indicator--c2", "indicator--net");
    assertThat(out.get(0).value)
        .contains(
            "\"client\":\"10.0.0.5\"",
            "\"field\":\"host\"",
            "\"source\":\"proxy-1\"",
            "\"offset\":0");
    assertThat(out.get(1).value)
        .contains("\"client\":\"10.0.0.7\"", "\"field\":\"peer\"", "\"value\":\"198.51.100.0/24\"");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aTombstoneRemovesAnIndicatorAndInvalidIndicatorsAreIgnored() {
    start("squid", MatchTopology.BadRecordPolicy.CONTINUE);
    indicators.pipeInput("indicator--c2", "domain-name evil.example");
    indicators.pipeInput("indicator--bad", "ipv4-addr 999.1.1.1");
    logs.pipeInput("p", squid("10.0.0.5", "http://evil.example/", "192.0.2.1"));
    indicators.pipeInput("indicator--c2", (String) null);
    logs.pipeInput("p", squid("10.0.0.5", "http://evil.example/", "192.0.2.1"));
    assertThat(sightings.readKeyValuesToList()).hasSize(1);
  }

  @Test
  void dnsQueryEventsMatchToo() {
    start("dns", MatchTopology.BadRecordPolicy.CONTINUE);
    indicators.pipeInput("indicator--c2", "domain-name evil.example");
    logs.pipeInput(
        "resolver",
        "Nov 22 10:00:02 dnsmasq[123]: query[A] cdn.evil.example from 10.0.0.7"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(sightings.readValue()).contains("\"client\":\"10.0.0.7\"", "\"field\":\"query\"");
  }

  @Test
  void badRecordsGoToTheDeadLetterTopicAndMatchingContinues() {
    start("squid", MatchTopology.BadRecordPolicy.CONTINUE);
    indicators.pipeInput("indicator--c2", "domain-name evil.example");
    logs.pipeInput("p", "garbage".getBytes(StandardCharsets.UTF_8));
    logs.pipeInput("p", squid("10.0.0.5", "http://evil.example/", "192.0.2.1"));
    KeyValue<String, String> dead = deadLetters.readKeyValue();
    assertThat(dead.key).isEqualTo("p");
    assertThat(dead.value).contains("malformed squid line", "\"line\":\"garbage\"", "\"offset\":0");
    assertThat(sightings.readKeyValuesToList()).hasSize(1);
  }

  @Test
  void theFailPolicyStopsOnTheFirstBadRecord() {
    start("squid", MatchTopology.BadRecordPolicy.FAIL);
    assertThatThrownBy(() -> logs.pipeInput("p", "garbage".getBytes(StandardCharsets.UTF_8)))
        .hasStackTraceContaining("malformed squid log record at offset 0");
  }
}
