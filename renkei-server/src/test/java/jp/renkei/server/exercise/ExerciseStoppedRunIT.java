package jp.renkei.server.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stopped run's record (attack26): once the controller stops the run, nothing a player does
 * changes its scores. A draft filed during the run and submitted after the stop was scored as filed
 * in the run's last moment (its exercise clock is frozen at the stop), so a team missing an
 * expectation met it after the exercise was over, in the console and the after-action report.
 */
class ExerciseStoppedRunIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired ReportFilingService filing;
  @Autowired DirectoryService directory;

  Organisation member(String sector, String ceptoar) {
    String code = Fixtures.unique("exop");
    return directory.create(
        Actor.cli(),
        new NewOrganisation(
            code,
            "演習試験事業者 " + code,
            "Exercise test operator " + code,
            "operator",
            sector,
            null,
            null,
            List.of(ceptoar)));
  }

  @Test
  void aReportSubmittedAfterTheStopScoresNothing() {
    Actor controller = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    UserAccount bankUser = fixtures.user(member("finance", "c-bank"), Role.ANALYST);
    UserAccount powerUser = fixtures.user(member("electricity", "c-power"), Role.ANALYST);
    Actor bank = fixtures.actor(bankUser);
    Actor power = fixtures.actor(powerUser);
    long scenario = exercises.createScenario(controller, ExerciseIT.scenario());
    long run = exercises.createRun(controller, scenario, "演習 " + Fixtures.unique("r"), 1, false);
    exercises.addMember(controller, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(controller, run, powerUser.login(), "player", "power", "");
    exercises.control(controller, run, "start");
    // power files in time; the bank keeps a draft
    filing.create(power, ExerciseIT.hotlineReport(Fixtures.unique("期限内"), run), true);
    long draft = filing.create(bank, ExerciseIT.ceptoarReport(Fixtures.unique("下書き"), run), false);
    exercises.control(controller, run, "stop");
    var console = exercises.console(controller, run);
    var atStop = console.scores().get(0);
    assertThat(ExerciseIT.outcome(atStop, "power")).isEqualTo(Outcome.MET);
    // not met: pending for an evaluator's mark (the controller may not see every report)
    Outcome bankAtStop = ExerciseIT.outcome(atStop, "bank");
    assertThat(bankAtStop).isNotEqualTo(Outcome.MET);

    // the exercise is over; the bank submits its draft
    filing.submit(bank, draft);
    var after = exercises.console(controller, run);
    assertThat(ExerciseIT.outcome(after.scores().get(0), "bank")).isEqualTo(bankAtStop);
    assertThat(ExerciseIT.outcome(after.scores().get(0), "power")).isEqualTo(Outcome.MET);
    assertThat(after.points()).isEqualTo(console.points());
  }
}
