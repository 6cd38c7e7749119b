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
 * bank CEPTOAR and FSA as player teams; and a short running run, 「模擬情報連絡（デモ）」, whose one
 * simulated_report inject sends a report from 「A社（模擬）」 into the bank CEPTOAR's inbox at once, to
 * forward to the FSA within 30 minutes.
 */
@Component
public class DemoScenario {

  static final String CROSS_SECTOR_2015 = "/exercise/cross-sector-2015.json";

  /** The demo's run of the 2015 template, not started. */
  public static final String RUN_2015 = "分野横断的演習（デモ）";

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
    long run = exercises.createRun(actor, scenario, RUN_2015, 10, false);
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
    if (users.findByLogin("ceptoar.bank").isPresent()) {
      long simulated = exercises.createScenario(actor, simulatedReport());
      long started = exercises.createRun(actor, simulated, "模擬情報連絡（デモ）", 1, false);
      exercises.addMember(actor, started, "ceptoar.bank", "player", "銀行等セプター", "");
      if (users.findByLogin("fsa.analyst").isPresent()) {
        exercises.addMember(actor, started, "fsa.analyst", "player", "金融庁", "");
      }
      exercises.control(actor, started, "start");
    }
  }

  /** One simulated_report inject to the CEPTOARs, scored when they forward it. */
  static ScenarioDocument simulatedReport() {
    return new ScenarioDocument(
        "模擬情報連絡（デモ）",
        "模擬の事業者からの第一報をセプターが所管省庁へ転送する",
        java.util.List.of("情報連絡の転送"),
        java.util.List.of(new ScenarioDocument.PhaseDoc("情報連絡", 0, java.util.List.of())),
        java.util.List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                java.util.List.of(new ScenarioDocument.TargetDoc("organisation_type", "ceptoar")),
                "A社（模擬）",
                "simulated_report",
                "インターネットバンキングへの大量アクセス（模擬）",
                "A社のインターネットバンキングに海外から大量のアクセスがあり、ログインが遅延しています（模擬）。",
                java.util.List.of(
                    new ScenarioDocument.ExpectationDoc(
                        "1-1", "30分以内に所管省庁へ転送する", 30, 10, "report_forwarded")),
                false,
                null,
                null)),
        null);
  }
}
