package jp.renkei.engine.redact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What matching names in compatibility forms ({@link CompatibleText}, attack40) costs a redaction,
 * against the fold it replaced ({@link Redactor#fold}), in one run: Japanese and English prose (the
 * hub's own messages files, {@code -Dredact.cost=<messages.properties>}), about 1 MB a pass.
 * Skipped without the property. Prints median times and ratios; asserts nothing.
 */
class RedactCompatibilityCost {

  @Test
  void cost() throws Exception {
    String file = System.getProperty("redact.cost");
    Assumptions.assumeTrue(file != null, "-Dredact.cost=<a text file>");
    String one = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 1_000_000) {
      sb.append(one);
    }
    String text = sb.toString();
    Redactor redactor =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行", "Sakura Fictional Bank", "ｻｸﾗｷﾞﾝｺｳ"),
                List.of("sakura-bank.example"),
                List.of("duty@sakura-mail.example"),
                List.of("山田 太郎"),
                List.of("192.0.2.0/24")));
    long[] oldFold = new long[15];
    long[] newFold = new long[15];
    long[] whole = new long[15];
    int sink = 0;
    for (int i = 0; i < 15; i++) {
      long t0 = System.nanoTime();
      sink += Redactor.fold(text).length();
      long t1 = System.nanoTime();
      sink += CompatibleText.of(text).text.length();
      long t2 = System.nanoTime();
      sink += redactor.redact(text).spans().size();
      long t3 = System.nanoTime();
      oldFold[i] = t1 - t0;
      newFold[i] = t2 - t1;
      whole[i] = t3 - t2;
    }
    java.util.Arrays.sort(oldFold);
    java.util.Arrays.sort(newFold);
    java.util.Arrays.sort(whole);
    System.out.printf(
        "REDACT-COST %,d chars: old fold %.1f ms, compatible fold %.1f ms (%.1fx), whole redact"
            + " %.1f ms (the compatible fold %.0f %% of it) [%d]%n",
        text.length(),
        oldFold[7] / 1e6,
        newFold[7] / 1e6,
        (double) newFold[7] / oldFold[7],
        whole[7] / 1e6,
        100.0 * newFold[7] / whole[7],
        sink % 2);
  }
}
