package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.AuditFilter;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationQuery;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.StixSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An adversary's test of the lists that got the filter bar last (audit, correlations, sightings,
 * directory, received advisories) and of the organisation filter on reports, inbox and advisories:
 * another organisation's rows never show, a filter naming a hidden object or organisation answers
 * exactly as one naming nothing, totals count only what the viewer may open, and tampered
 * page/size/sort parameters get a 400 page naming them, never a stack trace.
 */
class HubListsLeakIT extends ServerTest {

  static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
  static final Pattern TOTAL = Pattern.compile("id=\"list-total\">全([\\d,]+)件");

  @Autowired AuditLog audit;
  @Autowired IntelService intel;
  @Autowired DirectoryService directory;

  private Http signedIn(UserAccount u) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int total(String body) {
    Matcher m = TOTAL.matcher(body);
    return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
  }

  /** The part of a list page that depends on the rows (the filter bar echoes the query). */
  private static String rows(String body) {
    int from = body.indexOf("class=\"list-summary\"");
    int to = body.indexOf("</main>");
    assertThat(from).as(body).isPositive();
    return body.substring(from, to);
  }

  /** A filter on something hidden reads exactly as a filter on something that does not exist. */
  private static void sameAsNothing(Http web, String path, String param, String hidden) {
    HttpResponse<String> h = web.get(path + "?" + param + "=" + enc(hidden));
    HttpResponse<String> none =
        web.get(path + "?" + param + "=" + enc("nothing-" + UUID.randomUUID()));
    assertThat(h.statusCode()).isEqualTo(200);
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(rows(h.body())).as(path + " " + param).isEqualTo(rows(none.body()));
    assertThat(h.body()).contains("id=\"list-empty\"").doesNotContain("id=\"list-total\"");
  }

  private StixCollection hub() {
    return intel.allCollections().stream()
        .filter(c -> c.kind() == StixCollection.Kind.HUB)
        .findFirst()
        .orElseThrow();
  }

  private static String indicator(String id, String domain, String marking) {
    return """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-03-01T00:00:00.000Z",
         "modified":"2026-03-01T00:00:00.000Z","name":"campaign","pattern_type":"stix",
         "pattern":"[domain-name:value = '%s']","valid_from":"2026-03-01T00:00:00Z",
         "object_marking_refs":["%s"]}
        """
        .formatted(id, domain, marking);
  }

  @Test
  void correlationsCountOnlyTheCorrelationsTheCoordinatorMaySee() {
    UserAccount gas = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    UserAccount rail = fixtures.user(fixtures.operator("railway"), Role.ANALYST);
    UserAccount water = fixtures.user(fixtures.operator("water"), Role.ANALYST);
    UserAccount nisc = fixtures.user(directory.nationalCoordinator().orElseThrow(), Role.ANALYST);
    String zone = Fixtures.unique("hz").replace("-", "") + ".test";
    String shown = "seen." + zone;
    String hidden = "hidden." + zone;
    fixtures.ingest(gas, hub(), indicator("indicator--" + UUID.randomUUID(), shown, GREEN));
    fixtures.ingest(rail, hub(), indicator("indicator--" + UUID.randomUUID(), shown, GREEN));
    // both members RED to their own organisations: the coordinator may see neither
    fixtures.ingest(rail, hub(), indicator("indicator--" + UUID.randomUUID(), hidden, RED));
    fixtures.ingest(water, hub(), indicator("indicator--" + UUID.randomUUID(), hidden, RED));

    Http web = signedIn(nisc);
    String all = web.get("/intel/correlations?size=100&q=" + enc(zone)).body();
    assertThat(all).contains(shown).doesNotContain(hidden);
    assertThat(total(all)).isEqualTo(1);
    assertThat(web.get("/intel/correlations?q=" + enc(zone) + "&sector=gas").body())
        .contains(shown);
    assertThat(web.get("/intel/correlations?q=" + enc(zone) + "&kind=domain-name").body())
        .contains(shown);
    sameAsNothing(web, "/intel/correlations", "q", hidden);
    // the hidden correlation's only sector beside railway: water
    String water2 = web.get("/intel/correlations?q=" + enc(zone) + "&sector=water").body();
    assertThat(water2).contains("id=\"list-empty\"").doesNotContain(hidden);
    // an operator has no correlation list at all, whatever it asks
    assertThat(signedIn(gas).get("/intel/correlations?sort=bogus").statusCode()).isEqualTo(403);
  }

  @Test
  void theAuditListOfAnOrganisationsAdminNeverShowsAnotherOrganisationsPeople() {
    Organisation a = fixtures.operator("finance");
    Organisation b = fixtures.operator("finance");
    UserAccount adminA = fixtures.user(a, Role.ORG_ADMIN);
    UserAccount personA = fixtures.user(a, Role.MEMBER);
    UserAccount personB = fixtures.user(b, Role.MEMBER);
    signedIn(personA);
    signedIn(personB);
    Http web = signedIn(adminA);
    String mine = web.get("/admin/audit?size=100&actor=" + enc(personA.login())).body();
    assertThat(mine).contains(personA.login(), "auth.login");
    int expected =
        audit
            .search(
                fixtures.actor(adminA),
                new AuditFilter(null, personA.login(), null, null, null, null, 5_001))
            .size();
    assertThat(total(mine)).isEqualTo(expected).isPositive();
    // another organisation's person reads like nobody at all
    sameAsNothing(web, "/admin/audit", "actor", personB.login());
    assertThat(web.get("/admin/audit?size=100").body()).doesNotContain(personB.login());
    // the platform admin sees B's sign-in
    Http platform = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    assertThat(platform.get("/admin/audit?actor=" + enc(personB.login())).body())
        .contains(personB.login());
    // a member has no audit list whatever it asks
    assertThat(signedIn(personA).get("/admin/audit?size=7").statusCode()).isEqualTo(403);
  }

  @Test
  void anOrganisationsAdminListsOnlyItsOwnPeople() {
    Organisation a = fixtures.operator("finance");
    Organisation b = fixtures.operator("finance");
    UserAccount adminA = fixtures.user(a, Role.ORG_ADMIN);
    UserAccount personA = fixtures.user(a, Role.MEMBER);
    UserAccount personB = fixtures.user(b, Role.ANALYST);
    Http web = signedIn(adminA);
    String all = web.get("/admin/users?size=100").body();
    assertThat(all).contains(personA.login()).doesNotContain(personB.login());
    assertThat(total(all)).isEqualTo(2);
    sameAsNothing(web, "/admin/users", "q", personB.login());
    sameAsNothing(web, "/admin/users", "org", b.nameJa());
    assertThat(web.get("/admin/users?role=member").body())
        .contains(personA.login())
        .doesNotContain(adminA.login() + "</a>");
  }

  @Test
  void aPublishersSightingsListShowsOnlyItsOwnIndicators() {
    Organisation pubOrg = fixtures.operator("gas");
    UserAccount publisher = fixtures.user(pubOrg, Role.ANALYST);
    UserAccount seer = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    UserAccount other = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    String id = "indicator--" + UUID.randomUUID();
    String domain = Fixtures.unique("sg").replace("-", "") + ".test";
    StixCollection gas =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow();
    fixtures.ingest(publisher, gas, indicator(id, domain, GREEN));
    fixtures.ingest(seer, gas, StixSamples.sighting(id, 3, GREEN));
    String own = signedIn(publisher).get("/intel/sightings?q=" + enc(id)).body();
    assertThat(own).contains(id);
    assertThat(total(own)).isEqualTo(1);
    Http web = signedIn(other);
    sameAsNothing(web, "/intel/sightings", "q", id);
    sameAsNothing(web, "/intel/sightings", "q", domain);
  }

  @Test
  void theDirectoryListsEveryOrganisationFilteredSortedAndPaged() {
    UserAccount member = fixtures.user(fixtures.operator("water"), Role.MEMBER);
    Http web = signedIn(member);
    int finance = directory.find(new OrganisationQuery(null, "finance", null)).size();
    String body = web.get("/directory?sector=finance&size=100").body();
    assertThat(total(body)).isEqualTo(finance);
    String asc = web.get("/directory?sector=finance&sort=code&dir=asc&size=100").body();
    List<String> codes =
        directory.find(new OrganisationQuery(null, "finance", null)).stream()
            .map(Organisation::code)
            .sorted()
            .toList();
    int last = -1;
    for (String code : codes.subList(0, Math.min(codes.size(), 100))) {
      int at = asc.indexOf("<code>" + code + "</code>");
      assertThat(at).as(code).isGreaterThan(last);
      last = at;
    }
  }

  @Test
  void theOrganisationFilterNeverNamesTheReporterOfAnAnonymisedReport() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    Organisation bank = directory.organisation(reporter.organisationId());
    String tag = Fixtures.unique("匿名組織");
    Http bankApi = http().bearer(fixtures.token(reporter));
    HttpResponse<String> filed =
        bankApi.postJson(
            "/api/v1/reports?submit=true",
            "{\"content\":{\"title\":\""
                + tag
                + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
                + "\"incidentType\":\"intrusion\",\"causes\":[\"impersonation\"],"
                + "\"serviceOutage\":\"no\",\"severity\":\"level2\",\"cascadePossibility\":\"no\","
                + "\"reportingCase\":\"case3\",\"observables\":[]},\"route\":\"ceptoar\","
                + "\"tlp\":\"green\",\"anonymise\":true}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    long original = Long.parseLong(filed.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    Http ceptoar = http().bearer(fixtures.token(fixtures.user("c-bank", Role.ANALYST)));
    HttpResponse<String> relayed = ceptoar.postJson("/api/v1/reports/" + original + "/relay", "{}");
    assertThat(relayed.statusCode()).as(relayed.body()).isIn(200, 201);
    long copy = Long.parseLong(relayed.body().replaceAll(".*\"relayedAs\":(\\d+).*", "$1"));

    UserAccount fsa = fixtures.user("fsa", Role.ANALYST);
    Http web = signedIn(fsa);
    String q = "q=" + enc(tag);
    // the ministry sees the copy, under its anonymous name
    assertThat(web.get("/reports?" + q + "&org=" + enc("金融分野")).body())
        .contains("href=\"/reports/" + copy + "\"");
    assertThat(web.get("/inbox?" + q + "&org=" + enc("金融分野")).body())
        .contains("/reports/" + copy + "\"");
    // the reporter's own name (Japanese or English) finds nothing, exactly like a made-up one
    for (String name : List.of(bank.nameJa(), bank.nameEn())) {
      for (String path : List.of("/reports", "/inbox")) {
        HttpResponse<String> r = web.get(path + "?" + q + "&org=" + enc(name));
        HttpResponse<String> none = web.get(path + "?" + q + "&org=" + enc("架空の組織ではない"));
        assertThat(r.body()).doesNotContain("/reports/" + copy + "\"");
        assertThat(rows(r.body())).isEqualTo(rows(none.body()));
      }
    }
    // the reporter itself finds its original by its own name
    assertThat(signedIn(reporter).get("/reports?" + q + "&org=" + enc(bank.nameJa())).body())
        .contains("href=\"/reports/" + original + "\"");
  }

  @Test
  void receivedAdvisoriesAreAListWithUrgencyDeadlineAndReceiptOnlyOfTheOrganisations() {
    Organisation a = fixtures.operator("finance");
    Organisation b = fixtures.operator("finance");
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    String tag = Fixtures.unique("受信一覧");
    String toA = tag + " A宛";
    String toB = tag + " B宛";
    for (String[] t : new String[][] {{toA, a.code()}, {toB, b.code()}}) {
      HttpResponse<String> r =
          nisc.postJson(
              "/api/v1/advisories",
              "{\"title\":\""
                  + t[0]
                  + "\",\"body\":\"本文\",\"actions\":\"対処\",\"observables\":[],"
                  + "\"tlp\":\"amber_strict\",\"organisations\":[\""
                  + t[1]
                  + "\"],\"urgency\":\"urgent\",\"confirmBy\":\"2099-01-01T00:00:00Z\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    UserAccount memberA = fixtures.user(a, Role.MEMBER);
    Http web = signedIn(memberA);
    String list = web.get("/inbox/advisories?q=" + enc(tag)).body();
    assertThat(list).contains(toA, "至急", "未確認", "2099-01-01").doesNotContain(toB);
    assertThat(total(list)).isEqualTo(1);
    assertThat(web.get("/inbox").body()).contains(toA, "id=\"inbox-advisories-all\"");
    assertThat(web.get("/inbox/advisories?q=" + enc(tag) + "&urgency=urgent").body()).contains(toA);
    assertThat(web.get("/inbox/advisories?q=" + enc(tag) + "&receipt=confirmed").body())
        .doesNotContain(toA);
    sameAsNothing(web, "/inbox/advisories", "q", toB);
    // the sender filter: the coordinator's name finds A's advisory, B's stays hidden
    String nameJa = directory.nationalCoordinator().orElseThrow().nameJa();
    assertThat(web.get("/inbox/advisories?q=" + enc(tag) + "&org=" + enc(nameJa)).body())
        .contains(toA)
        .doesNotContain(toB);
    assertThat(web.get("/advisories?q=" + enc(tag) + "&org=" + enc(nameJa)).body())
        .contains(toA)
        .doesNotContain(toB);
  }

  @Test
  void tamperedListParametersGetA400NamingThemNeverAStackTrace() {
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    UserAccount analyst = fixtures.user("nisc", Role.ANALYST);
    Http adminWeb = signedIn(admin);
    Http analystWeb = signedIn(analyst);
    List<String> bad =
        List.of(
            "page=-1",
            "page=99999999999",
            "page=abc",
            "size=1000",
            "size=7",
            "sort=DROP%20TABLE",
            "dir=sideways",
            "from=2026-13-45",
            "from=2026-11-30&to=2026-11-01",
            "org=" + "x".repeat(201),
            "q=" + "x".repeat(201));
    for (String path :
        List.of(
            "/admin/audit",
            "/admin/users",
            "/intel/correlations",
            "/intel/sightings",
            "/directory",
            "/inbox",
            "/inbox/advisories",
            "/reports",
            "/advisories")) {
      Http web = path.startsWith("/admin") ? adminWeb : analystWeb;
      for (String b : bad) {
        if (b.startsWith("org=")
            && !List.of("/inbox", "/inbox/advisories", "/reports", "/advisories", "/admin/users")
                .contains(path)) {
          continue;
        }
        if (b.startsWith("from=") && List.of("/directory", "/admin/users").contains(path)) {
          continue;
        }
        HttpResponse<String> r = web.get(path + "?" + b);
        assertThat(r.statusCode()).as(path + "?" + b).isEqualTo(400);
        assertThat(r.body())
            .as(path + "?" + b)
            .contains("id=\"list-problems\"")
            .doesNotContain("Exception", "at jp.renkei", "id=\"list-total\"");
      }
    }
  }
}
