package jp.renkei.server.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The runnable jar's command line (entered through {@link Main}, which runs a plain {@code match}
 * without picocli). {@code --help} and {@code --version} answer without starting Spring; {@code
 * serve} starts the hub; {@code admin} and {@code audit} open the database (embedded or external)
 * without the web server, and work beside a running server.
 */
@Command(
    name = "renkei",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Renkei (連携): cyber defence information sharing for critical infrastructure.")
public final class RenkeiCli implements Runnable {

  /** The commands, in the order of the help. */
  static final List<Class<?>> COMMANDS =
      List.of(
          ServeCommand.class,
          AdminCommand.class,
          OrganisationsCommand.class,
          AuditCommand.class,
          MatchCommand.class,
          StixCommand.class,
          MailCommand.class,
          ExposureCommand.class,
          NoticeCommand.class,
          ProbeCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    Main.main(args);
  }

  /**
   * Reports a failure of a {@code match} run that {@link Main} started without picocli exactly as
   * picocli would have: through this command line's handler, with picocli's reading of the same
   * arguments.
   */
  static int failed(Exception e, String[] args) {
    CommandLine cl = commandLine(args);
    CommandLine.ParseResult parsed = cl.parseArgs(args);
    try {
      return cl.getExecutionExceptionHandler()
          .handleExecutionException(e, cl.getSubcommands().get("match"), parsed);
    } catch (Exception unhandled) { // as picocli does when its handler fails
      unhandled.printStackTrace(cl.getErr());
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /** The configured command line with every command, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for one run: when the first argument names a command, only that command is set
   * up. picocli reads every option of every command it is given (and so loads the types they name,
   * Spring's among them, from the nested jars); {@code renkei match} need not pay for {@code
   * serve}'s. Any other first argument (an option, {@code help}, a typo) gets every command, so
   * help and error messages are unchanged.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new RenkeiCli());
    String first = args.length > 0 ? args[0] : "";
    Class<?> only = null;
    for (Class<?> c : COMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command != null && command.name().equals(first) && !first.equals("help")) {
        only = c;
      }
    }
    for (Class<?> c : COMMANDS) {
      if (only == null || c == only) {
        cl.addSubcommand(c);
      }
    }
    cl.setExecutionExceptionHandler(new CliFailures());
    return cl;
  }
}
