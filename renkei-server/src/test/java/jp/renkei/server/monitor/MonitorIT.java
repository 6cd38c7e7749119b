package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The monitor against real loopback sites that slow down, fail, reset connections, stall and serve
 * an untrusted certificate: alerts fire and clear as specified (raised after two judgements in a
 * row, cleared after three), e-mail reaches the owner, and nobody outside a site's audiences learns
 * more than the owner shared. The hub's own schedule is off: the test drives each probe.
 */
@TestPropertySource(
    properties = {
      "renkei.monitor.enabled=false",
      "renkei.monitor.sustain=0s",
      "renkei.monitor.timeout=1s",
      "renkei.monitor.retries=1",
      // the probe agent of agentProbesAsASeparateProcess stays an active vantage point for five
      // minutes: one vantage point is enough for the other tests' verdicts
      "renkei.monitor.quorum=1"
    })
class MonitorIT extends ServerTest {

  @Autowired MonitorService monitor;
  @Autowired MonitorRuntime runtime;
  @Autowired MonitorAlerts alerts;
  @Autowired JdbcClient jdbc;

  static LoopbackSite site;

  @BeforeAll
  static void start() throws Exception {
    site = LoopbackSite.http();
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  UserAccount owner(String sector) {
    Organisation org = fixtures.operator(sector);
    return fixtures.user(org, Role.ANALYST);
  }

  long register(UserAccount u, String url, String stateTlp, String detailTlp) {
    return monitor.register(
        fixtures.actor(u),
        new NewSite(
            Fixtures.unique("site"), url, 200, "OK", 60, stateTlp, detailTlp, false, true, null));
  }

  String url() {
    return "http://127.0.0.1:" + site.port() + "/";
  }

  void probe(long id, int times) {
    for (int i = 0; i < times; i++) {
      runtime.probeNow(id);
    }
  }

  List<String> open(long id) {
    return alerts.openKinds(id);
  }

  @Test
  void slowFailResetAndStallRaiseAndClearTheirAlerts() {
    site.mode = LoopbackSite.Mode.FAST;
    UserAccount u = owner("finance");
    long id = register(u, url(), "green", "amber_strict");
    probe(id, 15);
    assertThat(open(id)).isEmpty();
    assertThat(monitor.site(fixtures.actor(u), id).site().state()).isEqualTo("up");

    site.mode = LoopbackSite.Mode.SLOW;
    probe(id, 1);
    assertThat(open(id)).as("one slow probe is not an alert").isEmpty();
    probe(id, 1);
    assertThat(open(id)).containsExactly("slow");
    assertThat(monitor.site(fixtures.actor(u), id).site().state()).isEqualTo("slow");
    site.mode = LoopbackSite.Mode.FAST;
    probe(id, 2);
    assertThat(open(id)).as("cleared only after three normal judgements").containsExactly("slow");
    probe(id, 1);
    assertThat(open(id)).isEmpty();

    for (LoopbackSite.Mode failure :
        List.of(LoopbackSite.Mode.FAIL, LoopbackSite.Mode.RESET, LoopbackSite.Mode.STALL)) {
      site.mode = failure;
      probe(id, 2);
      assertThat(open(id)).as(failure.name()).containsExactly("down");
      site.mode = LoopbackSite.Mode.FAST;
      probe(id, 3);
      assertThat(open(id)).as(failure + " cleared").isEmpty();
    }
    runtime.flush();
    List<String> errors =
        jdbc.sql("select error from monitor_result where site_id = ? and not ok order by at")
            .param(id)
            .query(String.class)
            .list();
    assertThat(errors)
        .contains("HTTP 500 (expected 200)", "connection reset", "no answer within 1 s");
    Integer attempts =
        jdbc.sql("select max(attempts) from monitor_result where site_id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    assertThat(attempts).as("a failure is retried, and the retry recorded").isEqualTo(2);
    List<String> history =
        jdbc.sql(
                "select kind || ':' || (cleared_at is not null) from monitor_alert where site_id = ? order by raised_at, id")
            .param(id)
            .query(String.class)
            .list();
    assertThat(history).containsExactly("slow:true", "down:true", "down:true", "down:true");
  }

  @Test
  void anUntrustedCertificateIsDownWithItsExpiryRecorded() throws Exception {
    Path dir = TestFiles.directory("monitor-tls-");
    try (LoopbackSite tls = LoopbackSite.selfSigned(dir, 5)) {
      UserAccount u = owner("finance");
      long id = register(u, "https://localhost:" + tls.port() + "/", "green", "amber_strict");
      probe(id, 2);
      runtime.flush();
      var row =
          jdbc.sql(
                  "select error, cert_not_after is not null from monitor_result where site_id = ? limit 1")
              .param(id)
              .query((rs, n) -> rs.getString(1) + "|" + rs.getBoolean(2))
              .single();
      assertThat(row).isEqualTo("certificate not trusted or expired|true");
      // valid for 5 days, within the 14-day warning: its expiry is an alert of its own
      assertThat(open(id)).contains("down", "cert_expiry");
    }
  }

  @Test
  void aSiteThatTricklesBytesIsDownWithinTheTimeout() {
    UserAccount u = owner("water");
    long id = register(u, url(), "green", "amber_strict");
    site.mode = LoopbackSite.Mode.TRICKLE;
    try {
      long start = System.nanoTime();
      probe(id, 2);
      // two probes of two attempts each, every attempt ended by its 1 s deadline; a timeout per
      // read would have let each attempt run for the 20 s the site trickles
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(Duration.ofSeconds(15));
      assertThat(open(id)).containsExactly("down");
      runtime.flush();
      assertThat(
              jdbc.sql("select error from monitor_result where site_id = ? and not ok limit 1")
                  .param(id)
                  .query(String.class)
                  .single())
          .isEqualTo("no answer within 1 s");
    } finally {
      site.mode = LoopbackSite.Mode.FAST;
    }
  }

  @Test
  void aDownAlertIsMailedToTheOwner() throws Exception {
    site.mode = LoopbackSite.Mode.FAST;
    UserAccount u = owner("electricity");
    String duty = Fixtures.unique("duty") + "@example.jp";
    jdbc.sql("update organisation set duty_email = ? where id = ?")
        .params(duty, u.organisationId())
        .update();
    String url = "http://127.0.0.1:" + site.port() + "/missing-text";
    long id =
        monitor.register(
            fixtures.actor(u),
            new NewSite(
                "mail-" + Fixtures.unique("s"),
                url,
                200,
                "this text is not served",
                60,
                "green",
                "amber_strict",
                false,
                true,
                null));
    probe(id, 2);
    assertThat(open(id)).containsExactly("down");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> to(m, duty)));
    // nobody chose a language for the duty address: the hub's default, Japanese, in words
    MimeMessage m =
        Arrays.stream(MAIL.getReceivedMessages()).filter(x -> to(x, duty)).findFirst().get();
    assertThat(m.getSubject()).startsWith("【ウェブ監視・発生】停止: mail-");
    assertThat(mailText(m))
        .contains("種別: 停止", " JST", "か所の計測地点のうち", "期待する文字列")
        .doesNotContain("vantage points", "expected text");
  }

  /**
   * A delivery to a coordinator that failed is retried for hours; meanwhile the owner may stop
   * sharing the site's details with coordinators. The retry still mailed the coordinator the
   * alert's details (attack16). Here the failed delivery is stood for by putting the sent row back
   * to pending, as a failure leaves it.
   */
  @Test
  void aRetryDoesNotMailTheDetailsToACoordinatorTheOwnerStoppedSharingThemWith() throws Exception {
    site.mode = LoopbackSite.Mode.FAST;
    UserAccount u = owner("electricity");
    // a coordinator every site sharing its details with coordinators addresses
    long coordinator =
        jdbc.sql("select id from organisation where type_code = 'nisc' and active limit 1")
            .query(Long.class)
            .single();
    String before =
        jdbc.sql("select duty_email from organisation where id = ?")
            .param(coordinator)
            .query(String.class)
            .optional()
            .orElse(null);
    String duty = Fixtures.unique("coordinator") + "@example.jp";
    jdbc.sql("update organisation set duty_email = ? where id = ?")
        .params(duty, coordinator)
        .update();
    try {
      String name = "coord-" + Fixtures.unique("s");
      NewSite shared =
          new NewSite(
              name,
              "http://127.0.0.1:" + site.port() + "/missing-text",
              200,
              "this text is not served",
              60,
              "green",
              "amber",
              true,
              true,
              null);
      long id = monitor.register(fixtures.actor(u), shared);
      probe(id, 2);
      assertThat(open(id)).containsExactly("down");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> to(m, duty)));

      monitor.update(
          fixtures.actor(u),
          id,
          new NewSite(
              name,
              shared.url(),
              200,
              shared.expectedText(),
              60,
              "green",
              "amber",
              false,
              true,
              null));
      MAIL.purgeEmailFromAllMailboxes();
      String delivery =
          "update monitor_delivery set status = ?, next_attempt_at = now() where organisation_id = ?"
              + " and alert_id in (select a.id from monitor_alert a where a.site_id = ?)";
      jdbc.sql(delivery).params("pending", coordinator, id).update();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from monitor_delivery where organisation_id = ?"
                                  + " and alert_id in (select a.id from monitor_alert a"
                                  + " where a.site_id = ?) and (status = 'sent' or last_error is not null)")
                          .params(coordinator, id)
                          .query(Integer.class)
                          .single()
                      > 0);
      assertThat(Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> to(m, duty)))
          .as("the coordinator was mailed the details after the owner stopped sharing them")
          .isFalse();
      // ended with its reason, not retried until the attempts run out (attack25)
      assertThat(
              jdbc.sql(
                      "select distinct status from monitor_delivery where organisation_id = ?"
                          + " and alert_id in (select a.id from monitor_alert a where a.site_id = ?)")
                  .params(coordinator, id)
                  .query(String.class)
                  .list())
          .containsExactly("cancelled");
    } finally {
      jdbc.sql("update organisation set duty_email = ? where id = ?")
          .params(before, coordinator)
          .update();
    }
  }

  /** The text of a received message, decoded. */
  static String mailText(MimeMessage m) throws Exception {
    Object content = m.getContent();
    return content instanceof String s ? s : String.valueOf(content);
  }

  @Test
  void anAlertMailFollowsTheLanguageOfThePersonWhoseAddressItGoesTo() throws Exception {
    site.mode = LoopbackSite.Mode.FAST;
    UserAccount u = owner("electricity");
    String duty = Fixtures.unique("duty-en") + "@example.jp";
    jdbc.sql("update organisation set duty_email = ? where id = ?")
        .params(duty, u.organisationId())
        .update();
    jdbc.sql("update app_user set email = ?, locale = 'en' where id = ?")
        .params(duty, u.id())
        .update();
    long id =
        monitor.register(
            fixtures.actor(u),
            new NewSite(
                "mail-en-" + Fixtures.unique("s"),
                "http://127.0.0.1:" + site.port() + "/missing-text",
                200,
                "this text is not served",
                60,
                "green",
                "amber_strict",
                false,
                true,
                null));
    probe(id, 2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> to(m, duty)));
    MimeMessage m =
        Arrays.stream(MAIL.getReceivedMessages()).filter(x -> to(x, duty)).findFirst().get();
    assertThat(m.getSubject()).startsWith("[Web monitoring: raised] Down: mail-en-");
    assertThat(mailText(m))
        .contains("Kind: Down", "JST", "vantage points", "Detail: ")
        .doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}]");
  }

  static boolean to(MimeMessage m, String address) {
    try {
      return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
    } catch (Exception e) {
      return false;
    }
  }

  /** The names of the sites on a list page that carry {@code tag}, in the page's order. */
  static List<String> tagged(String page, String tag) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(">(" + java.util.regex.Pattern.quote(tag) + "-[a-z]+)<")
            .matcher(page);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theSiteListSortsByAColumnKeepsTheOrderAcrossPagesAndShowsNoHiddenSite() {
    UserAccount u = owner("finance");
    UserAccount other = owner("finance");
    String tag = "z" + Math.floorMod(Fixtures.unique("t").hashCode(), 1_000_000);
    for (String n : List.of("bravo", "charlie", "alpha")) {
      monitor.register(
          fixtures.actor(u),
          new NewSite(
              tag + "-" + n,
              url() + n,
              200,
              "OK",
              60,
              "green",
              "amber_strict",
              false,
              false,
              null));
    }
    // another operator's site whose state only its own organisation sees
    monitor.register(
        fixtures.actor(other),
        new NewSite(
            tag + "-aardvark",
            url() + "hidden",
            200,
            "OK",
            60,
            "amber_strict",
            "amber_strict",
            false,
            false,
            null));
    var h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    String asc = h.get("/monitor?sort=name&dir=asc&limit=500").body();
    assertThat(tagged(asc, tag)).containsExactly(tag + "-alpha", tag + "-bravo", tag + "-charlie");
    assertThat(asc).contains("aria-sort=\"ascending\"").doesNotContain("aardvark");
    assertThat(tagged(h.get("/monitor?sort=name&dir=desc&limit=500").body(), tag))
        .containsExactly(tag + "-charlie", tag + "-bravo", tag + "-alpha");
    // the other columns sort too, and a column's header flips its direction
    for (String column : List.of("organisation", "state", "since")) {
      var r = h.get("/monitor?sort=" + column + "&limit=500");
      assertThat(r.statusCode()).as(column).isEqualTo(200);
      assertThat(tagged(r.body(), tag)).as(column).hasSize(3);
    }
    assertThat(asc).contains("/monitor?sort=name&amp;dir=desc");
    // the pager keeps the order
    String first = h.get("/monitor?sort=name&dir=desc&limit=1").body();
    assertThat(first).containsPattern("id=\"site-page-next\"[^>]*sort=name&amp;dir=desc");
    // the API sorts the same way; a bad key is refused saying which
    var api = http().bearer(fixtures.token(u));
    String json = api.get("/api/v1/monitor/sites?sort=name&dir=asc&limit=500").body();
    assertThat(json.indexOf(tag + "-alpha")).isPositive().isLessThan(json.indexOf(tag + "-bravo"));
    assertThat(json).doesNotContain("aardvark");
    var bad = h.get("/monitor?sort=url");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("url");
  }

  @Test
  void refusesDestinationsTheHubMustNotReach() {
    UserAccount u = owner("finance");
    for (String bad :
        List.of(
            "http://127.0.0.2/",
            "http://10.0.0.1/",
            "http://169.254.169.254/latest",
            "ftp://example.jp/",
            "http://[::1]/")) {
      assertThatThrownBy(() -> register(u, bad, "green", "amber_strict"))
          .as(bad)
          .isInstanceOf(InvalidInput.class)
          .extracting(e -> ((InvalidInput) e).field())
          .isEqualTo("url");
    }
    assertThatThrownBy(() -> register(u, url(), "amber", "green"))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("detailTlp");
  }

  @Test
  void othersSeeTheStateNeverTheDetailsAndNothingOfAPrivateSite() {
    site.mode = LoopbackSite.Mode.FAST;
    UserAccount owner = owner("finance");
    UserAccount other = owner("finance");
    UserAccount outsider = owner("water");
    long shared =
        register(owner, url() + "shared-" + Fixtures.unique("p"), "green", "amber_strict");
    var before = count(outsider, "finance");
    long hidden =
        register(owner, url() + "hidden-" + Fixtures.unique("p"), "amber_strict", "amber_strict");
    site.mode = LoopbackSite.Mode.FAIL;
    probe(hidden, 2);
    probe(shared, 2);
    site.mode = LoopbackSite.Mode.FAST;
    assertThat(open(hidden)).containsExactly("down");

    // the service: state yes, details no; the private site does not exist for them
    var v = monitor.site(fixtures.actor(other), shared);
    assertThat(v.detail()).isFalse();
    assertThatThrownBy(() -> monitor.site(fixtures.actor(other), hidden))
        .isInstanceOf(NotFound.class);
    assertThat(monitor.visible(fixtures.actor(outsider)))
        .extracting(x -> x.site().id())
        .contains(shared)
        .doesNotContain(hidden);
    // counts: the private site (down now) adds nothing to what others count; the shared one does
    var after = count(outsider, "finance");
    assertThat(after[0]).as("sites").isEqualTo(before[0]);
    assertThat(after[1]).as("down").isEqualTo(before[1] + 1);

    // through HTTP, as the other operator
    var http = http();
    http.signIn(other.login(), Fixtures.PASSWORD);
    var page = http.get("/monitor/sites/" + shared);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("details-withheld")
        .doesNotContain("shared-")
        .doesNotContain("127.0.0.1:" + site.port());
    assertThat(http.get("/monitor/sites/" + hidden).statusCode()).isEqualTo(404);
    assertThat(http.get("/monitor/sites/999999999").statusCode()).isEqualTo(404);
    var overview = http.get("/monitor");
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body())
        .doesNotContain("hidden-")
        .doesNotContain("127.0.0.1:" + site.port());
    var alertsPage = http.get("/monitor/alerts");
    long hiddenAlert =
        jdbc.sql("select id from monitor_alert where site_id = ?")
            .param(hidden)
            .query(Long.class)
            .single();
    assertThat(alertsPage.body()).doesNotContain("/monitor/alerts/" + hiddenAlert + "/report");
    var draft =
        http.postForm("/monitor/alerts", "/monitor/alerts/" + hiddenAlert + "/report", Map.of());
    assertThat(draft.statusCode()).isEqualTo(404);

    // the owner sees everything and can open a prefilled 第一報 draft
    var own = http();
    own.signIn(owner.login(), Fixtures.PASSWORD);
    assertThat(own.get("/monitor/sites/" + hidden).body())
        .contains("hidden-")
        .contains("recent-chart");
    var created =
        own.postForm("/monitor/alerts", "/monitor/alerts/" + hiddenAlert + "/report", Map.of());
    assertThat(created.statusCode()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/reports/[^/]+/edit");
    String editPath = location.replaceFirst("^https?://[^/]+", "");
    assertThat(own.get(editPath).body()).contains("ウェブサイト停止");
    // the site page's two charts go with the draft as files
    String reportPage = own.get(editPath.replaceFirst("/edit$", "")).body();
    assertThat(reportPage)
        .contains("site-" + hidden + "-down-6h.svg")
        .contains("site-" + hidden + "-down-30d.svg");

    // anonymous: the sign-in page, nothing else
    assertThat(http().get("/monitor").statusCode()).isIn(302, 401);
  }

  @Test
  void agentProbesAsASeparateProcessWithAProbeToken() throws Exception {
    site.mode = LoopbackSite.Mode.FAST;
    UserAccount owner = owner("finance");
    long id =
        monitor.register(
            fixtures.actor(owner),
            new NewSite(
                "agent-" + Fixtures.unique("s"),
                url(),
                200,
                "OK",
                10,
                "green",
                "amber_strict",
                false,
                true,
                null));
    Organisation partner = fixtures.operator("ict");
    UserAccount agent = fixtures.user(partner, Role.MEMBER);
    String code = Fixtures.unique("osaka").toLowerCase(java.util.Locale.ROOT);
    long vantage =
        jdbc.sql(
                "insert into monitor_vantage (code, region, user_id) values (?, 'osaka', ?) returning id")
            .params(code, agent.id())
            .query(Long.class)
            .single();
    String token =
        fixtures.token(agent, java.util.EnumSet.of(jp.renkei.server.directory.TokenScope.PROBE));

    // the probe scope opens the probe API and nothing else; other scopes do not open it
    assertThat(http().bearer(token).get("/api/v1/reports").statusCode()).isEqualTo(403);
    String reader =
        fixtures.token(agent, java.util.EnumSet.of(jp.renkei.server.directory.TokenScope.READ));
    assertThat(http().bearer(reader).get("/api/v1/probe/assignments").statusCode()).isEqualTo(403);
    UserAccount stranger = fixtures.user(partner, Role.MEMBER);
    String notVantage =
        fixtures.token(stranger, java.util.EnumSet.of(jp.renkei.server.directory.TokenScope.PROBE));
    assertThat(http().bearer(notVantage).get("/api/v1/probe/assignments").statusCode())
        .isEqualTo(403);
    // bad results are named, good ones kept
    var posted =
        http()
            .bearer(token)
            .postJson(
                "/api/v1/probe/results",
                "{\"results\":[{\"siteId\":"
                    + id
                    + ",\"at\":\"2001-01-01T00:00:00Z\",\"ok\":true},"
                    + "{\"siteId\":"
                    + id
                    + ",\"at\":\""
                    + java.time.Instant.now()
                    + "\",\"ok\":true,\"totalMs\":-5}]}");
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body())
        .contains("results[0]: at is not within the last hour")
        .contains("results[1]: a timing");

    ProcessBuilder pb =
        new ProcessBuilder(
                jp.renkei.server.support.RenkeiProcess.jar(
                    "probe",
                    "--hub",
                    "http://127.0.0.1:" + port + "/",
                    "--allow-range",
                    "127.0.0.1/32",
                    "--duration",
                    "15s",
                    "--timeout",
                    "2s"))
            .redirectErrorStream(true);
    pb.environment().put("RENKEI_PROBE_TOKEN", token);
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("vantage point " + code);
    runtime.flush();
    Integer fromAgent =
        jdbc.sql(
                "select count(*) from monitor_result where site_id = ? and vantage_id = ? and ok and total_ms > 0")
            .params(id, vantage)
            .query(Integer.class)
            .single();
    assertThat(fromAgent).as(out).isPositive();
  }

  @Test
  void theMonitorPagesRenderInBothLanguagesWithTheDemoSites() {
    long bankSite =
        jdbc.sql(
                "select s.id from monitor_site s join organisation o on o.id = s.organisation_id"
                    + " where o.code = 'op-sakura-bank' order by s.id limit 1")
            .query(Long.class)
            .single();
    for (String org : List.of("op-sakura-bank", "op-inazuma-power")) {
      UserAccount person = fixtures.user(org, Role.ANALYST);
      var browser = http();
      browser.signIn(person.login(), Fixtures.PASSWORD);
      for (String lang : List.of("ja", "en")) {
        browser.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
        for (String page :
            List.of(
                "/monitor",
                "/monitor/alerts",
                "/monitor/sites/new",
                "/monitor/sites/" + bankSite)) {
          var r = browser.get(page);
          assertThat(r.statusCode()).as(page + " " + lang + " " + org).isEqualTo(200);
          assertThat(r.body())
              .as(page)
              .contains("<html lang=\"" + lang + "\"")
              .doesNotContain("error-message");
        }
        assertThat(browser.get("/monitor").body()).contains("heat-map").contains("sector-counts");
      }
    }
  }

  /**
   * A new site that has never answered is not "up" after its first failed probe; a paused site
   * shows 一時停止中 (never its stale state) and is counted in its sector as not measured, not up.
   */
  @Test
  void aSiteThatNeverAnsweredIsNotUpAndAPausedSiteIsNotCountedAsUp() {
    UserAccount u = owner("chemical");
    site.mode = LoopbackSite.Mode.FAIL;
    long failing;
    try {
      failing = register(u, url(), "green", "amber_strict");
      probe(failing, 1);
    } finally {
      site.mode = LoopbackSite.Mode.FAST;
    }
    assertThat(monitor.site(fixtures.actor(u), failing).site().state())
        .as("never answered")
        .isIn("unknown", "down");

    long up = register(u, url(), "green", "amber_strict");
    probe(up, 3);
    assertThat(monitor.site(fixtures.actor(u), up).site().state()).isEqualTo("up");
    String sector = "chemical";
    java.util.function.IntSupplier upCount =
        () ->
            monitor.sectors(fixtures.actor(u)).counts().stream()
                .filter(c -> c.sector().equals(sector))
                .mapToInt(MonitorService.SectorCount::up)
                .sum();
    int before = upCount.getAsInt();
    monitor.setEnabled(fixtures.actor(u), up, false);
    assertThat(upCount.getAsInt()).as("a paused site is not counted as up").isEqualTo(before - 1);

    var browser = http();
    browser.signIn(u.login(), Fixtures.PASSWORD);
    String page = browser.get("/monitor/sites/" + up).body();
    assertThat(page).containsPattern("id=\"site-state\"[^>]*>一時停止中<");
    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = browser.get("/monitor/sites/" + up).body();
    assertThat(en).containsPattern("id=\"site-state\"[^>]*>Paused<").doesNotContain("ウェブサイト応答時間計測");
  }

  /**
   * The registration form keeps everything typed when a field is refused, and says why in the
   * reader's language, without the guard's English or its configuration keys.
   */
  @Test
  void aRefusedRegistrationKeepsTheInputAndSaysWhyInWords() {
    UserAccount u = owner("aviation");
    var browser = http();
    browser.signIn(u.login(), Fixtures.PASSWORD);
    Map<String, String> typed =
        Map.of(
            "name", "空港案内サイト",
            "url", "ftp://example.jp/",
            "expectedStatus", "301",
            "expectedText", "運航情報",
            "intervalSeconds", "30",
            "stateTlp", "amber",
            "detailTlp", "amber",
            "detailToCoordinators", "true");
    String page = browser.postForm("/monitor/sites/new", "/monitor/sites", typed).body();
    assertThat(page)
        .contains("http:// か https:// の URL を入れてください")
        .contains("value=\"ftp://example.jp/\"", "value=\"301\"", "value=\"運航情報\"")
        .contains("value=\"30\"")
        .containsPattern("value=\"amber\"[^>]*selected")
        .containsPattern("name=\"detailToCoordinators\"[^>]*checked")
        .doesNotContain("only http and https", "renkei.outbound");
    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(browser.postForm("/monitor/sites/new", "/monitor/sites", typed).body())
        .contains("give an http:// or https:// URL")
        .doesNotContain("このURL");
  }

  /**
   * A new user's walk (walk13): a site not measured yet says so and how to start it instead of
   * empty charts and tables; a down alert and a failed probe read in the page's language; the
   * overview says which hours its heat map shows and what its columns count.
   */
  @Test
  void thePagesSayWhatIsMissingAndPutAlertsAndErrorsInWords() {
    UserAccount u = owner("gas");
    long paused = register(u, url(), "green", "amber_strict");
    monitor.setEnabled(fixtures.actor(u), paused, false);
    long failing;
    site.mode = LoopbackSite.Mode.FAIL;
    try {
      failing = register(u, url(), "green", "amber_strict");
      probe(failing, 2);
    } finally {
      site.mode = LoopbackSite.Mode.FAST;
    }
    runtime.flush();
    assertThat(open(failing)).containsExactly("down");

    var browser = http();
    browser.signIn(u.login(), Fixtures.PASSWORD);
    String quiet = browser.get("/monitor/sites/" + paused).body();
    assertThat(quiet)
        .contains("id=\"site-no-results\"", "計測は一時停止中です", "60 秒ごとに計測")
        .contains("id=\"site-no-alerts\"", "id=\"site-no-history\"")
        .doesNotContain(
            "id=\"site-results\"", "id=\"recent-chart\"", "id=\"month-chart\"", "10〜3600");
    String down = browser.get("/monitor/sites/" + failing).body();
    assertThat(down)
        .contains("id=\"site-results\"", "ステータス 500 (期待するステータスは 200)")
        .contains("1 か所の計測地点のうち 1 か所で停止", "このハブ")
        .doesNotContain("vantage points", "HTTP 500 (expected 200)");
    assertThat(browser.get("/monitor/alerts").body())
        .contains("1 か所の計測地点のうち 1 か所で停止", "id=\"alerts-lead\"")
        .doesNotContain("vantage points");
    assertThat(browser.get("/monitor").body())
        .contains("id=\"heat-map-hint\"", "日本時間", "未計測・一時停止中")
        .doesNotContain("(計測を一時停止中)");

    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(browser.get("/monitor/sites/" + failing).body())
        .contains("Status 500 (expected 200)", "Down from 1 of 1 vantage points", "This hub")
        .doesNotContain("HTTP 500 (expected 200)", "か所の計測地点");
    assertThat(browser.get("/monitor/sites/" + paused).body())
        .contains("The measurement is paused", "Measured every 60 seconds");
    assertThat(browser.get("/monitor").body())
        .contains("Japan time", "Not measured (new or paused)");
  }

  int[] count(UserAccount viewer, String sector) {
    return monitor.sectors(fixtures.actor(viewer)).counts().stream()
        .filter(c -> c.sector().equals(sector))
        .findFirst()
        .map(c -> new int[] {c.sites(), c.down()})
        .orElse(new int[] {0, 0});
  }
}
