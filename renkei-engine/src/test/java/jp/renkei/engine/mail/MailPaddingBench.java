package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worst padded messages (mailpad22) near the upload limit, 20 MB each: analysis time against
 * the baseline of parsing the same message with mime4j alone. Not part of the test run; run with
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailPaddingBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints its numbers (docs/benchmarks.md) and asserts nothing about time.
 */
class MailPaddingBench {

  static final int SIZE = 20 << 20;

  static Map<String, byte[]> messages() {
    String lure = MailPaddingTest.LURE_TEXT + MailPaddingTest.LURE_LINK;
    Map<String, byte[]> m = new LinkedHashMap<>();
    // many text parts of 3.9 M characters of prose, the lure last
    StringBuilder parts = new StringBuilder();
    String prose = MailPaddingTest.prose(3_900_000);
    while (parts.length() < SIZE - 4_000_000) {
      parts.append("--bb\r\nContent-Type: text/plain\r\n\r\n").append(prose).append("\r\n");
    }
    parts.append("--bb\r\nContent-Type: text/plain\r\n\r\n").append(lure).append("\r\n--bb--\r\n");
    m.put(
        "prose parts",
        ("From: a@kmvrt-care.com\r\nTo: b@example.jp\r\nSubject: Account suspended\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"bb\"\r\n\r\n"
                + parts)
            .getBytes(StandardCharsets.UTF_8));
    // one text part of 20 MB: whitespace, then the lure
    m.put(
        "whitespace part",
        MailPaddingTest.plain("Account suspended", " \r\n".repeat(SIZE / 3) + lure)
            .getBytes(StandardCharsets.UTF_8));
    // an HTML part of hidden short words, then the lure
    m.put(
        "hidden html",
        MailPaddingTest.html(
                "Account suspended",
                "<div style=\"display:none\">"
                    + "a b c d e f g h ".repeat(SIZE / 40)
                    + "</div><p>"
                    + lure
                    + "</p>")
            .getBytes(StandardCharsets.UTF_8));
    return m;
  }

  @Test
  void worstPadding() {
    Map<String, byte[]> m = messages();
    for (int round = 0; round < 3; round++) {
      for (Map.Entry<String, byte[]> e : m.entrySet()) {
        long t0 = System.nanoTime();
        MailReport r = new MailAnalyzer().analyze(new ByteArrayInputStream(e.getValue()));
        double analysed = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        MailThroughputBench.parseOnly(e.getValue());
        double parsed = (System.nanoTime() - t1) / 1e9;
        System.out.printf(
            "BENCH round %d %s (%d KB): analysis %.2f s, mime4j parse %.2f s, %.1fx; %s %s%n",
            round,
            e.getKey(),
            e.getValue().length / 1024,
            analysed,
            parsed,
            analysed / parsed,
            r.verdict(),
            r.findings().stream().map(f -> f.flag().name()).toList());
      }
    }
  }
}
