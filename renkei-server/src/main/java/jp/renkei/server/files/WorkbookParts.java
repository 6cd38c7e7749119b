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
 *
 * <p>The count reads bytes as UTF-8 (tag names are ASCII), so a part in any other encoding is
 * refused: POI's XML parser honours a byte-order mark or an encoding declaration, and in UTF-16,
 * EBCDIC or ISO-2022-JP (where an escape between {@code <} and {@code row} changes nothing) the
 * rows were invisible to the count and POI built them all. A zip the count cannot walk to its end
 * (an entry name that is not UTF-8, which POI's own zip reader takes) is refused too instead of
 * being passed on uncounted.
 */
public final class WorkbookParts {

  /** What a workbook has too much of. */
  public enum TooMuch {
    ROWS,
    CELLS,
    SHARED_STRINGS,
    /** One part over its inflated size, or all parts together over theirs. */
    INFLATED,
    /** A part is XML in an encoding other than UTF-8 (or its subset US-ASCII). */
    ENCODING,
    /** The zip cannot be walked to its end. */
    UNREADABLE
  }

  private WorkbookParts() {}

  /**
   * What {@code xlsx} has more of than allowed, or empty (also when it is not a zip at all, which
   * POI then refuses in its own words: POI reads only a file that starts with a zip entry's
   * header).
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
        if (n[4] != 0) {
          return Optional.of(TooMuch.ENCODING);
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
    } catch (IOException | RuntimeException unreadable) {
      // not a zip at all has no entry and no exception; POI refuses it in its own words
      return Optional.of(TooMuch.UNREADABLE);
    }
    return Optional.empty();
  }

  /** The longest XML declaration looked at for its encoding. */
  private static final int DECLARATION = 256;

  /**
   * Whether a part starting with {@code head} is XML in another encoding than UTF-8: a UTF-16 or
   * UTF-32 byte-order mark, the first characters of an XML part in UTF-16, UTF-32 or EBCDIC (XML
   * 1.0 appendix F), or a declaration naming an encoding other than UTF-8 or US-ASCII. Other binary
   * parts (images) start otherwise and are not judged.
   */
  static boolean foreignEncoding(byte[] head, int length) {
    int[][] starts = {
      {0xFE, 0xFF},
      {0xFF, 0xFE},
      {0x00, 0x00, 0xFE, 0xFF},
      {0x00, 0x00, 0x00, 0x3C},
      {0x3C, 0x00, 0x00, 0x00},
      {0x00, 0x00, 0x3C, 0x00},
      {0x00, 0x3C, 0x00, 0x00},
      {0x00, 0x3C, 0x00, 0x3F},
      {0x3C, 0x00, 0x3F, 0x00},
      {0x4C, 0x6F, 0xA7, 0x94}
    };
    for (int[] start : starts) {
      boolean same = length >= start.length;
      for (int i = 0; same && i < start.length; i++) {
        same = (head[i] & 0xFF) == start[i];
      }
      if (same) {
        return true;
      }
    }
    int from =
        length >= 3
                && (head[0] & 0xFF) == 0xEF
                && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    String text =
        new String(head, from, length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (!text.startsWith("<?xml")) {
      return false;
    }
    int end = text.indexOf("?>");
    java.util.regex.Matcher m = DECLARED_ENCODING.matcher(end < 0 ? text : text.substring(0, end));
    if (!m.find()) {
      return end < 0; // a declaration longer than we look at: not what any writer makes
    }
    String name = m.group(2).toUpperCase(java.util.Locale.ROOT);
    return !name.equals("UTF-8") && !name.equals("UTF8") && !name.equals("US-ASCII");
  }

  private static final java.util.regex.Pattern DECLARED_ENCODING =
      java.util.regex.Pattern.compile("\\sencoding\\s*=\\s*([\"'])([^\"']*)\\1");

  /**
   * [rows, cells, shared strings, bytes, 1 if in a foreign encoding] of one part, or null past
   * {@code limit} bytes.
   */
  static long[] count(InputStream in, long limit) throws IOException {
    long[] n = new long[5];
    byte[] buf = new byte[1 << 16];
    long total = 0;
    byte[] head = in.readNBytes(DECLARATION);
    if (foreignEncoding(head, head.length)) {
      n[4] = 1;
      return n;
    }
    InputStream part = in; // the zip's entry: closing it would close the zip
    in =
        new java.io.SequenceInputStream(
            new ByteArrayInputStream(head),
            new java.io.FilterInputStream(part) {
              @Override
              public void close() {}
            });
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
