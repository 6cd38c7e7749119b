package jp.renkei.server.notice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * NOTICE end to end against a real PostgreSQL: ranges imported (all or nothing, every bad row with
 * its line and field), a survey operator's observations through the API with a token of scope
 * notice, routed to the operator whose verified scope holds the address or else to the ISP of the
 * longest prefix, the ISP's 注意喚起 and outcome, reminders by e-mail, and the monthly statistics —
 * with an adversary's view: another ISP learns nothing of a notification (not its id, not its
 * count), an operator sees no statistics, a token without the scope submits nothing.
 */
class NoticeIT extends ServerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Each world its own 10.n.0.0/16: two worlds on one network would refuse each other's import. */
  static final java.util.concurrent.atomic.AtomicInteger NEXT_NET =
      new java.util.concurrent.atomic.AtomicInteger((int) (Math.abs(System.nanoTime()) % 200));

  @Autowired DirectoryService directory;
  @Autowired NoticeService notices;
  @Autowired NoticeAccess access;
  @Autowired JdbcClient jdbc;

  Organisation org(String type, String email) {
    String code = Fixtures.unique(type.substring(0, 3));
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "テスト " + code,
            "Test " + code,
            type,
            type.equals("operator") ? "ict" : null,
            null,
            email,
            List.of()));
  }

  record World(
      Organisation ispA,
      Organisation ispB,
      Organisation operator,
      Organisation surveyor,
      UserAccount a,
      UserAccount b,
      UserAccount surveyAnalyst,
      String net) {}

  /**
   * Two ISPs with overlapping ranges, an operator with a verified range inside them, a surveyor.
   */
  World world() {
    Organisation ispA = org("cyber_business", Fixtures.unique("isp-a") + "@isp.example");
    Organisation ispB = org("cyber_business", null);
    Organisation op = org("operator", null);
    Organisation surveyor = org("security_agency", null);
    int n = NEXT_NET.getAndIncrement() % 200 + 20;
    String net =
        "10." + n; // 10.n.0.0/16 held by B, 10.n.7.0/24 by A, 10.n.7.128/28 by the operator
    notices.importRanges(
        Actor.cli(),
        csv(
            "isp,cidr\n"
                + ispB.code()
                + ","
                + net
                + ".0.0/16\n"
                + ispA.code()
                + ","
                + net
                + ".7.0/24\n"
                + ispA.code()
                + ",2001:db8:"
                + Integer.toHexString(n)
                + "::/48\n"));
    jdbc.sql(
            "insert into exposure_scope (organisation_id, kind, value, token, declared_by,"
                + " verified_how, verified_by, verified_at) values (?, 'range', ?, 't', 'test', 'admin', 'test', now())")
        .params(op.id(), net + ".7.128/28")
        .update();
    notices.addReporter(Actor.cli(), surveyor.code(), "survey");
    return new World(
        ispA,
        ispB,
        op,
        surveyor,
        fixtures.user(ispA, Role.ANALYST),
        fixtures.user(ispB, Role.ANALYST),
        fixtures.user(surveyor, Role.ANALYST),
        net);
  }

  static ByteArrayInputStream csv(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }

  Http api(UserAccount u, java.util.Set<TokenScope> scopes) {
    return http().bearer(fixtures.token(u, scopes));
  }

  Http signedIn(UserAccount u) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  String survey(World w) {
    return survey(w, "2026-10");
  }

  /** The survey of {@code month} (yyyy-MM): one notification each to A, B and the operator. */
  String survey(World w, String month) {
    return """
        {"label": "%2$s 調査", "surveyed": 5000, "observations": [
          {"address": "%1$s.7.9", "port": 23, "protocol": "tcp", "observedAt": "%2$s-03T10:00:00+09:00", "observation": "telnet: ID/パスワードでログイン可能 (admin/admin)"},
          {"address": "%1$s.200.1", "port": 80, "protocol": "tcp", "observedAt": "%2$s-04T11:00:00+09:00", "observation": "web 管理画面: 初期パスワード"},
          {"address": "%1$s.7.130", "port": 22, "protocol": "tcp", "observedAt": "%2$s-05T12:00:00+09:00", "observation": "ssh: 弱いパスワード"},
          {"address": "192.0.2.77", "observedAt": "%2$s-05T12:00:00+09:00", "observation": "どの ISP の範囲でもない"}
        ]}
        """
        .formatted(w.net(), month);
  }

  @Test
  void observationsReachTheHolderAndNobodyElse() {
    World w = world();
    Http surveyor = api(w.surveyAnalyst(), EnumSet.of(TokenScope.NOTICE));
    HttpResponse<String> sent =
        surveyor.postBytes(
            "/api/v1/notice/observations", "application/json", survey(w).getBytes(UTF_8));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(json(sent).get("notified").asInt()).isEqualTo(3);
    assertThat(json(sent).get("unrouted").asInt()).isEqualTo(1);

    // ISP A holds the /24 inside B's /16 (longest prefix), the operator its verified /28
    Http a = api(w.a(), EnumSet.of(TokenScope.READ, TokenScope.WRITE));
    HttpResponse<String> listA = a.get("/api/v1/notice/notices");
    JsonNode aList = json(listA);
    assertThat(aList).hasSize(1);
    assertThat(listA.headers().firstValue("X-Total-Count")).contains("1");
    JsonNode mine = aList.get(0);
    assertThat(mine.get("address").asString()).isEqualTo(w.net() + ".7.9");
    assertThat(mine.get("matchedRange").asString()).isEqualTo(w.net() + ".7.0/24");
    assertThat(mine.get("port").asInt()).isEqualTo(23);
    assertThat(mine.get("observation").asString()).contains("admin/admin");
    long idA = mine.get("id").asLong();

    Http b = api(w.b(), EnumSet.of(TokenScope.READ, TokenScope.WRITE));
    JsonNode bList = json(b.get("/api/v1/notice/notices"));
    assertThat(bList).hasSize(1);
    assertThat(bList.get(0).get("address").asString()).isEqualTo(w.net() + ".200.1");
    assertThat(bList.get(0).get("matchedRange").asString()).isEqualTo(w.net() + ".0.0/16");

    UserAccount opAnalyst = fixtures.user(w.operator(), Role.ANALYST);
    JsonNode opList =
        json(api(opAnalyst, EnumSet.of(TokenScope.READ)).get("/api/v1/notice/notices"));
    assertThat(opList).hasSize(1);
    assertThat(opList.get(0).get("holderKind").asString()).isEqualTo("operator");

    // the attacker (ISP B) tries A's id: exactly as an id that never existed
    HttpResponse<String> stolen = b.get("/api/v1/notice/notices/" + idA);
    HttpResponse<String> never = b.get("/api/v1/notice/notices/" + (idA ^ 0x5a5a5a5aL));
    assertThat(stolen.statusCode()).isEqualTo(404);
    assertThat(never.statusCode()).isEqualTo(404);
    assertThat(stolen.body().replace(Long.toString(idA), "ID"))
        .isEqualTo(never.body().replace(Long.toString(idA ^ 0x5a5a5a5aL), "ID"));
    HttpResponse<String> write =
        b.postJson("/api/v1/notice/notices/" + idA + "/outcome", "{\"outcome\":\"remediated\"}");
    assertThat(write.statusCode()).isEqualTo(404);
    // the surveyor sees aggregates, not notifications
    assertThat(
            api(w.surveyAnalyst(), EnumSet.of(TokenScope.READ))
                .get("/api/v1/notice/notices/" + idA)
                .statusCode())
        .isEqualTo(404);

    // A records its 注意喚起 and the outcome
    HttpResponse<String> rec =
        a.postJson(
            "/api/v1/notice/notices/" + idA + "/outcome",
            "{\"warnedHow\":\"post\",\"warnedOn\":\""
                + LocalDate.now(NoticeService.JST)
                + "\",\"outcome\":\"remediated\",\"note\":\"パスワード変更済み\"}");
    assertThat(rec.statusCode()).as(rec.body()).isEqualTo(200);
    assertThat(json(rec).get("outcome").asString()).isEqualTo("remediated");
    HttpResponse<String> bad =
        a.postJson(
            "/api/v1/notice/notices/" + idA + "/outcome",
            "{\"warnedHow\":\"fax\",\"outcome\":\"fixed\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("fax").contains("fixed");

    // the page: A sees its notification and the outcome; B sees none of it
    Http pageA = http();
    assertThat(pageA.signIn(w.a().login(), Fixtures.PASSWORD).statusCode()).isLessThan(400);
    String html = pageA.get("/notice").body();
    // one date format in the table: the notification date as the observation time (JST), no bare
    // ISO day beside it
    assertThat(html).doesNotContainPattern("<td>\\d{4}-\\d{2}-\\d{2}</td>");
    assertThat(html).contains(w.net() + ".7.9:23/tcp").contains("対策済み").contains("admin/admin");
    Http pageB = http();
    assertThat(pageB.signIn(w.b().login(), Fixtures.PASSWORD).statusCode()).isLessThan(400);
    String htmlB = pageB.get("/notice").body();
    assertThat(htmlB)
        .contains(w.net() + ".200.1")
        .doesNotContain(w.net() + ".7.9")
        .doesNotContain("admin/admin");
    HttpResponse<String> formAttack =
        pageB.postForm(
            "/notice", "/notice/" + idA + "/outcome", java.util.Map.of("outcome", "remediated"));
    assertThat(formAttack.statusCode()).isEqualTo(404);

    // a malformed date is an error on the form, and what was typed stays
    HttpResponse<String> badDate =
        pageA.postForm(
            "/notice",
            "/notice/" + idA + "/outcome",
            java.util.Map.of(
                "warnedHow",
                "phone",
                "warnedOn",
                "2026-13-45",
                "outcome",
                "notified",
                "note",
                "電話で連絡した担当者名"));
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body())
        .contains("注意喚起の日付「2026-13-45」は日付として読めません")
        .contains("id=\"notice-outcome-form\"")
        .contains("value=\"電話で連絡した担当者名\"")
        .contains("value=\"2026-13-45\"")
        .doesNotContain("Exception");
  }

  /**
   * The published shape, each viewer its own rows. The month is this test's alone (an October of
   * 1930–1954: no other test of the shared database observes anything then), so NISC's national
   * figures are exactly this survey's: three holders with one notification each.
   */
  @Test
  void statisticsInThePublishedShapeOnlyForThoseCounted() {
    World w = world();
    int year = 1930 + (int) (Math.abs(System.nanoTime()) % 25);
    String october = year + "-10";
    notices.submit(fixtures.actor(w.surveyAnalyst()), "json", null, null, csv(survey(w, october)));
    Http a = api(w.a(), EnumSet.of(TokenScope.READ));
    JsonNode aStats = json(a.get("/api/v1/notice/statistics"));
    JsonNode oct = month(aStats, october);
    assertThat(oct.get("notified").asInt()).isEqualTo(1);
    // the national columns are left out of an ISP's own rows
    assertThat(oct.path("isps").isNull() || oct.path("isps").isMissingNode()).isTrue();
    assertThat(oct.path("surveyed").isNull() || oct.path("surveyed").isMissingNode()).isTrue();

    // the surveyor sees its surveys' totals; NISC the country's
    JsonNode sStats =
        json(api(w.surveyAnalyst(), EnumSet.of(TokenScope.READ)).get("/api/v1/notice/statistics"));
    JsonNode sOct = month(sStats, october);
    assertThat(sOct.get("notified").asInt()).isEqualTo(3);
    assertThat(sOct.get("surveyed").asLong()).isEqualTo(5000);
    // 参加ISP数 counts the registry's ISPs that had joined by the month's end, with notifications
    // or not: none had joined by then (A and B joined today); once dated back, they and an ISP
    // without a single notification count
    assertThat(sOct.get("isps").asInt()).isZero();
    Organisation quiet = org("cyber_business", null);
    notices.importRanges(
        Actor.cli(),
        csv(
            "isp,cidr\n"
                + quiet.code()
                + ",2001:db8:"
                + Integer.toHexString(Integer.parseInt(w.net().substring(3)))
                + ":ff00::/56\n"));
    jdbc.sql("update notice_participation set since = ? where isp_id in (?, ?, ?)")
        .params(
            java.sql.Timestamp.from(
                java.time.OffsetDateTime.parse(year + "-09-01T00:00+09:00").toInstant()),
            w.ispA().id(),
            w.ispB().id(),
            quiet.id())
        .update();
    JsonNode again =
        month(
            json(
                api(w.surveyAnalyst(), EnumSet.of(TokenScope.READ))
                    .get("/api/v1/notice/statistics")),
            october);
    assertThat(again.get("isps").asInt()).isEqualTo(3);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    JsonNode nOct =
        month(
            json(api(nisc, EnumSet.of(TokenScope.READ)).get("/api/v1/notice/statistics")), october);
    assertThat(nOct.get("notified").asInt()).as(nOct.toString()).isEqualTo(3);
    assertThat(nOct.get("reached").asInt()).isZero();
    assertThat(nOct.get("withheld").asBoolean()).isFalse();
    assertThat(nOct.get("surveyed").asLong()).isEqualTo(5000);
    assertThat(nOct.get("isps").asInt()).isEqualTo(3);

    // another ISP, an unrelated operator, the telecom ministry and CEPTOAR, and B (a holder of
    // the same month): not a single count of A's notifications, nor of the month, by any way out
    Organisation ispC = org("cyber_business", null);
    UserAccount c = fixtures.user(ispC, Role.ANALYST);
    assertThat(json(api(c, EnumSet.of(TokenScope.READ)).get("/api/v1/notice/notices"))).isEmpty();
    String header =
        "\uFEFFperiod,isps,surveyed,notified,reached,remediated,reach_rate,remediation_rate,"
            + "withheld";
    for (UserAccount adversary :
        List.of(
            c,
            fixtures.user(fixtures.operator("finance"), Role.ANALYST),
            fixtures.user("mic", Role.ANALYST),
            fixtures.user("c-telecom", Role.ANALYST))) {
      Http h = api(adversary, EnumSet.of(TokenScope.READ));
      assertThat(json(h.get("/api/v1/notice/statistics"))).as(adversary.login()).isEmpty();
      assertThat(json(h.get("/api/v1/notice/statistics/years"))).as(adversary.login()).isEmpty();
      assertThat(h.get("/api/v1/notice/statistics.csv").body().strip()).isEqualTo(header);
      Http page = signedIn(adversary);
      assertThat(page.get("/notice/statistics.csv").body().strip()).isEqualTo(header);
      assertThat(page.get("/notice").body()).doesNotContain(october);
    }
    // B sees its own one notification of the month, never the month's 3 nor A's 1
    Http b = api(w.b(), EnumSet.of(TokenScope.READ));
    JsonNode bOct = month(json(b.get("/api/v1/notice/statistics")), october);
    assertThat(bOct.get("notified").asInt()).isEqualTo(1);
    JsonNode bYear = fiscalYear(json(b.get("/api/v1/notice/statistics/years")), year);
    assertThat(bYear.get("notified").asInt()).isEqualTo(1);
    assertThat(b.get("/api/v1/notice/statistics.csv").body())
        .contains(october + ",,,1,0,0,")
        .doesNotContain(october + ",3");
  }

  /**
   * The small-number rule (k = 3, the exposure figures' rule): a month whose notifications went to
   * one or two holders shows none of their figures to the surveyor or NISC; once a third holder is
   * in it, the figures show, but a remediation by one holder is withheld; and no total over months
   * lets a withheld month be recovered by subtraction.
   */
  @Test
  void statisticsNeverSingleOutOneHolder() {
    World w = world();
    int year = 1990 + (int) (Math.abs(System.nanoTime()) % 30);
    String one = year + "-03";
    String two = year + "-04";
    Actor surveyor = fixtures.actor(w.surveyAnalyst());
    String obs =
        "{\"address\": \"%s\", \"port\": 23, \"observedAt\": \"%s-15T10:00:00+09:00\","
            + " \"observation\": \"telnet\"}";
    notices.submit(
        surveyor,
        "json",
        null,
        null,
        csv(
            "{\"surveyed\": 900, \"observations\": ["
                + obs.formatted(w.net() + ".7.9", one)
                + ","
                + obs.formatted(w.net() + ".7.10", one)
                + ","
                + obs.formatted(w.net() + ".7.9", two)
                + ","
                + obs.formatted(w.net() + ".200.9", two)
                + "]}"));
    Http s = api(w.surveyAnalyst(), EnumSet.of(TokenScope.READ));
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    Http n = api(nisc, EnumSet.of(TokenScope.READ));
    for (Http viewer : List.of(s, n)) {
      JsonNode rows = json(viewer.get("/api/v1/notice/statistics"));
      for (String m : List.of(one, two)) {
        JsonNode r = month(rows, m);
        assertThat(r.get("withheld").asBoolean()).as(m).isTrue();
        for (String f : List.of("notified", "reached", "remediated", "reachRate")) {
          assertThat(r.path(f).isNull() || r.path(f).isMissingNode())
              .as(m + " " + f + " in " + r)
              .isTrue();
        }
      }
      // March and April lie in two fiscal years, each total is its one month: withheld alike
      JsonNode years = json(viewer.get("/api/v1/notice/statistics/years"));
      for (int fy : List.of(year - 1, year)) {
        JsonNode y = fiscalYear(years, fy);
        assertThat(y.get("withheld").asBoolean()).isTrue();
        assertThat(y.has("notified")).as(y.toString()).isFalse();
      }
    }
    // the page says "withheld", never the number
    String page = signedIn(w.surveyAnalyst()).get("/notice").body();
    assertThat(page).contains("非表示");

    // a third holder (the operator's verified range) in month two: the figures show
    notices.submit(
        surveyor,
        "json",
        null,
        null,
        csv("{\"observations\": [" + obs.formatted(w.net() + ".7.130", two) + "]}"));
    JsonNode shown = month(json(s.get("/api/v1/notice/statistics")), two);
    assertThat(shown.get("notified").asInt()).isEqualTo(3);
    assertThat(shown.get("remediated").asInt()).as("none of three").isZero();
    // one holder remediates: "1 of 3 holders" would point at it, so withheld
    long aNotice =
        jdbc.sql(
                "select id from notice where holder_id = ? and month = ?::date order by id limit 1")
            .params(w.ispA().id(), two + "-01")
            .query(Long.class)
            .single();
    notices.record(
        fixtures.actor(w.a()), aNotice, "email", LocalDate.of(year, 4, 20), "remediated", null);
    JsonNode after = month(json(s.get("/api/v1/notice/statistics")), two);
    assertThat(after.get("notified").asInt()).isEqualTo(3);
    assertThat(after.has("remediated")).as(after.toString()).isFalse();
    assertThat(after.has("remediationRate")).isFalse();
    assertThat(after.get("withheld").asBoolean()).isTrue();
    // the holder itself sees its own numbers in full
    JsonNode own =
        month(json(api(w.a(), EnumSet.of(TokenScope.READ)).get("/api/v1/notice/statistics")), two);
    assertThat(own.get("remediated").asInt()).isOne();
  }

  /**
   * The dominance rule as an adversary: A holds 18 of a month's 20 notifications, B and the
   * operator one each. Three holders pass the small-number rule, yet B (knowing its one and
   * guessing the operator's) would read A's 18 off the total: the figure is withheld in the JSON
   * months, the fiscal year, the CSV and the page alike; the statistics take no filter (a holder or
   * month parameter changes nothing). Once B and the operator have their share, it shows.
   */
  @Test
  void aMonthOneHolderDominatesIsWithheldEverywhere() {
    World w = world();
    int year = 1960 + (int) (Math.abs(System.nanoTime()) % 25);
    String month = year + "-06";
    Actor surveyor = fixtures.actor(w.surveyAnalyst());
    String obs =
        "{\"address\": \"%s\", \"port\": 23, \"observedAt\": \""
            + month
            + "-15T10:00:00+09:00\", \"observation\": \"telnet\"}";
    List<String> o = new java.util.ArrayList<>();
    for (int i = 1; i <= 18; i++) {
      o.add(obs.formatted(w.net() + ".7." + i));
    }
    o.add(obs.formatted(w.net() + ".200.1"));
    o.add(obs.formatted(w.net() + ".7.130"));
    notices.submit(
        surveyor,
        "json",
        null,
        null,
        csv("{\"surveyed\": 700, \"observations\": [" + String.join(",", o) + "]}"));
    Http s = api(w.surveyAnalyst(), EnumSet.of(TokenScope.READ));
    Http n = api(fixtures.user("nisc", Role.ANALYST), EnumSet.of(TokenScope.READ));
    for (Http viewer : List.of(s, n)) {
      JsonNode row = month(json(viewer.get("/api/v1/notice/statistics")), month);
      assertThat(row.has("notified")).as(row.toString()).isFalse();
      assertThat(row.get("withheld").asBoolean()).isTrue();
      assertThat(row.get("surveyed").asLong()).isGreaterThanOrEqualTo(700);
      JsonNode fy = fiscalYear(json(viewer.get("/api/v1/notice/statistics/years")), year);
      assertThat(fy.has("notified")).as("the year is that month alone: " + fy).isFalse();
      String csvBody = viewer.get("/api/v1/notice/statistics.csv").body();
      String line =
          csvBody.lines().filter(l -> l.startsWith(month + ",")).findFirst().orElseThrow();
      // period,isps,surveyed,notified,reached,remediated,reach_rate,remediation_rate,withheld
      assertThat(line.split(",", -1)[3]).as(line).isEmpty();
      assertThat(line).endsWith(",true");
      String fyLine =
          csvBody.lines().filter(l -> l.startsWith("FY" + year + ",")).findFirst().orElseThrow();
      assertThat(fyLine.split(",", -1)[3]).as(fyLine).isEmpty();
      // no filter to difference two answers over: parameters are not read
      String all = viewer.get("/api/v1/notice/statistics").body();
      assertThat(
              viewer
                  .get("/api/v1/notice/statistics?holder=" + w.ispA().id() + "&month=" + month)
                  .body())
          .isEqualTo(all);
    }
    String page = signedIn(w.surveyAnalyst()).get("/notice").body();
    String pageRow = page.substring(page.indexOf("<td>" + month + "</td>"));
    pageRow = pageRow.substring(0, pageRow.indexOf("</tr>"));
    assertThat(pageRow).contains("非表示").doesNotContain(">20<").doesNotContain(">18<");
    String pageCsv = signedIn(w.surveyAnalyst()).get("/notice/statistics.csv").body();
    assertThat(pageCsv).isEqualTo(s.get("/api/v1/notice/statistics.csv").body());

    // B and the operator get their share (A 18, B 6, operator 6: the two largest hold 80 %)
    List<String> more = new java.util.ArrayList<>();
    for (int i = 2; i <= 6; i++) {
      more.add(obs.formatted(w.net() + ".200." + i));
      more.add(obs.formatted(w.net() + ".7." + (130 + i)));
    }
    notices.submit(
        surveyor, "json", null, null, csv("{\"observations\": [" + String.join(",", more) + "]}"));
    for (Http viewer : List.of(s, n)) {
      JsonNode shown = month(json(viewer.get("/api/v1/notice/statistics")), month);
      assertThat(shown.get("notified").asInt()).as(shown.toString()).isEqualTo(30);
    }
    assertThat(
            fiscalYear(json(s.get("/api/v1/notice/statistics/years")), year)
                .get("notified")
                .asInt())
        .isEqualTo(30);
    // the holder itself always sees its own
    JsonNode own =
        month(
            json(api(w.a(), EnumSet.of(TokenScope.READ)).get("/api/v1/notice/statistics")), month);
    assertThat(own.get("notified").asInt()).isEqualTo(18);
    // and its page says so instead of the national rules that do not apply to it
    String ownPage = signedIn(w.a()).get("/notice").body();
    assertThat(ownPage).contains("notice-statistics-own").doesNotContain("notice-dominance");
    assertThat(page).contains("notice-dominance").doesNotContain("notice-statistics-own");
  }

  static JsonNode fiscalYear(JsonNode rows, int fy) {
    for (JsonNode r : rows) {
      if (r.get("fiscalYear").asInt() == fy) {
        return r;
      }
    }
    throw new AssertionError("no FY" + fy + " in " + rows);
  }

  static JsonNode month(JsonNode rows, String month) {
    for (JsonNode r : rows) {
      if (r.get("month").asString().equals(month)) {
        return r;
      }
    }
    throw new AssertionError("no " + month + " in " + rows);
  }

  @Test
  void onlyRegisteredReportersWithTheScopeSubmit() {
    World w = world();
    HttpResponse<String> noScope =
        api(w.surveyAnalyst(), EnumSet.of(TokenScope.READ, TokenScope.WRITE))
            .postBytes(
                "/api/v1/notice/observations", "application/json", survey(w).getBytes(UTF_8));
    assertThat(noScope.statusCode()).isEqualTo(403);
    HttpResponse<String> notReporter =
        api(w.a(), EnumSet.of(TokenScope.NOTICE))
            .postBytes(
                "/api/v1/notice/observations", "application/json", survey(w).getBytes(UTF_8));
    assertThat(notReporter.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from notice where holder_id = ?")
                .param(w.ispA().id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void badRowsAreListedWithLineAndFieldAndNothingIsStored() {
    World w = world();
    String csv =
        "address,port,protocol,observed_at,observation\n"
            + w.net()
            + ".7.10,23,tcp,2026-10-01T09:00:00+09:00,telnet 弱いパスワード\n"
            + "999.1.1.1,23,tcp,2026-10-01T09:00:00+09:00,x\n"
            + w.net()
            + ".7.11,70000,tcp,2026-10-01,x\n"
            + w.net()
            + ".7.12,,,2026-10-01T09:00:00+09:00,\n";
    HttpResponse<String> r =
        api(w.surveyAnalyst(), EnumSet.of(TokenScope.NOTICE))
            .postBytes("/api/v1/notice/observations?surveyed=100", "text/csv", csv.getBytes(UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("line 3 address: not an IP address: 999.1.1.1")
        .contains("line 4 port: 70000 is not between 1 and 65535")
        .contains("line 4 observed_at")
        .contains("line 5 observation: missing")
        .doesNotContain("Exception");
    assertThat(
            jdbc.sql("select count(*) from notice where holder_id = ?")
                .param(w.ispA().id())
                .query(Long.class)
                .single())
        .isZero();

    HttpResponse<String> broken =
        api(w.surveyAnalyst(), EnumSet.of(TokenScope.NOTICE))
            .postBytes(
                "/api/v1/notice/observations",
                "application/json",
                "{\"observations\": [".getBytes(UTF_8));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("not valid JSON");

    assertThatThrownBy(
            () ->
                notices.importRanges(
                    Actor.cli(),
                    csv(
                        "isp,cidr\n"
                            + w.ispA().code()
                            + ",192.0.2.1/24\nno-such-isp,198.51.100.0/24\n"
                            + w.ispA().code()
                            + ","
                            + w.net()
                            + ".0.0/16\n")))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(
                        InvalidInputs.of(e).stream()
                            .map(x -> List.of(x.args()).toString())
                            .toList())
                    .containsExactly(
                        "[line 2, cidr, host bits set: the network of /24 is 192.0.2.0/24]",
                        "[line 3, isp, no active organisation no-such-isp]"));
  }

  /**
   * An observation naming its address twice (attack19): the hub kept the last one and routed the
   * notification to its holder, while a reader that keeps the first (the reporter's own tool, a log
   * of what was sent) says another network was observed. Refused, naming the key and the line, and
   * nothing is stored for either holder.
   */
  @Test
  void anObservationWithAKeyTwiceIsRefusedNamingItAndNothingIsStored() {
    World w = world();
    String twice =
        """
        {"observations": [
          {"address": "%1$s.7.9", "port": 23, "protocol": "tcp", "observedAt": "2026-10-03T10:00:00+09:00", "observation": "telnet", "address": "%1$s.200.1"}
        ]}
        """
            .formatted(w.net());
    HttpResponse<String> r =
        api(w.surveyAnalyst(), EnumSet.of(TokenScope.NOTICE))
            .postBytes("/api/v1/notice/observations", "application/json", twice.getBytes(UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("line 2").contains("address").doesNotContain("Exception");
    assertThat(
            jdbc.sql("select count(*) from notice where holder_id in (?, ?)")
                .params(w.ispA().id(), w.ispB().id())
                .query(Long.class)
                .single())
        .isZero();
  }

  /**
   * Reminders go through the outbox: with the SMTP server down the first attempt fails and is kept
   * (pending, with its error); once the server is back the retry delivers it. A reminder given up
   * on is listed to platform admins on the NOTICE page, never to another organisation.
   */
  @Test
  void unansweredNotificationsAreRemindedThroughTheOutboxAfterAnSmtpFailure() throws Exception {
    World w = world();
    notices.submit(fixtures.actor(w.surveyAnalyst()), "json", null, null, csv(survey(w)));
    jdbc.sql("update notice set created_at = now() - interval '20 days' where holder_id = ?")
        .param(w.ispA().id())
        .update();
    String to = w.ispA().dutyEmail();
    MAIL.stop();
    try {
      notices.remind(Instant.now());
      assertThat(
              jdbc.sql("select reminders from notice where holder_id = ?")
                  .param(w.ispA().id())
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
      notices.remind(Instant.now());
      assertThat(
              jdbc.sql("select reminders from notice where holder_id = ?")
                  .param(w.ispA().id())
                  .query(Integer.class)
                  .single())
          .as("not again before reminder-days")
          .isEqualTo(1);
      // the sender tries, the server is down: kept for a retry, with the error
      await().atMost(Duration.ofSeconds(30)).until(() -> outboxError(w.ispA().id()) != null);
      assertThat(outboxStatus(w.ispA().id())).isEqualTo("pending");
      assertThat(mailTo(to)).isNull();
    } finally {
      MAIL.start();
    }
    // the backoff has passed (30 s after the first failure): the retry delivers
    jdbc.sql(
            "update outbox set next_attempt_at = now() where notice_reminder_id in"
                + " (select id from notice_reminder where holder_id = ?)")
        .param(w.ispA().id())
        .update();
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(to) != null);
    // the sender marks the row sent after the SMTP server has the message, so wait for that too
    // (under load the row was still pending when the message had arrived: ci43)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !"pending".equals(outboxStatus(w.ispA().id())));
    var m = mailTo(to);
    assertThat(m.getSubject()).contains("1 件");
    assertThat(m.getHeader("Message-ID")[0]).matches("<outbox-\\d+@renkei>");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m)).doesNotContain(w.net());
    assertThat(outboxStatus(w.ispA().id())).isEqualTo("sent");

    // a reminder given up on: listed to platform admins, not to another organisation's admin
    jdbc.sql(
            "update outbox set status = 'failed', last_error = 'Connection refused (test)' where"
                + " notice_reminder_id in (select id from notice_reminder where holder_id = ?)")
        .param(w.ispA().id())
        .update();
    String admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN)).get("/notice").body();
    assertThat(admin).contains("Connection refused (test)", w.ispA().code());
    String other = signedIn(fixtures.user(w.ispB(), Role.ORG_ADMIN)).get("/notice").body();
    assertThat(other).doesNotContain("Connection refused (test)").doesNotContain(w.ispA().code());
  }

  String outboxError(long holder) {
    return jdbc.sql(
            "select last_error from outbox where notice_reminder_id in"
                + " (select id from notice_reminder where holder_id = ?)")
        .param(holder)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  String outboxStatus(long holder) {
    return jdbc.sql(
            "select status from outbox where notice_reminder_id in"
                + " (select id from notice_reminder where holder_id = ?)")
        .param(holder)
        .query(String.class)
        .single();
  }

  static jakarta.mail.internet.MimeMessage mailTo(String to) throws Exception {
    for (var m : MAIL.getReceivedMessages()) {
      if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(x -> x.toString().equals(to))) {
        return m;
      }
    }
    return null;
  }
}
