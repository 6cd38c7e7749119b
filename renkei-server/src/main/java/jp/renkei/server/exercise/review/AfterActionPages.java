package jp.renkei.server.exercise.review;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.exercise.survey.SurveyService;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 事後報告 pages: the after-action report of a run (printable HTML, PDF and .xlsx), and the scenario's
 * 状況付与票 and exchange JSON downloads and uploads from the exercise list.
 */
@Controller
class AfterActionPages {

  private final AfterAction reports;
  private final ScenarioTransfer transfer;
  private final MessageSource messages;
  private final FollowUp followUp;
  private final SurveyService surveys;
  private final AfterActionPdf pdf;
  private final jp.renkei.server.exercise.InjectTargets targets;
  private final jp.renkei.server.ui.TimeFormat time;

  AfterActionPages(
      AfterAction reports,
      ScenarioTransfer transfer,
      MessageSource messages,
      FollowUp followUp,
      SurveyService surveys,
      AfterActionPdf pdf,
      jp.renkei.server.exercise.InjectTargets targets,
      jp.renkei.server.ui.TimeFormat time) {
    this.targets = targets;
    this.time = time;
    this.reports = reports;
    this.pdf = pdf;
    this.surveys = surveys;
    this.followUp = followUp;
    this.transfer = transfer;
    this.messages = messages;
  }

  /**
   * The report page: with more than {@link jp.renkei.server.exercise.ConsolePage#TEAMS_PER_PAGE}
   * teams, one page of teams' rows ({@code page}) with the totals over all of them; {@code all}
   * (the print view) shows every row.
   */
  @GetMapping("/exercises/{id}/report")
  String report(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "1") String page,
      @RequestParam(defaultValue = "false") String all,
      Model model) {
    AfterActionReport r = reports.report(actor, id);
    model.addAttribute("r", r);
    model.addAttribute("p", ReportPage.of(r, pageNumber(page), "true".equals(all)));
    model.addAttribute("f", followUp.view(actor, id, LocaleContextHolder.getLocale()));
    model.addAttribute("sv", surveys.results(actor, id));
    return "exercise/aar";
  }

  @PostMapping("/exercises/{id}/lessons")
  String lesson(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String body) {
    followUp.addLesson(actor, id, category, body);
    return "redirect:/exercises/" + id + "/report#aar-lessons";
  }

  @PostMapping("/exercises/{id}/issues")
  String issue(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(required = false) Long owner,
      @RequestParam(defaultValue = "") String due) {
    followUp.addIssue(actor, id, title, owner, due);
    return "redirect:/exercises/" + id + "/report#aar-issues";
  }

  @PostMapping("/exercises/{id}/issues/{issue}")
  String issueState(
      Actor actor,
      @PathVariable long id,
      @PathVariable long issue,
      @RequestParam(defaultValue = "") String state) {
    followUp.setIssueState(actor, id, issue, state);
    return "redirect:/exercises/" + id + "/report#aar-issues";
  }

  /** The open 課題 of the runs the viewer follows (loaded into the exercise list). */
  @GetMapping("/exercises/issues")
  String openIssues(Actor actor, Model model) {
    model.addAttribute("issues", followUp.openIssues(actor));
    return "exercise/issues :: open";
  }

  @GetMapping("/exercises/{id}/report.xlsx")
  ResponseEntity<byte[]> reportXlsx(Actor actor, @PathVariable long id) {
    Locale locale = LocaleContextHolder.getLocale();
    byte[] body =
        AfterActionSheet.write(
            reports.report(actor, id),
            followUp.view(actor, id, LocaleContextHolder.getLocale()),
            surveys.results(actor, id),
            k -> messages.getMessage(k, null, k, locale),
            q -> q.display(messages, locale),
            new AfterActionSheet.Words(
                locale, t -> targets.words(t, locale), t -> time.jst(t, locale)));
    return ScenarioTransferApi.download(
        body, ScenarioTransferApi.XLSX, "exercise-" + id + "-report.xlsx");
  }

  /** The report as PDF (A4, Japanese font embedded); same access as the page. */
  @GetMapping("/exercises/{id}/report.pdf")
  ResponseEntity<byte[]> reportPdf(Actor actor, @PathVariable long id) {
    AfterActionReport r = reports.report(actor, id);
    byte[] body =
        pdf.render(
            r,
            followUp.view(actor, id, LocaleContextHolder.getLocale()),
            surveys.results(actor, id),
            LocaleContextHolder.getLocale());
    return ScenarioTransferApi.download(
        body, org.springframework.http.MediaType.APPLICATION_PDF, "exercise-" + id + "-report.pdf");
  }

  @GetMapping("/exercises/scenarios/{id}/injects.xlsx")
  ResponseEntity<byte[]> injects(Actor actor, @PathVariable long id) {
    return ScenarioTransferApi.download(
        transfer.exportXlsx(actor, id),
        ScenarioTransferApi.XLSX,
        "scenario-" + id + "-injects.xlsx");
  }

  @GetMapping("/exercises/scenarios/{id}/export.json")
  ResponseEntity<byte[]> json(Actor actor, @PathVariable long id) {
    return ScenarioTransferApi.download(
        transfer.exportJson(actor, id).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        org.springframework.http.MediaType.APPLICATION_JSON,
        "scenario-" + id + ".json");
  }

  /** The scenario's 状況付与票 and exchange JSON: downloads, and the upload of a new 状況付与票. */
  @GetMapping("/exercises/scenarios/{id}/transfer")
  String transferPage(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean copied,
      @RequestParam(defaultValue = "false") boolean renamed,
      Model model) {
    model.addAttribute("scenarioId", id);
    model.addAttribute("copied", copied);
    model.addAttribute("renamed", renamed);
    model.addAttribute("scenario", transfer.scenario(actor, id));
    return "exercise/transfer";
  }

  /**
   * Attaches the 事後アンケート to the scenario (own questions and rating questions, one a line), or takes
   * it off ({@code remove}); every error is listed, nothing is stored then.
   */
  @PostMapping("/exercises/scenarios/{id}/survey")
  String scenarioSurvey(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String questions,
      @RequestParam(required = false) String ratings,
      @RequestParam(required = false) String remove,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("scenarioId", id);
    try {
      transfer.setSurvey(
          actor,
          id,
          remove != null
              ? null
              : new jp.renkei.server.exercise.ScenarioDocument.SurveyDoc(
                  lines(questions), lines(ratings)));
      model.addAttribute("surveySaved", true);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("importErrors", describe(e));
    }
    model.addAttribute("scenario", transfer.scenario(actor, id));
    return "exercise/transfer";
  }

  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** Replaces the injects from an uploaded 状況付与票; every error is listed, nothing is stored. */
  @PostMapping("/exercises/scenarios/{id}/injects")
  String upload(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletResponse response)
      throws IOException {
    model.addAttribute("scenarioId", id);
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInput("file", "aar.import.empty");
      }
      transfer.replaceInjects(actor, id, file.getInputStream());
      model.addAttribute("imported", true);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("importErrors", describe(e));
    }
    model.addAttribute("scenario", transfer.scenario(actor, id));
    return "exercise/transfer";
  }

  /** A new scenario from an exchange JSON file, then its page; or every error with its path. */
  @PostMapping("/exercises/scenarios/import")
  String importJson(
      Actor actor,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletResponse response)
      throws IOException {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInput("file", "aar.import.empty");
      }
      long id = transfer.importJson(actor, file.getInputStream());
      return "redirect:/exercises/scenarios/" + id + "/transfer";
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("importErrors", describe(e));
      return "exercise/import";
    }
  }

  @GetMapping("/exercises/scenarios/import")
  String importPage() {
    return "exercise/import";
  }

  /** A page number from the query; anything that is not one is the first page. */
  private static int pageNumber(String page) {
    try {
      return Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private List<String> describe(InvalidInput e) {
    Locale locale = LocaleContextHolder.getLocale();
    return InvalidInputs.of(e).stream()
        .map(x -> messages.getMessage(x.messageKey(), x.args(), x.messageKey(), locale))
        .toList();
  }
}
