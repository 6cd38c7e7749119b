package jp.renkei.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.renkei.engine.match.DnsLogMatcher;
import jp.renkei.engine.match.IndexSnapshot;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.match.IndicatorLists;
import jp.renkei.engine.match.LogMatcher;
import jp.renkei.engine.match.MappedFileInput;
import jp.renkei.engine.match.MatchStats;
import jp.renkei.engine.match.SquidMatcher;
import jp.renkei.engine.match.ZeekMatcher;

/**
 * The engine side of issue 18's per-shape benchmark, without the JVM start and the CLI: builds the
 * index of an indicator list (from scratch, or from a snapshot beside it), reads a log into memory
 * and matches it {@code passes} times with the matcher of its format, printing the CPU seconds of
 * the matching thread for each pass (the figure that still means something on a shared machine).
 *
 * <pre>
 * java -Xmx4g -cp renkei-bench/target/benchmarks.jar jp.renkei.bench.MatchShapesDriver \
 *     INDICATORS LOG [PASSES] [scratch|snapshot] [memory|file|map|both]
 * </pre>
 *
 * The log's format is taken from its name ({@code zeek*}: Zeek JSON, {@code *bind*}: BIND query
 * log, else Squid), as {@code bench/gen_match_shapes.py} names them. {@code snapshot} reads (or
 * first writes) {@code INDICATORS.bench-index}; {@code scratch} (the default) parses the list.
 * {@code memory} (the default) matches the log from a byte array read before the passes; {@code
 * file} reads it from the file on every pass with read calls (a buffered file stream, the kernel's
 * copy counted in the thread's CPU); {@code map} through {@link MappedFileInput}; {@code both}
 * cycles memory, file, map, so one JVM shows what each way of reading costs the matching thread.
 */
public final class MatchShapesDriver {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MatchShapesDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: MatchShapesDriver INDICATORS LOG [PASSES] [scratch|snapshot]");
      System.exit(2);
    }
    Path list = Path.of(args[0]);
    Path log = Path.of(args[1]);
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    boolean snapshot = args.length > 3 && args[3].equals("snapshot");
    String reading = args.length > 4 ? args[4] : "memory";

    System.gc();
    long heap0 = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    IndicatorIndex index = snapshot ? fromSnapshot(list) : fromScratch(list);
    System.out.printf(
        "index: %d indicators %s in %.2f s wall, %.2f s CPU%n",
        index.size(),
        snapshot ? "(snapshot)" : "(from scratch)",
        (System.nanoTime() - wall) / 1e9,
        (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
    System.gc();
    System.gc();
    long heap1 = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        "heap: %d bytes per indicator (the index's own estimate: %d)%n",
        (heap1 - heap0) / Math.max(1, index.size()),
        index.indexBytes() / Math.max(1, index.size()));

    byte[] bytes = reading.equals("file") || reading.equals("map") ? null : Files.readAllBytes(log);
    String name = log.getFileName().toString();
    for (int p = 1; p <= passes; p++) {
      LogMatcher m =
          name.startsWith("zeek")
              ? new ZeekMatcher(index)
              : name.contains("bind") ? new DnsLogMatcher(index) : new SquidMatcher(index);
      boolean mapped = reading.equals("map") || (reading.equals("both") && p % 3 == 0);
      boolean fromFile = reading.equals("file") || (reading.equals("both") && p % 3 == 2);
      long w = System.nanoTime();
      long c = THREADS.getCurrentThreadCpuTime();
      MatchStats s;
      try (InputStream in =
          mapped
              ? new BufferedInputStream(new MappedFileInput(log), 1 << 16)
              : fromFile
                  ? new BufferedInputStream(Files.newInputStream(log), 1 << 16)
                  : new ByteArrayInputStream(bytes)) {
        s = m.match(in, h -> {});
      }
      double cs = (THREADS.getCurrentThreadCpuTime() - c) / 1e9;
      System.out.printf(
          "pass %d %s (%s): %d lines, %d hits, %d bad; %.2f s wall, %.2f s CPU = %.2f M lines per"
              + " CPU-second%n",
          p,
          name,
          mapped ? "mapped" : fromFile ? "file" : "memory",
          s.lines(),
          s.hits(),
          s.badLines(),
          (System.nanoTime() - w) / 1e9,
          cs,
          s.lines() / cs / 1e6);
    }
  }

  private static IndicatorIndex fromScratch(Path list) throws Exception {
    IndicatorIndex.Builder b =
        IndicatorIndex.builder((int) Math.min(1 << 24, Math.max(1 << 16, Files.size(list) / 24)));
    IndicatorLists.read(list, list.getFileName().toString(), b);
    return b.build();
  }

  private static IndicatorIndex fromSnapshot(Path list) throws Exception {
    Path file = Path.of(list + ".bench-index");
    long fingerprint = IndexSnapshot.fingerprint(List.of(list));
    IndexSnapshot.Result r = IndexSnapshot.read(file, fingerprint);
    if (r.index() != null) {
      return r.index();
    }
    System.out.println("snapshot: " + r.problem() + "; building it");
    IndicatorIndex.Builder b = IndicatorIndex.builder(1 << 20);
    IndicatorLists.Loaded loaded = IndicatorLists.read(list, list.getFileName().toString(), b);
    IndicatorIndex index = b.build();
    IndexSnapshot.write(file, fingerprint, index, List.of(loaded));
    return index;
  }
}
