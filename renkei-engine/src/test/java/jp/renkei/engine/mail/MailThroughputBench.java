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
 * It prints its numbers (docs/benchmarks.md) and asserts nothing about time.
 */
class MailThroughputBench {

  static final int REPEAT = 60;

  @Test
  void corpus() throws Exception {
    List<MailCorpus.Sample> corpus = MailCorpus.all();
    // a new analyser per message, as the server makes them: one analyser keeps what it decoded
    // from images and PDFs, and the same 34 messages over and over would be decoded once
    java.util.function.Supplier<MailAnalyzer> analyzer =
        () ->
            new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of("sakura-bank.co.jp"), List.of());
    long bytes = corpus.stream().mapToLong(s -> s.eml().length).sum();
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
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < REPEAT; i++) {
        for (MailCorpus.Sample s : corpus) {
          analyzer.get().analyze(new ByteArrayInputStream(s.eml()));
        }
      }
      double analysed = REPEAT * corpus.size() / ((System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      for (int i = 0; i < REPEAT; i++) {
        for (MailCorpus.Sample s : corpus) {
          parseOnly(s.eml());
        }
      }
      double parsed = REPEAT * corpus.size() / ((System.nanoTime() - t1) / 1e9);
      if (withModel != null) {
        long t2 = System.nanoTime();
        for (int i = 0; i < REPEAT; i++) {
          for (MailCorpus.Sample s : corpus) {
            withModel.get().analyze(new ByteArrayInputStream(s.eml()));
          }
        }
        System.out.printf(
            "BENCH round %d: analysis with the wording model %.0f messages/s%n",
            round, REPEAT * corpus.size() / ((System.nanoTime() - t2) / 1e9));
      }
      System.out.printf(
          "BENCH round %d: full analysis %.0f messages/s; mime4j parse only %.0f messages/s;"
              + " analysis costs %.1fx the parse (%d messages, %d KB per pass)%n",
          round, analysed, parsed, parsed / analysed, corpus.size(), bytes / 1024);
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
