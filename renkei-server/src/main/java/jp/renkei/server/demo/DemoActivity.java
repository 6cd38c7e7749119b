package jp.renkei.server.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.report.ReportDemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A believable morning on the demo hub (issue 14), written through the real services so routes, the
 * sharing policy and the audit log are the real ones: reports from operators in four sectors (第一報
 * and 続報, one with an attachment, one anonymised and relayed by its CEPTOAR), forwarded along their
 * routes, comments addressed to the reporters, and two advisories from the national coordinator
 * that some recipients have confirmed and some not. Every demo role's home then has something to
 * act on.
 *
 * <p>{@code serve} loads it with the demo directory unless {@code --no-demo-activity} is given; the
 * integration tests never do, so their counts do not depend on it. It is loaded once: a hub that
 * already holds a real (non-exercise) report is left alone, so a second {@code serve} on the same
 * data directory adds nothing.
 */
@Service
public class DemoActivity {

  private final DirectoryService directory;
  private final UserService users;
  private final ReportDemo reports;
  private final AdvisoryService advisories;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoActivity(
      DirectoryService directory,
      UserService users,
      ReportDemo reports,
      AdvisoryService advisories,
      JdbcClient jdbc,
      Optional<Clock> clock) {
    this.directory = directory;
    this.users = users;
    this.reports = reports;
    this.advisories = advisories;
    this.jdbc = jdbc;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Whether the hub already holds real work (reports outside exercises): then nothing is added. */
  public boolean present() {
    return jdbc.sql("select count(*) from report where exercise_run_id is null")
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Loads the morning's activity once, after {@link DemoData#load()}; returns whether it did. Needs
   * the demo people (it acts as them).
   */
  @Transactional
  public boolean load() {
    if (present()) {
      return false;
    }
    Instant now = clock.instant();
    long login = reports.load(now, this::person, this::organisation);
    Actor nisc = person("nisc.analyst");

    // advisories: one to the financial sector (some confirm), one to the response agencies
    NewAdvisory finance = financeAdvisory(now, login);
    List<Organisation> reached = advisories.recipientsOf(nisc, finance);
    long advisory = advisories.issue(nisc, finance);
    for (Organisation o : reached) {
      if (CONFIRMING.contains(o.code())) {
        advisories.acknowledge(actorFor(o), advisory);
      }
    }
    advisories.issue(nisc, agenciesAdvisory(now));
    return true;
  }

  /** The organisations that have confirmed the financial advisory by the time the demo opens. */
  static final List<String> CONFIRMING =
      List.of("c-bank", "fsa", "op-midori-shinkin", "op-aozora-trust", "op-kaede-sec");

  private Actor actorFor(Organisation o) {
    return switch (o.code()) {
      case "c-bank" -> person("ceptoar.bank");
      case "fsa" -> person("fsa.analyst");
      default -> organisation(o.code());
    };
  }

  private Actor person(String login) {
    UserAccount u = users.byLogin(login);
    return new Actor(u.id(), u.login(), u.organisationId(), u.role(), "system", null);
  }

  /**
   * An organisation without a demo person acts through a duty analyst of its own, created here
   * ({@code demo.<code with dots>}, a password nobody is shown: reset it with {@code admin user
   * password}), since reports, comments and confirmations record the person who made them.
   */
  private Actor organisation(String code) {
    String login = "demo." + code.replace('-', '.');
    try {
      return person(login);
    } catch (jp.renkei.server.failure.NotFound absent) {
      users.create(
          LOADER,
          new jp.renkei.server.directory.NewUser(
              login, "当番担当 (デモ)", null, code, Role.ANALYST, null));
      return person(login);
    }
  }

  private static final Actor LOADER =
      new Actor(null, "demo-activity", null, Role.PLATFORM_ADMIN, "system", null);

  private static NewAdvisory financeAdvisory(Instant now, long sourceReport) {
    return new NewAdvisory(
        "インターネットバンキングを狙うリスト型攻撃に関する注意喚起",
        "本日早朝から、複数の金融機関のインターネットバンキングに対して、"
            + "流出したとみられるIDとパスワードの組み合わせによるログイン試行が急増しています。"
            + "一部ではログインに成功した例も報告されています。",
        "ログイン試行の監視閾値を確認し、下記の送信元IPアドレスからの通信を確認してください。"
            + "不審なログインを確認した場合は、該当アカウントを停止し、所管省庁またはセプター経由でご報告ください。",
        List.of("203.0.113.45", "203.0.113.77", "198.51.100.23"),
        List.of(sourceReport),
        "amber",
        false,
        List.of("finance"),
        null,
        null,
        "urgent",
        now.plus(Duration.ofHours(24)),
        null);
  }

  private static NewAdvisory agenciesAdvisory(Instant now) {
    return new NewAdvisory(
        "重要インフラ分野で本日報告されている事象の概況",
        "本日午前、金融分野でのリスト型攻撃、電力分野での制御系ネットワークへの探索行為について報告を受けています。"
            + "現時点で重要インフラサービスへの深刻な影響は確認されていません。",
        "関係機関におかれては、所管の事案と関連する情報があれば国家サイバー統括室までご連絡ください。",
        List.of(),
        List.of(),
        "green",
        false,
        null,
        List.of("incident_response", "security_agency"),
        null,
        "normal",
        now.plus(Duration.ofHours(48)),
        null);
  }
}
