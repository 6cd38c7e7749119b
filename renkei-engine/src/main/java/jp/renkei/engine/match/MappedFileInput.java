package jp.renkei.engine.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A regular file read through memory mappings of up to {@value #WINDOW} bytes at a time instead of
 * read calls: each byte is copied once, from the kernel's page cache straight into the reader's
 * array (a read call copies it into a native buffer first, then into the array). The file's size is
 * taken when it is opened; what is appended later is not read (a log being followed is read with
 * read calls). A file cut shorter while it is read ends the stream with an {@link IOException} that
 * says so, not with a crash.
 */
public final class MappedFileInput extends InputStream {

  static final int WINDOW = 1 << 28;

  private final Path path;
  private final int windowSize;
  private final FileChannel channel;
  private final long size;
  private long position; // of the window's start
  private MappedByteBuffer window;

  public MappedFileInput(Path path) throws IOException {
    this(path, WINDOW);
  }

  /**
   * Mappings of {@code windowSize} bytes at most (tests). A window stays mapped until the collector
   * frees it, and a process may hold 65,530 mappings (Linux's vm.max_map_count): keep the number of
   * windows per file well below that.
   */
  MappedFileInput(Path path, int windowSize) throws IOException {
    this.path = path;
    this.windowSize = windowSize;
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    this.size = channel.size();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 255;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (window == null || !window.hasRemaining()) {
      long next = window == null ? position : position + window.capacity();
      if (next >= size) {
        return -1;
      }
      position = next;
      window = channel.map(FileChannel.MapMode.READ_ONLY, next, Math.min(windowSize, size - next));
    }
    int n = Math.min(len, window.remaining());
    long upTo = position + window.position() + n;
    // a mapped page past the file's end faults (SIGBUS), and the JVM turns that into an error
    // thrown wherever the copying code next checks for one: the size is checked first (one fstat
    // per block), the error caught too for a file cut between the check and the copy
    if (channel.size() < upTo) {
      throw cut(upTo);
    }
    try {
      window.get(b, off, n);
    } catch (InternalError e) {
      throw cut(upTo);
    }
    return n;
  }

  private IOException cut(long upTo) {
    return new IOException(
        path
            + ": the file became shorter while it was read ("
            + size
            + " bytes when opened, fewer than "
            + upTo
            + " now)");
  }

  @Override
  public void close() throws IOException {
    window = null;
    channel.close();
  }
}
