package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monitored sites and their alerts do not count (V286): an operator who registers sites, or sees
 * alerts of its own sites, learns nothing from their ids about other organisations' sites and
 * alerts — the ids are random in [2^52, 2^53), no two of fifty made in a row are adjacent or in
 * order, another operator's site made just after is no neighbour of them, and a hidden site's or
 * alert's id answers exactly as an id never used, on the pages and the API.
 */
@TestPropertySource(properties = {"renkei.monitor.enabled=false", "renkei.monitor.quorum=1"})
class MonitorIdsLeakIT extends ServerTest {

  static final long LOW = 1L << 52;
  static final long HIGH = 1L << 53;
  static final int ROWS = 50;

  @Autowired JdbcClient jdbc;
  final JsonMapper json = JsonMapper.builder().build();

  long create(Http as, String name, String stateTlp) {
    HttpResponse<String> r =
        as.postJson(
            "/api/v1/monitor/sites",
            "{\"name\":\""
                + name
                + "\",\"url\":\"http://127.0.0.1:9/"
                + name
                + "\",\"intervalSeconds\":60,\"stateTlp\":\""
                + stateTlp
                + "\",\"detailTlp\":\"amber_strict\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("id").asLong();
  }

  /** An alert raised as MonitorAlerts raises one: the id is the table's default. */
  long raise(long site, String kind) {
    return jdbc.sql(
            "insert into monitor_alert (site_id, kind, raised_at, detail) values (?,?,?,?)"
                + " returning id")
        .params(site, kind, Timestamp.from(Instant.now()), "HTTP 503")
        .query(Long.class)
        .single();
  }

  static void assertRandom(String what, List<Long> ids) {
    assertThat(ids).as(what).allSatisfy(id -> assertThat(id).isBetween(LOW, HIGH - 1));
    assertThat(sorted(ids)).as(what + ": made in a row, yet not in order").isFalse();
    List<Long> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(sorted.get(i) - sorted.get(i - 1))
          .as(what + ": no two ids are neighbours")
          .isGreaterThan(1000L);
    }
  }

  static boolean sorted(List<Long> ids) {
    for (int i = 1; i < ids.size(); i++) {
      if (ids.get(i) < ids.get(i - 1)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void siteAndAlertIdsOfAnOperatorSayNothingAboutOthers() {
    Organisation mine = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(mine, Role.ANALYST);
    Http me = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    List<Long> sites = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      sites.add(create(me, "ids-" + i, "green"));
    }
    assertThat(sorted(sites)).as("fifty sites made in a row are not numbered in order").isFalse();
    assertRandom("sites", sites);

    // another operator's hidden site made right after is no neighbour of ours
    UserAccount other = fixtures.user(fixtures.operator("electricity"), Role.ANALYST);
    Http them = http().bearer(fixtures.token(other, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    long hidden = create(them, "ids-hidden", "amber_strict");
    List<Long> all = new ArrayList<>(sites);
    all.add(hidden);
    assertRandom("sites of two operators", all);

    List<Long> alerts = new ArrayList<>();
    for (long site : sites) {
      alerts.add(raise(site, "down"));
    }
    assertThat(sorted(alerts))
        .as("fifty alerts raised in a row are not numbered in order")
        .isFalse();
    assertRandom("alerts", alerts);
    long hiddenAlert = raise(hidden, "down");
    List<Long> allAlerts = new ArrayList<>(alerts);
    allAlerts.add(hiddenAlert);
    assertRandom("alerts of two operators", allAlerts);

    // the list still reads in the order the sites were registered (all in the same state)
    HttpResponse<String> list = me.get("/api/v1/monitor/sites?limit=" + ROWS);
    List<String> names = new ArrayList<>();
    for (JsonNode n : json.readTree(list.body())) {
      if (n.get("own").asBoolean()) {
        names.add(n.get("name").asString());
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      expected.add("ids-" + i);
    }
    assertThat(names).isEqualTo(expected);
  }

  @Test
  void hiddenAndMissingIdsAnswerAlike() {
    UserAccount owner = fixtures.user(fixtures.operator("electricity"), Role.ANALYST);
    Http ownerApi =
        http().bearer(fixtures.token(owner, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    long hidden = create(ownerApi, "ids-probe-hidden", "amber_strict");
    long hiddenAlert = raise(hidden, "down");
    long never = missing("monitor_site", hidden);
    long neverAlert = missing("monitor_alert", hiddenAlert);

    UserAccount prober = fixtures.user(fixtures.operator("finance"), Role.ORG_ADMIN);
    Http api = http().bearer(fixtures.token(prober));
    assertThat(notFound(api.get("/api/v1/monitor/sites/" + hidden), hidden))
        .isEqualTo(notFound(api.get("/api/v1/monitor/sites/" + never), never));

    Http page = http();
    page.signIn(prober.login(), Fixtures.PASSWORD);
    assertThat(notFound(page.get("/monitor/sites/" + hidden), hidden))
        .isEqualTo(notFound(page.get("/monitor/sites/" + never), never));
    String hiddenDraft =
        notFound(
            page.postForm(
                "/monitor/alerts", "/monitor/alerts/" + hiddenAlert + "/report", Map.of()),
            hiddenAlert);
    String missingDraft =
        notFound(
            page.postForm("/monitor/alerts", "/monitor/alerts/" + neverAlert + "/report", Map.of()),
            neverAlert);
    assertThat(hiddenDraft).isEqualTo(missingDraft);
    // and the hidden site's neighbours are ids like any other unused one
    for (long near : new long[] {hidden - 1, hidden + 1}) {
      assertThat(page.get("/monitor/sites/" + near).statusCode()).isEqualTo(404);
    }
  }

  /** An id of the same size as a real one that no row has. */
  long missing(String table, long near) {
    long id = near ^ 0x5a5a5a5aL;
    while (jdbc.sql("select count(*) from " + table + " where id = ?")
            .param(id)
            .query(Integer.class)
            .single()
        > 0) {
      id++;
    }
    return id;
  }

  /**
   * A 404 answer with the id (a 16-digit one, which nothing else on the page can be) and the
   * per-request CSRF tokens taken out, so two answers can be compared.
   */
  static String notFound(HttpResponse<String> r, long id) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(id).isGreaterThanOrEqualTo(1_000_000_000_000_000L);
    return r.body()
        .replaceAll("(name=\"_csrf\" (?:value|content)=)\"[^\"]*\"", "$1\"\"")
        .replaceAll("(?<![0-9])" + id + "(?![0-9])", "ID");
  }
}
