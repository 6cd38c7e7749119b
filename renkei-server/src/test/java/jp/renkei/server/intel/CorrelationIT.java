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
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Correlation across organisations: exact values, domains over their subdomains, addresses in
 * ranges, warning lists, the member cap, and that a correlation never shows what its reader may not
 * see.
 */
class CorrelationIT extends ServerTest {

  static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

  @Autowired Fixtures fixtures;
  @Autowired IntelService intel;
  @Autowired CorrelationService correlations;
  @Autowired DirectoryService directory;
  @LocalServerPort int port;

  Organisation gas;
  Organisation rail;
  Organisation water;
  Actor gasAnalyst;
  Actor railAnalyst;
  Actor waterAnalyst;
  Actor nisc;
  UserAccount niscUser;
  StixCollection hub;
  String zone;

  @BeforeEach
  void setUp() {
    gas = fixtures.operator("gas");
    rail = fixtures.operator("railway");
    water = fixtures.operator("water");
    gasAnalyst = fixtures.actor(fixtures.user(gas, Role.ANALYST));
    railAnalyst = fixtures.actor(fixtures.user(rail, Role.ANALYST));
    waterAnalyst = fixtures.actor(fixtures.user(water, Role.ANALYST));
    niscUser = fixtures.user(directory.nationalCoordinator().orElseThrow(), Role.ANALYST);
    nisc = fixtures.actor(niscUser);
    hub =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow();
    zone = Fixtures.unique("z").replace("-", "") + ".test";
  }

  void post(Actor actor, Organisation org, String... objects) {
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
  }

  static String indicator(String pattern, String marking) {
    return """
        {"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2026-03-01T00:00:00.000Z",
         "modified":"2026-03-01T00:00:00.000Z","name":"campaign","pattern_type":"stix","pattern":"%s",
         "valid_from":"2026-03-01T00:00:00Z","object_marking_refs":["%s"]}
        """
        .formatted(UUID.randomUUID(), pattern, marking);
  }

  static String sco(String type, String value) {
    return """
        {"type":"%s","spec_version":"2.1","id":"%s--%s","value":"%s","object_marking_refs":["%s"]}
        """
        .formatted(type, type, UUID.randomUUID(), value, GREEN);
  }

  List<CorrelationService.View> about(String value) {
    List<CorrelationService.View> out = new ArrayList<>();
    Long before = null;
    do {
      CorrelationService.Page p = correlations.list(nisc, before, 100);
      p.items().stream().filter(v -> v.value().equals(value)).forEach(out::add);
      before = p.nextBefore();
    } while (before != null);
    return out;
  }

  @Test
  void aMemberItsReaderMayNotSeeChangesNothingInWhatItSees() throws InterruptedException {
    String c2 = "seen." + zone;
    post(gasAnalyst, gas, indicator("[domain-name:value = '" + c2 + "']", GREEN));
    post(railAnalyst, rail, sco("domain-name", c2));
    CorrelationService.View before = about(c2).get(0);
    Thread.sleep(20);
    // a RED member from a third organisation: the coordinator may not see it
    post(waterAnalyst, water, indicator("[domain-name:value = '" + c2 + "']", RED));
    assertThat(about(c2)).containsExactly(before);
  }

  @Test
  void aDomainCorrelatesWithItsSubdomainsAcrossOrganisations() {
    String c2 = "c2." + zone;
    post(gasAnalyst, gas, indicator("[domain-name:value = '" + c2 + "']", GREEN));
    assertThat(about(c2)).isEmpty();
    post(railAnalyst, rail, sco("domain-name", "www." + c2));
    List<CorrelationService.View> seen = about(c2);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).organisations()).isEqualTo(2);
    assertThat(seen.get(0).sectors()).containsExactlyInAnyOrder("gas", "railway");
    assertThat(seen.get(0).members()).hasSize(2);
    // the page shows it, sectors by name, to the coordinator's analyst and to nobody else
    var browser = http();
    browser.signIn(niscUser.login(), Fixtures.PASSWORD);
    String page = browser.get("/intel/correlations").body();
    assertThat(page).contains("id=\"correlation-list\"", c2, "ガス", "鉄道");
    var outsider = http();
    outsider.signIn(fixtures.user(gas, Role.ANALYST).login(), Fixtures.PASSWORD);
    var denied = outsider.get("/intel/correlations");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).doesNotContain(c2);
    // a sibling subdomain is not the same thing
    post(waterAnalyst, water, sco("domain-name", "mail." + zone));
    assertThat(about("mail." + zone)).isEmpty();
  }

  @Test
  void anAddressCorrelatesWithARangeAroundIt() {
    int x = (int) (Math.random() * 200) + 20;
    String range = "45." + x + ".77.0/24";
    post(gasAnalyst, gas, indicator("[ipv4-addr:value ISSUBSET '" + range + "']", GREEN));
    post(railAnalyst, rail, sco("ipv4-addr", "45." + x + ".77.9"));
    assertThat(about(range))
        .singleElement()
        .extracting(CorrelationService.View::organisations)
        .isEqualTo(2);
  }

  @Test
  void oneOrganisationAloneAndWarningListedValuesDoNotCorrelate() {
    String v = "http://dl." + zone + "/payload.bin";
    post(gasAnalyst, gas, indicator("[url:value = '" + v + "']", GREEN), sco("url", v));
    assertThat(about(v)).isEmpty();
    post(gasAnalyst, gas, sco("domain-name", "upd." + zone + ".windowsupdate.com"));
    post(railAnalyst, rail, sco("domain-name", "upd." + zone + ".windowsupdate.com"));
    assertThat(about("upd." + zone + ".windowsupdate.com")).isEmpty();
  }

  @Test
  void aCorrelationNeverShowsWhatItsReaderMayNotSee() {
    String v = "leak." + zone;
    // gas shares it RED (nobody else may see it), railway GREEN
    post(gasAnalyst, gas, indicator("[domain-name:value = '" + v + "']", RED));
    post(railAnalyst, rail, sco("domain-name", v));
    assertThat(about(v)).as("only one organisation's object is visible to NISC").isEmpty();
    post(waterAnalyst, water, sco("domain-name", v));
    List<CorrelationService.View> seen = about(v);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).organisations()).isEqualTo(2);
    assertThat(seen.get(0).sectors()).containsExactlyInAnyOrder("railway", "water");
    assertThat(seen.get(0).members())
        .extracting(CorrelationService.Member::type)
        .containsOnly("domain-name");
  }

  @Test
  void overCorrelatingValuesStopAtTheCap() {
    String v = "cap." + zone;
    List<String> many = new ArrayList<>();
    for (int i = 0; i < Correlator.MEMBER_CAP + 5; i++) {
      many.add(sco("domain-name", v));
    }
    post(gasAnalyst, gas, many.toArray(String[]::new));
    post(railAnalyst, rail, sco("domain-name", v));
    List<CorrelationService.View> seen = about(v);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).overLimit()).isTrue();
    // the cap (plus the one that showed it was exceeded), then one per further organisation
    assertThat(seen.get(0).members()).hasSize(Correlator.MEMBER_CAP + 2);
    assertThat(seen.get(0).organisations()).isEqualTo(2);
  }

  @Test
  void onlyTheNationalCoordinatorsAnalystsReadThemAndOnlyAdminsEditWarningLists() {
    String v = "api." + zone;
    post(gasAnalyst, gas, sco("domain-name", v));
    post(railAnalyst, rail, sco("domain-name", v));
    Http niscApi = new Http(port).bearer(fixtures.token(niscUser));
    var list = niscApi.get("/api/v1/correlations?limit=100");
    assertThat(list.statusCode()).isEqualTo(200);
    Http operator = new Http(port).bearer(fixtures.token(fixtures.user(gas, Role.ORG_ADMIN)));
    assertThat(operator.get("/api/v1/correlations").statusCode()).isEqualTo(403);

    Http admin = new Http(port).bearer(fixtures.token(fixtures.user("nisc", Role.PLATFORM_ADMIN)));
    assertThat(
            operator
                .postJson(
                    "/api/v1/warning-lists/common-domains/entries",
                    "{\"kind\":\"domain-name\",\"value\":\"" + zone + "\"}")
                .statusCode())
        .isEqualTo(403);
    var bad =
        admin.postJson(
            "/api/v1/warning-lists/common-domains/entries",
            "{\"kind\":\"domain\",\"value\":\"x\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"kind\"");
    assertThat(about(v)).hasSize(1);
    var added =
        admin.postJson(
            "/api/v1/warning-lists/common-domains/entries",
            "{\"kind\":\"domain-name\",\"value\":\"" + zone.toUpperCase() + "\"}");
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(about(v)).as("a listed value stops showing at once").isEmpty();
    assertThat(
            admin
                .delete(
                    "/api/v1/warning-lists/common-domains/entries?kind=domain-name&value=" + zone)
                .statusCode())
        .isEqualTo(204);
  }
}
