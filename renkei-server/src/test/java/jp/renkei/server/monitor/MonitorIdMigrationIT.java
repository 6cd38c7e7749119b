package jp.renkei.server.monitor;

import static jp.renkei.server.support.MigratedHub.ago;
import static jp.renkei.server.support.MigratedHub.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.renkei.server.RenkeiApplication;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.MigratedHub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * V286 on a hub that already monitors sites with sequential ids: the database is built at the
 * previous Flyway target and filled with sites of two operators, their alerts, deliveries, raw
 * results, rollups, state changes and vantage assignments; then the hub starts and migrates it.
 * Every site and alert gets a random id and keeps its old one as legacy_id, everything that named a
 * site or alert follows (raw results too, which have no foreign key), existing deliveries keep
 * their idempotency keys while new ones are random, and the pages open under the new ids only.
 */
@SpringBootTest(
    classes = RenkeiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"renkei.monitor.enabled=false"})
@Import(Fixtures.class)
class MonitorIdMigrationIT {

  static final long LOW = 1L << 52;
  static final long HIGH = 1L << 53;

  /** Ids as the hub had them before V286. */
  static long bank, power, siteA, siteB, hiddenSite, alertA, alertB, hiddenAlert, delivery;

  static long run, bankIssue, powerIssue, bankUser, token;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    MigratedHub.before(registry, "renkei-monmig-", "286", MonitorIdMigrationIT::before);
  }

  /** The hub before V286, as its code stored sites, alerts and exercise 課題 then. */
  static void before(JdbcClient jdbc) {
    String org =
        "insert into organisation (code, name_ja, name_en, type_code, sector_code, ministry_code)"
            + " values (?, ?, ?, 'operator', ?, null)";
    bank = id(jdbc, org, "monmig-bank", "監視移行銀行", "Monitor migration bank", "finance");
    power = id(jdbc, org, "monmig-power", "監視移行電力", "Monitor migration power", "electricity");
    String site =
        "insert into monitor_site (organisation_id, name, url, state_tlp, detail_tlp, state,"
            + " created_at) values (?, ?, ?, ?, 'amber_strict', 'down', ?)";
    siteA = id(jdbc, site, bank, "移行サイトA", "https://a.bank.invalid/", "green", ago(30));
    hiddenSite =
        id(jdbc, site, power, "移行非公開サイト", "https://p.power.invalid/", "amber_strict", ago(29));
    siteB = id(jdbc, site, bank, "移行サイトB", "https://b.bank.invalid/", "green", ago(28));
    long hub =
        jdbc.sql("select id from monitor_vantage where code = 'hub'").query(Long.class).single();
    String alert =
        "insert into monitor_alert (site_id, kind, raised_at, cleared_at, detail)"
            + " values (?, 'down', ?, ?, 'HTTP 503')";
    alertA = id(jdbc, alert, siteA, ago(3), null);
    hiddenAlert = id(jdbc, alert, hiddenSite, ago(3), null);
    alertB = id(jdbc, alert, siteB, ago(5), ago(4));
    delivery =
        id(
            jdbc,
            "insert into monitor_delivery (alert_id, organisation_id, change, channel, target,"
                + " status, sent_at) values (?, ?, 'raised', 'email', 'duty@bank.invalid',"
                + " 'sent', now())",
            alertA,
            bank);
    for (long s : new long[] {siteA, siteB, hiddenSite}) {
      jdbc.sql("insert into monitor_vantage_site (vantage_id, site_id) values (?, ?)")
          .params(hub, s)
          .update();
      jdbc.sql(
              "insert into monitor_state_change (site_id, at, state) values (?, ?, 'up'),"
                  + " (?, ?, 'down')")
          .params(s, ago(10), s, ago(3))
          .update();
      jdbc.sql(
              "insert into monitor_rollup (site_id, vantage_id, hour, probes, failures, slow,"
                  + " total_ms) values (?, ?, date_trunc('hour', now()) - interval '2 hours',"
                  + " 60, 1, 0, 120)")
          .params(s, hub)
          .update();
      for (int i = 0; i < 3; i++) {
        jdbc.sql(
                "insert into monitor_result (site_id, vantage_id, at, ok, judged, status,"
                    + " total_ms) values (?, ?, ?, false, 'down', 503, 80)")
            .params(s, hub, Timestamp.from(Instant.now().minus(10 + i, ChronoUnit.MINUTES)))
            .update();
      }
    }
    bankUser =
        id(
            jdbc,
            "insert into app_user (login, display_name, organisation_id, role, password_hash)"
                + " values ('monmig.analyst', '移行 分析官', ?, 'analyst', 'x')",
            bank);
    token =
        id(
            jdbc,
            "insert into api_token (user_id, name, display_prefix, token_hash, scopes,"
                + " expires_at) values (?, '移行前のトークン', 'rk_mig', 'migration-hash',"
                + " array['read'], now() + interval '30 days')",
            bankUser);
    long scenario =
        id(
            jdbc,
            "insert into exercise_scenario (owner_org_id, title, document) values (?, ?, '{}')",
            bank,
            "移行演習");
    run =
        id(
            jdbc,
            "insert into exercise_run (scenario_id, owner_org_id, title, state, speed)"
                + " values (?, ?, '移行演習の実施', 'STOPPED', 1)",
            scenario,
            bank);
    String issue =
        "insert into exercise_issue (run_id, title, owner_org_id, due_on)"
            + " values (?, ?, ?, current_date + 30)";
    bankIssue = id(jdbc, issue, run, "移行課題（銀行）", bank);
    powerIssue = id(jdbc, issue, run, "移行課題（電力）", power);
    jdbc.sql("insert into exercise_issue_progress (issue_id, note) values (?, '対応中')")
        .param(bankIssue)
        .update();
  }

  @Autowired JdbcClient jdbc;
  @Autowired Fixtures fixtures;
  @LocalServerPort int port;

  long now(String table, long legacy) {
    return jdbc.sql("select id from " + table + " where legacy_id = ?")
        .param(legacy)
        .query(Long.class)
        .single();
  }

  @Test
  void everySiteAndAlertGetsARandomIdAndKeepsItsOldOne() {
    for (String table : List.of("monitor_site", "monitor_alert", "exercise_issue")) {
      List<long[]> rows =
          jdbc.sql("select id, legacy_id from " + table)
              .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
              .list();
      assertThat(rows).as(table).hasSize(table.equals("exercise_issue") ? 2 : 3);
      for (long[] r : rows) {
        assertThat(r[0]).as(table).isBetween(LOW, HIGH - 1);
        assertThat(r[1]).as(table).isLessThan(LOW);
      }
    }
    // a site registered after the migration is random too, and has no old id
    long fresh =
        jdbc.sql(
                "insert into monitor_site (organisation_id, name, url) values (?, '新規', 'https://n.invalid/')"
                    + " returning id")
            .param(bank)
            .query(Long.class)
            .single();
    assertThat(fresh).isBetween(LOW, HIGH - 1);
    assertThat(
            jdbc.sql("select legacy_id from monitor_site where id = ?")
                .param(fresh)
                .query(Long.class)
                .optional())
        .isEmpty();
    jdbc.sql("delete from monitor_site where id = ?").param(fresh).update();
  }

  @Test
  void everythingThatNamedASiteOrAlertFollowsIt() {
    for (long old : new long[] {siteA, siteB, hiddenSite}) {
      long s = now("monitor_site", old);
      for (String table :
          List.of(
              "monitor_alert", "monitor_vantage_site", "monitor_rollup", "monitor_state_change")) {
        assertThat(count(table, s)).as(table + " of site " + old).isPositive();
        assertThat(count(table, old)).as(table + " under the old id").isZero();
      }
      assertThat(count("monitor_result", s)).as("raw results of site " + old).isEqualTo(3);
      assertThat(count("monitor_result", old)).isZero();
    }
    assertThat(
            jdbc.sql("select site_id from monitor_alert where legacy_id = ?")
                .param(alertA)
                .query(Long.class)
                .single())
        .isEqualTo(now("monitor_site", siteA));
    assertThat(
            jdbc.sql("select alert_id from monitor_delivery where id = ?")
                .param(delivery)
                .query(Long.class)
                .single())
        .isEqualTo(now("monitor_alert", alertA));
  }

  @Test
  void exerciseIssuesFollowAndNewOnesAreRandomAndApart() {
    long issue = now("exercise_issue", bankIssue);
    assertThat(
            jdbc.sql("select note from exercise_issue_progress where issue_id = ?")
                .param(issue)
                .query(String.class)
                .single())
        .isEqualTo("対応中");
    List<Long> fresh = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fresh.add(
          jdbc.sql(
                  "insert into exercise_issue (run_id, title, owner_org_id, due_on)"
                      + " values (?, ?, ?, current_date) returning id")
              .params(run, "新しい課題 " + i, i % 2 == 0 ? bank : power)
              .query(Long.class)
              .single());
    }
    MonitorIdsLeakIT.assertRandom("exercise issues", fresh);
    jdbc.sql("delete from exercise_issue where id = any(?)")
        .param(fresh.toArray(Long[]::new))
        .update();
  }

  @Test
  void ownIssuesAreFollowedUpUnderTheirNewIdsOnly() {
    UserAccount analyst = fixtures.user("monmig-bank", Role.ANALYST);
    Http web = new Http(port);
    web.signIn(analyst.login(), Fixtures.PASSWORD);
    long mine = now("exercise_issue", bankIssue);
    long theirs = now("exercise_issue", powerIssue);
    String list = web.get("/exercises/issues/mine").body();
    assertThat(list).contains("/exercises/issues/" + mine + "/progress").doesNotContain("移行課題（電力）");
    var moved =
        web.postForm(
            "/exercises/issues/mine",
            "/exercises/issues/" + mine + "/progress",
            java.util.Map.of("note", "移行後も更新できる"));
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);
    // another organisation's 課題 answers as one that does not exist, and the old id is gone
    long never = mine ^ 0x5a5aL;
    assertThat(MonitorIdsLeakIT.notFound(progress(web, theirs), theirs))
        .isEqualTo(MonitorIdsLeakIT.notFound(progress(web, never), never));
    assertThat(progress(web, bankIssue).statusCode()).isEqualTo(404);
  }

  static java.net.http.HttpResponse<String> progress(Http web, long issue) {
    return web.postForm(
        "/exercises/issues/mine",
        "/exercises/issues/" + issue + "/progress",
        java.util.Map.of("note", "x"));
  }

  long count(String table, long site) {
    return jdbc.sql("select count(*) from " + table + " where site_id = ?")
        .param(site)
        .query(Long.class)
        .single();
  }

  @Test
  void tokensGetRandomIdsAndKeepTheirOldOnes() {
    long now = now("api_token", token);
    assertThat(now).isBetween(LOW, HIGH - 1);
    assertThat(
            jdbc.sql("select name from api_token where id = ?")
                .param(now)
                .query(String.class)
                .single())
        .isEqualTo("移行前のトークン");
    // fifty tokens in a row, ten per person (a person may hold twenty)
    List<Long> people = new java.util.ArrayList<>();
    UserAccount person = null;
    for (int i = 0; i < 50; i++) {
      if (i % 10 == 0) {
        person = fixtures.user("monmig-bank", Role.ANALYST);
        people.add(person.id());
      }
      fixtures.token(person, java.util.EnumSet.of(jp.renkei.server.directory.TokenScope.READ));
    }
    List<Long> fresh =
        jdbc.sql("select id from api_token where user_id = any(?) order by created_at, id")
            .param(people.toArray(Long[]::new))
            .query(Long.class)
            .list();
    assertThat(fresh).hasSize(50);
    MonitorIdsLeakIT.assertRandom("tokens", fresh);
  }

  @Test
  void existingDeliveriesKeepTheirKeysAndNewOnesAreRandom() {
    assertThat(delivery).isLessThan(LOW);
    long fresh =
        jdbc.sql(
                "insert into monitor_delivery (alert_id, organisation_id, change, channel, target,"
                    + " status) values (?, ?, 'cleared', 'email', 'duty@bank.invalid', 'failed')"
                    + " returning id")
            .params(now("monitor_alert", alertB), bank)
            .query(Long.class)
            .single();
    assertThat(fresh).isBetween(LOW, HIGH - 1);
  }

  @Test
  void thePagesOpenUnderTheNewIdsOnly() {
    UserAccount analyst = fixtures.user("monmig-bank", Role.ANALYST);
    Http web = new Http(port);
    web.signIn(analyst.login(), Fixtures.PASSWORD);
    long a = now("monitor_site", siteA);
    var page = web.get("/monitor/sites/" + a);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("移行サイトA").contains("a.bank.invalid");
    assertThat(web.get("/monitor/sites/" + siteA).statusCode()).isEqualTo(404);
    // another operator's hidden site answers 404 under its new id as under its old one
    assertThat(web.get("/monitor/sites/" + now("monitor_site", hiddenSite)).statusCode())
        .isEqualTo(404);
    // the alerts page offers the bank's own alert under its new id, and the draft opens from it
    long alert = now("monitor_alert", alertA);
    var alerts = web.get("/monitor/alerts");
    assertThat(alerts.body())
        .contains("/monitor/alerts/" + alert + "/report")
        .doesNotContain("/monitor/alerts/" + now("monitor_alert", hiddenAlert) + "/report");
    var draft =
        web.postForm("/monitor/alerts", "/monitor/alerts/" + alert + "/report", java.util.Map.of());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(302);
    // the list shows both own sites, older first (same state)
    String list = web.get("/monitor").body();
    assertThat(list.indexOf("移行サイトA")).isNotNegative().isLessThan(list.indexOf("移行サイトB"));
    assertThat(list).doesNotContain("移行非公開サイト");
  }
}
