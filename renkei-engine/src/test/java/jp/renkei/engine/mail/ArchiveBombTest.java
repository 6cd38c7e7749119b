package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A small message of many attachments, each an archive of many archives of zeros: every archive
 * stays inside the per-archive caps, so only the per-message caps bound the work. Work is measured
 * by what the analyser counts (bytes unpacked, entries read), never by the clock.
 */
class ArchiveBombTest {

  static byte[] zip(int entries, String prefix, byte[] content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < entries; i++) {
        z.putNextEntry(new ZipEntry(prefix + i + (prefix.equals("inner") ? ".zip" : ".bin")));
        z.write(content);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** {@code attachments} × 100 inner archives × 3 entries × 1 MiB of zeros. */
  static byte[] bomb(int attachments) throws Exception {
    byte[] inner = zip(3, "zeros", new byte[1 << 20]);
    byte[] outer = zip(100, "inner", inner);
    StringBuilder m =
        new StringBuilder(
            "From: a@attacker.example\r\nTo: b@victim.example\r\nSubject: bomb\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n");
    String encoded = Base64.getMimeEncoder().encodeToString(outer);
    for (int i = 0; i < attachments; i++) {
      m.append("--B\r\nContent-Type: application/zip\r\n")
          .append("Content-Disposition: attachment; filename=\"a")
          .append(i)
          .append(".zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
          .append(encoded)
          .append("\r\n");
    }
    m.append("--B--\r\n");
    return m.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static MailReport analyze(MailAnalyzer.Limits limits, byte[] message) {
    return new MailAnalyzer(limits, List.of(), List.of())
        .analyze(new ByteArrayInputStream(message));
  }

  @Test
  void aNestedArchiveBombIsBoundedPerMessageNotPerArchive() throws Exception {
    byte[] message = bomb(20);
    // 20 × 100 × 3 MiB = 6 GiB if every archive were only held to its own caps
    assertThat(message.length).isLessThan(2_000_000);
    MailAnalyzer.Limits limits =
        new MailAnalyzer.Limits(
            25L << 20,
            200,
            8,
            1000,
            500,
            64L << 20,
            10_000,
            8L << 20,
            300,
            2,
            Duration.ofMinutes(5));
    MailReport r = analyze(limits, message);

    assertThat(r.work().unpackedBytes()).isLessThanOrEqualTo(8L << 20);
    assertThat(r.work().archiveEntries()).isLessThanOrEqualTo(300);
    assertThat(r.work().limitsReached()).contains("bytes unpacked per message 8388608");
    assertThat(r.work().limited()).isTrue();
    assertThat(r.findings()).anyMatch(f -> f.flag() == RedFlag.ARCHIVE_LIMIT);
    // the report still lists every attachment, with its hashes: only unpacking stopped
    assertThat(r.attachments()).hasSize(20).allMatch(a -> a.sha256() != null);
    assertThat(r.problems())
        .anyMatch(
            p ->
                p.en().startsWith("limit reached: bytes unpacked")
                    && p.ja().startsWith("上限に達しました"));
  }

  @Test
  void theEntryCapStopsManySmallEntries() throws Exception {
    MailAnalyzer.Limits limits =
        new MailAnalyzer.Limits(
            25L << 20,
            200,
            8,
            1000,
            500,
            64L << 20,
            10_000,
            1L << 40,
            250,
            2,
            Duration.ofMinutes(5));
    MailReport r = analyze(limits, bomb(20));
    assertThat(r.work().archiveEntries()).isEqualTo(250);
    assertThat(r.work().limitsReached()).containsExactly("archive entries per message 250");
  }

  @Test
  void theDefaultLimitsBoundTheSameBomb() throws Exception {
    MailReport r = analyze(MailAnalyzer.Limits.DEFAULT, bomb(40));
    assertThat(r.work().unpackedBytes())
        .isLessThanOrEqualTo(MailAnalyzer.Limits.DEFAULT.maxUnpackedPerMessage());
    assertThat(r.work().archiveEntries())
        .isLessThanOrEqualTo(MailAnalyzer.Limits.DEFAULT.maxEntriesPerMessage());
    assertThat(r.work().limited()).isTrue();
  }

  @Test
  void archivesDeeperThanTheLimitAreListedNotUnpacked() throws Exception {
    MailAnalyzer.Limits oneLevel =
        new MailAnalyzer.Limits(
            25L << 20,
            200,
            8,
            1000,
            500,
            64L << 20,
            10_000,
            64L << 20,
            1000,
            1,
            Duration.ofMinutes(5));
    MailReport r = analyze(oneLevel, bomb(1));
    assertThat(r.work().archiveDepth()).isEqualTo(1);
    assertThat(r.attachments().get(0).members())
        .hasSize(100)
        .allMatch(m -> m.members().isEmpty() && "zip".equals(m.detectedType()));
    assertThat(r.work().limitsReached()).containsExactly("archives nested deeper than 1");
  }

  @Test
  void pastItsTimeTheAnalysisSaysSoInsteadOfFailing() throws Exception {
    MailAnalyzer.Limits noTime =
        new MailAnalyzer.Limits(
            25L << 20, 200, 8, 1000, 500, 64L << 20, 200, 64L << 20, 1000, 2, Duration.ZERO);
    MailReport r = analyze(noTime, bomb(2));
    assertThat(r.subject()).isEqualTo("bomb");
    assertThat(r.work().unpackedBytes()).isZero();
    assertThat(r.work().limitsReached()).containsExactly("analysis time 0 ms");
  }

  /**
   * A ZIP of {@code zeros} MiB of zeros in one entry, then {@code after} small entries named so.
   */
  static byte[] bombThen(int zeros, int empties, String last) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] mib = new byte[1 << 20];
      for (int i = 0; i < zeros; i++) {
        z.write(mib);
      }
      z.closeEntry();
      for (int i = 0; i < empties; i++) {
        z.putNextEntry(new ZipEntry("empty" + i + ".txt"));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry(last));
      z.write(new byte[] {'M', 'Z'});
      z.closeEntry();
    }
    return out.toByteArray();
  }

  static byte[] withZip(byte[] zip) {
    return ("From: a@attacker.example\r\nTo: b@victim.example\r\nSubject: invoice\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/plain\r\n\r\nsee the invoice\r\n"
            + "--B\r\nContent-Type: application/zip\r\n"
            + "Content-Disposition: attachment; filename=\"invoice.zip\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(zip)
            + "\r\n--B--\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * An executable behind an entry of 100 MiB of zeros (past the 64 MiB an archive may unpack), or
   * behind more entries than an archive may have read: unpacking stops at the limit, and before
   * (hostile27) the executable went unnamed and the message was CLEAN. The names the unpacking did
   * not reach are read from the archive's central directory and judged by name.
   */
  @Test
  void anExecutableBehindABombOrManyEntriesIsStillNamed() throws Exception {
    MailReport bomb = analyze(MailAnalyzer.Limits.DEFAULT, withZip(bombThen(100, 0, "run.exe")));
    assertThat(bomb.findings())
        .extracting(MailReport.Finding::flag)
        .contains(RedFlag.ARCHIVE_LIMIT);
    assertThat(bomb.findings())
        .filteredOn(f -> f.flag() == RedFlag.EXECUTABLE_ATTACHMENT)
        .extracting(MailReport.Finding::evidence)
        .containsExactly("run.exe");
    assertThat(bomb.work().unpackedBytes()).isLessThanOrEqualTo(64L << 20);
    assertThat(bomb.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);

    MailReport many =
        analyze(
            MailAnalyzer.Limits.DEFAULT,
            withZip(
                bombThen(0, MailAnalyzer.Limits.DEFAULT.maxArchiveEntries(), "invoice.pdf.exe")));
    assertThat(many.findings())
        .extracting(MailReport.Finding::flag)
        .contains(RedFlag.ARCHIVE_LIMIT, RedFlag.EXECUTABLE_ATTACHMENT, RedFlag.DOUBLE_EXTENSION);
  }

  @Test
  void theCentralDirectoryGivesTheNamesWithoutUnpacking() throws Exception {
    assertThat(ZipNames.of(bombThen(1, 2, "last.exe"), 10))
        .containsExactly("zeros.bin", "empty0.txt", "empty1.txt", "last.exe");
    assertThat(ZipNames.of(bombThen(0, 5, "x"), 3)).hasSize(3);
    assertThat(ZipNames.of(new byte[] {1, 2, 3}, 10)).isEmpty();
    assertThat(ZipNames.of(new byte[100], 10)).isEmpty();
  }
}
