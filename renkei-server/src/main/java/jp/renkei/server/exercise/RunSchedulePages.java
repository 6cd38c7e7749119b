package jp.renkei.server.exercise;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scheduled start of a run: the console's form (Japan time, to the minute) and {@code PUT
 * /api/v1/exercises/runs/{id}/schedule} ({@code {"startAt": "2026-12-01T03:00:00Z"}}, null
 * cancels).
 */
@Controller
class RunSchedulePages {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final ExerciseService exercises;

  RunSchedulePages(ExerciseService exercises) {
    this.exercises = exercises;
  }

  record Schedule(Instant startAt) {}

  @PostMapping("/exercises/{id}/schedule")
  String schedule(
      Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String startAt) {
    exercises.scheduleStart(actor, id, parse(startAt));
    return "redirect:/exercises/" + id + "/console";
  }

  @PutMapping("/api/v1/exercises/runs/{id}/schedule")
  ResponseEntity<Void> scheduleApi(Actor actor, @PathVariable long id, @RequestBody Schedule body) {
    exercises.scheduleStart(actor, id, body == null ? null : body.startAt());
    return ResponseEntity.noContent().build();
  }

  static Instant parse(String local) {
    String s = local == null ? "" : local.strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(s).atZone(JAPAN).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput("startAt", "exercise.validation.startAtFormat", s);
    }
  }
}
