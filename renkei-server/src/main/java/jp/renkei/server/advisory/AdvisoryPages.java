package jp.renkei.server.advisory;

import java.util.Arrays;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationQuery;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Advisory pages: the list, writing one, the thread with confirmation and reach. */
@Controller
class AdvisoryPages {

  private final AdvisoryService advisories;
  private final ReferenceData reference;
  private final DirectoryService directory;
  private final AdvisoryDrafts drafts;

  AdvisoryPages(
      AdvisoryService advisories,
      AdvisoryDrafts drafts,
      ReferenceData reference,
      DirectoryService directory) {
    this.advisories = advisories;
    this.drafts = drafts;
    this.reference = reference;
    this.directory = directory;
  }

  @GetMapping("/advisories")
  String list(
      Actor actor,
      @RequestParam java.util.Map<String, String> params,
      java.util.Locale locale,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .organisation()
            .recipient()
            .tlp(reference)
            .messages(
                "kind",
                "lists.filter.kind",
                "advisory.kind.",
                List.of("initial", "update", "correction", "withdrawal"))
            .messages(
                "status", "lists.filter.status", "advisory.status.", List.of("active", "withdrawn"))
            .period()
            .sorts("issued", "title", "tlp", "issuer")
            .build()
            .parse(params, response);
    model.addAttribute(
        "page",
        ListPage.of(
            query,
            advisories.list(actor, ListSpec.CAP + 1),
            a ->
                query.textMatches(a.title(), a.issuerName(), a.issuerNameEn())
                    && query.fieldMatches("org", a.issuerName(), a.issuerNameEn())
                    && query.allows("tlp", a.tlp())
                    && query.allows("kind", a.kind())
                    && query.allows("status", a.status())
                    && query.inPeriod(a.createdAt())
                    && (query.field("recipient").isEmpty()
                        || advisories.recipientsShownTo(actor, a.id()).stream()
                            .anyMatch(
                                o -> query.fieldMatches("recipient", o.nameJa(), o.nameEn()))),
            java.util.Map.of(
                "issued", ListPage.by(AdvisoryService.Summary::createdAt),
                "title", ListPage.by(AdvisoryService.Summary::title),
                "tlp", ListPage.byTlp(AdvisoryService.Summary::tlp),
                "issuer", ListPage.<AdvisoryService.Summary, String>by(a -> a.issuerName(locale))),
            AdvisoryService.Summary::id));
    model.addAttribute("mayIssue", advisories.mayIssue(actor));
    return "advisory/list";
  }

  /**
   * One organisation in the recipient picker: {@code groups} the picker's group keys it belongs to
   * (its type, its sector, each CEPTOAR it is a member of or is), {@code noDutyContact} when it has
   * no 当番連絡先 (duty e-mail) to be alerted at.
   */
  record PickerEntry(
      String code, String name, String typeCode, String groups, boolean noDutyContact) {}

  /** A group the picker can select at once: its key, label and how many it holds. */
  record PickerGroup(String key, String label, long size) {}

  @GetMapping("/advisories/new")
  String form(
      Actor actor,
      @RequestParam(required = false) Long fromReport,
      @RequestParam(required = false) Long draft,
      @RequestParam(required = false) Long exercise,
      Model model,
      java.util.Locale locale) {
    if (!model.containsAttribute("form")) {
      AdvisoryForm f =
          draft != null
              ? drafts.form(actor, draft)
              : fromReport != null ? advisories.fromReport(actor, fromReport) : new AdvisoryForm();
      if (exercise != null) {
        f.setExercise(exercise);
      }
      model.addAttribute("form", f);
      model.addAttribute("fromReport", fromReport);
    }
    model.addAttribute("mayIssue", advisories.mayIssue(actor));
    model.addAttribute("drafts", drafts.list(actor, 50));
    model.addAttribute("sectors", reference.sectors());
    model.addAttribute("types", reference.organisationTypes());
    model.addAttribute("urgencies", AdvisoryService.URGENCIES);
    model.addAttribute(
        "tlps", reference.vocabulary("tlp").stream().filter(t -> !t.code().equals("red")).toList());
    picker(model, locale);
    return "advisory/form";
  }

  private void picker(Model model, java.util.Locale locale) {
    List<Organisation> all = directory.find(OrganisationQuery.ALL);
    java.util.Map<String, java.util.Set<String>> groups = new java.util.HashMap<>();
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (Organisation o : all) {
      if (!o.active()) {
        continue;
      }
      java.util.Set<String> g = groups.computeIfAbsent(o.code(), c -> new java.util.TreeSet<>());
      g.add("type-" + o.typeCode());
      labels.putIfAbsent("type-" + o.typeCode(), o.typeName(locale));
      if (o.sectorCode() != null) {
        g.add("sector-" + o.sectorCode());
        labels.putIfAbsent("sector-" + o.sectorCode(), o.sectorName(locale));
      }
      if ("ceptoar".equals(o.typeCode())) {
        String key = "ceptoar-" + o.code();
        labels.put(key, o.name(locale));
        g.add(key);
        for (Organisation m : directory.detail(o.id()).members()) {
          groups.computeIfAbsent(m.code(), c -> new java.util.TreeSet<>()).add(key);
        }
      }
    }
    List<PickerEntry> entries =
        all.stream()
            .filter(Organisation::active)
            .map(
                o ->
                    new PickerEntry(
                        o.code(),
                        o.name(locale),
                        o.typeCode(),
                        String.join(" ", groups.get(o.code())),
                        o.dutyEmail() == null || o.dutyEmail().isBlank()))
            .toList();
    model.addAttribute("pickerEntries", entries);
    model.addAttribute(
        "pickerGroups",
        labels.entrySet().stream()
            .map(
                e ->
                    new PickerGroup(
                        e.getKey(),
                        e.getValue(),
                        entries.stream()
                            .filter(x -> (" " + x.groups() + " ").contains(" " + e.getKey() + " "))
                            .count()))
            .toList());
  }

  /**
   * The form posts here. {@code preview} (the default): every check, then the exact recipients to
   * confirm; {@code issue}: 発信 (from the confirmation page); {@code draft}: save as a draft; {@code
   * edit}: back to the form. A failed check shows the form again with every field and every chosen
   * recipient as sent.
   */
  @PostMapping("/advisories")
  String issue(
      Actor actor,
      @ModelAttribute("form") AdvisoryForm form,
      @RequestParam(defaultValue = "preview") String action,
      Model model,
      java.util.Locale locale) {
    try {
      switch (action) {
        case "issue" -> {
          return "redirect:/advisories/" + drafts.issue(actor, form);
        }
        case "draft" -> {
          if (form.getExercise() != null) {
            // a draft keeps no exercise: issued later it would be real work
            throw new InvalidInput("exercise", "exercise.error.noDrafts");
          }
          long id = drafts.save(actor, form);
          return "redirect:/advisories/new?draft=" + id + "&saved";
        }
        case "edit" -> {
          return form(actor, null, null, null, model, locale);
        }
        default -> {
          // a deadline that is no date is listed with every other error, not alone
          jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
          java.time.Instant by = null;
          InvalidInput badDeadline = null;
          try {
            by = form.confirmByInstant();
          } catch (InvalidInput e) {
            badDeadline = e;
          }
          List<Organisation> recipients = List.of();
          try {
            recipients = advisories.recipientsOf(actor, form.advisory(by));
          } catch (InvalidInput e) {
            errors.add(e);
          }
          if (badDeadline != null) {
            errors.add(badDeadline);
          }
          errors.throwIfAny();
          model.addAttribute("recipients", recipients);
          model.addAttribute(
              "withoutDuty",
              recipients.stream()
                  .filter(o -> o.dutyEmail() == null || o.dutyEmail().isBlank())
                  .toList());
          model.addAttribute("confirmByInstant", form.confirmByInstant());
          return "advisory/confirm";
        }
      }
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return form(actor, null, null, null, model, locale);
    }
  }

  @PostMapping("/advisories/drafts/{id}/delete")
  String deleteDraft(Actor actor, @PathVariable long id) {
    drafts.delete(actor, id);
    return "redirect:/advisories/new";
  }

  @GetMapping("/advisories/{id}")
  String view(Actor actor, @PathVariable long id, Model model) {
    AdvisoryView advisory =
        advisories.view(
            actor, id, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    model.addAttribute("advisory", advisory);
    model.addAttribute(
        "sourceTitles", advisories.sourceTitles(actor, advisory.latest().sourceReportIds()));
    return "advisory/view";
  }

  @PostMapping("/advisories/{id}/acknowledge")
  String acknowledge(Actor actor, @PathVariable long id) {
    advisories.acknowledge(actor, id);
    return "redirect:/advisories/" + id;
  }

  @PostMapping("/advisories/{id}/remind")
  String remind(Actor actor, @PathVariable long id) {
    advisories.remind(actor, id);
    return "redirect:/advisories/" + id;
  }

  @PostMapping("/advisories/{id}/versions")
  String addVersion(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "update") String kind,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String actions,
      @RequestParam(required = false) String observables,
      @RequestParam(required = false) String sourceReports,
      @RequestParam(required = false) String urgency,
      @RequestParam(required = false) String confirmBy,
      Model model) {
    try {
      AdvisoryForm deadline = new AdvisoryForm();
      deadline.setConfirmBy(confirmBy);
      // the form is prefilled with the current values; a field not sent keeps them
      advisories.addVersion(
          actor,
          id,
          kind,
          title,
          body,
          actions,
          observables == null ? null : lines(observables),
          sourceReports == null ? null : reportIds(sourceReports),
          urgency,
          deadline.confirmByInstant());
      return "redirect:/advisories/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute(
          "versionForm",
          new VersionForm(
              kind, title, body, actions, observables, sourceReports, urgency, confirmBy));
      return view(actor, id, model);
    }
  }

  /** A refused new version as typed, shown again in its form so nothing typed is lost. */
  record VersionForm(
      String kind,
      String title,
      String body,
      String actions,
      String observables,
      String sourceReports,
      String urgency,
      String confirmBy) {}

  static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R"))
        .map(String::strip)
        .filter(s -> !s.isEmpty() && !s.startsWith("#"))
        .toList();
  }

  static List<Long> reportIds(String text) {
    try {
      return Arrays.stream(text.split("[,\\s、#]+"))
          .filter(s -> !s.isBlank())
          .map(Long::valueOf)
          .toList();
    } catch (NumberFormatException e) {
      throw new InvalidInput("sourceReports", "validation.advisory.sourceReports", text);
    }
  }
}
