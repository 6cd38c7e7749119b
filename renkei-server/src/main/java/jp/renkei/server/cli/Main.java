package jp.renkei.server.cli;

/**
 * The runnable jar's entry point. {@code renkei match} with plain arguments ({@link MatchArgs})
 * runs without picocli; every other command line goes to {@link RenkeiCli}. This class names no
 * picocli type, so that starting it loads none: the JVM would otherwise search the jars on the
 * class path for picocli's (about 0.1 s) and picocli would build the command from its annotations
 * (about 0.25 s), a large part of a match run of a few seconds (docs/benchmarks.md, issue 18).
 */
public final class Main {

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  /** Whether {@link #quietLogging} set the property (a user's own is left alone). */
  private static boolean loggingSet;

  private Main() {}

  public static void main(String[] args) {
    quietLogging(args);
    System.exit(execute(args));
  }

  /**
   * Every command but {@code serve} logs warnings only, on standard error ({@code
   * logback-cli.xml}), from its first line on, so that standard output carries just the answer: a
   * script reads {@code mail analyze --format=json} or {@code match}'s lines as they are. Commands
   * that start no Spring context ({@code mail}, {@code match}, {@code stix} …) would otherwise get
   * logback's default, which writes every library's log lines to standard output (PDFBox's warnings
   * on a damaged PDF among the JSON). A configuration the user names ({@code
   * -Dlogback.configurationFile}) is kept.
   */
  static void quietLogging(String[] args) {
    boolean serve = args.length > 0 && args[0].equals("serve");
    if (!serve && System.getProperty(LOGBACK_CONFIGURATION) == null) {
      System.setProperty(LOGBACK_CONFIGURATION, "logback-cli.xml");
      loggingSet = true;
    }
  }

  /**
   * Takes back the property {@link #quietLogging} set before a command starts Spring, which
   * configures logging itself ({@code logging.config}, the same file) and warns about the property
   * on standard error.
   */
  static void handOverLogging() {
    if (loggingSet) {
      System.clearProperty(LOGBACK_CONFIGURATION);
      loggingSet = false;
    }
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
