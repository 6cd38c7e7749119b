package jp.renkei.server.cli;

import java.util.concurrent.Callable;
import jp.renkei.engine.audit.ChainVerifier;
import jp.renkei.server.audit.AuditLog;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Work with the audit log.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check every link of the audit log's hash chain.",
        "Exit 0 if intact (prints the entry count and head hash, worth keeping elsewhere to detect",
        "truncation later); exit 3 with the first broken entry if not."
      })
  static final class Verify implements Callable<Integer> {

    static final int BROKEN = 3;

    @Mixin DatabaseOptions db;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Contexts.withoutWeb(db)) {
        ChainVerifier.Result r = context.getBean(AuditLog.class).verify();
        if (r.intact()) {
          System.out.println("intact: " + r.entriesChecked() + " entries, head " + r.headHash());
          return 0;
        }
        ChainVerifier.Break b = r.firstBreak().orElseThrow();
        System.out.println(
            "BROKEN at entry "
                + b.seq()
                + ": "
                + b.problem()
                + " ("
                + b.explanation()
                + "); "
                + r.entriesChecked()
                + " entries read");
        return BROKEN;
      }
    }
  }
}
