package jp.renkei.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A real SMTP conversation on 127.0.0.1 that refuses every recipient the way Postfix does, echoing
 * the address in its 550 reply. Outgoing-mail tests use it to see what a delivery error keeps.
 */
public final class RefusingSmtp implements AutoCloseable {

  private final ServerSocket listener;
  private final Thread serving;

  /** On a free port. */
  public RefusingSmtp() {
    this(0);
  }

  /**
   * On {@code port}: a test stops the JVM's GreenMail ({@link ServerTest#MAIL}) and refuses on its
   * port, so the running hub's mail is refused, then starts GreenMail again.
   */
  public RefusingSmtp(int port) {
    try {
      listener = new ServerSocket();
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    serving =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                  s.setSoTimeout(10_000);
                  converse(s);
                } catch (IOException e) {
                  // closed at the end of the test, or the client hung up
                }
              }
            },
            "refusing-smtp");
    serving.setDaemon(true);
    serving.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  private static void converse(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
    out.write("220 refusing.test ESMTP\r\n");
    out.flush();
    for (String line; (line = in.readLine()) != null; ) {
      String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
      switch (verb) {
        case "EHLO" -> out.write("250-refusing.test\r\n250-SMTPUTF8\r\n250 8BITMIME\r\n");
        case "HELO", "MAIL", "RSET", "NOOP" -> out.write("250 2.0.0 Ok\r\n");
        case "RCPT" -> {
          String to = line.substring(line.indexOf(':') + 1).strip();
          if (to.contains(" SMTPUTF8")) {
            to = to.substring(0, to.indexOf(" SMTPUTF8"));
          }
          out.write(
              "550 5.1.1 "
                  + to
                  + ": Recipient address rejected: User unknown in local recipient table\r\n");
        }
        case "QUIT" -> {
          out.write("221 2.0.0 Bye\r\n");
          out.flush();
          return;
        }
        default -> out.write("502 5.5.2 Error: command not recognized\r\n");
      }
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    try {
      serving.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
