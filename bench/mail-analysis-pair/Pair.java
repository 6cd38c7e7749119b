package x;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * bench/mail-analysis-pair: two builds of the mail analyser (A, B) in one JVM, each in its own
 * class loader over the same dependency jars; see run.sh.
 *
 * <p>{@code time DIR ROUNDS A B LIB TSV}: every message of DIR analysed by a new {@code
 * MailAnalyzer} (as the server makes one per message), rounds alternating A then B, B then A ...;
 * CPU time of the analysing thread per message, best of the rounds per message, per size class.
 *
 * <p>{@code check SOURCE A B LIB}: each message of SOURCE (a directory of messages, or {@code
 * corpora:DIR} for the tuning half of /work/mail-corpora read as MailCorporaBench reads it)
 * analysed once by each side; every report compared whole ({@code toString}, which holds the
 * verdict, score, findings with evidence, links, attachments, problems); differences printed.
 *
 * <p>{@code profile SOURCE WARM ROUNDS A LIB JFR}: one build only; every message analysed by a new
 * analyser for WARM rounds (JIT warm-up, not recorded), then for ROUNDS rounds under a JFR recording
 * (settings "profile", execution samples every 10 ms) written to JFR; the steady state's fixed costs
 * without the class loading and compilation of the first rounds.
 */
public class Pair {
  static final ThreadMXBean T = ManagementFactory.getThreadMXBean();

  record Msg(String name, byte[] bytes) {}

  /** One build: its MailAnalyzer's constructor and analyze(InputStream). */
  record Side(String label, Constructor<?> make, Object[] args, Method analyze) {
    /**
     * {@code maxTime}: the analysis deadline in seconds, or 0 for the server's default limits. Only
     * the deadline differs from {@code Limits.DEFAULT}: the check gives every message time enough
     * that a PDF or picture QR search does not run out on one side only when the machine is loaded.
     */
    static Side load(String label, String classes, String lib, long maxTime) throws Exception {
      List<URL> urls = new ArrayList<>();
      urls.add(Path.of(classes).toUri().toURL());
      try (Stream<Path> jars = Files.list(Path.of(lib))) {
        for (Path j : jars.sorted().toList()) {
          if (j.getFileName().toString().startsWith("renkei-")) {
            throw new IllegalArgumentException("a renkei jar in the library directory: " + j);
          }
          urls.add(j.toUri().toURL());
        }
      }
      ClassLoader l = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> c = l.loadClass("jp.renkei.engine.mail.MailAnalyzer");
      System.out.println(label + ": " + c.getProtectionDomain().getCodeSource().getLocation());
      Method analyze = c.getMethod("analyze", InputStream.class);
      if (maxTime <= 0) {
        return new Side(label, c.getConstructor(), new Object[0], analyze);
      }
      Class<?> lc = l.loadClass("jp.renkei.engine.mail.MailAnalyzer$Limits");
      Object dflt = lc.getField("DEFAULT").get(null);
      var parts = lc.getRecordComponents();
      Object[] values = new Object[parts.length];
      Class<?>[] types = new Class<?>[parts.length];
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        values[i] =
            parts[i].getName().equals("maxTime")
                ? java.time.Duration.ofSeconds(maxTime)
                : parts[i].getAccessor().invoke(dflt);
      }
      Object limits = lc.getConstructor(types).newInstance(values);
      return new Side(
          label,
          c.getConstructor(lc, java.util.Collection.class, java.util.Collection.class),
          new Object[] {limits, List.of(), List.of()},
          analyze);
    }

    Object analyze(byte[] bytes) throws Exception {
      return analyze.invoke(make.newInstance(args), new ByteArrayInputStream(bytes));
    }
  }

  public static void main(String[] a) throws Exception {
    switch (a[0]) {
      case "time" -> time(a);
      case "check" -> check(a);
      case "profile" -> profile(a);
      default -> throw new IllegalArgumentException("time, check or profile, not " + a[0]);
    }
  }

  static void time(String[] a) throws Exception {
    List<Msg> msgs = source(a[1]);
    int rounds = Integer.parseInt(a[2]);
    Side[] sides = {Side.load("A", a[3], a[5], 0), Side.load("B", a[4], a[5], 0)};
    int n = msgs.size();
    long[][][] cpu = new long[2][rounds][n];
    String[] kind = new String[n];
    for (int r = 0; r < rounds; r++) {
      int[] order = r % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0};
      StringBuilder line = new StringBuilder("round " + r + ":");
      for (int k : order) {
        long pc = processCpu();
        long sum = 0;
        for (int i = 0; i < n; i++) {
          byte[] bytes = msgs.get(i).bytes();
          long c0 = T.getCurrentThreadCpuTime();
          Object report = sides[k].analyze(bytes);
          long c = T.getCurrentThreadCpuTime() - c0;
          cpu[k][r][i] = c;
          sum += c;
          if (kind[i] == null) {
            kind[i] = kind(bytes, report);
          }
        }
        line.append(
            String.format(
                Locale.ROOT,
                " %s %.0f/s (thread %.2f s, process %.2f s)",
                sides[k].label(),
                n / (sum / 1e9),
                sum / 1e9,
                (processCpu() - pc) / 1e9));
      }
      System.out.println(line + "  load " + load());
    }
    long[][] best = new long[2][n];
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < n; i++) {
        long b = Long.MAX_VALUE;
        // round 0 is left out when there are more: its first side warms the shared libraries
        for (int r = rounds > 1 ? 1 : 0; r < rounds; r++) {
          b = Math.min(b, cpu[k][r][i]);
        }
        best[k][i] = b;
      }
    }
    if (a.length > 6) {
      try (PrintWriter w = new PrintWriter(a[6], StandardCharsets.UTF_8)) {
        w.println("message\tclass\tbytes\tA_best_ns\tB_best_ns");
        for (int i = 0; i < n; i++) {
          w.printf("%s\t%s\t%d\t%d\t%d%n", msgs.get(i).name(), kind[i], msgs.get(i).bytes().length, best[0][i], best[1][i]);
        }
      }
    }
    System.out.println("best of rounds per message (round 0 left out), messages per CPU-second of the class;");
    System.out.println("last column: B÷A of the class's CPU per round, median (lowest-highest) over rounds 1-:");
    System.out.printf("%-26s %4s %8s %8s %7s %18s %18s %22s%n", "class", "n", "A", "B", "B÷A cpu", "p50 ms A → B", "worst ms A → B", "B÷A per round");
    for (String c : CLASSES) {
      table(c, kind, best, n, cpu, rounds);
    }
    table("all", kind, best, n, cpu, rounds);
  }

  /** B÷A of the class's CPU in each round after the first: median (lowest-highest). */
  static String perRound(List<Integer> in, long[][][] cpu, int rounds) {
    List<Double> ratios = new ArrayList<>();
    for (int r = 1; r < rounds; r++) {
      double a = 0;
      double b = 0;
      for (int i : in) {
        a += cpu[0][r][i];
        b += cpu[1][r][i];
      }
      ratios.add(b / a);
    }
    if (ratios.isEmpty()) {
      return "-";
    }
    ratios.sort(null);
    return String.format(
        Locale.ROOT,
        "%.3f (%.3f-%.3f)",
        ratios.get(ratios.size() / 2),
        ratios.get(0),
        ratios.get(ratios.size() - 1));
  }

  static final List<String> CLASSES =
      List.of("plain <10KB", "plain >=10KB", "html <50KB", "html >=50KB", "image", "pdf");

  static void table(String c, String[] kind, long[][] best, int n, long[][][] cpu, int rounds) {
    List<Integer> in = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (c.equals("all") || kind[i].equals(c)) {
        in.add(i);
      }
    }
    if (in.isEmpty()) {
      return;
    }
    double[] sum = new double[2];
    double[][] ms = new double[2][in.size()];
    for (int k = 0; k < 2; k++) {
      for (int j = 0; j < in.size(); j++) {
        sum[k] += best[k][in.get(j)];
        ms[k][j] = best[k][in.get(j)] / 1e6;
      }
      Arrays.sort(ms[k]);
    }
    int m = in.size();
    System.out.printf(
        Locale.ROOT,
        "%-26s %4d %8.0f %8.0f %7.3f %8.2f → %6.2f %8.1f → %6.1f %22s%n",
        c,
        m,
        m / (sum[0] / 1e9),
        m / (sum[1] / 1e9),
        sum[1] / sum[0],
        ms[0][m / 2],
        ms[1][m / 2],
        ms[0][m - 1],
        ms[1][m - 1],
        perRound(in, cpu, rounds));
  }

  /**
   * The size class: a PDF attached (or in an archive) first, then an image attached or inline,
   * then HTML (a text/html part anywhere) under or over 50 KB, then plain text under or over 10 KB.
   */
  static String kind(byte[] bytes, Object report) throws Exception {
    String types = types(report);
    if (types.contains("pdf")) {
      return "pdf";
    }
    if (types.contains("image")) {
      return "image";
    }
    String raw = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    if (raw.contains("text/html")) {
      return bytes.length < 50 * 1024 ? "html <50KB" : "html >=50KB";
    }
    return bytes.length < 10 * 1024 ? "plain <10KB" : "plain >=10KB";
  }

  /** The detected types of every attachment and archive member of a report, space-separated. */
  static String types(Object report) throws Exception {
    StringBuilder b = new StringBuilder();
    for (Object at : (List<?>) report.getClass().getMethod("attachments").invoke(report)) {
      types(at, b);
    }
    return b.toString();
  }

  static void types(Object at, StringBuilder b) throws Exception {
    b.append(at.getClass().getMethod("detectedType").invoke(at)).append(' ');
    for (Object m : (List<?>) at.getClass().getMethod("members").invoke(at)) {
      types(m, b);
    }
  }

  static void profile(String[] a) throws Exception {
    List<Msg> msgs = source(a[1]);
    int warm = Integer.parseInt(a[2]);
    int rounds = Integer.parseInt(a[3]);
    Side side = Side.load("A", a[4], a[5], 0);
    for (int r = 0; r < warm; r++) {
      for (Msg m : msgs) {
        side.analyze(m.bytes());
      }
    }
    jdk.jfr.Recording rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
    rec.start();
    long c0 = T.getCurrentThreadCpuTime();
    for (int r = 0; r < rounds; r++) {
      for (Msg m : msgs) {
        side.analyze(m.bytes());
      }
    }
    long cpu = T.getCurrentThreadCpuTime() - c0;
    rec.stop();
    rec.dump(Path.of(a[6]));
    System.out.printf(
        Locale.ROOT,
        "%d messages x %d rounds recorded: %.1f µs of thread CPU each, %.0f per CPU-second; load %s%n",
        msgs.size(),
        rounds,
        cpu / 1e3 / rounds / msgs.size(),
        rounds * msgs.size() / (cpu / 1e9),
        load());
  }

  static void check(String[] a) throws Exception {
    List<Msg> msgs = source(a[1]);
    long maxTime = Long.getLong("pair.maxTime", 300);
    System.out.println("analysis deadline " + (maxTime > 0 ? maxTime + " s" : "the default"));
    Side[] sides = {Side.load("A", a[2], a[4], maxTime), Side.load("B", a[3], a[4], maxTime)};
    java.util.Map<String, int[]> perSet = new java.util.TreeMap<>();
    int differ = 0;
    int[] verdicts = new int[3];
    MessageDigest all = MessageDigest.getInstance("SHA-256");
    for (Msg m : msgs) {
      String ra = sides[0].analyze(m.bytes()).toString();
      String rb = sides[1].analyze(m.bytes()).toString();
      all.update(ra.getBytes(StandardCharsets.UTF_8));
      int[] count = perSet.computeIfAbsent(set(m.name()), k -> new int[2]);
      count[0]++;
      if (!ra.equals(rb)) {
        differ++;
        count[1]++;
        System.out.println("DIFFERENT " + m.name());
        System.out.println("  A: " + ra);
        System.out.println("  B: " + rb);
      }
    }
    perSet.forEach((k, v) -> System.out.printf("  %-16s %6d messages, %d differ%n", k, v[0], v[1]));
    System.out.printf(
        "%d messages, %d reports differ; SHA-256 of A's reports %s%n",
        msgs.size(), differ, HexFormat.of().formatHex(all.digest()));
    System.exit(differ == 0 ? 0 : 1);
  }

  /** A directory of messages, or {@code corpora:DIR} (see {@link #corpora}). */
  static List<Msg> source(String s) throws Exception {
    return s.startsWith("corpora:") ? corpora(Path.of(s.substring(8))) : directory(Path.of(s));
  }

  /** The set of a message named "set/name" (corpora:), or "-" for a directory's. */
  static String set(String name) {
    int i = name.indexOf('/');
    return i < 0 ? "-" : name.substring(0, i);
  }

  static List<Msg> directory(Path dir) throws Exception {
    List<Msg> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.add(new Msg(f.getFileName().toString(), Files.readAllBytes(f)));
      }
    }
    return out;
  }

  /**
   * Every set MailCorporaBench lets us read, as it reads them, each message named "set/name": the
   * tuning half (first byte of the SHA-256 even) of phish-pot (the honeypot's address replaced as
   * MailCorporaBench does), nazario's phishing0.mbox, ham, ham-csdmc, phish-ja, ham-outside,
   * ham-bounce, spam-outside and ham-list; nazario-extra (tuning only) and ham-newsletters whole.
   * Never nazario-outside nor any held-out half. {@code -Dpair.sets=a,b}: only these sets.
   */
  static List<Msg> corpora(Path dir) throws Exception {
    List<String> only =
        System.getProperty("pair.sets", "").isBlank()
            ? List.of()
            : List.of(System.getProperty("pair.sets").split(","));
    List<Msg> out = new ArrayList<>();
    for (String set : SPLIT_SETS) {
      if (!only.isEmpty() && !only.contains(set) || !Files.isDirectory(dir.resolve(set))) {
        continue;
      }
      List<Msg> all =
          set.equals("nazario") ? mbox(dir.resolve("nazario/phishing0.mbox")) : recursive(dir.resolve(set));
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      int n = 0;
      for (Msg m : all) {
        byte[] bytes = m.bytes();
        if (set.equals("phish-pot")) {
          bytes =
              new String(bytes, StandardCharsets.ISO_8859_1)
                  .replace("phishing@pot", "taro.yamada@honeypot-mail.jp")
                  .getBytes(StandardCharsets.ISO_8859_1);
        }
        // the split is decided on the bytes as MailCorporaBench hashes them (after the replacement)
        if ((sha.digest(bytes)[0] & 1) == 0) {
          out.add(new Msg(set + "/" + m.name(), bytes));
          n++;
        }
      }
      System.out.printf("%s: %d of %d (tuning half)%n", set, n, all.size());
    }
    for (String set : WHOLE_SETS) {
      if (!only.isEmpty() && !only.contains(set) || !Files.isDirectory(dir.resolve(set))) {
        continue;
      }
      List<Msg> all = new ArrayList<>();
      for (Msg f : recursive(dir.resolve(set))) {
        all.addAll(
            set.equals("nazario-extra") ? mbox(dir.resolve(set).resolve(f.name())) : List.of(f));
      }
      for (Msg m : all) {
        out.add(new Msg(set + "/" + m.name(), m.bytes()));
      }
      System.out.printf("%s: %d (whole: not split)%n", set, all.size());
    }
    return out;
  }

  /** The split sets, in MailCorporaBench's order; their held-out halves are never read here. */
  static final List<String> SPLIT_SETS =
      List.of(
          "phish-pot",
          "nazario",
          "ham",
          "ham-csdmc",
          "phish-ja",
          "ham-outside",
          "ham-bounce",
          "spam-outside",
          "ham-list");

  /** Sets measured whole by MailCorporaBench (tuning only, or a handful of newsletters). */
  static final List<String> WHOLE_SETS = List.of("nazario-extra", "ham-newsletters");

  static List<Msg> recursive(Path dir) throws Exception {
    List<Msg> out = new ArrayList<>();
    // symbolic links followed, as MailCorporaBench reads a set
    try (Stream<Path> files = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.add(new Msg(dir.relativize(f).toString(), Files.readAllBytes(f)));
      }
    }
    return out;
  }

  /** An mbox cut before each "From " line that starts the file or follows an empty line. */
  static List<Msg> mbox(Path file) throws Exception {
    String all = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    List<Msg> out = new ArrayList<>();
    int i = 0;
    for (String p : all.split("(?m)(?<=\\n\\n|^)(?=^From )")) {
      if (!p.isBlank()) {
        String body = p.startsWith("From ") ? p.substring(p.indexOf('\n') + 1) : p;
        out.add(new Msg("nazario-" + (++i), body.getBytes(StandardCharsets.ISO_8859_1)));
      }
    }
    return out;
  }

  static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }
}
