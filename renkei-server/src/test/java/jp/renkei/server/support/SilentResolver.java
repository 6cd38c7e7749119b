package jp.renkei.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

/**
 * A DNS server on 127.0.0.1 (UDP, an ephemeral port) that receives every query and never answers,
 * as a resolver that hangs does; and a name lookup that really asks it, over the DNS protocol (the
 * JDK's JNDI DNS client, waiting 30 s for an answer). The JDK's own resolver cannot be pointed at a
 * port, so a test hands {@link #lookup()} to the code under test where it would look names up.
 */
public final class SilentResolver implements AutoCloseable {

  private final DatagramSocket socket;
  private final AtomicInteger queries = new AtomicInteger();

  private SilentResolver() {
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[512];
              while (!socket.isClosed()) {
                try {
                  socket.receive(new DatagramPacket(buf, buf.length));
                  queries.incrementAndGet();
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "silent-dns");
    t.setDaemon(true);
    t.start();
  }

  public static SilentResolver start() {
    return new SilentResolver();
  }

  /** Queries received (none answered). */
  public int queries() {
    return queries.get();
  }

  /** Looks a name's A records up at this server; no address when it does not answer in 30 s. */
  public Function<String, InetAddress[]> lookup() {
    String url = "dns://127.0.0.1:" + socket.getLocalPort();
    return host -> {
      Hashtable<String, String> env = new Hashtable<>();
      env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
      env.put(Context.PROVIDER_URL, url);
      env.put("com.sun.jndi.dns.timeout.initial", "30000");
      env.put("com.sun.jndi.dns.timeout.retries", "1");
      try {
        InitialDirContext ctx = new InitialDirContext(env);
        try {
          Attribute a = ctx.getAttributes(host, new String[] {"A"}).get("A");
          List<InetAddress> out = new ArrayList<>();
          if (a != null) {
            NamingEnumeration<?> values = a.getAll();
            while (values.hasMore()) {
              out.add(InetAddress.getByName(String.valueOf(values.next())));
            }
          }
          return out.toArray(InetAddress[]::new);
        } finally {
          ctx.close();
        }
      } catch (NamingException | IOException e) {
        return new InetAddress[0];
      }
    };
  }

  @Override
  public void close() {
    socket.close();
  }
}
