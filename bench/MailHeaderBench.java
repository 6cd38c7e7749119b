import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import jp.renkei.engine.mail.MailAnalyzer;
import jp.renkei.engine.mail.MailReport;

/**
 * attack19: CPU time of one analysis of each hostile message of HostileMailTest's shape (a header
 * or text a pattern read back over from every position) at a given size, with whichever engine is
 * on the class path. Run it with main's engine and the branch's, one after the other, in one window:
 * java -cp ENGINE:DEPS bench/MailHeaderBench.java LABEL SIZE
 */
public class MailHeaderBench {
  public static void main(String[] a) {
    String label = a[0];
    int n = Integer.parseInt(a[1]);
    String tail = "From: a@example.com\r\nTo: b@example.jp\r\nSubject: s\r\n\r\nsee https://text.example/read\r\n";
    String[][] cases = {
      {"Sender", "Sender: " + "a".repeat(n) + "\r\n" + tail},
      {"Received-date", "Received: from a.example by b.example; " + "(".repeat(n) + "\r\n" + tail},
      {"Authentication-Results", "Authentication-Results: mx; " + "dkim=pass ".repeat(n / 10) + "\r\n" + tail},
      {"PGP-text", tail + "-----BEGIN PGP SIGNATURE-----\n".repeat(n / 30) + "\r\n"},
    };
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    MailAnalyzer warm = new MailAnalyzer();
    warm.analyze(new ByteArrayInputStream(tail.getBytes(StandardCharsets.ISO_8859_1)));
    for (String[] c : cases) {
      byte[] eml = c[1].getBytes(StandardCharsets.ISO_8859_1);
      long c0 = t.getCurrentThreadCpuTime();
      MailReport r = new MailAnalyzer().analyze(new ByteArrayInputStream(eml));
      long ms = (t.getCurrentThreadCpuTime() - c0) / 1_000_000;
      boolean read = r.links().stream().anyMatch(l -> l.url().equals("https://text.example/read"));
      System.out.printf("%s %s %d chars: %d cpu ms, text read: %s%n", label, c[0], n, ms, read);
    }
  }
}
