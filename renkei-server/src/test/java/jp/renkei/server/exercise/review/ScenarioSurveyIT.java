package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 事後アンケート attached to a scenario: every run made from it starts with the questionnaire (a copy: a
 * later edit of the scenario changes new runs only), it travels in the scenario's JSON exchange,
 * and a bad one is refused naming the question.
 */
class ScenarioSurveyIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired JdbcClient jdbc;

  static ScenarioDocument withSurvey(ScenarioDocument d, ScenarioDocument.SurveyDoc survey) {
    return new ScenarioDocument(
        d.title(), d.purpose(), d.objectives(), d.phases(), d.injects(), survey);
  }

  String questionsOf(long run) {
    return jdbc.sql("select questions::text from exercise_survey where run_id = ?")
        .param(run)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void eachRunStartsWithACopyOfItsScenariosQuestionnaire() {
    var user = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(user);
    ScenarioDocument plain = ReviewFixtures.scenario(Fixtures.unique("アンケート付き"));
    ScenarioDocument doc =
        withSurvey(
            plain, new ScenarioDocument.SurveyDoc(List.of("連絡網は機能しましたか"), List.of("情報共有の速さ")));
    Http api = http().bearer(fixtures.token(user));
    var created =
        api.postJson(
            "/api/v1/exercises/scenarios",
            tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(doc));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Long.parseLong(created.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));
    assertThat(exercises.scenario(planner, id)).isEqualTo(doc);

    long first = exercises.createRun(planner, id, "一回目", 1, false);
    assertThat(questionsOf(first))
        .contains("satisfaction", "objective-1", "連絡網は機能しましたか", "extra-1", "情報共有の速さ", "rating-1");

    // the planner changes the scenario's questions: the first run keeps its own, a new one the new
    exercises.replaceScenario(
        planner,
        id,
        withSurvey(plain, new ScenarioDocument.SurveyDoc(List.of("次回への提案"), List.of())));
    long second = exercises.createRun(planner, id, "二回目", 1, false);
    assertThat(questionsOf(first)).contains("連絡網は機能しましたか").doesNotContain("次回への提案");
    assertThat(questionsOf(second)).contains("次回への提案").doesNotContain("連絡網は機能しましたか");

    // a scenario without one gives runs without one (a controller attaches it as before)
    long none = exercises.createScenario(planner, plain);
    assertThat(questionsOf(exercises.createRun(planner, none, "なし", 1, false))).isNull();

    // the JSON exchange carries it (and leaves it out when there is none)
    var exported = api.get("/api/v1/exercises/scenarios/" + id + "/export.json");
    assertThat(exported.body()).contains("\"survey\"", "次回への提案");
    assertThat(api.get("/api/v1/exercises/scenarios/" + none + "/export.json").body())
        .doesNotContain("\"survey\"");
    var imported =
        api.postBytes(
            "/api/v1/exercises/scenarios/import.json",
            "application/json",
            exported.body().getBytes(StandardCharsets.UTF_8));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    long copy = Long.parseLong(imported.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));
    assertThat(exercises.scenario(planner, copy).survey())
        .isEqualTo(new ScenarioDocument.SurveyDoc(List.of("次回への提案"), List.of()));
    assertThat(questionsOf(exercises.createRun(planner, copy, "取込", 1, false))).contains("次回への提案");
  }

  @Test
  void aPlannerAttachesItOnTheScenarioPageAndOnlyToTheirOwnScenario() {
    var user = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(user);
    long id = exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("画面")));
    String page = "/exercises/scenarios/" + id + "/transfer";
    Http web = http();
    web.signIn(user.login(), Fixtures.PASSWORD);
    assertThat(web.get(page).body()).contains("scenario-survey-questions");
    var saved =
        web.postForm(
            page,
            "/exercises/scenarios/" + id + "/survey",
            java.util.Map.of("questions", "訓練の想定は現実的でしたか\n\n", "ratings", "連携の円滑さ"));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("scenario-survey-saved", "訓練の想定は現実的でしたか");
    assertThat(exercises.scenario(planner, id).survey())
        .isEqualTo(new ScenarioDocument.SurveyDoc(List.of("訓練の想定は現実的でしたか"), List.of("連携の円滑さ")));
    var tooLong =
        web.postForm(
            page,
            "/exercises/scenarios/" + id + "/survey",
            java.util.Map.of("ratings", "長".repeat(301)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("ratings[0]").doesNotContain("Exception");
    var removed =
        web.postForm(
            page, "/exercises/scenarios/" + id + "/survey", java.util.Map.of("remove", "1"));
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(exercises.scenario(planner, id).survey()).isNull();

    // another organisation's analyst: the scenario does not exist for them
    var other = fixtures.user("fsa", Role.ANALYST);
    Http otherWeb = http();
    otherWeb.signIn(other.login(), Fixtures.PASSWORD);
    assertThat(otherWeb.get(page).statusCode()).isEqualTo(404);
    var refused =
        otherWeb.postForm(
            "/exercises",
            "/exercises/scenarios/" + id + "/survey",
            java.util.Map.of("questions", "乗っ取り"));
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(exercises.scenario(planner, id).survey()).isNull();
  }

  @Test
  void aBadQuestionnaireIsRefusedNamingTheQuestion() {
    var user = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(user);
    ScenarioDocument plain = ReviewFixtures.scenario(Fixtures.unique("不正"));
    InvalidInput tooMany =
        ScenarioTransferIT.catchInvalid(
            () ->
                exercises.createScenario(
                    planner,
                    withSurvey(
                        plain,
                        new ScenarioDocument.SurveyDoc(
                            java.util.Collections.nCopies(6, "問"),
                            java.util.Collections.nCopies(5, "評価")))));
    assertThat(tooMany.args()).contains("survey");
    InvalidInput tooLong =
        ScenarioTransferIT.catchInvalid(
            () ->
                exercises.createScenario(
                    planner,
                    withSurvey(
                        plain,
                        new ScenarioDocument.SurveyDoc(List.of(), List.of("長".repeat(301))))));
    assertThat(String.valueOf(tooLong.args()[1])).contains("ratings[0]");

    Http api = http().bearer(fixtures.token(user));
    String bad =
        "{\"format\":\"renkei-exercise-scenario\",\"version\":1,\"scenario\":{\"title\":\"t\","
            + "\"survey\":{\"questions\":[7],\"colour\":\"red\"}}}";
    var refused =
        api.postBytes(
            "/api/v1/exercises/scenarios/import.json",
            "application/json",
            bad.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"$.scenario.survey.questions[0]\"", "\"$.scenario.survey.colour\"")
        .doesNotContain("Exception");
    String empty =
        ScenarioExchange.write(
            withSurvey(plain, new ScenarioDocument.SurveyDoc(List.of(" "), List.of())));
    InvalidInput blank = ScenarioTransferIT.catchInvalid(() -> ScenarioExchange.read(empty));
    assertThat(blank.field()).isEqualTo("$.scenario.survey");
  }
}
