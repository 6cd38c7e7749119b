package jp.renkei.server.exercise;

import jakarta.servlet.http.HttpServletResponse;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 演習: copy a shipped template into the organisation's scenarios, and rename a scenario. */
@Controller
class TemplatePages {

  private final ScenarioTemplates templates;
  private final ExerciseService exercises;

  TemplatePages(ScenarioTemplates templates, ExerciseService exercises) {
    this.templates = templates;
    this.exercises = exercises;
  }

  @PostMapping("/exercises/templates")
  String copy(
      Actor actor, @RequestParam(defaultValue = "") String template, java.util.Locale locale) {
    long scenario = templates.copy(actor, template, locale);
    return "redirect:/exercises/scenarios/" + scenario + "/transfer?copied=true";
  }

  /** Renames a scenario; a bad name is shown on the scenario's page, the field named, kept. */
  @PostMapping("/exercises/scenarios/{id}/title")
  String rename(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String title,
      Model model,
      HttpServletResponse response) {
    try {
      exercises.renameScenario(actor, id, title);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("formError", e);
      model.addAttribute("titleInput", title);
      model.addAttribute("scenarioId", id);
      model.addAttribute("scenario", exercises.scenario(actor, id));
      return "exercise/transfer";
    }
    return "redirect:/exercises/scenarios/" + id + "/transfer?renamed=true";
  }
}
