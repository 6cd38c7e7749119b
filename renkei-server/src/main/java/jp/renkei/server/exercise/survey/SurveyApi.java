package jp.renkei.server.exercise.survey;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for the 事後アンケート, through {@link SurveyService} and so under the same access rules as the
 * pages: a player reads and answers the run's questionnaire; controllers attach, close and reopen
 * it; controllers and evaluators read the tally (controllers also the answers one by one, without
 * name or organisation unless the author agreed). Anyone not in the run gets the run's 404. Tokens
 * need the read scope to read and the write scope to change, as every API.
 */
@RestController
@RequestMapping("/api/v1/exercises")
class SurveyApi {

  private final SurveyService surveys;
  private final MessageSource messages;

  SurveyApi(SurveyService surveys, MessageSource messages) {
    this.surveys = surveys;
    this.messages = messages;
  }

  /** A question as the API shows it: {@code text} in the request's language. */
  record ApiQuestion(String key, String kind, String text) {}

  /** The questionnaire with the caller's own answer so far. */
  record ApiForm(
      long runId,
      String runTitle,
      String state,
      List<ApiQuestion> questions,
      Map<String, String> answers,
      boolean named,
      boolean answered) {}

  /** An answer: values by question key (ratings "1"–"5"); {@code named}: show my name. */
  record Answer(Map<String, String> answers, Boolean named) {}

  /** Own questions of a questionnaire to attach: free-text ones and rating ones. */
  record Attach(List<String> questions, List<String> ratings) {}

  record State(String state) {}

  /** Open questionnaires of ended runs the caller plays in (answered or not). */
  @GetMapping("/surveys")
  List<SurveyViews.Pending> pending(Actor actor) {
    return surveys.pending(actor);
  }

  @GetMapping("/runs/{id}/survey")
  ApiForm form(Actor actor, @PathVariable long id) {
    return api(surveys.form(actor, id));
  }

  @PutMapping("/runs/{id}/survey")
  ApiForm answer(Actor actor, @PathVariable long id, @RequestBody Answer body) {
    surveys.answer(
        actor,
        id,
        body.answers() == null ? Map.of() : body.answers(),
        Boolean.TRUE.equals(body.named()));
    return api(surveys.form(actor, id));
  }

  @PostMapping("/runs/{id}/survey")
  ResponseEntity<SurveyViews.Results> attach(
      Actor actor, @PathVariable long id, @RequestBody Attach body) {
    surveys.attach(
        actor,
        id,
        body.questions() == null ? "" : String.join("\n", body.questions()),
        body.ratings() == null ? "" : String.join("\n", body.ratings()));
    return ResponseEntity.created(URI.create("/api/v1/exercises/runs/" + id + "/survey/results"))
        .body(surveys.results(actor, id));
  }

  @PutMapping("/runs/{id}/survey/state")
  SurveyViews.Results state(Actor actor, @PathVariable long id, @RequestBody State body) {
    surveys.setState(actor, id, body.state());
    return surveys.results(actor, id);
  }

  @GetMapping("/runs/{id}/survey/results")
  SurveyViews.Results results(Actor actor, @PathVariable long id) {
    return surveys.results(actor, id);
  }

  private ApiForm api(SurveyViews.Form f) {
    Locale locale = LocaleContextHolder.getLocale();
    return new ApiForm(
        f.runId(),
        f.runTitle(),
        f.state(),
        f.questions().stream()
            .map(q -> new ApiQuestion(q.key(), q.kind(), q.display(messages, locale)))
            .toList(),
        f.answers(),
        f.named(),
        f.answered());
  }
}
