package jp.renkei.server.support;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.NewUser;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.TokenService;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportContent;
import org.springframework.boot.test.context.TestComponent;

/** Builds organisations, people and tokens with unique names for one test. */
@TestComponent
public class Fixtures {

  public static final String PASSWORD = "correct-horse-battery-9";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  private final DirectoryService directory;
  private final UserService users;
  private final TokenService tokens;

  private final jp.renkei.server.intel.IntelService intel;

  Fixtures(
      DirectoryService directory,
      UserService users,
      TokenService tokens,
      jp.renkei.server.intel.IntelService intel) {
    this.intel = intel;
    this.directory = directory;
    this.users = users;
    this.tokens = tokens;
  }

  /**
   * A new login, ending in a letter: a login ending in "." and an organisation's code belongs to
   * that organisation (UserService.requireLoginOf), and tests make organisations with codes of
   * digits.
   */
  private static String login() {
    return unique("u").replace('-', '.') + "u";
  }

  public static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
  }

  public Organisation operator(String sector) {
    String code = unique("op");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "テスト事業者 " + code,
            "Test operator " + code,
            "operator",
            sector,
            null,
            null,
            List.of()));
  }

  public UserAccount user(Organisation org, Role role) {
    String login = login();
    return users
        .create(Actor.cli(), new NewUser(login, "テスト 利用者", null, org.code(), role, PASSWORD))
        .user();
  }

  public UserAccount user(String orgCode, Role role) {
    return user(directory.organisation(orgCode), role);
  }

  /** A person of {@code orgCode} recorded under {@code displayName}. */
  public UserAccount user(String orgCode, Role role, String displayName) {
    String login = login();
    return users
        .create(Actor.cli(), new NewUser(login, displayName, null, orgCode, role, PASSWORD))
        .user();
  }

  public Actor actor(UserAccount u) {
    return new Actor(u.id(), u.login(), u.organisationId(), u.role(), "web", "127.0.0.1");
  }

  public String token(UserAccount u) {
    return token(u, java.util.EnumSet.allOf(TokenScope.class));
  }

  /** A token with only the given scopes. */
  public String token(UserAccount u, java.util.Set<TokenScope> scopes) {
    return tokens.create(actor(u), "test", null, scopes, TokenScope.Granting.SESSION).secret();
  }

  /** Stores STIX objects as {@code u}'s organisation into a collection; none may be refused. */
  public void ingest(UserAccount u, jp.renkei.server.intel.StixCollection c, String... objects) {
    var r =
        intel.ingest(
            actor(u),
            c,
            u.organisationId(),
            null,
            new java.io.ByteArrayInputStream(
                ("[" + String.join(",", objects) + "]")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            n -> {});
    if (r.failures() != 0) {
      throw new AssertionError("refused: " + r.outcomes());
    }
  }

  /**
   * An ordinary first report's content titled {@code title} (malware by suspicious mail, level 2,
   * detected a minute ago): what the ITs that need "a report" file, whatever their subject.
   */
  public static ReportContent reportContent(String title) {
    return new ReportContent(
        title,
        "概要 " + title,
        null,
        Instant.now().minusSeconds(60),
        "malware",
        List.of("suspicious_mail"),
        "no",
        "level2",
        null,
        "unknown",
        null,
        "case3",
        null,
        null,
        null,
        null,
        List.of());
  }

  /**
   * An ordinary AMBER report ({@link #reportContent}) by {@code route} ("hotline", or "ceptoar" via
   * {@code ceptoarCode}), not anonymised, with no scope and no named recipients; {@code run} is the
   * exercise run it belongs to, or null.
   */
  public static NewReport amberReport(String title, String route, String ceptoarCode, Long run) {
    return new NewReport(
        reportContent(title),
        route,
        ceptoarCode,
        false,
        "amber",
        List.of(),
        List.of(),
        false,
        List.of(),
        run);
  }
}
