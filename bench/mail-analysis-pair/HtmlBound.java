package x;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * speed32: a bound on what a tree-free HTML reader could save. Every text/html part of the messages
 * {@link Pair#corpora} reads (the tuning halves only; {@code -Dpair.sets=...}), decoded by mime4j,
 * then per round, thread CPU: jsoup's HTML parser, jsoup's XML parser (the same tokeniser, a tree
 * builder without the HTML5 rules, every node still made) and one scan for '<' (the floor of any
 * reader). Compile beside Pair.java against the engine's runtime jars:
 *
 * <pre>
 * javac -cp "LIB/*" -d out bench/mail-analysis-pair/Pair.java bench/mail-analysis-pair/HtmlBound.java
 * java -Dpair.sets=ham-outside,ham-newsletters,spam-outside -cp "out:LIB/*" x.HtmlBound /work/mail-corpora 8
 * </pre>
 */
public class HtmlBound {
  static final ThreadMXBean T = ManagementFactory.getThreadMXBean();

  static void html(Entity e, List<String> out) throws Exception {
    Body b = e.getBody();
    if (b instanceof Multipart m) {
      for (Entity p : m.getBodyParts()) html(p, out);
    } else if (b instanceof Message msg) {
      html(msg, out);
    } else if (b instanceof TextBody t && "text/html".equals(e.getMimeType())) {
      try (var r = t.getReader()) {
        StringBuilder s = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) > 0) s.append(buf, 0, n);
        out.add(s.toString());
      }
    }
  }

  public static void main(String[] a) throws Exception {
    List<Pair.Msg> msgs = Pair.corpora(Path.of(a[0]));
    List<String> parts = new ArrayList<>();
    DefaultMessageBuilder mb = new DefaultMessageBuilder();
    mb.setMimeEntityConfig(MimeConfig.PERMISSIVE);
    long chars = 0;
    for (Pair.Msg m : msgs) {
      try {
        html(mb.parseMessage(new ByteArrayInputStream(m.bytes())), parts);
      } catch (Exception ex) {
        // skipped
      }
    }
    for (String p : parts) chars += p.length();
    System.out.printf("%d messages, %d HTML parts, %d chars%n", msgs.size(), parts.size(), chars);
    int rounds = Integer.parseInt(a[1]);
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = T.getCurrentThreadCpuTime();
      for (String p : parts) sink += org.jsoup.parser.Parser.htmlParser().parseInput(p, "").childNodeSize();
      long t1 = T.getCurrentThreadCpuTime();
      for (String p : parts) sink += org.jsoup.parser.Parser.xmlParser().parseInput(p, "").childNodeSize();
      long t2 = T.getCurrentThreadCpuTime();
      for (String p : parts) {
        int lt = 0;
        for (int i = p.indexOf('<'); i >= 0; i = p.indexOf('<', i + 1)) lt++;
        sink += lt;
      }
      long t3 = T.getCurrentThreadCpuTime();
      System.out.printf("round %d: html parser %.0f ms, xml parser %.0f ms (%.2f of html), '<' count %.1f ms  load %s%n",
          r, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t1) / (double) (t1 - t0), (t3 - t2) / 1e6, Pair.load());
    }
    System.out.println(sink == 42 ? "" : "done");
  }
}
