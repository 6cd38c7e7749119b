package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.drill.DrillService;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Exercises never mix with real work, swept over every route: a player of a running drill files an
 * exercise report and receives an exercise advisory, then the player and the drill's controller
 * read every page and API answer that takes no id (lists, inboxes, counts, search, dashboards and
 * their CSV, TAXII collections, the work queue) with the exercise titles as the search words. Only
 * the exercise's own pages ({@code /exercises…}, {@code /c4tap/exercise…}) may show them.
 */
class ExerciseMixSweepIT extends ServerTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired DrillService drills;
  @Autowired ReportFilingService filing;
  @Autowired AdvisoryService advisories;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** Routes that belong to exercises, where exercise objects are expected. */
  static boolean exerciseRoute(String p) {
    return p.startsWith("/exercises")
        || p.startsWith("/api/v1/exercises")
        || p.startsWith("/c4tap/exercise");
  }

  @Test
  void noRealListCountSearchOrExportShowsAnExercisesReportOrAdvisory() {
    Organisation op = fixtures.operator("aviation");
    UserAccount player = fixtures.user(op, Role.ANALYST);
    UserAccount controllerUser = fixtures.user("nisc", Role.ANALYST);
    Actor nisc = fixtures.actor(controllerUser);
    long drill = drills.start(nisc, "liaison", List.of("aviation"));
    long run = drills.result(nisc, drill, java.util.Locale.JAPANESE).runId();

    // the lists are searched for the first word; the second, never typed, must never show
    String word = Fixtures.unique("訓練混入").replace("-", "");
    String secret = Fixtures.unique("訓練秘匿").replace("-", "");
    filing.create(
        fixtures.actor(player),
        new NewReport(
            RouteSweepLeakIT.content(word + " " + secret + " 演習報告"),
            "hotline",
            null,
            false,
            "green",
            List.of(),
            List.of(),
            false,
            List.of(),
            run),
        true);
    advisories.issue(
        nisc,
        new NewAdvisory(
            word + " " + secret + " 演習情報提供",
            "本文 " + word + " " + secret,
            null,
            List.of("198.51.100.99"),
            List.of(),
            "green",
            true,
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            run));

    List<String> paths = new ArrayList<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      for (String p : info.getPathPatternsCondition().getPatternValues()) {
        if (!p.contains("{") && !exerciseRoute(p) && !p.equals("/logout")) {
          paths.add(p);
        }
      }
    }
    for (String c :
        jdbc.sql(
                "select id::text from stix_collection where kind in ('hub', 'advisories') or"
                    + " sector_code = 'aviation'")
            .query(String.class)
            .list()) {
      paths.add("/taxii2/api/collections/" + c + "/objects/");
      paths.add("/taxii2/api/collections/" + c + "/manifest/");
    }
    assertThat(paths).hasSizeGreaterThan(40);

    List<String> queries = List.of("", "?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
    List<String> problems = new ArrayList<>();
    Set<Integer> statuses = new TreeSet<>();
    for (UserAccount who : List.of(player, controllerUser)) {
      Http page = http();
      page.signIn(who.login(), Fixtures.PASSWORD);
      Http api = http().bearer(fixtures.token(who));
      for (String p : paths) {
        for (String q : queries) {
          boolean isApi = p.startsWith("/api/") || p.startsWith("/taxii2/");
          HttpResponse<String> r = (isApi ? api : page).get(p + q);
          statuses.add(r.statusCode());
          if (r.statusCode() >= 500) {
            problems.add(who.login() + " GET " + p + q + ": " + r.statusCode());
          }
          if (r.body().contains(secret)) {
            int at = r.body().indexOf(secret);
            problems.add(
                who.login()
                    + " GET "
                    + p
                    + q
                    + ": shows the exercise's '"
                    + secret
                    + "': …"
                    + r.body()
                        .substring(Math.max(0, at - 200), Math.min(r.body().length(), at + 100))
                        .replaceAll("\\s+", " "));
          }
        }
      }
    }
    assertThat(problems).as("%d routes; statuses %s", paths.size(), statuses).isEmpty();
  }
}
