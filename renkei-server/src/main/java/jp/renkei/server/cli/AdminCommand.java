package jp.renkei.server.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.NewUser;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationQuery;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenService;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Directory administration from the shell, for automation. Acts as platform admin and is audited as
 * {@code cli:<os user>}. Answers go to stdout (one value where scripts need one), everything else
 * to stderr.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Create organisations, people and API tokens from the shell.",
    subcommands = {AdminCommand.Org.class, AdminCommand.User.class, AdminCommand.Token.class})
final class AdminCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static <T> T withContext(DatabaseOptions db, Function<ConfigurableApplicationContext, T> work) {
    try (ConfigurableApplicationContext context = Contexts.withoutWeb(db)) {
      return work.apply(context);
    }
  }

  @Command(
      name = "org",
      mixinStandardHelpOptions = true,
      description = "Organisations.",
      subcommands = {OrgCreate.class, OrgList.class, OrgAddMember.class})
  static final class Org implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Add an organisation; prints its id.")
  static final class OrgCreate implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--code", required = true, description = "Short unique code: a-z, 0-9, '-'.")
    String code;

    @Option(names = "--name-ja", required = true, description = "Japanese name.")
    String nameJa;

    @Option(names = "--name-en", required = true, description = "English name.")
    String nameEn;

    @Option(
        names = "--type",
        required = true,
        description = "Organisation type code, e.g. operator, ceptoar, ministry.")
    String type;

    @Option(names = "--sector", description = "Sector code (operators and CEPTOARs), e.g. finance.")
    String sector;

    @Option(
        names = "--ministry",
        description = "For a ministry: which one (fsa, mic, mhlw, meti, mlit).")
    String ministry;

    @Option(names = "--duty-email", description = "Duty (当番) e-mail address.")
    String dutyEmail;

    @Option(names = "--ceptoar", description = "Code of a CEPTOAR to join; repeatable.")
    List<String> ceptoars;

    @Override
    public Integer call() {
      Organisation o =
          withContext(
              db,
              c ->
                  c.getBean(DirectoryService.class)
                      .create(
                          Actor.cli(),
                          new NewOrganisation(
                              code, nameJa, nameEn, type, sector, ministry, dutyEmail, ceptoars)));
      System.out.println(o.id());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List organisations (tab-separated: id, code, type, sector, name).")
  static final class OrgList implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--type", description = "Only this type.")
    String type;

    @Option(names = "--sector", description = "Only this sector.")
    String sector;

    @Override
    public Integer call() {
      List<Organisation> list =
          withContext(
              db,
              c ->
                  c.getBean(DirectoryService.class)
                      .find(new OrganisationQuery(type, sector, null)));
      for (Organisation o : list) {
        System.out.println(
            o.id()
                + "\t"
                + o.code()
                + "\t"
                + o.typeCode()
                + "\t"
                + (o.sectorCode() == null ? "-" : o.sectorCode())
                + "\t"
                + o.nameJa());
      }
      return 0;
    }
  }

  @Command(
      name = "add-member",
      mixinStandardHelpOptions = true,
      description = "Add an organisation to a CEPTOAR.")
  static final class OrgAddMember implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--ceptoar", required = true, description = "CEPTOAR code.")
    String ceptoar;

    @Option(names = "--member", required = true, description = "Member organisation code.")
    String member;

    @Override
    public Integer call() {
      withContext(
          db,
          c -> {
            c.getBean(DirectoryService.class).addMembership(Actor.cli(), ceptoar, member);
            return null;
          });
      return 0;
    }
  }

  @Command(
      name = "user",
      mixinStandardHelpOptions = true,
      description = "People.",
      subcommands = {
        UserCreate.class,
        UserRole.class,
        UserPassword.class,
        UserTotpReset.class,
        UserEnable.class
      })
  static final class User implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Add a person. Prints the generated first password (only that) on stdout.")
  static final class UserCreate implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--login", required = true, description = "Login: a-z, 0-9, '.', '_', '-'.")
    String login;

    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    @Option(names = "--org", required = true, description = "Organisation code.")
    String org;

    @Option(
        names = "--role",
        required = true,
        description = "member, analyst, org_admin or platform_admin.")
    String role;

    @Option(names = "--email", description = "E-mail address.")
    String email;

    @Override
    public Integer call() {
      Role r =
          Role.fromCode(role).orElseThrow(() -> new InvalidInput("role", "validation.user.role"));
      UserService.Created created =
          withContext(
              db,
              c ->
                  c.getBean(UserService.class)
                      .create(Actor.cli(), new NewUser(login, name, email, org, r, null)));
      System.out.println(created.generatedPassword());
      return 0;
    }
  }

  @Command(name = "role", mixinStandardHelpOptions = true, description = "Change a person's role.")
  static final class UserRole implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--login", required = true, description = "Login.")
    String login;

    @Option(
        names = "--role",
        required = true,
        description = "member, analyst, org_admin or platform_admin.")
    String role;

    @Override
    public Integer call() {
      Role r =
          Role.fromCode(role).orElseThrow(() -> new InvalidInput("role", "validation.user.role"));
      withContext(
          db,
          c -> {
            UserService users = c.getBean(UserService.class);
            return users.changeRole(Actor.cli(), users.byLogin(login).id(), r);
          });
      return 0;
    }
  }

  @Command(
      name = "password",
      mixinStandardHelpOptions = true,
      description =
          "Set a new random password for a person (also unlocks, ends their sessions and revokes"
              + " their API tokens); prints it on stdout.")
  static final class UserPassword implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--login", required = true, description = "Login.")
    String login;

    @Override
    public Integer call() {
      String password =
          withContext(
              db,
              c -> {
                UserService users = c.getBean(UserService.class);
                return users.resetPassword(Actor.cli(), users.byLogin(login).id()).password();
              });
      System.out.println(password);
      return 0;
    }
  }

  @Command(
      name = "totp-reset",
      mixinStandardHelpOptions = true,
      description =
          "Remove a person's two-step sign-in (a lost authenticator and recovery codes) and end"
              + " their sessions; they sign in with their password and enrol again.")
  static final class UserTotpReset implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--login", required = true, description = "Login.")
    String login;

    @Override
    public Integer call() {
      boolean had =
          withContext(
              db,
              c -> {
                UserService users = c.getBean(UserService.class);
                return users.resetSecondFactor(Actor.cli(), users.byLogin(login).id());
              });
      System.out.println(had ? "two-step sign-in removed" : "had no two-step sign-in");
      return 0;
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable or disable a person.")
  static final class UserEnable implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--login", required = true, description = "Login.")
    String login;

    @Option(names = "--disable", description = "Disable instead of enable.")
    boolean disable;

    @Override
    public Integer call() {
      withContext(
          db,
          c -> {
            UserService users = c.getBean(UserService.class);
            return users.setEnabled(Actor.cli(), users.byLogin(login).id(), !disable);
          });
      return 0;
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "API tokens.",
      subcommands = {TokenCreate.class})
  static final class Token implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an API token for a person; prints only the token on stdout.")
  static final class TokenCreate implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Option(names = "--user", required = true, description = "Login of the token's owner.")
    String user;

    @Option(
        names = "--name",
        defaultValue = "cli",
        description = "What the token is for (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
        names = "--valid-days",
        description =
            "Days until it expires (default: renkei.security.token-lifetime, 90 days; at most"
                + " renkei.security.token-max-lifetime).")
    Integer validDays;

    @Option(
        names = "--scope",
        split = ",",
        defaultValue = "read,write,taxii,match",
        description =
            "What it may do: read, write, taxii, match, admin; comma-separated or repeated"
                + " (default: ${DEFAULT-VALUE}).")
    java.util.List<String> scopes;

    @Override
    public Integer call() {
      String secret =
          withContext(
              db,
              c -> {
                UserAccount owner = c.getBean(UserService.class).byLogin(user);
                Actor asOwner =
                    new Actor(
                        owner.id(),
                        owner.login(),
                        owner.organisationId(),
                        owner.role(),
                        "cli",
                        null);
                java.util.Set<jp.renkei.server.directory.TokenScope> set =
                    java.util.EnumSet.noneOf(jp.renkei.server.directory.TokenScope.class);
                for (String code : scopes) {
                  set.add(
                      jp.renkei.server.directory.TokenScope.fromCode(code.strip())
                          .orElseThrow(
                              () ->
                                  new jp.renkei.server.failure.InvalidInput(
                                      "scope", "validation.token.scope", code)));
                }
                return c.getBean(TokenService.class)
                    .create(
                        asOwner,
                        name,
                        validDays,
                        set,
                        jp.renkei.server.directory.TokenScope.Granting.SESSION)
                    .secret();
              });
      System.out.println(secret);
      return 0;
    }
  }
}
