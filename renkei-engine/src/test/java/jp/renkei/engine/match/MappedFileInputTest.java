package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileInputTest {

  @TempDir Path dir;

  @Test
  void readsTheFileByteForByteAcrossWindowsWithReadsOfAnySize() throws IOException {
    Random rnd = new Random(5);
    for (int size : new int[] {0, 1, 7, 4096, 4097, 70_001}) {
      byte[] want = new byte[size];
      rnd.nextBytes(want);
      Path f = dir.resolve("log-" + size);
      Files.write(f, want);
      // every window is a mapping of its own until the collector frees it, and the kernel allows a
      // process 65,530 (vm.max_map_count): a 1-byte window over the 70,001-byte file made 70,001 of
      // them and, when no collection ran in between, crashed the test JVM (CI of 2026-12-04)
      for (int window : new int[] {7, 4096, 4099, 65_536, MappedFileInput.WINDOW}) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = new MappedFileInput(f, window)) {
          byte[] buf = new byte[1 + rnd.nextInt(9000)];
          for (int n; (n = in.read(buf, 0, 1 + rnd.nextInt(buf.length))) >= 0; ) {
            assertThat(n).isPositive();
            got.write(buf, 0, n);
          }
          assertThat(in.read()).isEqualTo(-1);
          assertThat(in.read(buf, 0, 0)).isZero();
        }
        assertThat(got.toByteArray()).as("size %d, window %d", size, window).isEqualTo(want);
      }
    }
  }

  @Test
  void aFileCutWhileItIsReadEndsWithAnErrorSayingSoNotACrash() throws IOException {
    Path f = dir.resolve("access.log");
    Files.write(f, new byte[1 << 20]);
    try (InputStream in = new MappedFileInput(f)) {
      byte[] buf = new byte[65_536];
      assertThat(in.read(buf, 0, buf.length)).isEqualTo(buf.length);
      try (RandomAccessFile cut = new RandomAccessFile(f.toFile(), "rw")) {
        cut.setLength(4096); // as a rotation by copy and truncate does
      }
      assertThatThrownBy(
              () -> {
                while (in.read(buf, 0, buf.length) >= 0) {
                  // read on: the pages past the new end are gone
                }
              })
          .isInstanceOf(IOException.class)
          .hasMessageContaining("access.log: the file became shorter while it was read")
          .hasMessageContaining("1048576 bytes when opened");
    }
  }
}
