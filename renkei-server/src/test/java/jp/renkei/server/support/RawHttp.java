package jp.renkei.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte by byte on a socket, for what a client library would fix up or refuse:
 * chunked bodies of any size, a Content-Length larger than what is sent, malformed multipart.
 */
public final class RawHttp {

  /** An answer: status, headers (lower-case names, the first of each), and the body as text. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, without the blank line) and {@code body} as is,
   * then reads the answer until the server closes or a complete body has arrived.
   */
  public static Answer send(int port, String head, byte[] body) {
    return send(port, head, body, false);
  }

  /**
   * As {@link #send(int, String, byte[])}, then says that nothing more comes (half-closes the
   * connection), as a client that gave up on the rest of the body. A server that refused a body by
   * its announced length before reading it (RequestBodyLimit) still drains what the client sends,
   * up to {@code server.tomcat.max-swallow-size}, and writes the last chunk of a chunked answer
   * only after that: with the connection left open the answer ended when Tomcat's read timed out,
   * about 60 s a request (ci39: EarlyRefusalPagesIT took 120 s for its two page requests).
   */
  public static Answer sendThenClose(int port, String head, byte[] body) {
    return send(port, head, body, true);
  }

  private static Answer send(int port, String head, byte[] body, boolean close) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      // a wait, not a timing assertion: a chunked TAXII envelope is stored as it is read (about
      // 2,700 indicators before its limit in BadInputIT), which took over 30 s on a loaded machine
      s.setSoTimeout(120_000);
      OutputStream out = s.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      try {
        out.write(body);
        out.flush();
        if (close) {
          s.shutdownOutput();
        }
      } catch (IOException e) {
        // the server may answer and close before reading everything: read what it said
      }
      return read(s.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A body in chunks of {@code chunk} bytes, with the last chunk. */
  public static byte[] chunked(byte[] body, int chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length; i += chunk) {
      int n = Math.min(chunk, body.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, i, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /**
   * Reads one answer, framed by its Content-Length or its last chunk (a server that refuses a body
   * may keep the connection open while it discards the rest), or until the server closes.
   */
  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    try {
      while ((n = in.read(buf)) > 0) {
        all.write(buf, 0, n);
        if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
    } catch (IOException e) {
      // a reset after the answer: keep what arrived
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static boolean complete(String latin1) {
    int end = latin1.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = latin1.substring(0, end).toLowerCase(Locale.ROOT);
    int bodyBytes = latin1.length() - end - 4;
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
    if (length.find()) {
      return bodyBytes >= Long.parseLong(length.group(1));
    }
    if (head.contains("\r\ntransfer-encoding: chunked")) {
      return latin1.endsWith("\r\n0\r\n\r\n") || latin1.substring(end + 4).startsWith("0\r\n\r\n");
    }
    return false;
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(i, eol).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the bodies here are ASCII or are only searched for ASCII text
      byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      out.append(chunk);
      i = eol + 2 + chunk.length() + 2;
    }
    return out.toString();
  }
}
