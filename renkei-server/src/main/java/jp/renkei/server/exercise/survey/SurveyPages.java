package jp.renkei.server.exercise.survey;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 事後アンケート pages: a player's questionnaire, the controller's attach/close actions on the
 * after-action report, and the 「アンケートに回答」 items on the exercise list and run page.
 */
@Controller
class SurveyPages {

  /** Form fields of the answers are named {@code q.<question key>}. */
  static final String FIELD = "q.";

  private final SurveyService surveys;
  private final MessageSource messages;

  SurveyPages(SurveyService surveys, MessageSource messages) {
    this.surveys = surveys;
    this.messages = messages;
  }

  @GetMapping("/exercises/{id}/survey")
  String form(Actor actor, @PathVariable long id, Model model) {
    model.addAttribute("form", surveys.form(actor, id));
    return "exercise/survey";
  }

  @PostMapping("/exercises/{id}/survey")
  String answer(
      Actor actor,
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      @RequestParam(defaultValue = "false") boolean named,
      Model model,
      HttpServletResponse response) {
    Map<String, String> values = new HashMap<>();
    params.forEach(
        (k, v) -> {
          if (k.startsWith(FIELD)) {
            values.put(k.substring(FIELD.length()), v);
          }
        });
    try {
      surveys.answer(actor, id, values, named);
      return "redirect:/exercises/" + id + "/survey?saved";
    } catch (InvalidInput e) {
      if (e instanceof jp.renkei.server.failure.Conflict) {
        throw e;
      }
      response.setStatus(400);
      SurveyViews.Form f = surveys.form(actor, id);
      model.addAttribute(
          "form",
          new SurveyViews.Form(
              f.runId(), f.runTitle(), f.state(), f.questions(), values, named, f.answered()));
      model.addAttribute("surveyErrors", describe(e));
      return "exercise/survey";
    }
  }

  @PostMapping("/exercises/{id}/survey/attach")
  String attach(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String questions,
      @RequestParam(defaultValue = "") String ratings) {
    surveys.attach(actor, id, questions, ratings);
    return "redirect:/exercises/" + id + "/report#aar-survey";
  }

  @PostMapping("/exercises/{id}/survey/state")
  String state(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String state) {
    surveys.setState(actor, id, state);
    return "redirect:/exercises/" + id + "/report#aar-survey";
  }

  /** 「アンケートに回答」 items of the viewer (loaded into the exercise list). */
  @GetMapping("/exercises/surveys")
  String pending(Actor actor, Model model) {
    model.addAttribute("pending", surveys.pending(actor));
    return "exercise/survey-parts :: pending";
  }

  /** The item of one run (loaded into the run's page). */
  @GetMapping("/exercises/{id}/survey/item")
  String item(Actor actor, @PathVariable long id, Model model) {
    model.addAttribute(
        "pending", surveys.pending(actor).stream().filter(p -> p.runId() == id).toList());
    return "exercise/survey-parts :: pending";
  }

  private List<String> describe(InvalidInput e) {
    Locale locale = LocaleContextHolder.getLocale();
    return InvalidInputs.of(e).stream()
        .map(x -> messages.getMessage(x.messageKey(), x.args(), x.messageKey(), locale))
        .toList();
  }
}
