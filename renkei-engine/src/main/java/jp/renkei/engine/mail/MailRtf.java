package jp.renkei.engine.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The body an Outlook message keeps only as RTF, read back: the HTML that Outlook wrapped in RTF
 * ({@code \fromhtml1}, MS-OXRTFEX: the tags in {@code \*\htmltag} groups, the HTML's text outside
 * {@code \htmlrtf} stretches), or the text of a plain RTF body. Bytes written as {@code \'hh} are
 * decoded in the document's {@code \ansicpg} code page (932 for Japanese Outlook), the control word
 * u<i>N</i> as Unicode. Nesting deeper than {@link #MAX_GROUPS} is counted, not kept (the state of
 * the deepest kept group applies), so no input costs more than one pass and its own length.
 */
final class MailRtf {

  /** Groups whose state is kept; deeper ones share the deepest kept state. */
  static final int MAX_GROUPS = 1024;

  private static final int SKIP = 1;
  private static final int HTMLRTF = 2;
  private static final int TAG = 4;

  private MailRtf() {}

  /** Whether the RTF is HTML encapsulated by Outlook. */
  static boolean fromHtml(String rtf) {
    int head = Math.min(rtf.length(), 2048);
    return rtf.substring(0, head).contains("\\fromhtml1");
  }

  /** The encapsulated HTML when {@link #fromHtml}, the text otherwise. */
  static String read(String rtf) {
    return new Reader(rtf, fromHtml(rtf)).run();
  }

  private static final class Reader {
    final String s;
    final boolean html;
    final StringBuilder out = new StringBuilder();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Charset charset = Charset.forName("windows-1252");
    final int[] states = new int[MAX_GROUPS + 1];
    int depth;
    int beyond;
    int uc = 1;
    int skipChars;
    int i;

    Reader(String s, boolean html) {
      this.s = s;
      this.html = html;
    }

    int state() {
      return states[depth];
    }

    boolean emitting() {
      int st = state();
      if ((st & SKIP) != 0) {
        return false;
      }
      if (!html) {
        return true;
      }
      return (st & TAG) != 0 || (st & HTMLRTF) == 0;
    }

    String run() {
      int n = s.length();
      boolean destinationNext = false;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '{') {
          flushBytes();
          i++;
          if (depth < MAX_GROUPS) {
            states[depth + 1] = states[depth];
            depth++;
          } else {
            beyond++;
          }
          destinationNext = true;
          continue;
        }
        if (c == '}') {
          flushBytes();
          i++;
          if (beyond > 0) {
            beyond--;
          } else if (depth > 0) {
            depth--;
          }
          destinationNext = false;
          continue;
        }
        if (c == '\\') {
          boolean first = destinationNext;
          destinationNext = false;
          control(first);
          continue;
        }
        destinationNext = false;
        i++;
        if (c == '\r' || c == '\n') {
          continue;
        }
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        if (emitting()) {
          flushBytes();
          out.append(c);
        }
      }
      flushBytes();
      return out.toString();
    }

    /** A control word or symbol at {@code i}; {@code first}: the first thing in its group. */
    void control(boolean first) {
      int n = s.length();
      i++;
      if (i >= n) {
        return;
      }
      char c = s.charAt(i);
      if (!isLetter(c)) {
        i++;
        if (c == '\'') {
          int hex = i + 2 <= n ? hex(s, i) : -1;
          i = Math.min(n, i + 2);
          if (skipChars > 0) {
            skipChars--;
          } else if (hex >= 0 && emitting()) {
            bytes.write(hex);
          }
        } else if (c == '*') {
          if (first && !s.startsWith("\\htmltag", i)) {
            states[depth] |= SKIP;
          }
        } else if (c == '{' || c == '}' || c == '\\') {
          text(String.valueOf(c));
        } else if (c == '~') {
          text("\u00a0");
        } else if (c == '\n' || c == '\r') {
          text("\n");
        }
        return;
      }
      int start = i;
      while (i < n && isLetter(s.charAt(i)) && i - start < 32) {
        i++;
      }
      String word = s.substring(start, i);
      int numStart = i;
      if (i < n && s.charAt(i) == '-') {
        i++;
      }
      while (i < n && Character.isDigit(s.charAt(i)) && i - numStart < 10) {
        i++;
      }
      boolean hasNumber = i > numStart && !(i == numStart + 1 && s.charAt(numStart) == '-');
      int number = 0;
      if (hasNumber) {
        try {
          number = Integer.parseInt(s.substring(numStart, i));
        } catch (NumberFormatException e) {
          number = 0;
        }
      }
      if (i < n && s.charAt(i) == ' ') {
        i++;
      }
      word(word, hasNumber, number);
    }

    void word(String word, boolean hasNumber, int number) {
      switch (word) {
        case "htmltag" -> {
          states[depth] = (states[depth] & ~SKIP) | TAG;
        }
        case "htmlrtf" -> {
          if (hasNumber && number == 0) {
            states[depth] &= ~HTMLRTF;
          } else {
            states[depth] |= HTMLRTF;
          }
        }
        case "fonttbl",
            "colortbl",
            "stylesheet",
            "info",
            "pict",
            "object",
            "header",
            "footer",
            "headerl",
            "headerr",
            "footerl",
            "footerr",
            "listtable",
            "listoverridetable",
            "rsidtbl",
            "generator",
            "xmlnstbl",
            "mmathPr",
            "themedata",
            "colorschememapping",
            "datastore",
            "latentstyles",
            "pgdsctbl" -> {
          states[depth] |= SKIP;
        }
        case "ansicpg" -> {
          if (hasNumber) {
            charset = codePage(number);
          }
        }
        case "uc" -> uc = hasNumber ? Math.max(0, Math.min(number, 8)) : 1;
        case "u" -> {
          if (hasNumber) {
            int cp = number < 0 ? number + 65_536 : number;
            text(String.valueOf((char) cp));
            skipChars = uc;
          }
        }
        case "par", "line" -> text("\r\n");
        case "tab" -> text("\t");
        case "emdash" -> text("\u2014");
        case "endash" -> text("\u2013");
        case "lquote" -> text("\u2018");
        case "rquote" -> text("\u2019");
        case "ldblquote" -> text("\u201c");
        case "rdblquote" -> text("\u201d");
        case "bullet" -> text("\u2022");
        default -> {
          // formatting words say nothing the analyser reads
        }
      }
    }

    void text(String t) {
      if (emitting()) {
        flushBytes();
        out.append(t);
      }
    }

    void flushBytes() {
      if (bytes.size() > 0) {
        out.append(new String(bytes.toByteArray(), charset));
        bytes.reset();
      }
    }
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int hex(String s, int at) {
    int hi = Character.digit(s.charAt(at), 16);
    int lo = Character.digit(s.charAt(at + 1), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  private static Charset codePage(int cp) {
    String name =
        switch (cp) {
          case 932 -> "windows-31j";
          case 65001 -> "UTF-8";
          case 50220, 50221, 50222 -> "ISO-2022-JP";
          case 51932 -> "EUC-JP";
          default -> "windows-" + cp;
        };
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }
}
