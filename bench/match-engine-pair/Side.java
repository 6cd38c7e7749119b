package jp.renkei.engine.match;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/** One side of the paired engine run: its own index (from its own snapshot), one pass at a time. */
public class Side {
  private static final ThreadMXBean T = ManagementFactory.getThreadMXBean();
  private IndicatorIndex index;

  public Side(String listFile, String snapshotFile) throws Exception {
    Path list = Path.of(listFile);
    Path snap = Path.of(snapshotFile);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    IndexSnapshot.Result r = IndexSnapshot.read(snap, fp);
    if (r.index() != null) {
      index = r.index();
    } else {
      System.out.println("building: " + r.problem());
      IndicatorIndex.Builder b = IndicatorIndex.builder(1 << 20);
      IndicatorLists.Loaded loaded = IndicatorLists.read(list, list.getFileName().toString(), b);
      index = b.build();
      IndexSnapshot.write(snap, fp, index, List.of(loaded));
    }
  }

  /** {cpu seconds, lines, hits} */
  public double[] pass(byte[] bytes, String name) throws Exception {
    LogMatcher m =
        name.startsWith("zeek")
            ? new ZeekMatcher(index)
            : name.contains("bind") ? new DnsLogMatcher(index) : new SquidMatcher(index);
    long c = T.getCurrentThreadCpuTime();
    MatchStats s = m.match(new ByteArrayInputStream(bytes), h -> {});
    double cs = (T.getCurrentThreadCpuTime() - c) / 1e9;
    return new double[] {cs, s.lines(), s.hits()};
  }
}
