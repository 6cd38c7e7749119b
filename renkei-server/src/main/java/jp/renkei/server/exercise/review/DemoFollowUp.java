package jp.renkei.server.exercise.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ExerciseViews;
import jp.renkei.server.exercise.survey.SurveyService;
import org.springframework.stereotype.Component;

/**
 * The demo hub's ended run of the 2015 cross-sector scenario ("分野横断的演習（デモ・前回）"): its 事後アンケート is
 * open ({@code bank.analyst} and {@code power.analyst} answered, {@code ceptoar.bank} and {@code
 * fsa.analyst} see 「アンケートに回答」), and two 課題 — one of the bank, overdue, one of the power company —
 * which their users follow up on {@code /exercises}.
 */
@Component
public class DemoFollowUp {

  static final String TITLE = "分野横断的演習（デモ・前回）";

  private final ExerciseService exercises;
  private final SurveyService surveys;
  private final FollowUp followUp;
  private final UserService users;

  DemoFollowUp(
      ExerciseService exercises, SurveyService surveys, FollowUp followUp, UserService users) {
    this.exercises = exercises;
    this.surveys = surveys;
    this.followUp = followUp;
    this.users = users;
  }

  /** Installs the ended run once, after the demo scenario (nothing without it). */
  public void install() {
    Actor planner = actor("nisc.analyst");
    if (planner == null
        || exercises.runs(planner).stream().anyMatch(r -> r.title().equals(TITLE))) {
      return;
    }
    // the scenario of the demo's 2015 run, not whichever scenario is listed first (the
    // simulated-report demo scenario is newer, so it came first and the ended run had no earlier
    // run to compare with)
    String template =
        exercises.runs(planner).stream()
            .filter(r -> r.title().equals(jp.renkei.server.exercise.DemoScenario.RUN_2015))
            .map(ExerciseViews.RunSummary::scenarioTitle)
            .findFirst()
            .orElse(null);
    ExerciseViews.ScenarioSummary scenario =
        exercises.scenarios(planner).stream()
            .filter(s -> s.title().equals(template))
            .findFirst()
            .orElse(null);
    if (scenario == null) {
      return;
    }
    long run = exercises.createRun(planner, scenario.id(), TITLE, 10, false);
    String[][] players = {
      {"bank.analyst", "さくら銀行"},
      {"power.analyst", "いなずま電力"},
      {"ceptoar.bank", "銀行等セプター"},
      {"fsa.analyst", "金融庁"}
    };
    for (String[] p : players) {
      if (users.findByLogin(p[0]).isPresent()) {
        exercises.addMember(planner, run, p[0], "player", p[1], "");
      }
    }
    exercises.control(planner, run, "start");
    exercises.control(planner, run, "stop");
    surveys.attach(planner, run, "");
    Actor bank = actor("bank.analyst");
    Actor power = actor("power.analyst");
    if (bank == null || power == null) {
      return;
    }
    surveys.answer(
        bank, run, Map.of("satisfaction", "4", "own-issues", "夜間・休日の連絡先一覧が人事異動に追随していなかった"), false);
    surveys.answer(
        power, run, Map.of("satisfaction", "3", "comments", "制御システムの状況付与を増やしてほしい"), true);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    followUp.addIssue(
        planner, run, "夜間・休日の連絡先一覧を更新する", bank.organisationId(), today.minusDays(7).toString());
    followUp.addIssue(
        planner,
        run,
        "制御システム停止時の第一報手順を整備する",
        power.organisationId(),
        today.plusDays(30).toString());
  }

  private Actor actor(String login) {
    UserAccount u = users.findByLogin(login).orElse(null);
    return u == null
        ? null
        : new Actor(u.id(), u.login(), u.organisationId(), u.role(), "system", null);
  }
}
