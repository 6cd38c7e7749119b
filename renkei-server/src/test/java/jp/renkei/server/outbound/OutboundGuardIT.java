package jp.renkei.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.intel.TaxiiFeeds;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.OutsideServer;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hub's outbound requests (webhooks, feeds) against SSRF, through the whole server: the tests'
 * allow-list is 127.0.0.1 only ({@link ServerTest#ALLOWED_OUTBOUND_RANGE}), so a receiver on
 * 127.0.0.2 stands for an internal service that nothing may reach.
 */
class OutboundGuardIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired TaxiiFeeds feeds;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  /** An address inside the network (127.0.0.2, not allowed) and an allowed outside one. */
  OutsideServer internal;

  OutsideServer allowed;
  final List<String> internalSeen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void servers() {
    internal =
        OutsideServer.startOn("127.0.0.2")
            .on(
                "/",
                ex -> {
                  internalSeen.add(ex.getRequestMethod() + " " + ex.getRequestURI());
                  OutsideServer.answer(ex, 200, null, null);
                });
    allowed =
        OutsideServer.start()
            .on(
                "/hop",
                ex -> {
                  ex.getResponseHeaders().add("Location", internalUrl("/latest/meta-data/"));
                  OutsideServer.answer(ex, 307, null, null);
                })
            .on(
                "/",
                ex ->
                    OutsideServer.answer(
                        ex,
                        503,
                        null,
                        "<html>stack trace: secret-db.internal:5432"
                            .getBytes(StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() {
    internal.close();
    allowed.close();
  }

  String internalUrl(String path) {
    return internal.url(path);
  }

  String allowedUrl(String path) {
    return allowed.url(path);
  }

  @Test
  void anOrganisationAdminCannotPointTheWebhookInside() {
    Organisation bank = fixtures.operator("finance");
    Http admin = http().bearer(fixtures.token(fixtures.user(bank, Role.ORG_ADMIN)));
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "https://10.0.0.5/hook",
            "https://[::ffff:192.168.1.1]/hook",
            "https://100.64.0.1/hook",
            "https://[fd00::1]/hook",
            internalUrl("/hook"))) {
      HttpResponse<String> r =
          admin.putJson(
              "/api/v1/organisations/" + bank.id() + "/delivery",
              "{\"webhookUrl\":\"" + url + "\"}");
      assertThat(r.statusCode()).as(url).isEqualTo(400);
      assertThat(r.body()).as(url).contains("\"field\":\"webhookUrl\"", "refused");
    }
    // the test configuration allows exactly 127.0.0.1, over http
    HttpResponse<String> ok =
        admin.putJson(
            "/api/v1/organisations/" + bank.id() + "/delivery",
            "{\"webhookUrl\":\"" + allowedUrl("/hook") + "\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }

  @Test
  void aWebhookStoredBeforeTheGuardOrRedirectedInsideIsNotDelivered() {
    Organisation stored = fixtures.operator("finance");
    Organisation redirected = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), stored.id(), null, allowedUrl("/hook"));
    directory.setDelivery(Actor.cli(), redirected.id(), null, allowedUrl("/hop"));
    // a URL saved before this check existed (or by hand): the delivery itself refuses it
    jdbc.sql("update organisation set webhook_url = ? where id = ?")
        .params(internalUrl("/hook"), stored.id())
        .update();
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    String title = "ssrf " + stored.code();
    HttpResponse<String> r =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\""
                + title
                + "\",\"body\":\"本文\",\"tlp\":\"green\",\"organisations\":[\""
                + stored.code()
                + "\",\""
                + redirected.code()
                + "\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from outbox where channel = 'webhook' and"
                                + " organisation_id in (?, ?) and last_error is not null")
                        .params(stored.id(), redirected.id())
                        .query(Long.class)
                        .single()
                    == 2);
    List<String> errors =
        jdbc.sql(
                "select last_error from outbox where channel = 'webhook' and organisation_id in"
                    + " (?, ?)")
            .params(stored.id(), redirected.id())
            .query(String.class)
            .list();
    // the stored URL is refused at its address; the redirect is not followed at all (a webhook
    // follows none to another origin: WebhookRedirectLeakIT), so it never reaches 127.0.0.2
    assertThat(errors)
        .hasSize(2)
        // worded for the organisation as a name that does not resolve is (attack38)
        .anyMatch(e -> e.equals(OutboundHttp.notReached("127.0.0.2")), "refused at 127.0.0.2")
        .anyMatch(
            e -> e.startsWith("destination refused: a redirect to another origin"),
            "redirect refused");
    assertThat(internalSeen).isEmpty();
    // audited in each organisation's name, as a refusal when the URL is saved is
    for (Organisation o : List.of(stored, redirected)) {
      assertThat(
              jdbc.sql(
                      "select target_id || ' ' || outcome || ' ' || detail from audit_event where"
                          + " action = 'outbound.refused' and actor = 'delivery:webhook' and"
                          + " actor_org_id = ?")
                  .param(o.id())
                  .query(String.class)
                  .list())
          .as(o.code())
          .isNotEmpty()
          .allMatch(d -> d.startsWith("webhook failure http://127.0.0."), "the webhook's origin")
          .allMatch(
              d ->
                  d.contains(
                      o == stored
                          ? ": " + OutboundHttp.notReached("127.0.0.2")
                          : ": destination refused: a redirect to another origin"),
              "the reason");
    }
    // each organisation's admin reads its own refusals, none of another's (its webhook's address)
    Organisation bystander = fixtures.operator("finance");
    for (Organisation o : List.of(stored, redirected, bystander)) {
      String audit =
          http()
              .bearer(fixtures.token(fixtures.user(o, Role.ORG_ADMIN)))
              .get("/api/v1/audit?action=outbound.refused")
              .body();
      int own =
          jdbc.sql(
                  "select count(*) from audit_event where action = 'outbound.refused' and"
                      + " actor = 'delivery:webhook' and actor_org_id = ?")
              .param(o.id())
              .query(Integer.class)
              .single();
      assertThat(audit.split("delivery:webhook", -1).length - 1).as(o.code()).isEqualTo(own);
    }
  }

  @Test
  void feedsCannotReachInsideAndTheirErrorsCarryNoResponseBody() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http api = http().bearer(fixtures.token(admin));
    StixCollection gas =
        intel.allCollections().stream()
            .filter(c -> "gas".equals(c.sectorCode()))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> bad =
        api.postJson(
            "/api/v1/feeds",
            "{\"name\":\"meta\",\"apiRoot\":\"http://169.254.169.254/taxii2/\","
                + "\"remoteCollection\":\"c\",\"localCollection\":\""
                + gas.id()
                + "\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    // why, in the caller's language (ux32: the reason was English inside the Japanese detail)
    assertThat(bad.body())
        .contains("\"field\":\"apiRoot\"", "169.254.169.254 はリンクローカルアドレスです")
        .doesNotContain("destination refused");

    TaxiiFeeds.Feed failing =
        feeds.create(
            fixtures.actor(admin),
            new TaxiiFeeds.NewFeed(
                Fixtures.unique("body"),
                allowedUrl("/taxii2/api/"),
                "c",
                "none",
                null,
                null,
                gas.id().toString(),
                null,
                null,
                null,
                60));
    TaxiiFeeds.Feed f = feeds.pollNow(fixtures.actor(admin), failing.id());
    assertThat(f.lastError()).isEqualTo("HTTP 503 from " + allowedUrl("/taxii2/api/"));
    assertThat(f.lastError()).doesNotContain("secret-db");

    TaxiiFeeds.Feed hop =
        feeds.create(
            fixtures.actor(admin),
            new TaxiiFeeds.NewFeed(
                Fixtures.unique("hop"),
                allowedUrl("/hop/"),
                "c",
                "none",
                null,
                null,
                gas.id().toString(),
                null,
                null,
                null,
                60));
    assertThat(feeds.pollNow(fixtures.actor(admin), hop.id()).lastError())
        .startsWith("destination refused: 127.0.0.2 is or resolves to a loopback address");
    assertThat(internalSeen).isEmpty();
  }

  @Test
  void aFeedRefusedWhenItPollsIsAuditedAsWhenItWasSaved() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    StixCollection gas =
        intel.allCollections().stream()
            .filter(c -> "gas".equals(c.sectorCode()))
            .findFirst()
            .orElseThrow();
    java.util.function.Function<String, TaxiiFeeds.Feed> feed =
        root ->
            feeds.create(
                fixtures.actor(admin),
                new TaxiiFeeds.NewFeed(
                    Fixtures.unique("later"),
                    root,
                    "c",
                    "none",
                    null,
                    null,
                    gas.id().toString(),
                    null,
                    null,
                    null,
                    60));
    // allowed when saved; its name resolves inside now (stood for by the stored root itself)
    TaxiiFeeds.Feed moved = feed.apply(allowedUrl("/taxii2/api/"));
    jdbc.sql("update taxii_feed set api_root = ? where id = ?")
        .params(internalUrl("/taxii2/api/"), moved.id())
        .update();
    TaxiiFeeds.Feed redirected = feed.apply(allowedUrl("/hop/"));
    TaxiiFeeds.Feed failing = feed.apply(allowedUrl("/taxii2/api/"));
    for (TaxiiFeeds.Feed f : List.of(moved, redirected, failing)) {
      feeds.pollNow(fixtures.actor(admin), f.id());
    }
    java.util.function.Function<TaxiiFeeds.Feed, List<String>> refusals =
        f ->
            jdbc.sql(
                    "select target_type || ' ' || target_id || ' ' || outcome || ' ' || detail"
                        + " from audit_event where action = 'outbound.refused' and actor = ?")
                .param("feed:" + f.name())
                .query(String.class)
                .list();
    String inside = "http://127.0.0.2:" + internal.port();
    assertThat(refusals.apply(moved))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith(
            "outbound feed failure "
                + inside
                + ": destination refused: 127.0.0.2 is or resolves to a loopback");
    // the redirect's target is refused; the audit names the feed's own root, as at creation
    assertThat(refusals.apply(redirected))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("outbound feed failure " + allowedUrl("") + ": destination refused: 127.0.0.2");
    // a remote that fails (HTTP 503) was not refused by the hub: not an outbound refusal
    assertThat(refusals.apply(failing)).isEmpty();
    assertThat(internalSeen).isEmpty();
    // the platform admin finds it in the audit; nothing of it is in a person's organisation
    String seen =
        http()
            .bearer(fixtures.token(admin))
            .get("/api/v1/audit?action=outbound.refused&actor=" + moved.name())
            .body();
    assertThat(seen).contains("feed:" + moved.name(), "127.0.0.2");
  }
}
