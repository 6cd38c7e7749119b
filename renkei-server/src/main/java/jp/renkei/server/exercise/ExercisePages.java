package jp.renkei.server.exercise;

import java.util.Locale;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
      @RequestParam(defaultValue = "1") String speed,
      @RequestParam(defaultValue = "false") boolean emailAllowed,
      Model model) {
    try {
      long id = exercises.createRun(actor, scenario, title, speed(speed), emailAllowed);
      return "redirect:/exercises/" + id + "/console";
    } catch (InvalidInput e) {
      // the list again with the error on the scenario's form, as typed
      model.addAttribute("formError", e);
      model.addAttribute("runForm", new RunForm(scenario, title, speed, emailAllowed));
      return list(actor, model);
    }
  }

  /** The create-run form as it was sent, shown again with its error. */
  record RunForm(long scenario, String title, String speed, boolean emailAllowed) {}

  /**
   * The run's page. Opening it records that the member read their injects only when it is their own
   * reading ({@link OwnReading}); otherwise the page shows the injects and a button that records
   * the read.
   */
  @GetMapping("/exercises/{id}")
  String play(
      Actor actor,
      @PathVariable long id,
      @RequestHeader(name = "Sec-Fetch-Site", required = false) String fetchSite,
      Model model) {
    boolean own = OwnReading.counts(actor, fetchSite);
    model.addAttribute("play", exercises.play(actor, id, own));
    model.addAttribute("readNotRecorded", !own);
    return "exercise/play";
  }

  @PostMapping("/exercises/{id}/read")
  String markRead(
      Actor actor,
      @PathVariable long id,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    exercises.markRead(actor, id);
    redirect.addFlashAttribute("readMarked", true);
    return "redirect:/exercises/" + id;
  }

  @GetMapping("/exercises/{id}/console")
  String console(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "1") String page,
      Locale locale,
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
      @RequestParam(defaultValue = "") String speed,
      @RequestParam(required = false) String inject,
      Locale locale,
      Model model) {
    try {
      switch (action) {
        case "speed" -> exercises.speed(actor, id, speed(speed));
        case "command" -> exercises.command(actor, id, inject);
        default -> exercises.control(actor, id, action);
      }
    } catch (InvalidInput e) {
      if ("speed".equals(action)) {
        model.addAttribute("speedInput", speed);
      }
      return refused(actor, id, e, locale, model);
    }
    return "redirect:/exercises/" + id + "/console";
  }

  @PostMapping("/exercises/{id}/members")
  String member(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String login,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String team,
      @RequestParam(defaultValue = "") String playedRole,
      Locale locale,
      Model model) {
    try {
      exercises.addMember(actor, id, login, role, team, playedRole);
    } catch (InvalidInput e) {
      model.addAttribute("memberForm", new MemberForm(login, role, team, playedRole));
      return refused(actor, id, e, locale, model);
    }
    return "redirect:/exercises/" + id + "/console";
  }

  @PostMapping("/exercises/{id}/marks")
  String mark(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String expectation,
      @RequestParam(defaultValue = "") String team,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "") String note,
      Locale locale,
      Model model) {
    try {
      exercises.mark(actor, id, expectation, team, outcome, note);
    } catch (InvalidInput e) {
      return refused(actor, id, e, locale, model);
    }
    return "redirect:/exercises/" + id + "/console";
  }

  /** The member form as it was sent, shown again with its error. */
  record MemberForm(String login, String role, String team, String playedRole) {}

  /**
   * The console again with the refused form's error on it (field named, input kept), as every form
   * of the hub shows its errors, instead of an error page.
   */
  String refused(Actor actor, long id, InvalidInput e, Locale locale, Model model) {
    model.addAttribute("formError", e);
    return console(actor, id, "", "1", locale, model);
  }

  /** A speed as typed: not a whole number is refused as out of range is, naming the field. */
  static int speed(String typed) {
    try {
      return Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput(
          "speed", "exercise.validation.speed", jp.renkei.engine.exercise.RunClock.MAX_SPEED);
    }
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
