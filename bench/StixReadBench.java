import java.io.*;
import java.lang.management.*;
import jp.renkei.engine.stix.StixBundleReader;
import tools.jackson.databind.JsonNode;

public class StixReadBench {
  public static void main(String[] a) throws Exception {
    byte[] all = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(a[0]));
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    int[] n = {0};
    StixBundleReader.Sink sink = new StixBundleReader.Sink() {
      public void object(int i, long l, JsonNode o) { n[0]++; }
      public void rejected(int i, long l, String m) { n[0]--; }
    };
    for (int w = 0; w < 3; w++) StixBundleReader.read(new ByteArrayInputStream(all), sink);
    long best = Long.MAX_VALUE; StringBuilder sb = new StringBuilder();
    long[] all5 = new long[15]; for (int r = 0; r < 15; r++) {
      long c0 = t.getCurrentThreadCpuTime();
      StixBundleReader.read(new ByteArrayInputStream(all), sink);
      long ms = (t.getCurrentThreadCpuTime() - c0) / 1_000_000;
      all5[r] = ms;
    }
    java.util.Arrays.sort(all5); System.out.println(a[1] + " cpu ms per read: median " + all5[7] + " min " + all5[0] + " max " + all5[14]);
  }
}
