package jp.renkei.server.exposure.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** A DNS server on 127.0.0.1 answering from a map the test fills (UDP, one thread). */
final class LoopbackDns implements AutoCloseable {

  private final DatagramSocket socket;
  private final Map<String, List<Record>> records = new ConcurrentHashMap<>();

  LoopbackDns() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(this::serve, "loopback-dns");
    t.setDaemon(true);
    t.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void add(Record r) {
    records
        .computeIfAbsent(key(r.getName(), r.getType()), k -> new CopyOnWriteArrayList<>())
        .add(r);
  }

  static Name name(String s) {
    try {
      return Name.fromString(s.endsWith(".") ? s : s + ".");
    } catch (org.xbill.DNS.TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static int in() {
    return DClass.IN;
  }

  private static String key(Name n, int type) {
    return n.toString().toLowerCase(java.util.Locale.ROOT) + "/" + type;
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        Record question = q.getQuestion();
        r.addRecord(question, Section.QUESTION);
        List<Record> answers = records.get(key(question.getName(), question.getType()));
        if (answers == null) {
          boolean known =
              records.keySet().stream()
                  .anyMatch(
                      k ->
                          k.startsWith(
                              question.getName().toString().toLowerCase(java.util.Locale.ROOT)
                                  + "/"));
          r.getHeader().setRcode(known ? Rcode.NOERROR : Rcode.NXDOMAIN);
        } else {
          answers.forEach(a -> r.addRecord(a, Section.ANSWER));
        }
        byte[] out = r.toWire();
        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
      } catch (IOException e) {
        // closed, or a malformed question: next
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
