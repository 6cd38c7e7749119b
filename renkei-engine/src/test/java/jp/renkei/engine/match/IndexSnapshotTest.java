package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexSnapshotTest {

  static final String LIST =
      "evil.example\n"
          + "198.51.100.7\n"
          + "203.0.113.0/24\n"
          + "http://files.example/payload.exe\n"
          + "2001:db8::/32\n"
          + "not an indicator at all\n"
          + "EVIL.example\n"
          + "url,https://cdn.example/a%7eb/,my-id\n";

  static final String LOG =
      "1 1 10.0.0.1 TCP_MISS/200 1 GET http://www.evil.example/x - HIER_DIRECT/203.0.113.9 -\n"
          + "2 1 10.0.0.2 TCP_MISS/200 1 GET https://CDN.example/a~b/ - HIER_DIRECT/198.51.100.7 -\n"
          + "3 1 10.0.0.3 TCP_MISS/200 1 GET http://files.example/payload.exe - HIER_DIRECT/- -\n";

  @TempDir Path dir;

  static IndicatorIndex build(Path list, List<IndicatorLists.Loaded> loaded) throws Exception {
    IndicatorIndex.Builder b = IndicatorIndex.builder(16);
    loaded.add(IndicatorLists.read(list, "list.txt", b));
    return b.build();
  }

  static List<String> hits(IndicatorIndex index) throws Exception {
    List<String> out = new ArrayList<>();
    new SquidMatcher(index)
        .match(
            new ByteArrayInputStream(LOG.getBytes(StandardCharsets.US_ASCII)),
            h -> out.add(h.line() + " " + h.field() + " " + index.indicator(h.indicator())));
    return out;
  }

  @Test
  void aSnapshotGivesBackTheSameIndexAndWhatLoadingSaid() throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), LIST);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    Path snap = dir.resolve("list.txt.renkei-index");
    IndexSnapshot.write(snap, fp, built, loaded);

    IndexSnapshot.Result r = IndexSnapshot.read(snap, fp);
    assertThat(r.problem()).isNull();
    assertThat(r.lists()).isEqualTo(loaded);
    assertThat(r.lists().get(0).rejected()).isEqualTo(1);
    assertThat(r.index().size()).isEqualTo(built.size());
    for (int i = 0; i < built.size(); i++) {
      assertThat(r.index().indicator(i)).isEqualTo(built.indicator(i));
    }
    assertThat(hits(r.index())).isEqualTo(hits(built)).hasSize(5);
  }

  @Test
  void aSmallSnapshotReadManyTimesLeavesNoMappingBehind() throws Exception {
    // each read used to map the file; with little garbage no collection released the mappings,
    // and past vm.max_map_count (65,530) the JVM could not even start a thread
    Path list = Files.writeString(dir.resolve("list.txt"), LIST);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    Path snap = dir.resolve("list.txt.renkei-index");
    IndexSnapshot.write(snap, fp, built, loaded);
    long before = mappingsOf(snap);
    for (int i = 0; i < 2_000; i++) {
      assertThat(IndexSnapshot.read(snap, fp).problem()).isNull();
    }
    assertThat(mappingsOf(snap)).isEqualTo(before);
  }

  /** How many of this process's memory mappings are of {@code file} (Linux). */
  private static long mappingsOf(Path file) throws Exception {
    String name = file.toRealPath().toString();
    try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
      return lines.filter(l -> l.endsWith(name)).count();
    }
  }

  @Test
  void aSnapshotThatIsCorruptTruncatedOfAnotherVersionOrOfOtherListsIsNotUsed() throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), LIST);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    Path snap = dir.resolve("snap");
    IndexSnapshot.write(snap, fp, built, loaded);
    byte[] good = Files.readAllBytes(snap);

    assertThat(IndexSnapshot.read(dir.resolve("none"), fp).problem()).isEqualTo("no snapshot yet");

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x20; // one bit in an indicator's value
    Files.write(snap, flipped);
    IndexSnapshot.Result r = IndexSnapshot.read(snap, fp);
    assertThat(r.index()).isNull();
    assertThat(r.problem()).contains("checksum mismatch");

    Files.write(snap, java.util.Arrays.copyOf(good, good.length - 5));
    assertThat(IndexSnapshot.read(snap, fp).problem()).contains("length");

    Files.write(snap, new byte[3]);
    assertThat(IndexSnapshot.read(snap, fp).problem()).contains("too short");

    // another format version, with a checksum that fits: refused all the same
    byte[] other = good.clone();
    ByteBuffer.wrap(other).putInt(8, IndexSnapshot.VERSION + 1);
    CRC32C crc = new CRC32C();
    crc.update(other, 0, other.length - 16);
    ByteBuffer.wrap(other).putLong(other.length - 8, crc.getValue());
    Files.write(snap, other);
    assertThat(IndexSnapshot.read(snap, fp).problem()).contains("format version");

    // the list changed (even by one byte, same size): the fingerprint says so
    Files.write(snap, good);
    Files.writeString(list, LIST.replace("evil.example\n", "evil.exampla\n"));
    long changed = IndexSnapshot.fingerprint(List.of(list));
    assertThat(changed).isNotEqualTo(fp);
    assertThat(IndexSnapshot.read(snap, changed).problem()).contains("lists changed");
    assertThat(IndexSnapshot.read(snap, fp).problem()).isNull();
  }

  @Test
  void aSnapshotWhoseTablesPointOutsideTheIndexIsRefusedEvenWithAFittingChecksum()
      throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), LIST);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    Path snap = dir.resolve("snap");
    IndexSnapshot.write(snap, fp, built, loaded);
    byte[] good = Files.readAllBytes(snap);
    // the URL filter's last key (the file ends with the keys, the host bits, then length and
    // checksum) set to zero: the table no longer holds as many keys as it says
    int last = good.length - 16 - (4 + 8 * new UrlFilter().hostBits.length) - 8;
    int tried = 0;
    for (int at = last; at > last - 8 * 64 && tried == 0; at -= 8) {
      if (ByteBuffer.wrap(good).getLong(at) != 0) {
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).putLong(at, 0);
        CRC32C crc = new CRC32C();
        crc.update(bad, 0, bad.length - 16);
        ByteBuffer.wrap(bad).putLong(bad.length - 8, crc.getValue());
        Files.write(snap, bad);
        IndexSnapshot.Result r = IndexSnapshot.read(snap, fp);
        assertThat(r.index()).isNull();
        assertThat(r.problem()).contains("URL filter size");
        tried++;
      }
    }
    assertThat(tried).isOne();
  }

  @Test
  void aDomainTablePointingOutsideTheIndexIsRefusedThoughItIsReadOnASecondThread()
      throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), LIST);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    Path snap = dir.resolve("snap");
    IndexSnapshot.write(snap, fp, built, loaded);
    byte[] good = Files.readAllBytes(snap);
    // the domain table's slots, then its values, as the file holds them (little-endian arrays):
    // the value of the first used slot is made to name an indicator the index does not have
    long[] slots = built.domains.slots;
    int used = 0;
    while (slots[used] == 0) {
      used++;
    }
    ByteBuffer wanted =
        ByteBuffer.allocate(4 + 8 * slots.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    wanted.putInt(Integer.reverseBytes(slots.length)); // the length itself is big-endian
    wanted.asLongBuffer().put(slots);
    int at = indexOf(good, wanted.array());
    assertThat(at).isPositive();
    int value = at + 4 + 8 * slots.length + 4 + 4 * used;
    byte[] bad = good.clone();
    ByteBuffer.wrap(bad).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(value, built.size() + 5);
    CRC32C crc = new CRC32C();
    crc.update(bad, 0, bad.length - 16);
    ByteBuffer.wrap(bad).putLong(bad.length - 8, crc.getValue());
    Files.write(snap, bad);
    IndexSnapshot.Result r = IndexSnapshot.read(snap, fp);
    assertThat(r.index()).isNull();
    assertThat(r.problem()).contains("malformed entry", "domain slot " + used);
  }

  @Test
  void aLargeIndexIsWrittenWholeAndNoTemporaryFileIsLeft() throws Exception {
    // larger than the writer's 1 MiB buffer, so arrays are written across many of its fills
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 120_000; i++) {
      int k = i / 6; // every line a different indicator
      text.append(
              switch (i % 6) {
                case 0, 1 -> "evil" + i + ".example";
                case 2 -> "192." + (k >>> 8) + "." + (k & 255) + ".7";
                case 3 -> "10." + (k >>> 8) + "." + (k & 255) + ".0/24";
                case 4 -> "https://h" + (k % 5000) + ".example/p/" + i;
                default -> "md5," + String.format("%032x", i) + ",id-" + i;
              })
          .append('\n');
    }
    Path list = Files.writeString(dir.resolve("list.txt"), text);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    Path snap = dir.resolve("list.txt.renkei-index");
    IndexSnapshot.write(snap, fp, built, loaded);
    assertThat(Files.size(snap)).isGreaterThan(4L << 20);
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("list.txt", "list.txt.renkei-index");
    }
    IndexSnapshot.Result r = IndexSnapshot.read(snap, fp);
    assertThat(r.problem()).isNull();
    assertThat(r.lists()).isEqualTo(loaded);
    assertThat(r.index().size()).isEqualTo(built.size()).isEqualTo(120_000);
    for (int i = 0; i < built.size(); i++) {
      assertThat(r.index().indicator(i)).isEqualTo(built.indicator(i));
    }
    byte[] host = "a.evil119994.example".getBytes(StandardCharsets.US_ASCII);
    assertThat(r.index().matchDomain(host, 0, host.length)).isEqualTo(119_994);
    assertThat(r.index().matchExact("md5", String.format("%032x", 119_999))).isEqualTo(119_999);
  }

  @Test
  void aWriteThatFailsLeavesNeitherASnapshotNorATemporaryFile() throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), LIST);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    // the snapshot's place is taken by a directory that is not empty: the move fails
    Path snap = Files.createDirectory(dir.resolve("list.txt.renkei-index"));
    Files.writeString(snap.resolve("keep"), "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> IndexSnapshot.write(snap, fp, built, loaded))
        .isInstanceOf(java.io.IOException.class);
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("list.txt", "list.txt.renkei-index");
    }
    assertThat(Files.readString(snap.resolve("keep"))).isEqualTo("x");
  }

  @Test
  void temporaryFilesOfKilledWritersAreRemovedByTheNextWriteAndNoOthers() throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), LIST);
    List<IndicatorLists.Loaded> loaded = new ArrayList<>();
    IndicatorIndex built = build(list, loaded);
    long fp = IndexSnapshot.fingerprint(List.of(list));
    Path snap = dir.resolve("list.txt.renkei-index");
    // a process that has ended: its number names no live process now
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    long me = ProcessHandle.current().pid();
    Path dead =
        Files.writeString(dir.resolve("list.txt.renkei-index." + ended.pid() + "-1.tmp"), "x");
    // this process's number, but written before it started: an earlier owner of the number
    Path reused = Files.writeString(dir.resolve("list.txt.renkei-index." + me + "-7.tmp"), "x");
    Files.setLastModifiedTime(reused, java.nio.file.attribute.FileTime.fromMillis(0));
    // a live writer's (this process, now), and names of other forms: kept
    Path live = Files.writeString(dir.resolve("list.txt.renkei-index." + me + "-99999.tmp"), "x");
    Path other = Files.writeString(dir.resolve("list.txt.renkei-index.old.tmp"), "x");
    Path otherList =
        Files.writeString(dir.resolve("other.txt.renkei-index." + ended.pid() + "-1.tmp"), "x");
    Path noNumber = Files.writeString(dir.resolve("list.txt.renkei-index.-1.tmp"), "x");

    IndexSnapshot.write(snap, fp, built, loaded);

    assertThat(dead).doesNotExist();
    assertThat(reused).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
    assertThat(otherList).exists();
    assertThat(noNumber).exists();
    assertThat(IndexSnapshot.read(snap, fp).problem()).isNull();
    // a stale temporary file beside the snapshot never changes what is read
    Files.writeString(dir.resolve("list.txt.renkei-index." + ended.pid() + "-2.tmp"), "garbage");
    IndexSnapshot.Result r = IndexSnapshot.read(snap, fp);
    assertThat(r.problem()).isNull();
    assertThat(hits(r.index())).isEqualTo(hits(built));
  }

  static int indexOf(byte[] in, byte[] what) {
    for (int i = 0; i + what.length <= in.length; i++) {
      if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    return -1;
  }
}
