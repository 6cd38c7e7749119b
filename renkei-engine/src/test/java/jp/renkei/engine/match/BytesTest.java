package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time byte helpers against plain byte-by-byte versions. */
class BytesTest {

  /**
   * The needle search that finds candidates by the needle's first byte other than a space: the
   * first match in {@code b[from, to)} (never one running past {@code to}, never one before {@code
   * from}), as a byte-by-byte search finds it, for needles with leading, inner and only spaces, on
   * lines made mostly of spaces and the needles' own bytes.
   */
  @Test
  void needleSearchFindsTheFirstMatchAsAPlainSearchDoes() {
    byte[][] needles = {
      " query: ".getBytes(StandardCharsets.US_ASCII),
      "client ".getBytes(StandardCharsets.US_ASCII),
      "query[".getBytes(StandardCharsets.US_ASCII),
      " from ".getBytes(StandardCharsets.US_ASCII),
      " info: ".getBytes(StandardCharsets.US_ASCII),
      "  q".getBytes(StandardCharsets.US_ASCII),
      " ".getBytes(StandardCharsets.US_ASCII),
      "   ".getBytes(StandardCharsets.US_ASCII),
      "q".getBytes(StandardCharsets.US_ASCII),
    };
    byte[] alphabet = " query:[]fomcltin".getBytes(StandardCharsets.US_ASCII);
    Random rnd = new Random(18);
    int found = 0;
    for (int n = 0; n < 200_000; n++) {
      byte[] needle = needles[rnd.nextInt(needles.length)];
      byte[] b = new byte[rnd.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = rnd.nextInt(4) == 0 ? (byte) ' ' : alphabet[rnd.nextInt(alphabet.length)];
      }
      if (b.length > needle.length && rnd.nextBoolean()) {
        System.arraycopy(needle, 0, b, rnd.nextInt(b.length - needle.length + 1), needle.length);
      }
      int from = rnd.nextInt(b.length + 1);
      int to = from + rnd.nextInt(b.length - from + 1);
      int expected = plainIndexOf(b, from, to, needle);
      assertThat(LogMatcher.indexOf(b, from, to, needle))
          .as("%s in [%s] from %d to %d", new String(needle), new String(b), from, to)
          .isEqualTo(expected);
      found += expected >= 0 ? 1 : 0;
    }
    assertThat(found).isGreaterThan(20_000);
  }

  private static int plainIndexOf(byte[] b, int from, int to, byte[] needle) {
    outer:
    for (int i = from; i + needle.length <= to; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (b[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void lowerWordLowerCasesOnlyAsciiLettersAndStopsAtTheEnd() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    for (int i = 0; i < 256; i++) {
      for (int end = i; end <= Math.min(256, i + 9); end++) {
        assertThat(Bytes.lowerWord(all, i, end)).isEqualTo(plainLowerWord(all, i, end));
      }
    }
    Random rnd = new Random(5);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[1 + rnd.nextInt(20)];
      rnd.nextBytes(b);
      int i = rnd.nextInt(b.length);
      int end = i + rnd.nextInt(b.length - i + 1);
      assertThat(Bytes.lowerWord(b, i, end)).isEqualTo(plainLowerWord(b, i, end));
    }
  }

  static long plainLowerWord(byte[] b, int i, int end) {
    long x = 0;
    for (int k = Math.min(end - i, 8) - 1; k >= 0; k--) {
      x = (x << 8) | (DomainTable.lower(b[i + k]) & 255);
    }
    return x;
  }

  @Test
  void fieldsAreRunsBetweenSeparatorsAsASplitGivesThem() {
    Random rnd = new Random(7);
    String alphabet = "  a\tB-/:é";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int k = rnd.nextInt(70); k > 0; k--) {
        line.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      byte[] b = ("##" + line + "##").getBytes(StandardCharsets.ISO_8859_1);
      int from = 2;
      int to = b.length - 2;
      int max = 1 + rnd.nextInt(12);
      int[] starts = new int[max];
      int[] ends = new int[max];
      int got = Bytes.fields(b, from, to, (byte) ' ', starts, ends, max);
      List<String> fields = new ArrayList<>();
      for (int f = 0; f < got; f++) {
        fields.add(new String(b, starts[f], ends[f] - starts[f], StandardCharsets.ISO_8859_1));
      }
      assertThat(fields).as("%s, at most %d", line, max).isEqualTo(plainFields(line, max));
    }
  }

  @Test
  void lineFieldsFindTheLineEndAndTheFieldsAsTwoSeparatePassesDo() {
    sameAsTwoPasses(new Random(23), "   a\tB\r\n\n/é");
  }

  /**
   * Bytes {@code lineFields} may mark and must then pass over: '!' right after a space or another
   * byte below it (where the one-mask test's borrow can mark it), controls other than LF, bytes
   * with the high bit set on either side of '!' (0x80, 0xA0, 0xA1).
   */
  @Test
  void lineFieldsPassOverBangsControlsAndHighBytesAsTwoSeparatePassesDo() {
    sameAsTwoPasses(new Random(29), "  !!!\0\1\37\t\r\n \"\200\240\241\377 x");
  }

  private static void sameAsTwoPasses(Random rnd, String alphabet) {
    for (int n = 0; n < 20_000; n++) {
      StringBuilder block = new StringBuilder();
      for (int k = rnd.nextInt(90); k > 0; k--) {
        block.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      byte[] b = ("#" + block + "\n\n\n\n\n\n\n\n").getBytes(StandardCharsets.ISO_8859_1);
      int len = b.length - 8; // the bytes after the block's end are never read as part of it
      int max = 1 + rnd.nextInt(10);
      int[] starts = new int[max];
      int[] ends = new int[max];
      int[] wantStarts = new int[max];
      int[] wantEnds = new int[max];
      int[] line = new int[2];
      for (int start = 1; start < len; start = line[0] + 1) {
        // as LogMatcher.each reads a block: up to the LF (a CR before it dropped), or the block's
        // end for a last line without LF (its CR kept)
        int lf = Bytes.indexOf(b, start, len, (byte) '\n');
        int end = lf < 0 ? len : lf;
        int to = lf > start && b[lf - 1] == '\r' ? lf - 1 : end;
        int want = Bytes.fields(b, start, to, (byte) ' ', wantStarts, wantEnds, max);
        int got = Bytes.lineFields(b, start, len, starts, ends, max, line);
        String what = "block " + block.toString().replace("\n", "\\n").replace("\r", "\\r");
        assertThat(line).as(what).containsExactly(end, to);
        assertThat(got).as(what).isEqualTo(want);
        for (int f = 0; f < got; f++) {
          assertThat(starts[f]).as(what).isEqualTo(wantStarts[f]);
          assertThat(ends[f]).as(what).isEqualTo(wantEnds[f]);
        }
      }
    }
  }

  static List<String> plainFields(CharSequence line, int max) {
    List<String> out = new ArrayList<>();
    for (String f : line.toString().split(" +")) {
      if (!f.isEmpty() && out.size() < max) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void columnsAreEverySeparatedFieldEmptyOnesIncludedAsZeekWritesThem() {
    Random rnd = new Random(11);
    String alphabet = "\t\ta.1-,é ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int k = rnd.nextInt(70); k > 0; k--) {
        line.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      // bytes around the line that are separators too: the split must not read past its ends
      byte[] b = ("\t\t" + line + "\t\t").getBytes(StandardCharsets.ISO_8859_1);
      int from = 2;
      int to = b.length - 2;
      int max = 1 + rnd.nextInt(12);
      int[] starts = new int[max];
      int[] ends = new int[max];
      int got = Bytes.columns(b, from, to, (byte) '\t', starts, ends, max);
      List<String> columns = new ArrayList<>();
      for (int f = 0; f < got; f++) {
        columns.add(new String(b, starts[f], ends[f] - starts[f], StandardCharsets.ISO_8859_1));
      }
      List<String> plain = new ArrayList<>(List.of(line.toString().split("\t", -1)));
      assertThat(columns)
          .as("%s, at most %d", line, max)
          .isEqualTo(plain.subList(0, Math.min(max, plain.size())));
    }
  }

  @Test
  void countFindsEveryOccurrenceAsAByteByByteCountDoes() {
    Random rnd = new Random(12);
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[rnd.nextInt(70)];
      for (int i = 0; i < b.length; i++) {
        // runs of the byte looked for, its neighbours (carries and borrows) and any other
        int k = rnd.nextInt(5);
        b[i] =
            (byte) (k == 0 ? '\n' : k == 1 ? '\n' + 1 : k == 2 ? 0 : k == 3 ? -128 : rnd.nextInt());
      }
      int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
      int to = from + rnd.nextInt(b.length - from + 1);
      for (byte c : new byte[] {'\n', 0, (byte) 0x80, (byte) 0xFF}) {
        int expected = 0;
        for (int i = from; i < to; i++) {
          expected += b[i] == c ? 1 : 0;
        }
        assertThat(Bytes.count(b, from, to, c)).isEqualTo(expected);
      }
    }
  }

  @Test
  void firstHighByteIsTheLowestSetHighBitsByte() {
    // every one of the 255 non-empty sets of high bits a word search can leave
    for (int set = 1; set < 256; set++) {
      long found = 0;
      for (int k = 0; k < 8; k++) {
        if ((set & (1 << k)) != 0) {
          found |= 0x80L << (8 * k);
        }
      }
      assertThat(Bytes.firstHighByte(found))
          .as(Long.toHexString(found))
          .isEqualTo(Long.numberOfTrailingZeros(found) >>> 3);
    }
  }
}
