package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What reading an Outlook file allocates per byte of file (attack34): crafted files against the
 * baseline of the real .msg files of the test resources, in the same run. Bytes allocated by this
 * thread (the JVM's count; no timing). Not a test: run it by name (docs/benchmarks.md, attack34).
 */
class MailOutlookAllocationBench {

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** Bytes allocated by MailOutlook.read and by the whole analysis, per byte of file. */
  private static double[] perByte(byte[] b) {
    for (int i = 0; i < 3; i++) { // warm
      once(b);
    }
    long a0 = allocated();
    once(b);
    long a1 = allocated();
    new MailAnalyzer().analyze(new ByteArrayInputStream(b));
    long a2 = allocated();
    return new double[] {(a1 - a0) / (double) b.length, (a2 - a1) / (double) b.length};
  }

  private static void once(byte[] b) {
    try {
      MailOutlook.read(b, b.length);
    } catch (MailOutlook.NotOutlook refused) {
      // a refusal costs what it costs
    }
  }

  @Test
  void craftedAgainstRealFiles() throws Exception {
    Path dir =
        Path.of(System.getProperty("msg.dir", "src/test/resources/jp/renkei/engine/mail/outlook"));
    List<byte[]> real = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".msg")).sorted().toList()) {
        real.add(Files.readAllBytes(p));
      }
    }
    // the baseline: all real files together, bytes allocated over bytes of file
    double read = 0;
    double analysed = 0;
    long bytes = 0;
    for (byte[] b : real) {
      double[] c = perByte(b);
      read += c[0] * b.length;
      analysed += c[1] * b.length;
      bytes += b.length;
    }
    double realRead = read / bytes;
    double realAnalyse = analysed / bytes;
    System.out.printf(
        "ALLOC baseline: %d real .msg files (%,d bytes), %.1f B/B read, %.1f B/B analysed%n",
        real.size(), bytes, realRead, realAnalyse);
    report("compressed RTF 8.5x, 1 MiB", rtf(1 << 20), realRead, realAnalyse);
    report("compressed RTF 8.5x, 4 MiB", rtf(4 << 20), realRead, realAnalyse);
    for (int n : new int[] {50, 200}) {
      report(
          n + " streams on one 1 MiB chain",
          MailOutlookBoundsTest.sharedChain(n),
          realRead,
          realAnalyse);
    }
    report(
        "10,001 attachment storages (20,004 entries)",
        MailOutlookBoundsTest.storages(10_001),
        realRead,
        realAnalyse);
  }

  private static void report(String what, byte[] b, double realRead, double realAnalyse) {
    double[] c = perByte(b);
    System.out.printf(
        "ALLOC %s (%,d bytes): %.1f B/B read (%.2f x baseline), %.1f B/B analysed (%.2f x)%n",
        what, b.length, c[0], c[0] / realRead, c[1], c[1] / realAnalyse);
  }

  private static byte[] rtf(int size) {
    return new OutlookFile()
        .subject("x").from("a", "a@lure.example").stream(
                "__substg1.0_10090102", MailOutlookBoundsTest.rtfGrowing(size))
            .bytes();
  }
}
