package jp.renkei.engine.discovery;

import com.google.common.util.concurrent.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import jp.renkei.engine.net.Watchdog;

/**
 * The probes of discovery, each on an {@link Admitted} target only: a TCP connect check, a banner
 * read, and a TLS handshake that reports the certificate's names and expiry and the protocol
 * version. Every connection waits for the shared rate limiter first (a polite rate, connections per
 * second), and every read is bounded in time and size. Each attempt as a whole (connect, handshake,
 * banner read) has a deadline, counted once the rate limiter lets it go: a service that trickles
 * its banner or its handshake a byte at a time, each inside the read timeout, is cut off there (its
 * socket closed by one daemon watchdog thread for all probes), and the attempt says so ({@link
 * Attempt#cutOff()}). Thread-safe.
 */
public final class Probes {

  /** Longest banner kept, in bytes. */
  public static final int MAX_BANNER = 256;

  /** TLS facts of one handshake. */
  public record TlsFacts(
      String protocol,
      String cipherSuite,
      String subject,
      List<String> dnsNames,
      Instant notAfter,
      String issuer) {}

  /**
   * What one attempt came to: what it read, if anything, and whether its whole deadline cut it off
   * (then the value is what had arrived by then: part of a banner, never a handshake's facts).
   */
  public record Attempt<T>(Optional<T> value, boolean cutOff) {}

  private static final ScheduledThreadPoolExecutor WATCHDOG =
      Watchdog.daemon("discovery-probe-deadline");

  private final RateLimiter rate;
  private final Duration timeout;
  private final Duration deadline;

  /**
   * @param connectionsPerSecond polite rate for all probes of this instance
   * @param timeout connect and read timeout of each probe
   * @param deadline of each attempt as a whole (connect, handshake, banner read)
   */
  public Probes(double connectionsPerSecond, Duration timeout, Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the attempt deadline must be positive, not " + deadline);
    }
    this.rate = RateLimiter.create(connectionsPerSecond);
    this.timeout = timeout;
    this.deadline = deadline;
  }

  /** With a whole-attempt deadline of three read timeouts. */
  public Probes(double connectionsPerSecond, Duration timeout) {
    this(connectionsPerSecond, timeout, timeout.multipliedBy(3));
  }

  /** One connection under its whole deadline: closed by the watchdog when the deadline passes. */
  private final class Guarded implements AutoCloseable {
    final Socket socket = new Socket();
    private final ScheduledFuture<?> closing;
    private volatile boolean cut;

    Guarded(Admitted t, int port) throws IOException {
      rate.acquire();
      closing = WATCHDOG.schedule(this::cut, deadline.toNanos(), TimeUnit.NANOSECONDS);
      try {
        socket.connect(new InetSocketAddress(t.address(), port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    private void cut() {
      cut = true;
      try {
        socket.close();
      } catch (IOException e) {
        // closing is all the watchdog does
      }
    }

    boolean cutOff() {
      return cut;
    }

    @Override
    public void close() throws IOException {
      closing.cancel(false);
      socket.close();
    }
  }

  /** Whether a TCP connection to the port is accepted. */
  public boolean open(Admitted t, int port) {
    try (Guarded g = new Guarded(t, port)) {
      return g.socket.isConnected();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * What the service says first, within the timeout: printable ASCII, at most {@link #MAX_BANNER}
   * bytes, up to the first line end; empty when it says nothing.
   */
  public Optional<String> banner(Admitted t, int port) {
    return bannerAttempt(t, port).value();
  }

  /** {@link #banner}, and whether the attempt's whole deadline cut the read off. */
  public Attempt<String> bannerAttempt(Admitted t, int port) {
    byte[] buf = new byte[MAX_BANNER];
    int n = 0;
    boolean cut = false;
    try (Guarded g = new Guarded(t, port)) {
      InputStream in = g.socket.getInputStream();
      while (n < buf.length) {
        int r;
        try {
          r = in.read(buf, n, buf.length - n);
        } catch (java.net.SocketTimeoutException e) {
          break;
        } catch (IOException e) {
          cut = g.cutOff();
          if (cut) {
            break;
          }
          throw e;
        }
        if (r < 0) {
          break;
        }
        n += r;
        if (indexOfLineEnd(buf, n) >= 0) {
          break;
        }
      }
    } catch (IOException e) {
      return new Attempt<>(Optional.empty(), false);
    }
    int end = indexOfLineEnd(buf, n);
    String text = printable(buf, end < 0 ? n : end);
    return new Attempt<>(text.isBlank() ? Optional.empty() : Optional.of(text.strip()), cut);
  }

  private static int indexOfLineEnd(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] == '\n' || b[i] == '\r') {
        return i;
      }
    }
    return -1;
  }

  private static String printable(byte[] b, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }
    return sb.toString();
  }

  /**
   * A TLS handshake (server name indication with the admitted name, if any): the certificate is
   * read, not trusted — discovery reports facts, it sends nothing after the handshake.
   */
  public Optional<TlsFacts> tls(Admitted t, int port) {
    return tlsAttempt(t, port).value();
  }

  /** {@link #tls}, and whether the attempt's whole deadline cut the handshake off. */
  public Attempt<TlsFacts> tlsAttempt(Admitted t, int port) {
    Guarded g;
    try {
      g = new Guarded(t, port);
    } catch (IOException e) {
      return new Attempt<>(Optional.empty(), false);
    }
    try (g) {
      Socket plain = g.socket;
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new Recording()}, new SecureRandom());
      try (SSLSocket s =
          (SSLSocket)
              ctx.getSocketFactory()
                  .createSocket(plain, t.address().getHostAddress(), port, false)) {
        if (t.name() != null) {
          SSLParameters p = s.getSSLParameters();
          p.setServerNames(List.of(new SNIHostName(t.name())));
          s.setSSLParameters(p);
        }
        s.startHandshake();
        var session = s.getSession();
        X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
        return new Attempt<>(
            Optional.of(
                new TlsFacts(
                    session.getProtocol(),
                    session.getCipherSuite(),
                    leaf.getSubjectX500Principal().getName(),
                    dnsNames(leaf),
                    leaf.getNotAfter().toInstant(),
                    leaf.getIssuerX500Principal().getName())),
            false);
      }
    } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
      return new Attempt<>(Optional.empty(), g.cutOff());
    }
  }

  static List<String> dnsNames(X509Certificate c) {
    List<String> names = new ArrayList<>();
    try {
      if (c.getSubjectAlternativeNames() != null) {
        for (List<?> san : c.getSubjectAlternativeNames()) {
          if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0))) {
            names.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // no names: the facts still carry the subject
    }
    return names.size() > 100 ? names.subList(0, 100) : names;
  }

  /** Accepts any chain: the handshake is for reading the certificate, nothing is sent after. */
  private static final class Recording implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
