package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * attack31, feed targets after the feed was saved (attack30 judged them at save, before each poll
 * and in the relay ingest): tried and held. A feed whose organisation is deactivated while a poll
 * is under way stores nothing after that (each page's ingest judges the organisation again), and
 * two feeds of two organisations racing the same objects into one collection keep each narrow
 * object with its own organisation: neither reads the other's, and a third reads neither.
 */
class FeedTargetAfterSaveIT extends ServerTest {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  static final String AMBER_STRICT = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired TaxiiFeeds feeds;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  @Test
  void aFeedWhoseOrganisationIsDeactivatedMidPollStoresNothingAfter() throws Exception {
    Organisation b = fixtures.operator("gas");
    StixCollection own = intel.collectionOfOrganisation(b.id()).orElseThrow();
    String first = "indicator--" + UUID.randomUUID();
    String second = "indicator--" + UUID.randomUUID();
    AtomicInteger asked = new AtomicInteger();
    HttpServer peer =
        peer(
            () -> {
              if (asked.incrementAndGet() == 1) {
                return "{\"more\":true,\"next\":\"p2\",\"objects\":["
                    + indicator(first, GREEN)
                    + "]}";
              }
              // the organisation leaves (deactivated by a platform admin) while the poll runs
              jdbc.sql("update organisation set active = false where id = ?")
                  .param(b.id())
                  .update();
              return "{\"more\":false,\"objects\":[" + indicator(second, GREEN) + "]}";
            });
    try {
      Actor admin = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
      TaxiiFeeds.Feed f = feeds.create(admin, feed(peer, own, b));
      TaxiiFeeds.Feed polled = feeds.pollNow(admin, f.id());
      assertThat(asked.get()).isEqualTo(2);
      assertThat(stored(own, first)).isEqualTo(1);
      assertThat(stored(own, second)).as("nothing after the deactivation").isZero();
      assertThat(polled.health()).isEqualTo("failing");
      // and the next poll fetches nothing at all
      TaxiiFeeds.Feed again = feeds.pollNow(admin, f.id());
      assertThat(asked.get()).isEqualTo(2);
      assertThat(again.lastErrorCode()).isEqualTo("target");
    } finally {
      peer.stop(0);
    }
  }

  @Test
  void twoFeedsRacingIntoOneCollectionKeepEachNarrowObjectWithItsOwnOrganisation()
      throws Exception {
    Organisation a = fixtures.operator("gas");
    Organisation b = fixtures.operator("gas");
    Organisation c = fixtures.operator("gas");
    StixCollection gas =
        intel.allCollections().stream()
            .filter(x -> x.kind() == StixCollection.Kind.SECTOR && "gas".equals(x.sectorCode()))
            .findFirst()
            .orElseThrow();
    String strict = "indicator--" + UUID.randomUUID();
    String green = "indicator--" + UUID.randomUUID();
    String page =
        "{\"more\":false,\"objects\":["
            + indicator(strict, AMBER_STRICT)
            + ","
            + indicator(green, GREEN)
            + "]}";
    HttpServer peer = peer(() -> page);
    try {
      Actor admin = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
      TaxiiFeeds.Feed fa = feeds.create(admin, feed(peer, gas, a));
      TaxiiFeeds.Feed fb = feeds.create(admin, feed(peer, gas, b));
      CompletableFuture<TaxiiFeeds.Feed> pa =
          CompletableFuture.supplyAsync(() -> feeds.pollNow(admin, fa.id()));
      CompletableFuture<TaxiiFeeds.Feed> pb =
          CompletableFuture.supplyAsync(() -> feeds.pollNow(admin, fb.id()));
      assertThat(pa.get().health()).as(pa.get().lastError()).isEqualTo("ok");
      assertThat(pb.get().health()).as(pb.get().lastError()).isEqualTo("ok");

      // each organisation's copy of the narrow object is its own, read by it alone
      assertThat(copies(gas, strict)).containsExactlyInAnyOrder(a.id(), b.id());
      for (Organisation o : List.of(a, b)) {
        List<JsonNode> seen = objects(gas, o, strict);
        assertThat(seen).hasSize(1);
      }
      assertThat(objects(gas, c, strict)).isEmpty();
      assertThat(objects(gas, c, green)).isNotEmpty();
    } finally {
      peer.stop(0);
    }
  }

  private TaxiiFeeds.NewFeed feed(HttpServer peer, StixCollection into, Organisation of) {
    return new TaxiiFeeds.NewFeed(
        Fixtures.unique("race"),
        "http://127.0.0.1:" + peer.getAddress().getPort() + "/taxii2/api/",
        "c",
        "none",
        null,
        null,
        into.id().toString(),
        of.code(),
        "amber",
        "green",
        60);
  }

  private static HttpServer peer(java.util.function.Supplier<String> answer) throws Exception {
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext(
        "/",
        ex -> {
          byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", TAXII);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    peer.start();
    return peer;
  }

  static String indicator(String id, String marking) {
    return """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-05-01T00:00:00.000Z",
         "modified":"2026-05-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-05-01T00:00:00Z",
         "pattern":"[domain-name:value = 'race-%s.example.org']","object_marking_refs":["%s"]}
        """
        .formatted(id, UUID.randomUUID(), marking);
  }

  private int stored(StixCollection c, String id) {
    return jdbc.sql("select count(*) from stix_object where collection_id = ? and stix_id = ?")
        .params(c.id(), id)
        .query(Integer.class)
        .single();
  }

  private List<Long> copies(StixCollection c, String id) {
    return jdbc.sql(
            "select originator_org from stix_object where collection_id = ? and stix_id = ?")
        .params(c.id(), id)
        .query(Long.class)
        .list();
  }

  /** The versions of {@code id} a member of {@code o} reads over TAXII. */
  private List<JsonNode> objects(StixCollection c, Organisation o, String id) {
    Http api = http().bearer(fixtures.token(fixtures.user(o, Role.MEMBER)));
    String body =
        api.get(
                "/taxii2/api/collections/" + c.id() + "/objects/?match%5Bid%5D=" + id,
                "Accept",
                TAXII)
            .body();
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(body).path("objects").forEach(out::add);
    return out;
  }
}
