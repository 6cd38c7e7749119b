package jp.renkei.server.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attacker for tests (attack43), on one thread: from each of the given local addresses it keeps
 * {@code perAddress} connections to 127.0.0.1:{@code port}, each sending a request's head that
 * announces a small body and never sending the body; as soon as the server answers and closes one,
 * it opens another in its place. It counts the answers by status. It stops by itself after {@code
 * maxMillis} at most, or when closed, and closes every socket it opened.
 */
final class BodyWithholders implements AutoCloseable {

  private final Selector selector = Selector.open();
  private final InetSocketAddress target;
  private final byte[] head;
  private final long until;
  private final Thread loop;
  private final List<SocketChannel> open = new ArrayList<>();
  private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger opened = new AtomicInteger();
  private volatile boolean stop;

  /** What one connection has read of its answer so far. */
  private static final class Conn {
    final InetAddress from;
    final StringBuilder start = new StringBuilder();
    boolean counted;

    Conn(InetAddress from) {
      this.from = from;
    }
  }

  BodyWithholders(int port, String head, List<InetAddress> from, int perAddress, long maxMillis)
      throws IOException {
    this.target = new InetSocketAddress("127.0.0.1", port);
    this.head = head.getBytes(StandardCharsets.ISO_8859_1);
    this.until = System.nanoTime() + maxMillis * 1_000_000L;
    for (InetAddress a : from) {
      for (int i = 0; i < perAddress; i++) {
        connect(a);
      }
    }
    loop = new Thread(this::run, "body-withholders");
    loop.setDaemon(true);
    loop.start();
  }

  /** The head of a sign-in form post announcing {@code length} bytes of form. */
  static String signInHead(int length) {
    return "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + length
        + "\r\n\r\n";
  }

  /** Local addresses 127.0.0.{first} … 127.0.0.{first + count - 1}, all on the loopback. */
  static List<InetAddress> loopbacks(int first, int count) throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      out.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
    }
    return out;
  }

  /** Answers seen so far, by their status code ("408", "429", "503", or "closed" for none). */
  Map<String, Integer> statuses() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    statuses.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Connections opened so far, the first ones included. */
  int opened() {
    return opened.get();
  }

  private void connect(InetAddress from) throws IOException {
    SocketChannel ch = SocketChannel.open();
    ch.bind(new InetSocketAddress(from, 0));
    ch.configureBlocking(false);
    ch.connect(target);
    ch.register(selector, SelectionKey.OP_CONNECT, new Conn(from));
    synchronized (open) {
      open.add(ch);
    }
    opened.incrementAndGet();
  }

  private void run() {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    try {
      while (!stop && System.nanoTime() - until < 0) {
        selector.select(100);
        for (SelectionKey key : new ArrayList<>(selector.selectedKeys())) {
          selector.selectedKeys().remove(key);
          SocketChannel ch = (SocketChannel) key.channel();
          Conn conn = (Conn) key.attachment();
          try {
            if (key.isConnectable()) {
              ch.finishConnect();
              ByteBuffer out = ByteBuffer.wrap(head);
              while (out.hasRemaining()) {
                ch.write(out);
              }
              key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
              buf.clear();
              int n = ch.read(buf);
              if (n > 0 && conn.start.length() < 16) {
                conn.start.append(new String(buf.array(), 0, n, StandardCharsets.ISO_8859_1));
              }
              if (n < 0) {
                replace(key, ch, conn);
              }
            }
          } catch (IOException e) {
            replace(key, ch, conn);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the selector failed: the attack ends here; close() still closes every socket
    }
  }

  private void replace(SelectionKey key, SocketChannel ch, Conn conn) throws IOException {
    String s = conn.start.toString();
    String status = s.startsWith("HTTP/1.1 ") && s.length() >= 12 ? s.substring(9, 12) : "closed";
    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
    key.cancel();
    ch.close();
    synchronized (open) {
      open.remove(ch);
    }
    if (!stop && System.nanoTime() - until < 0) {
      connect(conn.from);
    }
  }

  @Override
  public void close() throws IOException {
    stop = true;
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (open) {
      for (SocketChannel ch : open) {
        ch.close();
      }
      open.clear();
    }
    selector.close();
  }
}
