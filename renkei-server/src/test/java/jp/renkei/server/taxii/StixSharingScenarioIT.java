package jp.renkei.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.SharingPolicy;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.policy.Viewer;
import jp.renkei.engine.stix.TlpMarkings;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.sharing.ModeService;
import jp.renkei.server.sharing.SharingGate;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Hostile organisations against the STIX store over generated scenarios: organisations of two
 * sectors (CEPTOAR members and not), their CEPTOAR, the national coordinator and an
 * incident-response agency post objects at every TLP into every collection they may write — new
 * objects, their own new versions and revocations, versions of others' objects, others' versions
 * again, ids they cannot see, shared addresses — and then every organisation reads every collection
 * through every TAXII endpoint and filter, in both modes. What each writer is told and what each
 * reader gets must equal a model of the store judged by the engine's policy: an object's copies,
 * their creator, and the collection's community.
 */
class StixSharingScenarioIT extends ServerTest {

  @Autowired IntelService intel;
  @Autowired SharingGate gate;
  @Autowired ModeService modes;
  @Autowired DirectoryService directory;

  private final SharingPolicy policy = new SharingPolicy();

  /** One organisation in the scenario: who acts for it and how the policy sees it. */
  record Party(String name, Organisation org, UserAccount user, String token) {}

  /** A stored copy in the model. */
  record Copy(
      String collection,
      String id,
      long org,
      long person,
      Tlp tlp,
      Instant version,
      int seq,
      String marker) {}

  final List<Copy> store = new ArrayList<>();
  final Map<String, Integer> told = new TreeMap<>();
  final Map<String, Long> creators = new HashMap<>();
  int seq;

  @AfterEach
  void normalMode() {
    if (modes.current() != SystemMode.NORMAL) {
      modes.switchTo(Actor.cli(), "normal", "test cleanup");
    }
  }

  @Test
  void everyReaderGetsExactlyWhatThePolicyAllowsAndEveryWriterIsToldOnlyWhatItMaySee() {
    for (long seed : List.of(11L, 29L)) {
      store.clear();
      creators.clear();
      scenario(new Random(seed), seed);
    }
    // the scenarios made each kind of write happen, not only the easy ones
    assertThat(told.keySet()).containsExactly("already", "refused", "stored");
  }

  Party party(String name, Organisation org) {
    UserAccount u = fixtures.user(org, Role.ANALYST);
    return new Party(name, org, u, fixtures.token(u));
  }

  Organisation operator(String sector, List<String> ceptoars) {
    String code = Fixtures.unique("op");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code, "事業者 " + code, "Operator " + code, "operator", sector, null, null, ceptoars));
  }

  void scenario(Random random, long seed) {
    List<Party> parties =
        List.of(
            party("gas member 1", operator("gas", List.of("c-gas"))),
            party("gas member 2", operator("gas", List.of("c-gas"))),
            party("gas outsider", operator("gas", List.of())),
            party("railway", operator("railway", List.of())),
            party("gas CEPTOAR", directory.organisation("c-gas")),
            party("NISC", directory.organisation("nisc")),
            party("police", directory.organisation("npa")));
    Map<String, StixCollection> collections = new LinkedHashMap<>();
    for (StixCollection c : intel.allCollections()) {
      if (c.kind() == StixCollection.Kind.HUB
          || (c.kind() == StixCollection.Kind.SECTOR
              && Set.of("gas", "railway").contains(c.sectorCode()))) {
        collections.put(c.id().toString(), c);
      }
    }
    for (Party p : parties.subList(0, 4)) {
      StixCollection own = intel.collectionOfOrganisation(p.org().id()).orElseThrow();
      collections.put(own.id().toString(), own);
    }

    List<String> ids = new ArrayList<>();
    List<String> addresses = List.of("192.0.2.1", "192.0.2.2", "192.0.2.3");
    Map<String, String> addressIds = new HashMap<>();
    addresses.forEach(a -> addressIds.put(a, "ipv4-addr--" + UUID.randomUUID()));
    Tlp[] tlps = Tlp.values();
    for (int step = 0; step < 45; step++) {
      Party w = parties.get(random.nextInt(parties.size()));
      List<StixCollection> writable =
          collections.values().stream().filter(c -> intel.canWrite(actor(w), c)).toList();
      StixCollection c = writable.get(random.nextInt(writable.size()));
      Tlp tlp = tlps[random.nextInt(tlps.length)];
      String marker = "m" + seed + "-" + step;
      int kind = random.nextInt(10);
      String object;
      String id;
      Instant version;
      if (kind < 3 || ids.isEmpty()) { // a new indicator
        id = "indicator--" + UUID.randomUUID();
        ids.add(id);
        version = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step);
      } else if (kind < 7) { // a version of any object: its own, or someone else's
        id = ids.get(random.nextInt(ids.size()));
        version = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(step);
      } else if (kind < 8) { // an existing version again, as it was stored
        Copy again = store.stream().filter(k -> k.version() != null).findAny().orElse(null);
        if (again == null) {
          continue;
        }
        id = again.id();
        version = again.version();
        tlp = again.tlp();
      } else { // a shared address, whoever else holds it
        String value = addresses.get(random.nextInt(addresses.size()));
        id = addressIds.get(value);
        version = null;
        object =
            """
            {"type":"ipv4-addr","spec_version":"2.1","id":"%s","value":"%s","x_marker":"%s",
             "object_marking_refs":["%s"]}
            """
                .formatted(id, value, marker, TlpMarkings.idOf(tlp));
        check(w, c, id, null, tlp, marker, object, parties);
        continue;
      }
      object =
          """
          {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-01-01T00:00:00.000Z",
           "modified":"%s","name":"%s","pattern_type":"stix","pattern":"[ipv4-addr:value = '198.51.100.%d']",
           "valid_from":"2026-01-01T00:00:00Z","revoked":%s,"x_marker":"%s","object_marking_refs":["%s"]}
          """
              .formatted(
                  id,
                  jp.renkei.engine.stix.StixTime.formatMicros(version),
                  marker,
                  step,
                  random.nextInt(5) == 0,
                  marker,
                  TlpMarkings.idOf(tlp));
      check(w, c, id, version, tlp, marker, object, parties);
    }

    List<String> universe = new ArrayList<>(ids);
    universe.addAll(addressIds.values());
    for (SystemMode mode : List.of(SystemMode.NORMAL, SystemMode.LARGE_SCALE)) {
      if (modes.current() != mode) {
        modes.switchTo(Actor.cli(), mode == SystemMode.NORMAL ? "normal" : "large_scale", "test");
      }
      for (Party r : parties) {
        for (StixCollection c : collections.values()) {
          readBack(
              r,
              c,
              universe,
              "seed " + seed + ", " + mode + ", " + r.name() + " in " + c.titleEn());
        }
      }
    }
  }

  Actor actor(Party p) {
    return fixtures.actor(p.user());
  }

  // ---- the model ---------------------------------------------------------------------------

  boolean canRead(Party p, StixCollection c) {
    return c.kind() != StixCollection.Kind.ORGANISATION || c.organisationId().equals(p.org().id());
  }

  boolean sees(Party p, StixCollection c, Copy k) {
    if (!canRead(p, c)) {
      return false;
    }
    Viewer v = gate.viewer(actor(p));
    Audience a =
        Audience.of(Marking.tlp(k.tlp()), k.org(), k.person())
            .withRecipientOrganisations(c.recipients())
            .withScope(
                c.kind() == StixCollection.Kind.SECTOR ? Set.of(c.sectorCode()) : Set.of(),
                Set.of());
    return policy.canView(v, a, modes.current());
  }

  StixCollection collectionOf(Copy k) {
    return intel.collection(UUID.fromString(k.collection())).orElseThrow();
  }

  /** The copies of an id in a collection that a reader is shown. */
  List<Copy> shown(Party r, StixCollection c, String id) {
    List<Copy> seen =
        store.stream()
            .filter(k -> k.collection().equals(c.id().toString()) && k.id().equals(id))
            .filter(k -> sees(r, c, k))
            .toList();
    Long creator = creators.get(id);
    List<Copy> own = seen.stream().filter(k -> creator != null && k.org() == creator).toList();
    return own.isEmpty() ? seen : own;
  }

  /** Posts one object and checks the status against what the model says the writer is told. */
  void check(
      Party w,
      StixCollection c,
      String id,
      Instant version,
      Tlp tlp,
      String marker,
      String object,
      List<Party> parties) {
    String expected;
    long org = w.org().id();
    boolean ownAlready =
        store.stream()
            .anyMatch(
                k ->
                    k.collection().equals(c.id().toString())
                        && k.id().equals(id)
                        && k.org() == org
                        && (version == null || version.equals(k.version())));
    List<Copy> othersSeen =
        version == null || creators.getOrDefault(id, -1L) == org
            ? List.of()
            : store.stream()
                .filter(k -> k.id().equals(id) && k.org() != org)
                .filter(k -> sees(w, collectionOf(k), k))
                .toList();
    if (!othersSeen.isEmpty()) {
      boolean same =
          othersSeen.stream()
              .anyMatch(
                  k -> k.collection().equals(c.id().toString()) && version.equals(k.version()));
      expected = same ? "already" : "refused";
    } else if (ownAlready) {
      expected = "already";
    } else {
      expected = "stored";
      store.add(new Copy(c.id().toString(), id, org, w.user().id(), tlp, version, seq++, marker));
      creators.putIfAbsent(id, org);
    }
    told.merge(expected, 1, Integer::sum);
    HttpResponse<String> r =
        send(
            w,
            HttpRequest.newBuilder(uri(c.id() + "/objects/"))
                .header("Content-Type", TaxiiIT.TAXII)
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\":[" + object + "]}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode status = TaxiiIT.JSON.readTree(r.body());
    String answer =
        status.path("failure_count").asInt() == 1
            ? "refused"
            : status.path("successes").get(0).has("message") ? "already" : "stored";
    assertThat(answer)
        .as(
            "%s posting %s v%s at %s to %s: %s; model %s; creator %s",
            w.name(),
            id,
            version,
            tlp,
            c.titleEn(),
            r.body(),
            store.stream().filter(k -> k.id().equals(id)).toList(),
            creators.get(id) + " writer org " + org + " sees " + writerView(w, id))
        .isEqualTo(expected);
  }

  String writerView(Party w, String id) {
    StringBuilder b = new StringBuilder();
    for (StixCollection k : intel.allCollections()) {
      List<JsonNode> got = walk(w, k.id() + "/objects/?match[id]=" + id + "&match[version]=all");
      if (got != null && !got.isEmpty()) {
        b.append(k.titleEn()).append(markers(got));
      }
    }
    return b.toString();
  }

  // ---- reading back ------------------------------------------------------------------------

  HttpResponse<String> send(Party p, HttpRequest.Builder b) {
    try {
      return TaxiiIT.CLIENT.send(
          b.header("Authorization", "Bearer " + p.token()).header("Accept", TaxiiIT.TAXII).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/taxii2/api/collections/" + path);
  }

  /** Every object of every page, following next tokens. */
  List<JsonNode> walk(Party r, String path) {
    List<JsonNode> out = new ArrayList<>();
    String next = null;
    do {
      String sep = path.contains("?") ? "&" : "?";
      HttpResponse<String> page =
          send(
              r,
              HttpRequest.newBuilder(
                      uri(path + sep + "limit=4" + (next == null ? "" : "&next=" + next)))
                  .GET());
      if (page.statusCode() == 404) {
        return null;
      }
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode j = TaxiiIT.JSON.readTree(page.body());
      j.path("objects").forEach(out::add);
      j.path("versions").forEach(out::add);
      next = j.path("more").asBoolean() ? j.path("next").asString() : null;
    } while (next != null);
    return out;
  }

  static List<String> markers(List<JsonNode> objects) {
    return objects.stream().map(o -> o.path("x_marker").asString()).sorted().toList();
  }

  void readBack(Party r, StixCollection c, List<String> universe, String where) {
    String base = c.id() + "/";
    if (!canRead(r, c)) {
      assertThat(send(r, HttpRequest.newBuilder(uri(base + "objects/")).GET()).statusCode())
          .as(where)
          .isEqualTo(404);
      return;
    }
    Map<String, List<Copy>> all = new TreeMap<>();
    for (String id : universe) {
      List<Copy> shown = shown(r, c, id);
      if (!shown.isEmpty()) {
        all.put(id, shown);
      }
    }
    List<String> expectAll = new ArrayList<>();
    List<String> expectLast = new ArrayList<>();
    List<String> expectFirst = new ArrayList<>();
    for (List<Copy> shown : all.values()) {
      shown.forEach(k -> expectAll.add(k.marker()));
      expectLast.addAll(extreme(shown, true));
      expectFirst.addAll(extreme(shown, false));
    }
    String ours = "match[id]=" + String.join(",", universe);
    assertThat(markers(walk(r, base + "objects/?" + ours + "&match[version]=all")))
        .as(where + ": all versions")
        .isEqualTo(expectAll.stream().sorted().toList());
    assertThat(markers(walk(r, base + "objects/?" + ours)))
        .as(where + ": last versions")
        .isEqualTo(expectLast.stream().sorted().toList());
    assertThat(markers(walk(r, base + "objects/?" + ours + "&match[version]=first")))
        .as(where + ": first versions")
        .isEqualTo(expectFirst.stream().sorted().toList());
    assertThat(walk(r, base + "manifest/?" + ours + "&match[version]=all"))
        .as(where + ": manifest")
        .hasSize(expectAll.size());
    for (String id : universe) {
      List<Copy> shown = all.getOrDefault(id, List.of());
      List<JsonNode> one = walk(r, base + "objects/" + id + "/");
      List<JsonNode> versions = walk(r, base + "objects/" + id + "/versions/");
      if (shown.isEmpty()) {
        assertThat(one).as(where + ": " + id).isNull();
        assertThat(versions).as(where + ": versions of " + id).isNull();
      } else {
        assertThat(markers(one))
            .as(where + ": " + id)
            .isEqualTo(extreme(shown, true).stream().sorted().toList());
        assertThat(versions).as(where + ": versions of " + id).hasSize(shown.size());
      }
    }
  }

  /** The markers of the newest (or oldest) copies: by version, else by when they were stored. */
  static List<String> extreme(List<Copy> shown, boolean newest) {
    java.util.Comparator<Copy> order =
        (a, b) ->
            a.version() != null && b.version() != null
                ? a.version().compareTo(b.version())
                : Integer.compare(a.seq(), b.seq());
    Copy best = shown.stream().max(newest ? order : order.reversed()).orElseThrow();
    return shown.stream().filter(k -> order.compare(k, best) == 0).map(Copy::marker).toList();
  }
}
