package jp.renkei.server.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import jp.renkei.server.notice.NoticeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * NOTICE from the shell, through the same service as the API and pages: the range registry, the
 * reporters, and a survey's observations (as the reporting organisation). A refused file prints
 * every problem with its line and field, one per line, and stores nothing (exit 1).
 */
@Command(
    name = "notice",
    mixinStandardHelpOptions = true,
    description = "NOTICE: ISP ranges, reporters and observations (issue 16).",
    subcommands = {
      NoticeCommand.Ranges.class,
      NoticeCommand.Reporter.class,
      NoticeCommand.Observations.class
    })
final class NoticeCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Every problem of a refusal, in English, one per line on stderr; the exit code. */
  static int refused(InvalidInput e) {
    for (InvalidInput p : InvalidInputs.of(e)) {
      System.err.println("renkei: " + english(p));
    }
    return CliFailures.REFUSED;
  }

  private static String english(jp.renkei.server.failure.RenkeiException p) {
    for (String bundle : new String[] {"i18n/notice", "messages"}) {
      try {
        String pattern = ResourceBundle.getBundle(bundle, Locale.ENGLISH).getString(p.messageKey());
        return new MessageFormat(pattern, Locale.ENGLISH).format(p.args());
      } catch (MissingResourceException missing) {
        // the next bundle
      }
    }
    return p.messageKey();
  }

  static Path readable(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(file + ": not a readable file");
    }
    return file;
  }

  @Command(
      name = "import-ranges",
      mixinStandardHelpOptions = true,
      description =
          "Import the ISP range registry from CSV (isp,cidr): the ranges of every ISP in the file"
              + " are replaced by the file's; all or nothing.")
  static final class Ranges implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Override
    public Integer call() throws Exception {
      readable(file);
      return AdminCommand.withContext(
          db,
          c -> {
            try (InputStream in = Files.newInputStream(file)) {
              NoticeService.RangesImported r =
                  c.getBean(NoticeService.class).importRanges(Actor.cli(), in);
              System.out.printf("%d ranges of %d ISPs imported%n", r.ranges(), r.isps());
              return 0;
            } catch (InvalidInput e) {
              return refused(e);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
  }

  @Command(
      name = "add-reporter",
      mixinStandardHelpOptions = true,
      description = "Allow an organisation to submit observations (survey operator or partner).")
  static final class Reporter implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "ORG", description = "The organisation's code.")
    String org;

    @Parameters(index = "1", paramLabel = "SOURCE", description = "survey or partner.")
    String source;

    @Override
    public Integer call() {
      return AdminCommand.withContext(
          db,
          c -> {
            try {
              c.getBean(NoticeService.class).addReporter(Actor.cli(), org, source);
            } catch (InvalidInput e) {
              return refused(e);
            }
            System.out.printf("%s may submit observations as %s%n", org, source);
            return 0;
          });
    }
  }

  @Command(
      name = "import-observations",
      mixinStandardHelpOptions = true,
      description =
          "Submit a survey's observations (CSV address,port,protocol,observed_at,observation, or"
              + " JSON by the .json extension) as a registered reporter; all or nothing.")
  static final class Observations implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "ORG",
        description = "The reporting organisation's code (registered with add-reporter).")
    String org;

    @Option(names = "--surveyed", description = "Addresses the survey covered.")
    Long surveyed;

    @Option(names = "--label", description = "A label for the survey (at most 200 characters).")
    String label;

    @Parameters(paramLabel = "FILE", description = "The CSV or JSON file.")
    Path file;

    @Override
    public Integer call() throws Exception {
      readable(file);
      String format = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "csv";
      return AdminCommand.withContext(
          db,
          c -> {
            Long orgId =
                c.getBean(JdbcClient.class)
                    .sql("select id from organisation where code = ? and active")
                    .param(org)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(
                        () -> new IllegalArgumentException("no active organisation " + org));
            Actor cli = Actor.cli();
            Actor reporter = new Actor(null, cli.login(), orgId, Role.ANALYST, "cli", null);
            try (InputStream in = Files.newInputStream(file)) {
              NoticeService.Submitted s =
                  c.getBean(NoticeService.class).submit(reporter, format, label, surveyed, in);
              System.out.printf(
                  "%d observations: %d notified, %d with no holder%n",
                  s.observations(), s.notified(), s.unrouted());
              return 0;
            } catch (InvalidInput e) {
              return refused(e);
            } catch (jp.renkei.server.failure.Forbidden e) {
              System.err.println("renkei: " + english(e));
              return CliFailures.REFUSED;
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
  }
}
