package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.junit.jupiter.api.Test;

/**
 * Messages per second on the corpus, one thread, against the baseline of parsing the same messages
 * with mime4j alone (no analysis). Not part of the test run; run with
 *
 * <pre>
 * ./mvnw -q -pl renkei-engine test -Dtest=MailThroughputBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints its numbers (docs/benchmarks.md) and asserts nothing about time. Each round gives wall
 * time and the benchmark thread's CPU time (ThreadMXBean): on a machine shared with other work the
 * wall figure falls with the load, the CPU figure much less, and the ratio of the two CPU figures
 * (analysis ÷ parse, same round, same thread) is the one to compare between runs.
 *
 * <p>{@code -Dmail.rounds=N} (8 unless given): the compiler has not finished with the analysis
 * after eight rounds, even on a quiet machine (the CPU per message still falls from round 4 to
 * round 7); 30 rounds reach the steady state.
 *
 * <p>{@code -Dmail.write=DIR} also writes the corpus' messages to DIR (one file each, named by
 * their order and name), for bench/mail-analysis-pair/run.sh to time two builds on them.
 */
class MailThroughputBench {

  static final int REPEAT = 60;

  static final java.lang.management.ThreadMXBean THREAD =
      java.lang.management.ManagementFactory.getThreadMXBean();

  @Test
  void corpus() throws Exception {
    List<MailCorpus.Sample> corpus = MailCorpus.all();
    // a new analyser per message, as the server makes them: one analyser keeps what it decoded
    // from images and PDFs, and the same 34 messages over and over would be decoded once
    java.util.function.Supplier<MailAnalyzer> analyzer =
        () ->
            new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of("sakura-bank.co.jp"), List.of());
    long bytes = corpus.stream().mapToLong(s -> s.eml().length).sum();
    String write = System.getProperty("mail.write");
    if (write != null) {
      java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(write));
      for (int i = 0; i < corpus.size(); i++) {
        String name = corpus.get(i).name().replaceAll("[^A-Za-z0-9._-]+", "-");
        java.nio.file.Files.write(
            dir.resolve(String.format("%02d-%s.eml", i, name)), corpus.get(i).eml());
      }
    }
    // -Dmail.model=FILE (written by MailCorporaBench): also the analysis with the wording model;
    // MailCorporaBench's own values ("off", "on") name no file and leave the model out here
    String modelFile = System.getProperty("mail.model");
    java.util.function.Supplier<MailAnalyzer> withModel = null;
    if (modelFile != null && !modelFile.equals("off") && !modelFile.equals("on")) {
      try (var r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(modelFile))) {
        MailModel model = MailModel.read(r);
        withModel =
            () ->
                new MailAnalyzer(
                    MailAnalyzer.Limits.DEFAULT, List.of("sakura-bank.co.jp"), List.of(), model);
      }
    }
    int messages = REPEAT * corpus.size();
    int rounds = Integer.getInteger("mail.rounds", 8);
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      long c0 = THREAD.getCurrentThreadCpuTime();
      for (int i = 0; i < REPEAT; i++) {
        for (MailCorpus.Sample s : corpus) {
          analyzer.get().analyze(new ByteArrayInputStream(s.eml()));
        }
      }
      long analysedCpu = THREAD.getCurrentThreadCpuTime() - c0;
      double analysed = messages / ((System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      long c1 = THREAD.getCurrentThreadCpuTime();
      for (int i = 0; i < REPEAT; i++) {
        for (MailCorpus.Sample s : corpus) {
          parseOnly(s.eml());
        }
      }
      long parsedCpu = THREAD.getCurrentThreadCpuTime() - c1;
      double parsed = messages / ((System.nanoTime() - t1) / 1e9);
      if (withModel != null) {
        long t2 = System.nanoTime();
        long c2 = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < REPEAT; i++) {
          for (MailCorpus.Sample s : corpus) {
            withModel.get().analyze(new ByteArrayInputStream(s.eml()));
          }
        }
        System.out.printf(
            "BENCH round %d: analysis with the wording model %.0f messages/s wall,"
                + " %.0f per CPU-second%n",
            round,
            messages / ((System.nanoTime() - t2) / 1e9),
            messages / ((THREAD.getCurrentThreadCpuTime() - c2) / 1e9));
      }
      System.out.printf(
          "BENCH round %d: full analysis %.0f messages/s; mime4j parse only %.0f messages/s;"
              + " analysis costs %.1fx the parse (%d messages, %d KB per pass)%n",
          round, analysed, parsed, parsed / analysed, corpus.size(), bytes / 1024);
      System.out.printf(
          "BENCH round %d, thread CPU: full analysis %.0f messages per CPU-second (%.0f µs each);"
              + " mime4j parse only %.0f per CPU-second (%.0f µs each);"
              + " analysis costs %.1fx the parse in CPU%n",
          round,
          messages / (analysedCpu / 1e9),
          analysedCpu / 1e3 / messages,
          messages / (parsedCpu / 1e9),
          parsedCpu / 1e3 / messages,
          (double) analysedCpu / parsedCpu);
    }
  }

  static void parseOnly(byte[] eml) {
    DefaultMessageBuilder b = new DefaultMessageBuilder();
    b.setMimeEntityConfig(
        MimeConfig.custom()
            .setMaxHeaderCount(1000)
            .setMaxLineLen(-1)
            .setStrictParsing(false)
            .build());
    b.setDecodeMonitor(DecodeMonitor.SILENT);
    try {
      Message m = b.parseMessage(new ByteArrayInputStream(eml));
      m.dispose();
    } catch (Exception e) {
      // the baseline only parses
    }
  }
}
