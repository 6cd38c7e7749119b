package jp.renkei.engine.match;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import jp.renkei.engine.observable.ObservableType;

/**
 * A compact file of an index built from indicator lists, so the next run over the same lists skips
 * parsing and normalising them: the accepted indicators in order (type, normal value, id) and what
 * loading each list said (lines, accepted, rejected with the first reasons).
 *
 * <p>Never trusted blindly: the file starts with a magic and a format {@link #VERSION} (bumped
 * whenever normalisation or the layout changes), names the fingerprint of the lists it was built
 * from (their names, sizes and CRC-32C of their bytes), and ends with its own length and CRC-32C. A
 * file that is short, corrupt, of another version or of other lists is not used — {@link #read}
 * says why — and the caller rebuilds from the lists and writes a fresh one (written to a temporary
 * file and moved into place, so a reader never sees half a snapshot). Limits: {@value #MAX_BYTES}
 * bytes.
 */
public final class IndexSnapshot {

  static final int VERSION = 1;
  static final long MAX_BYTES = 1L << 30;
  private static final byte[] MAGIC = "RENKEIX\n".getBytes(StandardCharsets.US_ASCII);
  private static final ObservableType[] TYPES = ObservableType.values();

  /** An index read back, with what loading its lists said; or why the snapshot was not used. */
  public record Result(IndicatorIndex index, List<IndicatorLists.Loaded> lists, String problem) {}

  private IndexSnapshot() {}

  /** The fingerprint of the lists an index is built from, in order: names, sizes and contents. */
  public static long fingerprint(List<Path> lists) throws IOException {
    CRC32C all = new CRC32C();
    byte[] buf = new byte[1 << 16];
    for (Path p : lists) {
      CRC32C one = new CRC32C();
      long size = 0;
      try (InputStream in = Files.newInputStream(p)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          one.update(buf, 0, n);
          size += n;
        }
      }
      all.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      all.update(ByteBuffer.allocate(16).putLong(size).putLong(one.getValue()).array());
    }
    return (all.getValue() << 32) ^ lists.size();
  }

  /** Writes the snapshot of {@code index}, built from lists with {@code fingerprint}. */
  public static void write(
      Path file, long fingerprint, IndicatorIndex index, List<IndicatorLists.Loaded> lists)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, index.size() * 48));
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(fingerprint);
    out.writeInt(lists.size());
    for (IndicatorLists.Loaded l : lists) {
      out.writeLong(l.lines());
      out.writeLong(l.added());
      out.writeLong(l.rejected());
      out.writeInt(l.firstRejected().size());
      for (IndicatorLists.Rejected r : l.firstRejected()) {
        out.writeLong(r.line());
        text(out, r.text());
        text(out, r.reason());
      }
    }
    out.writeInt(index.size());
    for (int i = 0; i < index.size(); i++) {
      Indicator x = index.indicator(i);
      out.writeByte(ObservableType.fromCode(x.type()).orElseThrow().ordinal());
      text(out, x.value());
      text(out, x.id());
    }
    out.flush();
    byte[] body = bytes.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(body);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (var o = Files.newOutputStream(tmp)) {
      o.write(body);
      o.write(ByteBuffer.allocate(16).putLong(body.length).putLong(crc.getValue()).array());
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The index in {@code file} if it is a sound snapshot of lists with {@code fingerprint}; else a
   * result with no index and the reason (missing, corrupt, other version, lists changed).
   */
  public static Result read(Path file, long fingerprint) throws IOException {
    if (!Files.isRegularFile(file)) {
      return failed("no snapshot yet");
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      return failed("larger than " + MAX_BYTES + " bytes");
    }
    if (size < MAGIC.length + 4 + 16) {
      return failed("too short (" + size + " bytes)");
    }
    byte[] all = Files.readAllBytes(file);
    ByteBuffer tail = ByteBuffer.wrap(all, all.length - 16, 16);
    long length = tail.getLong();
    long sum = tail.getLong();
    if (length != all.length - 16) {
      return failed("its recorded length does not match its size (truncated or appended to)");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, 0, all.length - 16);
    if (crc.getValue() != sum) {
      return failed("checksum mismatch (the file is corrupt)");
    }
    ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 16);
    byte[] magic = new byte[MAGIC.length];
    in.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      return failed("not an index snapshot");
    }
    int version = in.getInt();
    if (version != VERSION) {
      return failed("format version " + version + ", this program writes " + VERSION);
    }
    if (in.getLong() != fingerprint) {
      return failed("the indicator lists changed since it was written");
    }
    try {
      int listCount = count(in);
      List<IndicatorLists.Loaded> lists = new ArrayList<>(listCount);
      for (int k = 0; k < listCount; k++) {
        long lines = in.getLong();
        long added = in.getLong();
        long rejected = in.getLong();
        int kept = count(in);
        List<IndicatorLists.Rejected> first = new ArrayList<>(kept);
        for (int r = 0; r < kept; r++) {
          first.add(new IndicatorLists.Rejected(in.getLong(), text(in), text(in)));
        }
        lists.add(new IndicatorLists.Loaded(lines, added, rejected, List.copyOf(first)));
      }
      int n = count(in);
      IndicatorIndex.Builder b = IndicatorIndex.builder(n);
      for (int i = 0; i < n; i++) {
        int t = in.get();
        if (t < 0 || t >= TYPES.length) {
          return failed("unknown indicator type " + t + " at entry " + i);
        }
        String value = text(in);
        b.addNormal(text(in), TYPES[t], value);
      }
      if (in.hasRemaining()) {
        return failed("data after the last entry");
      }
      IndicatorIndex index = b.build();
      if (index.size() != n) {
        return failed("entries repeat (" + n + " stored, " + index.size() + " distinct)");
      }
      return new Result(index, List.copyOf(lists), null);
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      return failed("malformed entry (" + e + ")");
    }
  }

  private static Result failed(String why) {
    return new Result(null, List.of(), why);
  }

  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("count " + n + " beyond the file");
    }
    return n;
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(ByteBuffer in) {
    int n = count(in);
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }
}
