package jp.renkei.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The jar as an operator starts it: a server in its own process, and CLI commands. */
public final class RenkeiProcess implements AutoCloseable {

  public static final String JAR = System.getProperty("renkei.jar", "target/renkei.jar");
  public static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /**
   * How the tests start the jar: {@code java} with the first JIT tier and the serial collector, as
   * the launcher starts a short run (src/launcher/renkei), then {@code -jar} the jar and {@code
   * args}. A command or a server here lives for seconds, and the optimising compiler's threads
   * spend more CPU than they give back: on CI's two cores that was about half of a command's CPU
   * (docs/benchmarks.md, ci25). What a command does does not depend on the JIT tier; the launcher's
   * test still runs the full JIT once.
   */
  public static List<String> jar(String... args) {
    List<String> cmd =
        new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * How the tests start a hub ({@link #serve}, {@link #serveWithBanner}) and a command ({@link
   * #run}) whose start is not what they test: {@code java} on the jar as the build extracts it
   * beside the launcher ({@code target/bin/renkei.jar}, no nested-jar loader), with the class-data
   * archive the build trained on a CLI command ({@code renkei-cli.jsa}: Spring's and the server's
   * own classes, loaded and verified once at build time), and the first JIT tier and the serial
   * collector as {@link #jar}. A hub's start to "is running" then took about 0.58 of the CPU of
   * {@code java -jar renkei.jar} (docs/benchmarks.md, ci41); what it serves does not depend on how
   * its classes were loaded. Without the extracted jar or the archive (PostgreSQL could not start
   * where the build ran), the runnable jar, or no archive, as before. {@code CliIT} still starts
   * the runnable jar itself ({@link #jar}) where that is what it tests.
   */
  public static List<String> extracted(String... args) {
    Path bin = Path.of(JAR).toAbsolutePath().resolveSibling("bin");
    if (!Files.isRegularFile(bin.resolve("renkei.jar"))) {
      return jar(args);
    }
    List<String> cmd = new ArrayList<>(List.of(JAVA));
    Path archive = bin.resolve("renkei-cli.jsa");
    if (Files.isRegularFile(archive)) {
      // -Xshare:auto: an archive the JVM cannot use is ignored, silently (as the launcher does)
      cmd.addAll(
          List.of(
              "-XX:SharedArchiveFile=" + archive,
              "-Xshare:auto",
              "-Xlog:cds=off",
              "-Xlog:cds+dynamic=off"));
    }
    cmd.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            bin.resolve("renkei.jar").toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * The launcher as the build makes it ({@code target/bin/renkei}, beside the extracted jar and its
   * class-data archives), then {@code args}. Start it with {@link #launcherEnvironment()}.
   */
  public static List<String> launcher(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(JAR).toAbsolutePath().resolveSibling("bin").resolve("renkei").toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * The launcher's environment in the tests: this JVM's Java, and the first JIT tier and the serial
   * collector as {@link #jar} gives them (the launcher passes {@code RENKEI_JAVA_OPTS} after its
   * own options).
   */
  public static Map<String, String> launcherEnvironment() {
    return Map.of(
        "JAVA_HOME",
        System.getProperty("java.home"),
        "RENKEI_JAVA_OPTS",
        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  /** What a command did. */
  public record Run(int exit, String out, String err) {}

  private final Process process;
  private final int port;
  private final String banner;

  private RenkeiProcess(Process process, int port) {
    this(process, port, "");
  }

  private RenkeiProcess(Process process, int port, String banner) {
    this.process = process;
    this.port = port;
    this.banner = banner;
  }

  /**
   * Starts {@code renkei serve} with further options and waits for its whole banner (the address,
   * the data directory and the demo logins with the passwords printed this once).
   */
  public static RenkeiProcess serveWithBanner(Path dataDir, String... options) throws IOException {
    List<String> cmd = extracted("serve", "--port", "0", "--data-dir", dataDir.toString());
    cmd.addAll(List.of(options));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Pattern running = Pattern.compile("is running: http://127\\.0\\.0\\.1:(\\d+)/");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    StringBuilder banner = null;
    int port = -1;
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = running.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
        banner = new StringBuilder();
      }
      if (banner != null) {
        banner.append(line).append('\n');
        if (line.contains("Stop with Ctrl+C.")) {
          drain(out);
          return new RenkeiProcess(p, port, banner.toString());
        }
      }
    }
    throw new AssertionError("server exited before it was ready:\n" + seen);
  }

  /** What the server printed from its address to "Stop with Ctrl+C." ({@link #serveWithBanner}). */
  public String banner() {
    return banner;
  }

  /**
   * Starts {@code renkei serve} on a free port and waits until it is ready: the demo directory
   * without the demo activity, so what a test counts does not depend on the demo's reports.
   */
  public static RenkeiProcess serve(Path dataDir) throws IOException {
    return serve(dataDir, "--no-demo-activity");
  }

  /** Starts {@code renkei serve} with further options on a free port. */
  public static RenkeiProcess serve(Path dataDir, String... options) throws IOException {
    List<String> cmd = extracted("serve", "--port", "0", "--data-dir", dataDir.toString());
    cmd.addAll(List.of(options));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    return new RenkeiProcess(p, awaitPort(p));
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  /** Runs one CLI command to its end. */
  public static Run run(String... args) throws Exception {
    Process p = new ProcessBuilder(extracted(args)).start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("renkei " + String.join(" ", args) + " did not end");
    }
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  /** Reads the server's output until it prints its address; drains the rest in the background. */
  public static int awaitPort(Process server) throws IOException {
    Pattern running = Pattern.compile("is running: http://127\\.0\\.0\\.1:(\\d+)/");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = running.matcher(line);
      if (m.find()) {
        drain(out);
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("server exited before it was ready:\n" + seen);
  }

  private static void drain(BufferedReader out) {
    Thread drain =
        new Thread(
            () -> {
              try {
                out.lines().forEach(l -> {});
              } catch (java.io.UncheckedIOException closed) {
                // the server was stopped: nothing more to read
              }
            });
    drain.setDaemon(true);
    drain.start();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
