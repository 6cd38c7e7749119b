package jp.renkei.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The matcher as it runs in production: a real Kafka broker (KRaft, in this JVM, on 127.0.0.1),
 * topics created as docs/scale.md says (indicators compacted), records produced and consumed over
 * the network by ordinary clients, the topology run by {@link KafkaStreams} itself.
 */
class MatchOnBrokerIT {

  static EmbeddedKafkaKraftBroker broker;
  static String bootstrap;
  KafkaStreams streams;
  Path stateDir;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 2);
    broker.afterPropertiesSet();
    bootstrap = broker.getBrokersAsString();
    // the test kit listens on localhost only: never on an outside address
    assertThat(bootstrap).matches("(localhost|127\\.0\\.0\\.1):\\d+(,.*)?");
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.destroy();
    }
  }

  @AfterEach
  void stopStreams() throws Exception {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
    if (stateDir != null) {
      try (var files = Files.walk(stateDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Fresh topics per test (a suffix), the indicator topic compacted. */
  static MatchTopology.Topics topics(String suffix) throws Exception {
    MatchTopology.Topics t =
        new MatchTopology.Topics(
            "renkei.indicators." + suffix,
            "renkei.logs." + suffix,
            "renkei.sightings." + suffix,
            "renkei.dead-letter." + suffix);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(t.indicators(), 1, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT)),
                  new NewTopic(t.logs(), 2, (short) 1),
                  new NewTopic(t.sightings(), 2, (short) 1),
                  new NewTopic(t.deadLetter(), 1, (short) 1)))
          .all()
          .get();
    }
    return t;
  }

  KafkaStreams start(MatchTopology.Topics t, MatchTopology.BadRecordPolicy policy)
      throws Exception {
    stateDir = Files.createTempDirectory("renkei-stream-it");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "renkei-match-it-" + UUID.randomUUID());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    streams = new KafkaStreams(MatchTopology.build(t, "squid", policy, Duration.ZERO), p);
    streams.start();
    return streams;
  }

  static KafkaProducer<String, String> indicatorProducer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(),
        new StringSerializer());
  }

  static KafkaProducer<String, byte[]> logProducer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  static byte[] squid(String client, String url, String peer) {
    return MatchTopologyTest.squid(client, url, peer);
  }

  /** Reads a topic from its start until {@code n} records came or the time is up. */
  static List<ConsumerRecord<String, String>> read(String topic, int n, Duration max) {
    Map<String, Object> c =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + max.toNanos();
      while (out.size() < n && System.nanoTime() < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void logEventsOnTheBrokerMatchIndicatorsFromTheCompactedTopic() throws Exception {
    MatchTopology.Topics t = topics("match");
    try (KafkaProducer<String, String> p = indicatorProducer()) {
      p.send(new ProducerRecord<>(t.indicators(), "indicator--c2", "domain-name evil.example"));
      p.send(new ProducerRecord<>(t.indicators(), "indicator--net", "cidr 198.51.100.0/24"));
      p.send(new ProducerRecord<>(t.indicators(), "indicator--old", "domain-name old.example"));
      // a tombstone: the indicator was withdrawn before any log arrived
      p.send(new ProducerRecord<>(t.indicators(), "indicator--old", null));
      p.send(new ProducerRecord<>(t.indicators(), "indicator--bad", "ipv4-addr not-an-ip"));
      p.flush();
    }
    start(t, MatchTopology.BadRecordPolicy.CONTINUE);
    try (KafkaProducer<String, byte[]> p = logProducer()) {
      p.send(
          new ProducerRecord<>(
              t.logs(), "proxy-1", squid("10.0.0.5", "http://www.evil.example/a", "192.0.2.1")));
      p.send(
          new ProducerRecord<>(
              t.logs(), "proxy-1", squid("10.0.0.6", "http://notevil.example/", "192.0.2.1")));
      p.send(
          new ProducerRecord<>(
              t.logs(), "proxy-2", squid("10.0.0.7", "http://ok.example/", "198.51.100.9")));
      p.send(
          new ProducerRecord<>(
              t.logs(), "proxy-2", squid("10.0.0.8", "http://old.example/", "192.0.2.2")));
      p.send(
          new ProducerRecord<>(
              t.logs(), "proxy-3", "garbage line".getBytes(StandardCharsets.UTF_8)));
      p.send(
          new ProducerRecord<>(
              t.logs(), "proxy-3", squid("10.0.0.9", "http://evil.example/", "192.0.2.3")));
    }

    List<ConsumerRecord<String, String>> hits = read(t.sightings(), 3, Duration.ofSeconds(60));
    assertThat(hits)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("indicator--c2", "indicator--net", "indicator--c2");
    assertThat(hits)
        .extracting(ConsumerRecord::value)
        .anySatisfy(
            v -> assertThat(v).contains("\"client\":\"10.0.0.5\"", "\"source\":\"proxy-1\""))
        .anySatisfy(v -> assertThat(v).contains("\"client\":\"10.0.0.7\"", "198.51.100.0/24"))
        .anySatisfy(
            v -> assertThat(v).contains("\"client\":\"10.0.0.9\"", "\"source\":\"proxy-3\""))
        .noneSatisfy(v -> assertThat(v).contains("10.0.0.6"))
        .noneSatisfy(v -> assertThat(v).contains("old.example"));

    List<ConsumerRecord<String, String>> dead = read(t.deadLetter(), 1, Duration.ofSeconds(30));
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).key()).isEqualTo("proxy-3");
    assertThat(dead.get(0).value()).contains("malformed squid line", "\"line\":\"garbage line\"");
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  @Test
  void theFailPolicyStopsTheInstanceAtTheFirstBadRecord() throws Exception {
    MatchTopology.Topics t = topics("fail");
    try (KafkaProducer<String, String> p = indicatorProducer()) {
      p.send(new ProducerRecord<>(t.indicators(), "indicator--c2", "domain-name evil.example"));
    }
    start(t, MatchTopology.BadRecordPolicy.FAIL);
    try (KafkaProducer<String, byte[]> p = logProducer()) {
      // one partition key, so the bad record comes before the good one
      p.send(new ProducerRecord<>(t.logs(), "proxy-1", "garbage".getBytes(StandardCharsets.UTF_8)));
      p.send(
          new ProducerRecord<>(
              t.logs(), "proxy-1", squid("10.0.0.5", "http://evil.example/", "192.0.2.1")));
    }
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (streams.state() != KafkaStreams.State.ERROR && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.ERROR);
    assertThat(read(t.sightings(), 1, Duration.ofSeconds(3))).isEmpty();
    assertThat(read(t.deadLetter(), 1, Duration.ofSeconds(1))).isEmpty();
  }
}
