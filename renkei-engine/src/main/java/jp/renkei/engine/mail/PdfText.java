package jp.renkei.engine.mail;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The words on the first page of a PDF attachment, read from the document already loaded for the QR
 * search. A lure sent as a PDF puts its words there and leaves the message nearly empty ("please
 * find your billing statement"): the invoice for a purchase never made with the number to call to
 * cancel it, the renewal of a subscription never taken, the extortion letter. The analyser reads
 * them with the message's own text, so the wording signs see what the reader sees on opening it.
 *
 * <p>Bounded: only the first {@link #PAGES} page is read, at most {@link #MAX_OPERATIONS} content
 * operators (a page padded with millions of them is not read to the end), at most {@link
 * #MAX_CHARS} characters are kept, and no reading begins or goes on past the analysis's deadline. A
 * damaged page, an unknown font or a page over these bounds gives no text; never a failure of the
 * analysis.
 */
final class PdfText {

  /** Pages read: a lure's words are on its first page. */
  static final int PAGES = 1;

  /** Content operators read on those pages. */
  static final int MAX_OPERATIONS = 100_000;

  /** Characters of the page's text kept. */
  static final int MAX_CHARS = 4_000;

  private PdfText() {}

  /**
   * The text of the first {@link #PAGES} page(s), white space runs made one space or line, cut to
   * {@link #MAX_CHARS} characters; "" when there is none or it could not be read. With {@code
   * timed}, nothing is read once {@code System.nanoTime()} has passed {@code deadline}.
   */
  static String firstPage(PDDocument doc, long deadline, boolean timed) {
    if (doc.getNumberOfPages() == 0 || (timed && System.nanoTime() - deadline >= 0)) {
      return "";
    }
    try {
      Stripper s = new Stripper(deadline, timed);
      s.setStartPage(1);
      s.setEndPage(PAGES);
      return tidy(s.getText(doc));
    } catch (IOException | RuntimeException | java.io.IOError e) {
      // a page over the bounds (Stopped) or one PDFBox cannot read: its words stay unread
      return "";
    }
  }

  /** {@code t} with runs of spaces made one, blank lines dropped, cut to {@link #MAX_CHARS}. */
  static String tidy(String t) {
    StringBuilder out = new StringBuilder(Math.min(t.length(), MAX_CHARS));
    boolean space = false;
    boolean line = true;
    for (int i = 0; i < t.length() && out.length() < MAX_CHARS; i++) {
      char c = t.charAt(i);
      if (c == '\n' || c == '\r') {
        if (!line) {
          out.append('\n');
        }
        line = true;
        space = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = !line;
      } else {
        if (space) {
          out.append(' ');
        }
        out.append(c);
        space = false;
        line = false;
      }
    }
    return (out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) : out.toString()).strip();
  }

  /** A text stripper that counts its operators and watches the deadline. */
  private static final class Stripper extends PDFTextStripper {
    private final long deadline;
    private final boolean timed;
    private long operations;

    Stripper(long deadline, boolean timed) {
      this.deadline = deadline;
      this.timed = timed;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if (++operations > MAX_OPERATIONS
          || (timed && (operations & 1023) == 0 && System.nanoTime() - deadline >= 0)) {
        throw new Stopped();
      }
      super.processOperator(operator, operands);
    }
  }

  /**
   * Thrown through PDFBox to end the reading: unchecked, since PDFBox turns an IOException inside a
   * form into a warning and carries on.
   */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }
}
