package jp.renkei.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read like {@code tail -F}: at its end, waits for more instead of ending; when the file is
 * replaced or truncated (log rotation), starts again at the beginning of the new one. Ends only
 * when the reading thread is interrupted.
 */
final class FollowingInputStream extends InputStream {

  static final long POLL_MILLIS = 250;

  private final Path file;
  private FileChannel channel;
  private Object identity;

  FollowingInputStream(Path file) throws IOException {
    this.file = file;
    open();
  }

  private void open() throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    identity =
        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 255;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (true) {
      int n = channel.read(ByteBuffer.wrap(b, off, len));
      if (n > 0) {
        return n;
      }
      if (rotated()) {
        channel.close();
        open();
        continue;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
  }

  private boolean rotated() throws IOException {
    try {
      Object now =
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      return (now != null && !now.equals(identity)) || Files.size(file) < channel.position();
    } catch (NoSuchFileException e) {
      return false; // between rotation steps: wait for the new file
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
