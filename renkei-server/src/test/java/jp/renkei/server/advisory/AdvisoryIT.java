package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AdvisoryIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  WebhookReceiver receiver;

  @BeforeEach
  void webhookReceiver() throws Exception {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  static long id(HttpResponse<String> r) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String advisory(String title, String tlp, String audience) {
    return "{\"title\":\""
        + title
        + "\",\"body\":\"金融機関を狙うフィッシングが増加しています。\","
        + "\"actions\":\"該当ドメインへの通信を遮断してください。\",\"observables\":[\"login-ib.example[.]com\","
        + "\"ipv4-addr 203.0.113.50\"],\"tlp\":\""
        + tlp
        + "\","
        + audience
        + "}";
  }

  @Autowired jp.renkei.server.sharing.ModeService modes;

  @Test
  void anAdvisoryToAllReachesTheAgenciesOfLargeScaleModeOnlyInThatMode() {
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    var police = api(fixtures.user("npa", Role.ANALYST));
    assertThat(modes.current()).isEqualTo(jp.renkei.engine.policy.SystemMode.NORMAL);
    String title = "全重要インフラ向け " + jp.renkei.server.support.Fixtures.unique("t");
    long normal = id(nisc.postJson("/api/v1/advisories", advisory(title, "amber", "\"all\":true")));
    // in normal mode the police are not among "all critical infrastructure"
    assertThat(police.get("/api/v1/advisories/" + normal).statusCode()).isEqualTo(404);
    assertThat(police.get("/api/v1/advisories/inbox").body()).doesNotContain(title);
    modes.switchTo(jp.renkei.server.audit.Actor.cli(), "large_scale", "test");
    try {
      String urgent = "大規模障害 " + jp.renkei.server.support.Fixtures.unique("t");
      long large =
          id(nisc.postJson("/api/v1/advisories", advisory(urgent, "amber", "\"all\":true")));
      assertThat(police.get("/api/v1/advisories/" + large).statusCode()).isEqualTo(200);
      assertThat(police.get("/api/v1/advisories/inbox").body()).contains(urgent);
    } finally {
      modes.switchTo(jp.renkei.server.audit.Actor.cli(), "normal", "test cleanup");
    }
  }

  @Test
  void fansOutToTheSectorsMinistryCeptoarsAndOperatorsByInboxMailAndSignedWebhook()
      throws Exception {
    Organisation bank = fixtures.operator("finance");
    Organisation other = fixtures.operator("finance");
    String duty = "duty-" + bank.code() + "@bank.example";
    directory.setDelivery(Actor.cli(), bank.id(), duty, null);
    String secret =
        directory
            .setDelivery(Actor.cli(), other.id(), null, receiver.url("/hook"))
            .newWebhookSecret();
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    String title = "フィッシング注意 " + bank.code();
    long id =
        id(
            nisc.postJson(
                "/api/v1/advisories", advisory(title, "amber", "\"sectors\":[\"finance\"]")));

    var bankMember = api(fixtures.user(bank, Role.MEMBER));
    var fsa = api(fixtures.user("fsa", Role.MEMBER));
    var ceptoar = api(fixtures.user("c-securities", Role.MEMBER));
    var power = api(fixtures.user("op-inazuma-power", Role.ANALYST));
    for (Http recipient : new Http[] {bankMember, fsa, ceptoar}) {
      assertThat(recipient.get("/api/v1/advisories/" + id).statusCode()).isEqualTo(200);
      assertThat(recipient.get("/api/v1/advisories/inbox").body()).contains(title);
    }
    assertThat(power.get("/api/v1/advisories/" + id).statusCode()).isEqualTo(404);
    assertThat(power.get("/api/v1/advisories").body()).doesNotContain(title);
    assertThat(power.get("/api/v1/advisories/inbox").body()).doesNotContain(title);

    await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(duty) != null);
    MimeMessage mail = mailTo(duty);
    assertThat(mail.getSubject()).contains("[TLP:AMBER]", "【情報提供】", title);
    assertThat(mail.getHeader("Message-ID")[0]).matches("<outbox-\\d+@renkei>");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).isNotEmpty();

    await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.requests().isEmpty());
    WebhookReceiver.Request hook = receiver.requests().get(0);
    assertThat(hook.body()).contains("\"advisory.delivered\"", title, "login-ib.example.com");
    String[] sig = hook.signature().split(",");
    String expected =
        jp.renkei.server.outbound.SignedWebhooks.sign(
            secret, sig[0].substring(2) + "." + hook.body());
    assertThat(sig[1]).isEqualTo("v1=" + expected);

    // reach: the issuer sees who has confirmed, per level
    assertThat(bankMember.postJson("/api/v1/advisories/" + id + "/acknowledge", "").statusCode())
        .isEqualTo(200);
    String reach = nisc.get("/api/v1/advisories/" + id).body();
    assertThat(reach)
        .contains(
            "\"level\":\"ministry\"",
            "\"level\":\"ceptoar\"",
            "\"level\":\"operator\"",
            "\"notConfirmed\"")
        .contains(other.nameJa())
        .doesNotContain("\"organisationName\":\"" + bank.nameJa() + "\"");
    assertThat(bankMember.get("/api/v1/advisories/" + id).body())
        .doesNotContain("notConfirmed")
        .contains("\"acknowledgedAt\"");
    assertThat(power.postJson("/api/v1/advisories/" + id + "/acknowledge", "").statusCode())
        .isEqualTo(404);

    // reminders go to the unconfirmed only
    HttpResponse<String> reminded = nisc.postJson("/api/v1/advisories/" + id + "/remind", "");
    assertThat(reminded.body()).matches(".*\"reminded\":\\d+.*");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> receiver.accepted().stream().anyMatch(b -> b.contains("advisory.reminder")));
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox where advisory_id = ? and purpose = 'reminder' and organisation_id = ?")
                .params(id, bank.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void versionsFormOneThreadAndANewVersionAsksForAFreshConfirmation() {
    Organisation bank = fixtures.operator("finance");
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    long id =
        id(
            nisc.postJson(
                "/api/v1/advisories",
                advisory("スレッド", "green", "\"organisations\":[\"" + bank.code() + "\"]")));
    var member = api(fixtures.user(bank, Role.MEMBER));
    member.postJson("/api/v1/advisories/" + id + "/acknowledge", "");
    assertThat(member.get("/api/v1/advisories/" + id).body()).contains("\"acknowledgedAt\"");
    String correction =
        "{\"kind\":\"correction\",\"title\":\"スレッド (訂正)\",\"body\":\"IP アドレスを訂正します。\"}";
    assertThat(nisc.postJson("/api/v1/advisories/" + id + "/versions", correction).body())
        .contains("\"kind\":\"correction\"", "\"kind\":\"initial\"");
    assertThat(member.get("/api/v1/advisories/" + id).body())
        .doesNotContain("\"acknowledgedAt\"")
        .contains("\"version\":2");
    var bankAnalyst = api(fixtures.user(bank, Role.ANALYST));
    assertThat(
            bankAnalyst.postJson("/api/v1/advisories/" + id + "/versions", correction).statusCode())
        .isEqualTo(403);
    String withdrawal = "{\"kind\":\"withdrawal\",\"title\":\"スレッド (取消)\",\"body\":\"取り消します。\"}";
    assertThat(nisc.postJson("/api/v1/advisories/" + id + "/versions", withdrawal).body())
        .contains("\"status\":\"withdrawn\"");
    assertThat(nisc.postJson("/api/v1/advisories/" + id + "/versions", correction).statusCode())
        .isEqualTo(409);
  }

  @Test
  void greenReachesTheScopedCommunityNotOtherSectors() {
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    long id =
        id(
            nisc.postJson(
                "/api/v1/advisories", advisory("GREEN 金融", "green", "\"sectors\":[\"finance\"]")));
    Organisation laterBank = fixtures.operator("finance");
    assertThat(
            api(fixtures.user(laterBank, Role.MEMBER)).get("/api/v1/advisories/" + id).statusCode())
        .isEqualTo(200);
    assertThat(
            api(fixtures.user("op-izumi-water", Role.MEMBER))
                .get("/api/v1/advisories/" + id)
                .statusCode())
        .isEqualTo(404);
    // as STIX: the same audience, a valid bundle (report, indicators, the actions as a note)
    var stix = api(fixtures.user(laterBank, Role.MEMBER)).get("/api/v1/advisories/" + id + "/stix");
    assertThat(stix.statusCode()).isEqualTo(200);
    assertThat(stix.headers().firstValue("Content-Type"))
        .hasValue("application/stix+json;version=2.1");
    var bundle = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stix.body());
    var validator = new jp.renkei.engine.stix.StixValidator();
    java.util.List<String> types = new java.util.ArrayList<>();
    for (var o : bundle.path("objects")) {
      assertThat(validator.validate(o)).as(o.toString()).isEmpty();
      types.add(o.path("type").asString());
    }
    assertThat(types).contains("identity", "report", "note", "indicator");
    assertThat(stix.body())
        .contains(
            "[domain-name:value = 'login-ib.example.com']", "[ipv4-addr:value = '203.0.113.50']")
        .contains("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
    assertThat(
            api(fixtures.user("op-izumi-water", Role.MEMBER))
                .get("/api/v1/advisories/" + id + "/stix")
                .statusCode())
        .isEqualTo(404);

    // published into the TAXII advisories collection, read there under the advisory's audience
    String reportId =
        bundle.path("objects").findValuesAsString("id").stream()
            .filter(i -> i.startsWith("report--"))
            .findFirst()
            .orElseThrow();
    String bank = fixtures.token(fixtures.user(laterBank, Role.MEMBER));
    String water = fixtures.token(fixtures.user("op-izumi-water", Role.MEMBER));
    String collection = advisoriesCollection(bank);
    String objects = "/taxii2/api/collections/" + collection + "/objects/?match[id]=" + reportId;
    assertThat(taxii(bank, objects).body()).contains(reportId, "GREEN 金融");
    assertThat(taxii(water, objects).body()).isEqualTo("{\"more\":false}");
    assertThat(
            taxii(water, "/taxii2/api/collections/" + collection + "/objects/" + reportId + "/")
                .statusCode())
        .isEqualTo(404);
  }

  HttpResponse<String> taxii(String token, String path) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + path))
                  .header("Accept", "application/taxii+json;version=2.1")
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String advisoriesCollection(String token) {
    var list =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(taxii(token, "/taxii2/api/collections/").body());
    for (var c : list.path("collections")) {
      if (c.path("description").asString().startsWith("Advisories as STIX")) {
        assertThat(c.path("can_write").asBoolean()).isFalse();
        return c.path("id").asString();
      }
    }
    throw new AssertionError("no advisories collection");
  }

  @Test
  void badAdvisoriesAreRefusedFieldByFieldAndNothingIsSent() {
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    int before = jdbc.sql("select count(*) from advisory").query(Integer.class).single();
    assertThat(nisc.postJson("/api/v1/advisories", advisory("x", "amber", "\"sectors\":[]")).body())
        .contains("\"field\":\"audience\"");
    assertThat(nisc.postJson("/api/v1/advisories", advisory("x", "red", "\"all\":true")).body())
        .contains("\"field\":\"tlp\"");
    assertThat(
            nisc.postJson("/api/v1/advisories", advisory("x", "amber", "\"sectors\":[\"moon\"]"))
                .body())
        .contains("\"field\":\"sectors\"");
    assertThat(
            nisc.postJson(
                    "/api/v1/advisories", advisory("x", "amber", "\"organisations\":[\"nope\"]"))
                .body())
        .contains("\"field\":\"organisations\"");
    assertThat(
            nisc.postJson(
                    "/api/v1/advisories",
                    advisory("x", "amber", "\"all\":true")
                        .replace("login-ib.example[.]com", "999.1.1.1"))
                .body())
        .contains("\"field\":\"observables[0]\"");
    assertThat(
            nisc.postJson(
                    "/api/v1/advisories",
                    advisory("x", "amber", "\"all\":true,\"sourceReportIds\":[987654321]"))
                .body())
        .contains("\"field\":\"sourceReportIds\"");
    var fsa = api(fixtures.user("fsa", Role.ANALYST));
    assertThat(
            fsa.postJson(
                    "/api/v1/advisories", advisory("x", "amber", "\"sectors\":[\"electricity\"]"))
                .body())
        .contains("\"field\":\"audience\"");
    assertThat(
            fsa.postJson(
                    "/api/v1/advisories", advisory("金融庁から", "amber", "\"sectors\":[\"finance\"]"))
                .statusCode())
        .isEqualTo(201);
    var operator = api(fixtures.user("op-inazuma-power", Role.ANALYST));
    assertThat(
            operator
                .postJson("/api/v1/advisories", advisory("x", "amber", "\"all\":true"))
                .statusCode())
        .isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from advisory").query(Integer.class).single())
        .isEqualTo(before + 1);
  }

  @Test
  void aFailingWebhookIsRetriedLaterAndAClaimLostInACrashIsSentAfterItsLease() throws Exception {
    Organisation org = fixtures.operator("port");
    directory.setDelivery(Actor.cli(), org.id(), null, receiver.url("/hook"));
    receiver.answer(500);
    var nisc = api(fixtures.user("nisc", Role.ANALYST));
    long id =
        id(
            nisc.postJson(
                "/api/v1/advisories",
                advisory("再試行", "amber", "\"organisations\":[\"" + org.code() + "\"]")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from outbox where advisory_id = ? and last_error like '%HTTP 500%'")
                        .param(id)
                        .query(Integer.class)
                        .single()
                    == 1);
    assertThat(
            jdbc.sql("select status from outbox where advisory_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("pending");
    // the issuer's page says the hook failed and is being tried again, not merely "queued"
    jp.renkei.server.support.Http page = http();
    page.signIn(
        fixtures.user("nisc", Role.ANALYST).login(), jp.renkei.server.support.Fixtures.PASSWORD);
    assertThat(page.get("/advisories/" + id).body())
        .contains("(うち送信に失敗して再試行中 1)", "class=\"state-retrying\">再試行中 (送信に失敗)</td>");
    // as if the process died after claiming: attempts counted, lease not yet over; then it expires
    receiver.answer(200);
    jdbc.sql(
            "update outbox set next_attempt_at = now() - interval '1 second' where advisory_id = ?")
        .param(id)
        .update();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "sent"
                    .equals(
                        jdbc.sql("select status from outbox where advisory_id = ?")
                            .param(id)
                            .query(String.class)
                            .single()));
    // refused once, accepted once: delivered exactly once
    assertThat(
            receiver.requests().stream()
                .filter(h -> h.body().contains("再試行"))
                .map(WebhookReceiver.Request::status))
        .containsExactly(500, 200);
  }

  @Test
  void theRecipientConfirmsOnThePageAndTheIssuerSeesReach() {
    Organisation bank = fixtures.operator("finance");
    var issuer = fixtures.user("nisc", Role.ANALYST);
    long id =
        id(
            api(issuer)
                .postJson(
                    "/api/v1/advisories",
                    advisory(
                        "画面で確認",
                        "amber",
                        "\"organisations\":[\"" + bank.code() + "\",\"c-bank\"]")));
    Http recipient = http();
    recipient.signIn(
        fixtures.user(bank, Role.MEMBER).login(), jp.renkei.server.support.Fixtures.PASSWORD);
    String page = "/advisories/" + id;
    assertThat(recipient.get(page).body())
        .contains("id=\"acknowledge\"", "画面で確認")
        .doesNotContain("id=\"reach\"");
    assertThat(recipient.get("/inbox").body()).contains("画面で確認");
    recipient.postForm(page, page + "/acknowledge", Map.of());
    assertThat(recipient.get(page).body()).contains("id=\"confirmed\"");
    Http issuerBrowser = http();
    issuerBrowser.signIn(issuer.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    String reach = issuerBrowser.get(page).body();
    assertThat(reach)
        .contains("id=\"reach\"", "id=\"not-confirmed\"", "銀行等CEPTOAR", "id=\"remind\"");
    assertThat(issuerBrowser.postForm(page, page + "/remind", Map.of()).statusCode())
        .isEqualTo(302);
  }

  MimeMessage mailTo(String address) throws Exception {
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        return m;
      }
    }
    return null;
  }
}
