package jp.renkei.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the matcher on a real Kafka broker (docs/scale.md). Not part of the test run (its
 * name matches neither *Test nor *IT); run it with
 *
 * <pre>
 * ./mvnw -q -pl renkei-stream test -Dtest=MatchOnBrokerBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.lines=2000000 -Dbench.indicators=100000
 * </pre>
 *
 * The baseline in the same run is a plain consumer that only reads the same log records from the
 * same broker: the ratio says how much of the broker's delivery rate the matching keeps. The broker
 * runs in the same JVM on the same two cores, so both numbers are lower than on a real cluster. It
 * prints its numbers; it asserts nothing about time.
 */
class MatchOnBrokerBench {

  static final int LINES = Integer.getInteger("bench.lines", 2_000_000);
  static final int INDICATORS = Integer.getInteger("bench.indicators", 100_000);

  @Test
  void matchOnBroker() throws Exception {
    MatchOnBrokerIT.startBroker();
    try {
      run();
    } finally {
      MatchOnBrokerIT.stopBroker();
    }
  }

  void run() throws Exception {
    String bootstrap = MatchOnBrokerIT.bootstrap;
    MatchTopology.Topics t = MatchOnBrokerIT.topics("bench");
    Random rnd = new Random(20261122);

    // indicators: 60% domains, 30% IPv4 addresses, 10% /24 ranges
    String[] badDomains = new String[INDICATORS];
    try (KafkaProducer<String, String> p = MatchOnBrokerIT.indicatorProducer()) {
      for (int i = 0; i < INDICATORS; i++) {
        String value;
        if (i % 10 < 6) {
          badDomains[i] = "evil" + i + ".example";
          value = "domain-name " + badDomains[i];
        } else if (i % 10 < 9) {
          value = "ipv4-addr " + (11 + rnd.nextInt(200)) + "." + rnd.nextInt(256) + ".0.1";
        } else {
          value = "cidr " + (11 + rnd.nextInt(200)) + "." + rnd.nextInt(256) + ".7.0/24";
        }
        p.send(new ProducerRecord<>(t.indicators(), "indicator--" + i, value));
      }
    }

    // Squid lines: 1 in 100 asks for (a subdomain of) an indicator domain
    long t0 = System.nanoTime();
    Map<String, Object> producer =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.BATCH_SIZE_CONFIG,
            512 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4");
    long bytes = 0;
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer())) {
      for (int n = 0; n < LINES; n++) {
        // every tenth indicator is a domain (i % 10 == 0)
        String host =
            n % 100 == 0
                ? "cdn." + badDomains[rnd.nextInt(INDICATORS / 10) * 10]
                : "static" + rnd.nextInt(50_000) + ".benign.example";
        byte[] line =
            ("1732252800."
                    + (n % 1000)
                    + "    120 10.1."
                    + rnd.nextInt(256)
                    + "."
                    + rnd.nextInt(256)
                    + " TCP_MISS/200 5123 GET http://"
                    + host
                    + "/index.html - HIER_DIRECT/203.0.113."
                    + rnd.nextInt(256)
                    + " text/html")
                .getBytes(StandardCharsets.UTF_8);
        bytes += line.length;
        p.send(new ProducerRecord<>(t.logs(), "proxy-" + (n % 8), line));
      }
    }
    report(
        "produced %,d Squid lines (%.0f MB) in %.1f s",
        LINES, bytes / 1e6, (System.nanoTime() - t0) / 1e9);

    // baseline: read every record once with a plain consumer, nothing else
    long t1 = System.nanoTime();
    long read = 0;
    try (KafkaConsumer<byte[], byte[]> c = fromStart(bootstrap, "baseline")) {
      c.subscribe(List.of(t.logs()));
      while (read < LINES) {
        read += c.poll(Duration.ofMillis(500)).count();
      }
    }
    double baseline = LINES / ((System.nanoTime() - t1) / 1e9);
    report("baseline: a plain consumer reads %,.0f records/s", baseline);

    // Renkei: the topology with two stream threads, until its committed offsets reach the end
    Path state = Files.createTempDirectory("renkei-stream-bench");
    String app = "renkei-match-bench-" + UUID.randomUUID();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    long t2 = System.nanoTime();
    try (KafkaStreams streams =
            new KafkaStreams(
                MatchTopology.build(
                    t, "squid", MatchTopology.BadRecordPolicy.CONTINUE, Duration.ZERO),
                p);
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      streams.start();
      Set<TopicPartition> parts =
          Set.of(new TopicPartition(t.logs(), 0), new TopicPartition(t.logs(), 1));
      ListOffsetsResult ends =
          admin.listOffsets(
              parts.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())));
      long end = 0;
      for (TopicPartition tp : parts) {
        end += ends.partitionResult(tp).get().offset();
      }
      long done = 0;
      while (done < end) {
        Thread.sleep(200);
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
        done =
            committed.entrySet().stream()
                .filter(e -> parts.contains(e.getKey()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
      }
      double ours = LINES / ((System.nanoTime() - t2) / 1e9);
      long hits = count(bootstrap, t.sightings());
      report(
          "renkei-stream (2 stream threads, %,d indicators): %,.0f records/s matched, %,d hits;"
              + " %.0f%% of the plain consumer's rate",
          INDICATORS, ours, hits, 100 * ours / baseline);
      streams.close(Duration.ofSeconds(30));
    }
  }

  static long count(String bootstrap, String topic) {
    long n = 0;
    try (KafkaConsumer<byte[], byte[]> c = fromStart(bootstrap, "count")) {
      c.subscribe(List.of(topic));
      int empty = 0;
      while (empty < 10) {
        int got = c.poll(Duration.ofMillis(300)).count();
        n += got;
        empty = got == 0 ? empty + 1 : 0;
      }
    }
    return n;
  }

  /** A consumer of raw records in a group of its own, reading from the start. */
  static KafkaConsumer<byte[], byte[]> fromStart(String bootstrap, String group) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            group + "-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5000),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  static void report(String format, Object... args) {
    System.out.println("BENCH " + String.format(format, args));
  }
}
