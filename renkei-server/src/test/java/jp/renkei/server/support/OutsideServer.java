package jp.renkei.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a loopback address and an ephemeral port standing for an outside party the
 * hub calls (a TAXII peer, a webhook receiver, a knowledge source, an address inside the network):
 * routes by path prefix, each answered on its own thread, and a slow answer on demand — {@link
 * #trickle}: the status and headers at once, then one byte every 100 ms, each well inside any read
 * timeout, until the hub closes the connection, the byte count is sent, or the server is closed. It
 * counts the trickles begun, under way and cut off by the hub, and per path the connections and the
 * most at once. Start one per test (or per class, for a source configured at start-up) and close it
 * after.
 */
public final class OutsideServer implements AutoCloseable {

  private final HttpServer server;
  private final String host;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private volatile boolean stopping;
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger cutOff = new AtomicInteger();
  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> concurrent = new ConcurrentHashMap<>();
  private final Map<String, Integer> mostConcurrent = new ConcurrentHashMap<>();

  private OutsideServer(String host) {
    this.host = host;
    try {
      server = HttpServer.create(new InetSocketAddress(host, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.start();
  }

  /** A server on 127.0.0.1. */
  public static OutsideServer start() {
    return new OutsideServer("127.0.0.1");
  }

  /** A server on another loopback address ({@code 127.0.0.2} stands for one inside the network). */
  public static OutsideServer startOn(String loopbackAddress) {
    return new OutsideServer(loopbackAddress);
  }

  /** Answers requests whose path begins with {@code prefix} (the longest prefix wins). */
  public OutsideServer on(String prefix, HttpHandler handler) {
    server.createContext(prefix, handler);
    return this;
  }

  /** Trickles the answer to every request under {@code prefix}: at most {@code bytes} bytes. */
  public OutsideServer trickling(String prefix, String contentType, int bytes) {
    return on(
        prefix,
        ex -> {
          ex.getRequestBody().readAllBytes();
          trickle(ex, contentType, bytes);
        });
  }

  /**
   * Answers 200 with {@code contentType} (a declared length of a million bytes), then one byte
   * every 100 ms, {@code bytes} times, unless the hub closes the connection first (counted as cut
   * off) or the server is closed.
   */
  public void trickle(HttpExchange ex, String contentType, int bytes) throws IOException {
    String path = ex.getRequestURI().getPath();
    started.incrementAndGet();
    active.incrementAndGet();
    connections.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    int now = concurrent.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    mostConcurrent.merge(path, now, Math::max);
    try {
      if (contentType != null) {
        ex.getResponseHeaders().add("Content-Type", contentType);
      }
      ex.sendResponseHeaders(200, 1_000_000);
      OutputStream out = ex.getResponseBody();
      for (int i = 0; i < bytes && !stopping; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException e) {
      cutOff.incrementAndGet(); // the hub closed the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      concurrent.get(path).decrementAndGet();
      active.decrementAndGet();
      ex.close();
    }
  }

  /** Answers {@code status} with {@code body} (none when null) and closes the exchange. */
  public static void answer(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  public String url(String path) {
    return "http://" + host + ":" + port() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Trickles begun. */
  public int started() {
    return started.get();
  }

  /** Trickles under way now. */
  public int active() {
    return active.get();
  }

  /** Trickles the hub cut off by closing the connection. */
  public int cutOff() {
    return cutOff.get();
  }

  /** Trickled answers to {@code path} begun. */
  public int connections(String path) {
    AtomicInteger n = connections.get(path);
    return n == null ? 0 : n.get();
  }

  /** The most trickled answers to {@code path} under way at once. */
  public int mostConcurrent(String path) {
    return mostConcurrent.getOrDefault(path, 0);
  }

  @Override
  public void close() {
    stopping = true;
    server.stop(0);
    threads.shutdownNow();
  }
}
