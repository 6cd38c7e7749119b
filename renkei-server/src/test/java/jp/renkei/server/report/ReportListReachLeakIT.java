package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.drill.DrillService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report list's Reach rewrite (a TLP filter of CLEAR/GREEN drops the Reach condition in SQL,
 * any other drops its "CLEAR or GREEN" alternative, a viewer's delivered reports passed as a list)
 * attacked with the reports whose audience is not their stored TLP alone: a GREEN report scoped to
 * one sector, an anonymised report and its relayed copy, a RED one naming a person of another
 * organisation, an anonymised RED one naming the CEPTOAR's secretariat, an AMBER one to a CEPTOAR
 * (whose member may read it on need-to-know), a draft, and an exercise report. For eight viewers
 * (the reporter, its colleague, another member of the CEPTOAR, the CEPTOAR, the ministry, an
 * operator of another sector, a NISC analyst named on the RED report and one not named), under
 * every TLP filter and several other filters and orders, the HTML list shows and counts exactly the
 * reports the report page lets that viewer open (never an exercise's), and so does the JSON list.
 */
class ReportListReachLeakIT extends ServerTest {

  static final Pattern LINK = Pattern.compile("href=\"/reports/(\\d+)\"");
  static final Pattern TOTAL = Pattern.compile("id=\"list-total\">全([\\d,]+)件");

  @Autowired ReportService reports;
  @Autowired DirectoryService directory;
  @Autowired DrillService drills;

  record Filed(long id, String tlp, String status, String sector, boolean exercise) {}

  private final Map<String, Http> apis = new java.util.HashMap<>();

  private Http api(UserAccount u) {
    return apis.computeIfAbsent(u.login(), l -> http().bearer(fixtures.token(u)));
  }

  private long file(UserAccount u, String title, String tail, boolean submit) {
    String body =
        "{\"content\":{\"title\":\""
            + title
            + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
            + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
            + "\"severity\":\"level2\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
            + "\"observables\":[]},"
            + tail
            + "}";
    HttpResponse<String> r = api(u).postJson("/api/v1/reports?submit=" + submit, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
  }

  private Organisation bank(String ceptoar) {
    String code = Fixtures.unique("reachop");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "到達試験事業者 " + code,
            "Reach test operator " + code,
            "operator",
            "finance",
            null,
            null,
            List.of(ceptoar)));
  }

  private Http signedIn(UserAccount u) {
    Http h = http();
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  private static List<Long> ids(String body) {
    List<Long> ids = new ArrayList<>();
    Matcher m = LINK.matcher(body);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private static int total(String body) {
    Matcher m = TOTAL.matcher(body);
    return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
  }

  @Test
  void everyTlpFilterShowsAndCountsExactlyWhatEachViewerMayOpen() {
    String marker = Fixtures.unique("到達");
    Organisation a = bank("c-bank");
    Organisation b = bank("c-bank");
    Organisation power = fixtures.operator("electricity");
    UserAccount reporter = fixtures.user(a, Role.ANALYST);
    UserAccount colleague = fixtures.user(a, Role.MEMBER);
    UserAccount member = fixtures.user(b, Role.ANALYST);
    UserAccount secretariat = fixtures.user("c-bank", Role.ANALYST);
    UserAccount ministry = fixtures.user("fsa", Role.ANALYST);
    UserAccount outsider = fixtures.user(power, Role.ANALYST);
    // on the hotline route only NISC may be named: a NISC analyst named, another not
    UserAccount named = fixtures.user("nisc", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    Actor niscActor = fixtures.actor(nisc);
    long drill = drills.start(niscActor, "liaison", List.of("finance"));
    long run = drills.result(niscActor, drill, java.util.Locale.JAPANESE).runId();

    List<Filed> filed = new ArrayList<>();
    String ceptoar = "\"route\":\"ceptoar\",\"ceptoarCode\":\"c-bank\",";
    filed.add(
        new Filed(
            file(reporter, marker + " 01", ceptoar + "\"tlp\":\"amber\"", true),
            "amber",
            "submitted",
            "finance",
            false));
    long anonymised =
        file(reporter, marker + " 02", ceptoar + "\"tlp\":\"green\",\"anonymise\":true", true);
    filed.add(new Filed(anonymised, "green", "submitted", "finance", false));
    HttpResponse<String> relayed =
        api(secretariat).postJson("/api/v1/reports/" + anonymised + "/relay", "{}");
    assertThat(relayed.statusCode()).as(relayed.body()).isIn(200, 201);
    long copy = Long.parseLong(relayed.body().replaceAll(".*\"relayedAs\":(\\d+).*", "$1"));
    filed.add(new Filed(copy, "green", "submitted", "finance", false));
    filed.add(
        new Filed(
            file(
                reporter,
                marker + " 03",
                ceptoar
                    + "\"tlp\":\"red\",\"anonymise\":true,\"recipientLogins\":[\""
                    + secretariat.login()
                    + "\"]",
                true),
            "red",
            "submitted",
            "finance",
            false));
    String hotline = "\"route\":\"hotline\",";
    filed.add(
        new Filed(
            file(
                reporter,
                marker + " 04",
                hotline + "\"tlp\":\"green\",\"scopeSectors\":[\"finance\"]",
                true),
            "green",
            "submitted",
            "finance",
            false));
    filed.add(
        new Filed(
            file(
                reporter,
                marker + " 05",
                hotline + "\"tlp\":\"red\",\"recipientLogins\":[\"" + named.login() + "\"]",
                true),
            "red",
            "submitted",
            "finance",
            false));
    filed.add(
        new Filed(
            file(reporter, marker + " 06", hotline + "\"tlp\":\"amber_strict\"", true),
            "amber_strict",
            "submitted",
            "finance",
            false));
    filed.add(
        new Filed(
            file(reporter, marker + " 07", hotline + "\"tlp\":\"amber\"", false),
            "amber",
            "draft",
            "finance",
            false));
    filed.add(
        new Filed(
            file(
                reporter,
                marker + " 08",
                ceptoar + "\"tlp\":\"green\",\"exerciseRunId\":" + run,
                true),
            "green",
            "submitted",
            "finance",
            true));
    filed.add(
        new Filed(
            file(outsider, marker + " 09", hotline + "\"tlp\":\"clear\"", true),
            "clear",
            "submitted",
            "electricity",
            false));
    filed.add(
        new Filed(
            file(
                outsider,
                marker + " 10",
                hotline + "\"tlp\":\"green\",\"scopeSectors\":[\"electricity\"]",
                true),
            "green",
            "submitted",
            "electricity",
            false));

    Map<String, java.util.function.Predicate<Filed>> queries = new LinkedHashMap<>();
    queries.put("", f -> true);
    for (String tlp : List.of("clear", "green", "amber", "amber_strict", "red")) {
      queries.put("&tlp=" + tlp, f -> f.tlp().equals(tlp));
      queries.put(
          "&tlp=" + tlp + "&sector=finance",
          f -> f.tlp().equals(tlp) && f.sector().equals("finance"));
      queries.put(
          "&tlp=" + tlp + "&status=submitted&sort=title&dir=asc",
          f -> f.tlp().equals(tlp) && f.status().equals("submitted"));
    }
    queries.put("&status=draft", f -> f.status().equals("draft"));
    queries.put("&sector=electricity", f -> f.sector().equals("electricity"));
    queries.put("&sort=tlp&dir=desc&size=25", f -> true);

    String q = "/reports?size=100&q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
    Set<Long> ours = new java.util.HashSet<>(filed.stream().map(Filed::id).toList());
    List<UserAccount> viewers =
        List.of(reporter, colleague, member, secretariat, ministry, outsider, named, nisc);
    Set<Long> seenBySomeone = new java.util.HashSet<>();
    for (UserAccount viewer : viewers) {
      Actor actor = fixtures.actor(viewer);
      Http web = signedIn(viewer);
      List<Filed> visible =
          filed.stream().filter(f -> !f.exercise() && reports.canSee(actor, f.id())).toList();
      visible.forEach(f -> seenBySomeone.add(f.id()));
      for (var e : queries.entrySet()) {
        String body = web.get(q + e.getKey()).body();
        List<Long> expected = visible.stream().filter(e.getValue()).map(Filed::id).toList();
        assertThat(ids(body))
            .as(viewer.login() + " " + e.getKey())
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(total(body))
            .as(viewer.login() + " total " + e.getKey())
            .isEqualTo(expected.size());
      }
      // the JSON list (the API's own walk, without the Reach in SQL) agrees
      String json = api(viewer).get("/api/v1/reports?limit=200").body();
      List<Long> listed = new ArrayList<>();
      Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
      while (m.find()) {
        long id = Long.parseLong(m.group(1));
        if (ours.contains(id)) {
          listed.add(id);
        }
      }
      assertThat(listed)
          .as(viewer.login() + " api")
          .containsExactlyInAnyOrderElementsOf(visible.stream().map(Filed::id).toList());
    }
    // not vacuous: the exercise report is one its reporter may open, and each viewer's list
    // differs from another's
    long exercise = filed.stream().filter(Filed::exercise).findFirst().orElseThrow().id();
    assertThat(reports.canSee(fixtures.actor(reporter), exercise)).isTrue();
    assertThat(seenBySomeone).hasSize(filed.size() - 1);
  }
}
