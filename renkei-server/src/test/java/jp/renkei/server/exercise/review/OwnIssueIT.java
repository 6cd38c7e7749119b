package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 課題 found in an exercise is followed up by its owner organisation's users: they see their open
 * ones (due date, overdue) on the exercise list and through the API, and record progress or close
 * them; the run's controllers see the progress on the after-action report. The adversaries: users
 * of another organisation of the same run, a player of the owner's team from another organisation
 * and an outsider never see the 課題, and updating one answers exactly as for one that does not
 * exist.
 */
class OwnIssueIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired FollowUp followUp;

  @Test
  void theOwnerOrganisationFollowsUpItsIssuesAndNobodyElseSeesThem() {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(plannerUser);
    Organisation bankOrg = fixtures.operator("finance");
    Organisation powerOrg = fixtures.operator("electricity");
    UserAccount bankPlayer = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount bankColleague = fixtures.user(bankOrg, Role.ANALYST); // not in the run
    UserAccount bankMember = fixtures.user(bankOrg, Role.MEMBER);
    UserAccount powerPlayer = fixtures.user(powerOrg, Role.ANALYST);
    UserAccount outsider = fixtures.user(fixtures.operator("finance"), Role.ANALYST);

    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("課題")));
    long run = exercises.createRun(planner, scenario, Fixtures.unique("課題の回"), 1, false);
    exercises.addMember(planner, run, bankPlayer.login(), "player", "team", "");
    exercises.addMember(planner, run, powerPlayer.login(), "player", "team", "");
    exercises.control(planner, run, "start");
    exercises.control(planner, run, "stop");
    String overdueTitle = Fixtures.unique("連絡網を更新する");
    String laterTitle = Fixtures.unique("手順書を改訂する");
    String powerTitle = Fixtures.unique("電力の課題");
    followUp.addIssue(planner, run, overdueTitle, bankOrg.id(), "2000-01-01");
    followUp.addIssue(planner, run, laterTitle, bankOrg.id(), "2999-12-31");
    followUp.addIssue(planner, run, powerTitle, powerOrg.id(), "2999-12-31");

    // every user of the owner organisation sees its open 課題, overdue first, and only those
    var mine = followUp.ownIssues(fixtures.actor(bankColleague), true);
    assertThat(mine)
        .extracting(FollowUp.IssueView::title, FollowUp.IssueView::overdue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(overdueTitle, true),
            org.assertj.core.groups.Tuple.tuple(laterTitle, false));
    long overdue = mine.get(0).id();
    long power =
        followUp.ownIssues(fixtures.actor(powerPlayer), true).stream()
            .filter(i -> i.title().equals(powerTitle))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(followUp.ownIssues(fixtures.actor(outsider), false))
        .extracting(FollowUp.IssueView::title)
        .doesNotContain(overdueTitle, laterTitle, powerTitle);
    assertThat(followUp.ownIssues(fixtures.actor(powerPlayer), false))
        .extracting(FollowUp.IssueView::title)
        .containsExactly(powerTitle);

    // another organisation of the same run, an outsider: as if it did not exist
    for (UserAccount u : new UserAccount[] {powerPlayer, outsider}) {
      assertThatThrownBy(() -> followUp.updateOwn(fixtures.actor(u), overdue, "closed", null))
          .isInstanceOf(NotFound.class);
    }
    // a member (reads only) may not update; bad input lists every field
    assertThatThrownBy(() -> followUp.updateOwn(fixtures.actor(bankMember), overdue, null, "x"))
        .isInstanceOf(Forbidden.class);
    InvalidInput bad =
        ScenarioTransferIT.catchInvalid(
            () ->
                followUp.updateOwn(fixtures.actor(bankPlayer), overdue, "done", "x".repeat(2001)));
    assertThat(InvalidInputs.of(bad))
        .extracting(InvalidInput::field)
        .containsExactly("state", "note");

    // the page: the owner's list with the overdue mark; a progress note; controllers see it
    Http bank = http();
    bank.signIn(bankColleague.login(), Fixtures.PASSWORD);
    String list = bank.get("/exercises/issues/mine").body();
    assertThat(list)
        .contains(overdueTitle, laterTitle, "期限超過", "exercise-my-issue-" + overdue)
        .doesNotContain(powerTitle);
    HttpResponse<String> posted =
        bank.postForm(
            "/exercises",
            "/exercises/issues/" + overdue + "/progress",
            Map.of("note", "連絡網を全拠点で更新中"));
    assertThat(posted.statusCode()).isEqualTo(302);
    Http web = http();
    web.signIn(plannerUser.login(), Fixtures.PASSWORD);
    assertThat(web.get("/exercises/" + run + "/report").body()).contains("連絡網を全拠点で更新中");
    Http powerWeb = http();
    powerWeb.signIn(powerPlayer.login(), Fixtures.PASSWORD);
    assertThat(powerWeb.get("/exercises/issues/mine").body())
        .contains(powerTitle)
        .doesNotContain(overdueTitle, "連絡網を全拠点で更新中");
    HttpResponse<String> foreign =
        powerWeb.postForm(
            "/exercises", "/exercises/issues/" + overdue + "/progress", Map.of("note", "上書き"));
    HttpResponse<String> absent =
        powerWeb.postForm(
            "/exercises",
            "/exercises/issues/" + (overdue + 1_000_000) + "/progress",
            Map.of("note", "上書き"));
    assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(absent.statusCode());

    // the API: list mine, update; another organisation's token gets nothing and a 404
    Http api = http().bearer(fixtures.token(bankPlayer));
    String listed = api.get("/api/v1/exercises/issues").body();
    assertThat(listed).contains(overdueTitle, "連絡網を全拠点で更新中", "\"overdue\":true");
    assertThat(listed).doesNotContain(powerTitle);
    HttpResponse<String> closed =
        api.putJson(
            "/api/v1/exercises/issues/" + overdue + "/progress",
            "{\"state\":\"closed\",\"note\":\"完了\"}");
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(closed.body()).contains("\"state\":\"closed\"", "\"overdue\":false");
    assertThat(api.get("/api/v1/exercises/issues").body()).doesNotContain(overdueTitle);
    assertThat(api.get("/api/v1/exercises/issues?state=all").body()).contains(overdueTitle);
    assertThat(api.get("/api/v1/exercises/issues?state=every").statusCode()).isEqualTo(400);
    assertThat(
            api.putJson("/api/v1/exercises/issues/" + overdue + "/progress", "{\"state\":")
                .statusCode())
        .isEqualTo(400);
    Http powerApi = http().bearer(fixtures.token(powerPlayer));
    assertThat(powerApi.get("/api/v1/exercises/issues?state=all").body())
        .doesNotContain(overdueTitle);
    HttpResponse<String> hidden =
        powerApi.putJson(
            "/api/v1/exercises/issues/" + overdue + "/progress", "{\"state\":\"open\"}");
    HttpResponse<String> missing =
        powerApi.putJson(
            "/api/v1/exercises/issues/" + (overdue + 1_000_000) + "/progress",
            "{\"state\":\"open\"}");
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body().replace(Long.toString(overdue), "ID"))
        .isEqualTo(missing.body().replace(Long.toString(overdue + 1_000_000), "ID"));
    // the controller sees the closing on the report
    assertThat(followUp.openIssues(planner))
        .extracting(FollowUp.IssueView::id)
        .doesNotContain(overdue);
  }
}
