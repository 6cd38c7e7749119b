package jp.renkei.server.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jp.renkei.engine.exposure.Rejected;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.exposure.ExposureService;
import jp.renkei.server.exposure.KnowledgeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Imports vulnerability knowledge into the hub — CISA KEV, CVE JSON 5 records, FIRST EPSS — and
 * matches every inventory again. Refused records are listed with their id, position and reason; the
 * others are kept.
 */
@Command(
    name = "exposure",
    mixinStandardHelpOptions = true,
    description = "Vulnerability knowledge for exposure management (issue 16).",
    subcommands = {
      ExposureCommand.Kev.class,
      ExposureCommand.Cve.class,
      ExposureCommand.Epss.class,
      ExposureCommand.Nvd.class,
      ExposureCommand.Jvn.class
    })
final class ExposureCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Which source a subcommand imports. */
  abstract static class Import implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "FILE", description = "The file to import.")
    Path file;

    abstract KnowledgeService.Summary read(KnowledgeService k, InputStream in);

    @Override
    public Integer call() throws Exception {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(file + ": not a readable file");
      }
      return AdminCommand.withContext(
          db,
          c -> {
            KnowledgeService k = c.getBean(KnowledgeService.class);
            KnowledgeService.Summary s;
            try (InputStream in = Files.newInputStream(file)) {
              s = read(k, in);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            for (Rejected r : s.refused()) {
              System.err.println("refused " + Terminal.printable(String.valueOf(r)));
            }
            Map<Long, Set<String>> notices = c.getBean(ExposureService.class).afterImport(s);
            System.out.printf(
                "%s %s: %d kept, %d refused, %d new; %d organisations newly exposed to KEV%n",
                s.source(),
                s.version() == null ? "" : s.version(),
                s.kept(),
                s.refused().size(),
                s.added().size(),
                notices.size());
            return 0;
          });
    }
  }

  @Command(
      name = "import-kev",
      mixinStandardHelpOptions = true,
      description = "Import CISA's KEV catalogue (known_exploited_vulnerabilities.json).")
  static final class Kev extends Import {
    @Override
    KnowledgeService.Summary read(KnowledgeService k, InputStream in) {
      return k.importKev(Actor.cli(), in);
    }
  }

  @Command(
      name = "import-cve",
      mixinStandardHelpOptions = true,
      description = "Import CVE JSON 5 records: one record, a JSON array, or JSON lines.")
  static final class Cve extends Import {
    @Override
    KnowledgeService.Summary read(KnowledgeService k, InputStream in) {
      return k.importCve(Actor.cli(), in);
    }
  }

  @Command(
      name = "import-epss",
      mixinStandardHelpOptions = true,
      description = "Import FIRST's daily EPSS CSV (cve,epss,percentile).")
  static final class Epss extends Import {
    @Override
    KnowledgeService.Summary read(KnowledgeService k, InputStream in) {
      return k.importEpss(Actor.cli(), in);
    }
  }

  @Command(
      name = "import-nvd",
      mixinStandardHelpOptions = true,
      description = "Import one page of the NVD CVE API 2.0 (/rest/json/cves/2.0).")
  static final class Nvd extends Import {
    @Override
    KnowledgeService.Summary read(KnowledgeService k, InputStream in) {
      return k.importNvd(Actor.cli(), in);
    }
  }

  @Command(
      name = "import-jvn",
      mixinStandardHelpOptions = true,
      description = "Import JVN iPedia entries: MyJVN getVulnDetailInfo XML (VULDEF).")
  static final class Jvn extends Import {
    @Override
    KnowledgeService.Summary read(KnowledgeService k, InputStream in) {
      return k.importJvn(Actor.cli(), in);
    }
  }
}
