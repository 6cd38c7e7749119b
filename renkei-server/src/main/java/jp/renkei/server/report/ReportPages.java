package jp.renkei.server.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.reference.Term;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Report pages: list, inbox, the 情報連絡 form, a report with its history and actions. */
@Controller
class ReportPages {

  static final String[] VOCABULARIES = {
    "incident_type",
    "incident_type_group",
    "cause_type",
    "cause_group",
    "severity",
    "reporting_case",
    "tlp"
  };

  private final ReportService reports;
  private final ReportFilingService filing;
  private final ReportRoutingService routing;
  private final ReportRelayService relays;
  private final ReferenceData reference;
  private final DirectoryService directory;
  private final UserService users;
  private final jp.renkei.server.advisory.AdvisoryService advisories;
  private final ReportAttachments attachments;
  private final ReportValidator validator;

  ReportPages(
      ReportService reports,
      ReportFilingService filing,
      ReportRoutingService routing,
      ReportRelayService relays,
      ReferenceData reference,
      DirectoryService directory,
      UserService users,
      jp.renkei.server.advisory.AdvisoryService advisories,
      ReportAttachments attachments,
      ReportValidator validator) {
    this.validator = validator;
    this.advisories = advisories;
    this.attachments = attachments;
    this.reports = reports;
    this.filing = filing;
    this.routing = routing;
    this.relays = relays;
    this.reference = reference;
    this.directory = directory;
    this.users = users;
  }

  /** The fields of the report form in the order the page shows them. */
  private static final List<String> FORM_ORDER =
      List.of(
          "title",
          "summary",
          "occurredAt",
          "detectedAt",
          "incidentType",
          "causes",
          "serviceOutage",
          "severity",
          "responseStatus",
          "cascadePossibility",
          "cascadeNote",
          "reportingCase",
          "observables",
          "contactUnit",
          "contactPerson",
          "contactPhone",
          "contactEmail");

  /**
   * The form's content. When a time or an observable line cannot be read, the rest of the form is
   * judged too, so that the page lists every problem at once (the reporter fixed the line, sent
   * again and only then learnt that the type of event was missing).
   */
  private ReportContent content(ReportForm form) {
    jp.renkei.server.failure.FieldErrors unreadable = new jp.renkei.server.failure.FieldErrors();
    ReportContent readable = form.content(unreadable);
    if (unreadable.isEmpty()) {
      return readable;
    }
    List<InvalidInput> all =
        new java.util.ArrayList<>(
            jp.renkei.server.failure.InvalidInputs.of(
                catching(unreadable::throwIfAny).orElseThrow()));
    java.util.Set<String> unreadFields =
        all.stream().map(e -> base(e.field())).collect(Collectors.toSet());
    catching(() -> validator.check(readable, Instant.now()))
        .ifPresent(
            rest ->
                jp.renkei.server.failure.InvalidInputs.of(rest).stream()
                    .filter(e -> !unreadFields.contains(base(e.field())))
                    .forEach(all::add));
    all.sort(
        java.util.Comparator.comparingInt(
            e -> {
              int at = FORM_ORDER.indexOf(base(e.field()));
              return at < 0 ? FORM_ORDER.size() : at;
            }));
    jp.renkei.server.failure.FieldErrors sorted = new jp.renkei.server.failure.FieldErrors();
    all.forEach(sorted::add);
    sorted.throwIfAny();
    return readable;
  }

  private static java.util.Optional<InvalidInput> catching(Runnable check) {
    try {
      check.run();
      return java.util.Optional.empty();
    } catch (InvalidInput e) {
      return java.util.Optional.of(e);
    }
  }

  /** {@code observables[3]} is a problem of the observables field. */
  private static String base(String field) {
    int bracket = field == null ? -1 : field.indexOf('[');
    return bracket < 0 ? String.valueOf(field) : field.substring(0, bracket);
  }

  /** Every vocabulary the report pages label, by code: {@code vocab['severity']['level3']}. */
  @ModelAttribute("vocab")
  Map<String, Map<String, Term>> vocabularies() {
    Map<String, Map<String, Term>> all = new LinkedHashMap<>();
    for (String v : VOCABULARIES) {
      all.put(
          v,
          reference.vocabulary(v).stream()
              .collect(
                  Collectors.toMap(
                      Term::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }
    return all;
  }

  @GetMapping("/reports")
  String list(
      Actor actor,
      @RequestParam Map<String, String> params,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    ListQuery query = listSpec(reference).parse(params, response);
    model.addAttribute("page", reports.search(actor, query));
    model.addAttribute("mayReport", filing.mayReport(actor));
    return "report/list";
  }

  /**
   * The report list's filters: every classification a report carries, and its period (also what
   * ListReachAgreementIT asks the list with).
   */
  static ListSpec listSpec(ReferenceData reference) {
    return ListSpec.builder()
        .text()
        .organisation()
        .recipient()
        .sectors(reference)
        .tlp(reference)
        .vocabulary("severity", "lists.filter.severity", reference, "severity")
        .vocabulary("type", "lists.filter.incidentType", reference, "incident_type")
        .vocabulary("cause", "lists.filter.cause", reference, "cause_type")
        .messages(
            "status",
            "lists.filter.status",
            "report.status.",
            List.of("draft", "submitted", "closed"))
        .period()
        .sorts(ReportService.sorts())
        .build();
  }

  @GetMapping("/dashboard")
  String dashboard(
      Actor actor,
      Model model,
      @org.springframework.web.bind.annotation.RequestParam(required = false)
          @org.springframework.format.annotation.DateTimeFormat(
              iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
          java.time.LocalDate from,
      @org.springframework.web.bind.annotation.RequestParam(required = false)
          @org.springframework.format.annotation.DateTimeFormat(
              iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
          java.time.LocalDate to,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String sector) {
    StatisticsFilter filter = new StatisticsFilter(from, to, sector);
    model.addAttribute("stats", reports.statistics(actor, filter));
    model.addAttribute("filter", filter);
    model.addAttribute("sectors", reference.sectors());
    model.addAttribute("sectorLabels", sectorLabels());
    return "report/dashboard";
  }

  /** One dashboard table as CSV (UTF-8 with BOM, so spreadsheet software reads the Japanese). */
  @GetMapping(value = "/dashboard/{table}.csv", produces = "text/csv;charset=UTF-8")
  org.springframework.http.ResponseEntity<String> csv(
      Actor actor, @PathVariable String table, java.util.Locale locale) {
    ReportStatistics stats = reports.statistics(actor);
    StringBuilder csv = new StringBuilder("\uFEFF");
    Map<String, Map<String, Term>> vocab = vocabularies();
    switch (table) {
      case "sector" -> rows(csv, stats, stats.bySector(), sectorLabels(), locale);
      case "incident-type" ->
          rows(csv, stats, stats.byIncidentType(), vocab.get("incident_type"), locale);
      case "cause" -> rows(csv, stats, stats.byCause(), vocab.get("cause_type"), locale);
      case "latency" -> {
        csv.append("quarter,reports,median_minutes,p90_minutes\r\n");
        for (ReportStatistics.Latency l : stats.latency()) {
          csv.append(l.quarter())
              .append(',')
              .append(l.reports())
              .append(',')
              .append(l.medianMinutes() == null ? "" : l.medianMinutes())
              .append(',')
              .append(l.p90Minutes() == null ? "" : l.p90Minutes())
              .append("\r\n");
        }
      }
      default -> throw new jp.renkei.server.failure.NotFound("table", table);
    }
    return org.springframework.http.ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"renkei-" + table + ".csv\"")
        .body(csv.toString());
  }

  private static void rows(
      StringBuilder csv,
      ReportStatistics stats,
      ReportStatistics.Table t,
      Map<String, Term> labels,
      java.util.Locale locale) {
    csv.append("code,label");
    stats.quarters().forEach(q -> csv.append(',').append(q));
    csv.append(",total\r\n");
    for (ReportStatistics.Row r : t.rows()) {
      Term term = labels == null ? null : labels.get(r.code());
      csv.append(quote(r.code()))
          .append(',')
          .append(quote(term == null ? r.code() : term.label(locale)));
      r.counts().forEach(c -> csv.append(',').append(c));
      csv.append(',').append(r.total()).append("\r\n");
    }
  }

  private static String quote(String s) {
    return jp.renkei.server.files.CsvCell.quoted(s);
  }

  private Map<String, Term> sectorLabels() {
    Map<String, Term> m = new LinkedHashMap<>();
    reference
        .sectors()
        .forEach(s -> m.put(s.code(), new Term(s.code(), s.nameJa(), s.nameEn(), null)));
    return m;
  }

  @GetMapping("/reports/new")
  String form(Actor actor, Model model) {
    return form(actor, null, model);
  }

  /** The form; {@code exercise}: a report played in that exercise run (【訓練】). */
  @GetMapping(value = "/reports/new", params = "exercise")
  String form(Actor actor, @RequestParam Long exercise, Model model) {
    if (!model.containsAttribute("form")) {
      ReportForm f =
          ReportForm.fresh(users.byId(actor.userId()).orElseThrow().displayName(), Instant.now());
      f.setExercise(exercise);
      model.addAttribute("form", f);
    }
    model.addAttribute(
        "ceptoars",
        directory.detail(actor.organisationId()).ceptoars().stream()
            .filter(jp.renkei.server.directory.Organisation::active)
            .toList());
    model.addAttribute("sectors", reference.sectors());
    model.addAttribute("mayReport", filing.mayReport(actor));
    return "report/form";
  }

  @PostMapping("/reports")
  String create(
      Actor actor,
      @ModelAttribute("form") ReportForm form,
      @RequestParam(defaultValue = "draft") String action,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    try {
      boolean send = "submit".equals(action);
      long id = filing.create(actor, form.newReport(content(form)), send);
      // the report's page says what just happened: sent on its route, or kept as a draft
      redirect.addFlashAttribute("done", send ? "report.done.sent" : "report.done.draft");
      return "redirect:/reports/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return form(actor, model);
    }
  }

  @GetMapping("/reports/{id}")
  String view(Actor actor, @PathVariable long id, Model model) {
    ReportView report =
        reports.view(actor, id, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    model.addAttribute("report", report);
    model.addAttribute("mayAdvise", advisories.mayIssue(actor));
    model.addAttribute("attachments", attachments.list(actor, id));
    model.addAttribute("attachmentLimits", attachments.limits());
    model.addAttribute("relayInclusion", attachments.relayInclusion(actor, id).orElse(null));
    model.addAttribute("narrowerTlps", narrowerThan(report.tlp()));
    return "report/view";
  }

  /**
   * The CEPTOAR adds one of the original's attachments to the anonymised copy it already relayed
   * (one the reporter attached after the relay).
   */
  @PostMapping("/reports/{id}/attachments/{attachmentId}/relay")
  String includeInCopy(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
    attachments.includeInCopy(actor, id, attachmentId);
    return "redirect:/reports/" + id + "#attachments-section";
  }

  /** The TLP codes a hop may choose when forwarding: only those narrower than the report's. */
  static List<String> narrowerThan(String tlp) {
    jp.renkei.engine.policy.Tlp current = jp.renkei.server.sharing.Markings.tlp(tlp);
    return java.util.stream.Stream.of("red", "amber_strict", "amber", "green", "clear")
        .filter(code -> jp.renkei.server.sharing.Markings.tlp(code).compareTo(current) < 0)
        .toList();
  }

  @PostMapping("/reports/{id}/attachments")
  String attach(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
      Model model)
      throws java.io.IOException {
    try {
      if (file == null) {
        throw new InvalidInput("file", "work.validation.attachment.empty", "-");
      }
      attachments.upload(actor, id, file.getOriginalFilename(), file.getBytes());
      return "redirect:/reports/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return view(actor, id, model);
    }
  }

  /**
   * An attachment, always as a download: a neutral content type, no sniffing, a sandbox, the name
   * as RFC 6266 {@code filename*} with a plain ASCII fallback.
   */
  @GetMapping("/reports/{id}/attachments/{attachmentId}")
  org.springframework.http.ResponseEntity<byte[]> download(
      Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
    return asFile(attachments.download(actor, id, attachmentId));
  }

  /**
   * The response for a downloaded attachment, the same for the page and the API: {@code
   * application/octet-stream}, {@code Content-Disposition: attachment} with the stored name as RFC
   * 6266 {@code filename*} (an ASCII fallback naming only the id), {@code nosniff}, a sandbox, no
   * caching, and the stored SHA-256 as {@code Repr-Digest} (RFC 9530).
   */
  static org.springframework.http.ResponseEntity<byte[]> asFile(ReportAttachments.Download d) {
    ReportAttachments.AttachmentView a = d.attachment();
    return org.springframework.http.ResponseEntity.ok()
        .header("Content-Type", "application/octet-stream")
        .header(
            "Content-Disposition",
            "attachment; filename=\"attachment-"
                + a.id()
                + "\"; filename*=UTF-8''"
                + jp.renkei.engine.text.FileNames.rfc5987(a.name()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "no-store")
        .header(
            "Repr-Digest",
            "sha-256=:"
                + java.util.Base64.getEncoder()
                    .encodeToString(java.util.HexFormat.of().parseHex(a.sha256()))
                + ":")
        .body(d.content());
  }

  @PostMapping("/reports/{id}/submit")
  String submit(
      Actor actor,
      @PathVariable long id,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    filing.submit(actor, id);
    redirect.addFlashAttribute("done", "report.done.sent");
    return "redirect:/reports/" + id;
  }

  @PostMapping("/reports/{id}/delete")
  String deleteDraft(Actor actor, @PathVariable long id) {
    filing.deleteDraft(actor, id);
    return "redirect:/reports";
  }

  @PostMapping("/reports/{id}/read")
  String read(Actor actor, @PathVariable long id) {
    routing.markRead(actor, id);
    return "redirect:/reports/" + id;
  }

  @PostMapping("/reports/{id}/forward")
  String forward(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String tlp,
      Model model) {
    try {
      routing.forward(actor, id, tlp);
      return "redirect:/reports/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return view(actor, id, model);
    }
  }

  @PostMapping("/reports/{id}/comments")
  String comment(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String body,
      Model model) {
    try {
      routing.comment(actor, id, body);
      return "redirect:/reports/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return view(actor, id, model);
    }
  }

  /**
   * The side-by-side preview of what the relay sends. Asked again with the words typed (a POST from
   * the relay form's 再確認, or a GET with {@code extra}).
   */
  @org.springframework.web.bind.annotation.RequestMapping(
      value = "/reports/{id}/anonymise",
      method = {
        org.springframework.web.bind.annotation.RequestMethod.GET,
        org.springframework.web.bind.annotation.RequestMethod.POST
      })
  String anonymisation(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String extra,
      @RequestParam(required = false) String tlp,
      Model model) {
    ReportView report = reports.view(actor, id);
    model.addAttribute("report", report);
    if (!model.containsAttribute("chosenTlp")) {
      model.addAttribute("chosenTlp", tlp);
    }
    model.addAttribute("narrowerTlps", narrowerThan(report.tlp()));
    model.addAttribute(
        "presentedAs",
        ReportRelayService.anonymousName(
            reference,
            report.sectorCode(),
            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    AnonymisationPreview preview;
    try {
      preview = relays.preview(actor, id, extra == null ? null : terms(extra));
    } catch (jp.renkei.server.failure.Conflict e) {
      if (!"error.report.nothingToRelay".equals(e.messageKey())) {
        throw e;
      }
      // every version has gone up (the page opened again, or 転送 pressed twice): the report says so
      return "redirect:/reports/" + id;
    }
    model.addAttribute("preview", preview);
    model.addAttribute("relayAttachments", attachments.forRelay(actor, id));
    model.addAttribute("extra", extra == null ? String.join(", ", preview.extraTerms()) : extra);
    return "report/anonymise";
  }

  @PostMapping("/reports/{id}/relay")
  String relay(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String extra,
      @RequestParam(required = false) String previewed,
      @RequestParam(defaultValue = "") String tlp,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) java.util.List<Long> attachments,
      Model model) {
    if (previewed != null && extra != null && !terms(extra).equals(terms(previewed))) {
      // words typed but not yet checked: nothing goes upstream before the secretariat sees them
      // hidden
      model.addAttribute("termsChanged", true);
      return anonymisation(actor, id, extra, tlp, model);
    }
    try {
      this.attachments.relay(
          actor, id, extra == null ? null : terms(extra), tlp, version, attachments);
      return "redirect:/reports/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      // terms refused are not tried again: the page shows those stored
      boolean badTerms =
          jp.renkei.server.failure.InvalidInputs.of(e).stream()
              .anyMatch(x -> "extraTerms".equals(x.field()));
      return anonymisation(actor, id, badTerms ? null : extra, tlp, model);
    }
  }

  static java.util.List<String> terms(String extra) {
    return java.util.Arrays.stream(extra.split("[,、\\n]"))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .toList();
  }

  @GetMapping("/reports/{id}/edit")
  String editDraft(Actor actor, @PathVariable long id, Model model) {
    ReportView r = reports.view(actor, id);
    model.addAttribute("report", r);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ReportForm.of(r.latest().content()));
    }
    return "report/edit";
  }

  @PostMapping("/reports/{id}/draft")
  String saveDraft(
      Actor actor,
      @PathVariable long id,
      @ModelAttribute("form") ReportForm form,
      @RequestParam(defaultValue = "draft") String action,
      Model model) {
    try {
      filing.updateDraft(actor, id, content(form));
      if ("submit".equals(action)) {
        filing.submit(actor, id);
      }
      return "redirect:/reports/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return editDraft(actor, id, model);
    }
  }

  @GetMapping("/reports/{id}/versions/new")
  String versionForm(Actor actor, @PathVariable long id, Model model) {
    ReportView r = reports.view(actor, id);
    model.addAttribute("report", r);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ReportForm.of(r.latest().content()));
    }
    return "report/version";
  }

  @PostMapping("/reports/{id}/versions")
  String addVersion(
      Actor actor,
      @PathVariable long id,
      @ModelAttribute("form") ReportForm form,
      @RequestParam(defaultValue = "followup") String kind,
      Model model) {
    try {
      filing.addVersion(actor, id, kind, content(form));
      return "redirect:/reports/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return versionForm(actor, id, model);
    }
  }
}
