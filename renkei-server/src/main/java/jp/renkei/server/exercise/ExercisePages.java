package jp.renkei.server.exercise;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 演習: the list of runs, a member's page of a run, and the controller console. */
@Controller
class ExercisePages {

  private final ExerciseService exercises;
  private final ScenarioTemplates templates;

  ExercisePages(ExerciseService exercises, ScenarioTemplates templates) {
    this.exercises = exercises;
    this.templates = templates;
  }

  @GetMapping("/exercises")
  String list(Actor actor, Model model) {
    model.addAttribute("runs", exercises.runs(actor));
    model.addAttribute("scenarios", exercises.scenarios(actor));
    model.addAttribute("templates", templates.all());
    return "exercise/list";
  }

  @PostMapping("/exercises")
  String createRun(
      Actor actor,
      @RequestParam long scenario,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "1") int speed,
      @RequestParam(defaultValue = "false") boolean emailAllowed) {
    long id = exercises.createRun(actor, scenario, title, speed, emailAllowed);
    return "redirect:/exercises/" + id + "/console";
  }

  @GetMapping("/exercises/{id}")
  String play(Actor actor, @PathVariable long id, Model model) {
    model.addAttribute("play", exercises.play(actor, id));
    return "exercise/play";
  }

  @GetMapping("/exercises/{id}/console")
  String console(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "1") String page,
      java.util.Locale locale,
      Model model) {
    ExerciseViews.Console c = exercises.console(actor, id);
    model.addAttribute("c", c);
    model.addAttribute("p", ConsolePage.of(c, q, pageNumber(page), locale));
    return "exercise/console";
  }

  @PostMapping("/exercises/{id}/control")
  String control(
      Actor actor,
      @PathVariable long id,
      @RequestParam String action,
      @RequestParam(required = false) Integer speed,
      @RequestParam(required = false) String inject) {
    switch (action) {
      case "speed" -> exercises.speed(actor, id, speed == null ? 0 : speed);
      case "command" -> exercises.command(actor, id, inject);
      default -> exercises.control(actor, id, action);
    }
    return "redirect:/exercises/" + id + "/console";
  }

  @PostMapping("/exercises/{id}/members")
  String member(
      Actor actor,
      @PathVariable long id,
      @RequestParam String login,
      @RequestParam String role,
      @RequestParam(defaultValue = "") String team,
      @RequestParam(defaultValue = "") String playedRole) {
    exercises.addMember(actor, id, login, role, team, playedRole);
    return "redirect:/exercises/" + id + "/console";
  }

  @PostMapping("/exercises/{id}/marks")
  String mark(
      Actor actor,
      @PathVariable long id,
      @RequestParam String expectation,
      @RequestParam String team,
      @RequestParam String outcome,
      @RequestParam(defaultValue = "") String note) {
    exercises.mark(actor, id, expectation, team, outcome, note);
    return "redirect:/exercises/" + id + "/console";
  }

  /** A page number as asked; anything else (not a number, below 1) is the first page. */
  static int pageNumber(String page) {
    try {
      return Math.max(1, Integer.parseInt(page.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
