package jp.renkei.server.exercise;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
  private final ExercisePages pages;

  RunSchedulePages(ExerciseService exercises, ExercisePages pages) {
    this.exercises = exercises;
    this.pages = pages;
  }

  @PostMapping("/exercises/{id}/schedule")
  String schedule(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String startAt,
      java.util.Locale locale,
      Model model) {
    try {
      exercises.scheduleStart(actor, id, parse(startAt));
    } catch (InvalidInput e) {
      model.addAttribute("startAtInput", startAt);
      return pages.refused(actor, id, e, locale, model);
    }
    return "redirect:/exercises/" + id + "/console";
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
