package jp.renkei.server.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.NewUser;
import jp.renkei.server.directory.OrganisationNames;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo hub: the whole directory from {@code demo/organisations.tsv} (government bodies and
 * CEPTOARs by their public names, fictional operators) and one person per role for several
 * organisations, with random passwords returned once.
 */
@Service
public class DemoData {

  /** A demo person: the password is null once it has been shown. */
  public record Login(String login, String password, String role, String organisation) {}

  private record DemoPerson(String login, String name, String org, Role role) {}

  static final List<DemoPerson> PEOPLE =
      List.of(
          new DemoPerson("admin", "連携 管理者", "nisc", Role.PLATFORM_ADMIN),
          new DemoPerson("nisc.analyst", "内閣 分析官", "nisc", Role.ANALYST),
          new DemoPerson("fsa.analyst", "金融 担当官", "fsa", Role.ANALYST),
          new DemoPerson("ceptoar.bank", "銀行 セプター事務局員", "c-bank", Role.ANALYST),
          new DemoPerson("bank.admin", "さくら 管理者", "op-sakura-bank", Role.ORG_ADMIN),
          new DemoPerson("bank.analyst", "さくら 分析担当", "op-sakura-bank", Role.ANALYST),
          new DemoPerson("bank.member", "さくら 当番者", "op-sakura-bank", Role.MEMBER),
          new DemoPerson("power.analyst", "いなずま 分析担当", "op-inazuma-power", Role.ANALYST),
          new DemoPerson("npa.member", "警察 連絡担当", "npa", Role.MEMBER),
          new DemoPerson("isp.analyst", "かすみ ISP 担当", "op-kasumi-tel", Role.ANALYST));

  private static final Actor LOADER =
      new Actor(null, "demo-data", null, Role.PLATFORM_ADMIN, "system", null);

  /**
   * The national coordinator's name before the reorganisation of 1 July 2025 (内閣官房組織令):
   * 内閣サイバーセキュリティセンター (NISC) became 国家サイバー統括室 (National Cybersecurity Office).
   */
  static final OrganisationNames.FormerName NISC_BEFORE_2025 =
      new OrganisationNames.FormerName(
          "内閣サイバーセキュリティセンター(NISC)",
          "National center of Incident readiness and Strategy for Cybersecurity (NISC)",
          java.time.OffsetDateTime.parse("2025-07-01T00:00:00+09:00").toInstant(),
          "内閣官房組織令の改正により国家サイバー統括室に改組 (2025-07-01)");

  /**
   * The public web and mail domains of the government bodies and agencies in the demo directory, so
   * that a lure posing as one (警察庁 from a stranger's domain) is told in the demo as it would be on
   * a real hub; the fictional operators get theirs from {@link #demoIdentity}.
   */
  static final Map<String, String> PUBLIC_DOMAINS =
      Map.ofEntries(
          Map.entry("fsa", "fsa.go.jp"),
          Map.entry("mic", "soumu.go.jp"),
          Map.entry("mhlw", "mhlw.go.jp"),
          Map.entry("meti", "meti.go.jp"),
          Map.entry("mlit", "mlit.go.jp"),
          Map.entry("npa", "npa.go.jp"),
          Map.entry("fdma", "fdma.go.jp"),
          Map.entry("mod", "mod.go.jp"),
          Map.entry("jpcert", "jpcert.or.jp"),
          Map.entry("ipa", "ipa.go.jp"),
          Map.entry("nict", "nict.go.jp"));

  private final DirectoryService directory;
  private final UserService users;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final OrganisationNames names;
  private final jp.renkei.server.exposure.KnowledgeService knowledge;
  private final jp.renkei.server.exposure.ExposureService exposure;
  private final jp.renkei.server.exercise.DemoScenario exercise;
  private final jp.renkei.server.exercise.review.DemoFollowUp exerciseFollowUp;
  private final jp.renkei.server.notice.NoticeDemo notice;

  DemoData(
      DirectoryService directory,
      UserService users,
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      OrganisationNames names,
      jp.renkei.server.exposure.KnowledgeService knowledge,
      jp.renkei.server.exposure.ExposureService exposure,
      jp.renkei.server.exercise.DemoScenario exercise,
      jp.renkei.server.exercise.review.DemoFollowUp exerciseFollowUp,
      jp.renkei.server.notice.NoticeDemo notice) {
    this.notice = notice;
    this.exercise = exercise;
    this.exerciseFollowUp = exerciseFollowUp;
    this.directory = directory;
    this.users = users;
    this.jdbc = jdbc;
    this.names = names;
    this.knowledge = knowledge;
    this.exposure = exposure;
  }

  public boolean databaseIsEmpty() {
    return directory.count() == 0;
  }

  /** Loads the directory and people (skipping any already there); returns the new logins. */
  @Transactional
  public List<Login> load() {
    List<String[]> rows = rows();
    for (String[] r : rows) {
      if (!"ceptoar".equals(r[1]) && !"operator".equals(r[1])) {
        create(r);
      }
    }
    for (String[] r : rows) {
      if ("ceptoar".equals(r[1])) {
        create(r);
      }
    }
    for (String[] r : rows) {
      if ("operator".equals(r[1])) {
        create(r);
      }
    }
    int n = 0;
    for (String[] r : rows) {
      if ("operator".equals(r[1])) {
        n++;
        long id = directory.organisation(r[0]).id();
        if (directory.identity(id).domains().isEmpty()) {
          directory.setIdentity(LOADER, id, demoIdentity(r, n));
        }
      }
    }
    for (Map.Entry<String, String> g : PUBLIC_DOMAINS.entrySet()) {
      long id = directory.organisation(g.getKey()).id();
      if (directory.identity(id).domains().isEmpty()) {
        directory.setIdentity(
            LOADER,
            id,
            new jp.renkei.server.directory.OrganisationIdentity(
                List.of(), List.of(g.getValue()), List.of()));
      }
    }
    monitoredSites();
    exposure();
    notice.load(LOADER);
    names.recordFormer(LOADER, directory.organisation("nisc").id(), NISC_BEFORE_2025);
    List<Login> created = new ArrayList<>();
    for (DemoPerson p : PEOPLE) {
      if (exists(p.login())) {
        continue;
      }
      UserService.Created c =
          users.create(LOADER, new NewUser(p.login(), p.name(), null, p.org(), p.role(), null));
      created.add(
          new Login(
              p.login(), c.generatedPassword(), p.role().code(), c.user().organisationNameJa()));
    }
    exercise.install();
    exerciseFollowUp.install();
    return created;
  }

  /**
   * Registered sites for the web monitor's pages (issue 17), under the reserved {@code .example}
   * names and paused, so the hub never probes them: their states and last hours are demo rows.
   */
  private void monitoredSites() {
    if (jdbc.sql("select count(*) from monitor_site").query(Integer.class).single() > 0) {
      return;
    }
    String[][] sites = {
      {"op-sakura-bank", "インターネットバンキング", "up", "green", "amber_strict"},
      {"op-sakura-bank", "コーポレートサイト", "up", "green", "green"},
      {"op-midori-shinkin", "ホームページ", "slow", "green", "amber_strict"},
      {"op-aozora-trust", "ホームページ", "slow", "green", "amber_strict"},
      {"op-inazuma-power", "停電情報ページ", "up", "green", "amber_strict"},
      {"op-kasumi-tel", "障害情報ページ", "down", "amber_strict", "amber_strict"}
    };
    for (String[] x : sites) {
      long org = directory.organisation(x[0]).id();
      long id =
          jdbc.sql(
                  "insert into monitor_site (organisation_id, name, url, state_tlp, detail_tlp,"
                      + " enabled, state, state_since) values (?,?,?,?,?, false, ?,"
                      + " now() - interval '40 minutes') returning id")
              .params(org, x[1], "https://www." + x[0] + ".example/", x[3], x[4], x[2])
              .query(Long.class)
              .single();
      jdbc.sql(
              "insert into monitor_state_change (site_id, at, state) values"
                  + " (?, now() - interval '1 day', 'up'), (?, now() - interval '40 minutes', ?)")
          .params(id, id, x[2])
          .update();
    }
  }

  /** The demo people present in the database, without passwords. */
  public List<Login> existingLogins() {
    List<Login> list = new ArrayList<>();
    for (DemoPerson p : PEOPLE) {
      if (exists(p.login())) {
        UserAccount u = users.byLogin(p.login());
        list.add(new Login(u.login(), null, u.role().code(), u.organisationNameJa()));
      }
    }
    return list;
  }

  /**
   * Exposure (issue 16): a subset of CISA's KEV catalogue (CC0, the entries of the demo's CVE
   * records), three CVE JSON 5 records written for the demo, and the demo bank's inventory; the
   * full catalogue is imported with {@code renkei exposure import-kev}.
   */
  private void exposure() {
    if (jdbc.sql("select count(*) from vuln_kev").query(Integer.class).single() > 0) {
      return;
    }
    try (var kev = getClass().getResourceAsStream("/demo/exposure/kev-subset.json");
        var cves = getClass().getResourceAsStream("/demo/exposure/cve-records.jsonl");
        var inventory =
            getClass().getResourceAsStream("/demo/exposure/inventory-sakura-bank.csv")) {
      knowledge.importKev(LOADER, kev);
      knowledge.importCve(LOADER, cves);
      Actor bank =
          new Actor(
              null,
              "demo-data",
              directory.organisation("op-sakura-bank").id(),
              Role.ANALYST,
              "system",
              null);
      exposure.importInventory(bank, "csv", "inventory-sakura-bank.csv", inventory);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean exists(String login) {
    try {
      users.byLogin(login);
      return true;
    } catch (jp.renkei.server.failure.NotFound e) {
      return false;
    }
  }

  private void create(String[] r) {
    try {
      directory.organisation(r[0]);
      return;
    } catch (jp.renkei.server.failure.NotFound absent) {
      // not there yet: create it below
    }
    directory.create(
        LOADER,
        new NewOrganisation(
            r[0],
            r[4],
            r[5],
            r[1],
            dash(r[2]),
            dash(r[3]),
            null,
            "-".equals(r[6]) ? List.of() : Arrays.asList(r[6].split(","))));
  }

  /**
   * A plainly fictional identity for a demo operator: its name without the company suffix, a domain
   * under {@code .example}, a private /16 (and TEST-NET-1 for the demo bank).
   */
  static jp.renkei.server.directory.OrganisationIdentity demoIdentity(String[] row, int n) {
    String alias = row[4].replace("株式会社", "").strip();
    String domain = row[0].replaceFirst("^op-", "") + ".example";
    List<String> ranges = new ArrayList<>(List.of("10." + n + ".0.0/16"));
    if ("op-sakura-bank".equals(row[0])) {
      ranges.add("192.0.2.0/24");
    }
    return new jp.renkei.server.directory.OrganisationIdentity(
        alias.equals(row[4]) ? List.of() : List.of(alias), List.of(domain), ranges);
  }

  private static String dash(String s) {
    return "-".equals(s) ? null : s;
  }

  static List<String[]> rows() {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/organisations.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 7) {
          throw new IllegalStateException(
              "demo/organisations.tsv line " + n + ": expected 7 columns, found " + cols.length);
        }
        rows.add(cols);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
