package jp.renkei.server.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.ZipInputStream;

/**
 * Counts what an xlsx workbook holds before POI builds it in memory, where every row, cell and
 * shared string is an object of hundreds of bytes: a 3 MB file of a million empty rows, or a
 * shared-strings table of millions of one-letter strings, passes POI's zip-bomb ratios but not the
 * heap. Every part is streamed (not only {@code xl/worksheets/}: a workbook's relationships may put
 * a sheet anywhere, and no other part has elements named row, c or si) and the start tags {@code
 * row}, {@code c} and {@code si} are counted, with or without a namespace prefix.
 */
public final class WorkbookParts {

  /** What a workbook has too much of. */
  public enum TooMuch {
    ROWS,
    CELLS,
    SHARED_STRINGS,
    /** One part over its inflated size, or all parts together over theirs. */
    INFLATED
  }

  private WorkbookParts() {}

  /**
   * What {@code xlsx} has more of than allowed, or empty (also when it is not a zip, which POI then
   * refuses in its own words).
   */
  public static Optional<TooMuch> check(
      byte[] xlsx, long maxRows, long maxCells, long maxPartBytes, long maxAllBytes) {
    long rows = 0;
    long cells = 0;
    long strings = 0;
    long inflated = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      while (zip.getNextEntry() != null) {
        long[] n = count(zip, Math.min(maxPartBytes, maxAllBytes - inflated));
        if (n == null) {
          return Optional.of(TooMuch.INFLATED);
        }
        rows += n[0];
        cells += n[1];
        strings += n[2];
        inflated += n[3];
        if (rows > maxRows) {
          return Optional.of(TooMuch.ROWS);
        }
        if (cells > maxCells) {
          return Optional.of(TooMuch.CELLS);
        }
        if (strings > maxCells) {
          return Optional.of(TooMuch.SHARED_STRINGS);
        }
      }
    } catch (IOException | RuntimeException notAZip) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** [rows, cells, shared strings, bytes] of one part, or null past {@code limit} bytes. */
  static long[] count(InputStream in, long limit) throws IOException {
    long[] n = new long[4];
    byte[] buf = new byte[1 << 16];
    long total = 0;
    // state: 0 outside a tag, 1 just after '<', 2 in a name; name is the local name so far
    int state = 0;
    StringBuilder name = new StringBuilder();
    int k;
    while ((k = in.read(buf)) > 0) {
      total += k;
      if (total > limit) {
        return null;
      }
      for (int i = 0; i < k; i++) {
        byte b = buf[i];
        if (state == 0) {
          if (b == '<') {
            state = 1;
            name.setLength(0);
          }
        } else if (b == ':') {
          name.setLength(0); // a prefix: what follows is the local name
        } else if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r') {
          if (state == 2 || b != '/') {
            switch (name.toString()) {
              case "row" -> n[0]++;
              case "c" -> n[1]++;
              case "si" -> n[2]++;
              default -> {}
            }
          }
          state = 0; // after the name, or an end tag
        } else {
          if (name.length() < 5) { // longer names are none of ours, but may be a prefix
            name.append((char) b);
          }
          state = 2;
        }
      }
    }
    n[3] = total;
    return n;
  }
}
