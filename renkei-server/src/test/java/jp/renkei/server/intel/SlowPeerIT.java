package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.OutsideServer;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A peer that answers a byte at a time, each just inside the read timeout (feedpoll30, found by
 * attack30): a real HTTP server on 127.0.0.1 trickles its answer, for a minute unless the hub
 * closes the connection. The poll is started as the server's own cadence starts it, on the
 * scheduling thread ({@link FeedPoller#pollDue} run by the instance's {@code TaskScheduler}; tests
 * otherwise set the cadence to an hour, which a subclass cannot override), with small whole-poll
 * and whole-exchange limits so that the test is short.
 */
class SlowPeerIT extends ServerTest {

  @DynamicPropertySource
  static void smallLimits(DynamicPropertyRegistry registry) {
    // wide enough for the first advisory of a cold context to be issued and delivered within the
    // poll on a loaded machine: with 3 s it was not, at a load of 25 on 2 cores (outbound31, on
    // main too), and the delivery was seen after the poll had ended
    registry.add("renkei.feeds.poll-deadline", () -> "8s");
    registry.add("renkei.outbound.max-exchange-time", () -> "10s");
  }

  @Autowired DirectoryService directory;
  @Autowired TaxiiFeeds feeds;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;
  @Autowired FeedPoller poller;
  @Autowired org.springframework.scheduling.TaskScheduler scheduler;

  /** The TAXII peer under /taxii2/ and the webhook receiver (its /slow paths trickle). */
  OutsideServer outside;

  final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void servers() {
    outside =
        OutsideServer.start()
            .trickling("/taxii2/", "application/taxii+json;version=2.1", 600)
            .trickling("/slow", "text/plain", 600)
            .on(
                "/",
                ex -> {
                  ex.getRequestBody().readAllBytes();
                  received.add(ex.getRequestURI().getPath());
                  OutsideServer.answer(ex, 204, null, null);
                });
  }

  @AfterEach
  void stop() {
    outside.close();
  }

  String url(String path) {
    return outside.url(path);
  }

  @Test
  void aTricklingPeerHoldsNeitherAdvisoryDeliveryNorItsPollBeyondTheDeadline() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    StixCollection gas =
        intel.allCollections().stream()
            .filter(c -> "gas".equals(c.sectorCode()))
            .findFirst()
            .orElseThrow();
    Organisation bank = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), bank.id(), null, url("/hook"));

    TaxiiFeeds.Feed slow =
        feeds.create(
            fixtures.actor(admin),
            new TaxiiFeeds.NewFeed(
                Fixtures.unique("trickle"),
                url("/taxii2/api/"),
                "c",
                "none",
                null,
                null,
                gas.id().toString(),
                null,
                null,
                null,
                60));
    // the server's own poller, on the scheduling thread, begins the poll; the peer trickles
    scheduler.schedule(poller::pollDue, java.time.Instant.now());
    await().atMost(Duration.ofSeconds(20)).until(() -> outside.started() > 0);

    // meanwhile an advisory is issued: its webhook is delivered by the scheduled outbox sender,
    // which must not wait for the peer (before feedpoll30 it waited for the whole trickle)
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    HttpResponse<String> r =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\"slow peer "
                + bank.code()
                + "\",\"body\":\"本文\",\"tlp\":\"green\",\"organisations\":[\""
                + bank.code()
                + "\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("/hook"));
    assertThat(outside.cutOff())
        .as("the delivery came while the peer was still trickling")
        .isZero();

    // and the poll itself ends at its deadline: the connection closed, the feed failed, backing off
    await().atMost(Duration.ofSeconds(30)).until(() -> lastError(slow.id()) != null);
    assertThat(lastError(slow.id()))
        .startsWith("no complete answer before the exchange's deadline");
    assertThat(
            jdbc.sql("select objects_received from taxii_feed where id = ?")
                .param(slow.id())
                .query(Long.class)
                .single())
        .isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> outside.cutOff() > 0);
  }

  String lastError(long feed) {
    return jdbc.sql("select last_error from taxii_feed where id = ?")
        .param(feed)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void aTricklingWebhookReceiverIsCutOffAtTheWholeExchangeDeadline() {
    Organisation bank = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), bank.id(), null, url("/slow"));
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    HttpResponse<String> r =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\"slow receiver "
                + bank.code()
                + "\",\"body\":\"本文\",\"tlp\":\"green\",\"organisations\":[\""
                + bank.code()
                + "\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "select last_error from outbox where channel = 'webhook' and"
                            + " organisation_id = ? and last_error is not null")
                    .param(bank.id())
                    .query(String.class)
                    .optional()
                    .filter(e -> e.startsWith("no complete answer before the exchange's deadline"))
                    .isPresent());
    await().atMost(Duration.ofSeconds(10)).until(() -> outside.cutOff() > 0);
  }

  TaxiiFeeds.Feed trickleFeed(UserAccount admin) {
    StixCollection gas =
        intel.allCollections().stream()
            .filter(c -> "gas".equals(c.sectorCode()))
            .findFirst()
            .orElseThrow();
    return feeds.create(
        fixtures.actor(admin),
        new TaxiiFeeds.NewFeed(
            Fixtures.unique("trickle"),
            url("/taxii2/api/"),
            "c",
            "none",
            null,
            null,
            gas.id().toString(),
            null,
            null,
            null,
            60));
  }

  /**
   * An admin's "poll now" (outbound31) is answered at once, 202 with where to see the result,
   * before the poll has a result; the poll runs on the poller's thread and ends at its deadline.
   */
  @Test
  void anAdminsPollNowIsAnsweredBeforeThePollEnds() throws Exception {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    TaxiiFeeds.Feed slow = trickleFeed(admin);
    Http api = http().bearer(fixtures.token(admin));
    HttpResponse<String> r = api.postJson("/api/v1/feeds/" + slow.id() + "/poll", "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/feeds/" + slow.id());
    assertThat(lastError(slow.id())).as("answered before the poll had a result").isNull();
    assertThat(outside.cutOff()).isZero();

    await().atMost(Duration.ofSeconds(20)).until(() -> outside.started() > 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> lastError(slow.id()) != null);
    assertThat(lastError(slow.id()))
        .startsWith("no complete answer before the exchange's deadline");
    // where the answer said: the feed's state shows the result
    assertThat(api.get("/api/v1/feeds/" + slow.id()).body())
        .contains("no complete answer before the exchange's deadline");
  }

  /** The page's "poll now" answers at once too, saying where the result will show (JA/EN). */
  @Test
  void thePagesPollNowSaysWhereTheResultWillShow() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    TaxiiFeeds.Feed slow = trickleFeed(admin);
    Http web = http();
    assertThat(web.signIn(admin.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> r =
        web.postForm("/admin/feeds", "/admin/feeds/" + slow.id() + "/poll", java.util.Map.of());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(lastError(slow.id())).as("answered before the poll had a result").isNull();
    String page = web.get("/admin/feeds").body();
    assertThat(page).contains("id=\"feed-poll-started\"").contains(slow.name()).contains("8 秒");
    await().atMost(Duration.ofSeconds(30)).until(() -> lastError(slow.id()) != null);
  }
}
