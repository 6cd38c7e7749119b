package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The CPU time (this thread's, from {@link ThreadMXBean}, so a loaded machine does not count) the
 * analyser spends on each shape of hostile message an attacker can build in a few megabytes
 * (hostile27), with what the report says of it. Run on two builds to compare them:
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-engine test -Dtest=MailHostileBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.skip=true -Dmail.hostile.bench=true
 * </pre>
 */
class MailHostileBench {

  static final String HEAD = "From: a@example.com\r\nTo: b@example.jp\r\nSubject: hostile\r\n";

  /** {@code depth} messages each attached to the one above, the text in the last. */
  static String messagesInMessages(int depth) {
    StringBuilder b = new StringBuilder(HEAD);
    for (int i = 0; i < depth; i++) {
      b.append("MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n")
          .append("From: a")
          .append(i)
          .append("@example.com\r\nSubject: level ")
          .append(i)
          .append("\r\n");
    }
    return b.append("Content-Type: text/plain\r\n\r\nsee https://deep.example/x\r\n").toString();
  }

  /** A multipart of {@code parts} siblings, each a short text. */
  static String siblings(int parts) {
    StringBuilder b =
        new StringBuilder(HEAD)
            .append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"S\"\r\n\r\n");
    for (int i = 0; i < parts; i++) {
      b.append("--S\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
    }
    return b.append("--S--\r\n").toString();
  }

  /** {@code depth} multiparts, none of them closed. */
  static String unterminated(int depth) {
    String nested = HostileMailTest.nested("open", depth, "see https://deep.example/x");
    return nested.substring(0, nested.indexOf("--b" + (depth - 1) + "--"));
  }

  /** A 76-letter boundary and a body of lines that are the boundary but for its last letter. */
  static String nearBoundaries(int lines) {
    String boundary = "=_" + "x".repeat(74);
    String near = "--" + boundary.substring(0, boundary.length() - 1) + "y\r\n";
    return HEAD
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\""
        + boundary
        + "\"\r\n\r\n--"
        + boundary
        + "\r\nContent-Type: text/plain\r\n\r\nsee https://deep.example/x\r\n"
        + near.repeat(lines)
        + "--"
        + boundary
        + "--\r\n";
  }

  static String headers(int count) {
    return "X-Filler: x\r\n".repeat(count) + HEAD + "\r\nsee https://deep.example/x\r\n";
  }

  static String longHeader(int length) {
    return "X-Long: " + "a".repeat(length) + "\r\n" + HEAD + "\r\nsee https://deep.example/x\r\n";
  }

  static String attachment(String type, String name, byte[] content) {
    return HEAD
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
        + "Content-Type: text/plain\r\n\r\nsee https://deep.example/x\r\n--B\r\nContent-Type: "
        + type
        + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\""
        + name
        + "\"\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(content)
        + "\r\n--B--\r\n";
  }

  static String garbageBase64(int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append("!@#$%^&*()A=\r\n".charAt(i % 14));
    }
    return HEAD
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
        + "Content-Type: text/plain\r\n\r\nsee https://deep.example/x\r\n--B\r\n"
        + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\"g.bin\"\r\n\r\n"
        + b
        + "\r\n--B--\r\n";
  }

  static byte[] zipInZip(int depth) throws Exception {
    byte[] inner = "MZ".getBytes(StandardCharsets.US_ASCII);
    String name = "run.exe";
    for (int i = 0; i < depth; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry(name));
        z.write(inner);
        z.closeEntry();
      }
      inner = out.toByteArray();
      name = "level" + i + ".zip";
    }
    return inner;
  }

  /** One entry of {@code mib} MiB of zeros (1 GiB packs into about 1 MB). */
  static byte[] zipBomb(int mib) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.setLevel(9);
      z.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] mb = new byte[1 << 20];
      for (int i = 0; i < mib; i++) {
        z.write(mb);
      }
      z.closeEntry();
      z.putNextEntry(new ZipEntry("run.exe"));
      z.write("MZ".getBytes(StandardCharsets.US_ASCII));
      z.closeEntry();
    }
    return out.toByteArray();
  }

  static Map<String, Supplier<String>> shapes() {
    Map<String, Supplier<String>> s = new LinkedHashMap<>();
    s.put(
        "multipart 10,000 deep",
        () -> HostileMailTest.nested("deep", 10_000, "see https://deep.example/x"));
    s.put("message/rfc822 10,000 deep", () -> messagesInMessages(10_000));
    s.put("100,000 sibling parts", () -> siblings(100_000));
    s.put("multipart 10,000 deep, unterminated", () -> unterminated(10_000));
    s.put("76-letter boundary, 100,000 near lines", () -> nearBoundaries(100_000));
    s.put("100,000 header fields", () -> headers(100_000));
    s.put("one 10 MB header line", () -> longHeader(10 << 20));
    s.put("base64 of 5 MB of garbage", () -> garbageBase64(5 << 20));
    s.put(
        "zip in zip 1,000 deep",
        () -> {
          try {
            return attachment("application/zip", "deep.zip", zipInZip(1_000));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    s.put(
        "zip bomb 1 GiB of zeros",
        () -> {
          try {
            return attachment("application/zip", "bomb.zip", zipBomb(1024));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    for (String kind : new String[] {"png", "gif", "jpeg"}) {
      s.put(
          kind + " claiming 100,000 x 100,000",
          () -> attachment("image/" + kind, "big." + kind, HostileImages.claiming(kind)));
    }
    s.put(
        "pdf with a /Length of 2^62",
        () -> attachment("application/pdf", "huge.pdf", HostileImages.pdfHugeLength()));
    s.put(
        "pdf of arrays 10 deep (control)",
        () -> attachment("application/pdf", "deep.pdf", HostileImages.pdfDeepArrays(10)));
    s.put(
        "pdf of arrays 100,000 deep",
        () -> attachment("application/pdf", "deep.pdf", HostileImages.pdfDeepArrays(100_000)));
    return s;
  }

  @Test
  void cpuTimeOfEachShape() {
    if (System.getProperty("mail.hostile.bench") == null) {
      return;
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String only = System.getProperty("mail.hostile.only", "");
    for (var shape : shapes().entrySet()) {
      if (!shape.getKey().contains(only)) {
        continue;
      }
      byte[] eml = shape.getValue().get().getBytes(StandardCharsets.ISO_8859_1);
      MailAnalyzer analyzer = new MailAnalyzer();
      long first = mx.getCurrentThreadCpuTime();
      analyzer.analyze(new ByteArrayInputStream(eml)); // warm
      first = mx.getCurrentThreadCpuTime() - first;
      long best = Long.MAX_VALUE;
      MailReport r = null;
      for (int round = 0; round < 3; round++) {
        long t = mx.getCurrentThreadCpuTime();
        r = analyzer.analyze(new ByteArrayInputStream(eml));
        best = Math.min(best, mx.getCurrentThreadCpuTime() - t);
      }
      System.out.printf(
          "hostile27 | %s | %,d bytes | %,d ms CPU first | %,d ms CPU best of 3 | %s | %s | links %s"
              + " | limits %s | problems %s%n",
          shape.getKey(),
          eml.length,
          first / 1_000_000,
          best / 1_000_000,
          r.verdict(),
          r.findings().stream().map(f -> f.flag().name()).distinct().toList(),
          r.links().stream().map(MailReport.Link::url).limit(3).toList(),
          r.work().limitsReached(),
          r.problems().stream().map(MailReport.Problem::en).toList());
    }
  }
}
