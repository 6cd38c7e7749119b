package jp.renkei.server.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.engine.stix.TlpMarkings;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
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
  private final IntelService intel;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoActivity(
      DirectoryService directory,
      UserService users,
      ReportDemo reports,
      AdvisoryService advisories,
      IntelService intel,
      JdbcClient jdbc,
      Optional<Clock> clock) {
    this.directory = directory;
    this.users = users;
    this.reports = reports;
    this.advisories = advisories;
    this.intel = intel;
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
    dutyContacts();
    return true;
  }

  /** The one demo organisation left without a duty contact, so the hint 「当番連絡先なし」 shows too. */
  static final String WITHOUT_DUTY_CONTACT = "op-midori-shinkin";

  /**
   * Gives every organisation a duty e-mail address in the reserved example.jp domain ({@code
   * duty@<code>.example.jp}: nothing is ever delivered there) except {@link #WITHOUT_DUTY_CONTACT},
   * after the morning's advisories went out (they queue no e-mail to the fake addresses). An
   * address an administrator set is kept.
   */
  private void dutyContacts() {
    for (Organisation o : directory.find(jp.renkei.server.directory.OrganisationQuery.ALL)) {
      if (!o.code().equals(WITHOUT_DUTY_CONTACT)
          && (o.dutyEmail() == null || o.dutyEmail().isBlank())) {
        directory.setDelivery(LOADER, o.id(), "duty@" + o.code() + ".example.jp", null);
      }
    }
  }

  /** The TLP 2.0 marking definitions the demo's objects carry. */
  private static final String GREEN = TlpMarkings.idOf(Tlp.GREEN);

  private static final String AMBER = TlpMarkings.idOf(Tlp.AMBER);

  /** The bank's indicators of the morning's list-based attack and phishing site. */
  static final String BANK_IP = "indicator--5f0c8a7e-2d4b-4c1e-9a63-0b7d2e4f1a01";

  static final String BANK_DOMAIN = "indicator--5f0c8a7e-2d4b-4c1e-9a63-0b7d2e4f1a02";

  static final String BANK_URL = "indicator--5f0c8a7e-2d4b-4c1e-9a63-0b7d2e4f1a03";

  /** The trust bank's: the same source address (a correlation) and the lure's attachment. */
  static final String TRUST_IP = "indicator--8b3e61d4-7a90-4f25-b1c8-3e6d9f0a2b01";

  static final String TRUST_HASH = "indicator--8b3e61d4-7a90-4f25-b1c8-3e6d9f0a2b02";

  /** The bank's copy of the lure's hash, shared with the whole community. */
  static final String BANK_HASH = "indicator--5f0c8a7e-2d4b-4c1e-9a63-0b7d2e4f1a05";

  /** The SHA-256 of the invoice lure's attachment both banks received. */
  static final String LURE_SHA256 =
      "3f5a2c9e8b7d6a1f0e4c3b2a19087f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6";

  /** The bank's own, under TLP:AMBER in its private collection: nobody else may learn of it. */
  static final String BANK_AMBER = "indicator--5f0c8a7e-2d4b-4c1e-9a63-0b7d2e4f1a04";

  /** The value only the AMBER indicator holds (the leak test searches for it). */
  static final String AMBER_DOMAIN = "cdn-sakura-update.example.org";

  /**
   * Indicators and sightings through the real ingest, as operators post them by TAXII: the bank and
   * the trust bank share TLP:GREEN indicators with the financial sector, and the source address and
   * the lure's hash with the whole community (the hash makes a correlation NISC sees); the bank
   * keeps one TLP:AMBER indicator in its own collection; each bank reports a sighting of the
   * other's indicator. Called after {@link #load()} returned true, outside its transaction: an
   * ingest records its audit entry in a transaction of its own, which would wait for the audit lock
   * the loading transaction holds.
   */
  public void loadIndicators() {
    Instant now = clock.instant();
    Actor bank = person("bank.analyst");
    Actor trust = organisation("op-aozora-trust");
    StixCollection finance =
        intel.allCollections().stream()
            .filter(c -> "finance".equals(c.sectorCode()))
            .findFirst()
            .orElseThrow();
    StixCollection community =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow();
    post(
        bank,
        finance,
        indicator(
            BANK_DOMAIN,
            now.minus(Duration.ofHours(3)),
            "インターネットバンキングを模したフィッシングサイトのドメイン",
            "[domain-name:value = 'sakura-ib-login.example.net']",
            GREEN),
        indicator(
            BANK_URL,
            now.minus(Duration.ofHours(3)),
            "フィッシングサイトのログイン画面のURL",
            "[url:value = 'https://sakura-ib-login.example.net/login/auth.php']",
            GREEN));
    post(
        bank,
        intel.collectionOfOrganisation(bank.organisationId()).orElseThrow(),
        indicator(
            BANK_AMBER,
            now.minus(Duration.ofHours(2)),
            "行内端末から通信を試みた不審な更新サーバ(調査中)",
            "[domain-name:value = '" + AMBER_DOMAIN + "']",
            AMBER));
    post(
        trust,
        community,
        indicator(
            TRUST_HASH,
            now.minus(Duration.ofHours(2)),
            "請求書を装うメールの添付ファイル(マクロ付き文書)",
            "[file:hashes.'SHA-256' = '" + LURE_SHA256 + "']",
            GREEN));
    // the same attachment, shared by both with the whole community (NISC included): a correlation
    // (the source address is in a documentation range, which warning lists keep from correlating)
    post(
        bank,
        community,
        indicator(
            BANK_HASH,
            now.minus(Duration.ofHours(2)),
            "当行職員宛ての不審メールの添付ファイル",
            "[file:hashes.'SHA-256' = '" + LURE_SHA256 + "']",
            GREEN));
    post(
        bank,
        community,
        indicator(
            BANK_IP,
            now.minus(Duration.ofHours(4)),
            "リスト型攻撃の送信元IPアドレス",
            "[ipv4-addr:value = '203.0.113.45']",
            GREEN));
    post(
        trust,
        community,
        indicator(
            TRUST_IP,
            now.minus(Duration.ofHours(3)),
            "当社インターネットバンキングへの不正ログイン試行元",
            "[ipv4-addr:value = '203.0.113.45']",
            GREEN));
    Instant first = now.minus(Duration.ofMinutes(150));
    post(trust, finance, sighting("4d2f", BANK_DOMAIN, 3, first, now));
    post(bank, finance, sighting("4d30", TRUST_HASH, 1, first, now));
  }

  private void post(Actor actor, StixCollection c, String... objects) {
    IntelService.Ingest r =
        intel.ingest(
            actor,
            c,
            actor.organisationId(),
            null,
            new java.io.ByteArrayInputStream(
                ("[" + String.join(",", objects) + "]")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            n -> {});
    if (r.failures() != 0) {
      throw new IllegalStateException("demo STIX refused: " + r.outcomes());
    }
  }

  private static String indicator(
      String id, Instant created, String name, String pattern, String marking) {
    String at = StixTime.format(created);
    return """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
        "name":"%s","indicator_types":["malicious-activity"],"pattern_type":"stix",\
        "pattern":"%s","valid_from":"%s","object_marking_refs":["%s"]}"""
        .formatted(id, at, at, name, pattern, at, marking);
  }

  /** A sighting seen {@code count} times between {@code first} and an hour ago. */
  private static String sighting(
      String tag, String indicator, int count, Instant first, Instant now) {
    String at = StixTime.format(now.minus(Duration.ofHours(1)));
    return """
        {"type":"sighting","spec_version":"2.1","id":"sighting--0a1b2c3d-%s-4e5f-8a9b-0c1d2e3f4a5b",\
        "created":"%s","modified":"%s","sighting_of_ref":"%s","count":%d,"first_seen":"%s",\
        "last_seen":"%s","object_marking_refs":["%s"]}"""
        .formatted(tag, at, at, indicator, count, StixTime.format(first), at, GREEN);
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
