package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national coordinator's analyst as an adversary of the correlations it may not see: those
 * whose members it sees come from one organisation only (the other's object is TLP:RED). Such
 * hidden correlations must neither push visible ones off an object's correlation list (it read 100
 * rows and then judged them) nor serve as a place to page on from ({@code before}: a hidden id gave
 * the page after it, a missing one an empty page).
 */
class CorrelationListsLeakIT extends ServerTest {

  @Autowired IntelService intel;
  @Autowired CorrelationService correlations;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  Organisation gas;
  Organisation rail;
  Organisation water;
  Actor nisc;
  StixCollection hub;
  String zone;

  @BeforeEach
  void setUp() {
    gas = fixtures.operator("gas");
    rail = fixtures.operator("railway");
    water = fixtures.operator("water");
    UserAccount niscUser =
        fixtures.user(directory.nationalCoordinator().orElseThrow(), Role.ANALYST);
    nisc = fixtures.actor(niscUser);
    hub =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow();
    zone = Fixtures.unique("cl").replace("-", "") + ".test";
  }

  /** Stores the objects as {@code org}'s, returning their stored sequence numbers. */
  List<Long> post(Organisation org, List<String> objects) {
    Actor actor = fixtures.actor(fixtures.user(org, Role.ANALYST));
    String bundle = "{\"objects\":[" + String.join(",", objects) + "]}";
    IntelService.Ingest r =
        intel.ingest(
            actor,
            hub,
            org.id(),
            null,
            new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)),
            n -> {});
    assertThat(r.failures()).as(r.outcomes().toString()).isZero();
    List<String> ids =
        objects.stream().map(o -> o.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1")).toList();
    return jdbc.sql("select seq from stix_object where stix_id = any(?) order by seq")
        .param(ids.toArray(String[]::new))
        .query(Long.class)
        .list();
  }

  static String domain(String value, String marking) {
    return """
        {"type":"domain-name","spec_version":"2.1","id":"domain-name--%s","value":"%s","object_marking_refs":["%s"]}
        """
        .formatted(UUID.randomUUID(), value, marking);
  }

  static List<String> domains(String prefix, String zone, int n, String marking) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(domain(prefix + i + "." + zone, marking));
    }
    return out;
  }

  @Test
  void hiddenCorrelationsPushNoVisibleOneOffAnObjectsList() throws InterruptedException {
    // one correlation NISC sees: gas and railway share seen.<zone> GREEN
    List<Long> gasSeqs =
        new ArrayList<>(post(gas, List.of(domain("seen." + zone, CorrelationIT.GREEN))));
    post(rail, List.of(domain("seen." + zone, CorrelationIT.GREEN)));
    Thread.sleep(20);
    // then 101 newer ones it does not: gas GREEN, water RED
    gasSeqs.addAll(post(gas, domains("h", zone, 101, CorrelationIT.GREEN)));
    post(water, domains("h", zone, 101, CorrelationIT.RED));

    assertThat(correlations.ofObjects(nisc, gasSeqs))
        .extracting(CorrelationService.View::value)
        .contains("seen." + zone)
        .noneMatch(v -> v.startsWith("h"));
  }

  @Test
  void aHiddenCorrelationIsNoPlaceToPageOnFrom() throws InterruptedException {
    String value = "red." + zone;
    post(rail, List.of(domain("older." + zone, CorrelationIT.GREEN)));
    post(water, List.of(domain("older." + zone, CorrelationIT.GREEN)));
    Thread.sleep(20);
    post(gas, List.of(domain(value, CorrelationIT.RED)));
    post(rail, List.of(domain(value, CorrelationIT.GREEN)));
    long hidden =
        jdbc.sql("select id from correlation where value = ?")
            .param(value)
            .query(Long.class)
            .single();
    // stored as spanning two organisations, but NISC sees railway's member only: not in its list
    List<Long> listed = new ArrayList<>();
    Long before = null;
    do {
      CorrelationService.Page p = correlations.list(nisc, before, 100);
      p.items().forEach(v -> listed.add(v.id()));
      before = p.nextBefore();
    } while (before != null);
    assertThat(listed).doesNotContain(hidden);
    // its id answers as an id that names nothing: an empty page, not the page after it
    long none = 4503599627370496L + 4242;
    assertThat(correlations.list(nisc, hidden, 100)).isEqualTo(correlations.list(nisc, none, 100));
    assertThat(correlations.list(nisc, hidden, 100).items()).isEmpty();
  }

  /**
   * The API's order is the reader's own: a correlation first stored from two objects the reader may
   * not see (gas's TLP:RED ones) and only later seen (railway and water GREEN) is as new as what
   * the reader sees of it. Ordered by the stored first time, it came after a correlation seen
   * earlier, which told that it had members the reader may not see, and since when.
   */
  @Test
  void theApisOrderTellsNothingOfMembersItsReaderMayNotSee() throws InterruptedException {
    String hiddenFirst = "a." + zone;
    String seenFirst = "b." + zone;
    post(
        gas,
        List.of(domain(hiddenFirst, CorrelationIT.RED), domain(hiddenFirst, CorrelationIT.RED)));
    Thread.sleep(20);
    post(rail, List.of(domain(seenFirst, CorrelationIT.GREEN)));
    post(water, List.of(domain(seenFirst, CorrelationIT.GREEN)));
    Thread.sleep(20);
    post(rail, List.of(domain(hiddenFirst, CorrelationIT.GREEN)));
    post(water, List.of(domain(hiddenFirst, CorrelationIT.GREEN)));

    List<CorrelationService.View> listed = new ArrayList<>();
    Long before = null;
    do {
      CorrelationService.Page p = correlations.list(nisc, before, 7);
      listed.addAll(p.items());
      before = p.nextBefore();
    } while (before != null);
    List<String> values = listed.stream().map(CorrelationService.View::value).toList();
    assertThat(values).contains(hiddenFirst, seenFirst);
    assertThat(values.indexOf(hiddenFirst)).isLessThan(values.indexOf(seenFirst));
    // newest first by what the reader is shown, across every page
    for (int i = 1; i < listed.size(); i++) {
      assertThat(listed.get(i).firstSeen()).isBeforeOrEqualTo(listed.get(i - 1).firstSeen());
    }
  }
}
