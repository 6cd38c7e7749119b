package jp.renkei.server.exercise;

import java.time.Instant;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: {@code PUT /api/v1/exercises/runs/{id}/schedule} with {@code {"startAt":
 * "2026-12-01T03:00:00Z"}} schedules the start of a run not started yet; a null start cancels.
 */
@RestController
class RunScheduleApi {

  private final ExerciseService exercises;

  RunScheduleApi(ExerciseService exercises) {
    this.exercises = exercises;
  }

  record Schedule(Instant startAt) {}

  @PutMapping("/api/v1/exercises/runs/{id}/schedule")
  ResponseEntity<Void> schedule(Actor actor, @PathVariable long id, @RequestBody Schedule body) {
    exercises.scheduleStart(actor, id, body == null ? null : body.startAt());
    return ResponseEntity.noContent().build();
  }
}
