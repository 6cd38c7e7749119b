package jp.renkei.engine.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of a ZIP's entries, read from its central directory at the end of the archive without
 * unpacking anything (hostile27). When unpacking stops at a limit (an entry of a gigabyte of zeros,
 * too many entries), the names of the entries it did not reach are still judged: an executable
 * behind a bomb is named, not hidden. A damaged or ZIP64 directory gives the names it could read.
 */
final class ZipNames {

  private static final int END = 0x06054b50;
  private static final int ENTRY = 0x02014b50;

  /** The end record's size without its comment, and the longest comment. */
  private static final int END_SIZE = 22;

  private static final int MAX_COMMENT = 0xFFFF;

  private ZipNames() {}

  /** Up to {@code max} entry names from the central directory of {@code zip}; never throws. */
  static List<String> of(byte[] zip, int max) {
    List<String> names = new ArrayList<>();
    int last = zip.length - END_SIZE;
    for (int i = last; i >= Math.max(0, last - MAX_COMMENT); i--) {
      if (int32(zip, i) != END) {
        continue;
      }
      int count = int16(zip, i + 10);
      long offset = int32(zip, i + 16) & 0xFFFFFFFFL;
      long p = offset;
      for (int n = 0; n < count && names.size() < max; n++) {
        if (p < 0 || p + 46 > zip.length || int32(zip, (int) p) != ENTRY) {
          break;
        }
        int at = (int) p;
        int nameLength = int16(zip, at + 28);
        int extra = int16(zip, at + 30);
        int comment = int16(zip, at + 32);
        if (at + 46L + nameLength > zip.length) {
          break;
        }
        names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
        p = at + 46L + nameLength + extra + comment;
      }
      return names;
    }
    return names;
  }

  private static int int16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static int int32(byte[] b, int at) {
    return int16(b, at) | int16(b, at + 2) << 16;
  }
}
