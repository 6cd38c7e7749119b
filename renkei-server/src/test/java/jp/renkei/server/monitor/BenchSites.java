package jp.renkei.server.monitor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The scale benchmark's web sites on 127.0.0.1: the JDK's HTTP server (one selector thread that
 * accepts and reads without blocking) with a small fixed pool answering, and a deep accept backlog,
 * so hundreds of requests a second are served without a thread per connection. Unlike {@link
 * LoopbackSite} it has no failure modes: it measures the scheduler, not the site.
 */
final class BenchSites implements AutoCloseable {

  private static final byte[] BODY =
      "<html>Renkei test site OK</html>".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService pool;

  BenchSites(int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-site");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, BODY.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(BODY);
          }
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
