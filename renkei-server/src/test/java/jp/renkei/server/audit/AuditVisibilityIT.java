package jp.renkei.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.ObjectQuery;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit log keeps every entry, but shows an entry about a report or advisory only to those who
 * may see that object now: an admin browsing the log learns nothing of a RED report, a draft or an
 * anonymised original, and nothing links a relay copy to its original.
 */
class AuditVisibilityIT extends ServerTest {

  @Autowired AuditLog audit;
  @Autowired IntelService intel;

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  static long id(HttpResponse<String> r, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static String report(String title, String route, String tlp, String extra) {
    return "{\"content\":{\"title\":\""
        + title
        + "\",\"summary\":\"インターネットバンキングへの不正ログインを検知。\","
        + "\"detectedAt\":\"2026-11-20T01:00:00Z\",\"incidentType\":\"intrusion\","
        + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level3\","
        + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\",\"observables\":[]},"
        + "\"route\":\""
        + route
        + "\",\"tlp\":\""
        + tlp
        + "\""
        + extra
        + "}";
  }

  /** The audit as one viewer gets it: the API's JSON and the page's HTML, together. */
  String seenBy(UserAccount viewer, String query) {
    HttpResponse<String> json = api(viewer).get("/api/v1/audit?limit=500&" + query);
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    Http browser = http();
    browser.signIn(viewer.login(), Fixtures.PASSWORD);
    HttpResponse<String> page = browser.get("/admin/audit?" + query);
    assertThat(page.statusCode()).isEqualTo(200);
    return json.body() + "\n" + page.body();
  }

  static String[] traces(long reportId) {
    return new String[] {
      "\"targetType\":\"report\",\"targetId\":\"" + reportId + "\"",
      "data-target=\"report:" + reportId + "\""
    };
  }

  @Test
  void entriesAboutReportsShowOnlyToThoseWhoMaySeeTheReportAndNeverLinkCopyToOriginal() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount named = fixtures.user("nisc", Role.ANALYST);
    Http bank = api(reporter);
    String tag = Fixtures.unique("audit");
    long red =
        id(
            bank.postJson(
                "/api/v1/reports?submit=true",
                report(
                    "RED " + tag,
                    "hotline",
                    "red",
                    ",\"recipientLogins\":[\"" + named.login() + "\"]")),
            "id");
    assertThat(api(named).get("/api/v1/reports/" + red).statusCode()).isEqualTo(200);
    long draft =
        id(
            bank.postJson(
                "/api/v1/reports?submit=false", report("DRAFT " + tag, "hotline", "amber", "")),
            "id");
    long original =
        id(
            bank.postJson(
                "/api/v1/reports?submit=true",
                report("ANON " + tag, "ceptoar", "green", ",\"anonymise\":true")),
            "id");
    Http ceptoar = api(fixtures.user("c-bank", Role.ANALYST));
    assertThat(ceptoar.get("/api/v1/reports/" + original).statusCode()).isEqualTo(200);
    long copy = id(ceptoar.postJson("/api/v1/reports/" + original + "/relay", "{}"), "relayedAs");
    assertThat(api(fixtures.user("fsa", Role.ANALYST)).get("/api/v1/reports/" + copy).statusCode())
        .isEqualTo(200);

    // the chain holds them all
    List<AuditEntry> raw =
        audit.search(Actor.cli(), new AuditFilter("report.", null, null, null, null, null, 500));
    assertThat(raw)
        .extracting(AuditEntry::targetId)
        .contains(String.valueOf(red), String.valueOf(draft), String.valueOf(original));
    assertThat(audit.verify().intact()).isTrue();

    UserAccount platformAdmin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    UserAccount otherBankAdmin = fixtures.user("op-midori-shinkin", Role.ORG_ADMIN);
    UserAccount otherMinistryAdmin = fixtures.user("meti", Role.ORG_ADMIN);
    // NISC's own admin: the RED report's named reader is a NISC colleague, the admin is not named
    UserAccount recipientsAdmin = fixtures.user("nisc", Role.ORG_ADMIN);
    for (UserAccount viewer :
        List.of(platformAdmin, otherBankAdmin, otherMinistryAdmin, recipientsAdmin)) {
      for (String query : List.of("action=report.", "actor=" + reporter.login(), "")) {
        String seen = seenBy(viewer, query);
        for (long hidden : new long[] {red, draft, original}) {
          for (String trace : traces(hidden)) {
            assertThat(seen).as(viewer.login() + " " + query).doesNotContain(trace);
          }
        }
        // nor their titles, which the target column shows only of objects the viewer may see
        assertThat(seen)
            .doesNotContain("RED " + tag, "DRAFT " + tag, "anonymised\"", "ceptoar, anonymised");
        if (viewer != platformAdmin) {
          assertThat(seen).doesNotContain(tag);
        }
      }
    }
    // an analyst at another bank has no audit view at all
    UserAccount otherBankAnalyst = fixtures.user("op-midori-shinkin", Role.ANALYST);
    assertThat(api(otherBankAnalyst).get("/api/v1/audit").statusCode()).isEqualTo(403);
    Http analystBrowser = http();
    analystBrowser.signIn(otherBankAnalyst.login(), Fixtures.PASSWORD);
    assertThat(analystBrowser.get("/admin/audit").statusCode()).isEqualTo(403);

    // the platform admin (NISC, on the copy's route) sees the copy's life, and only the copy's
    String admin = seenBy(platformAdmin, "action=report.");
    assertThat(admin)
        .contains("data-target=\"report:" + copy + "\"", "\"action\":\"report.relay\"");
    assertThat(admin).doesNotContain(reporter.login());

    // the reporter's own organisation is the originator of all three: its admin sees them
    String own = seenBy(fixtures.user("op-sakura-bank", Role.ORG_ADMIN), "action=report.");
    for (long mine : new long[] {red, draft, original}) {
      assertThat(own).contains(traces(mine));
    }
    // named by their titles there, in the target column
    assertThat(own).contains("RED " + tag, "DRAFT " + tag, "ANON " + tag);
  }

  @Test
  void entriesAboutAnAdvisoryAndItsStixPublicationShowOnlyToItsAudience() {
    Http fsa = api(fixtures.user("fsa", Role.ANALYST));
    String title = Fixtures.unique("strict");
    HttpResponse<String> issued =
        fsa.postJson(
            "/api/v1/advisories",
            "{\"title\":\""
                + title
                + "\",\"body\":\"金融分野のみ\",\"observables\":[\"ipv4-addr 203.0.113.77\"],"
                + "\"tlp\":\"amber_strict\",\"sectors\":[\"finance\"]}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    long id = id(issued, "id");
    assertThat(audit.search(Actor.cli(), filter("advisory-" + id)))
        .as("the hub's publication of the advisory is in the chain")
        .isNotEmpty();

    UserAccount platformAdmin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    String seen = seenBy(platformAdmin, "");
    assertThat(seen)
        .doesNotContain("\"targetType\":\"advisory\",\"targetId\":\"" + id + "\"")
        .doesNotContain("data-target=\"advisory:" + id + "\"")
        .doesNotContain(title)
        .doesNotContain("advisory-" + id + "\"")
        .doesNotContain("advisory-" + id + "<");
    assertThat(audit.search(fixtures.actor(platformAdmin), filter("advisory-" + id))).isEmpty();

    // a recipient's admin sees them (entries of its own people only: its confirmation)
    UserAccount bankAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    assertThat(
            api(bankAdmin).postJson("/api/v1/advisories/" + id + "/acknowledge", "").statusCode())
        .isEqualTo(200);
    assertThat(seenBy(bankAdmin, "action=advisory."))
        .contains("data-target=\"advisory:" + id + "\"", "<span class=\"audit-name\">" + title);
  }

  @Test
  void entriesAboutAPrivateCollectionAndADeletedObjectStayWithinTheirAudience() {
    UserAccount analyst = fixtures.user("op-midori-shinkin", Role.ANALYST);
    StixCollection own = intel.collectionOfOrganisation(analyst.organisationId()).orElseThrow();
    String indicator = "indicator--" + UUID.randomUUID();
    String bundle =
        "{\"type\":\"bundle\",\"id\":\"bundle--"
            + UUID.randomUUID()
            + "\",\"objects\":[{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
            + indicator
            + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
            + "\"name\":\"private\",\"pattern\":\"[domain-name:value = 'private.example']\","
            + "\"pattern_type\":\"stix\",\"valid_from\":\"2026-01-01T00:00:00Z\"}]}";
    Actor actor = fixtures.actor(analyst);
    assertThat(
            intel
                .ingest(
                    actor,
                    own,
                    analyst.organisationId(),
                    Tlp.AMBER,
                    new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)),
                    n -> {})
                .successes())
        .isEqualTo(1);
    assertThat(intel.delete(actor, own, indicator, ObjectQuery.Versions.ALL))
        .isEqualTo(IntelService.Deleted.DELETED);
    assertThat(
            audit.search(Actor.cli(), new AuditFilter("stix.", null, null, null, null, null, 500)))
        .extracting(AuditEntry::targetId)
        .contains(own.id().toString(), indicator);

    String admin = seenBy(fixtures.user("nisc", Role.PLATFORM_ADMIN), "action=stix.");
    assertThat(admin).doesNotContain(own.id().toString()).doesNotContain(indicator);
    // its own organisation reads the collection; the object is gone, for everyone
    String ownAdmin = seenBy(fixtures.user("op-midori-shinkin", Role.ORG_ADMIN), "action=stix.");
    assertThat(ownAdmin).contains(own.id().toString()).doesNotContain(indicator);
  }

  /**
   * A C4TAP share's entry names the share by its subject (ux32: the column showed a bare id), and
   * only to those its range lets read it: a ministry's platform admin, outside an Amber share's
   * range, sees neither the entry nor its subject. An attacker wrote the subject: a bidi override
   * in it is shown as a code, as on the share's page.
   */
  @Test
  void entriesAboutAC4tapShareNameItsSubjectOnlyToItsRange() {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    String tag = Fixtures.unique("c4tap-audit");
    byte[] mail =
        ("From: \"年金 事務局\" <jimu@pension-info.example>\r\n"
                + "To: soumu@sakura-bank.example\r\n"
                + "Subject: 年金調査票 "
                + tag
                + " \u202Eexe.pdf\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "調査票を添付しました。 hxxp://dl[.]pension-info[.]example/form.exe")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> draft =
        api(sender).postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    long id = id(draft, "id");
    assertThat(api(sender).postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode())
        .isEqualTo(200);
    String query = "action=c4tap.share&actor=" + sender.login();

    String own = seenBy(fixtures.user("op-sakura-bank", Role.ORG_ADMIN), query);
    assertThat(own)
        .contains(
            "data-target=\"c4tap_submission:" + id + "\"",
            "<span class=\"audit-name\">年金調査票 " + tag + " [U+202E]exe.pdf</span>")
        .doesNotContain("\u202E");

    UserAccount ministryAdmin = fixtures.user("meti", Role.PLATFORM_ADMIN);
    assertThat(api(ministryAdmin).get("/api/v1/c4tap/" + id).statusCode()).isEqualTo(404);
    assertThat(seenBy(ministryAdmin, query))
        .doesNotContain("c4tap_submission:" + id)
        .doesNotContain("\"targetId\":\"" + id + "\"")
        .doesNotContain(tag);
  }

  static AuditFilter filter(String actor) {
    return new AuditFilter(null, actor, null, null, null, null, 500);
  }

  @Test
  void entriesNamingNoObjectAreShownAsBefore() {
    UserAccount person = fixtures.user("op-midori-shinkin", Role.MEMBER);
    http().signIn(person.login(), Fixtures.PASSWORD);
    assertThat(seenBy(fixtures.user("nisc", Role.PLATFORM_ADMIN), "action=auth.login"))
        .contains(person.login());
  }

  /**
   * Exercises, vantage points, NOTICE and advisory drafts have no judge ({@link AuditTargets}):
   * their entries fail closed — no person sees them, not the actor's own organisation admin nor a
   * platform admin, and nothing of their text (a draft's or a run's title) reaches a page; the
   * shell reads them. A judge added for one of them must show them to its audience only.
   */
  @Test
  void entriesAboutObjectsNoFeatureJudgesAreShownToNobody() {
    jp.renkei.server.directory.Organisation bank = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    String secret = Fixtures.unique("unjudged-title");
    java.util.List<String> types =
        java.util.List.of(
            "exercise_run",
            "exercise_scenario",
            "exercise_drill",
            "vantage",
            "notice",
            "notice_survey",
            "advisory_draft");
    types.forEach(
        t ->
            audit.recordAlone(
                fixtures.actor(analyst),
                new AuditLog.Event("probe." + t, t, 424242, "success", secret + " " + t)));
    for (UserAccount viewer :
        java.util.List.of(
            fixtures.user(bank, Role.ORG_ADMIN), fixtures.user("nisc", Role.PLATFORM_ADMIN))) {
      assertThat(seenBy(viewer, "action=probe.")).as(viewer.login()).doesNotContain(secret);
      assertThat(seenBy(viewer, "")).as(viewer.login()).doesNotContain(secret);
    }
    assertThat(audit.search(Actor.cli(), filter(null)))
        .filteredOn(e -> e.detail() != null && e.detail().startsWith(secret))
        .hasSize(types.size());
  }
}
