package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.RenkeiProcess;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Renkei hubs federate: this test's hub subscribes to a collection of a second hub running as
 * its own process (its own embedded PostgreSQL), polls it with paging, maps its markings, resumes
 * without duplicates, and backs off when the remote fails.
 */
class FederationIT extends ServerTest {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  static final String AMBER_STRICT = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  static RenkeiProcess remote;
  static String remoteToken;
  static String remoteHub;

  @Autowired Fixtures fixtures;
  @Autowired TaxiiFeeds feeds;
  @Autowired jp.renkei.server.crypto.CredentialVault vault;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;
  @Autowired jp.renkei.server.directory.DirectoryService directory;
  @LocalServerPort int port;

  @BeforeAll
  static void startRemote() throws Exception {
    Path data = TestFiles.directory("renkei-remote-");
    remote = RenkeiProcess.serve(data);
    RenkeiProcess.Run token =
        RenkeiProcess.run(
            "admin", "token", "create", "--user", "admin", "--data-dir", data.toString());
    assertThat(token.exit()).as(token.err()).isZero();
    remoteToken = token.out().strip();
    for (JsonNode c : JSON.readTree(remoteGet("collections/").body()).path("collections")) {
      if (c.path("description").asString().startsWith("Shared with the whole community")) {
        remoteHub = c.path("id").asString();
      }
    }
    assertThat(remoteHub).isNotNull();
  }

  @AfterAll
  static void stopRemote() throws Exception {
    if (remote != null) {
      remote.close();
    }
  }

  static HttpResponse<String> remoteGet(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(remoteRoot() + path))
            .header("Accept", TAXII)
            .header("Authorization", "Bearer " + remoteToken)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String remoteRoot() {
    return "http://127.0.0.1:" + remote.port() + "/taxii2/api/";
  }

  static void remotePost(List<String> objects) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(remoteRoot() + "collections/" + remoteHub + "/objects/"))
                .header("Accept", TAXII)
                .header("Content-Type", TAXII)
                .header("Authorization", "Bearer " + remoteToken)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"objects\":[" + String.join(",", objects) + "]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(JSON.readTree(r.body()).path("failure_count").asInt()).as(r.body()).isZero();
  }

  static String indicator(String id, String marking) {
    return """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-05-01T00:00:00.000Z",
         "modified":"2026-05-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-05-01T00:00:00Z",
         "pattern":"[domain-name:value = 'fed-%s.example.org']"%s}
        """
        .formatted(
            id,
            UUID.randomUUID(),
            marking == null ? "" : ",\"object_marking_refs\":[\"" + marking + "\"]");
  }

  StixCollection gasCollection() {
    return intel.allCollections().stream()
        .filter(c -> "gas".equals(c.sectorCode()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCollectionOfAnotherHubArrivesPagedMappedAndWithoutDuplicates() throws Exception {
    Organisation feedOrg = fixtures.operator("gas");
    Organisation readerOrg = fixtures.operator("gas");
    UserAccount reader = fixtures.user(readerOrg, Role.MEMBER);
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Actor adminActor = fixtures.actor(admin);
    String green = "indicator--" + UUID.randomUUID();
    String red = "indicator--" + UUID.randomUUID();
    String unmarked = "indicator--" + UUID.randomUUID();
    remotePost(List.of(indicator(green, GREEN), indicator(red, RED), indicator(unmarked, null)));

    Http api = new Http(port).bearer(fixtures.token(admin));
    HttpResponse<String> created =
        api.postJson(
            "/api/v1/feeds",
            """
            {"name":"%s","apiRoot":"%s","remoteCollection":"%s","authKind":"basic","username":"admin",
             "secret":"%s","localCollection":"%s","originatorOrg":"%s","defaultTlp":"amber",
             "widestTlp":"green","pollIntervalSeconds":60}
            """
                .formatted(
                    Fixtures.unique("feed"),
                    remoteRoot(),
                    remoteHub,
                    remoteToken,
                    gasCollection().id(),
                    feedOrg.code()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).path("id").asLong();
    assertThat(created.body()).doesNotContain(remoteToken);

    TaxiiFeeds.Feed f = feeds.pollNow(adminActor, id);
    assertThat(f.health()).as(f.lastError()).isEqualTo("ok");
    assertThat(f.objectsReceived()).isGreaterThanOrEqualTo(2);
    // the RED one is not kept (attack29c): refused, not a failure of the feed
    assertThat(f.objectsRefused()).isGreaterThanOrEqualTo(1);
    long afterFirst = f.objectsReceived();
    assertThat(f.addedAfter()).isNotNull();
    assertThat(f.nextPollAt()).isAfter(Instant.now().plusSeconds(30));

    // markings mapped: a gas operator here sees the GREEN one only; the unmarked one is AMBER.
    // The RED one, for the people the peer named, is read by nobody here, not even the feed's
    // organisation (attack29c: kept at RED it was read by the whole organisation)
    List<String> seen = localIds(fixtures.token(reader), green, red, unmarked);
    assertThat(seen).containsExactly(green);
    assertThat(localIds(fixtures.token(fixtures.user(feedOrg, Role.MEMBER)), green, red, unmarked))
        .containsExactlyInAnyOrder(green, unmarked);

    // more than one page arrives through next paging; nothing is fetched twice
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1100; i++) {
      many.add(
          """
          {"type":"domain-name","spec_version":"2.1","id":"domain-name--%s","value":"bulk-%d-%s.example.org",
           "object_marking_refs":["%s"]}
          """
              .formatted(
                  UUID.randomUUID(), i, UUID.randomUUID().toString().substring(0, 8), GREEN));
    }
    remotePost(many);
    TaxiiFeeds.Feed second = feeds.pollNow(adminActor, id);
    assertThat(second.health()).as(second.lastError()).isEqualTo("ok");
    assertThat(second.objectsReceived() - afterFirst).isEqualTo(1100);
    TaxiiFeeds.Feed third = feeds.pollNow(adminActor, id);
    assertThat(third.objectsReceived()).isEqualTo(second.objectsReceived());
    assertThat(
            jdbc.sql(
                    "select count(*) from stix_object where collection_id = ? and stix_id in (?, ?, ?)")
                .params(gasCollection().id(), green, red, unmarked)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  /**
   * attack29c: a peer's TLP:RED object, or one with a RED part, is for the individuals the peer
   * named; the subscription's token names nobody here, and kept at RED the feed's whole
   * organisation read it. It is not kept. An object under a marking this hub cannot read (a peer's
   * C4TAP range as its own marking-definition) took the subscription's choice for unmarked objects
   * (here GREEN), so every reader of the collection read what the peer marked for its secretariat
   * and analysts; it is now kept for the feed's organisation alone, and so is one with a part under
   * such a marking (the part was shown to every reader). The target here is a configured
   * collection.
   */
  @Test
  void aPeersRedObjectIsKeptByNobodyAndAMarkingThisHubCannotReadNarrowsToTheFeedsOrganisation()
      throws Exception {
    Organisation feedOrg = fixtures.operator("gas");
    Organisation otherMember = fixtures.operator("railway");
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http api = new Http(port).bearer(fixtures.token(admin));
    HttpResponse<String> collection =
        api.postJson(
            "/api/v1/collections",
            "{\"titleJa\":\"合同対策\",\"titleEn\":\"Joint\",\"defaultTlp\":\"green\","
                + "\"members\":[\""
                + feedOrg.code()
                + "\",\""
                + otherMember.code()
                + "\"]}");
    assertThat(collection.statusCode()).as(collection.body()).isEqualTo(201);
    StixCollection local =
        intel
            .collection(UUID.fromString(JSON.readTree(collection.body()).path("id").asString()))
            .orElseThrow();

    String c4tapRed = "marking-definition--" + UUID.randomUUID();
    String definition =
        """
        {"type":"marking-definition","spec_version":"2.1","id":"%s",
         "created":"2026-05-01T00:00:00.000Z","definition_type":"statement",
         "definition":{"statement":"C4TAP Red: the provider, the secretariat and analysts only"}}
        """
            .formatted(c4tapRed);
    String red = "indicator--" + UUID.randomUUID();
    String partRed = "indicator--" + UUID.randomUUID();
    String c4tap = "indicator--" + UUID.randomUUID();
    String partC4tap = "indicator--" + UUID.randomUUID();
    String green = "indicator--" + UUID.randomUUID();
    String greenAndStatement = "indicator--" + UUID.randomUUID();
    String unmarked = "indicator--" + UUID.randomUUID();
    remotePost(
        List.of(
            definition,
            indicator(red, RED),
            withPart(indicator(partRed, GREEN), RED),
            indicator(c4tap, c4tapRed),
            withPart(indicator(partC4tap, GREEN), c4tapRed),
            indicator(green, GREEN),
            indicator(greenAndStatement, GREEN).replace("\"]}", "\",\"" + c4tapRed + "\"]}"),
            indicator(unmarked, null)));

    HttpResponse<String> created =
        api.postJson(
            "/api/v1/feeds",
            """
            {"name":"%s","apiRoot":"%s","remoteCollection":"%s","authKind":"basic",
             "username":"admin","secret":"%s","localCollection":"%s","originatorOrg":"%s",
             "defaultTlp":"green","widestTlp":"green","pollIntervalSeconds":60}
            """
                .formatted(
                    Fixtures.unique("feed"),
                    remoteRoot(),
                    remoteHub,
                    remoteToken,
                    local.id(),
                    feedOrg.code()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    TaxiiFeeds.Feed f =
        feeds.pollNow(fixtures.actor(admin), JSON.readTree(created.body()).path("id").asLong());
    assertThat(f.health()).as(f.lastError()).isEqualTo("ok");

    String[] all = {red, partRed, c4tap, partC4tap, green, greenAndStatement, unmarked};
    // the other member reads what the peer marked GREEN (a statement beside a TLP marking does
    // not narrow it) and the unmarked one at the subscription's choice; not the C4TAP-marked one,
    // nor the one with a C4TAP part, nor the one with a RED part
    assertThat(localIds(local, fixtures.token(fixtures.user(otherMember, Role.MEMBER)), all))
        .containsExactlyInAnyOrder(green, greenAndStatement, unmarked);
    assertThat(f.objectsRefused()).isGreaterThanOrEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from stix_object where collection_id = ? and stix_id in (?, ?)")
                .params(local.id(), red, partRed)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(localIds(local, fixtures.token(fixtures.user(feedOrg, Role.MEMBER)), all))
        .containsExactlyInAnyOrder(c4tap, partC4tap, green, greenAndStatement, unmarked);
  }

  /** The object with its description under {@code marking} (a granular marking). */
  static String withPart(String indicator, String marking) {
    String out =
        indicator.replaceFirst(
            "\\}\\s*$",
            ",\"description\":\"the victim is the port of Minato\",\"granular_markings\":"
                + "[{\"marking_ref\":\""
                + marking
                + "\",\"selectors\":[\"description\"]}]}");
    assertThat(out).contains("granular_markings");
    return out;
  }

  /**
   * attack29: a peer's TLP:AMBER+STRICT object is for the organisation it was served to (TLP 2.0:
   * "the organization only"). A feed kept its marking and the local collection's community then
   * read it at AMBER+STRICT: in a sector collection that community names the sector's CEPTOAR
   * secretariat, in the hub collection the national coordinator, in a configured one every member.
   * Relayed, it stays with the feed's organisation (and only it).
   */
  @Test
  void aPeersAmberStrictObjectStaysWithTheFeedsOrganisation() throws Exception {
    Organisation feedOrg = fixtures.operator("gas");
    String strict = "indicator--" + UUID.randomUUID();
    String green = "indicator--" + UUID.randomUUID();
    // GREEN, but its description for the subscribing organisation only (a granular marking)
    String part = "indicator--" + UUID.randomUUID();
    String partly =
        indicator(part, GREEN)
            .replaceFirst(
                "\\}\\s*$",
                ",\"description\":\"the victim is the port of Minato\",\"granular_markings\":"
                    + "[{\"marking_ref\":\""
                    + AMBER_STRICT
                    + "\",\"selectors\":[\"description\"]}]}");
    assertThat(partly).contains("granular_markings");
    remotePost(List.of(indicator(strict, AMBER_STRICT), indicator(green, GREEN), partly));
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    StixCollection hub =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow();
    for (StixCollection local : List.of(gasCollection(), hub)) {
      HttpResponse<String> created =
          new Http(port)
              .bearer(fixtures.token(admin))
              .postJson(
                  "/api/v1/feeds",
                  """
                  {"name":"%s","apiRoot":"%s","remoteCollection":"%s","authKind":"basic",
                   "username":"admin","secret":"%s","localCollection":"%s","originatorOrg":"%s",
                   "defaultTlp":"amber","widestTlp":"green","pollIntervalSeconds":60}
                  """
                      .formatted(
                          Fixtures.unique("feed"),
                          remoteRoot(),
                          remoteHub,
                          remoteToken,
                          local.id(),
                          feedOrg.code()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      TaxiiFeeds.Feed f =
          feeds.pollNow(fixtures.actor(admin), JSON.readTree(created.body()).path("id").asLong());
      assertThat(f.health()).as(f.lastError()).isEqualTo("ok");

      // the feed's organisation reads all three
      assertThat(
              localIds(
                  local, fixtures.token(fixtures.user(feedOrg, Role.MEMBER)), strict, green, part))
          .containsExactlyInAnyOrder(strict, green, part);
      // the gas CEPTOAR secretariat and the national coordinator (the AMBER+STRICT audiences of the
      // sector and the hub collection) read neither the AMBER+STRICT one nor the partly
      // AMBER+STRICT one (whose description they were shown before); the GREEN one as any reader
      // of its collection
      for (String other : List.of("c-gas", "nisc")) {
        List<String> seen =
            localIds(local, fixtures.token(fixtures.user(other, Role.MEMBER)), strict, green, part);
        assertThat(seen).as("%s in %s", other, local.kind()).doesNotContain(strict, part);
        if (other.equals("c-gas") || local.kind() == StixCollection.Kind.HUB) {
          assertThat(seen).as("%s in %s", other, local.kind()).containsExactly(green);
        }
      }
    }
  }

  /**
   * A feed's objects are read by whoever reads its local collection, so a feed may fill only a
   * collection its organisation writes itself (attack30). Before, a feed of organisation B could
   * name A's private collection: A's people read what B's subscription brought (its GREEN and
   * AMBER). Refused when saved (API, page, edit), and a feed saved before the rule, or whose
   * organisation was deactivated since, stores nothing.
   */
  @Test
  void aFeedFillsOnlyACollectionItsOwnOrganisationWrites() throws Exception {
    Organisation a = fixtures.operator("gas");
    Organisation b = fixtures.operator("gas");
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Actor adminActor = fixtures.actor(admin);
    Http api = new Http(port).bearer(fixtures.token(admin));
    StixCollection aPrivate = intel.collectionOfOrganisation(a.id()).orElseThrow();
    StixCollection bPrivate = intel.collectionOfOrganisation(b.id()).orElseThrow();
    String green = "indicator--" + UUID.randomUUID();
    String unmarked = "indicator--" + UUID.randomUUID();
    remotePost(List.of(indicator(green, GREEN), indicator(unmarked, null)));

    // A feed saved before the rule, B's, filling A's private collection (the row as it was:
    // created into B's own collection, its target then changed as the old API allowed)
    TaxiiFeeds.Feed old =
        feeds.create(
            adminActor,
            new TaxiiFeeds.NewFeed(
                Fixtures.unique("old-target"),
                remoteRoot(),
                remoteHub,
                "bearer",
                null,
                remoteToken,
                bPrivate.id().toString(),
                b.code(),
                "amber",
                "green",
                60));
    jdbc.sql("update taxii_feed set local_collection = ? where id = ?")
        .params(aPrivate.id(), old.id())
        .update();
    // the query docs/taxii.md gives operators finds it
    assertThat(
            jdbc.sql(
                    "select f.id from taxii_feed f join stix_collection c on c.id ="
                        + " f.local_collection join organisation o on o.id = f.originator_org"
                        + " where c.kind = 'advisories' or not o.active or (c.kind ="
                        + " 'organisation' and c.organisation_id <> f.originator_org) or (c.kind"
                        + " = 'custom' and not f.originator_org = any (c.member_orgs)) or (c.kind"
                        + " = 'sector' and o.type_code <> 'nisc' and o.sector_code is distinct"
                        + " from c.sector_code)")
                .query(Long.class)
                .list())
        .contains(old.id());
    TaxiiFeeds.Feed polled = feeds.pollNow(adminActor, old.id());
    // A reads nothing B's subscription brought, and nothing of it is stored in A's collection
    assertThat(localIds(aPrivate, fixtures.token(fixtures.user(a, Role.MEMBER)), green, unmarked))
        .isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from stix_object where collection_id = ? and stix_id in (?, ?)")
                .params(aPrivate.id(), green, unmarked)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(polled.health()).isEqualTo("failing");
    assertThat(polled.lastErrorCode()).isEqualTo("target");
    assertThat(polled.lastErrorArgs()).containsExactly(aPrivate.id().toString(), b.code());
    assertThat(polled.objectsReceived()).isZero();
    // an edit does not make it look valid (its collection and organisation stay)
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    jp.renkei.server.failure.InvalidInput.class,
                    () ->
                        feeds.update(
                            adminActor,
                            old.id(),
                            new TaxiiFeeds.NewFeed(
                                old.name(),
                                remoteRoot(),
                                remoteHub,
                                "bearer",
                                null,
                                null,
                                null,
                                null,
                                "amber",
                                "green",
                                60)))
                .field())
        .isEqualTo("localCollection");

    // named by id over the API: A's private collection, the advisories, another sector's, a
    // configured collection B is not a member of; each refused naming the field, nothing saved
    HttpResponse<String> custom =
        api.postJson(
            "/api/v1/collections",
            "{\"titleJa\":\"他組織のみ\",\"titleEn\":\"Others only\",\"members\":[\""
                + a.code()
                + "\"]}");
    assertThat(custom.statusCode()).as(custom.body()).isEqualTo(201);
    List<String> refusedTargets =
        List.of(
            aPrivate.id().toString(),
            kind(StixCollection.Kind.ADVISORIES).id().toString(),
            intel.allCollections().stream()
                .filter(c -> "railway".equals(c.sectorCode()))
                .findFirst()
                .orElseThrow()
                .id()
                .toString(),
            JSON.readTree(custom.body()).path("id").asString());
    for (String target : refusedTargets) {
      String name = Fixtures.unique("refused-target");
      HttpResponse<String> r = api.postJson("/api/v1/feeds", feedJson(name, target, b.code()));
      assertThat(r.statusCode()).as(target + ": " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains("\"field\":\"localCollection\"");
      assertThat(
              jdbc.sql("select count(*) from taxii_feed where name = ?")
                  .param(name)
                  .query(Integer.class)
                  .single())
          .isZero();
    }
    // the page's feeds are the national coordinator's: not into A's private collection either
    Http browser = new Http(port);
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    String pageName = Fixtures.unique("page-target");
    java.util.Map<String, String> form = new java.util.HashMap<>();
    form.put("name", pageName);
    form.put("apiRoot", remoteRoot());
    form.put("remoteCollection", remoteHub);
    form.put("authKind", "none");
    form.put("localCollection", aPrivate.id().toString());
    form.put("pollIntervalSeconds", "600");
    HttpResponse<String> page = browser.postForm("/admin/feeds", "/admin/feeds", form);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("フィードの取り込み元の組織（nisc）が書き込めません");
    assertThat(
            jdbc.sql("select count(*) from taxii_feed where name = ?")
                .param(pageName)
                .query(Integer.class)
                .single())
        .isZero();

    // B's own collection is fine; once B is deactivated its feed stores nothing more
    HttpResponse<String> own =
        api.postJson(
            "/api/v1/feeds", feedJson(Fixtures.unique("own"), bPrivate.id().toString(), b.code()));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    long ownId = JSON.readTree(own.body()).path("id").asLong();
    assertThat(feeds.pollNow(adminActor, ownId).health()).isEqualTo("ok");
    directory.setActive(Actor.cli(), b.id(), false);
    String later = "indicator--" + UUID.randomUUID();
    remotePost(List.of(indicator(later, GREEN)));
    TaxiiFeeds.Feed gone = feeds.pollNow(adminActor, ownId);
    assertThat(gone.lastErrorCode()).isEqualTo("target");
    assertThat(
            jdbc.sql("select count(*) from stix_object where stix_id = ?")
                .param(later)
                .query(Integer.class)
                .single())
        .isZero();
  }

  private String feedJson(String name, String localCollection, String originatorOrg) {
    return """
        {"name":"%s","apiRoot":"%s","remoteCollection":"%s","authKind":"bearer",
         "secret":"%s","localCollection":"%s","originatorOrg":"%s","defaultTlp":"amber",
         "widestTlp":"green","pollIntervalSeconds":60}
        """
        .formatted(name, remoteRoot(), remoteHub, remoteToken, localCollection, originatorOrg);
  }

  private StixCollection kind(StixCollection.Kind kind) {
    return intel.allCollections().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
  }

  /**
   * A hostile (or broken) peer that answers {@code "more": true} with a next token forever held the
   * poll — and the instance's scheduled tasks with it — for as long as it liked (attack30). A poll
   * now reads at most {@link TaxiiFeeds#MAX_PAGES} pages and leaves the rest for the next poll.
   * This peer says "more" for five times the cap, then stops (so without the cap the test ends, and
   * fails on the count).
   */
  @Test
  void aPeerThatAlwaysSaysMoreDoesNotHoldThePoll() throws Exception {
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer endless =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    endless.createContext(
        "/",
        ex -> {
          int n = asked.incrementAndGet();
          byte[] body =
              (n < 5 * TaxiiFeeds.MAX_PAGES
                      ? "{\"more\":true,\"next\":\"page-" + n + "\"}"
                      : "{\"more\":false}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", TAXII);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    endless.start();
    try {
      Actor adminActor = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
      TaxiiFeeds.Feed f =
          feeds.create(
              adminActor,
              new TaxiiFeeds.NewFeed(
                  Fixtures.unique("endless"),
                  "http://127.0.0.1:" + endless.getAddress().getPort() + "/taxii2/api/",
                  "c",
                  "none",
                  null,
                  null,
                  gasCollection().id().toString(),
                  null,
                  null,
                  null,
                  60));
      TaxiiFeeds.Feed polled = feeds.pollNow(adminActor, f.id());
      assertThat(asked.get()).isEqualTo(TaxiiFeeds.MAX_PAGES);
      // not a failure: a long backlog ends the same way, and continues at the next poll
      assertThat(polled.health()).as(polled.lastError()).isEqualTo("ok");
      assertThat(polled.nextPollAt()).isAfter(Instant.now().plusSeconds(30));
    } finally {
      endless.stop(0);
    }
  }

  /**
   * A peer serves a newer version — revoked — of objects a local organisation created here (tried
   * and held, attack30): where the feed's organisation reads A's object the version is refused
   * (only the creator versions an object); where it does not (A's AMBER+STRICT one, the sector
   * CEPTOAR's) it is the feed's own copy, and a reader of the creator's copy is not shown it.
   * Nothing the peer says retracts or rewrites A's objects in anyone's eyes.
   */
  @Test
  void aPeersNewerRevokedVersionOfALocalOrganisationsObjectChangesNothingHere() throws Exception {
    Organisation a = fixtures.operator("gas");
    String seen = "indicator--" + UUID.randomUUID();
    String hidden = "indicator--" + UUID.randomUUID();
    HttpResponse<String> posted =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/taxii2/api/collections/"
                            + gasCollection().id()
                            + "/objects/"))
                .header("Accept", TAXII)
                .header("Content-Type", TAXII)
                .header("Authorization", "Bearer " + fixtures.token(fixtures.user(a, Role.ANALYST)))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"objects\":["
                            + indicator(seen, GREEN)
                            + ","
                            + indicator(hidden, AMBER_STRICT)
                            + "]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    assertThat(JSON.readTree(posted.body()).path("success_count").asInt()).isEqualTo(2);
    java.util.function.UnaryOperator<String> newerRevoked =
        o ->
            o.replace(
                "\"modified\":\"2026-05-01T00:00:00.000Z\"",
                "\"modified\":\"2026-06-01T00:00:00.000Z\",\"revoked\":true");
    remotePost(
        List.of(
            newerRevoked.apply(indicator(seen, GREEN)),
            newerRevoked.apply(indicator(hidden, GREEN))));

    Actor adminActor = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    TaxiiFeeds.Feed f = feeds.create(adminActor, feed("newer", "bearer", remoteToken));
    TaxiiFeeds.Feed polled = feeds.pollNow(adminActor, f.id());
    assertThat(polled.health()).as(polled.lastError()).isEqualTo("ok");

    // the gas CEPTOAR reads both of A's objects, A's version, not revoked; a gas operator the
    // GREEN one the same way
    for (String reader : List.of("c-gas", fixtures.operator("gas").code())) {
      String token = fixtures.token(fixtures.user(reader, Role.MEMBER));
      List<String> ids = reader.equals("c-gas") ? List.of(seen, hidden) : List.of(seen);
      for (String id : ids) {
        HttpResponse<String> r =
            CLIENT.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/taxii2/api/collections/"
                                + gasCollection().id()
                                + "/objects/?match[id]="
                                + id))
                    .header("Accept", TAXII)
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode objects = JSON.readTree(r.body()).path("objects");
        assertThat(objects.size()).as(reader + " " + id + ": " + r.body()).isEqualTo(1);
        assertThat(objects.get(0).path("modified").asString())
            .as(reader + " " + id)
            .isEqualTo("2026-05-01T00:00:00.000Z");
        assertThat(objects.get(0).path("revoked").asBoolean(false)).isFalse();
      }
    }
  }

  List<String> localIds(String token, String... ids) throws Exception {
    return localIds(gasCollection(), token, ids);
  }

  List<String> localIds(StixCollection c, String token, String... ids) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/taxii2/api/collections/"
                            + c.id()
                            + "/objects/?match[id]="
                            + String.join(",", ids)))
                .header("Accept", TAXII)
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    JSON.readTree(r.body()).path("objects").forEach(o -> out.add(o.path("id").asString()));
    return out;
  }

  @Test
  void feedCredentialsAreStoredSealedAndOpenOnlyForTheirOwnFeed() throws Exception {
    Actor adminActor = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    TaxiiFeeds.Feed good = feeds.create(adminActor, feed("sealed", "bearer", remoteToken));
    String stored = storedSecret(good.id());
    assertThat(stored).startsWith("sealed:v1:").doesNotContain(remoteToken);
    assertThat(feeds.pollNow(adminActor, good.id()).health()).isEqualTo("ok");
    // the key is beside the data, not in the database, and only the hub's user may read it
    assertThat(vault.keyFile()).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault.keyFile())))
        .isEqualTo("rw-------");

    // a sealed credential copied into another feed's row does not open there
    TaxiiFeeds.Feed other = feeds.create(adminActor, feed("copied", "bearer", "rk_other"));
    jdbc.sql("update taxii_feed set secret = ? where id = ?").params(stored, other.id()).update();
    TaxiiFeeds.Feed moved = feeds.pollNow(adminActor, other.id());
    assertThat(moved.health()).isEqualTo("failing");
    assertThat(moved.lastError())
        .startsWith("the stored credential cannot be opened with this hub's credential key")
        .doesNotContain(remoteToken);

    // an admin gives the feed its credential again (API, or the form on the feeds page); the
    // feed is due at once and recovers; nobody else may, and an empty one names the field
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http api = new Http(port).bearer(fixtures.token(admin));
    String path = "/api/v1/feeds/" + other.id() + "/credential";
    assertThat(api.putJson(path, "{\"secret\":\"\"}").body()).contains("secret");
    assertThat(
            new Http(port)
                .bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)))
                .putJson(path, "{\"secret\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> replaced = api.putJson(path, "{\"secret\":\"%s\"}".formatted(remoteToken));
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.body()).doesNotContain(remoteToken);
    assertThat(feeds.get(adminActor, other.id()).nextPollAt())
        .isBefore(Instant.now().plusSeconds(1));
    assertThat(feeds.pollNow(adminActor, other.id()).health()).isEqualTo("ok");
    Http browser = new Http(port);
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/admin/feeds").body())
        .contains("credential-" + other.id(), "認証情報の差し替え")
        .doesNotContain(remoteToken);

    // a credential stored in the clear (before sealing existed) is sealed at start-up and works
    // (a feed that authenticates is created with a secret, as it is edited; the clear one is
    // written over it below)
    TaxiiFeeds.Feed old = feeds.create(adminActor, feed("legacy", "bearer", "rk_overwritten"));
    jdbc.sql("update taxii_feed set secret = ? where id = ?")
        .params(remoteToken, old.id())
        .update();
    feeds.sealStoredCredentials();
    assertThat(storedSecret(old.id())).startsWith("sealed:v1:").doesNotContain(remoteToken);
    assertThat(feeds.pollNow(adminActor, old.id()).health()).isEqualTo("ok");
    assertThat(
            jdbc.sql("select count(*) from taxii_feed where secret not like 'sealed:v1:%'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  private TaxiiFeeds.NewFeed feed(String name, String authKind, String secret) {
    return new TaxiiFeeds.NewFeed(
        Fixtures.unique(name),
        remoteRoot(),
        remoteHub,
        authKind,
        null,
        secret,
        gasCollection().id().toString(),
        null,
        null,
        null,
        60);
  }

  private String storedSecret(long feedId) {
    return jdbc.sql("select secret from taxii_feed where id = ?")
        .param(feedId)
        .query(String.class)
        .single();
  }

  @Test
  void aFailingRemoteBacksOffAndSaysWhy() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Actor adminActor = fixtures.actor(admin);
    TaxiiFeeds.Feed wrongToken =
        feeds.create(
            adminActor,
            new TaxiiFeeds.NewFeed(
                Fixtures.unique("bad-token"),
                remoteRoot(),
                remoteHub,
                "bearer",
                null,
                "rk_wrong",
                gasCollection().id().toString(),
                null,
                null,
                null,
                60));
    TaxiiFeeds.Feed f = feeds.pollNow(adminActor, wrongToken.id());
    assertThat(f.health()).isEqualTo("failing");
    assertThat(f.lastError()).startsWith("HTTP 401");
    assertThat(f.nextPollAt()).isAfter(Instant.now().plusSeconds(100));
    // stored as a reason with its arguments: the feeds page says it in the reader's language
    assertThat(f.lastErrorCode()).isEqualTo("http");
    assertThat(f.lastErrorArgs()).containsExactly("401", remoteRoot());
    Http web = new Http(port);
    web.signIn(admin.login(), Fixtures.PASSWORD);
    String cell = "id=\"feed-error-" + f.id() + "\"";
    String ja = web.get("/admin/feeds").body();
    assertThat(ja.substring(ja.indexOf(cell)))
        .contains(">" + remoteRoot() + " が HTTP 401 を返しました。<");
    web.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    String en = web.get("/admin/feeds").body();
    assertThat(en.substring(en.indexOf(cell)))
        .contains(">" + remoteRoot() + " answered HTTP 401.<");

    TaxiiFeeds.Feed unreachable =
        feeds.create(
            adminActor,
            new TaxiiFeeds.NewFeed(
                Fixtures.unique("down"),
                "http://127.0.0.1:9/taxii2/api/",
                "x",
                "none",
                null,
                null,
                gasCollection().id().toString(),
                null,
                null,
                null,
                60));
    TaxiiFeeds.Feed g = feeds.pollNow(adminActor, unreachable.id());
    assertThat(g.failures()).isEqualTo(1);
    assertThat(g.lastError()).startsWith("cannot connect to http://127.0.0.1:9/");
    assertThat(g.lastErrorCode()).isEqualTo("connect");
    assertThat(g.lastErrorArgs().get(0)).startsWith("http://127.0.0.1:9/");
    // the scheduled poller claims due feeds; a second failure doubles the wait
    jdbc.sql("update taxii_feed set next_poll_at = now() - interval '1 second' where id = ?")
        .param(unreachable.id())
        .update();
    assertThat(feeds.pollDue()).isGreaterThanOrEqualTo(1);
    TaxiiFeeds.Feed h = feeds.get(adminActor, unreachable.id());
    assertThat(h.failures()).isEqualTo(2);
    assertThat(h.nextPollAt()).isAfter(Instant.now().plusSeconds(200));
  }

  @Test
  void onlyPlatformAdminsManageFeedsAndBadInputNamesTheField() {
    Http analyst = new Http(port).bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    assertThat(analyst.get("/api/v1/feeds").statusCode()).isEqualTo(403);
    Http admin = new Http(port).bearer(fixtures.token(fixtures.user("nisc", Role.PLATFORM_ADMIN)));
    HttpResponse<String> bad =
        admin.postJson(
            "/api/v1/feeds",
            "{\"name\":\"x\",\"apiRoot\":\"ftp://x\",\"remoteCollection\":\"c\",\"localCollection\":\""
                + gasCollection().id()
                + "\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"apiRoot\"");
    // the health page: each feed with its state, for platform admins only
    UserAccount platformAdmin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    TaxiiFeeds.Feed down =
        feeds.create(
            fixtures.actor(platformAdmin),
            new TaxiiFeeds.NewFeed(
                Fixtures.unique("page"),
                "http://127.0.0.1:9/taxii2/api/",
                "x",
                "none",
                null,
                null,
                gasCollection().id().toString(),
                null,
                null,
                null,
                60));
    feeds.pollNow(fixtures.actor(platformAdmin), down.id());
    Http browser = new Http(port);
    browser.signIn(platformAdmin.login(), Fixtures.PASSWORD);
    HttpResponse<String> page = browser.get("/admin/feeds");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(down.name(), "失敗中", "cannot connect to http://127.0.0.1:9/");
    Http orgAdmin = new Http(port);
    orgAdmin.signIn(
        fixtures.user(fixtures.operator("gas"), Role.ORG_ADMIN).login(), Fixtures.PASSWORD);
    assertThat(orgAdmin.get("/admin/feeds").body()).doesNotContain(down.name());
  }
}
