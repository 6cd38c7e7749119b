package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a controller new to the console met in the last walk, in the rendered page: an expected
 * action of a team the run does not have, an inject given on command before the start, and a bad
 * speed or an unknown login — each said on the console in the reader's language, the field named
 * and the input kept, never an error page.
 */
class ConsoleFormsIT extends ServerTest {

  @Autowired ExerciseService exercises;

  /** Inject 1 (minute 0) for team NISC with an expected action; inject C waits for the command. */
  static ScenarioDocument scenario() {
    return new ScenarioDocument(
        "コンソールの試験",
        "",
        List.of(),
        List.of(),
        List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                List.of(new ScenarioDocument.TargetDoc("team", "NISC")),
                "JPCERT/CC（模擬）",
                "hub_inbox",
                "NISC への連絡",
                "本文",
                List.of(
                    new ScenarioDocument.ExpectationDoc(
                        "1-1", "情報提供を発信する", 30, 10, "advisory_issued")),
                false,
                null,
                null),
            new ScenarioDocument.InjectDoc(
                "C",
                0,
                List.of(new ScenarioDocument.TargetDoc("all", null)),
                "コントローラー",
                "hub_inbox",
                "発動権限者と連絡が取れない",
                "不在",
                List.of(),
                true,
                null,
                null)),
        null);
  }

  record Run(long id, Actor controller, Http ja, Http en) {}

  Run run() {
    UserAccount planner = fixtures.user("nisc", Role.ANALYST);
    UserAccount english = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(planner);
    UserAccount player = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    long scenario = exercises.createScenario(controller, scenario());
    long run = exercises.createRun(controller, scenario, "試験 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, english.login(), "controller", "", "");
    exercises.addMember(controller, run, player.login(), "player", "bank", "");
    Http ja = http();
    ja.signIn(planner.login(), Fixtures.PASSWORD);
    Http en = http();
    en.signIn(english.login(), Fixtures.PASSWORD);
    en.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    return new Run(run, controller, ja, en);
  }

  static String console(long run) {
    return "/exercises/" + run + "/console";
  }

  @Test
  void anExpectedActionOfATeamTheRunDoesNotHaveSaysWhyNobodyIsScored() {
    Run r = run();
    String before = r.ja().get(console(r.id())).body();
    assertThat(before).contains("id=\"no-team-1-1\"").contains("未付与");

    exercises.control(r.controller(), r.id(), "start");
    String ja = r.ja().get(console(r.id())).body();
    // inject 1 went out (to nobody): not 「未付与」 but why, and what to do about it
    assertThat(cell(ja, "no-team-1-1"))
        .contains("付与済みですが")
        .contains("チーム: NISC")
        .contains("参加者に追加")
        .doesNotContain("未付与");
    String en = r.en().get(console(r.id())).body();
    assertThat(cell(en, "no-team-1-1"))
        .contains("Sent, but no player of this run is among its recipients")
        .contains("NISC")
        .contains("change the inject recipients or the expected action")
        .doesNotContain("Not sent yet");
    // the after-action report says the same
    assertThat(cell(r.ja().get("/exercises/" + r.id() + "/report").body(), "no-team-1-1"))
        .contains("付与済みですが");
  }

  @Test
  void anInjectOnCommandIsRefusedBeforeTheStartWithTheReasonOnTheConsole() {
    Run r = run();
    String page = r.ja().get(console(r.id())).body();
    // no button to press before the start, and the row says when it can be sent
    assertThat(page).doesNotContain("value=\"command\"").contains("id=\"command-later-C\"");
    assertThat(cell(page, "command-later-C")).contains("開始後に付与できます");

    // a console opened earlier (or the API) sends it anyway: refused, said on the console
    HttpResponse<String> refused =
        r.ja()
            .postForm(
                console(r.id()),
                "/exercises/" + r.id() + "/control",
                Map.of("action", "command", "inject", "C"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"form-error\"")
        .contains("状況付与：状況付与 C は演習の実施中")
        .contains("先に「開始」を押してください")
        .contains("id=\"exercise-timeline\"");
    assertThat(exercises.console(r.controller(), r.id()).inject("C").state()).isEqualTo("waiting");
    String en =
        r.en()
            .postForm(
                console(r.id()),
                "/exercises/" + r.id() + "/control",
                Map.of("action", "command", "inject", "C"))
            .body();
    assertThat(en).contains("Inject: Inject C can be sent on command only while the exercise runs");
    assertThat(cell(r.en().get(console(r.id())).body(), "command-later-C"))
        .contains("Can be sent once the exercise has started");

    // running: the button is there and sending works; after the stop it is refused again
    exercises.control(r.controller(), r.id(), "start");
    assertThat(r.ja().get(console(r.id())).body())
        .contains("value=\"command\"")
        .doesNotContain("id=\"command-later-C\"");
    exercises.command(r.controller(), r.id(), "C");
    assertThat(exercises.console(r.controller(), r.id()).inject("C").state()).isEqualTo("sent");
    exercises.control(r.controller(), r.id(), "stop");
    assertThatThrownBy(() -> exercises.command(r.controller(), r.id(), "C"))
        .isInstanceOf(Conflict.class);
  }

  /** The create-run form of the exercise list: a bad speed is said on the list, input kept. */
  @Test
  void aBadSpeedOnTheCreateRunFormIsShownOnTheListWithTheInputKept() {
    UserAccount planner = fixtures.user("nisc", Role.ANALYST);
    Actor controller = fixtures.actor(planner);
    long scenario = exercises.createScenario(controller, scenario());
    int runs = exercises.runs(controller).size();
    Http ja = http();
    ja.signIn(planner.login(), Fixtures.PASSWORD);
    // (a blank speed is the form's default, 1, as a missing one is)
    for (String bad : List.of("abc", "0", "601", "1.5")) {
      HttpResponse<String> res =
          ja.postForm(
              "/exercises",
              "/exercises",
              Map.of(
                  "scenario",
                  String.valueOf(scenario),
                  "title",
                  "速度の試験",
                  "speed",
                  bad,
                  "emailAllowed",
                  "true"));
      assertThat(res.statusCode()).as(bad).isEqualTo(200);
      assertThat(res.body())
          .as(bad)
          .contains("id=\"form-error\"")
          .contains("href=\"#speed\"")
          .contains("速度は 1 から 600 倍までです。")
          .contains("value=\"" + bad + "\" id=\"speed\"")
          .contains("value=\"速度の試験\" id=\"title\"")
          .contains("aria-invalid=\"true\"")
          .doesNotContain("Exception");
    }
    assertThat(exercises.runs(controller)).hasSize(runs);
    HttpResponse<String> good =
        ja.postForm(
            "/exercises",
            "/exercises",
            Map.of("scenario", String.valueOf(scenario), "title", "", "speed", "2"));
    assertThat(good.statusCode()).isEqualTo(302);
    assertThat(exercises.runs(controller)).hasSize(runs + 1);
  }

  @Test
  void aBadSpeedOrAnUnknownLoginIsShownOnTheFormWithTheInputKept() {
    Run r = run();
    String control = "/exercises/" + r.id() + "/control";
    for (String bad : List.of("abc", "0", "601", "")) {
      HttpResponse<String> res =
          r.ja().postForm(console(r.id()), control, Map.of("action", "speed", "speed", bad));
      assertThat(res.statusCode()).as(bad).isEqualTo(200);
      assertThat(res.body())
          .as(bad)
          .contains("id=\"form-error\"")
          .contains("href=\"#speed\"")
          .contains("速度（倍）：速度は 1 から 600 倍までです。")
          .contains("name=\"speed\" id=\"speed\" min=\"1\" max=\"600\" value=\"" + bad + "\"")
          .doesNotContain("Exception");
    }
    assertThat(r.en().postForm(console(r.id()), control, Map.of("action", "speed", "speed", "x9")))
        .satisfies(
            res ->
                assertThat(res.body())
                    .contains("Speed (x): The speed is 1 to 600 times real time.")
                    .contains("value=\"x9\""));
    assertThat(exercises.console(r.controller(), r.id()).speed()).isEqualTo(1);

    HttpResponse<String> unknown =
        r.ja()
            .postForm(
                console(r.id()),
                "/exercises/" + r.id() + "/members",
                Map.of(
                    "login", "no.such.user", "role", "evaluator", "team", "", "playedRole", "記録係"));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body())
        .contains("href=\"#login\"")
        .contains("ログイン名：追加できる利用者ではありません: no.such.user")
        .contains("value=\"no.such.user\"")
        .contains("<option value=\"evaluator\" selected=\"selected\">")
        .contains("value=\"記録係\"");
    // a player without a team: the team field is named
    String noTeam =
        r.en()
            .postForm(
                console(r.id()),
                "/exercises/" + r.id() + "/members",
                Map.of("login", "no.such.user", "role", "player", "team", "  "))
            .body();
    assertThat(noTeam).contains("href=\"#team\"").contains("Team: A player needs a team");
    // a good one still redirects to the console
    assertThat(
            r.ja()
                .postForm(console(r.id()), control, Map.of("action", "speed", "speed", "30"))
                .statusCode())
        .isIn(200, 302, 303);
    assertThat(exercises.console(r.controller(), r.id()).speed()).isEqualTo(30);
  }

  /** The text of the element with {@code id} (up to its closing tag). */
  static String cell(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as(id).isNotNegative();
    int start = html.indexOf('>', at) + 1;
    return html.substring(start, html.indexOf('<', start));
  }
}
