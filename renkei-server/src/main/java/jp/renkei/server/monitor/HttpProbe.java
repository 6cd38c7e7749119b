package jp.renkei.server.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import jp.renkei.engine.monitor.Phase;
import jp.renkei.engine.net.Watchdog;
import jp.renkei.server.outbound.OutboundHttp;

/**
 * One phase-timed probe of a site: name lookup (through the hub's SSRF guard, which refuses
 * addresses the hub must not reach), TCP connect, TLS handshake (the platform's trust store, with
 * host name verification), a minimal HTTP/1.1 GET, time to first byte, and the transfer of at most
 * {@link #MAX_BODY} bytes. Redirects are not followed: a 301 where a 200 is expected is a failure
 * the owner should see. Java's HTTP clients do not expose these phases, hence the socket code.
 * Thread-safe; one attempt blocks its thread for at most its timeout: name lookup, connect,
 * handshake and every read share one deadline; the lookup (blocking in the JDK) is run on the
 * guard's lookup pool and given up at the deadline (harden32), and at the deadline a watchdog
 * closes the socket. The read timeout alone does not bound an attempt over TLS: the TLS layer reads
 * a whole record (up to 16 KiB) before it returns anything, each of its reads waiting the full
 * timeout again, so a site that trickled its handshake or a record one byte at a time held a worker
 * for hours (outbound31).
 */
public final class HttpProbe {

  /** Bytes of the answer read at most (the expected text must appear within them). */
  public static final int MAX_BODY = 256 * 1024;

  /** What to probe and what counts as success. */
  public record Target(URI uri, int expectedStatus, String expectedText) {}

  /**
   * The outcome of one attempt.
   *
   * @param error what went wrong, for the owner (never a stack trace), or null
   * @param certNotAfter the expiry of the certificate the site presented, even an untrusted one
   */
  public record Result(
      Instant at,
      boolean ok,
      int status,
      Map<Phase, Double> millis,
      String error,
      Instant certNotAfter) {}

  /** Resolves a host to the addresses the probe may connect to; refuses others. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host);

    /**
     * As {@link #resolve(String)}, given up after {@code within} (a failure saying that the name
     * lookup did not answer); a resolver that cannot be cut answers as {@code resolve(host)}.
     */
    default InetAddress[] resolve(String host, Duration within) {
      return resolve(host);
    }
  }

  private final Resolver resolver;
  private final Duration timeout;
  private final SSLContext tls;

  public HttpProbe(Resolver resolver, Duration timeout) {
    this.resolver = resolver;
    this.timeout = timeout;
    try {
      TrustManagerFactory f =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init((KeyStore) null);
      X509TrustManager platform = null;
      for (TrustManager m : f.getTrustManagers()) {
        if (m instanceof X509TrustManager x) {
          platform = x;
        }
      }
      this.tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new Recording(platform)}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS available", e);
    }
  }

  /** The guard of the hub as a resolver. */
  public static HttpProbe guarded(OutboundHttp guard, Duration timeout) {
    return new HttpProbe(
        new Resolver() {
          @Override
          public InetAddress[] resolve(String host) {
            return guard.checkedAddresses(host);
          }

          @Override
          public InetAddress[] resolve(String host, Duration within) {
            return guard.checkedAddresses(host, within);
          }
        },
        timeout);
  }

  private static final ThreadLocal<Instant> PRESENTED_NOT_AFTER = new ThreadLocal<>();

  /** Closes the socket of an attempt whose deadline passes (one daemon thread for all probes). */
  private static final ScheduledThreadPoolExecutor WATCHDOG = Watchdog.daemon("probe-deadline");

  /**
   * A probe with its retries: the last attempt's result, how many attempts were made, and the error
   * to record — the first failure is kept when a retry succeeded, so a retry never hides it.
   */
  public record Attempts(Result result, int attempts, String error) {}

  /**
   * The longest one attempt may take for a site probed every {@code intervalSeconds} with {@code
   * retries}: the configured timeout, but never so long that all attempts together overrun 80 % of
   * the interval — a probe then always ends before its next turn, and the next turn is not skipped.
   */
  public static Duration attemptTimeout(Duration timeout, int intervalSeconds, int retries) {
    Duration share = Duration.ofMillis(intervalSeconds * 800L / (retries + 1));
    Duration d = timeout.compareTo(share) < 0 ? timeout : share;
    return d.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : d;
  }

  /**
   * Probes with up to {@code retries} further attempts after a failure, each limited to {@code
   * attemptTimeout}.
   */
  public Attempts probe(Target t, int retries, Duration attemptTimeout) {
    Result r = probe(t, attemptTimeout);
    int attempts = 1;
    String first = r.error();
    // a refused destination is tried again as a name that did not resolve is: the number of
    // attempts must not tell them apart (attack38)
    while (!r.ok() && attempts <= retries) {
      r = probe(t, attemptTimeout);
      attempts++;
    }
    return new Attempts(
        r, attempts, r.ok() && first != null ? "recovered after retry: " + first : r.error());
  }

  public Result probe(Target t) {
    return probe(t, timeout);
  }

  /** One attempt that ends within {@code limit}. */
  public Result probe(Target t, Duration limit) {
    Instant at = Instant.now();
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    Map<Phase, Double> ms = new EnumMap<>(Phase.class);
    PRESENTED_NOT_AFTER.remove();
    URI u = t.uri();
    boolean https = "https".equalsIgnoreCase(u.getScheme());
    int port = u.getPort() > 0 ? u.getPort() : https ? 443 : 80;
    String host = u.getHost();
    Socket socket = new Socket();
    AtomicBoolean overdue = new AtomicBoolean();
    ScheduledFuture<?> closing =
        WATCHDOG.schedule(
            () -> {
              overdue.set(true);
              closeQuietly(socket);
            },
            limit.toNanos(),
            TimeUnit.NANOSECONDS);
    try {
      InetAddress[] addresses;
      try {
        // the lookup shares the attempt's deadline: the JDK resolver blocks, so it is waited for
        // on the guard's lookup pool and given up when the attempt's time is over
        addresses =
            resolver.resolve(host, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (OutboundHttp.Failure e) {
        // a name that does not resolve and one the guard refuses read alike to the site's owner:
        // the hub's resolver is not theirs to map (attack38)
        return failed(at, ms, OutboundHttp.toldOutside(e, host));
      }
      long t0 = mark(ms, Phase.DNS, start);
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(addresses[0], port), remaining(deadline));
      socket.setSoTimeout(remaining(deadline));
      long t1 = mark(ms, Phase.CONNECT, t0);
      Socket channel = socket;
      if (https) {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.startsWith("[") && !Character.isDigit(host.charAt(0))) {
          p.setServerNames(List.of(new SNIHostName(host)));
        }
        s.setSSLParameters(p);
        s.setSoTimeout(remaining(deadline));
        s.startHandshake();
        channel = s;
        t1 = mark(ms, Phase.TLS, t1);
      }
      OutputStream out = channel.getOutputStream();
      out.write(request(u).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = channel.getInputStream();
      channel.setSoTimeout(remaining(deadline));
      int first = in.read();
      if (first < 0) {
        return failed(
            at, ms, overdue.get() ? overdue(ms, limit) : "connection closed before any answer");
      }
      long t2 = mark(ms, Phase.TTFB, t1);
      // most answers are small: start small and grow up to the limit, so a busy hub does not
      // allocate 256 KiB per probe
      byte[] buf = new byte[16 * 1024];
      buf[0] = (byte) first;
      int n = 1;
      int r;
      while (n <= MAX_BODY) {
        if (n == buf.length) {
          buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 4, MAX_BODY + 1));
        }
        channel.setSoTimeout(remaining(deadline));
        if ((r = in.read(buf, n, buf.length - n)) <= 0) {
          break;
        }
        n += r;
      }
      if (overdue.get()) {
        // the end of the answer was the watchdog's close, not the site's: never judged complete
        return failed(at, ms, overdue(ms, limit));
      }
      mark(ms, Phase.TRANSFER, t2);
      ms.put(Phase.TOTAL, (System.nanoTime() - start) / 1e6);
      return judge(
          at, t, ms, new String(buf, 0, Math.min(n, MAX_BODY), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      // the watchdog's close makes the blocked read fail with whatever the layer says (socket
      // closed, TLS failed): what happened is that the deadline passed
      if (overdue.get() || e instanceof SocketTimeoutException) {
        return failed(at, ms, overdue(ms, limit));
      }
      if (e instanceof SSLHandshakeException h) {
        return failed(at, ms, tlsFailure(h));
      }
      if (e instanceof SSLException) {
        return failed(at, ms, "TLS failed");
      }
      if (e instanceof ConnectException) {
        return failed(at, ms, "connection refused");
      }
      String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return failed(
          at,
          ms,
          m.contains("reset") ? "connection reset" : "I/O error: " + e.getClass().getSimpleName());
    } finally {
      closing.cancel(false);
      closeQuietly(socket);
    }
  }

  private static String overdue(Map<Phase, Double> ms, Duration limit) {
    return (ms.containsKey(Phase.CONNECT) ? "no answer" : "no connection")
        + " within "
        + (limit.toMillis() % 1000 == 0
            ? String.valueOf(limit.toSeconds())
            : String.valueOf(limit.toMillis() / 1000.0))
        + " s";
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a probe's socket has nothing to report
    }
  }

  /** Milliseconds left before the deadline, at least 1 (0 would mean "no timeout"). */
  private static int remaining(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("deadline");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private Result failed(Instant at, Map<Phase, Double> ms, String error) {
    return new Result(at, false, 0, ms, error, PRESENTED_NOT_AFTER.get());
  }

  private Result judge(Instant at, Target t, Map<Phase, Double> ms, String answer) {
    int status = status(answer);
    Instant cert = PRESENTED_NOT_AFTER.get();
    if (status < 0) {
      return new Result(at, false, 0, ms, "not an HTTP answer", cert);
    }
    if (status != t.expectedStatus()) {
      return new Result(
          at, false, status, ms, "HTTP " + status + " (expected " + t.expectedStatus() + ")", cert);
    }
    if (t.expectedText() != null && !t.expectedText().isEmpty()) {
      int body = answer.indexOf("\r\n\r\n");
      String text = body < 0 ? "" : decode(answer.substring(body + 4));
      if (!text.contains(t.expectedText())) {
        return new Result(at, false, status, ms, "expected text not found", cert);
      }
    }
    return new Result(at, true, status, ms, null, cert);
  }

  private static String decode(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** The status of {@code HTTP/1.x NNN ...}, or -1. */
  static int status(String answer) {
    if (!answer.startsWith("HTTP/1.") || answer.length() < 12 || answer.charAt(8) != ' ') {
      return -1;
    }
    try {
      return Integer.parseInt(answer.substring(9, 12));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String request(URI u) {
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    if (u.getRawQuery() != null) {
      path += "?" + u.getRawQuery();
    }
    String hostHeader = u.getPort() > 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: "
        + hostHeader
        + "\r\nUser-Agent: Renkei-probe/1\r\nAccept: */*\r\nConnection: close\r\n\r\n";
  }

  private static long mark(Map<Phase, Double> ms, Phase phase, long since) {
    long now = System.nanoTime();
    ms.put(phase, (now - since) / 1e6);
    return now;
  }

  private static String tlsFailure(SSLHandshakeException e) {
    String m = String.valueOf(e.getMessage());
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof CertificateException) {
        return m.contains("No subject alternative") || m.contains("No name matching")
            ? "certificate does not match the host name"
            : "certificate not trusted or expired";
      }
    }
    return "TLS handshake failed";
  }

  /** The platform's trust decision, remembering the expiry of what the site presented. */
  private static final class Recording implements X509TrustManager {
    private final X509TrustManager platform;

    Recording(X509TrustManager platform) {
      this.platform = platform;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      platform.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (chain != null && chain.length > 0) {
        PRESENTED_NOT_AFTER.set(chain[0].getNotAfter().toInstant());
      }
      platform.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return platform.getAcceptedIssuers();
    }
  }
}
