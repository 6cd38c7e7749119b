package jp.renkei.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jp.renkei.engine.match.DnsLogMatcher;
import jp.renkei.engine.match.Hit;
import jp.renkei.engine.match.Indicator;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.match.LogMatcher;
import jp.renkei.engine.match.SquidMatcher;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's matcher over Kafka: indicators arrive on a compacted topic (key = indicator id,
 * value = {@code type value}, a tombstone removes it) and are held by every instance in a global
 * store; each log event (one line, Squid or DNS query log) is matched as it arrives, with the same
 * semantics as {@code renkei match} (domains with their parents, addresses within ranges); hits go
 * to the sightings topic as JSON. A malformed line goes to the dead-letter topic with the reason
 * ({@link BadRecordPolicy#CONTINUE}) or stops the application ({@link BadRecordPolicy#FAIL}).
 */
public final class MatchTopology {

  public static final String INDICATOR_STORE = "renkei-indicators";
  private static final Logger log = LoggerFactory.getLogger(MatchTopology.class);

  /** Topic names. */
  public record Topics(String indicators, String logs, String sightings, String deadLetter) {
    public static Topics defaults() {
      return new Topics(
          "renkei.indicators", "renkei.logs", "renkei.sightings", "renkei.dead-letter");
    }
  }

  /** What to do with a log record the format cannot read. */
  public enum BadRecordPolicy {
    CONTINUE,
    FAIL
  }

  private MatchTopology() {}

  /**
   * The topology.
   *
   * @param logFormat {@code squid} or {@code dns}
   * @param rebuildAfter how long an instance keeps matching with its current index after the
   *     indicators changed before rebuilding it (rebuilding 1,000,000 indicators takes about 2 s)
   */
  public static Topology build(
      Topics topics, String logFormat, BadRecordPolicy policy, Duration rebuildAfter) {
    if (!logFormat.equals("squid") && !logFormat.equals("dns")) {
      throw new IllegalArgumentException("log format must be squid or dns, not " + logFormat);
    }
    AtomicLong version = new AtomicLong();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(INDICATOR_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(),
        topics.indicators(),
        Consumed.with(Serdes.String(), Serdes.String()),
        () -> new IndicatorUpdater(version));
    KStream<String, String> out =
        builder.stream(topics.logs(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
            .process(
                () -> new Matcher(logFormat, policy, rebuildAfter, version), Named.as("match"));
    out.split(Named.as("to-"))
        .branch(
            (k, v) -> k.startsWith("S|"),
            Branched.withConsumer(
                s ->
                    s.selectKey((k, v) -> k.substring(2))
                        .to(topics.sightings(), Produced.with(Serdes.String(), Serdes.String()))))
        .defaultBranch(
            Branched.withConsumer(
                s ->
                    s.selectKey((k, v) -> k.substring(2))
                        .to(topics.deadLetter(), Produced.with(Serdes.String(), Serdes.String()))));
    return builder.build();
  }

  /** Keeps the global indicator store; invalid indicator records are logged and not stored. */
  static final class IndicatorUpdater implements Processor<String, String, Void, Void> {
    private final AtomicLong version;
    private KeyValueStore<String, String> store;

    IndicatorUpdater(AtomicLong version) {
      this.version = version;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(INDICATOR_STORE);
    }

    @Override
    public void process(Record<String, String> r) {
      if (r.key() == null) {
        log.warn("indicator record without a key ignored");
        return;
      }
      if (r.value() == null) {
        store.delete(r.key());
      } else if (valid(r.value())) {
        store.put(r.key(), r.value());
      } else {
        log.warn(
            "indicator {} ignored: not 'type value' with a valid value: {}", r.key(), r.value());
        return;
      }
      version.incrementAndGet();
    }

    static boolean valid(String typeAndValue) {
      String[] p = typeAndValue.split(" ", 2);
      try {
        return p.length == 2
            && ObservableType.fromCode(p[0])
                .map(
                    t -> {
                      jp.renkei.engine.observable.Observables.parse(t, p[1]);
                      return true;
                    })
                .orElse(false);
      } catch (InvalidObservable e) {
        return false;
      }
    }
  }

  /** Matches each log record; forwards "S|indicator" sightings and "D|source" dead letters. */
  static final class Matcher implements Processor<String, byte[], String, String> {
    private final String format;
    private final BadRecordPolicy policy;
    private final long rebuildAfterMillis;
    private final AtomicLong version;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> store;
    private IndicatorIndex index;
    private LogMatcher matcher;
    private long builtVersion = -1;
    private long changedAt;

    Matcher(String format, BadRecordPolicy policy, Duration rebuildAfter, AtomicLong version) {
      this.format = format;
      this.policy = policy;
      this.rebuildAfterMillis = rebuildAfter.toMillis();
      this.version = version;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.store = context.getStateStore(INDICATOR_STORE);
    }

    @Override
    public void process(Record<String, byte[]> r) {
      refresh(r.timestamp());
      String source = r.key() == null ? "-" : r.key();
      if (r.value() == null) {
        return;
      }
      long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
      int found = matcher.matchLine(r.value(), offset, hit -> forward(r, source, offset, hit));
      if (found < 0) {
        if (policy == BadRecordPolicy.FAIL) {
          throw new StreamsException(
              "malformed " + format + " log record at offset " + offset + " from " + source);
        }
        String reason =
            "{\"reason\":\"malformed "
                + format
                + " line\",\"source\":"
                + json(source)
                + ",\"offset\":"
                + offset
                + ",\"line\":"
                + json(new String(r.value(), StandardCharsets.UTF_8))
                + "}";
        context.forward(new Record<>("D|" + source, reason, r.timestamp()));
      }
    }

    private void forward(Record<String, byte[]> r, String source, long offset, Hit h) {
      Indicator i = index.indicator(h.indicator());
      String json =
          "{\"indicator\":"
              + json(i.id())
              + ",\"type\":"
              + json(i.type())
              + ",\"value\":"
              + json(i.value())
              + ",\"client\":"
              + json(h.client())
              + ",\"time\":"
              + json(h.time())
              + ",\"field\":"
              + json(h.field())
              + ",\"source\":"
              + json(source)
              + ",\"offset\":"
              + offset
              + "}";
      context.forward(new Record<>("S|" + i.id(), json, r.timestamp()));
    }

    /**
     * Rebuilds the index when indicators changed and the grace period has passed (or on first use).
     */
    private void refresh(long now) {
      long v = version.get();
      if (v == builtVersion && index != null) {
        return;
      }
      if (index != null && changedAt == 0) {
        changedAt = System.currentTimeMillis();
      }
      if (index != null && System.currentTimeMillis() - changedAt < rebuildAfterMillis) {
        return;
      }
      IndicatorIndex.Builder b = IndicatorIndex.builder(1 << 12);
      try (KeyValueIterator<String, String> it = store.all()) {
        while (it.hasNext()) {
          var kv = it.next();
          String[] p = kv.value.split(" ", 2);
          try {
            b.add(kv.key, ObservableType.fromCode(p[0]).orElseThrow(), p[1]);
          } catch (RuntimeException e) {
            log.warn("indicator {} skipped while rebuilding: {}", kv.key, e.getMessage());
          }
        }
      }
      index = b.build();
      matcher = format.equals("dns") ? new DnsLogMatcher(index) : new SquidMatcher(index);
      builtVersion = v;
      changedAt = 0;
    }
  }

  static String json(String s) {
    return jp.renkei.engine.match.JsonText.quote(s);
  }
}
