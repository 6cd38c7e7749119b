package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ExerciseViews;
import jp.renkei.server.exercise.RunScoring;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console and after-action report at a size where the console pages its teams (issue 15): the
 * page shows the console's own figures — every team's totals, and each team's row exactly once over
 * the pages — a small run shows every row as before, the report compares earlier runs by the same
 * shares their console gives; and the adversary: paging and search parameters change nothing of who
 * may open the console and report.
 */
class ConsoleScaleIT extends ServerTest {

  static final Pattern SCORE_ROW = Pattern.compile("id=\"score-1-2-([^\"]+)\"");
  static final Pattern AAR_SCORE_ROW = Pattern.compile("id=\"aar-score-1-2-([^\"]+)\"");

  @Autowired ExerciseService exercises;
  @Autowired AfterAction reports;

  @Test
  void theConsolePagesItsTeamsWithTheSameFiguresAndTheSameAudience() {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(plannerUser);
    Organisation bankOrg = fixtures.operator("finance");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount observerUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount outsiderUser = fixtures.user(bankOrg, Role.ANALYST);
    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("規模")));

    // the earlier run: two teams, the small console shows every player as before
    long first = exercises.createRun(planner, scenario, "第1回", 1, false);
    UserAccount powerUser = fixtures.user(fixtures.operator("electricity"), Role.ANALYST);
    exercises.addMember(planner, first, bankUser.login(), "player", "bank", "");
    exercises.addMember(planner, first, powerUser.login(), "player", "power", "");
    exercises.control(planner, first, "start");
    exercises.mark(planner, first, "1-2", "bank", "met", null);
    exercises.mark(planner, first, "1-2", "power", "partial", null);
    exercises.control(planner, first, "stop");
    Http web = http();
    web.signIn(plannerUser.login(), Fixtures.PASSWORD);
    String small = web.get("/exercises/" + first + "/console").body();
    assertThat(small)
        .contains(bankUser.login(), powerUser.login(), "score-1-2-bank", "score-1-2-power")
        .doesNotContain("console-pager", "score-total-1-2");

    // this run: 60 teams, more than one page
    long run = exercises.createRun(planner, scenario, "第2回", 1, false);
    exercises.addMember(planner, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(planner, run, observerUser.login(), "observer", "", "");
    Organisation many = fixtures.operator("finance");
    List<String> teams = new ArrayList<>(List.of("bank"));
    for (int i = 1; i < 60; i++) {
      String team = String.format("t%02d", i);
      exercises.addMember(
          planner, run, fixtures.user(many, Role.MEMBER).login(), "player", team, "");
      teams.add(team);
    }
    exercises.control(planner, run, "start");
    exercises.play(fixtures.actor(bankUser), run);
    exercises.mark(planner, run, "1-2", "bank", "met", null);
    for (int i = 1; i < 20; i++) {
      exercises.mark(planner, run, "1-2", teams.get(i), i % 2 == 0 ? "partial" : "missed", null);
    }

    ExerciseViews.Console c = exercises.console(planner, run);
    RunScoring.ExpectationScore e = c.scores().get(1);
    assertThat(e.key()).isEqualTo("1-2");
    int points = e.teams().stream().mapToInt(RunScoring.TeamScore::points).sum();
    String page1 = web.get("/exercises/" + run + "/console").body();
    String page2 = web.get("/exercises/" + run + "/console?page=2").body();
    // the totals of every team, as the console counts them
    assertThat(page1)
        .contains("得点 " + c.points() + " / " + c.maxPoints())
        .contains("全 60 チーム計")
        .contains(
            "達成 "
                + count(e, Outcome.MET)
                + " · 一部達成 "
                + count(e, Outcome.PARTIAL)
                + " · 未達成 "
                + count(e, Outcome.MISSED)
                + " · 未評価 "
                + count(e, Outcome.PENDING))
        .contains(points + "/" + (e.points() * 60))
        .contains("全チーム計 1/60");
    // each team's row once over the pages, 50 on the first
    List<String> rows1 = rows(page1);
    List<String> rows2 = rows(page2);
    assertThat(rows1).hasSize(50);
    assertThat(rows2).hasSize(10);
    Set<String> all = new HashSet<>(rows1);
    all.addAll(rows2);
    assertThat(all)
        .hasSize(60)
        .containsExactlyInAnyOrderElementsOf(
            e.teams().stream().map(RunScoring.TeamScore::team).toList());
    // the players are summarised per team, not listed one by one
    assertThat(page1).contains("exercise-teams").contains(observerUser.login());
    assertThat(page1.split("id=\"team-", -1)).hasSize(51);
    // a search (any case) finds the team by its name, on one page
    String found = web.get("/exercises/" + run + "/console?q=BANK").body();
    assertThat(rows(found)).containsExactly("bank");
    // a page past the end is the last page; a bad page number the first
    assertThat(rows(web.get("/exercises/" + run + "/console?page=99").body())).isEqualTo(rows2);
    assertThat(rows(web.get("/exercises/" + run + "/console?page=x").body())).isEqualTo(rows1);

    // the report compares with the earlier run by the shares its console gives
    AfterActionReport r = reports.report(planner, run);
    assertThat(r.earlier()).extracting(AfterActionReport.EarlierRun::id).containsExactly(first);
    var before = AfterAction.shares(exercises.console(planner, first).scores());
    for (AfterActionReport.Trend t : r.trends()) {
      assertThat(t.before()).containsExactly(before.get(t.key()));
    }
    java.util.Map<String, AfterActionReport.Confirmation> cf = new java.util.HashMap<>();
    AfterAction.confirmations(c).forEach(x -> cf.put(x.team(), x));
    assertThat(AfterAction.teams(c, cf)).isEqualTo(r.teams());

    // the report pages its teams' rows as the console does, with the totals over every team; the
    // print view (all=true) and the spreadsheet keep every row
    String r1 = web.get("/exercises/" + run + "/report").body();
    String r2 = web.get("/exercises/" + run + "/report?page=2").body();
    String printed = web.get("/exercises/" + run + "/report?all=true").body();
    assertThat(rows(AAR_SCORE_ROW, r1)).hasSize(50);
    assertThat(rows(AAR_SCORE_ROW, r2)).hasSize(10);
    Set<String> reportRows = new HashSet<>(rows(AAR_SCORE_ROW, r1));
    reportRows.addAll(rows(AAR_SCORE_ROW, r2));
    assertThat(reportRows).containsExactlyInAnyOrderElementsOf(teams);
    assertThat(rows(AAR_SCORE_ROW, printed)).containsExactlyInAnyOrderElementsOf(teams);
    assertThat(r1.split("id=\"aar-team-", -1)).hasSize(51);
    assertThat(printed.split("id=\"aar-team-", -1)).hasSize(61);
    assertThat(r1)
        .contains("aar-pager", "aar-score-total-1-2", "全 60 チーム計", "全チーム計 1/60")
        .contains(
            "達成 "
                + count(e, Outcome.MET)
                + " · 一部達成 "
                + count(e, Outcome.PARTIAL)
                + " · 未達成 "
                + count(e, Outcome.MISSED)
                + " · 未評価 "
                + count(e, Outcome.PENDING))
        .contains(points + "/" + (e.points() * 60));
    assertThat(printed).doesNotContain("aar-pager", "aar-score-total-1-2");
    assertThat(rows(AAR_SCORE_ROW, web.get("/exercises/" + run + "/report?page=99").body()))
        .isEqualTo(rows(AAR_SCORE_ROW, r2));
    assertThat(rows(AAR_SCORE_ROW, web.get("/exercises/" + run + "/report?page=x").body()))
        .isEqualTo(rows(AAR_SCORE_ROW, r1));
    assertThat(web.get("/exercises/" + first + "/report").body())
        .contains("aar-score-1-2-bank", "aar-score-1-2-power")
        .doesNotContain("aar-pager", "aar-score-total-1-2");

    // the adversary: who may open the console and the report is unchanged by paging and search
    String nothing = "/exercises/999999999/console?q=bank&page=2";
    Http outsider = http();
    outsider.signIn(outsiderUser.login(), Fixtures.PASSWORD);
    Http player = http();
    player.signIn(bankUser.login(), Fixtures.PASSWORD);
    Http observer = http();
    observer.signIn(observerUser.login(), Fixtures.PASSWORD);
    for (String q : List.of("", "?q=bank&page=2", "?q=t0")) {
      assertThat(outsider.get("/exercises/" + run + "/console" + q).statusCode()).isEqualTo(404);
      assertThat(player.get("/exercises/" + run + "/console" + q).statusCode()).isEqualTo(403);
      var seen = observer.get("/exercises/" + run + "/console" + q);
      assertThat(seen.statusCode()).isEqualTo(200);
      assertThat(seen.body()).doesNotContain("exercise-controls");
    }
    assertThat(outsider.get(nothing).statusCode()).isEqualTo(404);
    for (String q : List.of("", "?page=2", "?all=true", "?all=true&page=2")) {
      assertThat(outsider.get("/exercises/" + run + "/report" + q).statusCode()).isEqualTo(404);
      assertThat(player.get("/exercises/" + run + "/report" + q).statusCode()).isEqualTo(403);
      assertThat(observer.get("/exercises/" + run + "/report" + q).statusCode()).isEqualTo(403);
      assertThat(web.get("/exercises/" + run + "/report" + q).statusCode()).isEqualTo(200);
    }
    assertThat(outsider.get("/exercises/999999999/report?all=true").statusCode()).isEqualTo(404);
  }

  static long count(RunScoring.ExpectationScore e, Outcome o) {
    return e.teams().stream().filter(t -> t.outcome() == o).count();
  }

  static List<String> rows(String page) {
    return rows(SCORE_ROW, page);
  }

  static List<String> rows(Pattern row, String page) {
    List<String> out = new ArrayList<>();
    Matcher m = row.matcher(page);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
