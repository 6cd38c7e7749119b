package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one uploaded Outlook file may make the hub allocate (attack34). Real .msg files cost 25 to
 * 48 bytes of allocation per byte of file to read ({@link MailOutlook#read}, the test resources); a
 * crafted one cost 84 (a compressed-RTF body that grows 8.5 times) or any amount (streams sharing
 * sectors: 604 for 200 streams, a 25 MB file more than any heap). Allocation is counted by the JVM
 * for this thread (no timing).
 */
class MailOutlookBoundsTest {

  /** Bytes allocated per byte of file that the real files in the test resources stay under. */
  private static final int REAL_FILES = 50;

  @BeforeAll
  static void warmUp() throws Exception {
    byte[] b = lure().bytes();
    MailOutlook.read(b, b.length); // classes loaded and initialised outside the counts
  }

  private static OutlookFile lure() {
    return new OutlookFile().subject("請求書").from("経理", "billing@lure.example").text("see the link");
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @Test
  void streamsPointingAtTheSameSectorsAreRefusedBeforeAnyIsRead() throws Exception {
    byte[] file = sharedChain(200);

    long before = allocated();
    assertThatThrownBy(() -> MailOutlook.read(file, file.length))
        .isInstanceOfSatisfying(
            MailOutlook.NotOutlook.class,
            e -> {
              assertThat(e.kind).isEqualTo(MailOutlook.LIMIT);
              assertThat(e.getMessage())
                  .contains("streams declare more than its own " + MailReport.grouped(file.length))
                  .contains("point at the same sectors");
              assertThat(e.ja).contains("同じセクタ");
            });
    assertThat(allocated() - before).isLessThan((long) file.length * REAL_FILES);

    MailReport r = new MailAnalyzer().analyze(new ByteArrayInputStream(file));
    assertThat(r.problems()).anyMatch(p -> p.kind().equals(MailOutlook.LIMIT));
  }

  @Test
  void aContainerOfMoreEntriesThanTheReaderTakesIsRefusedBeforePoiBuildsThem() throws Exception {
    byte[] file = storages(MailOutlook.MAX_ENTRIES / 2);

    long before = allocated();
    assertThatThrownBy(() -> MailOutlook.read(file, file.length))
        .isInstanceOfSatisfying(
            MailOutlook.NotOutlook.class,
            e -> {
              assertThat(e.kind).isEqualTo(MailOutlook.LIMIT);
              assertThat(e.getMessage()).contains("more than 20,000 entries");
              assertThat(e.ja).contains("20,000 個を超えています");
            });
    assertThat(allocated() - before).isLessThan((long) file.length * REAL_FILES);
  }

  @Test
  void aCompressedRtfBodyIsReadOnlyAsFarAsTheRebuiltMessageHasRoom() throws Exception {
    byte[] file =
        new OutlookFile()
            .subject("請求書").from("経理", "billing@lure.example").stream(
                    "__substg1.0_10090102", rtfGrowing(1 << 20))
                .bytes();

    long before = allocated();
    MailOutlook.Read read = MailOutlook.read(file, file.length);
    long cost = allocated() - before;

    assertThat(cost).isLessThan((long) file.length * REAL_FILES);
    assertThat(read.mime().length).isLessThanOrEqualTo(file.length * MailOutlook.MAX_OUT_FACTOR);
    assertThat(read.notes())
        .anyMatch(p -> p.kind().equals("limit") && p.en().contains("RTF body of the message"));
  }

  @Test
  void aSmallRtfBodyIsStillReadWhole() throws Exception {
    String rtf = "{\\rtf1\\ansi\\fromtext {\\fonttbl;} 振込先の変更 https://pay.lure.example/x \\par}";
    byte[] file =
        new OutlookFile().subject("請求書").from("経理", "billing@lure.example").rtf(rtf).bytes();
    MailOutlook.Read read = MailOutlook.read(file, file.length);
    assertThat(read.notes()).noneMatch(p -> p.kind().equals("limit"));
    MailReport r = new MailAnalyzer().analyze(new ByteArrayInputStream(file));
    assertThat(r.links()).anyMatch(l -> l.url().contains("pay.lure.example"));
  }

  /**
   * An Outlook file whose {@code n} small streams' directory entries are rewritten to name one 1
   * MiB attachment's sectors and size (128-byte entries: start sector at 116, size at 120).
   */
  static byte[] sharedChain(int n) {
    byte[] data = new byte[1 << 20];
    new Random(34).nextBytes(data);
    OutlookFile f = lure().attach("a.bin", "application/octet-stream", data);
    for (int i = 0; i < n; i++) {
      f.stream(property(i), new byte[] {1});
    }
    byte[] file = f.bytes();
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int big = entry(file, "__substg1.0_37010102");
    for (int i = 0; i < n; i++) {
      int e = entry(file, property(i));
      b.putInt(e + 116, b.getInt(big + 116));
      b.putLong(e + 120, b.getLong(big + 120));
    }
    return file;
  }

  /** An Outlook file of {@code n} attachment storages holding one small stream each. */
  static byte[] storages(int n) throws java.io.IOException {
    try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
      var root = fs.getRoot();
      root.createDocument(
          "__substg1.0_0037001F",
          new ByteArrayInputStream("請求書".getBytes(StandardCharsets.UTF_16LE)));
      root.createDocument("__properties_version1.0", new ByteArrayInputStream(new byte[32]));
      for (int i = 0; i < n; i++) {
        root.createDirectory(String.format("__attach_version1.0_#%08X", i))
            .createDocument("__substg1.0_3707001F", new ByteArrayInputStream(new byte[] {'a', 0}));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  private static String property(int i) {
    return String.format("__substg1.0_%04X0102", 0x8000 + i);
  }

  /** Compressed RTF (LZFu) made only of references of the longest length: 8.5 times its size. */
  static byte[] rtfGrowing(int size) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int position = 207; // after the dictionary's preloaded RTF
    while (body.size() < size) {
      body.write(0xFF); // the next eight are references
      for (int i = 0; i < 8; i++) {
        int offset = position == 0 ? 1 : 0; // a reference to the write position ends the stream
        int reference = (offset << 4) | 15; // 15 + 2 bytes
        body.write(reference >> 8);
        body.write(reference & 0xFF);
        position = (position + 17) & 0xFFF;
      }
    }
    byte[] b = body.toByteArray();
    return ByteBuffer.allocate(16 + b.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(b.length + 12)
        .putInt(b.length * 9)
        .putInt(0x75465A4C) // "LZFu"
        .putInt(0)
        .put(b)
        .array();
  }

  /** Where a directory entry of that name starts (entries are 128 bytes, aligned). */
  static int entry(byte[] file, String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
    outer:
    for (int i = 0; i + n.length <= file.length; i += 128) {
      for (int j = 0; j < n.length; j++) {
        if (file[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no entry " + name);
  }
}
