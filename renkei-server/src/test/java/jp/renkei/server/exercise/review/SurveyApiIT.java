package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 事後アンケート over REST: a controller attaches it with a rating question of its own, a player reads
 * and answers it with a token, a bad answer is refused with every wrong question, the 「未回答のアンケート」
 * item is on the player's home until answered, and controllers read the results with anonymous
 * answers still anonymous. The adversaries: another organisation's player (of another run) and an
 * outsider get the 404 of a run that does not exist, reading or answering; a player and an observer
 * never read the results; a read-only token cannot answer.
 */
class SurveyApiIT extends ServerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired ExerciseService exercises;

  @Test
  void playersAnswerOverTheApiAndAnonymousAnswersStayAnonymous() throws Exception {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(plannerUser);
    Organisation bankOrg = fixtures.operator("finance");
    UserAccount player = fixtures.user(bankOrg, Role.MEMBER);
    UserAccount named = fixtures.user(bankOrg, Role.MEMBER);
    UserAccount observer = fixtures.user("nisc", Role.ANALYST);
    UserAccount outsider = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount otherPlayer = fixtures.user(fixtures.operator("electricity"), Role.ANALYST);

    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("API調査")));
    String title = Fixtures.unique("アンケートAPIの回");
    long run = exercises.createRun(planner, scenario, title, 1, false);
    exercises.addMember(planner, run, player.login(), "player", "bank", "");
    exercises.addMember(planner, run, named.login(), "player", "bank", "");
    exercises.addMember(planner, run, observer.login(), "observer", "", "");
    long elsewhere = exercises.createRun(planner, scenario, "別の回", 1, false);
    exercises.addMember(planner, elsewhere, otherPlayer.login(), "player", "x", "");

    Http controller = http().bearer(fixtures.token(plannerUser));
    // planner's own questions: one free text, one rating; bad ones listed line by line
    var tooLong =
        controller.postJson(
            "/api/v1/exercises/runs/" + run + "/survey",
            "{\"questions\": [\""
                + "x".repeat(301)
                + "\"], \"ratings\": [\""
                + "y".repeat(301)
                + "\"]}");
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.body()).contains("questions", "ratings");
    var attached =
        controller.postJson(
            "/api/v1/exercises/runs/" + run + "/survey",
            "{\"questions\": [\"連絡先一覧は役に立ったか\"], \"ratings\": [\"夜間の連絡体制\"]}");
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    exercises.control(planner, run, "start");
    exercises.control(planner, run, "stop");

    Http api = http().bearer(fixtures.token(player));
    JsonNode form = JSON.readTree(api.get("/api/v1/exercises/runs/" + run + "/survey").body());
    assertThat(form.path("questions").valueStream().map(q -> q.path("key").asString()).toList())
        .containsExactly(
            "satisfaction", "objective-1", "rating-1", "own-issues", "comments", "extra-1");
    JsonNode own =
        form.path("questions")
            .valueStream()
            .filter(q -> q.path("key").asString().equals("rating-1"))
            .findFirst()
            .orElseThrow();
    assertThat(own.path("kind").asString()).isEqualTo("rating");
    assertThat(own.path("text").asString()).isEqualTo("夜間の連絡体制");
    assertThat(form.path("answered").asBoolean()).isFalse();

    // the work-queue item until answered, for the player only
    Http home = http();
    home.signIn(player.login(), Fixtures.PASSWORD);
    // the item is marked 【訓練】 as a tag, not with the page banner's whole sentence
    assertThat(home.get("/").body())
        .contains("wl-survey-" + run, "未回答のアンケート", "<span class=\"exercise-tag\">【訓練】</span>")
        .doesNotContain("この画面の情報は演習（訓練）のものです");
    Http outsiderHome = http();
    outsiderHome.signIn(outsider.login(), Fixtures.PASSWORD);
    assertThat(outsiderHome.get("/").body()).doesNotContain("wl-survey-" + run);

    // bad input: each wrong question named, nothing stored
    var bad =
        api.putJson(
            "/api/v1/exercises/runs/" + run + "/survey",
            "{\"answers\": {\"satisfaction\": \"9\", \"rating-1\": \"0\"}}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("satisfaction", "rating-1");
    var ok =
        api.putJson(
            "/api/v1/exercises/runs/" + run + "/survey",
            "{\"answers\": {\"satisfaction\": \"4\", \"rating-1\": \"2\","
                + " \"comments\": \"匿名の感想\"}, \"named\": false}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).path("answered").asBoolean()).isTrue();
    assertThat(home.get("/").body()).doesNotContain("wl-survey-" + run);
    Http namedApi = http().bearer(fixtures.token(named));
    assertThat(
            namedApi
                .putJson(
                    "/api/v1/exercises/runs/" + run + "/survey",
                    "{\"answers\": {\"satisfaction\": \"5\", \"rating-1\": \"4\"}, \"named\": true}")
                .statusCode())
        .isEqualTo(200);
    // a read-only token reads but cannot answer
    Http readOnly =
        http()
            .bearer(
                fixtures.token(
                    player, java.util.Set.of(jp.renkei.server.directory.TokenScope.READ)));
    assertThat(readOnly.get("/api/v1/exercises/runs/" + run + "/survey").statusCode())
        .isEqualTo(200);
    assertThat(
            readOnly
                .putJson(
                    "/api/v1/exercises/runs/" + run + "/survey",
                    "{\"answers\": {\"satisfaction\": \"1\"}}")
                .statusCode())
        .isEqualTo(403);

    // results: the rating of the planner's own question tallied; the anonymous answer has no name
    JsonNode results =
        JSON.readTree(controller.get("/api/v1/exercises/runs/" + run + "/survey/results").body());
    assertThat(results.path("answers").asInt()).isEqualTo(2);
    JsonNode ownRating =
        results
            .path("ratings")
            .valueStream()
            .filter(r -> r.path("question").path("key").asString().equals("rating-1"))
            .findFirst()
            .orElseThrow();
    assertThat(ownRating.path("distribution").path("average").asDouble()).isEqualTo(3.0);
    List<JsonNode> individuals = results.path("individuals").valueStream().toList();
    assertThat(individuals).hasSize(2);
    assertThat(individuals.stream().filter(i -> absent(i.path("name"))).toList())
        .singleElement()
        .satisfies(i -> assertThat(absent(i.path("organisation"))).isTrue());
    assertThat(individuals.stream().filter(i -> !absent(i.path("name"))).toList())
        .singleElement()
        .satisfies(i -> assertThat(i.path("name").asString()).isEqualTo(named.displayName()));
    assertThat(results.toString()).doesNotContain(player.login(), named.login());

    // adversaries: outsiders read or answer nothing, with the 404 of a run that does not exist
    for (UserAccount u : List.of(outsider, otherPlayer)) {
      Http a = http().bearer(fixtures.token(u));
      for (String path : List.of("/survey", "/survey/results")) {
        var refused = a.get("/api/v1/exercises/runs/" + run + path);
        var missing = a.get("/api/v1/exercises/runs/" + (run + 5_555_555L) + path);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body().replace(Long.toString(run), "N"))
            .isEqualTo(missing.body().replace(Long.toString(run + 5_555_555L), "N"));
      }
      assertThat(
              a.putJson(
                      "/api/v1/exercises/runs/" + run + "/survey",
                      "{\"answers\": {\"satisfaction\": \"1\"}}")
                  .statusCode())
          .isEqualTo(404);
      assertThat(a.get("/api/v1/exercises/surveys").body()).doesNotContain(title);
    }
    // a player and an observer never read the results
    assertThat(api.get("/api/v1/exercises/runs/" + run + "/survey/results").statusCode())
        .isEqualTo(403);
    assertThat(
            http()
                .bearer(fixtures.token(observer))
                .get("/api/v1/exercises/runs/" + run + "/survey/results")
                .statusCode())
        .isEqualTo(403);
    // the answers stored are the ones given; nobody else's answer changed
    assertThat(
            JSON.readTree(api.get("/api/v1/exercises/runs/" + run + "/survey").body())
                .path("answers")
                .path("comments")
                .asString())
        .isEqualTo("匿名の感想");
  }

  /** A field left out (the API leaves out nulls) or null. */
  static boolean absent(JsonNode n) {
    return n.isMissingNode() || n.isNull();
  }
}
