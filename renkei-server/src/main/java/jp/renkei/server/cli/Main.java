package jp.renkei.server.cli;

/**
 * The runnable jar's entry point. {@code renkei match} with plain arguments ({@link MatchArgs})
 * runs without picocli; every other command line goes to {@link RenkeiCli}. This class names no
 * picocli type, so that starting it loads none: the JVM would otherwise search the jars on the
 * class path for picocli's (about 0.1 s) and picocli would build the command from its annotations
 * (about 0.25 s), a large part of a match run of a few seconds (docs/benchmarks.md, issue 18).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs one command and gives its exit code. */
  static int execute(String[] args) {
    MatchCommand match = MatchArgs.read(args);
    if (match == null) {
      return RenkeiCli.commandLine(args).execute(args);
    }
    try {
      Integer code = match.call();
      return code == null ? 0 : code;
    } catch (Exception e) {
      return RenkeiCli.failed(e, args);
    }
  }
}
