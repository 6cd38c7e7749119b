package jp.renkei.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point of the runnable jar. {@code --help} and {@code --version} answer without
 * starting Spring; {@code serve} starts the hub; {@code admin} and {@code audit} open the database
 * (embedded or external) without the web server, and work beside a running server.
 */
@Command(
    name = "renkei",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Renkei (連携): cyber defence information sharing for critical infrastructure.",
    subcommands = {
      ServeCommand.class,
      AdminCommand.class,
      AuditCommand.class,
      MatchCommand.class,
      StixCommand.class,
      MailCommand.class,
      ExposureCommand.class,
      ProbeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RenkeiCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    System.exit(code);
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RenkeiCli());
    cl.setExecutionExceptionHandler(new CliFailures());
    return cl;
  }
}
