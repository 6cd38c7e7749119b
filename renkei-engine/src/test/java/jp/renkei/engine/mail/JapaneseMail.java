package jp.renkei.engine.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Japanese message as Japanese mailers write it, for the tests of issue 19's Japanese sets:
 * headers as RFC 2047 encoded words in the message's charset ({@code =?ISO-2022-JP?B?…?=}), a
 * plain-text body in ISO-2022-JP (7bit), Shift_JIS (base64 or 8bit) or UTF-8, an HTML part in UTF-8
 * quoted-printable, attachments named in encoded words.
 */
final class JapaneseMail {

  private final String charset;
  private final List<String> headers = new ArrayList<>();
  private final List<byte[]> parts = new ArrayList<>();
  private boolean eightBit;
  private String to = "soumu@example-corp.co.jp";

  JapaneseMail(String charset) {
    this.charset = charset;
  }

  static JapaneseMail iso2022jp() {
    return new JapaneseMail("ISO-2022-JP");
  }

  static JapaneseMail shiftJis() {
    return new JapaneseMail("Shift_JIS");
  }

  static JapaneseMail utf8() {
    return new JapaneseMail("UTF-8");
  }

  /** A Shift_JIS body sent as raw 8-bit bytes (older mailers and mailing-list software do). */
  JapaneseMail eightBit() {
    this.eightBit = true;
    return this;
  }

  String word(String s) {
    return "=?"
        + charset
        + "?B?"
        + Base64.getEncoder().encodeToString(s.getBytes(Charset.forName(charset)))
        + "?=";
  }

  JapaneseMail from(String name, String address) {
    headers.add("From: " + (name == null ? "" : word(name) + " ") + "<" + address + ">");
    return this;
  }

  JapaneseMail to(String address) {
    this.to = address;
    return this;
  }

  JapaneseMail subject(String s) {
    headers.add("Subject: " + word(s));
    return this;
  }

  JapaneseMail header(String line) {
    headers.add(line);
    return this;
  }

  /** The receiving server's results for {@code domain}: spf, dkim and dmarc all {@code result}. */
  JapaneseMail auth(String domain, String result) {
    headers.add(
        "Authentication-Results: mx.example-corp.co.jp; spf="
            + result
            + " smtp.mailfrom="
            + domain
            + "; dkim="
            + result
            + " header.d="
            + domain
            + "; dmarc="
            + result
            + " header.from="
            + domain);
    if ("pass".equals(result)) {
      headers.add(
          "DKIM-Signature: v=1; a=rsa-sha256; d="
              + domain
              + "; s=s1; h=from:to:subject; bh=x; b=y");
    }
    return this;
  }

  /** The plain-text body in the message's charset. */
  JapaneseMail text(String body) {
    Charset cs = Charset.forName(charset);
    byte[] bytes = body.replace("\n", "\r\n").getBytes(cs);
    String type = "Content-Type: text/plain; charset=\"" + charset + "\"\r\n";
    if (charset.equals("ISO-2022-JP")) {
      parts.add(concat(type + "Content-Transfer-Encoding: 7bit\r\n\r\n", bytes));
    } else if (eightBit) {
      parts.add(concat(type + "Content-Transfer-Encoding: 8bit\r\n\r\n", bytes));
    } else {
      parts.add(
          concat(
              type + "Content-Transfer-Encoding: base64\r\n\r\n",
              Base64.getMimeEncoder().encode(bytes)));
    }
    return this;
  }

  /** An HTML part in UTF-8, quoted-printable, as web mailers and mailing systems send it. */
  JapaneseMail html(String body) {
    parts.add(
        concat(
            "Content-Type: text/html; charset=\"UTF-8\"\r\nContent-Transfer-Encoding:"
                + " quoted-printable\r\n\r\n",
            quotedPrintable(body.getBytes(StandardCharsets.UTF_8))));
    return this;
  }

  /** An attachment named in an encoded word of the message's charset. */
  JapaneseMail attach(String name, String type, byte[] content) {
    parts.add(
        concat(
            "Content-Type: "
                + type
                + "; name=\""
                + word(name)
                + "\"\r\nContent-Disposition: attachment; filename=\""
                + word(name)
                + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            Base64.getMimeEncoder().encode(content)));
    return this;
  }

  /** A zip of the given names, each holding a few bytes (an executable's MZ header for .exe). */
  static byte[] zip(String... names) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out, Charset.forName("UTF-8"))) {
      for (String n : names) {
        z.putNextEntry(new ZipEntry(n));
        z.write(
            n.endsWith(".exe")
                ? new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}
                : "%PDF-1.7\n%\n".getBytes(StandardCharsets.US_ASCII));
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder h = new StringBuilder();
    for (String line : headers) {
      h.append(line).append("\r\n");
    }
    h.append("To: ").append(to).append("\r\n");
    h.append("Date: Tue, 01 Dec 2026 09:12:44 +0900\r\n");
    h.append("Message-ID: <").append(Math.abs(headers.hashCode())).append("@mail.example>\r\n");
    h.append("MIME-Version: 1.0\r\n");
    out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
    if (parts.size() == 1) {
      out.writeBytes(parts.get(0));
    } else {
      String boundary = "----=_Part_2026_" + parts.size();
      boolean alternative = parts.size() == 2 && new String(parts.get(1)).contains("text/html");
      out.writeBytes(
          ("Content-Type: multipart/"
                  + (alternative ? "alternative" : "mixed")
                  + "; boundary=\""
                  + boundary
                  + "\"\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (byte[] p : parts) {
        out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(p);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  MailReport analyze() {
    return new MailAnalyzer().analyze(new ByteArrayInputStream(bytes()));
  }

  private static byte[] concat(String head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** RFC 2045 quoted-printable, lines of at most 76 characters with soft breaks. */
  static byte[] quotedPrintable(byte[] in) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    for (byte b : in) {
      int c = b & 0xff;
      String piece;
      if (c == '\n') {
        out.append("\r\n");
        col = 0;
        continue;
      } else if (c == '\r') {
        continue;
      } else if (c >= 33 && c <= 126 && c != '=') {
        piece = String.valueOf((char) c);
      } else if (c == ' ') {
        piece = " ";
      } else {
        piece = String.format("=%02X", c);
      }
      if (col + piece.length() > 75) {
        out.append("=\r\n");
        col = 0;
      }
      out.append(piece);
      col += piece.length();
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
