package jp.renkei.server.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * What the audit log used to miss — exposure sharing, reads of another organisation's findings,
 * monitored sites' registrations and changes, destinations the address policy refused — is
 * recorded, named in the reader's words, and shown only within its audience: another organisation's
 * admin never sees any of it.
 */
class AuditGapsIT extends ServerTest {

  static final String INVENTORY =
      """
      kind,value,port,protocol,product,version,cpe,purl,owner,criticality,public
      service,www.audit-gap.example,443,tcp,Apache httpd,,cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*,,Web,high,yes
      """;

  Http signedIn(UserAccount u) {
    Http h = http();
    HttpResponse<String> in = h.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(in.statusCode()).as(in.body()).isLessThan(400);
    return h;
  }

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  /** The audit as one viewer gets it: the API's JSON and the page's HTML (Japanese), together. */
  String seenBy(UserAccount viewer, String query) {
    HttpResponse<String> json = api(viewer).get("/api/v1/audit?limit=500&" + query);
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    HttpResponse<String> page = signedIn(viewer).get("/admin/audit?size=100&" + query);
    assertThat(page.statusCode()).isEqualTo(200);
    return json.body() + "\n" + page.body();
  }

  static String trace(String type, Object id) {
    return "data-target=\"" + type + ":" + id + "\"";
  }

  @Test
  void exposureSharingAndReadsOfSharedFindingsAreAuditedWithinTheirAudience() {
    Organisation bank = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    UserAccount bankAdmin = fixtures.user(bank, Role.ORG_ADMIN);
    Http own = signedIn(analyst);
    HttpResponse<String> imported =
        own.uploadWith(
            "/exposure",
            "/exposure/inventory",
            "file",
            "inventory.csv",
            INVENTORY.getBytes(UTF_8),
            Map.of("format", "csv"));
    assertThat(imported.body()).contains("id=\"import-ok\"");
    assertThat(own.postForm("/exposure", "/exposure/sharing", Map.of("share", "true")).statusCode())
        .isLessThan(400);

    // a NISC analyst reads the bank's findings, the list and one finding
    UserAccount niscAnalyst = fixtures.user("nisc", Role.ANALYST);
    Http nisc = signedIn(niscAnalyst);
    String list = nisc.get("/exposure/organisations/" + bank.id()).body();
    Matcher finding = Pattern.compile("/exposure/findings/(\\d+)").matcher(list);
    assertThat(finding.find()).as(list).isTrue();
    long findingId = Long.parseLong(finding.group(1));
    assertThat(nisc.get("/exposure/findings/" + findingId).statusCode()).isEqualTo(200);

    // the bank declares an address scope: its admin sees the entry (it was hidden from everyone)
    HttpResponse<String> scope =
        api(analyst)
            .postJson(
                "/api/v1/exposure/scope",
                "{\"kind\":\"domain\",\"value\":\"" + Fixtures.unique("gap") + ".example\"}");
    assertThat(scope.statusCode()).as(scope.body()).isEqualTo(200);
    Matcher scopeId = Pattern.compile("\"id\":(\\d+)").matcher(scope.body());
    assertThat(scopeId.find()).as(scope.body()).isTrue();
    assertThat(seenBy(bankAdmin, "action=scope."))
        .contains(trace("exposure_scope", scopeId.group(1)))
        .contains("調査範囲を申告");

    // the bank's admin sees its sharing change, in words
    String bankSees = seenBy(bankAdmin, "action=exposure.");
    assertThat(bankSees)
        .contains("\"action\":\"exposure.share\"")
        .contains("none -> nisc+ministry+ceptoars")
        .contains("検出結果の共有先を変更");
    // NISC's admin sees its analyst's reads while the bank shares with NISC
    UserAccount niscAdmin = fixtures.user("nisc", Role.ORG_ADMIN);
    String niscSees = seenBy(niscAdmin, "action=exposure.");
    assertThat(niscSees)
        .contains(trace("exposure_findings", bank.id()))
        .contains(trace("exposure_finding", findingId))
        .contains("他組織の検出結果を閲覧");

    // another organisation's admin sees none of it
    for (UserAccount other :
        List.of(
            fixtures.user("op-midori-shinkin", Role.ORG_ADMIN),
            fixtures.user("meti", Role.ORG_ADMIN))) {
      String seen = seenBy(other, "action=exposure.") + seenBy(other, "");
      assertThat(seen)
          .doesNotContain(trace("exposure_findings", bank.id()))
          .doesNotContain(trace("exposure_finding", findingId))
          .doesNotContain(trace("organisation", bank.id()))
          .doesNotContain(trace("exposure_scope", scopeId.group(1)))
          .doesNotContain(analyst.login())
          .doesNotContain(niscAnalyst.login());
    }

    // once the bank stops sharing, NISC's admin no longer sees the reads; the bank's admin sees
    // the change
    assertThat(
            own.postForm("/exposure", "/exposure/sharing", Map.of("share", "false")).statusCode())
        .isLessThan(400);
    assertThat(seenBy(niscAdmin, "action=exposure."))
        .doesNotContain(trace("exposure_findings", bank.id()))
        .doesNotContain(trace("exposure_finding", findingId));
    assertThat(seenBy(bankAdmin, "action=exposure.share"))
        .contains("nisc+ministry+ceptoars -> none");
  }

  @Test
  void monitoredSiteChangesAreAuditedForTheSitesOwnOrganisationOnly() {
    Organisation water = fixtures.operator("water");
    UserAccount analyst = fixtures.user(water, Role.ANALYST);
    UserAccount admin = fixtures.user(water, Role.ORG_ADMIN);
    Http h = api(analyst);
    String site =
        "{\"name\":\""
            + Fixtures.unique("site")
            + "\",\"url\":\"http://127.0.0.1:9/audit-gap\",\"expectedStatus\":200,"
            + "\"intervalSeconds\":60,\"stateTlp\":\"green\",\"detailTlp\":\"amber_strict\","
            + "\"enabled\":true}";
    HttpResponse<String> created = h.postJson("/api/v1/monitor/sites", site);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(h.putJson(location.replaceFirst("^https?://[^/]+", ""), site).statusCode())
        .isEqualTo(200);

    String ownSees = seenBy(admin, "action=monitor.site");
    assertThat(ownSees)
        .contains(trace("monitor_site", id))
        .contains("監視サイトを登録")
        .contains("監視サイトの設定を変更");

    // the list's text filter finds an entry by the words it shows
    String byWords =
        signedIn(admin)
            .get("/admin/audit?q=" + java.net.URLEncoder.encode("監視サイトの設定を変更", UTF_8))
            .body();
    assertThat(byWords).contains(trace("monitor_site", id)).doesNotContain("監視サイトを登録</span>");

    UserAccount platform = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    for (UserAccount other :
        List.of(fixtures.user("op-midori-shinkin", Role.ORG_ADMIN), platform)) {
      assertThat(seenBy(other, "action=monitor.site") + seenBy(other, ""))
          .doesNotContain(trace("monitor_site", id))
          .doesNotContain("127.0.0.1:9/audit-gap");
    }

    // deleted, its entries stay with its own organisation
    assertThat(h.delete("/api/v1/monitor/sites/" + id).statusCode()).isLessThan(300);
    assertThat(seenBy(admin, "action=monitor.site"))
        .contains(trace("monitor_site", id))
        .contains("\"action\":\"monitor.site.delete\"");
    assertThat(seenBy(platform, "action=monitor.site")).doesNotContain(trace("monitor_site", id));
  }

  @Test
  void refusedOutboundDestinationsAreAuditedWithoutTheirSecretsAndStayInTheirOrganisation() {
    Organisation port = fixtures.operator("port");
    UserAccount analyst = fixtures.user(port, Role.ANALYST);
    UserAccount admin = fixtures.user(port, Role.ORG_ADMIN);
    String refused = "https://user:s3cret-pw@127.0.0.2:8443/hook?token=t0ken-value";
    HttpResponse<String> site =
        api(analyst)
            .postJson(
                "/api/v1/monitor/sites",
                "{\"name\":\"refused\",\"url\":\""
                    + refused
                    + "\",\"expectedStatus\":200,\"intervalSeconds\":60,"
                    + "\"stateTlp\":\"green\",\"detailTlp\":\"amber_strict\",\"enabled\":true}");
    assertThat(site.statusCode()).as(site.body()).isBetween(400, 499);
    HttpResponse<String> webhook =
        api(admin)
            .putJson(
                "/api/v1/organisations/" + port.id() + "/delivery",
                "{\"webhookUrl\":\"https://10.20.30.40/hook?token=t0ken-value\"}");
    assertThat(webhook.statusCode()).as(webhook.body()).isBetween(400, 499);

    String ownSees = seenBy(admin, "action=outbound.");
    assertThat(ownSees)
        .contains("data-target=\"outbound:monitor\"")
        .contains("data-target=\"outbound:webhook\"")
        .contains("https://127.0.0.2:8443")
        .contains("https://10.20.30.40")
        .contains("外部への接続先を拒否")
        .doesNotContain("s3cret-pw")
        .doesNotContain("t0ken-value");

    // a platform admin's feed whose API root the policy refuses
    UserAccount platform = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    HttpResponse<String> feed =
        api(platform)
            .postJson(
                "/api/v1/feeds",
                "{\"name\":\"refused\",\"apiRoot\":\"http://127.0.0.3:8080/taxii2/?key=t0ken-value\","
                    + "\"remoteCollection\":\"c\",\"authKind\":\"none\",\"localCollection\":\"x\"}");
    assertThat(feed.statusCode()).as(feed.body()).isBetween(400, 499);
    assertThat(seenBy(platform, "action=outbound."))
        .contains("data-target=\"outbound:feed\"")
        .contains("http://127.0.0.3:8080")
        .doesNotContain("t0ken-value");

    for (UserAccount other :
        List.of(
            fixtures.user("op-midori-shinkin", Role.ORG_ADMIN),
            fixtures.user("meti", Role.ORG_ADMIN))) {
      assertThat(seenBy(other, "action=outbound.") + seenBy(other, ""))
          .doesNotContain("127.0.0.3:8080")
          .doesNotContain("127.0.0.2:8443")
          .doesNotContain("10.20.30.40")
          .doesNotContain(analyst.login());
    }
  }
}
