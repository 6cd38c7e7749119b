package jp.renkei.engine.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.CRC32C;

/**
 * A compact file of an index built from indicator lists, so the next run over the same lists skips
 * parsing, normalising and hashing them: the index's flat arrays as they are in memory (the
 * indicators' types, values and ids; the domain, IPv4, exact and URL-filter tables) and what
 * loading each list said (lines, accepted, rejected with the first reasons). Reading maps the file
 * and bulk-copies the arrays; the checksum and the domain table are done on two more threads
 * meanwhile; every table entry is checked to point inside the index.
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

  // 4: URL values without user info, little-endian arrays; 5: the URL filter's host bits keyed by
  // the domain table's hash of the host (two bits a host, sized by the URL indicators)
  static final int VERSION = 5;
  static final long MAX_BYTES = 1L << 30;

  /** Snapshots this size or larger are mapped, not copied (1,000,000 indicators: about 68 MB). */
  static final long MAP_FROM = 8L << 20;

  /**
   * The order of the int and long arrays (the other numbers are big-endian): the machines this runs
   * on are little-endian, so reading an array is a plain copy, not a byte swap per element.
   */
  private static final ByteOrder ARRAYS = ByteOrder.LITTLE_ENDIAN;

  private static final byte[] MAGIC = "RENKEIX\n".getBytes(StandardCharsets.US_ASCII);

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

  /**
   * Writes the snapshot of {@code index}, built from lists with {@code fingerprint}: streamed to a
   * temporary file of its own beside {@code file} (the checksum taken on the way) and moved into
   * place once complete, so {@code file} is never half written, even when the process is killed
   * meanwhile. The temporary file is removed when writing fails and when the process ends before it
   * is moved (Ctrl+C, SIGTERM: a shutdown hook); one left by a process that was killed outright
   * (SIGKILL, a crash) is removed by the next write beside the same file ({@link
   * #removeStaleTemporaries}). May run on any thread once the index is built (it only reads it).
   */
  public static void write(
      Path file, long fingerprint, IndicatorIndex index, List<IndicatorLists.Loaded> lists)
      throws IOException {
    // a name of this process's own (two runs over the same lists may write at once), created with
    // the permissions any new file gets, as the snapshot had when written in place
    Path tmp =
        file.resolveSibling(
            file.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "-"
                + Thread.currentThread().getId()
                + ".tmp");
    removeStaleTemporaries(file);
    // the hook and this thread create, move and remove the temporary file under one lock, so the
    // file is never created or moved once the hook has removed it
    Object lock = new Object();
    boolean[] ending = {false};
    Thread hook =
        new Thread(
            () -> {
              synchronized (lock) {
                ending[0] = true;
                try {
                  Files.deleteIfExists(tmp);
                } catch (IOException e) {
                  // nothing more can be done while the process ends
                }
              }
            },
            "renkei-index-snapshot-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      throw new IOException("the process is ending", e);
    }
    boolean moved = false;
    try {
      FileChannel channel;
      synchronized (lock) {
        if (ending[0]) {
          throw new IOException("the process is ending");
        }
        channel =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
      }
      try (FileChannel ch = channel;
          Out out = new Out(ch)) {
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
            out.text(r.text());
            out.text(r.reason());
          }
        }
        writeIndex(out, index);
        long body = out.written;
        long sum = out.crcSoFar();
        out.writeLong(body);
        out.writeLong(sum);
      }
      synchronized (lock) {
        if (ending[0]) {
          throw new IOException("the process is ending");
        }
        try {
          Files.move(
              tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        moved = true;
      }
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the process is ending: the hook runs (and finds nothing left to remove)
      }
    }
  }

  /**
   * Removes the temporary files that writers killed outright left beside {@code file} ({@code
   * FILE.PID-THREAD.tmp}): those whose process is gone, or was started after the file was last
   * written (its number was given to another process since). A temporary file of a live writer is
   * kept. Only names of exactly that form are touched. Processes are told apart by number, so two
   * machines or containers writing into one shared directory are not told apart: a live writer of
   * another one may lose its snapshot (it says so and matches on), never a result. Best effort: a
   * directory or file that cannot be read or removed is left as it is, and the snapshot written.
   */
  static void removeStaleTemporaries(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    String prefix = file.getFileName() + ".";
    List<Path> stale = new java.util.ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> names =
        Files.newDirectoryStream(
            dir,
            p -> {
              String n = p.getFileName().toString();
              return n.startsWith(prefix)
                  && n.endsWith(".tmp")
                  && n.substring(prefix.length(), n.length() - 4)
                      .matches("[0-9]{1,18}-[0-9]{1,18}");
            })) {
      for (Path p : names) {
        stale.add(p);
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return; // a directory that cannot be listed: the snapshot is still written, nothing removed
    }
    for (Path p : stale) {
      String n = p.getFileName().toString();
      long pid = Long.parseLong(n.substring(prefix.length(), n.indexOf('-', prefix.length())));
      java.util.Optional<ProcessHandle> owner = ProcessHandle.of(pid);
      boolean gone = owner.isEmpty() || !owner.get().isAlive();
      if (!gone) {
        java.util.Optional<java.time.Instant> started = owner.get().info().startInstant();
        try {
          gone =
              started.isPresent()
                  && started.get().isAfter(Files.getLastModifiedTime(p).toInstant());
        } catch (IOException e) {
          continue; // moved or removed by its writer meanwhile
        }
      }
      if (gone) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // not ours to remove after all (another owner, a read-only directory): left as it is
        }
      }
    }
  }

  /**
   * The snapshot's bytes on their way to the file through one reused buffer: numbers big-endian (as
   * {@link java.io.DataOutputStream} writes them), arrays of numbers in {@link #ARRAYS} order, and
   * a CRC-32C of everything written.
   */
  private static final class Out implements AutoCloseable {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    private final CRC32C crc = new CRC32C();
    long written;

    Out(FileChannel ch) {
      this.ch = ch;
    }

    private void room(int n) throws IOException {
      if (buf.remaining() < n) {
        flush();
      }
    }

    private void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      buf.clear();
    }

    /** The CRC-32C of all bytes written so far. */
    long crcSoFar() throws IOException {
      flush();
      return crc.getValue();
    }

    void writeInt(int v) throws IOException {
      room(4);
      buf.putInt(v);
      written += 4;
    }

    void writeLong(long v) throws IOException {
      room(8);
      buf.putLong(v);
      written += 8;
    }

    void write(byte[] a) throws IOException {
      for (int off = 0; off < a.length; ) {
        room(1);
        int k = Math.min(buf.remaining(), a.length - off);
        buf.put(a, off, k);
        off += k;
      }
      written += a.length;
    }

    void bytes(byte[] a) throws IOException {
      writeInt(a.length);
      write(a);
    }

    void ints(int[] a) throws IOException {
      writeInt(a.length);
      for (int off = 0; off < a.length; ) {
        room(4);
        int k = Math.min(buf.remaining() / 4, a.length - off);
        buf.slice().order(ARRAYS).asIntBuffer().put(a, off, k);
        buf.position(buf.position() + 4 * k);
        off += k;
      }
      written += 4L * a.length;
    }

    void longs(long[] a) throws IOException {
      writeInt(a.length);
      for (int off = 0; off < a.length; ) {
        room(8);
        int k = Math.min(buf.remaining() / 8, a.length - off);
        buf.slice().order(ARRAYS).asLongBuffer().put(a, off, k);
        buf.position(buf.position() + 8 * k);
        off += k;
      }
      written += 8L * a.length;
    }

    void text(String s) throws IOException {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      flush();
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
    ByteBuffer all;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (size >= MAP_FROM) {
        all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size); // read once, no copy of the file
      } else {
        // a small file is copied: a mapping lives until a collection, and many reads of small
        // snapshots make few collections, so their mappings would pile up to the kernel's limit
        // (vm.max_map_count, 65,530) and the JVM could not start a thread (found by fuzzing)
        all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && ch.read(all) >= 0) {
          // until full or the end of the file
        }
        if (all.hasRemaining()) {
          return failed("it became shorter while read");
        }
        all.flip();
      }
    }
    int bodyLength = (int) size - 16;
    long length = all.getLong(bodyLength);
    long sum = all.getLong(bodyLength + 8);
    if (length != bodyLength) {
      return failed("its recorded length does not match its size (truncated or appended to)");
    }
    // the checksum is computed on a second thread while the tables are read (every read is
    // bounds-checked, so a corrupt file cannot do harm before the sum says so)
    ByteBuffer body = all.duplicate().limit(bodyLength);
    CompletableFuture<Long> crc =
        CompletableFuture.supplyAsync(
            () -> {
              CRC32C c = new CRC32C();
              c.update(body);
              return c.getValue();
            },
            SECOND);
    Result r = readBody(all.limit(bodyLength), fingerprint);
    if (crc.join() != sum) {
      return failed("checksum mismatch (the file is corrupt)");
    }
    return r;
  }

  /** The second thread of a read (checksum, then the domain table): a daemon, made when used. */
  private static final java.util.concurrent.Executor SECOND =
      task -> {
        Thread t = new Thread(task, "renkei-index-snapshot");
        t.setDaemon(true);
        t.start();
      };

  private static Result readBody(ByteBuffer in, long fingerprint) {
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
      IndicatorIndex index = readIndex(in);
      if (in.hasRemaining()) {
        return failed("data after the last entry");
      }
      return new Result(index, List.copyOf(lists), null);
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      return failed("malformed entry (" + e + ")");
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof BufferUnderflowException
          || c instanceof IllegalArgumentException
          || c instanceof IndexOutOfBoundsException) {
        return failed("malformed entry (" + c + ")");
      }
      throw e;
    }
  }

  private static void writeIndex(Out out, IndicatorIndex index) throws IOException {
    IndicatorStore st = index.store;
    out.writeInt(st.size);
    out.bytes(st.types);
    out.ints(st.valueEnd);
    out.bytes(st.values);
    out.ints(st.idRef);
    out.bytes(st.ids);
    out.writeInt(st.runs);
    for (int r = 0; r < st.runs; r++) {
      out.text(st.sources[r]);
      out.writeInt(st.sourceFrom[r]);
    }
    DomainTable d = index.domains;
    out.writeInt(d.size);
    out.longs(d.slots);
    out.ints(d.values);
    out.bytes(d.arena);
    Ipv4Table v4 = index.ipv4;
    for (int p = 0; p <= 32; p++) {
      Ipv4Table.IntTable t = v4.byPrefix[p];
      out.writeInt(t == null ? -1 : t.count);
      if (t != null) {
        out.ints(t.keys);
        out.ints(t.values);
      }
    }
    out.writeInt(index.exact.size);
    out.ints(index.exact.slots);
    out.longs(index.ipv6Ranges);
    out.writeInt(index.urlFilter.size);
    out.longs(index.urlFilter.keys);
    out.longs(index.urlFilter.hostBits);
  }

  private static IndicatorIndex readIndex(ByteBuffer in) {
    IndicatorStore st = new IndicatorStore();
    int n = in.getInt();
    st.types = bytes(in);
    st.valueEnd = ints(in);
    st.values = bytes(in);
    st.idRef = ints(in);
    st.ids = bytes(in);
    st.idsUsed = st.ids.length;
    st.runs = count(in);
    st.sources = new String[st.runs];
    st.sourceFrom = new int[st.runs];
    for (int r = 0; r < st.runs; r++) {
      st.sources[r] = text(in);
      st.sourceFrom[r] = in.getInt();
      check(
          st.sourceFrom[r] >= (r == 0 ? 0 : st.sourceFrom[r - 1]) && st.sourceFrom[r] < n, "runs");
    }
    st.size = n;
    check(
        n >= 0 && st.types.length == n && st.valueEnd.length == n && st.idRef.length == n, "sizes");
    int prev = 0;
    for (int i = 0; i < n; i++) {
      check(st.types[i] >= 0 && st.types[i] < IndicatorStore.TYPES.length, "type of entry ", i);
      check(st.valueEnd[i] >= prev, "value of entry ", i);
      prev = st.valueEnd[i];
      int r = st.idRef[i];
      check(
          r >= 0 ? st.runs > 0 && i >= st.sourceFrom[0] : -1 - r + 4 <= st.ids.length,
          "id of entry ",
          i);
      if (r < 0) {
        int o = -1 - r;
        int length =
            (st.ids[o] & 255) << 24
                | (st.ids[o + 1] & 255) << 16
                | (st.ids[o + 2] & 255) << 8
                | (st.ids[o + 3] & 255);
        check(length >= 0 && length <= st.ids.length - o - 4, "id of entry ", i);
      }
    }
    check(prev == st.values.length, "values");
    return readTables(in, st);
  }

  /**
   * The lookup tables after the indicators. The domain table (the largest, about half the file) is
   * read and checked on a second thread while this one reads the others.
   */
  private static IndicatorIndex readTables(ByteBuffer in, IndicatorStore st) {
    int n = st.size;
    ByteBuffer domains = in.duplicate();
    in.getInt();
    skip(in, 8);
    skip(in, 4);
    skip(in, 1);
    CompletableFuture<DomainTable> domainTable =
        CompletableFuture.supplyAsync(() -> readDomains(domains, n), SECOND);
    Ipv4Table v4 = new Ipv4Table();
    for (int p = 0; p <= 32; p++) {
      int count = in.getInt();
      if (count >= 0) {
        Ipv4Table.IntTable t = new Ipv4Table.IntTable();
        t.count = count;
        t.keys = ints(in);
        t.values = ints(in);
        check(
            power(t.keys.length) && t.values.length == t.keys.length && count < t.keys.length,
            "IPv4 /",
            p);
        int full = 0;
        for (int v : t.values) {
          check(v >= -1 && v < n, "IPv4 /", p);
          full += v >= 0 ? 1 : 0;
        }
        check(full == count, "IPv4 size of /", p);
        v4.restore(p, t);
      }
    }
    v4.freeze();
    ExactTable exact = new ExactTable();
    exact.size = in.getInt();
    exact.slots = ints(in);
    check(power(exact.slots.length) && exact.size < exact.slots.length, "exact table");
    int taken = 0;
    for (int s : exact.slots) {
      check(s >= 0 && s <= n, "exact table");
      taken += s != 0 ? 1 : 0;
    }
    check(taken == exact.size, "exact table size");
    long[] v6 = longs(in);
    check(v6.length % 4 == 0, "IPv6 ranges");
    for (int k = 0; k < v6.length; k += 4) {
      check(v6[k + 2] >= 0 && v6[k + 2] <= 128 && v6[k + 3] >= 0 && v6[k + 3] < n, "IPv6 range");
    }
    UrlFilter urls = new UrlFilter();
    urls.size = in.getInt();
    urls.keys = longs(in);
    check(power(urls.keys.length) && urls.size < urls.keys.length, "URL filter");
    int keys = 0;
    for (long k : urls.keys) {
      keys += k != 0 ? 1 : 0;
    }
    check(keys == urls.size, "URL filter size");
    urls.hostBits = longs(in);
    check(power(urls.hostBits.length), "URL host filter");
    return new IndicatorIndex(st, domainTable.join(), v4, exact, v6, urls);
  }

  private static DomainTable readDomains(ByteBuffer in, int n) {
    DomainTable d = new DomainTable(16);
    d.size = in.getInt();
    d.slots = longs(in);
    d.values = ints(in);
    d.arena = bytes(in);
    d.arenaUsed = d.arena.length;
    check(
        power(d.slots.length) && d.values.length == d.slots.length && d.size < d.slots.length,
        "domain table");
    int used = 0;
    for (int i = 0; i < d.slots.length; i++) {
      if (d.slots[i] != 0) {
        used++;
        int o = (int) d.slots[i];
        check(
            o > 0 && o < d.arena.length && o + 1 + (d.arena[o] & 255) <= d.arena.length,
            "domain slot ",
            i);
        check(d.values[i] >= 0 && d.values[i] < n, "domain slot ", i);
      }
    }
    check(used == d.size, "domain table size");
    d.filter();
    return d;
  }

  /** Skips an array written by {@link #bytes}, {@link #ints} or {@link #longs}. */
  private static void skip(ByteBuffer in, int width) {
    int n = in.getInt();
    check(n >= 0 && n <= in.remaining() / width, "array length");
    in.position(in.position() + width * n);
  }

  private static boolean power(int n) {
    return n > 0 && Integer.bitCount(n) == 1;
  }

  private static void check(boolean ok, String what, int at) {
    if (!ok) {
      throw new IllegalArgumentException(what + at + " out of range");
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what + " out of range");
    }
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] a = new byte[count(in)];
    in.get(a);
    return a;
  }

  private static int[] ints(ByteBuffer in) {
    int n = count(in);
    check(n <= in.remaining() / 4, "array length");
    int[] a = new int[n];
    in.duplicate().order(ARRAYS).asIntBuffer().get(a);
    in.position(in.position() + 4 * n);
    return a;
  }

  private static long[] longs(ByteBuffer in) {
    int n = count(in);
    check(n <= in.remaining() / 8, "array length");
    long[] a = new long[n];
    in.duplicate().order(ARRAYS).asLongBuffer().get(a);
    in.position(in.position() + 8 * n);
    return a;
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

  private static String text(ByteBuffer in) {
    int n = count(in);
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
