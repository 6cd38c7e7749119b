package jp.renkei.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.observable.ObservableType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookups of the indicator index against the obvious Java baseline, with 1,000,000 indicators
 * (600,000 domains, 300,000 IPv4 addresses, 100,000 /24 ranges) and a batch of 4,096 queries of
 * which about one in eight hits:
 *
 * <ul>
 *   <li>domains: {@code IndicatorIndex.matchDomain} on bytes vs a {@code HashMap<String,Integer>}
 *       walked over {@code substring}s of the lower-cased host (the usual way);
 *   <li>IPv4: {@code matchIpv4} (longest prefix over the lengths present) vs a {@code
 *       HashMap<Integer,Integer>} probed for every prefix length 32..0.
 * </ul>
 *
 * Run: {@code ./mvnw -q -pl renkei-bench -am package -DskipTests && java -jar
 * renkei-bench/target/benchmarks.jar}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupBenchmark {

  static final int QUERIES = 4096;

  IndicatorIndex index;
  Map<String, Integer> domainMap;
  Map<Long, Integer> ipMap;
  byte[][] hosts;
  String[] hostStrings;
  int[] addresses;

  @Setup
  public void setup() {
    Random r = new Random(20261122);
    IndicatorIndex.Builder b = IndicatorIndex.builder(1 << 20);
    domainMap = new HashMap<>();
    ipMap = new HashMap<>();
    String[] tlds = {"com", "net", "org", "jp", "co.jp", "io"};
    String[] domains = new String[600_000];
    for (int i = 0; i < domains.length; i++) {
      domains[i] = "evil" + i + "." + tlds[r.nextInt(tlds.length)];
      b.add("d" + i, ObservableType.DOMAIN, domains[i]);
      domainMap.put(domains[i], i);
    }
    int[] ips = new int[300_000];
    for (int i = 0; i < ips.length; i++) {
      ips[i] = (11 + r.nextInt(200)) << 24 | r.nextInt(1 << 24);
      b.add("i" + i, ObservableType.IPV4, dotted(ips[i]));
      ipMap.put(key(ips[i], 32), i);
    }
    for (int i = 0; i < 100_000; i++) {
      int net = ((11 + r.nextInt(200)) << 24 | r.nextInt(1 << 24)) & 0xFFFFFF00;
      b.add("n" + i, ObservableType.CIDR, dotted(net) + "/24");
      ipMap.put(key(net, 24), i);
    }
    index = b.build();
    hosts = new byte[QUERIES][];
    hostStrings = new String[QUERIES];
    addresses = new int[QUERIES];
    for (int q = 0; q < QUERIES; q++) {
      String host =
          q % 8 == 0
              ? "www.cdn." + domains[r.nextInt(domains.length)]
              : "static"
                  + r.nextInt(1_000_000)
                  + ".shop"
                  + r.nextInt(1000)
                  + "."
                  + tlds[r.nextInt(tlds.length)];
      hostStrings[q] = host.toUpperCase(java.util.Locale.ROOT).substring(0, 1) + host.substring(1);
      hosts[q] = hostStrings[q].getBytes(StandardCharsets.US_ASCII);
      addresses[q] =
          q % 8 == 0
              ? ips[r.nextInt(ips.length)]
              : (11 + r.nextInt(200)) << 24 | r.nextInt(1 << 24);
    }
  }

  /** The network of {@code a} at prefix {@code p}, with the prefix: the baseline's map key. */
  static long key(int a, int p) {
    int mask = p == 0 ? 0 : -1 << (32 - p);
    return ((long) p << 32) | ((a & mask) & 0xFFFFFFFFL);
  }

  static String dotted(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
  }

  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public int domainIndex() {
    int hits = 0;
    for (byte[] h : hosts) {
      if (index.matchDomain(h, 0, h.length) >= 0) {
        hits++;
      }
    }
    return hits;
  }

  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public int domainHashMapBaseline() {
    int hits = 0;
    for (String h : hostStrings) {
      String s = h.toLowerCase(java.util.Locale.ROOT);
      while (true) {
        if (domainMap.containsKey(s)) {
          hits++;
          break;
        }
        int dot = s.indexOf('.');
        if (dot < 0) {
          break;
        }
        s = s.substring(dot + 1);
      }
    }
    return hits;
  }

  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public int ipv4Index() {
    int hits = 0;
    for (int a : addresses) {
      if (index.matchIpv4(a) >= 0) {
        hits++;
      }
    }
    return hits;
  }

  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public int ipv4HashMapBaseline() {
    int hits = 0;
    for (int a : addresses) {
      for (int p = 32; p >= 0; p--) {
        if (ipMap.containsKey(key(a, p))) {
          hits++;
          break;
        }
      }
    }
    return hits;
  }
}
