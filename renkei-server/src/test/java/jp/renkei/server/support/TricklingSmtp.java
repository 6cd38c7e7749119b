package jp.renkei.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real mail server on 127.0.0.1 that never finishes its greeting: it sends {@code 220 } and then
 * one space every 100 ms, each well inside any read timeout, until the client closes the connection
 * (counted as cut off) or the server is closed. It stands for a hostile or broken SMTP server
 * holding whoever sends through it. Each connection is answered on its own thread.
 */
public final class TricklingSmtp implements AutoCloseable {

  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger cutOff = new AtomicInteger();
  private volatile boolean stopping;

  /** On a free port. */
  public TricklingSmtp() {
    this(0);
  }

  /** On {@code port} (a test may stop the JVM's GreenMail and trickle on its port). */
  public TricklingSmtp(int port) {
    try {
      listener = new ServerSocket();
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(
        () -> {
          while (!listener.isClosed()) {
            try {
              Socket s = listener.accept();
              threads.execute(() -> trickle(s));
            } catch (IOException e) {
              // closed at the end of the test
            }
          }
        });
  }

  private void trickle(Socket s) {
    connections.incrementAndGet();
    active.incrementAndGet();
    try (s) {
      OutputStream out = s.getOutputStream();
      out.write("220 ".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (!stopping) {
        Thread.sleep(100);
        out.write(' ');
        out.flush();
      }
    } catch (IOException e) {
      cutOff.incrementAndGet(); // the client closed the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      active.decrementAndGet();
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections accepted. */
  public int connections() {
    return connections.get();
  }

  /** Connections being trickled to now. */
  public int active() {
    return active.get();
  }

  /** Connections the client closed while they trickled. */
  public int cutOff() {
    return cutOff.get();
  }

  @Override
  public void close() throws IOException {
    stopping = true;
    listener.close();
    threads.shutdownNow();
  }
}
