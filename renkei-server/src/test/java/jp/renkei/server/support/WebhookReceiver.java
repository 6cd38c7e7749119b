package jp.renkei.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on 127.0.0.1 (an ephemeral port) for the tests' webhooks: it records every
 * request (method, path, query, the headers the hub signs with, body, and the status it answered)
 * and answers 200, or what the test switches it to — refuse ({@link #refuse}, 503), a status, a
 * redirect for paths under a prefix ({@link #redirect}), or hold a request until the test lets it
 * go ({@link #holdNext}: the sender is then in flight). Start one per test and close it after.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as received, with the status it was answered. */
  public record Request(
      String method,
      String path,
      String query,
      String body,
      String signature,
      String delivery,
      int status) {

    /** Whether it was accepted (2xx). */
    public boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpServer server;
  // a held request must not stop the others being answered
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private volatile int status = 200;
  private volatile Hold hold;

  /** A request held until the test releases it. */
  public static final class Hold {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Predicate<String> matching;

    Hold(Predicate<String> matching) {
      this.matching = matching;
    }

    /** Waits until the held request arrived; false if none did in time. */
    public boolean arrived(long seconds) throws InterruptedException {
      return arrived.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the held request be answered. */
    public void release() {
      released.countDown();
    }
  }

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A receiver listening on 127.0.0.1. */
  public static WebhookReceiver start() throws IOException {
    return new WebhookReceiver();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Hold h = hold;
      if (h != null && h.matching.test(body)) {
        hold = null;
        h.arrived.countDown();
        try {
          h.released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String path = ex.getRequestURI().getPath();
      String location =
          redirects.entrySet().stream()
              .filter(e -> path.startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      int answer = location != null ? 307 : status;
      requests.add(
          new Request(
              ex.getRequestMethod(),
              path,
              ex.getRequestURI().getQuery(),
              body,
              ex.getRequestHeaders().getFirst("X-Renkei-Signature"),
              ex.getRequestHeaders().getFirst("X-Renkei-Delivery"),
              answer));
      if (location != null) {
        ex.getResponseHeaders().add("Location", location);
      }
      ex.sendResponseHeaders(answer, -1);
    }
  }

  /** The URL of {@code pathAndQuery} (starting with '/') on this receiver. */
  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port() + pathAndQuery;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Refuses (503) every request from now on while {@code on}; else answers 200. */
  public void refuse(boolean on) {
    status = on ? 503 : 200;
  }

  /** Answers {@code code} to every request from now on. */
  public void answer(int code) {
    status = code;
  }

  /** The status answered now. */
  public int answering() {
    return status;
  }

  /** Answers 307 to {@code location} for every path starting with {@code prefix}. */
  public void redirect(String prefix, String location) {
    redirects.put(prefix, location);
  }

  /** Holds the next request whose body contains {@code text} until the hold is released. */
  public Hold holdNext(String text) {
    Hold h = new Hold(b -> b.contains(text));
    hold = h;
    return h;
  }

  /** Every request received, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The bodies of the requests it accepted, in order. */
  public List<String> accepted() {
    return requests.stream().filter(Request::accepted).map(Request::body).toList();
  }

  /** The bodies of the accepted requests whose query is {@code query} (an organisation's code). */
  public List<String> acceptedFor(String query) {
    return requests.stream()
        .filter(r -> r.accepted() && query.equals(r.query()))
        .map(Request::body)
        .toList();
  }

  @Override
  public void close() {
    Hold h = hold;
    if (h != null) {
      h.release();
    }
    server.stop(0);
    threads.shutdownNow();
  }
}
