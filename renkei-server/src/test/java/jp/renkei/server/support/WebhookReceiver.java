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
 * redirect for paths under a prefix ({@link #redirect}), or run something when a request arrives,
 * before answering it ({@link #onNext}: the sender is then in flight). Start one per test and close
 * it after.
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
  // a request whose arrival runs an action must not stop the others being answered
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private volatile int status = 200;
  private volatile Arrival next;

  /**
   * The next request whose body contains a text, and what runs when it arrives, on the receiver's
   * thread before it is answered: the sender is then waiting for the answer, whatever its timeout.
   */
  public static final class Arrival {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final Predicate<String> matching;
    private final Runnable action;
    private volatile RuntimeException failure;

    Arrival(Predicate<String> matching, Runnable action) {
      this.matching = matching;
      this.action = action;
    }

    /**
     * Waits until the request arrived and its action ran; false if none did in time. Rethrows what
     * the action threw.
     */
    public boolean arrived(long seconds) throws InterruptedException {
      boolean in = arrived.await(seconds, TimeUnit.SECONDS);
      if (failure != null) {
        throw failure;
      }
      return in;
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
      Arrival a = next;
      if (a != null && a.matching.test(body)) {
        next = null;
        try {
          a.action.run();
        } catch (RuntimeException e) {
          a.failure = e;
        }
        a.arrived.countDown();
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

  /**
   * Runs {@code action} when the next request whose body contains {@code text} arrives, before it
   * is answered.
   */
  public Arrival onNext(String text, Runnable action) {
    Arrival a = new Arrival(b -> b.contains(text), action);
    next = a;
    return a;
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
    server.stop(0);
    threads.shutdownNow();
  }
}
