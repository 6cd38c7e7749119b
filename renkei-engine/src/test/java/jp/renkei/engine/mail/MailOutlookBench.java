package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How much reading an Outlook file adds (msg33): each .msg of a directory ({@code -Dmsg.dir}, by
 * default the test resources' outlook/) is analysed as uploaded, and against it, in the same run
 * and interleaved round by round, the baseline: the analysis of the very MIME message it is rebuilt
 * into (what an .eml of it costs). Also the reader alone ({@link MailOutlook#read}). Thread CPU
 * time, steadier than wall time on a loaded machine. Not a test: run it by name
 * (docs/benchmarks.md, msg33).
 */
class MailOutlookBench {

  @Test
  void outlookAgainstTheSameMessageAsEml() throws Exception {
    Path dir =
        Path.of(System.getProperty("msg.dir", "src/test/resources/jp/renkei/engine/mail/outlook"));
    int rounds = Integer.getInteger("msg.rounds", 20);
    List<byte[]> msgs = new ArrayList<>();
    List<byte[]> emls = new ArrayList<>();
    long bytes = 0;
    int refused = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".msg")).sorted().toList()) {
        byte[] b = Files.readAllBytes(p);
        try {
          emls.add(MailOutlook.read(b, b.length).mime());
          msgs.add(b);
          bytes += b.length;
        } catch (MailOutlook.NotOutlook e) {
          refused++;
        }
      }
    }
    MailAnalyzer analyzer = new MailAnalyzer();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long read = 0;
    long asMsg = 0;
    long asEml = 0;
    for (int r = 0; r < rounds + 3; r++) {
      boolean counted = r >= 3; // three rounds to warm up
      long t0 = cpu.getCurrentThreadCpuTime();
      for (byte[] b : msgs) {
        MailOutlook.read(b, b.length);
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      for (byte[] b : msgs) {
        analyzer.analyze(new ByteArrayInputStream(b));
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      for (byte[] b : emls) {
        analyzer.analyze(new ByteArrayInputStream(b));
      }
      long t3 = cpu.getCurrentThreadCpuTime();
      if (counted) {
        read += t1 - t0;
        asMsg += t2 - t1;
        asEml += t3 - t2;
      }
    }
    double n = (double) rounds * msgs.size();
    System.out.printf(
        "MSG %d files (%,d bytes; %d refused: corrupt), %d rounds: read %.3f ms/file"
            + " (%.1f MB/s CPU); analysed as .msg %.3f ms/file, as the rebuilt .eml (baseline)"
            + " %.3f ms/file; ratio .msg/.eml %.3f%n",
        msgs.size(),
        bytes,
        refused,
        rounds,
        read / n / 1e6,
        bytes * (double) rounds / (read / 1e9) / 1e6,
        asMsg / n / 1e6,
        asEml / n / 1e6,
        (double) asMsg / asEml);
  }
}
