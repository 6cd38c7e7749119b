package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.survey.SurveyService;
import jp.renkei.server.exercise.survey.SurveyViews;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 事後アンケート: a controller attaches the questionnaire, players answer once the run has ended (one
 * answer each, editable until closed), controllers and evaluators see the tally in the after-action
 * report and workbook. The adversaries: an outsider and a player of another run get the 404 of a
 * run that does not exist; an observer and a player never see the tally; an evaluator never sees
 * answers one by one; no anonymous author's organisation is shown; a team of fewer than three
 * answers is never shown apart, nor worked out from the total.
 */
class SurveyIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired SurveyService surveys;

  @Test
  void playersAnswerAfterTheRunAndOnlyControllersSeeAnswersWithoutNames() throws Exception {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(plannerUser);
    Organisation bankOrg = fixtures.operator("finance");
    Organisation powerOrg = fixtures.operator("electricity");
    UserAccount[] bank = new UserAccount[3];
    UserAccount[] power = new UserAccount[3];
    for (int i = 0; i < 3; i++) {
      bank[i] = fixtures.user(bankOrg, Role.MEMBER);
      power[i] = fixtures.user(powerOrg, Role.MEMBER);
    }
    UserAccount evaluatorUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount observerUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount outsiderUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount otherPlayerUser = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Actor evaluator = fixtures.actor(evaluatorUser);

    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("アンケート")));
    String title = Fixtures.unique("事後アンケートの回");
    long run = exercises.createRun(planner, scenario, title, 1, false);
    for (int i = 0; i < 3; i++) {
      exercises.addMember(planner, run, bank[i].login(), "player", "bank", "");
      exercises.addMember(planner, run, power[i].login(), "player", "power", "");
    }
    exercises.addMember(planner, run, evaluatorUser.login(), "evaluator", "", "");
    exercises.addMember(planner, run, observerUser.login(), "observer", "", "");
    long elsewhere = exercises.createRun(planner, scenario, "別の回", 1, false);
    exercises.addMember(planner, elsewhere, otherPlayerUser.login(), "player", "x", "");

    Actor b0 = fixtures.actor(bank[0]);
    // nothing to answer before one is attached; only controllers attach
    assertThatThrownBy(() -> surveys.form(b0, run)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> surveys.attach(evaluator, run, "")).isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> surveys.attach(b0, run, "")).isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> surveys.attach(fixtures.actor(outsiderUser), run, ""))
        .isInstanceOf(NotFound.class);
    InvalidInput tooMany =
        ScenarioTransferIT.catchInvalid(
            () -> surveys.attach(planner, run, "q\n".repeat(11) + "x".repeat(301)));
    assertThat(InvalidInputs.of(tooMany)).hasSize(2);
    surveys.attach(planner, run, "連絡先一覧は役に立ったか");
    assertThatThrownBy(() -> surveys.attach(planner, run, "")).isInstanceOf(Conflict.class);

    // answered after the run only
    exercises.control(planner, run, "start");
    assertThatThrownBy(() -> surveys.form(b0, run)).isInstanceOf(Conflict.class);
    exercises.control(planner, run, "stop");
    SurveyViews.Form form = surveys.form(b0, run);
    assertThat(form.questions())
        .extracting(q -> q.key())
        .containsExactly("satisfaction", "objective-1", "own-issues", "comments", "extra-1");

    // bad input: every wrong field at once, nothing stored
    InvalidInput bad =
        ScenarioTransferIT.catchInvalid(
            () ->
                surveys.answer(
                    b0, run, Map.of("satisfaction", "7", "comments", "x".repeat(4001)), false));
    assertThat(InvalidInputs.of(bad))
        .extracting(InvalidInput::field)
        .containsExactlyInAnyOrder("satisfaction", "comments");
    assertThat(surveys.form(b0, run).answered()).isFalse();
    assertThatThrownBy(() -> surveys.answer(b0, run, Map.of(), false))
        .isInstanceOf(InvalidInput.class);

    // the item on the exercise list and the run page, for the run's players only
    Http b0web = signedIn(bank[0].login());
    assertThat(b0web.get("/exercises/surveys").body()).contains("アンケートに回答", title);
    assertThat(b0web.get("/exercises/" + run + "/survey/item").body()).contains("アンケートに回答");
    assertThat(signedIn(outsiderUser.login()).get("/exercises/surveys").body())
        .doesNotContain(title);
    assertThat(signedIn(observerUser.login()).get("/exercises/surveys").body())
        .doesNotContain(title);

    // bank 5, 4, 4 and one power player 2: a team of one is not shown, nor worked out
    surveys.answer(b0, run, Map.of("satisfaction", "1"), false);
    surveys.answer(b0, run, Map.of("satisfaction", "5", "own-issues", "夜間の連絡先が古い"), false);
    surveys.answer(fixtures.actor(bank[1]), run, Map.of("satisfaction", "4"), false);
    surveys.answer(fixtures.actor(bank[2]), run, Map.of("satisfaction", "4"), false);
    surveys.answer(fixtures.actor(power[0]), run, Map.of("satisfaction", "2"), false);
    SurveyViews.Results r = surveys.results(planner, run);
    assertThat(r.answers()).isEqualTo(4);
    assertThat(r.players()).isEqualTo(6);
    assertThat(r.ratings().get(0).distribution().counts()).containsExactly(0, 1, 0, 2, 1);
    assertThat(r.ratings().get(0).distribution().average()).isEqualTo(3.8);
    assertThat(r.teams()).isEmpty();
    assertThat(r.organisations()).isEmpty();
    assertThat(r.individuals()).hasSize(4).allMatch(i -> i.name() == null);
    Http web = signedIn(plannerUser.login());
    String section = section(web.get("/exercises/" + run + "/report").body());
    assertThat(section)
        .contains("夜間の連絡先が古い", "survey-individuals", "（匿名）")
        .doesNotContain(bankOrg.nameJa(), powerOrg.nameJa(), "survey-team-");
    // the answers' columns are headed by the questions, their keys only in the tooltip
    assertThat(section).contains("title=\"objective-1\"").doesNotContain(">objective-1<");
    assertThat(b0web.get("/exercises/surveys").body()).contains("回答を修正");

    // two more power answers, one named: both teams and organisations shown, one name
    surveys.answer(fixtures.actor(power[1]), run, Map.of("satisfaction", "3"), false);
    surveys.answer(fixtures.actor(power[2]), run, Map.of("satisfaction", "3"), true);
    r = surveys.results(planner, run);
    assertThat(r.teams())
        .extracting(SurveyViews.Group::name, g -> g.averages().get(0))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bank", 4.3),
            org.assertj.core.groups.Tuple.tuple("power", 2.7));
    assertThat(r.organisations()).hasSize(2);
    assertThat(r.individuals()).filteredOn(i -> i.name() != null).hasSize(1);
    assertThat(r.individuals().get(0).organisation()).isEqualTo(powerOrg.nameJa());
    section = section(web.get("/exercises/" + run + "/report").body());
    assertThat(section).contains("survey-team-bank", "survey-team-power");
    // in English the organisations are named in English (groups and the named answer)
    SurveyViews.Results en = surveys.results(planner, run, java.util.Locale.ENGLISH);
    assertThat(en.organisations())
        .extracting(SurveyViews.Group::name)
        .containsExactlyInAnyOrder(bankOrg.nameEn(), powerOrg.nameEn());
    assertThat(en.individuals().get(0).organisation()).isEqualTo(powerOrg.nameEn());

    // an evaluator sees the tally but no answer one by one
    SurveyViews.Results forEvaluator = surveys.results(evaluator, run);
    assertThat(forEvaluator.individuals()).isEmpty();
    assertThat(forEvaluator.answers()).isEqualTo(6);
    String evaluatorSection =
        section(signedIn(evaluatorUser.login()).get("/exercises/" + run + "/report").body());
    assertThat(evaluatorSection).contains("survey-ratings").doesNotContain("survey-individuals");

    // players, observers, outsiders
    assertThatThrownBy(() -> surveys.results(b0, run)).isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> surveys.results(fixtures.actor(observerUser), run))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> surveys.form(fixtures.actor(observerUser), run))
        .isInstanceOf(Forbidden.class);
    for (UserAccount u : new UserAccount[] {outsiderUser, otherPlayerUser}) {
      Actor a = fixtures.actor(u);
      assertThatThrownBy(() -> surveys.results(a, run)).isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> surveys.form(a, run)).isInstanceOf(NotFound.class);
      assertThatThrownBy(() -> surveys.answer(a, run, Map.of("satisfaction", "1"), false))
          .isInstanceOf(NotFound.class);
      Http h = signedIn(u.login());
      long missing = run ^ 0x5a5a5a5aL;
      HttpResponse<String> hidden = h.get("/exercises/" + run + "/survey");
      HttpResponse<String> absent = h.get("/exercises/" + missing + "/survey");
      assertThat(hidden.statusCode()).isEqualTo(404);
      assertThat(AfterActionIT.normal(hidden.body(), run))
          .isEqualTo(AfterActionIT.normal(absent.body(), missing));
      assertThat(h.get("/exercises/" + run + "/survey/item").body()).doesNotContain(title);
    }

    // the page: a bad answer lists every error and keeps what was typed; a good one is saved
    HttpResponse<String> refused =
        b0web.postForm(
            "/exercises/" + run + "/survey",
            "/exercises/" + run + "/survey",
            Map.of("q.satisfaction", "9", "q.comments", "残したい感想"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("survey-errors", "satisfaction", "残したい感想");
    HttpResponse<String> saved =
        b0web.postForm(
            "/exercises/" + run + "/survey",
            "/exercises/" + run + "/survey",
            Map.of("q.satisfaction", "5", "q.comments", "訓練の頻度を増やしたい"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(surveys.form(b0, run).answers()).containsEntry("comments", "訓練の頻度を増やしたい");
    assertThat(surveys.results(planner, run).answers()).isEqualTo(6);

    // the workbook carries the survey sheet
    byte[] xlsx = bytes(web, "/exercises/" + run + "/report.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheet("アンケート").getRow(2).getCell(6).getNumericCellValue()).isEqualTo(6);
    }

    // closed: no more answers or changes, until reopened
    surveys.setState(planner, run, "closed");
    assertThatThrownBy(() -> surveys.answer(b0, run, Map.of("satisfaction", "1"), false))
        .isInstanceOf(Conflict.class);
    assertThat(b0web.get("/exercises/surveys").body()).doesNotContain(title);
    assertThat(b0web.get("/exercises/" + run + "/survey").body()).contains("survey-closed");
    surveys.setState(planner, run, "open");
    surveys.answer(b0, run, Map.of("satisfaction", "1"), false);
  }

  /**
   * The controller tries to unmask an anonymous answer: moving the player who wrote it out of the
   * players (to observer) or into a team of their own would show which answer left the list, or the
   * team's figures. A player who answered keeps role and team; the answers stay as they were.
   */
  @Test
  void aControllerCannotUnmaskAnAnonymousAnswerByMovingItsPlayer() {
    Actor planner = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation bankOrg = fixtures.operator("finance");
    UserAccount[] bank = new UserAccount[3];
    for (int i = 0; i < 3; i++) {
      bank[i] = fixtures.user(bankOrg, Role.MEMBER);
    }
    UserAccount silent = fixtures.user(bankOrg, Role.MEMBER);
    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("匿名性")));
    long run = exercises.createRun(planner, scenario, Fixtures.unique("匿名性の回"), 1, false);
    for (UserAccount u : new UserAccount[] {bank[0], bank[1], bank[2], silent}) {
      exercises.addMember(planner, run, u.login(), "player", "bank", "");
    }
    surveys.attach(planner, run, "");
    exercises.control(planner, run, "start");
    exercises.control(planner, run, "stop");
    for (int i = 0; i < 3; i++) {
      surveys.answer(
          fixtures.actor(bank[i]), run, Map.of("satisfaction", Integer.toString(i + 2)), false);
    }
    var before = surveys.results(planner, run).individuals();
    assertThat(before).hasSize(3).allMatch(i -> i.name() == null);

    for (String[] move : new String[][] {{"observer", ""}, {"evaluator", ""}, {"player", "x"}}) {
      assertThatThrownBy(
              () -> exercises.addMember(planner, run, bank[1].login(), move[0], move[1], ""))
          .isInstanceOfSatisfying(
              Conflict.class,
              e -> assertThat(e.messageKey()).isEqualTo("exercise.validation.memberAnswered"));
    }
    // nothing moved
    SurveyViews.Results after = surveys.results(planner, run);
    assertThat(after.individuals()).isEqualTo(before);
    assertThat(after.answers()).isEqualTo(3);
    // the same role and team again, another played role, and a player who did not answer: allowed
    exercises.addMember(planner, run, bank[1].login(), "player", "bank", "窓口");
    exercises.addMember(planner, run, silent.login(), "observer", "", "");
    assertThat(surveys.results(planner, run).players()).isEqualTo(3);
  }

  private Http signedIn(String login) {
    Http web = http();
    web.signIn(login, Fixtures.PASSWORD);
    return web;
  }

  private byte[] bytes(Http web, String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Cookie", web.cookieHeader())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static String section(String page) {
    int from = page.indexOf("id=\"aar-survey\"");
    assertThat(from).isPositive();
    int to = page.indexOf("</section>", from);
    return page.substring(from, to);
  }
}
