package jp.renkei.server.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import jp.renkei.server.database.StartupFailure;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.RenkeiException;
import picocli.CommandLine;

/**
 * Turns a failed command into one line on stderr and an exit code: 1 for a refused request (bad
 * input, unknown object), 70 for a start-up failure (database, data directory, port). The stack
 * trace only with {@code --verbose}.
 */
final class CliFailures implements CommandLine.IExecutionExceptionHandler {

  static final int REFUSED = 1;
  static final int STARTUP = 70;

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    boolean verbose = parsed.hasMatchedOption("--verbose") || hasVerbose(parsed);
    RenkeiException refused = find(e, RenkeiException.class);
    if (refused != null) {
      String field = refused instanceof InvalidInput i ? i.field() + ": " : "";
      cl.getErr().println("renkei: " + field + message(refused));
      return REFUSED;
    }
    if (e instanceof IllegalArgumentException bad) {
      // a command's own refusal of its input (option values, files): the message says what
      cl.getErr().println("renkei: " + bad.getMessage());
      return REFUSED;
    }
    StartupFailure startup = find(e, StartupFailure.class);
    String line = startup != null ? startup.getMessage() : "cannot run: " + rootMessage(e);
    cl.getErr().println("renkei: " + line);
    if (verbose) {
      e.printStackTrace(cl.getErr());
    } else if (startup == null) {
      cl.getErr().println("renkei: run again with --verbose for details");
    }
    return STARTUP;
  }

  private static boolean hasVerbose(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult sub = parsed.subcommand();
    while (sub != null) {
      if (sub.hasMatchedOption("--verbose")) {
        return true;
      }
      sub = sub.subcommand();
    }
    return false;
  }

  static String message(RenkeiException e) {
    try {
      String pattern =
          ResourceBundle.getBundle("messages", Locale.ENGLISH).getString(e.messageKey());
      return new MessageFormat(pattern, Locale.ENGLISH).format(e.args());
    } catch (MissingResourceException missing) {
      return e.messageKey();
    }
  }

  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    return jp.renkei.server.failure.Causes.find(e, type);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
