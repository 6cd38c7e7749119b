package jp.renkei.server.outbound;

import jakarta.mail.MessagingException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import jp.renkei.engine.net.Watchdog;
import org.springframework.mail.MailSendException;

/**
 * The sockets of SMTP connections ({@code mail.smtp.socketFactory}), each closed when its whole
 * deadline passes, counted from its creation: Jakarta Mail's timeouts bound each connect, read and
 * write, so a mail server that answers a byte at a time, each just inside the read timeout, held a
 * send — and the thread sending it — for ever. Spring's {@code JavaMailSender} opens one connection
 * per send, so the deadline bounds the whole exchange (connect, greeting, STARTTLS, every command
 * and the message). A read or write on a connection cut off this way fails with {@link Passed},
 * whose message names the deadline and its property; {@link #passed(Throwable)} finds it in what
 * Jakarta Mail and Spring wrap it in. One daemon thread closes the late connections of the whole
 * instance. Thread-safe.
 */
public final class SmtpDeadline extends SocketFactory {

  /** The property of the deadline, named in the error of a connection cut off. */
  public static final String PROPERTY = "renkei.notify.mail-deadline";

  private static final ScheduledThreadPoolExecutor WATCHDOG = Watchdog.daemon("smtp-deadline");

  private final Duration deadline;

  public SmtpDeadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException(PROPERTY + " must be positive, not " + deadline);
    }
    this.deadline = deadline;
  }

  /** A read or write of an SMTP connection that its whole deadline cut off. */
  public static final class Passed extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    Passed(Duration deadline) {
      super(
          "the mail server did not finish the exchange within its whole deadline of "
              + deadline.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
              + " ("
              + PROPERTY
              + "); the connection was closed and the message stays queued");
    }
  }

  /**
   * The {@link Passed} in {@code e}'s causes, Jakarta Mail's next exceptions or Spring's failed
   * messages, if any.
   */
  public static Optional<Passed> passed(Throwable e) {
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(e);
    int looked = 0;
    while (!todo.isEmpty() && looked++ < 64) {
      Throwable t = todo.poll();
      if (t instanceof Passed p) {
        return Optional.of(p);
      }
      if (t.getCause() != null && t.getCause() != t) {
        todo.add(t.getCause());
      }
      if (t instanceof MessagingException m
          && m.getNextException() != null
          && m.getNextException() != m.getCause()) {
        todo.add(m.getNextException());
      }
      if (t instanceof MailSendException s) {
        for (Exception x : s.getMessageExceptions()) {
          todo.add(x);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Socket createSocket() {
    return new Guarded(deadline);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(SocketAddress to) throws IOException {
    return connected(to, null);
  }

  /** A guarded socket bound to {@code local} (any when null) and connected to {@code to}. */
  private Socket connected(SocketAddress to, SocketAddress local) throws IOException {
    Socket s = createSocket();
    if (local != null) {
      s.bind(local);
    }
    s.connect(to);
    return s;
  }

  /** A socket closed by the watchdog at its deadline; its failures then say so. */
  private static final class Guarded extends Socket {
    private final Duration deadline;
    private final ScheduledFuture<?> closing;
    private volatile boolean cut;

    Guarded(Duration deadline) {
      this.deadline = deadline;
      this.closing = WATCHDOG.schedule(this::cut, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cut() {
      cut = true;
      try {
        super.close();
      } catch (IOException e) {
        // closing is all the watchdog does; a failure to close leaves the read timeouts
      }
    }

    private IOException said(IOException e) {
      if (!cut) {
        return e;
      }
      Passed p = new Passed(deadline);
      p.initCause(e);
      return p;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      try {
        super.connect(endpoint, timeout);
      } catch (IOException e) {
        throw said(e);
      }
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return new FilterInputStream(super.getInputStream()) {
        @Override
        public int read() throws IOException {
          try {
            return super.read();
          } catch (IOException e) {
            throw said(e);
          }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          try {
            return in.read(b, off, len);
          } catch (IOException e) {
            throw said(e);
          }
        }
      };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      return new FilterOutputStream(super.getOutputStream()) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          try {
            out.write(b, off, len);
          } catch (IOException e) {
            throw said(e);
          }
        }

        @Override
        public void write(int b) throws IOException {
          try {
            out.write(b);
          } catch (IOException e) {
            throw said(e);
          }
        }

        @Override
        public void flush() throws IOException {
          try {
            out.flush();
          } catch (IOException e) {
            throw said(e);
          }
        }
      };
    }

    @Override
    public synchronized void close() throws IOException {
      closing.cancel(false);
      super.close();
    }
  }
}
