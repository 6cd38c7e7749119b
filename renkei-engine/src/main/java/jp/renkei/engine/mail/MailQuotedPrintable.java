package jp.renkei.engine.mail;

import java.util.Arrays;

/**
 * Quoted-printable decoding of a whole body in one pass over its bytes, giving what mime4j 0.8.14's
 * {@code QuotedPrintableInputStream} gives with the analyser's lenient settings (no error ever, a
 * malformed escape kept as written, a lone CR kept, a lone LF made CRLF, blanks before a line end
 * dropped, {@code ==} before a line end taken as a soft break).
 *
 * <p>The stream decoded byte by byte through a 2 KB window and handed each byte on through a call
 * that first checked for pending blanks: about 6 % of the analysing thread's CPU on commercial HTML
 * mail, whose bodies are nearly all quoted-printable. Here runs of ordinary bytes, and of single
 * blanks between them, are copied at once.
 *
 * <p>One difference, by design: mime4j looks at the byte after {@code ==CR} only when its window
 * holds it, so {@code ==CRLF} straddling one of its 2 KB refills is read as a hard line break and
 * elsewhere as a soft one; here the whole body is in view and it is always the soft one (what the
 * stream does everywhere but at a refill). {@code MailQuotedPrintableTest} compares both on random
 * bodies.
 */
final class MailQuotedPrintable {

  private static final int PLAIN = 0;
  private static final int BLANK = 1;
  private static final int CR = '\r';
  private static final int LF = '\n';
  private static final int EQ = '=';

  /** Per byte: PLAIN, BLANK ({@code Character.isWhitespace}), or the byte itself for CR, LF, =. */
  private static final int[] KIND = new int[256];

  static {
    for (int b = 0; b < 256; b++) {
      KIND[b] = b == CR || b == LF || b == EQ ? b : Character.isWhitespace(b) ? BLANK : PLAIN;
    }
  }

  private final byte[] in;
  private final int n;
  private byte[] out;
  private int size;
  private byte[] blanks = new byte[16];
  private int blankCount;

  private MailQuotedPrintable(byte[] in, int n) {
    this.in = in;
    this.n = n;
    this.out = new byte[n + (n >> 4) + 16];
  }

  /** The first {@code n} bytes of {@code in} decoded. */
  static byte[] decode(byte[] in, int n) {
    MailQuotedPrintable d = new MailQuotedPrintable(in, n);
    d.run();
    return d.size == d.out.length ? d.out : Arrays.copyOf(d.out, d.size);
  }

  private void run() {
    boolean lastWasCr = false;
    int pos = 0;
    while (pos < n) {
      if (!lastWasCr && blankCount == 0 && KIND[in[pos] & 0xFF] == PLAIN) {
        // ordinary bytes, and blanks followed by one (text on the line: kept as they are)
        int end = pos + 1;
        while (end < n) {
          int k = KIND[in[end] & 0xFF];
          if (k != PLAIN && (k != BLANK || end + 1 == n || KIND[in[end + 1] & 0xFF] != PLAIN)) {
            break;
          }
          end++;
        }
        put(in, pos, end - pos);
        pos = end;
        continue;
      }
      int b = in[pos++] & 0xFF;
      if (lastWasCr && b != LF) {
        // a CR alone is kept as it was, pending blanks stay pending
        add(CR);
      }
      if (b == CR) {
        lastWasCr = true;
        continue;
      }
      lastWasCr = false;
      int kind = KIND[b];
      if (b == LF) {
        if (blankCount == 0 || blanks[0] != EQ) {
          add(CR);
          add(LF);
        }
        blankCount = 0;
      } else if (b == EQ) {
        int b2 = pos < n ? in[pos++] & 0xFF : -1;
        if (b2 == EQ) {
          keepBlanks();
          add(EQ);
          int bb1 = at(pos);
          if (bb1 == LF || (bb1 == CR && at(pos + 1) == LF)) {
            blank(EQ);
          }
        } else if (b2 >= 0 && KIND[b2] != PLAIN && b2 != EQ) {
          // a soft line break (= then a blank, CR or LF)
          if (at(pos) == LF) {
            lastWasCr = b2 == CR;
          }
          keepBlanks();
          if (b2 != LF) {
            blank(EQ);
            blank(b2);
          }
        } else {
          int b3 = pos < n ? in[pos++] & 0xFF : -1;
          int upper = hex(b2);
          int lower = hex(b3);
          keepBlanks();
          if (upper < 0 || lower < 0) {
            add(EQ);
            if (b2 >= 0) {
              add(b2);
            }
            if (b3 >= 0) {
              add(b3);
            }
          } else {
            add(upper << 4 | lower);
          }
        }
      } else if (kind == BLANK) {
        blank(b);
      } else {
        keepBlanks();
        add(b);
      }
    }
  }

  private int at(int i) {
    return i < n ? in[i] & 0xFF : -1;
  }

  private static int hex(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private void blank(int b) {
    if (blankCount == blanks.length) {
      blanks = Arrays.copyOf(blanks, blanks.length * 2);
    }
    blanks[blankCount++] = (byte) b;
  }

  /** Blanks followed by more text on the line are text. */
  private void keepBlanks() {
    if (blankCount > 0) {
      put(blanks, 0, blankCount);
      blankCount = 0;
    }
  }

  private void add(int b) {
    if (size == out.length) {
      out = Arrays.copyOf(out, out.length * 2);
    }
    out[size++] = (byte) b;
  }

  private void put(byte[] from, int off, int len) {
    if (out.length - size < len) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, size + len));
    }
    System.arraycopy(from, off, out, size, len);
    size += len;
  }
}
