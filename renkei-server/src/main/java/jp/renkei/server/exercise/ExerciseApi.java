package jp.renkei.server.exercise;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: exercise scenarios, runs, members, the run's clock, injects on command and marks. */
@RestController
@RequestMapping("/api/v1/exercises")
class ExerciseApi {

  private final ExerciseService exercises;

  ExerciseApi(ExerciseService exercises) {
    this.exercises = exercises;
  }

  record NewRun(long scenarioId, String title, Integer speed, Boolean emailAllowed) {}

  record NewMember(String login, String role, String team, String playedRole) {}

  record Control(String action, Integer speed, String inject) {}

  record NewMark(String expectation, String team, String outcome, String note) {}

  @PostMapping("/scenarios")
  ResponseEntity<Map<String, Object>> createScenario(
      Actor actor, @RequestBody ScenarioDocument body) {
    long id = exercises.createScenario(actor, body);
    return ResponseEntity.created(URI.create("/api/v1/exercises/scenarios/" + id))
        .body(Map.of("id", id));
  }

  @GetMapping("/scenarios")
  List<ExerciseViews.ScenarioSummary> scenarios(Actor actor) {
    return exercises.scenarios(actor);
  }

  @GetMapping("/scenarios/{id}")
  ScenarioDocument scenario(Actor actor, @PathVariable long id) {
    return exercises.scenario(actor, id);
  }

  @PostMapping("/runs")
  ResponseEntity<Map<String, Object>> createRun(Actor actor, @RequestBody NewRun body) {
    long id =
        exercises.createRun(
            actor,
            body.scenarioId(),
            body.title(),
            body.speed() == null ? 1 : body.speed(),
            Boolean.TRUE.equals(body.emailAllowed()));
    return ResponseEntity.created(URI.create("/api/v1/exercises/runs/" + id))
        .body(Map.of("id", id));
  }

  @GetMapping("/runs")
  List<ExerciseViews.RunSummary> runs(Actor actor) {
    return exercises.runs(actor);
  }

  @PostMapping("/runs/{id}/members")
  ResponseEntity<Void> member(Actor actor, @PathVariable long id, @RequestBody NewMember body) {
    exercises.addMember(actor, id, body.login(), body.role(), body.team(), body.playedRole());
    return ResponseEntity.noContent().build();
  }

  /** {@code action}: start, pause, resume, stop, speed (with {@code speed}) or command. */
  @PostMapping("/runs/{id}/control")
  ResponseEntity<Void> control(Actor actor, @PathVariable long id, @RequestBody Control body) {
    if ("speed".equals(body.action())) {
      exercises.speed(actor, id, body.speed() == null ? 0 : body.speed());
    } else if ("command".equals(body.action())) {
      exercises.command(actor, id, body.inject());
    } else {
      exercises.control(actor, id, body.action());
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/runs/{id}/marks")
  ResponseEntity<Void> mark(Actor actor, @PathVariable long id, @RequestBody NewMark body) {
    exercises.mark(actor, id, body.expectation(), body.team(), body.outcome(), body.note());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/runs/{id}/console")
  ExerciseViews.Console console(Actor actor, @PathVariable long id) {
    return exercises.console(actor, id);
  }

  /**
   * The member's view of the run; records the read only when it is their own ({@link OwnReading}).
   */
  @GetMapping("/runs/{id}")
  ExerciseViews.Play play(
      Actor actor,
      @PathVariable long id,
      @RequestHeader(name = "Sec-Fetch-Site", required = false) String fetchSite) {
    return exercises.play(actor, id, OwnReading.counts(actor, fetchSite));
  }
}
