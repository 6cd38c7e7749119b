package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitor's REST API and the vantage points' administration, attacked: sites of another
 * organisation are not readable, changeable or even confirmed to exist (the same 404 as an id that
 * was never used), validation names every wrong field, a vantage point's token opens nothing but
 * the probe API, is refused once revoked, and its agent never learns a site not assigned to it.
 */
@TestPropertySource(properties = {"renkei.monitor.enabled=false", "renkei.monitor.quorum=1"})
class MonitorApiIT extends ServerTest {

  @Autowired JdbcClient jdbc;
  final JsonMapper json = JsonMapper.builder().build();
  static LoopbackSite site;

  @BeforeAll
  static void start() throws Exception {
    site = LoopbackSite.http();
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + site.port() + path;
  }

  JsonNode body(HttpResponse<String> r) {
    return json.readTree(r.body());
  }

  long create(String token, String name, String path, String stateTlp, String detailTlp) {
    HttpResponse<String> r =
        http()
            .bearer(token)
            .postJson(
                "/api/v1/monitor/sites",
                "{\"name\":\""
                    + name
                    + "\",\"url\":\""
                    + url(path)
                    + "\",\"expectedText\":\"OK\",\"intervalSeconds\":30,\"stateTlp\":\""
                    + stateTlp
                    + "\",\"detailTlp\":\""
                    + detailTlp
                    + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return body(r).get("id").asLong();
  }

  /** A 404 body with the id taken out, so two answers can be compared. */
  static String notFound(HttpResponse<String> r, long id) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    return r.body().replace(String.valueOf(id), "ID");
  }

  @Test
  void sitesOfAnotherOrganisationAreNeitherReadableNorChangeableNorConfirmed() {
    Organisation mine = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(mine, Role.ANALYST);
    UserAccount colleague = fixtures.user(mine, Role.ANALYST);
    String token = fixtures.token(analyst, EnumSet.of(TokenScope.READ, TokenScope.WRITE));
    long hidden = create(token, "hidden-site", "/hidden", "amber_strict", "amber_strict");
    long shared = create(token, "shared-site", "/shared", "green", "amber_strict");

    // the owner sees and changes its own site, with every setting
    JsonNode own = body(http().bearer(token).get("/api/v1/monitor/sites/" + hidden));
    assertThat(own.get("own").asBoolean()).isTrue();
    assertThat(own.get("details").get("url").asString()).isEqualTo(url("/hidden"));
    assertThat(own.get("details").get("owner").asString()).isEqualTo(analyst.login());
    HttpResponse<String> updated =
        http()
            .bearer(token)
            .putJson(
                "/api/v1/monitor/sites/" + hidden,
                "{\"name\":\"hidden-renamed\",\"url\":\""
                    + url("/hidden2")
                    + "\",\"intervalSeconds\":10,\"owner\":\""
                    + colleague.login()
                    + "\",\"stateTlp\":\"amber_strict\",\"detailTlp\":\"amber_strict\"}");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(body(updated).get("details").get("intervalSeconds").asInt()).isEqualTo(10);
    assertThat(body(updated).get("details").get("owner").asString()).isEqualTo(colleague.login());

    // the attacker: an analyst of another operator of the same sector, with every scope
    UserAccount other = fixtures.user(fixtures.operator("finance"), Role.ORG_ADMIN);
    Http attacker = http().bearer(fixtures.token(other));
    long never =
        jdbc.sql("select coalesce(max(id), 0) + 100000 from monitor_site")
            .query(Long.class)
            .single();
    String absent = notFound(attacker.get("/api/v1/monitor/sites/" + never), never);
    assertThat(notFound(attacker.get("/api/v1/monitor/sites/" + hidden), hidden)).isEqualTo(absent);
    String change = "{\"name\":\"taken\",\"url\":\"" + url("/x") + "\"}";
    String absentPut = notFound(attacker.putJson("/api/v1/monitor/sites/" + never, change), never);
    // a site whose state the attacker may see is still not the attacker's to change or delete
    for (long id : new long[] {hidden, shared}) {
      assertThat(notFound(attacker.putJson("/api/v1/monitor/sites/" + id, change), id))
          .isEqualTo(absentPut);
      assertThat(notFound(attacker.delete("/api/v1/monitor/sites/" + id), id))
          .isEqualTo(notFound(attacker.delete("/api/v1/monitor/sites/" + never), never));
    }
    // the list shows the shared site's state only and nothing of the hidden one
    String list = attacker.get("/api/v1/monitor/sites").body();
    assertThat(list).doesNotContain("hidden").doesNotContain(url("/"));
    JsonNode sharedSeen = body(attacker.get("/api/v1/monitor/sites/" + shared));
    assertThat(sharedSeen.get("name").asString()).isEqualTo("shared-site");
    assertThat(sharedSeen.has("details")).isFalse();
    // nothing changed
    assertThat(
            jdbc.sql("select name from monitor_site where id = ?")
                .param(shared)
                .query(String.class)
                .single())
        .isEqualTo("shared-site");

    // a member of the owning organisation reads but may not change
    Http member = http().bearer(fixtures.token(fixtures.user(mine, Role.MEMBER)));
    assertThat(member.get("/api/v1/monitor/sites/" + hidden).statusCode()).isEqualTo(200);
    assertThat(member.delete("/api/v1/monitor/sites/" + hidden).statusCode()).isEqualTo(403);

    // the owner deletes; afterwards the id is like one never used
    assertThat(http().bearer(token).delete("/api/v1/monitor/sites/" + hidden).statusCode())
        .isEqualTo(204);
    assertThat(notFound(attacker.get("/api/v1/monitor/sites/" + hidden), hidden)).isEqualTo(absent);
    assertThat(notFound(http().bearer(token).get("/api/v1/monitor/sites/" + hidden), hidden))
        .isEqualTo(absent);
  }

  /** Walks every page of the site list (limit 2) and answers the ids seen and the total told. */
  long[] walk(Http who, java.util.List<Long> ids) {
    String next = "/api/v1/monitor/sites?limit=2";
    long total = -1;
    while (next != null) {
      HttpResponse<String> r = who.get(next);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      long told = Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
      assertThat(total == -1 || total == told).isTrue();
      total = told;
      body(r).forEach(x -> ids.add(x.get("id").asLong()));
      next =
          r.headers()
              .firstValue("Link")
              .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
              .orElse(null);
    }
    return new long[] {total, ids.size()};
  }

  @Test
  void theSiteListIsPagedAndItsPagesAndTotalsCountOnlyWhatTheCallerMaySee() {
    String ownerToken = fixtures.token(fixtures.user(fixtures.operator("water"), Role.ANALYST));
    long shared = create(ownerToken, "paged-shared", "/paged", "green", "amber_strict");
    long hidden =
        create(ownerToken, "paged-hidden", "/paged-hidden", "amber_strict", "amber_strict");
    Http owner = http().bearer(ownerToken);
    Http attacker =
        http().bearer(fixtures.token(fixtures.user(fixtures.operator("water"), Role.ORG_ADMIN)));

    // every page, followed by its Link, adds up to the total; the hidden site is on none of them
    java.util.List<Long> seen = new java.util.ArrayList<>();
    long[] before = walk(attacker, seen);
    assertThat(before[0]).isEqualTo(before[1]);
    assertThat(seen).doesNotHaveDuplicates().contains(shared).doesNotContain(hidden);
    java.util.List<Long> ownSeen = new java.util.ArrayList<>();
    long[] ownBefore = walk(owner, ownSeen);
    assertThat(ownSeen).contains(shared, hidden);
    // own sites come first
    assertThat(ownSeen.subList(0, 2)).containsExactlyInAnyOrder(shared, hidden);

    // another hidden site changes the owner's total and not the attacker's
    long hidden2 =
        create(ownerToken, "paged-hidden-2", "/paged-hidden-2", "amber_strict", "amber_strict");
    assertThat(walk(attacker, new java.util.ArrayList<>())[0]).isEqualTo(before[0]);
    assertThat(walk(owner, new java.util.ArrayList<>())[0]).isEqualTo(ownBefore[0] + 1);
    // past the end: an empty page, the same total, no next link
    HttpResponse<String> past = attacker.get("/api/v1/monitor/sites?offset=100000");
    assertThat(past.body()).isEqualTo("[]");
    assertThat(past.headers().firstValue("X-Total-Count")).contains(String.valueOf(before[0]));
    assertThat(past.headers().firstValue("Link")).isEmpty();
    assertThat(attacker.get("/api/v1/monitor/sites/" + hidden2).statusCode()).isEqualTo(404);

    // bad paging answers 400 naming the parameter, never a stack trace
    for (String[] bad :
        new String[][] {
          {"limit=0", "limit"},
          {"limit=501", "limit"},
          {"limit=many", "limit"},
          {"offset=-1", "offset"}
        }) {
      HttpResponse<String> r = attacker.get("/api/v1/monitor/sites?" + bad[0]);
      assertThat(r.statusCode()).as(bad[0] + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains(bad[1]).doesNotContain("Exception").doesNotContain("at jp.");
    }
  }

  @Autowired MonitorService monitor;
  @Autowired DegradedHours degradedHours;
  @Autowired jp.renkei.server.directory.TokenService tokens;

  @Test
  void theHeatMapCountsEachVisibleSiteOncePerHourItWasSlowOrDownAndNoHiddenOne() {
    Organisation mine = fixtures.operator("gas");
    UserAccount viewer = fixtures.user(mine, Role.ANALYST);
    String mineToken = fixtures.token(viewer);
    UserAccount other = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    String othersToken = fixtures.token(other);
    long window = create(mineToken, "heat-window", "/heat-1", "green", "amber_strict");
    long still = create(mineToken, "heat-still", "/heat-2", "green", "amber_strict");
    long hidden = create(othersToken, "heat-hidden", "/heat-3", "amber_strict", "amber_strict");
    jp.renkei.server.audit.Actor actor = fixtures.actor(viewer);
    MonitorService.SectorView before = monitor.sectors(actor);
    Instant last = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    java.util.function.BiConsumer<Long, Object[]> change =
        (id, at) ->
            jdbc.sql("insert into monitor_state_change (site_id, at, state) values (?,?,?)")
                .params(
                    id,
                    java.sql.Timestamp.from(last.minusSeconds((long) ((double) at[0] * 3600))),
                    at[1])
                .update();
    // down from 4.5 h to 1.5 h before the current hour: the hours 18..21 of the 24
    change.accept(window, new Object[] {4.5, "down"});
    change.accept(window, new Object[] {3.5, "slow"});
    change.accept(window, new Object[] {1.5, "up"});
    // slow since 30 hours ago and still: every hour
    change.accept(still, new Object[] {30.0, "slow"});
    // the hidden site is down all day: never counted for this viewer
    change.accept(hidden, new Object[] {30.0, "down"});
    // history written around the hub is seen at the scheduler's next refresh
    degradedHours.refresh();
    MonitorService.SectorView after = monitor.sectors(actor);
    int[] added = new int[24];
    for (int h = 0; h < 24; h++) {
      added[h] = after.timeline()[h] - before.timeline()[h];
    }
    int[] expected = new int[24];
    java.util.Arrays.fill(expected, 1);
    for (int h = 18; h <= 21; h++) {
      expected[h] = 2;
    }
    assertThat(added).containsExactly(expected);
    int[] counts = counts(after);

    // state changes judged by the hub mark the current hour at once: the hidden site going slow
    // moves nothing for this viewer, the visible one that was up moves the current hour by one
    degradedHours.changed(hidden, "slow", Instant.now());
    MonitorService.SectorView hiddenMoved = monitor.sectors(actor);
    assertThat(hiddenMoved.timeline()).containsExactly(after.timeline());
    assertThat(hiddenMoved.heat()).containsExactlyInAnyOrderEntriesOf(after.heat());
    assertThat(counts(hiddenMoved)).containsExactly(counts);
    degradedHours.changed(window, "down", Instant.now());
    int[] now = monitor.sectors(actor).timeline();
    assertThat(now[23] - after.timeline()[23]).isEqualTo(1);
    assertThat(java.util.Arrays.copyOf(now, 23))
        .containsExactly(java.util.Arrays.copyOf(after.timeline(), 23));

    // the hidden site's own organisation does see it down in every hour: the masks hold it, and
    // only the viewer's policy walk leaves it out
    int[] ownView = monitor.sectors(fixtures.actor(other)).timeline();
    assertThat(java.util.Arrays.stream(ownView).min().orElseThrow()).isPositive();
  }

  /** Sites, up, slow, down, unknown and regional summed over the sectors. */
  static int[] counts(MonitorService.SectorView v) {
    int[] c = new int[6];
    for (MonitorService.SectorCount x : v.counts()) {
      c[0] += x.sites();
      c[1] += x.up();
      c[2] += x.slow();
      c[3] += x.down();
      c[4] += x.unknown();
      c[5] += x.regional();
    }
    return c;
  }

  @Test
  void validationNamesEveryWrongField() {
    UserAccount analyst = fixtures.user(fixtures.operator("ict"), Role.ANALYST);
    UserAccount stranger = fixtures.user(fixtures.operator("ict"), Role.ANALYST);
    HttpResponse<String> r =
        http()
            .bearer(fixtures.token(analyst))
            .postJson(
                "/api/v1/monitor/sites",
                "{\"name\":\"\",\"url\":\"ftp://example.jp/\",\"expectedStatus\":42,"
                    + "\"intervalSeconds\":5,\"stateTlp\":\"red\",\"detailTlp\":\"clear\","
                    + "\"owner\":\""
                    + stranger.login()
                    + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at jp.");
    java.util.List<String> fields = new java.util.ArrayList<>();
    body(r).get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields)
        .containsExactly(
            "name", "url", "expectedStatus", "intervalSeconds", "stateTlp", "detailTlp", "owner");
    // a person of another organisation is not named as existing
    assertThat(r.body()).contains(stranger.login());
    // bad JSON types say which field
    HttpResponse<String> typed =
        http()
            .bearer(fixtures.token(analyst))
            .postJson("/api/v1/monitor/sites", "{\"name\":\"x\",\"intervalSeconds\":\"often\"}");
    assertThat(typed.statusCode()).isEqualTo(400);
    assertThat(typed.body()).contains("intervalSeconds");
  }

  @Test
  void aVantagePointsTokenProbesOnlyItsAssignedSitesAndNothingElse() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http adminApi = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.ADMIN)));
    UserAccount owner = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    String ownerToken = fixtures.token(owner);
    long assigned = create(ownerToken, "assigned", "/assigned", "green", "amber_strict");
    long other = create(ownerToken, "not-assigned", "/not-assigned", "green", "amber_strict");
    // a site only its own organisation may see: the administrator may not assign it
    long privateSite = create(ownerToken, "private", "/private", "amber_strict", "amber_strict");

    // only a platform administrator, with scope admin, manages vantage points
    String code = Fixtures.unique("kobe").toLowerCase(java.util.Locale.ROOT);
    String request = "{\"code\":\"" + code + "\",\"region\":\"神戸\"}";
    assertThat(
            http()
                .bearer(fixtures.token(fixtures.user("nisc", Role.ORG_ADMIN)))
                .postJson("/api/v1/monitor/vantage-points", request)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http()
                .bearer(fixtures.token(admin, EnumSet.of(TokenScope.READ, TokenScope.WRITE)))
                .postJson("/api/v1/monitor/vantage-points", request)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad =
        adminApi.postJson("/api/v1/monitor/vantage-points", "{\"code\":\"Hub!\",\"region\":\"\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"code\"").contains("\"region\"");
    HttpResponse<String> created = adminApi.postJson("/api/v1/monitor/vantage-points", request);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long vantage = body(created).get("vantage").get("id").asLong();
    String agentToken = body(created).get("token").asString();
    Http agent = http().bearer(agentToken);

    // by default it probes every site
    assertThat(agent.get("/api/v1/probe/assignments").body())
        .contains(url("/assigned"))
        .contains(url("/not-assigned"));

    // assignment: an id the administrator may not see is refused like one that does not exist
    long never =
        jdbc.sql("select coalesce(max(id), 0) + 100000 from monitor_site")
            .query(Long.class)
            .single();
    HttpResponse<String> refused =
        adminApi.putJson(
            "/api/v1/monitor/vantage-points/" + vantage + "/sites",
            "{\"all\":false,\"siteIds\":[" + assigned + "," + privateSite + "," + never + "]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode errors = body(refused).get("errors");
    assertThat(errors.get(0).get("field").asString()).isEqualTo("siteIds[1]");
    assertThat(errors.get(1).get("field").asString()).isEqualTo("siteIds[2]");
    assertThat(errors.get(0).get("detail").asString().replace(String.valueOf(privateSite), "ID"))
        .isEqualTo(errors.get(1).get("detail").asString().replace(String.valueOf(never), "ID"));
    HttpResponse<String> ok =
        adminApi.putJson(
            "/api/v1/monitor/vantage-points/" + vantage + "/sites",
            "{\"all\":false,\"siteIds\":[" + assigned + "]}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

    // the agent learns only its assigned site
    String assignments = agent.get("/api/v1/probe/assignments").body();
    assertThat(assignments).contains(url("/assigned")).doesNotContain("not-assigned");
    assertThat(assignments).doesNotContain("\"id\":" + other + ",");
    // and may not report on another: answered exactly like a site that does not exist
    String now = Instant.now().toString();
    String posted =
        agent
            .postJson(
                "/api/v1/probe/results",
                "{\"results\":[{\"siteId\":"
                    + assigned
                    + ",\"at\":\""
                    + now
                    + "\",\"ok\":true,\"totalMs\":12},{\"siteId\":"
                    + other
                    + ",\"at\":\""
                    + now
                    + "\",\"ok\":false},{\"siteId\":"
                    + never
                    + ",\"at\":\""
                    + now
                    + "\",\"ok\":false}]}")
            .body();
    JsonNode accepted = json.readTree(posted);
    assertThat(accepted.get("accepted").asInt()).isEqualTo(1);
    assertThat(accepted.get("rejected").get(0).asString().replace(String.valueOf(other), "ID"))
        .isEqualTo(
            accepted
                .get("rejected")
                .get(1)
                .asString()
                .replace(String.valueOf(never), "ID")
                .replace("results[2]", "results[1]"));

    // the agent's token opens nothing else
    for (String path :
        new String[] {
          "/api/v1/monitor/sites",
          "/api/v1/monitor/sites/" + assigned,
          "/api/v1/reports",
          "/api/v1/monitor/vantage-points",
          "/api/v1/tokens",
          "/api/v1/search?q=assigned"
        }) {
      assertThat(agent.get(path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(agent.get("/monitor").statusCode()).isIn(302, 401, 403);
    assertThat(
            agent
                .postJson(
                    "/api/v1/monitor/sites", "{\"name\":\"x\",\"url\":\"" + url("/evil") + "\"}")
                .statusCode())
        .isEqualTo(403);

    // revoked: refused; a new token works and the old one stays refused
    assertThat(adminApi.delete("/api/v1/monitor/vantage-points/" + vantage + "/token").statusCode())
        .isEqualTo(200);
    assertThat(agent.get("/api/v1/probe/assignments").statusCode()).isEqualTo(401);
    String renewed =
        body(adminApi.postJson("/api/v1/monitor/vantage-points/" + vantage + "/token", "{}"))
            .get("token")
            .asString();
    assertThat(http().bearer(renewed).get("/api/v1/probe/assignments").statusCode()).isEqualTo(200);
    assertThat(agent.get("/api/v1/probe/assignments").statusCode()).isEqualTo(401);
    // nobody signs in as the vantage point's account
    assertThat(
            jdbc.sql("select count(*) from app_user where login = ?")
                .param("probe-" + code)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aVantagePointsAccountIsNoPersonAndItsTokenOnlyReportsResults() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http adminApi = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.ADMIN)));
    String code = Fixtures.unique("naha").toLowerCase(java.util.Locale.ROOT);
    HttpResponse<String> created =
        adminApi.postJson(
            "/api/v1/monitor/vantage-points", "{\"code\":\"" + code + "\",\"region\":\"那覇\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String login = "probe-" + code;
    long agentId =
        jdbc.sql("select id from app_user where login = ?").param(login).query(Long.class).single();

    // not among the people: neither the platform's list nor its organisation's administrator's
    assertThat(adminApi.get("/api/v1/users").body()).doesNotContain(login);
    UserAccount orgAdmin = fixtures.user("nisc", Role.ORG_ADMIN);
    Http orgAdminApi = http().bearer(fixtures.token(orgAdmin, EnumSet.of(TokenScope.ADMIN)));
    assertThat(orgAdminApi.get("/api/v1/users").body()).doesNotContain(login);
    // nobody manages it as a person: the same 404 as an id never used
    long never = jdbc.sql("select max(id) + 100000 from app_user").query(Long.class).single();
    for (Http api : new Http[] {adminApi, orgAdminApi}) {
      for (String[] call :
          new String[][] {
            {"GET", "/api/v1/users/ID"},
            {"POST", "/api/v1/users/ID/password-reset"},
            {"PUT", "/api/v1/users/ID/role"},
            {"PUT", "/api/v1/users/ID/enabled"}
          }) {
        HttpResponse<String> agentAnswer = send(api, call, agentId);
        HttpResponse<String> neverAnswer = send(api, call, never);
        assertThat(notFound(agentAnswer, agentId))
            .as(call[1])
            .isEqualTo(notFound(neverAnswer, never));
      }
    }
    assertThat(
            jdbc.sql("select password_hash is null and kind = 'agent' from app_user where id = ?")
                .param(agentId)
                .query(Boolean.class)
                .single())
        .isTrue();

    // it cannot sign in to the pages, with any password: answered like an unknown login
    HttpResponse<String> signIn = http().signIn(login, Fixtures.PASSWORD);
    HttpResponse<String> unknown = http().signIn("nobody-" + code, Fixtures.PASSWORD);
    assertThat(signIn.headers().firstValue("Location"))
        .isEqualTo(unknown.headers().firstValue("Location"));
    assertThat(signIn.headers().firstValue("Location").orElse("")).contains("error");

    // no token but probe is made for it, whoever asks
    jp.renkei.server.audit.Actor asAgent =
        new jp.renkei.server.audit.Actor(
            agentId, login, admin.organisationId(), Role.MEMBER, "test", "127.0.0.1");
    for (TokenScope scope : EnumSet.complementOf(EnumSet.of(TokenScope.PROBE))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  tokens.create(
                      asAgent,
                      "escape",
                      null,
                      EnumSet.of(TokenScope.PROBE, scope),
                      TokenScope.Granting.SESSION))
          .as(scope.code())
          .isInstanceOf(jp.renkei.server.failure.Forbidden.class);
    }
    // and a token stored for it with wider scopes (as before this change, or written by hand)
    // still does nothing but report results
    String wide =
        tokens
            .create(
                new jp.renkei.server.audit.Actor(
                    admin.id(),
                    admin.login(),
                    admin.organisationId(),
                    Role.PLATFORM_ADMIN,
                    "test",
                    "127.0.0.1"),
                "wide",
                null,
                EnumSet.allOf(TokenScope.class),
                TokenScope.Granting.SESSION)
            .secret();
    jdbc.sql("update api_token set user_id = ? where token_hash = ?")
        .params(agentId, jp.renkei.engine.token.ApiTokens.hash(wide))
        .update();
    Http forged = http().bearer(wide);
    assertThat(forged.get("/api/v1/probe/assignments").statusCode()).isEqualTo(200);
    for (String path :
        new String[] {"/api/v1/me", "/api/v1/users", "/api/v1/reports", "/api/v1/monitor/sites"}) {
      assertThat(forged.get(path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(forged.postJson("/api/v1/tokens", "{\"name\":\"more\"}").statusCode())
        .isEqualTo(403);
    String readOnly = fixtures.token(admin, EnumSet.of(TokenScope.READ));
    jdbc.sql("update api_token set user_id = ? where token_hash = ?")
        .params(agentId, jp.renkei.engine.token.ApiTokens.hash(readOnly))
        .update();
    assertThat(http().bearer(readOnly).get("/api/v1/reports").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> send(Http api, String[] call, long id) {
    String path = call[1].replace("ID", String.valueOf(id));
    return switch (call[0]) {
      case "GET" -> api.get(path);
      case "POST" -> api.postJson(path, "{}");
      default ->
          api.putJson(
              path, path.endsWith("role") ? "{\"role\":\"analyst\"}" : "{\"enabled\":false}");
    };
  }

  @Autowired MonitorRuntime runtime;
  @Autowired jp.renkei.server.directory.DirectoryService directory;

  @Test
  void theListsWalkJudgesEverySiteAsItsFullRowIs() {
    // an owner in a CEPTOAR, with sites of every sharing, details to coordinators or not
    String[] ceptoar =
        jdbc.sql(
                "select code, sector_code from organisation where type_code = 'ceptoar'"
                    + " and active and sector_code is not null order by id limit 1")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    String code = Fixtures.unique("walk");
    Organisation owner =
        directory.create(
            jp.renkei.server.audit.Actor.cli(),
            new jp.renkei.server.directory.NewOrganisation(
                code,
                "ウォーク " + code,
                "Walk " + code,
                "operator",
                ceptoar[1],
                null,
                null,
                java.util.List.of(ceptoar[0])));
    String ownerToken = fixtures.token(fixtures.user(owner, Role.ANALYST));
    Map<String, Long> made = new java.util.LinkedHashMap<>();
    for (String[] sharing :
        new String[][] {
          {"green", "amber_strict", "false"},
          {"green", "amber", "true"},
          {"amber", "amber", "true"},
          {"amber_strict", "amber_strict", "true"},
          {"amber_strict", "amber_strict", "false"}
        }) {
      String name = String.join("-", sharing);
      HttpResponse<String> r =
          http()
              .bearer(ownerToken)
              .postJson(
                  "/api/v1/monitor/sites",
                  "{\"name\":\"walk "
                      + name
                      + "\",\"url\":\""
                      + url("/walk-" + name)
                      + "\",\"stateTlp\":\""
                      + sharing[0]
                      + "\",\"detailTlp\":\""
                      + sharing[1]
                      + "\",\"detailToCoordinators\":"
                      + sharing[2]
                      + "}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      made.put(name, body(r).get("id").asLong());
    }
    UserAccount ceptoarAnalyst = fixtures.user(ceptoar[0], Role.ANALYST);
    UserAccount sameSector = fixtures.user(fixtures.operator(ceptoar[1]), Role.ANALYST);
    UserAccount[] viewers = {
      fixtures.user(owner, Role.MEMBER),
      ceptoarAnalyst,
      sameSector,
      fixtures.user(fixtures.operator("water"), Role.ANALYST),
      fixtures.user("nisc", Role.ANALYST),
      fixtures.user("nisc", Role.PLATFORM_ADMIN)
    };
    for (UserAccount viewer : viewers) {
      jp.renkei.server.audit.Actor actor = fixtures.actor(viewer);
      Map<Long, Boolean> walked = new java.util.HashMap<>();
      monitor.walk(actor).forEach(l -> walked.put(l.key().id(), l.detail()));
      Map<Long, Boolean> rows = new java.util.HashMap<>();
      monitor.visible(actor).forEach(v -> rows.put(v.site().id(), v.detail()));
      assertThat(walked).as(viewer.login()).isEqualTo(rows);
    }
    // the coordinators' path is taken: the CEPTOAR sees the strict site's details, a peer not
    long strict = made.get("amber_strict-amber_strict-true");
    assertThat(
            monitor.walk(fixtures.actor(ceptoarAnalyst)).stream()
                .filter(l -> l.key().id() == strict)
                .map(MonitorService.Listed::detail))
        .containsExactly(true);
    assertThat(monitor.walk(fixtures.actor(sameSector)).stream().map(l -> l.key().id()))
        .doesNotContain(strict, made.get("amber_strict-amber_strict-false"));
  }

  @Test
  void theHubIsAVantagePointThatProbesAllSitesOnlyItsAssignedOnesOrNone() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http adminApi = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.ADMIN)));
    String ownerToken = fixtures.token(fixtures.user(fixtures.operator("water"), Role.ANALYST));
    long kept = create(ownerToken, "hub-kept", "/hub-kept", "green", "amber_strict");
    long left = create(ownerToken, "hub-left", "/hub-left", "green", "amber_strict");
    long hub =
        jdbc.sql("select id from monitor_vantage where code = 'hub'").query(Long.class).single();
    String sites = "/api/v1/monitor/vantage-points/" + hub + "/sites";
    try {
      assertThat(runtime.hubProbes(kept)).isTrue();
      // none
      HttpResponse<String> none = adminApi.putJson(sites, "{\"all\":false,\"siteIds\":[]}");
      assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
      assertThat(body(none).get("all").asBoolean()).isFalse();
      assertThat(runtime.hubProbes(kept)).isFalse();
      assertThat(runtime.hubProbes(left)).isFalse();
      // only one
      adminApi.putJson(sites, "{\"all\":false,\"siteIds\":[" + kept + "]}");
      assertThat(runtime.hubProbes(kept)).isTrue();
      assertThat(runtime.hubProbes(left)).isFalse();
      // the hub still has no token to issue or revoke
      assertThat(
              adminApi
                  .postJson("/api/v1/monitor/vantage-points/" + hub + "/token", "{}")
                  .statusCode())
          .isEqualTo(400);

      // a site the hub does not probe is judged by the agents that do: one agent (M = 1) that
      // sees it down for five minutes makes it down, not regional
      String code = Fixtures.unique("oita").toLowerCase(java.util.Locale.ROOT);
      String agentToken =
          body(adminApi.postJson(
                  "/api/v1/monitor/vantage-points",
                  "{\"code\":\"" + code + "\",\"region\":\"大分\"}"))
              .get("token")
              .asString();
      StringBuilder results = new StringBuilder("{\"results\":[");
      Instant now = Instant.now();
      for (int m = 5; m >= 0; m--) {
        results
            .append(m == 5 ? "" : ",")
            .append("{\"siteId\":")
            .append(left)
            .append(",\"at\":\"")
            .append(now.minusSeconds(60L * m))
            .append("\",\"ok\":false,\"error\":\"refused\"}");
      }
      JsonNode accepted =
          body(http().bearer(agentToken).postJson("/api/v1/probe/results", results + "]}"));
      assertThat(accepted.get("accepted").asInt()).as(accepted.toString()).isEqualTo(6);
      JsonNode site = body(http().bearer(ownerToken).get("/api/v1/monitor/sites/" + left));
      assertThat(site.get("state").asString()).as(site.toString()).isEqualTo("down");
      assertThat(site.get("regional").asBoolean()).isFalse();
    } finally {
      adminApi.putJson(sites, "{\"all\":true}");
    }
    assertThat(runtime.hubProbes(left)).isTrue();
  }

  @Test
  void thePlatformAdministratorRegistersAVantagePointInThePages() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http browser = http();
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/monitor").body()).contains("/monitor/vantage");
    String code = Fixtures.unique("sendai").toLowerCase(java.util.Locale.ROOT);
    HttpResponse<String> issued =
        browser.postForm(
            "/monitor/vantage", "/monitor/vantage", Map.of("code", code, "region", "仙台"));
    assertThat(issued.statusCode()).isEqualTo(200);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"vantage-token\">([^<]+)<").matcher(issued.body());
    assertThat(m.find()).as(issued.body()).isTrue();
    Http agent = http().bearer(m.group(1));
    assertThat(agent.get("/api/v1/probe/assignments").statusCode()).isEqualTo(200);
    String list = browser.get("/monitor/vantage").body();
    assertThat(list).contains(code).contains("仙台");
    // the hub's own row in words, without a button to assign it sites it cannot be assigned
    assertThat(list)
        .containsPattern("data-code=\"hub\">\\s*<td>このハブ</td>\\s*<td>ハブの所在地</td>")
        .doesNotContain("<td>hub</td>");
    long hub =
        jdbc.sql("select id from monitor_vantage where code = 'hub'").query(Long.class).single();
    assertThat(list).doesNotContain("/monitor/vantage/" + hub + "\"");
    HttpResponse<String> invalid =
        browser.postForm(
            "/monitor/vantage", "/monitor/vantage", Map.of("code", code, "region", ""));
    // the error names the field by the label the form shows, never its internal name
    assertThat(invalid.body())
        .contains("form-error", "地域：", "href=\"#region\"")
        .doesNotContain(">region<");

    long id =
        jdbc.sql("select id from monitor_vantage where code = ?")
            .param(code)
            .query(Long.class)
            .single();
    HttpResponse<String> badIds =
        browser.postForm(
            "/monitor/vantage/" + id,
            "/monitor/vantage/" + id + "/sites",
            Map.of("all", "false", "siteIds", "12x"));
    assertThat(badIds.body()).contains("サイトID (1 行目)：").doesNotContain("siteIds[0]");
    browser.postForm("/monitor/vantage", "/monitor/vantage/" + id + "/revoke", Map.of());
    assertThat(agent.get("/api/v1/probe/assignments").statusCode()).isEqualTo(401);

    // an operator's administrator has no such page
    Http operator = http();
    operator.signIn(
        fixtures.user(fixtures.operator("ict"), Role.ORG_ADMIN).login(), Fixtures.PASSWORD);
    assertThat(operator.get("/monitor/vantage").statusCode()).isIn(403, 404);
    assertThat(operator.get("/monitor").body()).doesNotContain("/monitor/vantage");
  }
}
