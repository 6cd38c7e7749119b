package jp.renkei.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs the matcher on a Kafka cluster: {@code java -cp renkei-stream.jar:...
 * jp.renkei.stream.RenkeiStream stream.properties}. The properties file holds Kafka Streams
 * settings ({@code bootstrap.servers} is required; {@code application.id} defaults to {@code
 * renkei-match}) and Renkei's own: {@code renkei.log-format} (squid or dns), {@code
 * renkei.on-bad-record} (continue or fail), {@code renkei.rebuild-after} (ISO-8601 duration,
 * default PT30S) and the topic names {@code renkei.topic.indicators|logs|sightings|dead-letter}.
 * See docs/scale.md.
 */
public final class RenkeiStream {

  private RenkeiStream() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: java -jar renkei-stream.jar stream.properties");
      System.exit(2);
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("renkei-stream: cannot read " + args[0] + ": " + e);
      System.exit(2);
    }
    if (p.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      System.err.println("renkei-stream: " + args[0] + ": bootstrap.servers is required");
      System.exit(2);
    }
    p.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "renkei-match");
    p.putIfAbsent(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    MatchTopology.Topics defaults = MatchTopology.Topics.defaults();
    MatchTopology.Topics topics =
        new MatchTopology.Topics(
            p.getProperty("renkei.topic.indicators", defaults.indicators()),
            p.getProperty("renkei.topic.logs", defaults.logs()),
            p.getProperty("renkei.topic.sightings", defaults.sightings()),
            p.getProperty("renkei.topic.dead-letter", defaults.deadLetter()));
    MatchTopology.BadRecordPolicy policy =
        "fail".equals(p.getProperty("renkei.on-bad-record", "continue"))
            ? MatchTopology.BadRecordPolicy.FAIL
            : MatchTopology.BadRecordPolicy.CONTINUE;
    Duration rebuildAfter = Duration.parse(p.getProperty("renkei.rebuild-after", "PT30S"));
    Properties kafka = new Properties();
    p.stringPropertyNames().stream()
        .filter(k -> !k.startsWith("renkei."))
        .forEach(k -> kafka.put(k, p.getProperty(k)));
    KafkaStreams streams =
        new KafkaStreams(
            MatchTopology.build(
                topics, p.getProperty("renkei.log-format", "squid"), policy, rebuildAfter),
            kafka);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close(Duration.ofSeconds(30));
                  done.countDown();
                }));
    streams.start();
    done.await();
  }
}
