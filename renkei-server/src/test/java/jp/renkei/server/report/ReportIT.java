package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditFilter;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.sharing.ModeService;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReportIT extends ServerTest {

  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired ModeService modes;

  static String content(String title, String observablesJson) {
    return "{\"title\":\""
        + title
        + "\",\"summary\":\"インターネットバンキングへの大量アクセスを検知。\","
        + "\"occurredAt\":\"2026-11-20T00:10:00Z\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
        + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"yes\","
        + "\"severity\":\"level3\",\"responseStatus\":\"遮断済み、復旧見込み 3 時間\","
        + "\"cascadePossibility\":\"unknown\",\"reportingCase\":\"case2\","
        + "\"observables\":"
        + observablesJson
        + "}";
  }

  static String report(String route, String tlp, String extra, String title) {
    return "{\"content\":"
        + content(
            title,
            "[{\"type\":\"ipv4-addr\",\"value\":\"203.0.113[.]7\"},"
                + "{\"type\":\"domain-name\",\"value\":\"c2.example.net\"}]")
        + ",\"route\":\""
        + route
        + "\",\"tlp\":\""
        + tlp
        + "\""
        + extra
        + "}";
  }

  long create(Http api, String body, boolean submit) {
    HttpResponse<String> r = api.postJson("/api/v1/reports?submit=" + submit, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  @Test
  void reportTravelsCeptoarMinistryNiscAndEachHopSeesItOnlyOnceDelivered() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var ceptoar = api(fixtures.user("c-bank", Role.ANALYST));
    var fsa = api(fixtures.user("fsa", Role.ANALYST));
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    var power = api(fixtures.user("op-inazuma-power", Role.ANALYST));
    long id = create(bank, report("ceptoar", "amber_strict", "", "IB への DDoS"), true);
    String path = "/api/v1/reports/" + id;

    assertThat(ceptoar.get(path).statusCode()).isEqualTo(200);
    assertThat(ceptoar.get("/api/v1/inbox").body()).contains("IB への DDoS");
    for (Http outsider : new Http[] {fsa, nisc, power}) {
      assertThat(outsider.get(path).statusCode()).isEqualTo(404);
      assertThat(outsider.get("/api/v1/reports?limit=200").body())
          .doesNotContain("\"id\":" + id + ",");
      assertThat(outsider.get("/api/v1/inbox").body()).doesNotContain("IB への DDoS");
    }
    assertThat(fsa.postJson(path + "/forward", "{}").statusCode()).isEqualTo(404);

    assertThat(ceptoar.postJson(path + "/forward", "{}").statusCode()).isEqualTo(200);
    assertThat(fsa.get(path).statusCode()).isEqualTo(200);
    assertThat(nisc.get(path).statusCode()).isEqualTo(404);
    assertThat(fsa.postJson(path + "/forward", "{}").statusCode()).isEqualTo(200);
    HttpResponse<String> atNisc = nisc.get(path);
    assertThat(atNisc.statusCode()).isEqualTo(200);
    assertThat(atNisc.body())
        .contains(
            "\"value\":\"203.0.113.7\"",
            "\"original\":\"203.0.113[.]7\"",
            "\"detectionToNisc\":\"PT");
    assertThat(power.get(path).statusCode()).isEqualTo(404);
    assertThat(nisc.postJson(path + "/forward", "{}").statusCode()).isEqualTo(409);

    assertThat(
            audit.search(
                Actor.cli(), new AuditFilter("report.read", null, null, null, null, null, 50)))
        .anySatisfy(e -> assertThat(e.targetId()).isEqualTo(String.valueOf(id)));
  }

  @Test
  void amberReachesTheCeptoarsMembersButAmberStrictDoesNot() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var otherBank = api(fixtures.user("op-midori-shinkin", Role.MEMBER));
    long amber = create(bank, report("ceptoar", "amber", "", "AMBER 共有"), true);
    long strict = create(bank, report("ceptoar", "amber_strict", "", "STRICT 共有"), true);
    assertThat(otherBank.get("/api/v1/reports/" + amber).statusCode()).isEqualTo(200);
    assertThat(otherBank.get("/api/v1/reports/" + strict).statusCode()).isEqualTo(404);
  }

  @Test
  void draftsAreTheOriginatorsAloneEvenWhenGreen() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var colleague = api(fixtures.user("op-sakura-bank", Role.MEMBER));
    var nisc = api(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    long id = create(bank, report("hotline", "green", "", "下書き GREEN"), false);
    assertThat(colleague.get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
    assertThat(nisc.get("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
    assertThat(nisc.get("/api/v1/reports?limit=200").body()).doesNotContain("下書き GREEN");
    assertThat(bank.postJson("/api/v1/reports/" + id + "/submit", "").statusCode()).isEqualTo(200);
    assertThat(nisc.get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void aHopMayNarrowButNotWidenAndNarrowingRemovesReaders() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var ceptoar = api(fixtures.user("c-bank", Role.ANALYST));
    var otherBank = api(fixtures.user("op-midori-shinkin", Role.MEMBER));
    long id = create(bank, report("ceptoar", "amber", "", "狭める"), true);
    String path = "/api/v1/reports/" + id;
    HttpResponse<String> widen = ceptoar.postJson(path + "/forward", "{\"tlp\":\"green\"}");
    assertThat(widen.statusCode()).isEqualTo(400);
    assertThat(widen.body()).contains("\"field\":\"tlp\"");
    assertThat(
            jdbc.sql("select tlp from report where id = ?").param(id).query(String.class).single())
        .isEqualTo("amber");
    assertThat(otherBank.get(path).statusCode()).isEqualTo(200);
    assertThat(ceptoar.postJson(path + "/forward", "{\"tlp\":\"amber_strict\"}").statusCode())
        .isEqualTo(200);
    assertThat(otherBank.get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void theExcludedSupervisoryMinistryNeverSeesAHotlineReport() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var fsa = api(fixtures.user("fsa", Role.PLATFORM_ADMIN));
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    long id =
        create(
            bank, report("hotline", "green", ",\"excludeSupervisoryMinistry\":true", "除外"), true);
    assertThat(nisc.get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
    assertThat(fsa.get("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
    assertThat(fsa.get("/api/v1/reports?limit=200").body()).doesNotContain("\"id\":" + id + ",");
    HttpResponse<String> viaCeptoar =
        bank.postJson(
            "/api/v1/reports",
            report("ceptoar", "green", ",\"excludeSupervisoryMinistry\":true", "x"));
    assertThat(viaCeptoar.body()).contains("\"field\":\"excludeSupervisoryMinistry\"");
  }

  @Test
  void greenReachesIncidentResponseOnlyInLargeScaleMode() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var police = api(fixtures.user("npa", Role.ANALYST));
    long id = create(bank, report("hotline", "green", "", "広域"), true);
    assertThat(police.get("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
    modes.switchTo(Actor.cli(), "large_scale", "test");
    try {
      assertThat(police.get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
    } finally {
      modes.switchTo(Actor.cli(), "normal", "test done");
    }
    assertThat(police.get("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyTheOriginatorAddsVersionsAndTheFinalReportCloses() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    var ceptoar = api(fixtures.user("c-bank", Role.ANALYST));
    var power = api(fixtures.user("op-inazuma-power", Role.ANALYST));
    long id = create(bank, report("ceptoar", "amber", "", "第一報"), true);
    String path = "/api/v1/reports/" + id + "/versions";
    String followup = "{\"kind\":\"followup\",\"content\":" + content("続報", "[]") + "}";
    assertThat(ceptoar.postJson(path, followup).statusCode()).isEqualTo(403);
    assertThat(power.postJson(path, followup).statusCode()).isEqualTo(404);
    assertThat(bank.postJson(path, followup).statusCode()).isEqualTo(200);
    String fin = "{\"kind\":\"final\",\"content\":" + content("最終報", "[]") + "}";
    HttpResponse<String> closed = bank.postJson(path, fin);
    assertThat(closed.body())
        .contains(
            "\"status\":\"closed\"",
            "\"kind\":\"first\"",
            "\"kind\":\"followup\"",
            "\"kind\":\"final\"");
    assertThat(bank.postJson(path, followup).statusCode()).isEqualTo(409);
    assertThat(ceptoar.get("/api/v1/reports/" + id).body()).contains("最終報");
  }

  @Test
  void badInputSaysWhichFieldAndStoresNothing() {
    var bank = api(fixtures.user("op-sakura-bank", Role.ANALYST));
    int before = jdbc.sql("select count(*) from report").query(Integer.class).single();
    HttpResponse<String> badObservable =
        bank.postJson(
            "/api/v1/reports",
            "{\"content\":"
                + content(
                    "x",
                    "[{\"type\":\"domain-name\",\"value\":\"ok.example\"},{\"type\":\"ipv4-addr\",\"value\":\"999.1.1.1\"}]")
                + ",\"route\":\"hotline\",\"tlp\":\"amber\"}");
    assertThat(badObservable.statusCode()).isEqualTo(400);
    assertThat(badObservable.body()).contains("\"field\":\"observables[1]\"", "999.1.1.1");
    HttpResponse<String> badCause =
        bank.postJson(
            "/api/v1/reports",
            report("hotline", "amber", "", "x").replace("\"ddos\"", "\"aliens\""));
    assertThat(badCause.body()).contains("\"field\":\"causes\"", "aliens");
    HttpResponse<String> badTlp =
        bank.postJson("/api/v1/reports", report("hotline", "purple", "", "x"));
    assertThat(badTlp.body()).contains("\"field\":\"tlp\"");
    HttpResponse<String> red = bank.postJson("/api/v1/reports", report("hotline", "red", "", "x"));
    assertThat(red.body()).contains("\"field\":\"recipientLogins\"");
    HttpResponse<String> anonymise =
        bank.postJson("/api/v1/reports", report("hotline", "amber", ",\"anonymise\":true", "x"));
    assertThat(anonymise.body()).contains("\"field\":\"anonymise\"");
    var member = api(fixtures.user("op-sakura-bank", Role.MEMBER));
    assertThat(member.postJson("/api/v1/reports", report("hotline", "amber", "", "x")).statusCode())
        .isEqualTo(403);
    var ministry = api(fixtures.user("fsa", Role.ANALYST));
    assertThat(
            ministry.postJson("/api/v1/reports", report("hotline", "amber", "", "x")).statusCode())
        .isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from report").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  void redReachesOnlyTheNamedPeople() {
    var bankUser = fixtures.user("op-sakura-bank", Role.ANALYST);
    var named = fixtures.user("nisc", Role.ANALYST);
    var notNamed = api(fixtures.user("nisc", Role.ANALYST));
    long id =
        create(
            api(bankUser),
            report("hotline", "red", ",\"recipientLogins\":[\"" + named.login() + "\"]", "RED"),
            true);
    assertThat(api(named).get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
    assertThat(notNamed.get("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
  }
}
