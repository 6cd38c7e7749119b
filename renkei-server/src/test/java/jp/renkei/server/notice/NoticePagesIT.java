package jp.renkei.server.notice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exposure.discovery.ScopeService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The NOTICE, scope and discovery pages as their users and as an adversary: the list pages the
 * database (no cap: 2,100 notifications page to the end, the API's total says 2,100), a
 * notification's detail and outcome form answer another ISP exactly as an id that never existed
 * (and so do its neighbouring ids), another ISP's ranges by id are "not found" like an unknown id,
 * no count of one ISP's notifications reaches another, uploads list every bad row with its line and
 * field, and another organisation cannot verify, confirm or decide anything of the owner's scope
 * and discovery.
 */
class NoticePagesIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired NoticeService notices;
  @Autowired ScopeService scopes;
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

  Http signedIn(UserAccount u) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(UTF_8));
  }

  /**
   * A 404 page with the asked id and per-request tokens taken out; the status the page shows is
   * kept apart first (an id that is 404 itself took it out of one page of the pair only).
   */
  static String normalised(HttpResponse<String> r, String id) {
    assertThat(r.statusCode()).isEqualTo(404);
    String status = "<span class=\"status\">404</span>";
    return r.body()
        .replace(status, "STATUS")
        .replace(id, "X")
        .replace("STATUS", status)
        .replaceAll("value=\"[^\"]{20,}\"", "value=\"T\"")
        .replaceAll("nonce=\"[^\"]+\"", "nonce=\"N\"");
  }

  @Test
  void holdersPagesAndAnAdversaryIsp() {
    Organisation ispA = org("cyber_business", null);
    Organisation ispB = org("cyber_business", null);
    Organisation surveyor = org("security_agency", null);
    int n = (int) (Math.abs(System.nanoTime()) % 200) + 20;
    String netA = "172.16." + n + ".0/24";
    notices.importRanges(
        Actor.cli(),
        bytes(
            "isp,cidr\n"
                + ispA.code()
                + ","
                + netA
                + "\n"
                + ispB.code()
                + ",172.17."
                + n
                + ".0/24\n"));
    notices.addReporter(Actor.cli(), surveyor.code(), "survey");
    UserAccount a = fixtures.user(ispA, Role.ANALYST);
    UserAccount b = fixtures.user(ispB, Role.ANALYST);
    UserAccount s = fixtures.user(surveyor, Role.ANALYST);

    // the surveyor uploads from the page: a bad file lists each problem with line and field
    Http sh = signedIn(s);
    HttpResponse<String> bad =
        sh.upload(
            "/notice/submissions",
            "/notice/submissions",
            "file",
            "bad.csv",
            ("address,port,protocol,observed_at,observation\n"
                    + "172.16."
                    + n
                    + ".9,70000,tcp,2026-10-03T10:00:00+09:00,telnet\n"
                    + "999.1.1.1,23,tcp,2026-10-03T10:00:00+09:00,telnet\n")
                .getBytes(UTF_8));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("line 2", "port", "line 3", "address");
    HttpResponse<String> good =
        sh.uploadWith(
            "/notice/submissions",
            "/notice/submissions",
            "file",
            "ok.csv",
            ("address,port,protocol,observed_at,observation\n"
                    + "172.16."
                    + n
                    + ".9,23,tcp,2026-10-03T10:00:00+09:00,telnet: 初期パスワードでログイン可能\n"
                    + "172.17."
                    + n
                    + ".9,23,tcp,2026-10-03T10:00:00+09:00,telnet\n")
                .getBytes(UTF_8),
            Map.of("surveyed", "500", "label", "ページからの提出"));
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).contains("id=\"notice-submitted\"").contains("ページからの提出");
    // an organisation that is not a reporter is told so, and nothing is stored
    HttpResponse<String> notReporter =
        signedIn(b)
            .upload(
                "/notice/submissions",
                "/notice/submissions",
                "file",
                "x.csv",
                ("address,port,protocol,observed_at,observation\n172.16."
                        + n
                        + ".10,23,tcp,2026-10-03T10:00:00+09:00,telnet\n")
                    .getBytes(UTF_8));
    assertThat(notReporter.statusCode()).isEqualTo(403);

    // 2,100 more notifications for A: the list and the API page through all of them
    long survey =
        jdbc.sql("select id from notice_survey where reporter_id = ? and label = ?")
            .params(surveyor.id(), "ページからの提出")
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into notice (survey_id, holder_id, holder_kind, matched_range, address, port,"
                + " protocol, observed_at, observation, month) select ?, ?, 'isp', ?, '172.16."
                + n
                + ".' || (g % 250 + 1), 23, 'tcp', now() - g * interval '1 minute', 'bulk ' || g,"
                + " date '2026-10-01' from generate_series(1, 2100) g")
        .params(survey, ispA.id(), netA)
        .update();
    Http ah = signedIn(a);
    HttpResponse<String> last = ah.get("/notice?size=100&page=22&sort=observed&dir=desc");
    assertThat(last.statusCode()).isEqualTo(200);
    assertThat(last.body())
        .contains("2,101")
        .contains("id=\"page-prev\"")
        .doesNotContain("id=\"page-next\"");
    assertThat(last.body()).contains("初期パスワード").doesNotContain("bulk ");
    assertThat(ah.get("/notice?size=100&page=21&sort=observed&dir=desc").body())
        .contains("bulk 2100");
    Http aApi = http().bearer(fixtures.token(a, EnumSet.of(TokenScope.READ)));
    HttpResponse<String> apiPage = aApi.get("/api/v1/notice/notices?page=2&size=1000");
    assertThat(apiPage.headers().firstValue("X-Total-Count")).hasValue("2101");
    assertThat(aApi.get("/api/v1/notice/notices?page=3&size=1000").body()).contains("\"id\"");
    assertThat(aApi.get("/api/v1/notice/notices?size=0").statusCode()).isEqualTo(400);
    // filters: the open ones with "telnet" in them
    assertThat(ah.get("/notice?state=open&q=telnet").body())
        .contains("初期パスワード")
        .doesNotContain("bulk 5");
    assertThat(ah.get("/notice?state=nonsense").statusCode()).isEqualTo(400);

    // A's notification: A sees the evidence and answers through the form
    long id =
        jdbc.sql("select id from notice where holder_id = ? and observation like 'telnet:%'")
            .param(ispA.id())
            .query(Long.class)
            .single();
    String detail = ah.get("/notice/" + id).body();
    assertThat(detail).contains("初期パスワードでログイン可能", netA, "id=\"notice-outcome-form\"");
    HttpResponse<String> badOutcome =
        ah.postForm(
            "/notice/" + id,
            "/notice/" + id + "/outcome",
            Map.of("outcome", "fixed?", "warnedHow", "pigeon"));
    assertThat(badOutcome.statusCode()).isEqualTo(400);
    assertThat(badOutcome.body()).contains("pigeon", "fixed?");
    assertThat(
            ah.postForm(
                    "/notice/" + id,
                    "/notice/" + id + "/outcome",
                    Map.of("outcome", "remediated", "warnedHow", "email", "warnedOn", "2026-10-10"))
                .statusCode())
        .isEqualTo(302);

    // the adversary, ISP B: A's id, its neighbours and an id that never existed look the same
    Http bh = signedIn(b);
    String never = "9" + id;
    String expected = normalised(bh.get("/notice/" + never), never);
    for (long probe : List.of(id, id - 1, id + 1)) {
      assertThat(normalised(bh.get("/notice/" + probe), String.valueOf(probe))).isEqualTo(expected);
    }
    HttpResponse<String> steal =
        bh.postForm("/notice", "/notice/" + id + "/outcome", Map.of("outcome", "not_applicable"));
    assertThat(steal.statusCode()).isEqualTo(404);
    assertThat(
            jdbc.sql("select outcome from notice where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("remediated");
    // no count of A's: B's list holds its one notification, and nothing of A's address range
    String bList = bh.get("/notice").body();
    assertThat(bList).doesNotContain("2,101").doesNotContain("172.16." + n + ".");
    assertThat(bList).contains("172.17." + n + ".9");

    // ranges: each ISP its own; another's by id is "not found" like an unknown id
    String bRanges = bh.get("/notice/ranges").body();
    assertThat(bRanges).contains("172.17." + n + ".0/24").doesNotContain(netA);
    assertThat(normalised(bh.get("/notice/ranges?isp=" + ispA.id()), String.valueOf(ispA.id())))
        .isEqualTo(normalised(bh.get("/notice/ranges?isp=" + never), never));
    assertThat(bh.get("/notice/ranges?isp=" + ispB.id()).statusCode()).isEqualTo(200);
    // a platform admin sees every ISP's and imports; a bad row is named with line and field
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    assertThat(admin.get("/notice/ranges").body()).contains(netA, "172.17." + n + ".0/24");
    HttpResponse<String> badRanges =
        admin.upload(
            "/notice/ranges",
            "/notice/ranges",
            "file",
            "ranges.csv",
            ("isp,cidr\n" + ispA.code() + ",172.16." + n + ".1/24\n").getBytes(UTF_8));
    assertThat(badRanges.statusCode()).isEqualTo(400);
    assertThat(badRanges.body()).contains("line 2", "cidr", "host bits");
    // an ISP cannot import
    assertThat(
            bh.upload(
                    "/notice/ranges",
                    "/notice/ranges",
                    "file",
                    "r.csv",
                    ("isp,cidr\n" + ispB.code() + ",10.0.0.0/8\n").getBytes(UTF_8))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void scopeAndDiscoveryPagesKeepToTheirOwner() {
    Organisation owner = fixtures.operator("ict");
    UserAccount analyst = fixtures.user(owner, Role.ANALYST);
    Http oh = signedIn(analyst);
    String domain = Fixtures.unique("p").toLowerCase() + ".example";
    assertThat(
            oh.postForm(
                    "/exposure/scope", "/exposure/scope", Map.of("kind", "domain", "value", domain))
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> badDecl =
        oh.postForm(
            "/exposure/scope", "/exposure/scope", Map.of("kind", "range", "value", "10.0.0.1/8"));
    assertThat(badDecl.statusCode()).isEqualTo(400);
    assertThat(badDecl.body()).contains("host bits set", "10.0.0.0/8");
    // what was typed stays in the form (walk13: the refused value was gone)
    assertThat(badDecl.body())
        .contains("value=\"10.0.0.1/8\"")
        .containsPattern("value=\"range\"[^>]*selected");
    String page = oh.get("/exposure/scope").body();
    assertThat(page).contains("_renkei-challenge." + domain, "renkei-verification=");
    ScopeService.ScopeRow row =
        scopes.list(fixtures.actor(analyst), owner.id()).stream()
            .filter(r -> r.value().equals(domain))
            .findFirst()
            .orElseThrow();
    // a range cannot be verified by DNS: the page says so (no resolver is asked)
    oh.postForm(
        "/exposure/scope", "/exposure/scope", Map.of("kind", "range", "value", "192.0.2.16/28"));
    long rangeId =
        scopes.list(fixtures.actor(analyst), owner.id()).stream()
            .filter(r -> r.value().equals("192.0.2.16/28"))
            .findFirst()
            .orElseThrow()
            .id();
    HttpResponse<String> byDns =
        oh.postForm("/exposure/scope", "/exposure/scope/" + rangeId + "/verify", Map.of());
    assertThat(byDns.statusCode()).isEqualTo(400);
    assertThat(byDns.body()).contains("プラットフォーム管理者の確認が必要です");

    // the adversary: another operator's analyst
    UserAccount other = fixtures.user(fixtures.operator("ict"), Role.ANALYST);
    Http xh = signedIn(other);
    assertThat(xh.get("/exposure/scope").body()).doesNotContain(domain);
    String never = "9" + row.id();
    String expected =
        normalised(
            xh.postForm("/exposure/scope", "/exposure/scope/" + never + "/verify", Map.of()),
            never);
    assertThat(
            normalised(
                xh.postForm("/exposure/scope", "/exposure/scope/" + row.id() + "/verify", Map.of()),
                String.valueOf(row.id())))
        .isEqualTo(expected);
    assertThat(
            xh.postForm("/exposure/scope", "/exposure/scope/" + row.id() + "/confirm", Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(xh.get("/exposure/scope").body()).doesNotContain("scope-queue");

    // a platform admin confirms it from the queue
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    assertThat(admin.get("/exposure/scope").body()).contains("scope-queue", domain);
    assertThat(
            admin
                .postForm("/exposure/scope", "/exposure/scope/" + row.id() + "/confirm", Map.of())
                .statusCode())
        .isEqualTo(302);
    assertThat(oh.get("/exposure/scope").body()).doesNotContain("scope-verify-" + row.id());

    // discovery: a run started from the page is listed (an enumeration: no range verified, no
    // host known yet, so nothing is probed and no resolver asked)
    assertThat(
            oh.postForm(
                    "/exposure/discovery",
                    "/exposure/discovery/runs",
                    Map.of("kind", "enumeration"))
                .statusCode())
        .isEqualTo(302);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !oh.get("/exposure/discovery").body().contains("id=\"discovery-no-runs\""));
    long asset =
        jdbc.sql(
                "insert into discovery_asset (organisation_id, kind, value, port, facts)"
                    + " values (?, 'host', ?, 0, '{}') returning id")
            .params(owner.id(), "www." + domain)
            .query(Long.class)
            .single();
    // the run's times in Japan time, as every page writes them (they were UTC without a zone)
    assertThat(oh.get("/exposure/discovery").body())
        .containsPattern("<td>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} JST</td>");
    assertThat(oh.get("/exposure/discovery").body()).contains("www." + domain);
    assertThat(xh.get("/exposure/discovery").body()).doesNotContain(domain);
    String neverAsset = "9" + asset;
    assertThat(
            normalised(
                xh.postForm(
                    "/exposure/discovery", "/exposure/discovered/" + asset + "/dismiss", Map.of()),
                String.valueOf(asset)))
        .isEqualTo(
            normalised(
                xh.postForm(
                    "/exposure/discovery",
                    "/exposure/discovered/" + neverAsset + "/dismiss",
                    Map.of()),
                neverAsset));
    assertThat(
            oh.postForm(
                    "/exposure/discovery", "/exposure/discovered/" + asset + "/confirm", Map.of())
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select state from discovery_asset where id = ?")
                .param(asset)
                .query(String.class)
                .single())
        .isEqualTo("confirmed");
  }
}
