package jp.renkei.server.cli;

import java.util.concurrent.Callable;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The hub engineer deactivates an organisation (it left the partnership or was compromised) or
 * makes it active again, as a platform admin on the organisation's page does: audited as {@code
 * cli:<os user>}, with the same consequences ({@link DirectoryService#setActive}). The organisation
 * is named by id, code or name (current or former); an unknown or ambiguous one is refused in one
 * line (exit 1).
 */
@Command(
    name = "organisations",
    mixinStandardHelpOptions = true,
    description = "Deactivate an organisation or make it active again.",
    subcommands = {OrganisationsCommand.Deactivate.class, OrganisationsCommand.Reactivate.class})
final class OrganisationsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Sets the flag and prints one line saying what the organisation is now. */
  static int set(DatabaseOptions db, String given, boolean active) {
    Organisation o =
        AdminCommand.withContext(
            db,
            c -> {
              DirectoryService directory = c.getBean(DirectoryService.class);
              Organisation named = directory.resolve(given);
              boolean already = named.active() == active;
              Organisation now = directory.setActive(Actor.cli(), named.id(), active);
              if (already) {
                System.err.println(
                    "renkei: " + now.code() + " was already " + (active ? "active" : "inactive"));
              }
              return now;
            });
    System.out.println(
        o.id() + "\t" + o.code() + "\t" + (o.active() ? "active" : "inactive") + "\t" + o.nameJa());
    return 0;
  }

  @Command(
      name = "deactivate",
      mixinStandardHelpOptions = true,
      description = {
        "Deactivate an organisation: its people are signed out and refused at sign-in, its API"
            + " tokens answer 401, deliveries to it and advisories it issued that have not gone"
            + " out are cancelled, and it is no longer offered as a recipient. What it already"
            + " shared stays readable by its audience, under its name.",
        "Prints: id, code, state, name (tab-separated)."
      })
  static final class Deactivate implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(
        paramLabel = "<id-or-name>",
        description =
            "The organisation's id, code, or Japanese or English name (current or former).")
    String organisation;

    @Override
    public Integer call() {
      return set(db, organisation, false);
    }
  }

  @Command(
      name = "reactivate",
      mixinStandardHelpOptions = true,
      description = {
        "Make an organisation active again: its people and API tokens work as before."
            + " Deliveries cancelled while it was inactive are not sent again.",
        "Prints: id, code, state, name (tab-separated)."
      })
  static final class Reactivate implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(
        paramLabel = "<id-or-name>",
        description =
            "The organisation's id, code, or Japanese or English name (current or former).")
    String organisation;

    @Override
    public Integer call() {
      return set(db, organisation, true);
    }
  }
}
