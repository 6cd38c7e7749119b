package jp.renkei.server.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import org.springframework.stereotype.Component;

/**
 * The shipped 2015 cross-sector template (seed 003's timeline) in the demo hub: a scenario of NISC
 * and a run not started yet, controlled by {@code nisc.analyst}, with the demo bank, power company,
 * bank CEPTOAR and FSA as player teams.
 */
@Component
public class DemoScenario {

  static final String CROSS_SECTOR_2015 = "/exercise/cross-sector-2015.json";

  private final ExerciseService exercises;
  private final ExerciseRepository repo;
  private final UserService users;

  DemoScenario(ExerciseService exercises, ExerciseRepository repo, UserService users) {
    this.exercises = exercises;
    this.repo = repo;
    this.users = users;
  }

  /** Installs the template and a run once (nothing if NISC already has a scenario). */
  public void install() {
    UserAccount planner = users.findByLogin("nisc.analyst").orElse(null);
    if (planner == null || !repo.scenariosOf(planner.organisationId()).isEmpty()) {
      return;
    }
    Actor actor =
        new Actor(
            planner.id(),
            planner.login(),
            planner.organisationId(),
            planner.role(),
            "system",
            null);
    ScenarioDocument doc;
    try (InputStream in = DemoScenario.class.getResourceAsStream(CROSS_SECTOR_2015)) {
      doc = ExerciseService.JSON.readValue(in, ScenarioDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long scenario = exercises.createScenario(actor, doc);
    long run = exercises.createRun(actor, scenario, "分野横断的演習（デモ）", 10, false);
    String[][] players = {
      {"bank.analyst", "さくら銀行", "情報システム部長"},
      {"power.analyst", "いなずま電力", "制御システム担当"},
      {"ceptoar.bank", "銀行等セプター", ""},
      {"fsa.analyst", "金融庁", ""}
    };
    for (String[] p : players) {
      if (users.findByLogin(p[0]).isPresent()) {
        exercises.addMember(actor, run, p[0], "player", p[1], p[2]);
      }
    }
  }
}
