package jp.renkei.server.notice;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.engine.notice.Outcome;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The NOTICE pages, through the same services and access rules as the API: the notifications one's
 * organisation holds (filters, real paging), one notification with its evidence and the form for
 * the 注意喚起 and its outcome, the monthly statistics the viewer may see, the range registry (an ISP
 * its own ranges, platform admins all and the import), and submissions (reporters upload CSV/JSON;
 * platform admins register reporters).
 */
@Controller
class NoticePages {

  static final List<String> WAYS = List.of("email", "post", "phone", "visit", "other");

  static final ListSpec SPEC =
      ListSpec.builder()
          .text()
          .messages(
              "state",
              "notice.filter.state",
              "notice.state.",
              List.of(
                  "open", "remediated", "warned", "not_reachable", "no_response", "not_applicable"))
          .messages(
              "source",
              "notice.filter.source",
              "notice.source.",
              List.of("survey", "partner", "hub"))
          .period()
          .sort("notified", "notice.col.notified-at")
          .sort("observed", "notice.col.observed")
          .sort("address", "notice.col.address")
          .sort("outcome", "notice.col.outcome")
          .build();

  private final NoticeAccess access;
  private final NoticeService service;
  private final MessageSource messages;

  NoticePages(NoticeAccess access, NoticeService service, MessageSource messages) {
    this.access = access;
    this.service = service;
    this.messages = messages;
  }

  @GetMapping("/notice")
  String page(
      Actor actor,
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    ListQuery query = SPEC.parse(params, response);
    ListPage<NoticeRow> page;
    if (!query.valid()) {
      page = ListPage.rejected(query);
    } else {
      NoticeAccess.Held held =
          access.held(
              actor,
              new NoticeAccess.Filter(
                  query.chosen("state").orElse(null),
                  query.chosen("source").orElse(null),
                  query.text(),
                  query.fromInstant(),
                  query.toExclusive()),
              query.sort(),
              query.descending(),
              query.offset(),
              query.size());
      page = new ListPage<>(held.rows(), held.total(), false, query);
    }
    model.addAttribute("page", page);
    jp.renkei.engine.notice.MonthlyFigures.Table stats = access.statistics(actor);
    model.addAttribute("months", stats.months());
    model.addAttribute("years", stats.years());
    model.addAttribute("k", access.k());
    model.addAttribute("dominance", access.dominance());
    model.addAttribute("failedReminders", access.failedReminders(actor));
    return "notice/page";
  }

  /** The statistics as CSV for a signed-in user, the same answer as the API's. */
  @GetMapping(value = "/notice/statistics.csv", produces = "text/csv;charset=UTF-8")
  org.springframework.http.ResponseEntity<String> statisticsCsv(Actor actor) {
    return NoticeApi.csv(access.statistics(actor));
  }

  @GetMapping("/notice/{id}")
  String detail(Actor actor, @PathVariable long id, Model model) {
    model.addAttribute("n", access.notice(actor, id));
    model.addAttribute("outcomes", Outcome.values());
    model.addAttribute("ways", WAYS);
    model.addAttribute("mayAnswer", actor.is(Role.ANALYST) && actor.organisationId() != null);
    return "notice/detail";
  }

  @PostMapping("/notice/{id}/outcome")
  String outcome(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String warnedHow,
      @RequestParam(required = false) String warnedOn,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String note,
      Model model,
      HttpServletResponse response) {
    try {
      service.record(
          actor,
          id,
          warnedHow == null || warnedHow.isBlank() ? null : warnedHow,
          date(warnedOn),
          outcome,
          note == null || note.isBlank() ? null : note);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("formError", e);
      // what was typed stays in the form, to be corrected rather than typed again
      model.addAttribute("typedHow", warnedHow == null ? "" : warnedHow);
      model.addAttribute("typedOn", warnedOn == null ? "" : warnedOn);
      model.addAttribute("typedOutcome", outcome);
      model.addAttribute("typedNote", note == null ? "" : note);
      return detail(actor, id, model);
    }
    return "redirect:/notice/" + id + "?saved";
  }

  /** A date as the form's date field sends it (yyyy-mm-dd), or an error naming the field. */
  private static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInput(
          "warnedOn",
          "notice.error.warned-on-format",
          s.length() > 40 ? s.substring(0, 40) + "…" : s);
    }
  }

  // ---------------------------------------------------------------- ranges

  @GetMapping("/notice/ranges")
  String ranges(Actor actor, @RequestParam(required = false) Long isp, Model model) {
    model.addAttribute("ranges", access.ranges(actor, isp));
    model.addAttribute("admin", actor.is(Role.PLATFORM_ADMIN));
    model.addAttribute("imports", access.rangeImports(actor));
    model.addAttribute("maxRanges", NoticeAccess.MAX_RANGES_SHOWN);
    return "notice/ranges";
  }

  @PostMapping("/notice/ranges")
  String importRanges(
      Actor actor,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletResponse response)
      throws IOException {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInput("file", "notice.error.no-file");
      }
      NoticeService.RangesImported r = service.importRanges(actor, file.getInputStream());
      model.addAttribute("imported", r);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("formError", e);
    }
    return ranges(actor, null, model);
  }

  // ---------------------------------------------------------------- submissions

  @GetMapping("/notice/submissions")
  String submissions(Actor actor, Model model) {
    model.addAttribute("reporter", access.reporterSource(actor));
    model.addAttribute("surveys", access.surveys(actor));
    model.addAttribute("admin", actor.is(Role.PLATFORM_ADMIN));
    model.addAttribute("reporters", access.reporters(actor));
    return "notice/submissions";
  }

  @PostMapping("/notice/submissions")
  String submit(
      Actor actor,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String label,
      @RequestParam(required = false) String surveyed,
      Model model,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInput("file", "notice.error.no-file");
      }
      String name = String.valueOf(file.getOriginalFilename()).toLowerCase(Locale.ROOT);
      String format = name.endsWith(".json") ? "json" : name.endsWith(".csv") ? "csv" : name;
      Long count = null;
      if (surveyed != null && !surveyed.isBlank()) {
        try {
          count = Long.parseLong(surveyed.strip());
        } catch (NumberFormatException e) {
          throw new InvalidInput("surveyed", "notice.error.surveyed-number", surveyed);
        }
      }
      model.addAttribute(
          "submitted",
          service.submit(
              actor,
              format,
              label == null || label.isBlank() ? null : label,
              count,
              file.getInputStream()));
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("formError", e);
    } catch (Forbidden e) {
      response.setStatus(403);
      model.addAttribute("refusal", messages.getMessage(e.messageKey(), e.args(), locale));
    }
    return submissions(actor, model);
  }

  @PostMapping("/notice/reporters")
  String addReporter(
      Actor actor,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String source,
      Model model,
      HttpServletResponse response) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new NotFound("page", "/notice/reporters");
    }
    try {
      service.addReporter(
          actor, organisation == null ? "" : organisation.strip(), String.valueOf(source));
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("formError", e);
      return submissions(actor, model);
    }
    return "redirect:/notice/submissions";
  }
}
